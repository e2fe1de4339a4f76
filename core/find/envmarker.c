/* What makes a directory an env (envdir.h): a file in it, looked at with
 * nothing but stat, apart from the rest of envdir.c so that the trust
 * file's code (and its fuzz harness) needs no store. */
#include "core/find/envdir.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "core/util/buf.h"

const char vh_conda_marker[] = "conda-meta/history";

/* 1 when rel/leaf is a regular file (stat follows a link, as Python's
 * is_file() does: conda's and site.py's own tests). */
static int has_file(int dirfd, const char *rel, const char *leaf)
{
	struct vh_buf p = VH_BUF_INIT;
	struct stat st;
	int ok;

	ok = vh_buf_puts(&p, rel) == 0 &&
	     (!*rel || rel[strlen(rel) - 1] == '/' || vh_buf_putc(&p, '/') == 0) &&
	     vh_buf_puts(&p, leaf) == 0 &&
	     fstatat(dirfd, p.data, &st, 0) == 0 && S_ISREG(st.st_mode);
	vh_buf_free(&p);
	return ok;
}

int vh_conda_at(int dirfd, const char *rel)
{
	/* conda's installation (base) holds conda itself, in condabin/ (conda
	 * 4.6 and later): the Python a conda user has everywhere, no env (as
	 * state.h's vh_state_foreign counts it), also when pyenv installed
	 * it under versions/ and a .python-version names it */
	return has_file(dirfd, rel, vh_conda_marker) && !has_file(dirfd, rel, "condabin/conda");
}

const char *vh_env_marker(int dirfd, const char *rel)
{
	if (has_file(dirfd, rel, "pyvenv.cfg"))
		return "pyvenv.cfg";
	return vh_conda_at(dirfd, rel) ? vh_conda_marker : NULL;
}

int vh_env_at(int dirfd, const char *rel)
{
	return vh_env_marker(dirfd, rel) != NULL;
}
