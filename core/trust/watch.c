/* The key's watch part:
 *
 *     w<sec>.<nsec>:<hex dir>/<slot>/<slot>...:<hex dir>/<slot>...
 *
 * one slot per env_dirs name, "x" for absent or "<dev>,<ino>,<sec>,<nsec>"
 * (the pyvenv.cfg's device, inode and change time). Hex and digits only:
 * the key travels unquoted through a hook's command substitution, which
 * in some shells splits at blanks (see shells/). */
#include "core/trust/watch.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/util/compat.h"
#include "core/util/hex.h"

static size_t nnames(void)
{
	size_t n = 0;

	while (vh_config.env_dirs[n])
		n++;
	return n;
}

void vh_watch_free(struct vh_watch *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->d[i].dir);
	memset(w, 0, sizeof(*w));
}

/* Reads an unsigned decimal at *p, moving *p past it; -1 when none. */
static int number(unsigned long long *out, const char **p)
{
	char *end;

	if (**p < '0' || **p > '9')
		return -1;
	errno = 0;
	*out = strtoull(*p, &end, 10);
	if (errno)
		return -1;
	*p = end;
	return 0;
}

static int parse_slot(struct vh_watch_slot *s, const char **p)
{
	unsigned long long dev, ino, sec, nsec;

	memset(s, 0, sizeof(*s));
	if (**p == 'x') {
		(*p)++;
		return 0;
	}
	if (number(&dev, p) < 0 || *(*p)++ != ',' || number(&ino, p) < 0 || *(*p)++ != ',' ||
	    number(&sec, p) < 0 || *(*p)++ != ',' || number(&nsec, p) < 0 || nsec >= 1000000000)
		return -1;
	s->present = 1;
	s->dev = (dev_t)dev;
	s->ino = (ino_t)ino;
	s->ctime.tv_sec = (time_t)sec;
	s->ctime.tv_nsec = (long)nsec;
	return 0;
}

/* One ":<hex dir>/<slot>..." at *p. Returns 0, 1 (malformed), -1 (oom). */
static int parse_dir(struct vh_watch_dir *d, const char **p, size_t slots)
{
	const char *s = *p, *e = s;
	size_t i, len;
	char *dir;
	int r;

	while (vh_hex_digit((unsigned char)*e) >= 0)
		e++;
	if (e == s)
		return 1;
	r = vh_hex_decode(&dir, &len, s, (size_t)(e - s));
	if (r)
		return r;
	if (dir[0] != '/' || strlen(dir) != len) {
		free(dir);
		return 1;
	}
	d->dir = dir;
	*p = e;
	for (i = 0; i < slots; i++)
		if (*(*p)++ != '/' || parse_slot(&d->slot[i], p) < 0)
			return 1;
	return 0;
}

int vh_watch_parse(struct vh_watch *w, const char *key)
{
	unsigned long long sec, nsec;
	const char *p;
	size_t slots = nnames();
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
	while (*p == ':' && w->n < VH_WATCH_MAX_DIRS) {
		p++;
		r = parse_dir(&w->d[w->n], &p, slots);
		if (r == 0) {
			w->n++;
			continue;
		}
		free(w->d[w->n].dir);
		w->d[w->n].dir = NULL;
		vh_watch_free(w);
		return r < 0 ? -1 : 0;
	}
	if (*p && *p != '_') {
		vh_watch_free(w);
		return 0;
	}
	return 0;
}

static char *join3(const char *dir, const char *name, const char *leaf)
{
	size_t a = strlen(dir), b = strlen(name), c = leaf ? strlen(leaf) : 0;
	int slash = !(a == 1 && dir[0] == '/');
	char *s = malloc(a + slash + b + (leaf ? 1 + c : 0) + 1), *q;

	if (!s)
		return NULL;
	q = s;
	memcpy(q, dir, a);
	q += a;
	if (slash)
		*q++ = '/';
	memcpy(q, name, b);
	q += b;
	if (leaf) {
		*q++ = '/';
		memcpy(q, leaf, c);
		q += c;
	}
	*q = '\0';
	return s;
}

static int note(struct vh_watch_slot *s, const char *dir, const char *name)
{
	char *path = join3(dir, name, "pyvenv.cfg");
	struct vh_stat st;

	memset(s, 0, sizeof(*s));
	if (!path)
		return -1;
	if (vh_stat(&st, AT_FDCWD, path, 1) == 0 && S_ISREG(st.mode)) {
		s->present = 1;
		s->dev = st.dev;
		s->ino = st.ino;
		s->ctime = st.ctime;
	}
	free(path);
	return 0;
}

static int same_dirs(const struct vh_watch *w, const char *const *dirs, size_t n)
{
	size_t i;

	if (w->n != n || !w->since.tv_sec)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(w->d[i].dir, dirs[i]))
			return 0;
	return 1;
}

