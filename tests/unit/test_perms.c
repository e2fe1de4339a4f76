/* The one walk venvhook judges paths by (vh_path_steady, through
 * vh_perm_path): what it resolves to is what the kernel resolves to, and
 * every entry on the way that someone else could change stops it. The
 * suite runs as root in CI, so "someone else" is made with lchown to
 * nobody (65534); run as another user, the ownership cases are skipped. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/trust/perms.h"
#include "core/util/err.h"
#include "tap.h"

static char top[64];

static const char *at(const char *rel)
{
	static char paths[4][512];
	static int i;

	i = (i + 1) % 4;
	snprintf(paths[i], sizeof(paths[i]), "%s%s%s", top, *rel ? "/" : "", rel);
	return paths[i];
}

static void sh(const char *cmd)
{
	char line[2048];

	snprintf(line, sizeof(line), "cd '%s' && %s", top, cmd);
	if (system(line) != 0)
		tap_ok(0, "%s", cmd);
}

/* vh_perm_path(path): want_real (what it resolves to) or want_bad (the
 * entry it stops at), or neither: VH_ENOTFOUND. */
static void walk(const char *path, const char *want_real, const char *want_bad,
		 enum vh_writers want_why, const char *what)
{
	char *real = NULL, *bad = NULL;
	enum vh_writers why;
	int rc = vh_perm_path(&real, &bad, &why, path);

	if (!want_real && !want_bad) {
		tap_ok(rc == VH_ENOTFOUND && !real && !bad, "%s (rc %d)", what, rc);
	} else if (want_real) {
		tap_ok(rc == 0, "%s: judged", what);
		tap_str(real, want_real, what);
		tap_str(bad, NULL, what);
	} else {
		tap_ok(rc == 0 && why == want_why, "%s: why %d, want %d", what, (int)why,
		       (int)want_why);
		tap_str(bad, want_bad, what);
		tap_str(real, NULL, what);
	}
	free(real);
	free(bad);
}

/* What the kernel says path leads to, for the walk to agree with. */
static void agrees(const char *path, const char *what)
{
	char *kernel = realpath(path, NULL), *real = NULL, *bad = NULL;
	enum vh_writers why;

	vh_perm_path(&real, &bad, &why, path);
	tap_str(real, kernel, what);
	free(kernel);
	free(real);
	free(bad);
}

