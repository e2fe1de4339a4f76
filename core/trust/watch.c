/* The key's watch part:
 *
 *     w<sec>.<nsec>,<hex dir>:<hex path>/<slot>:<hex path>/<slot>...
 *
 * the export's moment and directory, then each watched path and "x" for absent or
 * "<dev>,<ino>" for the directory that was there. Hex and digits only: the
 * key travels unquoted through a hook's command substitution, which in some
 * shells splits at blanks (see shells/). */
#include "core/trust/watch.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/util/compat.h"
#include "core/util/hex.h"

void vh_watch_free(struct vh_watch *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->s[i].path);
	free(w->base);
	memset(w, 0, sizeof(*w));
}

/* Reads an unsigned decimal at *p, moving *p past it; VH_ESYNTAX when
 * none. */
static int number(unsigned long long *out, const char **p)
{
	char *end;

	if (**p < '0' || **p > '9')
		return VH_ESYNTAX;
	errno = 0;
	*out = strtoull(*p, &end, 10);
	if (errno)
		return VH_ESYNTAX;
	*p = end;
	return 0;
}

/* An absolute path in hex at *p, moving *p past it. 0, VH_ESYNTAX
 * (malformed) or VH_ENOMEM. */
static int parse_path(char **out, const char **p)
{
	const char *b = *p, *e = b;
	size_t len;
	int r;

	*out = NULL;
	while (vh_hex_digit((unsigned char)*e) >= 0)
		e++;
	if (e == b)
		return VH_ESYNTAX;
	r = vh_hex_decode(out, &len, b, (size_t)(e - b));
	if (r)
		return r;
	if ((*out)[0] != '/' || strlen(*out) != len) {
		free(*out);
		*out = NULL;
		return VH_ESYNTAX;
	}
	*p = e;
	return 0;
}

/* One ":<hex path>/<slot>" at *p. Returns 0, VH_ESYNTAX (malformed) or
 * VH_ENOMEM. */
static int parse_slot(struct vh_watch_slot *s, const char **p)
{
	unsigned long long dev, ino;
	int r = parse_path(&s->path, p);

	if (r)
		return r;
	if (*(*p)++ != '/')
		return VH_ESYNTAX;
	if (**p == 'x') {
		(*p)++;
		return 0;
	}
	if (number(&dev, p) < 0 || *(*p)++ != ',' || number(&ino, p) < 0)
		return VH_ESYNTAX;
	s->present = 1;
	s->dev = (dev_t)dev;
	s->ino = (ino_t)ino;
	return 0;
}

int vh_watch_parse(struct vh_watch *w, const char *key)
{
	unsigned long long sec, nsec;
	const char *p;
	int r;

	memset(w, 0, sizeof(*w));
	if (!key)
		return 0;
	/* The key's parts are joined by '_'; the watch is the one starting 'w'. */
	for (p = key; *p && *p != 'w'; p++) {
		p = strchr(p, '_');
		if (!p)
			return 0;
	}
	if (*p++ != 'w' || number(&sec, &p) < 0 || *p++ != '.' || number(&nsec, &p) < 0 ||
	    nsec >= 1000000000)
		return 0;
	w->since.tv_sec = (time_t)sec;
	w->since.tv_nsec = (long)nsec;
	if (*p == ',') {
		p++;
		r = parse_path(&w->base, &p);
		if (r) {
			vh_watch_free(w);
			return r == VH_ENOMEM ? r : 0;
		}
	}
	while (*p == ':' && w->n < VH_WATCH_MAX) {
		p++;
		r = parse_slot(&w->s[w->n], &p);
		w->n++;
		if (r) {
			vh_watch_free(w);
			return r == VH_ENOMEM ? r : 0;
		}
	}
	if (*p && *p != '_')
		vh_watch_free(w);
	return 0;
}

static int note(struct vh_watch_slot *s)
{
	struct vh_stat st;

	if (vh_stat(&st, AT_FDCWD, s->path, 1) == 0) {
		s->present = 1;
		s->dev = st.dev;
		s->ino = st.ino;
	}
	return 0;
}

