/* venvhook list [--paths]: the env names `venvhook activate` and the
 * completions offer: each directory of $WORKON_HOME (default ~/.virtualenvs,
 * virtualenvwrapper's convention) that holds a pyvenv.cfg, and the envs of
 * the current project. One readdir and one fstatat per entry: no Python. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "discover.h"
#include "envdir.h"
#include "msg.h"

struct entry {
	char *name;
	char *path;
};

struct list {
	struct entry *v;
	size_t n, cap;
	size_t skipped; /* names a line cannot hold */
};

static int add(struct list *l, const char *dir, const char *name)
{
	struct entry *e;
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
static int add_workon_home(struct list *l)
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

/* The envs of the project discovery finds for the current directory, by
 * their directory names (.venv, venv). */
static int add_project(struct list *l)
{
	const char *const *name;
	struct vh_found found;
	char *cwd = NULL;
	int rc = 0, dirfd;

	if (vh_cwd(&cwd) < 0)
		return 0;
	if (vh_discover(&found, cwd) < 0) {
		free(cwd);
		return -1;
	}
	free(cwd);
	if (found.rule != VH_RULE_CHILD)
		goto done;
	dirfd = open(found.owner, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0)
		goto done;
	for (name = vh_env_dir_names; *name && rc == 0; name++)
		if (vh_env_at(dirfd, *name))
			rc = add(l, found.owner, *name);
	close(dirfd);
done:
	vh_found_free(&found);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return strcmp(x->name, y->name);
}

int vh_cmd_list(int argc, char **argv)
{
	struct list l = { 0 };
	struct vh_buf out = VH_BUF_INIT;
	int paths = 0, rc = 1;
	size_t i;

	if (argc == 2 && !strcmp(argv[1], "--paths")) {
		paths = 1;
	} else if (argc != 1) {
		vh_msgf("usage: venvhook list [--paths]");
		return VH_EXIT_USAGE;
	}
	if (add_workon_home(&l) < 0 || add_project(&l) < 0)
		goto done;
	if (l.n) /* qsort wants a non-null array even for none */
		qsort(l.v, l.n, sizeof(*l.v), by_name);
	for (i = 0; i < l.n; i++) {
		if (vh_buf_puts(&out, l.v[i].name) < 0 ||
		    (paths && (vh_buf_putc(&out, '\t') < 0 || vh_buf_puts(&out, l.v[i].path) < 0)) ||
		    vh_buf_putc(&out, '\n') < 0)
			goto done;
	}
	if (fwrite(out.data ? out.data : "", 1, out.len, stdout) != out.len || fflush(stdout))
		goto done;
	if (l.skipped)
		vh_msgf("left out %zu env%s whose name holds a newline or tab", l.skipped,
			l.skipped == 1 ? "" : "s");
	rc = 0;
done:
	if (rc)
		vh_msgf("out of memory");
	for (i = 0; i < l.n; i++) {
		free(l.v[i].name);
		free(l.v[i].path);
	}
	free(l.v);
	vh_buf_free(&out);
	return rc;
}
