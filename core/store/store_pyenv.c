/* pyenv-virtualenv: the nearest .python-version (pyenv-version-file: a
 * regular file, looked for from $PWD up) names the version; the first one
 * pyenv would use (pyenv-version-file-read: the first word of each line,
 * blank lines and '#' comments skipped, a name with '/' or ".." only when it
 * stays inside versions/; pyenv-version-name: "system" is no version, a
 * "python-" prefix is dropped when that names one, a name that is not
 * installed is passed over) is an env when $PYENV_ROOT/versions/NAME
 * (default ~/.pyenv) holds a pyvenv.cfg: pyenv-virtualenv's envs, and the
 * VERSION/envs/NAME links it makes, are. A plain interpreter is no env:
 * then this rule gives nothing. PYENV_VERSION and the global version file
 * are per-shell and global settings, not a directory's: not followed. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/util/fileio.h"
#include "core/util/compat.h"
#include "core/store/store.h"

/* Bigger than any version file; pyenv reads lines of at most 1024. */
#define MAX_VERSION_FILE (64 * 1024)
#define MAX_LINE 1024

int vh_store_pyenv_root(char **out)
{
	const char *root = vh_getenv("PYENV_ROOT"), *home = vh_getenv("HOME");
	struct vh_buf b = VH_BUF_INIT;
	size_t len;
	int rc;

	*out = NULL;
	if (root && *root) {
		len = strlen(root);
		if (root[len - 1] == '/' && len > 1)
			len--; /* pyenv drops one trailing '/' */
		rc = vh_buf_add(&b, root, len);
	} else if (home && *home) {
		rc = vh_buf_puts(&b, home) < 0 ? VH_ENOMEM : vh_buf_puts(&b, "/.pyenv");
	} else {
		return 0;
	}
	if (rc < 0 || vh_buf_puts(&b, "/versions") < 0) {
		vh_buf_free(&b);
		return VH_ENOMEM;
	}
	*out = vh_buf_detach(&b);
	return 0;
}

/* is_version_safe: "versions/NAME" with '.' and ".." taken lexically, as
 * a shell's cd does (pyenv's is a shell script), must be a directory inside
 * versions/. */
static int safe(const char *versions, const char *name)
{
	struct vh_buf b = VH_BUF_INIT;
	const char *p = name, *e;
	size_t base = strlen(versions);
	struct stat st;
	int ok;

	if (strcmp(name, "..") && !strchr(name, '/'))
		return 1;
	if (vh_buf_puts(&b, versions) < 0)
		return 0;
	while (*p) {
		e = strchr(p, '/');
		if (!e)
			e = p + strlen(p);
		if (e - p == 2 && !strncmp(p, "..", 2)) {
			while (b.len > 0 && b.data[b.len - 1] != '/')
				b.len--;
			if (b.len > 0)
				b.len--;
			b.data[b.len] = '\0';
		} else if (e > p && !(e - p == 1 && *p == '.')) {
			if (vh_buf_putc(&b, '/') < 0 || vh_buf_add(&b, p, (size_t)(e - p)) < 0)
				break;
		}
		p = *e ? e + 1 : e;
	}
	ok = !*p && b.len > base + 1 && !strncmp(b.data, versions, base) && b.data[base] == '/' &&
	     stat(b.data, &st) == 0 && S_ISDIR(st.st_mode);
	vh_buf_free(&b);
	return ok;
}

/* The names in versions/, read once however many lines the version file
 * has (it is the project's: a line each must not cost a read of the
 * directory), sorted; and the prefixes pyenv-latest resolves to one of
 * them ("3.11" and "3" of "3.11.2": up to a '.' or '-'), sorted. */
struct installed {
	int loaded;
	char **names, **prefixes;
	size_t n, np, cap, pcap;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int push(char ***v, size_t *n, size_t *cap, char *s)
{
	char **grown;

	if (!s)
		return VH_ENOMEM;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		grown = realloc(*v, *cap * sizeof(**v));
		if (!grown) {
			free(s);
			return VH_ENOMEM;
		}
		*v = grown;
	}
	(*v)[(*n)++] = s;
	return 0;
}