int vh_watch_update(struct vh_watch *w, const char *base, const char *const *paths, size_t n)
{
	size_t i, j;

	long slack;

	memset(w, 0, sizeof(*w));
	if (vh_clock_files(&w->since, &slack) < 0) {
		memset(&w->since, 0, sizeof(w->since));
		return 0; /* no clock, no watch */
	}
	if (base && base[0] == '/' && !(w->base = strdup(base)))
		return VH_ENOMEM;
	for (i = 0; i < n && w->n < VH_WATCH_MAX; i++) {
		for (j = 0; j < w->n && strcmp(w->s[j].path, paths[i]); j++)
			;
		if (j < w->n || paths[i][0] != '/')
			continue;
		w->s[w->n].path = strdup(paths[i]);
		if (!w->s[w->n].path) {
			vh_watch_free(w);
			return VH_ENOMEM;
		}
		note(&w->s[w->n++]);
	}
	return 0;
}

int vh_watch_format(struct vh_buf *key, const struct vh_watch *w)
{
	const struct vh_watch_slot *s;
	size_t i;

	if (!w->since.tv_sec)
		return 0;
	if (vh_buf_printf(key, "w%lld.%09ld", (long long)w->since.tv_sec, w->since.tv_nsec) < 0 ||
	    (w->base && (vh_buf_putc(key, ',') < 0 || vh_hex_put(key, w->base, strlen(w->base)) < 0)))
		return VH_ENOMEM;
	for (i = 0; i < w->n; i++) {
		s = &w->s[i];
		if (vh_buf_putc(key, ':') < 0 || vh_hex_put(key, s->path, strlen(s->path)) < 0 ||
		    (!s->present ? vh_buf_puts(key, "/x") < 0 :
		     vh_buf_printf(key, "/%llu,%llu", (unsigned long long)s->dev,
				   (unsigned long long)s->ino) < 0))
			return VH_ENOMEM;
	}
	return 0;
}

int vh_watch_paths(char ***paths, size_t *n, const struct vh_watch *w)
{
	size_t i, k = 0;
	char **v = calloc(w->n + 1, sizeof(*v));

	*paths = NULL;
	*n = 0;
	if (!v)
		return VH_ENOMEM;
	for (i = 0; i < w->n; i++) {
		if (w->s[i].present)
			continue;
		v[k] = strdup(w->s[i].path);
		if (!v[k]) {
			while (k)
				free(v[--k]);
			free(v);
			return VH_ENOMEM;
		}
		k++;
	}
	*paths = v;
	*n = k;
	return 0;
}

static const struct vh_watch_slot *find(const struct vh_watch *w, const char *env)
{
	size_t i;

	for (i = 0; w && i < w->n; i++)
		if (!strcmp(w->s[i].path, env))
			return &w->s[i];
	return NULL;
}

int vh_watch_appeared(const struct vh_watch *w, const char *env)
{
	const struct vh_watch_slot *s = find(w, env);
	struct vh_stat st;

	return s && !s->present && vh_stat(&st, AT_FDCWD, env, 1) == 0;
}

int vh_watch_here(const struct vh_watch *w, const char *env)
{
	const struct vh_watch_slot *s = find(w, env);

	return s && s->here;
}

int vh_watch_was_there(const struct vh_watch *w, const char *env)
{
	const struct vh_watch_slot *s = find(w, env);

	return s && s->present;
}

int vh_watch_move(struct vh_watch *w, const char *dir, const char *const *rel, size_t nrel)
{
	struct vh_buf p = VH_BUF_INIT;
	size_t i, j;
	char *copy;

	if (!w->since.tv_sec || dir[0] != '/')
		return 0;
	if (!(copy = strdup(dir)))
		return VH_ENOMEM;
	free(w->base);
	w->base = copy;
	w->moved = 1;
	for (i = 0; i < nrel && w->n < VH_WATCH_MAX; i++) {
		vh_buf_reset(&p);
		if (vh_buf_puts(&p, dir) < 0 || (strcmp(dir, "/") && vh_buf_putc(&p, '/') < 0) ||
		    vh_buf_puts(&p, rel[i]) < 0) {
			vh_buf_free(&p);
			return VH_ENOMEM;
		}
		for (j = 0; j < w->n && strcmp(w->s[j].path, p.data); j++)
			;
		if (j < w->n) {
			w->s[j].here = 1;
			continue;
		}
		/* absent: the hook saw none of the walk's names there */
		memset(&w->s[w->n], 0, sizeof(w->s[w->n]));
		w->s[w->n].here = 1;
		if (!(w->s[w->n].path = vh_buf_detach(&p)))
			return VH_ENOMEM;
		w->n++;
	}
	vh_buf_free(&p);
	return 0;
}
