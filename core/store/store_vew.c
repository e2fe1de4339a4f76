/* virtualenvwrapper: `mkvirtualenv -a DIR` and `setvirtualenvproject` write
 * DIR into $WORKON_HOME/NAME/.project (VIRTUALENVWRAPPER_PROJECT_FILENAME);
 * `workon NAME` then cds there. So a directory some .project names (as its
 * path, or the same directory by device and inode) is the project of that
 * env, and its subdirectories too. Of several envs naming one directory,
 * the first name in byte order wins.
 *
 * Reading every .project on every directory change would cost a file open
 * per env, so their contents are kept in an index,
 * $XDG_CACHE_HOME/venvhook/projects, that is rebuilt when $WORKON_HOME's
 * status changes (an env made, removed or renamed) or when the status of
 * any NAME/.project does (setvirtualenvproject writes only that file): a
 * directory change that meets no nearer env costs one read of the index
 * and one fstatat per env. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/compat.h"
#include "core/util/deps.h"
#include "core/find/envdir.h"
#include "core/util/err.h"
#include "core/util/fileio.h"
#include "core/util/hex.h"
#include "core/store/store.h"
#include "core/util/xdg.h"

#define MAX_PROJECT_FILE 4096
/* The index: a line per env in $WORKON_HOME (some 200,000 of them). */
#define MAX_INDEX (64u << 20)
#define MAGIC "venvhook projects 1\n"

struct entry {
	char *name;
	char sig[128];	/* the .project's status, "-" when there is none */
	char *project;	/* the directory it names, or NULL */
	unsigned long long pdev, pino;
};

static struct {
	int loaded;
	char *home, *key;
	struct entry *v;
	size_t n, with_project;
} ix;

static const char *project_filename(void)
{
	const char *f = vh_getenv("VIRTUALENVWRAPPER_PROJECT_FILENAME");

	return f && *f && !strchr(f, '/') ? f : ".project";
}

int vh_store_vew_root(char **out)
{
	return vh_workon_home(out) < 0 ? VH_ENOMEM : 0;
}

static void sig_of(char sig[128], int dirfd, const char *name, const char *file)
{
	struct vh_buf p = VH_BUF_INIT;
	struct vh_stat st;

	strcpy(sig, "-");
	if (vh_buf_puts(&p, name) < 0 || vh_buf_putc(&p, '/') < 0 || vh_buf_puts(&p, file) < 0) {
		strcpy(sig, "?"); /* never equal to a stored one: rebuilt */
	} else if (vh_stat(&st, dirfd, p.data, 1) == 0) {
		snprintf(sig, 128, "%llu:%lld:%lld.%09ld:%lld.%09ld", (unsigned long long)st.ino,
			 (long long)st.size, (long long)st.mtime.tv_sec, (long)st.mtime.tv_nsec,
			 (long long)st.ctime.tv_sec, (long)st.ctime.tv_nsec);
	}
	vh_buf_free(&p);
}

/* A field of the cache file: the bytes in hex (hex.h), "=" for none (an
 * empty field would be no field). */
static int hex(struct vh_buf *b, const char *s)
{
	return *s ? vh_hex_put(b, s, strlen(s)) : vh_buf_putc(b, '=');
}

/* The field s (n bytes) as hex() wrote it, into *out: 0, VH_ESYNTAX (not
 * ours: not hex, or a NUL in what it holds) or VH_ENOMEM. */
static int unhex(char **out, const char *s, size_t n)
{
	size_t len;
	int rc;

	if (n == 1 && *s == '=')
		return (*out = strdup("")) ? 0 : VH_ENOMEM;
	rc = vh_hex_decode(out, &len, s, n);
	if (rc == 0 && strlen(*out) != len) {
		free(*out);
		*out = NULL;
		rc = VH_ESYNTAX;
	}
	return rc;
}

static void ix_clear(void)
{
	size_t i;

	for (i = 0; i < ix.n; i++) {
		free(ix.v[i].name);
		free(ix.v[i].project);
	}
	free(ix.v);
	ix.v = NULL;
	ix.n = ix.with_project = 0;
}

static struct entry *ix_add(void)
{
	struct entry *v;

	if (ix.n % 64 == 0) {
		v = realloc(ix.v, (ix.n + 64) * sizeof(*v));
		if (!v)
			return NULL;
		ix.v = v;
	}
	v = &ix.v[ix.n++];
	memset(v, 0, sizeof(*v));
	return v;
}

/* The directory a .project names: its text without the newlines at its end
 * (as cdproject reads it, through a command substitution), when absolute. */
