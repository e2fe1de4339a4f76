/* core/compat: the argv[0] step of finding the binary's own path, which is
 * all a system without /proc/self/exe or a kernel call has; and vh_self_path
 * on this machine. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/compat.h"
#include "core/util/err.h"
#include "core/util/pathlist.h"
#include "tap.h"

static char root[64];

static const char *at(const char *rel)
{
	static char paths[8][512];
	static int i;

	i = (i + 1) % 8;
	snprintf(paths[i], sizeof(paths[i]), "%s/%s", root, rel);
	return paths[i];
}

static void make_file(const char *rel, mode_t mode)
{
	FILE *f = fopen(at(rel), "w");

	if (!f || fputs("#!/bin/sh\n", f) < 0 || fclose(f) != 0 || chmod(at(rel), mode) != 0)
		tap_ok(0, "cannot make %s", rel);
}

static void found(const char *argv0, const char *path, const char *want, const char *what)
{
	char *got = NULL, *real = want ? realpath(want, NULL) : NULL;

	tap_ok(vh_self_from_argv0(&got, argv0, path) == 0, "%s: found", what);
	tap_str(got, real, what);
	free(got);
	free(real);
}

static void not_found(const char *argv0, const char *path, const char *what)
{
	char *got = (char *)"unset";
	int rc;

	errno = 0;
	rc = vh_self_from_argv0(&got, argv0, path);
	tap_ok(rc == VH_ENOTFOUND && got == NULL && errno == ENOENT,
	       "%s: VH_ENOTFOUND, NULL, ENOENT (rc %d errno %d)",
	       what, rc, errno);
}

static void search(const char *name, const char *list, const char *cwd, const char *want,
		   const char *what)
{
	char *got = (char *)"unset";
	int rc;

	errno = 0;
	rc = vh_pathlist_search(&got, list, name, cwd);
	if (want)
		tap_ok(rc == 0, "%s: found", what);
	else
		tap_ok(rc == VH_ENOTFOUND && got == NULL && errno == ENOENT, "%s (rc %d errno %d)", what, rc, errno);
	tap_str(got, want, what);
	if (rc == 0)
		free(got);
}

int main(int argc, char **argv)
{
	char path[2048], *self = NULL, *want = realpath(argv[0], NULL); /* before any chdir */

	(void)argc;
	snprintf(root, sizeof(root), "%s", "/tmp/vh-compat-XXXXXX");
	if (!mkdtemp(root))
		return tap_ok(0, "mkdtemp"), tap_done();
	if (mkdir(at("noexec"), 0755) || mkdir(at("dir"), 0755) || mkdir(at("dir/prog"), 0755) ||
	    mkdir(at("real"), 0755) || mkdir(at("link"), 0755) || mkdir(at("cwd"), 0755))
		tap_ok(0, "mkdir");
	make_file("noexec/prog", 0644);
	make_file("real/prog", 0755);
	make_file("cwd/tool", 0700);
	if (symlink("../real/prog", at("link/prog")))
		tap_ok(0, "symlink");

	/* As execvp searches: not executable, a directory, then the real one. */
	snprintf(path, sizeof(path), "%s:%s:%s:%s", at("missing"), at("noexec"), at("dir"), at("real"));
	found("prog", path, at("real/prog"), "a file that is not executable, and a directory, are passed over");
	snprintf(path, sizeof(path), "%s:%s", at("link"), at("real"));
	found("prog", path, at("real/prog"), "a symlink on PATH resolves to its target");
	snprintf(path, sizeof(path), "%s:%s", at("real"), at("link"));
	found("prog", path, at("real/prog"), "the first match wins");

	if (chdir(at("cwd")))
		tap_ok(0, "chdir");
	found("tool", "/nonexistent-vh::/bin", at("cwd/tool"), "an empty PATH entry is the current directory");
	found("tool", ":/bin", at("cwd/tool"), "a leading empty entry too");
	found("tool", "/bin:", at("cwd/tool"), "a trailing empty entry too");
	not_found("tool", "/bin", "the current directory is not searched without an empty entry");
	found("../real/prog", "/bin", at("real/prog"), "an argv[0] with a '/' is taken from the current directory, not PATH");
	found("./tool", "", at("cwd/tool"), "./ too");
	found(at("link/prog"), NULL, at("real/prog"), "an absolute argv[0] is resolved");

	snprintf(path, sizeof(path), "%s:%s", at("noexec"), at("dir"));
	not_found("prog", path, "nothing executable of that name");
	not_found("prog", "", "an empty PATH holds only the current directory");
	not_found("../nowhere/prog", "/bin", "a path with a '/' that is not there");
	not_found("", "/bin", "an empty argv[0]");
	not_found(NULL, "/bin", "no argv[0] at all");
	found("sh", NULL, "/bin/sh", "no PATH: the system's default (confstr _CS_PATH)");

	/* vh_pathlist_search, which's lookup: the same search, the path as
	 * PATH spells it (symlinks kept), relative entries from cwd. */
	snprintf(path, sizeof(path), "%s:%s", at("link"), at("real"));
	search("prog", path, NULL, at("link/prog"), "search keeps a symlink as PATH names it");
	search("tool", "::/bin", at("cwd"), at("cwd/tool"), "an empty entry is cwd, given absolute");
	search("prog", "noexec:dir:real", root, at("real/prog"), "relative entries are taken from cwd");
	search("tool", ".", NULL, "./tool", "without cwd, a relative entry stays relative");
	search("tool", "", NULL, "./tool", "an empty PATH without cwd: ./NAME");
	search("sh", "/", "/bin", NULL, "no match: -1, ENOENT");
	if (chdir("/") == 0) {
		search("bin/sh", ":", "/", "/bin/sh", "cwd / and an empty entry: no doubled '/'");
		if (chdir(at("cwd")))
			tap_ok(0, "chdir back");
	}

	/* The walk cache trusts a directory's times only where the file
	 * system keeps them: never procfs, whose directories change under
	 * the same times; never a path that is no directory. */
