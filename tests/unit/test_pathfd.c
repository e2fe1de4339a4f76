/* core/pathfd: every question asked from a directory descriptor gets the
 * answer the whole path gets, through symlinks (relative ones with "..",
 * absolute ones), a link as the path's own last component, files where
 * directories are expected, and directories the user may not search. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/find/pathfd.h"
#include "tap.h"

static char root[64];
static int mismatches, asked;

/* Runs cmd with each '@' replaced by the test's root directory. */
static void sh(const char *cmd)
{
	char line[4096];
	size_t n = 0;

	for (; *cmd && n + sizeof(root) < sizeof(line); cmd++) {
		if (*cmd == '@') {
			memcpy(line + n, root, strlen(root));
			n += strlen(root);
		} else {
			line[n++] = *cmd;
		}
	}
	line[n] = '\0';
	if (system(line) != 0)
		tap_ok(0, "shell: %s", line);
}

/* The answer of both ways for path, as text: "0 <ino> <mode>" or "-1 <errno>". */
static void answer(char *out, size_t n, int r, const struct stat *st)
{
	if (r == 0)
		snprintf(out, n, "0 %llu %o", (unsigned long long)st->st_ino, (unsigned)st->st_mode);
	else
		snprintf(out, n, "-1 %d", errno);
}

static void compare(const struct vh_pathfd *p, const char *path, int flags)
{
	struct stat a, b;
	char want[64], got[64];
	int fd;

	answer(want, sizeof(want), fstatat(AT_FDCWD, path, &a, flags), &a);
	answer(got, sizeof(got), vh_pathfd_stat(p, path, &b, flags), &b);
	asked++;
	if (strcmp(want, got)) {
		if (mismatches++ < 5)
			printf("# %s (flags %d): whole path says %s, pathfd says %s\n", path, flags, want,
			       got);
	}
	fd = vh_pathfd_openat(p, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	snprintf(got, sizeof(got), "%d", fd >= 0);
	fd >= 0 ? close(fd) : 0;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	snprintf(want, sizeof(want), "%d", fd >= 0);
	fd >= 0 ? close(fd) : 0;
	asked++;
	if (strcmp(want, got) && mismatches++ < 5)
		printf("# open %s: whole path %s, pathfd %s\n", path, want, got);
}

/* Every question the walk up from cwd could ask, both ways. */
static int walk_compares(const char *cwd, size_t *opened)
{
	static const char *const names[] = { "", "pyvenv.cfg", ".venv/pyvenv.cfg", ".git", "f",
					     "ln", "f/x", "missing/x", "ln/..", "." };
	struct vh_pathfd p;
	char dir[4096], q[4200];
	size_t i;
	char *slash;

	mismatches = asked = 0;
	if (vh_pathfd_open(&p, cwd) < 0)
		return -1;
	*opened = p.n;
	snprintf(dir, sizeof(dir), "%s", cwd);
	for (;;) {
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			snprintf(q, sizeof(q), "%s%s%s", dir, *names[i] && strcmp(dir, "/") ? "/" : "",
				 names[i]);
			compare(&p, q, 0);
			compare(&p, q, AT_SYMLINK_NOFOLLOW);
		}
		if (!strcmp(dir, "/"))
			break;
		slash = strrchr(dir, '/');
		if (!slash)
			break;
		slash == dir ? (void)(slash[1] = '\0') : (void)(*slash = '\0');
	}
	vh_pathfd_close(&p);
	return mismatches;
}

int main(void)
{
	char cwd[3 * 4096 + 256], deep[4096]; /* cwd: also the commands naming three paths */
	size_t i, opened = 0, comps = 0;
	pid_t pid;
	int status, r;

	snprintf(root, sizeof(root), "/tmp/vh-pathfd-XXXXXX");
	if (!mkdtemp(root) || chmod(root, 0755) < 0)
		return 1;
	/* root/a/b/c, then a relative link up and over (x -> ../../../y), then
	 * 30 levels, then an absolute link into another tree, then 10 more. */
	sh("mkdir -p @/a/b/c @/y/z && ln -s ../../../y @/a/b/c/x && touch @/y/f");
	snprintf(deep, sizeof(deep), "%s/y/z", root);
	for (i = 0; i < 30; i++)
		strcat(deep, i % 7 == 3 ? "/.venv" : "/d");
	snprintf(cwd, sizeof(cwd), "mkdir -p '%s' && ln -s '%s/far' '%s/abs'", deep, root, deep);
	if (system(cwd) != 0)
		return 1;
	sh("mkdir -p @/far/t && touch @/far/t/pyvenv.cfg");
	snprintf(deep, sizeof(deep), "%s/far/t", root);
	for (i = 0; i < 10; i++)
		strcat(deep, "/e");
	snprintf(cwd, sizeof(cwd), "mkdir -p '%s' && cd '%s' && touch f && ln -s f ln && mkdir .git",
		 deep, deep);
	if (system(cwd) != 0)
		return 1;
	sh("cd @/y/z && touch d/f && ln -s nowhere d/d/ln && touch d/d/d/.venv/pyvenv.cfg");

	/* The logical path: through both links. */
	snprintf(cwd, sizeof(cwd), "%s/a/b/c/x/z", root);
	for (i = 0; i < 30; i++)
		strcat(cwd, i % 7 == 3 ? "/.venv" : "/d");
	strcat(cwd, "/abs/t");
	for (i = 0; i < 10; i++)
		strcat(cwd, "/e");
	for (i = 0; cwd[i]; i++)
		comps += cwd[i] != '/' && (i == 0 || cwd[i - 1] == '/');

	r = walk_compares(cwd, &opened);
	tap_ok(r == 0 && asked > 1000, "a %zu-deep walk through two links: %d questions, every"
	       " answer the whole path's", comps, asked);
	tap_ok(opened == 1 + (comps + VH_PATHFD_STRIDE - 1) / VH_PATHFD_STRIDE,
	       "  asked from %zu opened directories (/, every %d-th, and the path)", opened,
	       VH_PATHFD_STRIDE);

	/* the path's own last component a link: looked at itself with NOFOLLOW */
	snprintf(deep, sizeof(deep), "%s/a/b/c/x", root);
	tap_ok(walk_compares(deep, &opened) == 0, "a path that ends in a link");

	tap_ok(walk_compares("/", &opened) == 0 && opened == 0, "the root itself: nothing opened");
	tap_ok(walk_compares(root, &opened) == 0 && opened == 0,
	       "a path of two components: nothing opened, no question would be cheaper");
	tap_ok(walk_compares("relative/dir", &opened) == 0 && opened == 0,
	       "a relative path: nothing opened, asked as it is");

	/* A directory on the way that its user may not search (000), and one
	 * that may be searched but not listed (111): as nobody when root. */
	snprintf(deep, sizeof(deep), "%s/y/z/d/d/d", root);
	if (chmod(deep, 0) < 0)
		return 1;
	snprintf(deep, sizeof(deep), "%s/y/z/d", root);
	if (chmod(deep, 0111) < 0)
		return 1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(65534) < 0 || setuid(65534) < 0))
			_exit(2);
		_exit(walk_compares(cwd, &opened) == 0 && opened == 3 ? 0 : 1);
	}
	tap_ok(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0,
	       "unsearchable and unlistable directories: the same answers, nothing opened below"
	       " the first");
	snprintf(deep, sizeof(deep), "%s/y/z/d/d/d", root);
	chmod(deep, 0755);
	snprintf(deep, sizeof(deep), "%s/y/z/d", root);
	chmod(deep, 0755);

	sh("rm -rf @");
	return tap_done();
}
