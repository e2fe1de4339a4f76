#include "core/trust/perms.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/util/cache.h"
#include "core/util/err.h"

/* Whether gid is the user's private group, asked once per process and
 * cached on disk per day and per version of the group and user files. */
static int private_group(gid_t gid)
{
	static int known = -1;
	static gid_t known_gid;
	struct vh_buf key = VH_BUF_INIT, value = VH_BUF_INIT;
	struct vh_stat g, p;
	uid_t uid = getuid();

	if (known >= 0 && known_gid == gid)
		return known;
	if (gid != getgid())
		return 0;
	memset(&g, 0, sizeof(g));
	memset(&p, 0, sizeof(p));
	vh_stat(&g, AT_FDCWD, "/etc/group", 1);
	vh_stat(&p, AT_FDCWD, "/etc/passwd", 1);
	if (vh_buf_printf(&key, "upg:%lu:%lu:%lld.%ld:%lld.%ld:%lld", (unsigned long)uid,
			  (unsigned long)gid, (long long)g.mtime.tv_sec, g.mtime.tv_nsec,
			  (long long)p.mtime.tv_sec, p.mtime.tv_nsec,
			  (long long)(time(NULL) / 86400)) == 0 &&
	    vh_cache_get(&value, key.data) && (value.data[0] == '0' || value.data[0] == '1')) {
		known = value.data[0] == '1';
	} else {
		known = vh_private_group_lookup(gid);
		if (key.data)
			vh_cache_put(key.data, known ? "1" : "0");
	}
	known_gid = gid;
	vh_buf_free(&key);
	vh_buf_free(&value);
	return known;
}

enum vh_writers vh_perm_judge(const char *path, const struct vh_stat *st, int sticky_ok)
{
	return vh_writers_with(-1, path, st, VH_WRITERS_ROOT_OK | VH_WRITERS_INHERITED |
			       (sticky_ok ? VH_WRITERS_STICKY_OK : 0), private_group);
}

int vh_perm_steady(char **real, char **bad, enum vh_writers *why, const char *path)
{
	return vh_path_steady(real, bad, why, path, 0, private_group);
}

int vh_perm_parents(char **bad, enum vh_writers *why, const char *real)
{
	return vh_path_steady(NULL, bad, why, real, VH_WRITERS_INHERITED, private_group);
}

int vh_perm_path(char **real, char **bad, enum vh_writers *why, const char *path)
{
	struct vh_stat st;
	int r;

	*real = *bad = NULL;
	*why = VH_WRITERS_NONE;
	if (path[0] != '/')
		return VH_ENOTFOUND;
	/* what the walk resolved is what is judged and returned: no second
	 * resolution that could lead elsewhere */
	r = vh_perm_steady(real, bad, why, path);
	if (r < 0)
		return VH_ENOMEM;
	if (*bad && *why == VH_WRITERS_UNKNOWN) {
		free(*bad);
		*bad = NULL;
		return VH_ENOTFOUND;
	}
	if (*bad)
		return 0;
	if (vh_stat(&st, AT_FDCWD, *real, 1) < 0) {
		free(*real);
		*real = NULL;
		return VH_ENOTFOUND;
	}
	*why = vh_perm_judge(*real, &st, S_ISDIR(st.mode));
	if (*why != VH_WRITERS_NONE) {
		*bad = *real;
		*real = NULL;
	}
	return 0;
}
