/* The env names `venvhook activate` takes and the completions offer: each
 * directory of $WORKON_HOME (default ~/.virtualenvs, virtualenvwrapper's
 * convention) that holds a pyvenv.cfg, those of the tools' stores, and the
 * envs of the current project. One readdir per store and one fstatat per
 * entry that matches the prefix: no Python. */
#include "core/find/envlist.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/decide/userconfig.h"
#include "core/find/envdir.h"
#include "core/store/store.h"

static int add(struct vh_env_list *l, const char *dir, const char *entry, const char *name)
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
			return VH_ENOMEM;
		l->v = e;
		l->cap = cap;
	}
	if (vh_buf_puts(&path, dir) < 0 || (strcmp(dir, "/") && vh_buf_putc(&path, '/') < 0) ||
	    vh_buf_puts(&path, entry) < 0) {
		vh_buf_free(&path);
		return VH_ENOMEM;
	}
	e = &l->v[l->n];
	e->name = strdup(name);
	e->path = vh_buf_detach(&path);
	if (!e->name || !e->path) {
		free(e->name);
		free(e->path);
		return VH_ENOMEM;
	}
	l->n++;
	return 0;
}

/* The envs in dir whose names start with prefix, each listed as label
 * (NULL: its own name) + name; a missing directory simply holds none. */
static int add_dir(struct vh_env_list *l, const char *dir, const char *label, const char *prefix)
{
	struct vh_buf name = VH_BUF_INIT;
	size_t plen = strlen(prefix), llen = label ? strlen(label) : 0;
	struct dirent *d;
	DIR *dh;
	int rc = 0;

	/* A label longer than the prefix decides alone whether any name fits. */
	if (llen && strncmp(label, prefix, llen < plen ? llen : plen))
		return 0;
	dh = opendir(dir);
	if (!dh)
		return 0;
	while ((d = readdir(dh)) != NULL && rc == 0) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		if (plen > llen && strncmp(d->d_name, prefix + llen, plen - llen))
			continue;
		if (!vh_env_at(dirfd(dh), d->d_name))
			continue;
		vh_buf_reset(&name);
		if ((label && vh_buf_puts(&name, label) < 0) || vh_buf_puts(&name, d->d_name) < 0)
			rc = VH_ENOMEM;
		else
			rc = add(l, dir, d->d_name, name.data);
	}
	closedir(dh);
	vh_buf_free(&name);
	return rc;
}

/* pyenv's versions that are envs, as pyenv names them: NAME, and
 * VERSION/envs/NAME for pyenv-virtualenv's own layout. */
static int add_pyenv(struct vh_env_list *l, const char *versions, const char *prefix)
{
	struct vh_buf sub = VH_BUF_INIT, label = VH_BUF_INIT;
	struct dirent *d;
	DIR *dh;
	int rc;

	rc = add_dir(l, versions, NULL, prefix);
	dh = rc == 0 ? opendir(versions) : NULL;
	while (dh && rc == 0 && (d = readdir(dh)) != NULL) {
		if (d->d_name[0] == '.')
			continue;
		vh_buf_reset(&sub);
		vh_buf_reset(&label);
		if (vh_buf_puts(&sub, versions) < 0 || vh_buf_putc(&sub, '/') < 0 ||
		    vh_buf_puts(&sub, d->d_name) < 0 || vh_buf_puts(&sub, "/envs") < 0 ||
		    vh_buf_puts(&label, d->d_name) < 0 || vh_buf_puts(&label, "/envs/") < 0)
			rc = VH_ENOMEM;
		else
			rc = add_dir(l, sub.data, label.data, prefix);
	}
	if (dh)
		closedir(dh);
	vh_buf_free(&sub);
	vh_buf_free(&label);
	return rc;
}

static int on(enum vh_store_id id)
{
	return vh_config.stores & (1u << id);
}

