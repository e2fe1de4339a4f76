/*
 * libFuzzer harness: one shell's quote() (shells/), proven by that real
 * shell. Built once per shell with -DVH_FUZZ_SHELL='"bash"' and so on.
 *
 * The property (shells/shell.h): the quoted word, evaluated by the shell,
 * is exactly the input bytes; or quote() refuses, and only for what the
 * emitter documents (the csh family, one_line, cannot carry a newline).
 *
 * One shell runs for the whole fuzzing process (tests/unit/test_quote.c
 * starts one per string). For each input a scratch FILE is rewritten to
 *     printf '%s\000' <quoted>
 * and the shell, reading its commands from a pipe, is told `source FILE`
 * (fish, which reads a piped script whole before running it, runs a
 * `read`/`source` loop instead). A shell without a builtin printf (the csh
 * family, mksh) execs /usr/bin/printf for each input: slower, same
 * property. What it prints up to the NUL must be the
 * input. Sourcing a file, as the hooks eval or source venvhook's output,
 * keeps the quoted bytes off the pipe: tcsh reading a script from a pipe
 * waits for one more read() after a line holding invalid UTF-8, which would
 * stall every such input. The input never holds a NUL (a C string cannot), so
 * the NUL delimits; quoting that splits the word shows as an early NUL, and
 * quoting that leaves a quote open or kills the shell as an error message
 * and a short answer, a timeout or EOF.
 *
 * Environment: VH_FUZZ_SHELL_PATH overrides the shell's path (default from
 * VH_<NAME> as make fuzz-smoke sets it from configure.ac's list of shells,
 * else the usual Debian path); VH_<NAME>_BARE, the arguments that start it
 * without rc files (from the same list; else -f, or --norc for bash).
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
static char dir[64], stmt_path[2][96], source_line[2][128];
/* csh and tcsh have no builtin printf; PATH is empty (see start_shell). */
static const char *printf_cmd;
static struct vh_buf statement = VH_BUF_INIT, got = VH_BUF_INIT;

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
	if (p && *p)
		return p;
	if (!strcmp(VH_FUZZ_SHELL, "bash"))
		return "/bin/bash";
	if (!strcmp(VH_FUZZ_SHELL, "csh"))
		return "/usr/bin/bsd-csh";
	return "/usr/bin/" VH_FUZZ_SHELL;
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

static void start_shell(void)
{
	const char *path = shell_path();
	/* tmpfs: rewriting the file for each input on a disk is 6x slower. */
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	int fish = !strcmp(VH_FUZZ_SHELL, "fish");
	char *argv[5] = { (char *)path, NULL, NULL, NULL, NULL };
	const char *bare;
	char path_env[80];
	char *const envp[] = { path_env, "LC_ALL=C.UTF-8", "HOME=/nonexistent", NULL };
	int in[2], out[2], i;

	if (access(path, X_OK) != 0) {
		fprintf(stderr, "fuzz_quote_%s: no shell at %s (set VH_FUZZ_SHELL_PATH)\n",
			VH_FUZZ_SHELL, path);
		exit(2);
	}
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
		snprintf(source_line[i], sizeof(source_line[i]), fish ? "%s\n" : "source %s\n",
			 stmt_path[i]);
	}
	/* PATH holds only the scratch dir (no executables): a word that broken
	 * quoting turns into a command cannot run a program. */
	snprintf(path_env, sizeof(path_env), "PATH=%s", dir);
	bare = shell_var("_BARE");
	if (!bare)
		bare = !strcmp(VH_FUZZ_SHELL, "bash") ? "--norc" : fish ? "--no-config" : "-f";
	i = 1;
	if (*bare)
		argv[i++] = (char *)bare;
	if (fish) {
		argv[i++] = "-c";
		argv[i++] = "while builtin read -l __venvhook_f; builtin source $__venvhook_f; end";
	}
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
		execve(path, argv, envp);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	to_shell = in[1];
	from_shell = out[0];
	/* A dead shell must show as EOF on read, not kill the fuzzer. */
	signal(SIGPIPE, SIG_IGN);
}

static void send_statement(const char *s);
static void receive(const char *s);

/* The shell's own printf, when it has one (PATH holds nothing to run):
 * else /usr/bin/printf, exec'd for each input. */
static void find_printf(void)
{
	vh_buf_reset(&statement);
	vh_buf_puts(&statement, "printf '%s\\000' builtin || /usr/bin/printf '%s\\000' exec\n");
	send_statement("(looking for printf)");
	receive("(looking for printf)");
	printf_cmd = !strcmp(vh_buf_str(&got), "builtin") ? "printf" : "/usr/bin/printf";
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

/* Puts the statement in the file and tells the shell to source it. */
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
	size_t i, n = 0;
	int rc;

	if (!s)
		abort();
	/* quote() takes a C string: drop NULs rather than waste the input. */
	for (i = 0; i < size; i++)
		if (data[i])
			s[n++] = (char)data[i];
	s[n] = '\0';

	vh_buf_reset(&statement);
	vh_buf_printf(&statement, "%s '%%s\\000' ", printf_cmd);
	rc = sh->quote(&statement, s);
	if (rc < 0) {
		/* The only refusal any emitter documents. */
		if (!(sh->one_line && strchr(s, '\n')))
			finding("quote() refused a string it should carry", s);
		free(s);
		return 0;
	}
	if (sh->one_line && strchr(s, '\n'))
		finding("quote() carried a newline its shell's eval cannot", s);
	vh_buf_putc(&statement, '\n');
	send_statement(s);
	receive(s);
	if (got.len != n || memcmp(vh_buf_str(&got), s, n) != 0)
		finding("the shell printed other bytes", s);
	free(s);
	return 0;
}