int main(void)
{
	char *t;

	snprintf(top, sizeof(top), "/tmp/vh-perms-XXXXXX");
	if (!mkdtemp(top))
		return 1;
	/* the private-group answer is cached under $HOME */
	setenv("HOME", top, 1);
	unsetenv("XDG_CACHE_HOME");
	t = realpath(top, NULL);
	if (!t)
		return 1;
	snprintf(top, sizeof(top), "%s", t);
	free(t);
	sh("mkdir -p a/b/c d/e && chmod 755 . a a/b a/b/c d d/e && echo x > a/f && "
	   "ln -s a/b link && ln -s ../d a/up && ln -s f a/tofile && ln -s loop1 loop2 && "
	   "ln -s loop2 loop1");

	walk(at("a/b/c"), at("a/b/c"), NULL, 0, "a plain directory is itself");
	walk(at("link/c"), at("a/b/c"), NULL, 0, "a relative link is followed from its directory");
	walk(at("a/up/e"), at("d/e"), NULL, 0, "a link with .. in it");
	walk(at("link/.."), at("a"), NULL, 0, ".. goes up from where a link led, as the kernel");
	agrees(at("link/.."), "link/.. as realpath(3)");
	agrees(at("a/up/e/../../a/b/./c"), "a path with . and .. as realpath(3)");
	walk(at("a/tofile"), at("a/f"), NULL, 0, "a link to a file at the end");
	walk(at("a/f/.."), NULL, NULL, 0, "a file is not a directory to go up from");
	walk(at("a/f/"), NULL, NULL, 0, "a file is not a directory to look in");
	walk(at("a/tofile/"), NULL, NULL, 0, "nor a link to a file");
	walk(at("a/missing"), NULL, NULL, 0, "a missing entry");
	walk(at("loop1"), NULL, NULL, 0, "a loop of links ends");
	walk("a/b", NULL, NULL, 0, "a relative path is not judged");

	if (getuid() != 0) {
		tap_ok(1, "# SKIP ownership cases need root (lchown)");
		return tap_done();
	}
	/* someone else's link, anywhere on the path, stops the walk */
	sh("ln -s a/b theirs && chown -h 65534 theirs");
	walk(at("theirs/c"), NULL, at("theirs"), VH_WRITERS_OWNER, "another user's link");
	/* a directory another user owns, or a group of others can write */
	sh("mkdir -p g/x o/x && chgrp 65534 g && chmod 775 g && chown 65534 o");
	walk(at("g/x"), NULL, at("g"), VH_WRITERS_GROUP, "a directory its group can write");
	walk(at("o/x"), NULL, at("o"), VH_WRITERS_OWNER, "a directory another user owns");
	/* the end, too */
	walk(at("o"), NULL, at("o"), VH_WRITERS_OWNER, "the end is judged");
	/* a sticky directory anyone can write: the user's entries in it hold,
	 * not another user's */
	sh("mkdir -p s && chmod 1777 s && mkdir s/mine s/theirs && chown 65534 s/theirs && "
	   "chmod 755 s/theirs && mkdir -p s/theirs/x && ln -s mine s/tomine && "
	   "chown -h 65534 s/tomine");
	walk(at("s/mine"), at("s/mine"), NULL, 0, "one's own entry in a sticky directory");
	walk(at("s/theirs/x"), NULL, at("s/theirs"), VH_WRITERS_OWNER,
	     "another user's entry in a sticky directory");
	walk(at("s/tomine"), NULL, at("s/tomine"), VH_WRITERS_OWNER,
	     "another user's link to one's own entry in a sticky directory");
	/* the walk alone (the end not judged): still, another user's entry
	 * in a sticky directory could be swapped by him */
	{
		char *real = NULL, *bad = NULL;
		enum vh_writers why;
		int r = vh_perm_steady(&real, &bad, &why, at("s/theirs"));

		tap_ok(r == 0 && bad && why == VH_WRITERS_OWNER && !real, "the walk stops at another user's "
		       "entry in a sticky directory");
		tap_str(bad, at("s/theirs"), "the walk names it");
		free(real);
		free(bad);
		r = vh_perm_steady(&real, &bad, &why, at("o"));
		tap_ok(r == 0 && !bad, "the walk alone does not judge the end");
		tap_str(real, at("o"), "and says where it led");
		free(real);
		free(bad);
	}
	/* the directories above an env, for the policy: from / down, $HOME
	 * no bound (a team directory above a home could swap it), and a
	 * directory's default ACL counts there */
	{
		char *bad = NULL;
		enum vh_writers why;

		sh("mkdir -p g/home/p/.venv");
		setenv("HOME", at("g/home"), 1);
		vh_perm_parents(&bad, &why, at("g/home/p/.venv"));
		tap_ok(why == VH_WRITERS_GROUP, "a team directory above $HOME counts");
		tap_str(bad, at("g"), "and is named");
		free(bad);
		setenv("HOME", top, 1);
		vh_perm_parents(&bad, &why, at("a/b/c"));
		tap_ok(!bad && why == VH_WRITERS_NONE, "directories only the user can write: none named");
		free(bad);
		if (system("command -v setfacl >/dev/null") == 0) {
			sh("mkdir -p acl/env && setfacl -d -m u:65534:rwx acl");
			vh_perm_parents(&bad, &why, at("acl/env"));
			tap_ok(why == VH_WRITERS_INHERIT, "a default ACL above an env counts for the policy");
			tap_str(bad, at("acl"), "and is named");
			free(bad);
			tap_ok(vh_perm_steady(NULL, &bad, &why, at("acl/env")) == 0 && !bad,
			       "the plain walk lets a default ACL be (it swaps nothing already there)");
			free(bad);
		} else {
			tap_ok(1, "# SKIP setfacl is not installed");
		}
	}
	sh("chmod 777 s");
	walk(at("s/mine"), NULL, at("s"), VH_WRITERS_ANYONE, "a directory anyone can write, not sticky");
	sh("chmod 755 s && chown -R 0 . && rm -rf a acl d g o s link theirs loop1 loop2 .cache");
	rmdir(top);
	return tap_done();
}