/* WORKON_HOME, then each store the config follows. */
static int add_stores(struct vh_env_list *l, const char *prefix)
{
	int (*const root[])(char **) = { vh_store_pipenv_root, vh_store_poetry_root,
					 vh_store_virtualfish_root, vh_store_autoswitch_root,
					 vh_store_pdm_root };
	const enum vh_store_id id[] = { VH_STORE_PIPENV, VH_STORE_POETRY, VH_STORE_VIRTUALFISH,
					VH_STORE_AUTOSWITCH, VH_STORE_PDM };
	char *dir = NULL, *workon = NULL;
	size_t i;
	int rc;

	rc = vh_workon_home(&workon);
	if (rc < 0)
		return VH_ENOMEM;
	rc = workon ? add_dir(l, workon, NULL, prefix) : 0;
	for (i = 0; i < sizeof(id) / sizeof(id[0]) && rc == 0; i++) {
		if (!on(id[i]))
			continue;
		rc = root[i](&dir);
		/* pipenv's store is $WORKON_HOME when that is set, virtualfish's
		 * and autoswitch's ~/.virtualenvs when theirs are not: once is
		 * enough. */
		if (rc == 0 && dir && !(workon && !strcmp(dir, workon)))
			rc = add_dir(l, dir, NULL, prefix);
		free(dir);
		dir = NULL;
	}
	free(workon);
	if (rc == 0 && on(VH_STORE_PYENV)) {
		rc = vh_store_pyenv_root(&dir);
		if (rc == 0 && dir)
			rc = add_pyenv(l, dir, prefix);
		free(dir);
	}
	return rc;
}

/* The envs of the project discovery found, by their directory names
 * (.venv, venv). */
static int add_project(struct vh_env_list *l, const struct vh_found *found, const char *prefix)
{
	const char *const *name;
	int rc = 0, dirfd;

	if (found->rule != VH_RULE_CHILD)
		return 0;
	dirfd = open(found->owner, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (dirfd < 0)
		return 0;
	for (name = vh_config.env_dirs; *name && rc == 0; name++)
		if (!strncmp(*name, prefix, strlen(prefix)) && vh_env_at(dirfd, *name))
			rc = add(l, found->owner, *name, *name);
	close(dirfd);
	return rc;
}

/* By name, and for one name in the order met (the index breaks ties). */
static int by_name(const void *a, const void *b)
{
	const struct vh_env_entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->order > y->order) - (x->order < y->order);
}

int vh_env_list_collect(struct vh_env_list *l, const struct vh_found *project, const char *prefix)
{
	size_t i, j;

	memset(l, 0, sizeof(*l));
	if (!prefix)
		prefix = "";
	if (add_stores(l, prefix) < 0 || (project && add_project(l, project, prefix) < 0))
		return VH_ENOMEM;
	if (!l->n) /* qsort wants a non-null array even for none */
		return 0;
	for (i = 0; i < l->n; i++)
		l->v[i].order = i;
	qsort(l->v, l->n, sizeof(*l->v), by_name);
	for (i = j = 0; i < l->n; i++) {
		if (j && !strcmp(l->v[j - 1].name, l->v[i].name)) {
			free(l->v[i].name);
			free(l->v[i].path);
			continue;
		}
		l->v[j++] = l->v[i];
	}
	l->n = j;
	return 0;
}

int vh_env_list_project(struct vh_found *found, const char *cwd)
{
	unsigned stores = vh_config.stores;
	int rc;

	memset(found, 0, sizeof(*found));
	vh_config.stores = 0;
	rc = vh_discover(found, cwd);
	vh_config.stores = stores;
	return rc < 0 ? rc : 0;
}

int vh_env_list_find(char **out, const char *cwd, const char *name)
{
	struct vh_env_list l = { 0 };
	struct vh_found found = { 0 };
	size_t i;
	int rc;

	*out = NULL;
	rc = cwd ? vh_env_list_project(&found, cwd) : 0;
	rc = rc < 0 ? rc : vh_env_list_collect(&l, &found, name);
	vh_found_free(&found);
	for (i = 0; rc == 0 && i < l.n; i++) {
		if (!strcmp(l.v[i].name, name)) {
			*out = l.v[i].path;
			l.v[i].path = NULL;
			break;
		}
	}
	vh_env_list_free(&l);
	return rc;
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
