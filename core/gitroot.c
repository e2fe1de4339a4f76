/*
 * libgit2 is loaded with dlopen() the first time a '.git' entry makes its
 * answer matter. Linking it would cost every `venvhook export` the loading
 * of libgit2 and its ~18 libraries (mbedTLS, libssh2, Kerberos...), about
 * 3x the start-up of a plain C program on the machines measured; most
 * directory changes never meet a '.git' before they find the env.
 * The function pointers take their types from git2.h, so a mismatch with
 * the headers configure found is a compile error.
 */
#include "gitroot.h"

#include <dlfcn.h>
#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

static struct {
	int tried, ok;
	__typeof__(&git_libgit2_init) init;
	__typeof__(&git_repository_open_ext) open_ext;
	__typeof__(&git_repository_workdir) workdir;
	__typeof__(&git_repository_free) free;
	__typeof__(&git_error_last) error_last;
	__typeof__(&git_repository_index) repo_index;
	__typeof__(&git_index_get_bypath) index_get_bypath;
	__typeof__(&git_index_find_prefix) index_find_prefix;
	__typeof__(&git_index_free) index_free;
} git;

#define LOAD(field, symbol) \
	(*(void **)&git.field = dlsym(handle, #symbol)) != NULL

/* 0 when libgit2 is loaded and initialised; says once why not otherwise. */
static int git_load(void)
{
	void *handle;

	if (git.tried)
		return git.ok ? 0 : -1;
	git.tried = 1;
	handle = dlopen(VH_LIBGIT2_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		vh_msgf("cannot load %s, so git work-tree roots are not seen: %s",
			VH_LIBGIT2_SONAME, dlerror());
		return -1;
	}
	if (!(LOAD(init, git_libgit2_init) &&
	      LOAD(open_ext, git_repository_open_ext) && LOAD(workdir, git_repository_workdir) &&
	      LOAD(free, git_repository_free) && LOAD(error_last, git_error_last) &&
	      LOAD(repo_index, git_repository_index) && LOAD(index_get_bypath, git_index_get_bypath) &&
	      LOAD(index_find_prefix, git_index_find_prefix) && LOAD(index_free, git_index_free))) {
		vh_msgf("%s lacks a function venvhook needs: %s", VH_LIBGIT2_SONAME, dlerror());
		dlclose(handle);
		return -1;
	}
	/* Once per process; the handle stays open until exit. */
	if (git.init() < 0)
		return -1;
	git.ok = 1;
	return 0;
}

int vh_gitroot(char **root, const char *dir)
{
	git_repository *repo = NULL;
	const char *workdir;
	size_t len;
	int rc = 0;

	*root = NULL;
	if (git_load() < 0)
		return 0;
	/* Not GIT_REPOSITORY_OPEN_FROM_ENV: GIT_DIR/GIT_WORK_TREE name a repository
	 * for git commands, not the project the shell is standing in. */
	if (git.open_ext(&repo, dir, 0, getenv("GIT_CEILING_DIRECTORIES")) < 0)
		goto done;
	workdir = git.workdir(repo);
	if (!workdir)
		goto done;
	len = strlen(workdir);
	while (len > 1 && workdir[len - 1] == '/')
		len--;
	*root = strndup(workdir, len);
	if (!*root)
		rc = -1;
done:
	git.free(repo);
	return rc;
}

int vh_git_valid(struct vh_buf *why, const char *dir)
{
	git_repository *repo = NULL;
	const git_error *err;
	int ok;

	if (git_load() < 0)
		return 1; /* cannot judge: do not call it broken */
	ok = git.open_ext(&repo, dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0;
	if (!ok) {
		err = git.error_last();
		vh_buf_puts(why, err && err->message ? err->message : "not a repository");
	}
	git.free(repo);
	return ok;
}

int vh_git_tracked(int *tracked, char **root, const char *env)
{
	git_repository *repo = NULL;
	git_index *index = NULL;
	struct vh_buf rel = VH_BUF_INIT;
	const char *workdir;
	char *real = NULL;
	size_t len, pos;
	int rc = 0;

	*tracked = 0;
	*root = NULL;
	if (git_load() < 0)
		return 0;
	if (git.open_ext(&repo, env, 0, getenv("GIT_CEILING_DIRECTORIES")) < 0)
		goto done;
	workdir = git.workdir(repo);
	real = workdir ? realpath(workdir, NULL) : NULL;
	if (!real)
		goto done;
	len = strlen(real);
	if (strncmp(env, real, len) || (env[len] != '/' && env[len] != '\0' && len > 1))
		goto done; /* env is not inside the work tree (e.g. its .git is the env's parent's) */
	/* Index paths are relative to the work tree, '/'-separated. */
	if (env[len] == '/')
		len++;
	if (vh_buf_puts(&rel, env + len) < 0 || (rel.len && vh_buf_putc(&rel, '/') < 0))
		goto oom;
	if (git.repo_index(&index, repo) < 0)
		goto done;
	{
		size_t base = rel.len;

		if (vh_buf_puts(&rel, "pyvenv.cfg") < 0)
			goto oom;
		*tracked = git.index_get_bypath(index, rel.data, 0) != NULL;
		rel.len = base;
		if (!*tracked && vh_buf_puts(&rel, "bin/") < 0)
			goto oom;
		if (!*tracked)
			*tracked = git.index_find_prefix(&pos, index, rel.data) == 0;
	}
	if (*tracked) {
		*root = real;
		real = NULL;
	}
	goto done;
oom:
	rc = -1;
done:
	free(real);
	vh_buf_free(&rel);
	git.index_free(index);
	git.free(repo);
	return rc;
}
