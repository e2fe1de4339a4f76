/* The env names `venvhook activate` takes and the completions offer: each
 * directory of $WORKON_HOME (default ~/.virtualenvs, virtualenvwrapper's
 * convention) that holds a pyvenv.cfg, and the envs of the current project.
 * One readdir and one fstatat per entry: no Python. */
#include "envlist.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "userconfig.h"
#include "envdir.h"

static int add(struct vh_env_list *l, const char *dir, const char *name)
{
	struct vh_env_entry *e;
	struct vh_buf path = VH_BUF_INIT;

	if (strpbrk(name, "\n\t")) {
		l->skipped++;
		return 0;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;

		e = realloc(l->v, cap * sizeof(*e));
		if (!e)
			return -1;
		l->v = e;
		l->cap = cap;
	}
	if (vh_buf_puts(&path, dir) < 0 || (strcmp(dir, "/") && vh_buf_putc(&path, '/') < 0) ||
	    vh_buf_puts(&path, name) < 0) {
		vh_buf_free(&path);
		return -1;
	}
	e = &l->v[l->n];
	e->name = strdup(name);
	e->path = vh_buf_detach(&path);
	if (!e->name || !e->path) {
		free(e->name);
		free(e->path);
		return -1;
	}
	l->n++;
	return 0;
}

/* The envs in WORKON_HOME; a missing directory simply holds none. */
static int add_workon_home(struct vh_env_list *l)
{
	struct dirent *d;
	char *home;
	DIR *dir;
	int rc;

	rc = vh_workon_home(&home);
	if (rc)
		return rc < 0 ? -1 : 0;
	dir = opendir(home);
	if (!dir)
		goto done;
	while ((d = readdir(dir)) != NULL && rc == 0) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		if (vh_env_at(dirfd(dir), d->d_name))
			rc = add(l, home, d->d_name);
	}
	closedir(dir);
done:
	free(home);
	return rc;
}

/* The envs of the project discovery found, by their directory names
 * (.venv, venv). */
static int add_project(struct vh_env_list *l, const struct vh_found *found)
{
	const char *const *name;
	int rc = 0, dirfd;

	if (found->rule != VH_RULE_CHILD)
		return 0;
	dirfd = open(found->owner, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0)
		return 0;
	for (name = vh_config.env_dirs; *name && rc == 0; name++)
		if (vh_env_at(dirfd, *name))
			rc = add(l, found->owner, *name);
	close(dirfd);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	const struct vh_env_entry *x = a, *y = b;

	return strcmp(x->name, y->name);
}

int vh_env_list_collect(struct vh_env_list *l, const struct vh_found *project)
{
	memset(l, 0, sizeof(*l));
	if (add_workon_home(l) < 0 || (project && add_project(l, project) < 0))
		return -1;
	if (l->n) /* qsort wants a non-null array even for none */
		qsort(l->v, l->n, sizeof(*l->v), by_name);
	return 0;
}

void vh_env_list_free(struct vh_env_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].path);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}