int vh_watch_update(struct vh_watch *w, const struct vh_watch *prev, const char *const *dirs,
		    size_t n)
{
	const char *uniq[VH_WATCH_MAX_DIRS];
	size_t i, j, k = 0, slots = nnames();

	memset(w, 0, sizeof(*w));
	/* (the same directory twice stays twice: here and the root, which the
	 * region's shortcut tells apart; vh_watch_paths lists it once) */
	for (i = 0; i < n && k < VH_WATCH_MAX_DIRS; i++)
		uniq[k++] = dirs[i];
	if (prev && same_dirs(prev, uniq, k)) {
		w->since = prev->since;
		for (i = 0; i < k; i++) {
			w->d[i].dir = strdup(uniq[i]);
			if (!w->d[i].dir)
				goto oom;
			w->n++;
			memcpy(w->d[i].slot, prev->d[i].slot, sizeof(w->d[i].slot));
		}
		return 0;
	}
	if (clock_gettime(CLOCK_REALTIME, &w->since) < 0)
		return 0; /* no clock, no watch */
	for (i = 0; i < k; i++) {
		w->d[i].dir = strdup(uniq[i]);
		if (!w->d[i].dir)
			goto oom;
		w->n++;
		for (j = 0; j < slots; j++)
			if (note(&w->d[i].slot[j], uniq[i], vh_config.env_dirs[j]) < 0)
				goto oom;
	}
	return 0;
oom:
	vh_watch_free(w);
	return -1;
}

int vh_watch_format(struct vh_buf *key, const struct vh_watch *w)
{
	const struct vh_watch_slot *s;
	size_t i, j, slots = nnames();

	if (!w->since.tv_sec || !w->n)
		return 0;
	if (vh_buf_printf(key, "w%lld.%09ld", (long long)w->since.tv_sec, w->since.tv_nsec) < 0)
		return -1;
	for (i = 0; i < w->n; i++) {
		if (vh_buf_putc(key, ':') < 0 || vh_hex_put(key, w->d[i].dir, strlen(w->d[i].dir)) < 0)
			return -1;
		for (j = 0; j < slots; j++) {
			s = &w->d[i].slot[j];
			if (!s->present ? vh_buf_puts(key, "/x") < 0 :
			    vh_buf_printf(key, "/%llu,%llu,%lld,%ld", (unsigned long long)s->dev,
					  (unsigned long long)s->ino, (long long)s->ctime.tv_sec,
					  s->ctime.tv_nsec) < 0)
				return -1;
		}
	}
	return 0;
}

int vh_watch_paths(char ***paths, size_t *n, const struct vh_watch *w)
{
	size_t i, j, k = 0, slots = nnames();
	char **v = calloc(w->n * slots + 1, sizeof(*v));

	*paths = NULL;
	*n = 0;
	if (!v)
		return -1;
	for (i = 0; i < w->n; i++)
		for (j = 0; j < slots; j++) {
			if (w->d[i].slot[j].present || (i && !strcmp(w->d[i].dir, w->d[0].dir)))
				continue;
			v[k] = join3(w->d[i].dir, vh_config.env_dirs[j], "pyvenv.cfg");
			if (!v[k]) {
				while (k)
					free(v[--k]);
				free(v);
				return -1;
			}
			k++;
		}
	*paths = v;
	*n = k;
	return 0;
}

int vh_watch_appeared(const struct vh_watch *w, const char *env)
{
	struct vh_watch_slot now;
	const struct vh_watch_slot *then;
	size_t i, j, len;

	for (i = 0; i < w->n; i++) {
		len = strlen(w->d[i].dir);
		if (strncmp(env, w->d[i].dir, len))
			continue;
		if (len > 1 && env[len] == '/')
			len++;
		else if (len != 1)
			continue;
		for (j = 0; vh_config.env_dirs[j]; j++) {
			if (strcmp(env + len, vh_config.env_dirs[j]))
				continue;
			then = &w->d[i].slot[j];
			if (note(&now, w->d[i].dir, vh_config.env_dirs[j]) < 0 || !now.present)
				return 0;
			return !then->present || then->dev != now.dev || then->ino != now.ino ||
			       vh_timespec_cmp(&then->ctime, &now.ctime) != 0;
		}
	}
	return 0;
}

int vh_watch_move(struct vh_watch *w, const char *dir)
{
	char *copy;

	if (!w->n || !w->since.tv_sec)
		return 0;
	if (!(copy = strdup(dir)))
		return -1;
	free(w->d[0].dir);
	w->d[0].dir = copy;
	/* back at the root: what was there when the watch began, as the hook
	 * watches it (the root's paths) */
	if (w->n > 1 && !strcmp(dir, w->d[1].dir))
		memcpy(w->d[0].slot, w->d[1].slot, sizeof(w->d[0].slot));
	else
		memset(w->d[0].slot, 0, sizeof(w->d[0].slot));
	return 0;
}

int vh_watch_root_paths(char ***paths, size_t *n, const struct vh_watch *w)
{
	struct vh_watch root = *w;

	if (w->n < 2) {
		*paths = NULL;
		*n = 0;
		return 0;
	}
	root.n = w->n - 1;
	memmove(root.d, w->d + 1, root.n * sizeof(root.d[0]));
	return vh_watch_paths(paths, n, &root);
}
