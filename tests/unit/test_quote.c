/* Each emitter's quote, proven by the shell itself: the quoted words are
 * evaluated by the real shell, each in the statement configure.ac's list
 * says prints a word (VH_<NAME>_PRINT), and must print back exactly the
 * same bytes; one script per list of strings, so that a shell that takes
 * half a second to start (xonsh) starts twice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "shells/shell.h"
#include "shellenv.h"
#include "tap.h"

/* Runs the script file with the shell (its arguments without rc files,
 * blank-separated, in bare) and returns what it printed. */
static int run_script(struct vh_buf *got, const char *shell_path, const char *bare,
		      const char *file)
{
	char chunk[4096], *args = strdup(bare ? bare : ""), *argv[16], *tok, *save = NULL;
	int fds[2], status, argc = 0;
	ssize_t n;
	pid_t pid;

	vh_buf_reset(got);
	argv[argc++] = (char *)shell_path;
	for (tok = strtok_r(args, " ", &save); tok && argc < 14; tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc++] = (char *)file;
	argv[argc] = NULL;
	if (pipe(fds) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(shell_path, argv);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], chunk, sizeof(chunk))) > 0)
		vh_buf_add(got, chunk, (size_t)n);
	close(fds[0]);
	free(args);
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

/* The strings a shell is tested with: the hostile names, then random
 * bytes, seeded so that a failure reproduces. */
#define NRANDOM 60
static char random_strings[NRANDOM][64];

static void make_random(void)
{
	int i, j, len;

	srand(42);
	for (i = 0; i < NRANDOM; i++) {
		len = 1 + rand() % 40;
		for (j = 0; j < len; j++)
			random_strings[i][j] = (char)(1 + rand() % 255);
		random_strings[i][len] = '\0';
	}
}

/* print with W, its only capital W, replaced by word. */
static void statement(struct vh_buf *out, const char *print, const char *word)
{
	for (; *print; print++)
		if (*print == 'W')
			vh_buf_puts(out, word);
		else
			vh_buf_putc(out, *print);
	vh_buf_putc(out, '\n');
}

/* Every string of list (n of them) quoted by sh, each in a statement that
 * prints it and a NUL, in one script the real shell runs; what it prints
 * must be each string that was not refused, in order. A refusal is
 * right only where the emitter says it cannot say the value (unsayable).
 * Returns the number of strings that failed. */
static int check_list(const struct vh_shell *sh, const char *path, const char *bare,
		      const char *print, const char *const *list, size_t n, const char *file)
{
	struct vh_buf script = VH_BUF_INIT, word = VH_BUF_INIT, got = VH_BUF_INIT;
	const char *p, *end;
	size_t i, len;
	int fails = 0, *sent = calloc(n, sizeof(int));
	FILE *f;

	for (i = 0; i < n; i++) {
		vh_buf_reset(&word);
		if (sh->emit->quote(&word, list[i]) < 0) {
			if (!vh_shell_unsayable(sh, list[i])) {
				fails++;
				printf("# %s refused a value it can say (string %zu)\n", sh->name, i);
			}
			continue;
		}
		if (vh_shell_unsayable(sh, list[i])) {
			fails++;
			printf("# %s said a value it says it cannot: %s\n", sh->name, word.data);
		}
		sent[i] = 1;
		statement(&script, print, word.data);
	}
	f = fopen(file, "w");
	if (!f || fwrite(script.data ? script.data : "", 1, script.len, f) != script.len ||
	    fclose(f) != 0 || run_script(&got, path, bare, file) < 0) {
		printf("# %s: the script did not run to its end\n", sh->name);
		fails++;
	}
	p = got.data ? got.data : "";
	end = p + got.len;
	for (i = 0; i < n; i++) {
		if (!sent[i])
			continue;
		len = strlen(list[i]);
		if (p > end || (size_t)(end - p) < len + 1 || memcmp(p, list[i], len) || p[len]) {
			fails++;
			vh_buf_reset(&word);
			sh->emit->quote(&word, list[i]);
			printf("# %s mangled: %s\n", sh->name, word.data);
			/* the rest is out of step: find the next NUL */
			p = memchr(p, '\0', (size_t)(end - p > 0 ? end - p : 0));
			p = p ? p + 1 : end + 1;
			continue;
		}
		p += len + 1;
	}
	free(sent);
	vh_buf_free(&script);
	vh_buf_free(&word);
	vh_buf_free(&got);
	return fails;
}

static void check_shell(const struct vh_shell *sh, const char *path, const char *bare,
			const char *print, const char *get, const char *file)
{
	const char *name = sh->name, *rnd[NRANDOM];
	size_t nhostile = 0, i;
	int fails;

	if (!path || !*path || access(path, X_OK) != 0) {
		if (optional(name)) {
			printf("ok %d - %s: not installed # SKIP (%s)\n", ++tap_count, name,
			       get ? get : "see configure.ac");
			printf("ok %d - %s: random strings # SKIP not installed\n", ++tap_count, name);
			return;
		}
		tap_ok(0, "%s: no shell at '%s' (configure found none)", name, path ? path : "");
		return;
	}
	if (!print || !*print) {
		tap_ok(0, "%s: no statement that prints a word (configure.ac's list)", name);
		return;
	}
	while (hostile[nhostile])
		nhostile++;
	fails = check_list(sh, path, bare, print, hostile, nhostile, file);
	tap_ok(fails == 0, "%s: every hostile name round-trips through the real shell%s", name,
	       sh->unsayable ? " (or is one it says it cannot hold, and refused)" : "");
	for (i = 0; i < NRANDOM; i++)
		rnd[i] = random_strings[i];
	fails = check_list(sh, path, bare, print, rnd, NRANDOM, file);
	tap_ok(fails == 0, "%s: %d random byte strings round-trip (%d failed)", name, NRANDOM, fails);
}

int main(void)
{
	const struct vh_shell *const *sh;
	char dir[] = "/tmp/vh-test-quote.XXXXXX", file[64];

	if (!mkdtemp(dir))
		return 1;
	snprintf(file, sizeof(file), "%s/script", dir);
	make_random();
	/* every shell in the registry, each by the real shell */
	for (sh = vh_shells; *sh; sh++)
		check_shell(*sh, shell_var((*sh)->name, ""), shell_var((*sh)->name, "_BARE"),
			    shell_var((*sh)->name, "_PRINT"), shell_var((*sh)->name, "_GET"), file);
	unlink(file);
	rmdir(dir);
	tap_ok(access("/tmp/vh-pwned", F_OK) != 0, "nothing in a name was executed");
	return tap_done();
}
