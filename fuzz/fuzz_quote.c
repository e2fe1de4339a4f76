/*
 * libFuzzer harness: one shell's quote() (shells/), proven by that real
 * shell. Built once per shell with -DVH_FUZZ_SHELL='"bash"' and so on.
 *
 * The property (shells/shell.h): the quoted word, evaluated by the shell,
 * is exactly the input bytes; or quote() refuses, and only for what the
 * emitter documents (the csh family, one_line, cannot carry a newline).
 *
 * The statement for an input is the one configure.ac's list says prints a
 * word and a NUL (VH_<NAME>_PRINT), with the quoted word for W; what it
 * prints up to the NUL must be the input. A scratch FILE is rewritten to
 * hold it, and the shell made to run the file as the list says
 * (VH_<NAME>_FEED): a shell that runs for the whole fuzzing process
 * (tests/unit/test_quote.c starts one per list) is told `source FILE`, or,
 * given a program for -c that reads file names on its stdin and runs each
 * (fish, xonsh, elvish), the name; a shell that can run no file it is
 * told of at run time (nushell, whose source is read as it parses) runs
 * the file as a script, one process per input. A shell without a builtin
 * printf (the csh family, mksh) execs /usr/bin/printf for each input:
 * slower, same property. Sourcing a file, as the hooks eval or source
 * venvhook's output, keeps the quoted bytes off the pipe: tcsh reading a
 * script from a pipe waits for one more read() after a line holding
 * invalid UTF-8, which would stall every such input. The input never holds
 * a NUL (a C string cannot), so the NUL delimits; quoting that splits the
 * word shows as an early NUL, and quoting that leaves a quote open or
 * kills the shell as an error message and a short answer, a timeout or EOF.
 *
 * Environment, as make fuzz-smoke sets it from configure.ac's list of
 * shells: VH_<NAME>, the shell's path (VH_FUZZ_SHELL_PATH overrides it);
 * VH_<NAME>_BARE, the arguments that start it without rc files;
 * VH_<NAME>_PRINT and VH_<NAME>_FEED (else printf and `source`). The
 * harness names no shell: without the first two it says so and stops.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "shells/shell.h"

#ifndef VH_FUZZ_SHELL
#error "build with -DVH_FUZZ_SHELL='\"bash\"' (or another of configure.ac's shells)"
#endif

/* A healthy shell answers in well under a millisecond (csh: an exec). */
#define TIMEOUT_MS 3000

static const struct vh_shell *sh;
static pid_t child = -1;
static int to_shell = -1, from_shell = -1, stmt_fd[2] = { -1, -1 }, turn;
static char dir[64], stmt_path[2][96], source_line[2][128], path_env[80];
/* csh and tcsh have no builtin printf; PATH is empty (see start_shell). */
static const char *printf_cmd;
/* The statement that prints W and a NUL; -c's program, or "-" for a
 * process per input (see above). */
static const char *print_tmpl, *feed;
static char *argv_base[16];
static int argc_base;
static struct vh_buf statement = VH_BUF_INIT, got = VH_BUF_INIT, word = VH_BUF_INIT;

static void show(const char *label, const char *p, size_t n)
{
	size_t i;

	fprintf(stderr, "%s (%zu bytes): ", label, n);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c >= 0x20 && c < 0x7f && c != '\\')
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fputc('\n', stderr);
}

static void finding(const char *why, const char *s)
{
	fprintf(stderr, "fuzz_quote_%s: %s\n", VH_FUZZ_SHELL, why);
	show("  input   ", s, strlen(s));
	show("  sent    ", vh_buf_str(&statement), statement.len);
	show("  printed ", vh_buf_str(&got), got.len);
	abort();
}

/* VH_<NAME><suffix>, as make sets them. */
static const char *shell_var(const char *suffix)
{
	static char var[64];
	size_t i;

	snprintf(var, sizeof(var), "VH_%s%s", VH_FUZZ_SHELL, suffix);
	for (i = 3; i < 3 + strlen(VH_FUZZ_SHELL); i++)
		if (var[i] >= 'a' && var[i] <= 'z')
			var[i] = (char)(var[i] - 'a' + 'A');
	return getenv(var);
}

static const char *shell_path(void)
{
	const char *p = getenv("VH_FUZZ_SHELL_PATH");

	if (p && *p)
		return p;
	p = shell_var("");
	return p && *p ? p : NULL;
}