static int read_project(struct entry *e, int dirfd, const char *file)
{
	struct vh_buf text = VH_BUF_INIT, why = VH_BUF_INIT, p = VH_BUF_INIT, chunk = VH_BUF_INIT;
	struct stat st;
	int rc = 0, r;

	if (vh_buf_puts(&p, e->name) < 0 || vh_buf_putc(&p, '/') < 0 || vh_buf_puts(&p, file) < 0)
		goto oom;
	/* a regular file only: never waited on, never a terminal */
	r = vh_read_file(&chunk, dirfd, p.data, MAX_PROJECT_FILE);
	if (r == VH_ENOMEM)
		goto oom;
	if (r == VH_OK && chunk.len && !memchr(chunk.data, '\0', chunk.len)) {
		size_t n = chunk.len;

		while (n > 0 && chunk.data[n - 1] == '\n')
			n--;
		if (n > 0 && chunk.data[0] == '/' && vh_buf_add(&text, chunk.data, n) < 0)
			goto oom;
	}
	if (text.len) {
		e->project = vh_buf_detach(&text);
		if (stat(e->project, &st) == 0) {
			e->pdev = (unsigned long long)st.st_dev;
			e->pino = (unsigned long long)st.st_ino;
		}
		ix.with_project++;
	}
	goto done;
oom:
	rc = VH_ENOMEM;
done:
	vh_buf_free(&text);
	vh_buf_free(&why);
	vh_buf_free(&p);
	vh_buf_free(&chunk);
	return rc;
}

static int rebuild(int dirfd, const char *file)
{
	struct dirent *d;
	struct entry *e;
	DIR *dir;
	int fd = dup(dirfd);

	ix_clear();
	if (fd < 0)
		return 0;
	dir = fdopendir(fd);
	if (!dir) {
		close(fd);
		return 0;
	}
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.' && (!d->d_name[1] || (d->d_name[1] == '.' && !d->d_name[2])))
			continue;
		if (!(e = ix_add()) || !(e->name = strdup(d->d_name)))
			goto oom;
		sig_of(e->sig, dirfd, e->name, file);
		if (strcmp(e->sig, "-") && read_project(e, dirfd, file) < 0)
			goto oom;
	}
	closedir(dir);
	return 0;
oom:
	closedir(dir);
	return VH_ENOMEM;
}

static void save(const char *cache)
{
	struct vh_buf b = VH_BUF_INIT, why = VH_BUF_INIT;
	size_t i;

	if (vh_buf_puts(&b, MAGIC) < 0 || vh_buf_puts(&b, ix.key) < 0 || vh_buf_putc(&b, '\n') < 0)
		goto done;
	for (i = 0; i < ix.n; i++) {
		const struct entry *e = &ix.v[i];

		if (hex(&b, e->name) < 0 || vh_buf_printf(&b, " %s ", e->sig) < 0 ||
		    (e->project ? hex(&b, e->project) : vh_buf_putc(&b, '-')) < 0 ||
		    vh_buf_printf(&b, " %llu %llu\n", e->pdev, e->pino) < 0)
			goto done;
	}
	/* Only where no one else can write (xdg.h), never through a symlink
	 * or into another's file; a rename replaces the index whole: two
	 * shells at once lose nothing but the work of one of them. */
	if (vh_xdg_make_parent(cache) < 0 || vh_xdg_usable(&why, cache, 1) != 0)
		goto done;
	(void)vh_file_replace(cache, b.data, b.len);
done:
	vh_buf_free(&b);
	vh_buf_free(&why);
}

/* The index in the cache file, if it is that of this WORKON_HOME (*fresh
 * 1; else 0, nothing loaded). Each line: hex name, .project status, hex
 * project or '-', its device, inode. 0 or VH_ENOMEM. */
static int load_saved(int *fresh, const char *cache)
{
	struct vh_buf text = VH_BUF_INIT, why = VH_BUF_INIT;
	char *line, *nl, *f[5];
	struct entry *e;
	struct stat st;
	int i, rc = 0;

	*fresh = 0;
	/* Its names and directories choose envs: believed only from a place
	 * and a file no one else can write (xdg.h, fileio.h); else rebuilt. */
	if (vh_xdg_usable(&why, cache, 0) != 0 || stat(cache, &st) < 0 || !S_ISREG(st.st_mode) ||
	    !vh_file_private(-1, cache, &st))
		goto done;
	if (vh_read_file_why(&text, &why, cache, MAX_INDEX) != 0)
		goto done;
	line = text.data;
	if (strncmp(line, MAGIC, strlen(MAGIC)))
		goto done;
	line += strlen(MAGIC);
	nl = strchr(line, '\n');
	if (!nl || (size_t)(nl - line) != strlen(ix.key) || strncmp(line, ix.key, strlen(ix.key)))
		goto done;
	for (line = nl + 1; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		for (i = 0; i < 5; i++) {
			/* the next blank-separated field (strsep is not POSIX) */
			if (!line)
				goto bad;
			f[i] = line;
			line = strchr(line, ' ');
			if (line)
				*line++ = '\0';
		}
		if (!(e = ix_add()))
			goto oom;
		if ((rc = unhex(&e->name, f[0], strlen(f[0]))) < 0 || strlen(f[1]) >= sizeof(e->sig))
			goto bad;
		strcpy(e->sig, f[1]);
		if (strcmp(f[2], "-")) {
			if ((rc = unhex(&e->project, f[2], strlen(f[2]))) < 0)
				goto bad;
			ix.with_project++;
		}
		e->pdev = strtoull(f[3], NULL, 10);
		e->pino = strtoull(f[4], NULL, 10);
	}
	*fresh = 1;
	goto done;
bad:
	ix_clear();
	/* not ours: rebuilt (unless memory ran out) */
	rc = rc == VH_ENOMEM ? rc : 0;
	goto done;
oom:
	rc = VH_ENOMEM;
done:
	vh_buf_free(&text);
	vh_buf_free(&why);
	return rc;
}

