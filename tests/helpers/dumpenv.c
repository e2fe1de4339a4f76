/* dumpenv VAR...: prints "VAR=value" or "VAR unset" for each, as the process
 * inherited them, with control bytes, invalid UTF-8 and '\' escaped as \xHH
 * (venvhook's message escaping). dumpenv -e STRING: prints STRING escaped the
 * same way, so a test can compare exact bytes as text. An external program
 * sees exactly what the shell exported, whatever the shell. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/buf.h"
#include "core/util/msg.h"

/* In the sanitizer build: no leak check at exit. This helper runs inside
 * the shells' sessions, and a session's end can hang up its terminal while
 * LeakSanitizer's tracer is stopping the process: the process then spins
 * waiting for it, for good (seen under load). venvhook's own leaks are
 * checked in every run of venvhook. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

static void put(const char *s)
{
	struct vh_buf b = VH_BUF_INIT;

	vh_msg_escape(&b, s);
	fputs(vh_buf_str(&b), stdout);
	vh_buf_free(&b);
}

int main(int argc, char **argv)
{
	const char *v;
	int i;

	if (argc == 3 && !strcmp(argv[1], "-e")) {
		put(argv[2]);
		putchar('\n');
		return 0;
	}
	for (i = 1; i < argc; i++) {
		v = getenv(argv[i]);
		fputs(argv[i], stdout);
		if (v) {
			putchar('=');
			put(v);
			putchar('\n');
		} else {
			fputs(" unset\n", stdout);
		}
	}
	return 0;
}
