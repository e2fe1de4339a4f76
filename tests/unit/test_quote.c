/* Each emitter's quote, proven by the shell itself: the quoted word is
 * evaluated by the real shell and must print back exactly the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "shells/shell.h"
#include "tap.h"

/* Runs shell -c "printf %s WORD" (rc files off: no_rc, or nothing when it is
 * empty) and returns what it printed. */
static int round_trip(struct vh_buf *got, const char *shell_path, const char *no_rc,
		      const char *word)
{
	struct vh_buf script = VH_BUF_INIT;
	char chunk[4096];
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	vh_buf_reset(got);
	vh_buf_puts(&script, "printf %s ");
	vh_buf_puts(&script, word);
	if (pipe(fds) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		if (*no_rc)
			execl(shell_path, shell_path, no_rc, "-c", script.data, (char *)NULL);
		else
			execl(shell_path, shell_path, "-c", script.data, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], chunk, sizeof(chunk))) > 0)
		vh_buf_add(got, chunk, (size_t)n);
	close(fds[0]);
	vh_buf_free(&script);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
		return -1;
	return 0;
}

static const char *const hostile[] = {
	"plain", "with space", "it's", "\"dq\"", "$(touch /tmp/vh-pwned)", "`touch /tmp/vh-pwned`",
	"bang!bang", "!!", "%s%d%%", "back\\slash\\", "tab\there", "new\nline", "\n", "'", "''",
	"\\'", "${HOME}", "$HOME", "*?[a]", "~", "~root", "-n", "a;b|c&d>e<f", "{a,b}",
	"caf\xc3\xa9", "\xff\xfe bad utf8 \x80", "\x01\x1b[31m", "#comment", "=", NULL,
};

/* One quoted value: round-trips, or (one_line shells only) holds a newline
 * and is refused. Returns 1 when that holds. */
static int check_one(const struct vh_shell *sh, const char *path, const char *no_rc,
		     const char *s, struct vh_buf *word, struct vh_buf *got)
{
	int refused;

	vh_buf_reset(word);
	refused = sh->quote(word, s) < 0;
	if (refused)
		return sh->one_line && strchr(s, '\n');
	return round_trip(got, path, no_rc, word->data) == 0 && got->len == strlen(s) &&
	       memcmp(got->data, s, got->len) == 0;
}

static void check_shell(const struct vh_shell *sh, const char *path, const char *no_rc)
{
	const char *name = sh->name;
	struct vh_buf word = VH_BUF_INIT, got = VH_BUF_INIT;
	const char *const *s;
	char rnd[64];
	int i, j, fails = 0;

	if (!path || !*path || access(path, X_OK) != 0) {
		tap_ok(0, "%s: no shell at '%s' (configure found none)", name, path ? path : "");
		return;
	}
	for (s = hostile; *s; s++) {
		if (!check_one(sh, path, no_rc, *s, &word, &got)) {
			fails++;
			printf("# %s mangled: %s\n", name, word.data);
		}
	}
	tap_ok(fails == 0, "%s: every hostile name round-trips through the real shell%s", name,
	       sh->one_line ? " (or, holding a newline, is refused)" : "");

	/* random bytes, seeded so a failure reproduces */
	srand(42);
	fails = 0;
	for (i = 0; i < 60; i++) {
		int len = 1 + rand() % 40;

		for (j = 0; j < len; j++)
			rnd[j] = (char)(1 + rand() % 255);
		rnd[len] = '\0';
		fails += !check_one(sh, path, no_rc, rnd, &word, &got);
	}
	tap_ok(fails == 0, "%s: 60 random byte strings round-trip (%d failed)", name, fails);
	vh_buf_free(&word);
	vh_buf_free(&got);
}

/* VH_<NAME> (the shell's path) or VH_<NAME>_BARE (how to start it without
 * rc files), as make check sets them from configure.ac's list of shells. */
static const char *shell_var(const char *name, const char *suffix)
{
	static char var[64];
	size_t i;

	snprintf(var, sizeof(var), "VH_%s%s", name, suffix);
	for (i = 3; var[i] && i < 3 + strlen(name); i++)
		if (var[i] >= 'a' && var[i] <= 'z')
			var[i] = (char)(var[i] - 'a' + 'A');
	return getenv(var);
}

int main(void)
{
	const struct vh_shell *const *sh;

	/* every shell in the registry, each by the real shell */
	for (sh = vh_shells; *sh; sh++) {
		const char *bare = shell_var((*sh)->name, "_BARE");

		check_shell(*sh, shell_var((*sh)->name, ""), bare ? bare : "");
	}
	tap_ok(access("/tmp/vh-pwned", F_OK) != 0, "nothing in a name was executed");
	return tap_done();
}
