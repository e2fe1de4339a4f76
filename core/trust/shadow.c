#include "core/trust/shadow.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/util/msg.h"

/* Every env's bin/ holds these; naming them would say nothing. */
static const char *const own_tools[] = {
	"python", "pip", "pydoc", "activate", "Activate", "deactivate", "easy_install", "wheel",
	"idle", "2to3", NULL,
};

static int own_tool(const char *name)
{
	const char *const *t;

	for (t = own_tools; *t; t++)
		if (!strncmp(name, *t, strlen(*t)))
			return 1;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct names {
	char **v;
	unsigned char *hit; /* v[i] is shadowed: found in a PATH directory */
	size_t n, left;	    /* names, and those not found yet */
	size_t *work;
};

/* dir (len bytes of PATH) holds name as an executable. */
static int executable_in(struct vh_buf *p, const char *dir, size_t len, const char *name,
			 size_t *work)
{
	vh_buf_reset(p);
	++*work;
	return vh_buf_add(p, dir, len) == 0 && vh_buf_putc(p, '/') == 0 && vh_buf_puts(p, name) == 0 &&
	       access(p->data, X_OK) == 0;
}

/* Marks the names the PATH directory dir (len bytes) holds as executables.
 * A few names left: asked one by one. More: the directory is read once and
 * each of its entries looked up among the names (sorted), so that the cost
 * is that of the smaller of the two, never their product. */
static int mark_in(struct names *s, const char *dir, size_t len)
{
	struct vh_buf p = VH_BUF_INIT;
	struct dirent *de;
	char **at, *key;
	size_t i;
	DIR *d;
	int rc = 0;

	if (s->left <= VH_SHADOW_ASK) {
		for (i = 0; i < s->n; i++)
			if (!s->hit[i] && executable_in(&p, dir, len, s->v[i], s->work)) {
				s->hit[i] = 1;
				s->left--;
			}
		goto done;
	}
	if (vh_buf_add(&p, dir, len) < 0) {
		rc = VH_ENOMEM;
		goto done;
	}
	d = opendir(p.data);
	if (!d)
		goto done;
	while ((de = readdir(d))) {
		++*s->work;
		key = de->d_name;
		at = bsearch(&key, s->v, s->n, sizeof(*s->v), by_name);
		if (!at || s->hit[at - s->v])
			continue;
		if (executable_in(&p, dir, len, de->d_name, s->work)) {
			s->hit[at - s->v] = 1;
			s->left--;
		}
	}
	closedir(d);
done:
	vh_buf_free(&p);
	return rc;
}

int vh_shadow_list_counted(struct vh_buf *out, const char *env, const char *path, size_t max,
			   size_t *work)
{
	struct vh_buf bin = VH_BUF_INIT;
	struct names s = { NULL, NULL, 0, 0, work };
	const char *dir, *e;
	size_t cap = 0, i, k, len, found = 0;
	struct dirent *de;
	DIR *d = NULL;
	char **grown;
	int rc = VH_ENOMEM, more = 0;

	*work = 0;
	if (vh_buf_puts(&bin, env) < 0 || vh_buf_puts(&bin, "/bin") < 0)
		goto done;
	rc = 0;
	d = path ? opendir(bin.data) : NULL;
	if (!d)
		goto done;
	/* One pass over bin/, and not all of a huge one. */
	while ((de = readdir(d))) {
		++*work;
		if (de->d_name[0] == '.' || own_tool(de->d_name))
			continue;
		if (s.n == VH_SHADOW_SCAN) {
			more = 1;
			break;
		}
		if (s.n == cap) {
			cap = cap ? cap * 2 : 16;
			grown = realloc(s.v, cap * sizeof(*s.v));
			if (!grown)
				goto oom;
			s.v = grown;
		}
		s.v[s.n] = strdup(de->d_name);
		if (!s.v[s.n])
			goto oom;
		s.n++;
	}
	if (!s.n)
		goto done;
	qsort(s.v, s.n, sizeof(*s.v), by_name);
	s.hit = calloc(s.n, 1);
	if (!s.hit)
		goto oom;
	s.left = s.n;
	for (dir = path; dir && s.left; dir = *e ? e + 1 : NULL) {
		e = strchr(dir, ':');
		if (!e)
			e = dir + strlen(dir);
		len = (size_t)(e - dir);
		if (!len || dir[0] != '/' || (bin.len == len && !strncmp(dir, bin.data, len)))
			continue;
		if (mark_in(&s, dir, len) < 0)
			goto oom;
	}
	for (i = k = 0; i < s.n; i++) {
		if (!s.hit[i])
			continue;
		if (k < max && ((k && vh_buf_puts(out, ", ") < 0) || vh_msg_escape(out, s.v[i]) < 0))
			goto oom;
		k++;
	}
	found = k;
	if (found > max && vh_buf_printf(out, " and %zu more", found - max) < 0)
		goto oom;
	if (found && more && vh_buf_printf(out, " (of the first %d names in its bin/, which holds more)",
					   VH_SHADOW_SCAN) < 0)
		goto oom;
	rc = (int)found;
	goto done;
oom:
	rc = VH_ENOMEM;
done:
	for (i = 0; i < s.n; i++)
		free(s.v[i]);
	free(s.v);
	free(s.hit);
	if (d)
		closedir(d);
	vh_buf_free(&bin);
	return rc;
}

int vh_shadow_list(struct vh_buf *out, const char *env, const char *path, size_t max)
{
	size_t work;

	return vh_shadow_list_counted(out, env, path, max, &work);
}