#ifdef __linux__
	tap_ok(vh_fs_keeps_dir_times(AT_FDCWD, "/proc/self") == 0, "procfs does not keep directory times");
	tap_ok(vh_fs_keeps_dir_times(AT_FDCWD, "/dev/shm") == 1 ||
	       access("/dev/shm", F_OK) != 0, "tmpfs (/dev/shm) does");
#endif
	tap_ok(vh_fs_keeps_dir_times(AT_FDCWD, at("real/prog")) == 0, "a file is no directory to ask");
	tap_ok(vh_fs_keeps_dir_times(AT_FDCWD, at("missing")) == 0, "nor is a missing path");

	/* The whole chain on this machine gives the binary run. */
	vh_self_init(argv[0]);
	tap_ok(vh_self_path(&self) == 0, "vh_self_path answers (asked %s)", vh_self_methods);
	tap_str(self, want, "  with this test's own path");
	free(self);
	free(want);

	/* The variables read through vh_getenv, each once, in order, set or
	 * not (the region hands them to the hook, core/decide/region.h). */
	{
		const char *names[4];
		int n;

		setenv("VH_TEST_A", "1", 1);
		unsetenv("VH_TEST_B");
		tap_str(vh_getenv("VH_TEST_A"), "1", "vh_getenv gives getenv's value");
		tap_ok(vh_getenv("VH_TEST_B") == NULL, "and NULL for an unset one");
		vh_getenv("VH_TEST_A");
		n = vh_getenv_names(names, 4);
		tap_ok(n == 2 && !strcmp(names[0], "VH_TEST_A") && !strcmp(names[1], "VH_TEST_B"),
		       "vh_getenv_names: each name once, in order (%d)", n);
		tap_ok(vh_getenv_names(names, 1) == VH_ETOOBIG, "more than the caller holds: VH_ETOOBIG");
	}

	if (chdir("/") == 0) {
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
		if (system(cmd) != 0)
			tap_ok(0, "cleanup");
	}
	return tap_done();
}
