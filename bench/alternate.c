/* bench/alternate RUNS WARMUP NAME CMD [NAME CMD]...: runs the commands in
 * turn, one run of each, then the next round, and prints "NAME seconds" for
 * each timed run (bench/run's samples). hyperfine runs all of one command's
 * runs before the next command's: on a shared machine whose speed drifts
 * over seconds, a ratio of two commands is then a ratio of two moments.
 * Taking turns run by run puts both in the same moments.
 *
 * CMD is split at blanks and run without a shell, as hyperfine -N runs it,
 * its output to /dev/null; a command that fails ends the run (exit 1). */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

#define MAX_CMDS 16
#define MAX_ARGS 32

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	char *args[MAX_CMDS][MAX_ARGS + 1];
	const char *names[MAX_CMDS];
	posix_spawn_file_actions_t fa;
	int runs, warm, n = 0, r, i, j, status;
	double t0, t1;
	pid_t pid;

	if (argc < 5 || (argc - 3) % 2 || (argc - 3) / 2 > MAX_CMDS) {
		fprintf(stderr, "usage: alternate RUNS WARMUP NAME CMD [NAME CMD]...\n");
		return 2;
	}
	runs = atoi(argv[1]);
	warm = atoi(argv[2]);
	for (i = 3; i < argc; i += 2, n++) {
		names[n] = argv[i];
		j = 0;
		for (char *w = strtok(argv[i + 1], " \t"); w && j < MAX_ARGS; w = strtok(NULL, " \t"))
			args[n][j++] = w;
		args[n][j] = NULL;
		if (!j) {
			fprintf(stderr, "alternate: empty command for %s\n", names[n]);
			return 2;
		}
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	for (r = -warm; r < runs; r++) {
		for (i = 0; i < n; i++) {
			t0 = now();
			if (posix_spawnp(&pid, args[i][0], &fa, NULL, args[i], environ) != 0 ||
			    waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
				fprintf(stderr, "alternate: %s failed\n", names[i]);
				return 1;
			}
			t1 = now();
			if (r >= 0)
				printf("%s %.9f\n", names[i], t1 - t0);
		}
	}
	return 0;
}
