#include "gitroot.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

int vh_gitroot(char **root, const char *dir)
{
	git_repository *repo = NULL;
	const char *workdir;
	size_t len;
	int rc = 0;

	*root = NULL;
	git_libgit2_init();
	/* Not GIT_REPOSITORY_OPEN_FROM_ENV: GIT_DIR/GIT_WORK_TREE name a repository
	 * for git commands, not the project the shell is standing in. */
	if (git_repository_open_ext(&repo, dir, 0, getenv("GIT_CEILING_DIRECTORIES")) < 0)
		goto done;
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

int vh_git_valid(struct vh_buf *why, const char *dir)
{
	git_repository *repo = NULL;
	const git_error *err;
	int ok;

	git_libgit2_init();
	ok = git_repository_open_ext(&repo, dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0;
	if (!ok) {
		err = git_error_last();
		vh_buf_puts(why, err && err->message ? err->message : "not a repository");
	}
	git_repository_free(repo);
	git_libgit2_shutdown();
	return ok;
}