/* Loads (or rebuilds) the index once a process. 0 or VH_ENOMEM. */
static int load(void)
{
	struct vh_buf key = VH_BUF_INIT;
	struct vh_stat st;
	char *cache = NULL, sig[128];
	const char *file;
	int dirfd = -1, rc = 0, fresh = 0;
	size_t i;

	if (ix.loaded)
		return 0;
	ix.loaded = 1;
	if (vh_workon_home(&ix.home) < 0)
		return VH_ENOMEM;
	if (!ix.home ||
	    (dirfd = open(ix.home, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)) < 0 ||
	    vh_stat(&st, dirfd, ".", 1) < 0)
		goto done;
	/* read only when there is a store: a variable read is one the hook
	 * compares at every change of directory (region.h), and not every
	 * shell can read a name this long */
	file = project_filename();
	if (hex(&key, ix.home) < 0 || vh_buf_putc(&key, ' ') < 0 || hex(&key, file) < 0 ||
	    vh_buf_printf(&key, " %llu:%llu:%lld.%09ld:%lld.%09ld", (unsigned long long)st.dev,
			  (unsigned long long)st.ino, (long long)st.mtime.tv_sec, (long)st.mtime.tv_nsec,
			  (long long)st.ctime.tv_sec, (long)st.ctime.tv_nsec) < 0)
		goto oom;
	ix.key = vh_buf_detach(&key);
	if (vh_xdg_file(&cache, "XDG_CACHE_HOME", ".cache", "projects") == VH_ENOMEM)
		goto oom;
	if (cache && load_saved(&fresh, cache) < 0)
		goto oom;
	for (i = 0; fresh && i < ix.n; i++) {
		sig_of(sig, dirfd, ix.v[i].name, file);
		fresh = !strcmp(sig, ix.v[i].sig);
	}
	if (!fresh) {
		if (rebuild(dirfd, file) < 0)
			goto oom;
		if (cache)
			save(cache);
	}
	goto done;
oom:
	rc = VH_ENOMEM;
done:
	if (dirfd >= 0)
		close(dirfd);
	free(cache);
	vh_buf_free(&key);
	return rc;
}

int vh_store_vew(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir)
{
	const struct entry *best = NULL;
	struct stat st;
	int have_st;
	size_t i;
	char *env;

	if (load() < 0)
		return VH_ENOMEM;
	if (!ix.with_project)
		return VH_STORE_NONE;
	have_st = vh_pathfd_stat(w->at, dir, &st, 0) == 0;
	for (i = 0; i < ix.n; i++) {
		const struct entry *e = &ix.v[i];

		if (!e->project || (best && strcmp(e->name, best->name) >= 0))
			continue;
		if (!strcmp(e->project, dir) ||
		    (have_st && e->pino && e->pino == (unsigned long long)st.st_ino &&
		     e->pdev == (unsigned long long)st.st_dev))
			best = e;
	}
	if (!best)
		return VH_STORE_NONE;
	/* a name from the index never leaves $WORKON_HOME */
	if (!vh_env_name_ok(best->name))
		return VH_STORE_NONE;
	env = vh_store_join(ix.home, best->name);
	return vh_store_take(hit, env, env ? vh_store_join(env, project_filename()) : NULL);
}

/* Any directory may be a project: the region holds while no .project can
 * have been written. The index knows them all; an env made or removed
 * changes $WORKON_HOME, and a .project written into an env that had none
 * changes that env's directory. */
int vh_store_vew_region(struct vh_deps *d)
{
	size_t i;
	int rc;

	if (load() < 0)
		return VH_ENOMEM;
	if (!ix.home)
		return 0;
	if (ix.with_project || ix.n > VH_STORE_VEW_REGION_MAX) {
		d->unusable = 1;
		return 0;
	}
	rc = vh_deps_add(d, ix.home);
	for (i = 0; i < ix.n && rc == 0; i++)
		rc = vh_deps_add_in(d, ix.home, ix.v[i].name);
	return rc;
}