/* What make fuzz-smoke sets from configure.ac's list is not set. */
static void unset_var(const char *suffix)
{
	size_t i;

	fprintf(stderr, "fuzz_quote_%s: VH_", VH_FUZZ_SHELL);
	for (i = 0; VH_FUZZ_SHELL[i]; i++)
		fputc(VH_FUZZ_SHELL[i] >= 'a' && VH_FUZZ_SHELL[i] <= 'z' ? VH_FUZZ_SHELL[i] - 'a' + 'A' :
		      VH_FUZZ_SHELL[i], stderr);
	fprintf(stderr, "%s is not set (make fuzz-smoke sets it from configure.ac's list of shells)\n",
		suffix);
	exit(2);
}

static void cleanup(void)
{
	int i;

	for (i = 0; i < 2; i++)
		if (stmt_path[i][0])
			unlink(stmt_path[i]);
	if (dir[0])
		rmdir(dir);
}

/* Forks the shell with argv_base and extra (NULL-ended), its stdin and
 * stdout on new pipes (to_shell, from_shell), in dir. */
static void spawn(char *const *extra)
{
	char *argv[20];
	char *const envp[] = { path_env, "LC_ALL=C.UTF-8", "HOME=/nonexistent", NULL };
	int in[2], out[2], i, n = 0;

	for (i = 0; i < argc_base; i++)
		argv[n++] = argv_base[i];
	for (i = 0; extra && extra[i] && n < 19; i++)
		argv[n++] = extra[i];
	argv[n] = NULL;
	if (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0) {
		perror("pipe");
		exit(2);
	}
	child = fork();
	if (child < 0) {
		perror("fork");
		exit(2);
	}
	if (child == 0) {
		/* Its own cwd, so a planted bug that runs a word as a command
		 * creates files there, not in the tree. */
		if (chdir(dir) < 0 || dup2(in[0], 0) < 0 || dup2(out[1], 1) < 0)
			_exit(127);
		execve(argv[0], argv, envp);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	to_shell = in[1];
	from_shell = out[0];
}

static void start_shell(void)
{
	const char *path = shell_path();
	/* tmpfs: rewriting the file for each input on a disk is 6x slower. */
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	/* (argv_base points into it for the whole run) */
	static char bare_copy[128];
	const char *bare;
	char *tok, *save = NULL;
	int i;

	if (!path)
		unset_var("");
	if (access(path, X_OK) != 0) {
		fprintf(stderr, "fuzz_quote_%s: no shell at %s (set VH_FUZZ_SHELL_PATH)\n",
			VH_FUZZ_SHELL, path);
		exit(2);
	}
	print_tmpl = shell_var("_PRINT");
	if (!print_tmpl || !*print_tmpl)
		print_tmpl = "printf %s\\000 W";
	feed = shell_var("_FEED");
	if (!feed)
		feed = "";
	/* The path goes on the pipe unquoted: keep it to safe bytes. */
	if (!tmp || !*tmp || strlen(tmp) > 32 || strpbrk(tmp, " \t\n'\"\\$`!;&|<>(){}*?[]~#%"))
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/vh-fuzz-quote.XXXXXX", tmp);
	if (!mkdtemp(dir)) {
		perror(dir);
		exit(2);
	}
	atexit(cleanup);
	/* Two files, used in turn: a shell may read on in the file it
	 * sources after it has printed its answer, so one file rewritten for
	 * the next input would feed it fragments of that input as commands.
	 * By the time it answers from the other file, it is done with this. */
	for (i = 0; i < 2; i++) {
		snprintf(stmt_path[i], sizeof(stmt_path[i]), "%s/stmt%d", dir, i);
		stmt_fd[i] = open(stmt_path[i], O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (stmt_fd[i] < 0) {
			perror(stmt_path[i]);
			exit(2);
		}
		snprintf(source_line[i], sizeof(source_line[i]), *feed ? "%s\n" : "source %s\n",
			 stmt_path[i]);
	}
	/* PATH holds only the scratch dir (no executables): a word that broken
	 * quoting turns into a command cannot run a program. */
	snprintf(path_env, sizeof(path_env), "PATH=%s", dir);
	bare = shell_var("_BARE");
	if (!bare)
		unset_var("_BARE");
	argv_base[argc_base++] = (char *)path;
	snprintf(bare_copy, sizeof(bare_copy), "%s", bare);
	for (tok = strtok_r(bare_copy, " ", &save); tok && argc_base < 12; tok = strtok_r(NULL, " ", &save))
		argv_base[argc_base++] = tok;
	/* A dead shell must show as EOF on read, not kill the fuzzer. */
	signal(SIGPIPE, SIG_IGN);
	if (!strcmp(feed, "-"))
		return; /* a process per input */
	if (*feed) {
		char *extra[] = { "-c", (char *)feed, NULL };

		spawn(extra);
	} else {
		spawn(NULL);
	}
}

static void send_statement(const char *s);
static void receive(const char *s);

/* Where the statement is printf's (the sh family, fish, the csh family):
 * the shell's own printf, when it has one (PATH holds nothing to run),
 * else /usr/bin/printf, exec'd for each input. */
static void find_printf(void)
{
	printf_cmd = "";
	if (strncmp(print_tmpl, "printf ", 7) || !strcmp(feed, "-"))
		return;
	vh_buf_reset(&statement);
	vh_buf_puts(&statement, "printf '%s\\000' builtin || /usr/bin/printf '%s\\000' exec\n");
	send_statement("(looking for printf)");
	receive("(looking for printf)");
	printf_cmd = !strcmp(vh_buf_str(&got), "builtin") ? "" : "/usr/bin/";
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	sh = vh_shell_lookup(VH_FUZZ_SHELL);
	if (!sh) {
		fprintf(stderr, "fuzz_quote: no emitter named %s\n", VH_FUZZ_SHELL);
		exit(2);
	}
	start_shell();
	find_printf();
	return 0;
}

/* Puts the statement in the file and tells the shell to source it, or
 * starts a shell to run it. */
static void send_statement(const char *s)
{
	const char *p = source_line[turn];
	size_t left = strlen(p);
	ssize_t n;

	if (ftruncate(stmt_fd[turn], 0) < 0 ||
	    pwrite(stmt_fd[turn], statement.data, statement.len, 0) != (ssize_t)statement.len) {
		perror(stmt_path[turn]);
		exit(2);
	}
	if (!strcmp(feed, "-")) {
		char *extra[] = { stmt_path[turn], NULL };

		if (child > 0) {
			close(to_shell);
			close(from_shell);
			waitpid(child, NULL, 0);
		}
		spawn(extra);
		turn = !turn;
		return;
	}
	turn = !turn;
	while (left) {
		n = write(to_shell, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			finding("the shell stopped reading (it exited?)", s);
		p += n, left -= (size_t)n;
	}
}

/* Reads the shell's answer up to its NUL into got. */
static void receive(const char *s)
{
	struct pollfd pfd = { from_shell, POLLIN, 0 };
	char chunk[4096], *nul;
	ssize_t n;
	int r;

	vh_buf_reset(&got);
	for (;;) {
		r = poll(&pfd, 1, TIMEOUT_MS);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			finding("no answer within the timeout (a quote left open?)", s);
		/* Byte by byte would be slow; the shell prints nothing after
		 * the NUL until it gets the next statement, so a chunk read
		 * cannot take part of the next answer. */
		n = read(from_shell, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			finding("the shell exited", s);
		nul = memchr(chunk, '\0', (size_t)n);
		vh_buf_add(&got, chunk, nul ? (size_t)(nul - chunk) : (size_t)n);
		if (nul) {
			if (nul != chunk + n - 1)
				finding("more than one word (output after the first NUL)", s);
			return;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	const char *t;
	size_t i, n = 0;
	int rc;

	if (!s)
		abort();
	/* quote() takes a C string: drop NULs rather than waste the input. */
	for (i = 0; i < size; i++)
		if (data[i])
			s[n++] = (char)data[i];
	s[n] = '\0';

	vh_buf_reset(&word);
	rc = sh->emit->quote(&word, s);
	if (rc < 0) {
		/* The only refusals: what the emitter says it cannot say. */
		if (!vh_shell_unsayable(sh, s))
			finding("quote() refused a string it should carry", s);
		free(s);
		return 0;
	}
	if (vh_shell_unsayable(sh, s))
		finding("quote() carried a value its emitter says it cannot", s);
	vh_buf_reset(&statement);
	vh_buf_puts(&statement, printf_cmd);
	for (t = print_tmpl; *t; t++)
		if (*t == 'W')
			vh_buf_add(&statement, word.data, word.len);
		else
			vh_buf_putc(&statement, *t);
	vh_buf_putc(&statement, '\n');
	send_statement(s);
	receive(s);
	if (got.len != n || memcmp(vh_buf_str(&got), s, n) != 0)
		finding("the shell printed other bytes", s);
	free(s);
	return 0;
}