static int installed_load(struct installed *in, const char *versions)
{
	struct dirent *d;
	DIR *dir;
	size_t i;
	int rc = 0;

	if (in->loaded)
		return 0;
	in->loaded = 1;
	dir = opendir(versions);
	while (dir && rc == 0 && (d = readdir(dir))) {
		if (push(&in->names, &in->n, &in->cap, strdup(d->d_name)) < 0)
			rc = VH_ENOMEM;
		for (i = 0; rc == 0 && d->d_name[i]; i++)
			if (i && (d->d_name[i] == '.' || d->d_name[i] == '-') &&
			    push(&in->prefixes, &in->np, &in->pcap, strndup(d->d_name, i)) < 0)
				rc = VH_ENOMEM;
	}
	if (dir)
		closedir(dir);
	if (in->n)
		qsort(in->names, in->n, sizeof(*in->names), by_name);
	if (in->np)
		qsort(in->prefixes, in->np, sizeof(*in->prefixes), by_name);
	return rc;
}

static void installed_free(struct installed *in)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		free(in->names[i]);
	for (i = 0; i < in->np; i++)
		free(in->prefixes[i]);
	free(in->names);
	free(in->prefixes);
	memset(in, 0, sizeof(*in));
}

static int listed(char **v, size_t n, const char *s)
{
	return n && bsearch(&s, v, n, sizeof(*v), by_name) != NULL;
}

static int is_dir_in(const struct installed *in, const char *versions, const char *name)
{
	char *p;
	struct stat st;
	int ok;

	/* a plain name is asked of the file system only when it is there */
	if (!strchr(name, '/') && !listed(in->names, in->n, name))
		return 0;
	p = vh_store_join(versions, name);
	ok = p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return ok;
}

/* pyenv-latest would resolve a prefix ("3.11") to an installed version
 * ("3.11.2"): is there one (a name starting with prefix and '.' or '-')? */
static int resolves(const struct installed *in, const char *prefix)
{
	return listed(in->prefixes, in->np, prefix);
}

int vh_store_pyenv(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir)
{
	struct vh_buf text = VH_BUF_INIT, why = VH_BUF_INIT;
	struct installed in = { 0 };
	char *file = NULL, *versions = NULL, *word = NULL;
	const char *line, *next, *s, *e, *name;
	int rc = 0;

	if (w->pyenv_seen || !vh_store_is_file(w, dir, ".python-version"))
		return VH_STORE_NONE;
	w->pyenv_seen = 1;
	file = vh_store_join(dir, ".python-version");
	if (!file)
		return VH_ENOMEM;
	rc = vh_read_file_why(&text, &why, file, MAX_VERSION_FILE);
	if (rc == VH_EREFUSED) {
		vh_buf_puts(&why, "; not activating an env for it");
		rc = vh_store_refuse(w, file, vh_buf_str(&why));
	} else if (rc == VH_ENOTFOUND) {
		rc = VH_STORE_REFUSED; /* gone since it was seen: nothing this time */
	}
	if (rc)
		goto done;
	if (memchr(text.data, '\0', text.len)) {
		rc = vh_store_refuse(w, file, " is not text (it holds a NUL byte); not activating an env for it");
		goto done;
	}
	if (vh_store_pyenv_root(&versions) < 0) {
		rc = VH_ENOMEM;
		goto done;
	}
	if (!versions)
		goto done;
	if (installed_load(&in, versions) < 0) {
		rc = VH_ENOMEM;
		goto done;
	}
	for (line = text.data; *line; line = next) {
		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (next - line > MAX_LINE + 1) {
			rc = vh_store_refuse(w, file, ": a line longer than pyenv reads; not activating an env for it");
			goto done;
		}
		/* read -r version _, with IFS of space, tab, newline and CR. */
		for (s = line; s < next && strchr(" \t\r\n", *s); s++)
			;
		for (e = s; e < next && !strchr(" \t\r\n", *e); e++)
			;
		if (e == s || *s == '#')
			continue;
		free(word);
		word = strndup(s, (size_t)(e - s));
		if (!word) {
			rc = VH_ENOMEM;
			goto done;
		}
		if (!safe(versions, word))
			continue; /* pyenv: "invalid version ... ignored" */
		if (!strcmp(word, "system"))
			goto done;
		name = word;
		if (!strncmp(word, "python-", 7) && is_dir_in(&in, versions, word + 7))
			name = word + 7;
		if (!is_dir_in(&in, versions, name)) {
			if (resolves(&in, word))
				goto done; /* an interpreter pyenv resolves: no env */
			continue;
		}
		rc = vh_store_take(hit, vh_store_join(versions, name), file);
		file = NULL;
		goto done; /* the first version decides */
	}
done:
	installed_free(&in);
	vh_buf_free(&text);
	vh_buf_free(&why);
	free(file);
	free(versions);
	free(word);
	return rc;
}
