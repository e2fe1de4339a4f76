#include "core/trust/contents.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/compat.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/trust/perms.h"
#include "core/trust/shadow.h"

/* More entries than any env holds there: past them, an env is refused
 * rather than judged for ever (the names are the env's maker's); bin/'s
 * bound is the one its shadow list reads to. */
#define VH_CONTENTS_MAX VH_SHADOW_SCAN
#define VH_LIB_MAX 64

/* "its NAME" (NAME escaped: an entry's name is the env maker's). */
static int its(struct vh_buf *why, const char *name)
{
	return vh_buf_puts(why, "its ") < 0 || vh_msg_escape(why, name) < 0 ? VH_ENOMEM : 0;
}

/* A symlink at path (name: what the user is told it is). */
static int judge_link(struct vh_buf *why, const char *path, const char *name)
{
	enum vh_writers w = VH_WRITERS_NONE;
	char *led = NULL, *bad = NULL;
	int r, rc = 0;

	r = vh_perm_path(&led, &bad, &w, path);
	if (r == VH_ENOMEM)
		return r;
	if (r < 0) {
		rc = its(why, name) < 0 || vh_buf_puts(why, " is a symlink that leads nowhere (what it"
						       " would lead to is made by whoever can write"
						       " there)") < 0 ? VH_ENOMEM : VH_EREFUSED;
	} else if (bad) {
		rc = its(why, name) < 0 || vh_buf_puts(why, " is a symlink, and ") < 0 ||
		     vh_msg_escape(why, bad) < 0 ||
		     vh_buf_puts(why, " on the way to what it leads to ") < 0 ||
		     vh_buf_puts(why, w == VH_WRITERS_UNKNOWN ? "cannot be looked at" :
				 vh_writers_text(w)) < 0 ? VH_ENOMEM : VH_EREFUSED;
	}
	free(led);
	free(bad);
	return rc;
}

/* A link to another entry of its own directory (bin/python -> python3):
 * that entry is judged in its turn, the directory by the policy or here
 * (lib64 -> lib). */
static int sibling(const char *path)
{
	char to[256];
	ssize_t n = readlink(path, to, sizeof(to) - 1);

	if (n <= 0 || (size_t)n >= sizeof(to) - 1)
		return 0;
	to[n] = '\0';
	return !strchr(to, '/') && strcmp(to, ".") && strcmp(to, "..");
}

/* A directory Python reads code from: absent is fine. */
static int judge_dir(struct vh_buf *why, const char *path, const char *name)
{
	struct vh_stat st;
	enum vh_writers w;

	if (vh_stat(&st, AT_FDCWD, path, 0) < 0)
		return errno == ENOENT || errno == ENOTDIR ? 0 :
		       its(why, name) < 0 || vh_buf_puts(why, " cannot be looked at") < 0 ? VH_ENOMEM :
											 VH_EREFUSED;
	if (S_ISLNK(st.mode))
		return sibling(path) ? 0 : judge_link(why, path, name);
	if (!S_ISDIR(st.mode))
		return 0;
	w = vh_perm_judge(path, &st, 0);
	if (w == VH_WRITERS_NONE)
		return 0;
	if (its(why, name) < 0)
		return VH_ENOMEM;
	if (w == VH_WRITERS_OWNER)
		return vh_buf_printf(why, " belongs to uid %lu, not to you", (unsigned long)st.uid) < 0 ?
		       VH_ENOMEM : VH_EREFUSED;
	return vh_buf_putc(why, ' ') < 0 || vh_buf_puts(why, vh_writers_text(w)) < 0 ? VH_ENOMEM :
										      VH_EREFUSED;
}

/* path: dir/entry; name: dname, entry and tail (what the user is told). */
static int join2(struct vh_buf *path, struct vh_buf *name, const char *dir, const char *dname,
		 const char *entry, const char *tail)
{
	vh_buf_reset(path);
	vh_buf_reset(name);
	return vh_buf_puts(path, dir) < 0 || vh_buf_putc(path, '/') < 0 ||
	       vh_buf_puts(path, entry) < 0 || vh_buf_puts(name, dname) < 0 ||
	       vh_buf_puts(name, entry) < 0 || vh_buf_puts(name, tail) < 0 ? VH_ENOMEM : 0;
}

/* Each entry of dir for which each() is asked, at most max of them;
 * more refuse. */
static int each_entry(struct vh_buf *why, const char *dir, const char *dname, size_t max,
		      int (*each)(struct vh_buf *, const char *, const char *, const char *,
				  const struct dirent *))
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;
	int rc = 0;

	if (!d)
		return 0; /* absent (bin/ was judged, lib/ may be missing) */
	while (rc == 0 && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (++n > max) {
			rc = vh_buf_printf(why, "its %s holds more than %zu entries, more than venvhook"
					   " judges", dname, max) < 0 ? VH_ENOMEM : VH_EREFUSED;
			break;
		}
		rc = each(why, dir, dname, e->d_name, e);
	}
	closedir(d);
	return rc;
}

static int bin_entry(struct vh_buf *why, const char *dir, const char *dname, const char *entry,
		     const struct dirent *e)
{
	struct vh_buf path = VH_BUF_INIT, name = VH_BUF_INIT;
	struct vh_stat st;
	int rc;

	if (!vh_dirent_may_be_link(e))
		return 0;
	rc = join2(&path, &name, dir, dname, entry, "");
	if (rc == 0 && vh_stat(&st, AT_FDCWD, path.data, 0) == 0 && S_ISLNK(st.mode) &&
	    !sibling(path.data))
		rc = judge_link(why, path.data, name.data);
	vh_buf_free(&path);
	vh_buf_free(&name);
	return rc;
}

static int lib_entry(struct vh_buf *why, const char *dir, const char *dname, const char *entry,
		     const struct dirent *e)
{
	struct vh_buf path = VH_BUF_INIT, name = VH_BUF_INIT, sp = VH_BUF_INIT;
	int rc;

	(void)e;
	rc = join2(&path, &name, dir, dname, entry, "/");
	if (rc == 0)
		rc = judge_dir(why, path.data, name.data);
	if (rc == 0)
		rc = vh_buf_puts(&sp, entry) < 0 || vh_buf_puts(&sp, "/site-packages") < 0 ?
		     VH_ENOMEM : join2(&path, &name, dir, dname, sp.data, "/");
	if (rc == 0)
		rc = judge_dir(why, path.data, name.data);
	vh_buf_free(&sp);
	vh_buf_free(&path);
	vh_buf_free(&name);
	return rc;
}

int vh_env_contents_check(struct vh_buf *why, const char *real)
{
	struct vh_buf path = VH_BUF_INIT, name = VH_BUF_INIT;
	int rc;

	rc = join2(&path, &name, real, "", "bin", "");
	if (rc == 0)
		rc = each_entry(why, path.data, "bin/", VH_CONTENTS_MAX, bin_entry);
	if (rc == 0)
		rc = join2(&path, &name, real, "", "lib64", "/");
	if (rc == 0)
		rc = judge_dir(why, path.data, name.data);
	if (rc == 0)
		rc = join2(&path, &name, real, "", "lib", "/");
	if (rc == 0)
		rc = judge_dir(why, path.data, name.data);
	if (rc == 0)
		rc = join2(&path, &name, real, "", "lib", "");
	if (rc == 0)
		rc = each_entry(why, path.data, "lib/", VH_LIB_MAX, lib_entry);
	vh_buf_free(&path);
	vh_buf_free(&name);
	return rc;
}
