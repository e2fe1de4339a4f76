#include "gitroot.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

int vh_gitroot(char **root, const char *dir)
{
	git_repository *repo = NULL;
	const char *workdir;
	const git_error *err;
	size_t len;
	int rc = 0, e;

	*root = NULL;
	git_libgit2_init();
	/* Not GIT_REPOSITORY_OPEN_FROM_ENV: GIT_DIR/GIT_WORK_TREE name a repository
	 * for git commands, not the project the shell is standing in. */
	e = git_repository_open_ext(&repo, dir, 0, getenv("GIT_CEILING_DIRECTORIES"));
	if (e == GIT_ENOTFOUND)
		goto done;
	if (e < 0) {
		struct vh_buf msg = VH_BUF_INIT;

		err = git_error_last();
		vh_buf_puts(&msg, ", ");
		vh_msg_escape(&msg, err && err->message ? err->message : "unknown error");
		vh_msg_path("ignoring the broken git repository holding ", dir, vh_buf_str(&msg));
		vh_buf_free(&msg);
		rc = -1;
		goto done;
	}
	workdir = git_repository_workdir(repo);
	if (!workdir)
		goto done;
	len = strlen(workdir);
	while (len > 1 && workdir[len - 1] == '/')
		len--;
	*root = strndup(workdir, len);
	if (!*root)
		rc = -1;
done:
	git_repository_free(repo);
	git_libgit2_shutdown();
	return rc;
}
