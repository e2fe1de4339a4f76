/* conda's config files and their envs_dirs, as conda reads them at conda
 * 0f64223fb8da4328457a69fe6483959dbb783152: the files from SEARCH_PATH
 * (conda/base/constants.py), expanded and filtered by
 * Configuration._expand_search_path (conda/common/configuration.py); the
 * key's names from Context._envs_dirs (conda/base/context.py: aliases
 * envs_dirs and envs_path, one of them per file, expandvars); the lists
 * merged by SequenceParameter.merge, cut at the first `#!final`
 * (LoadedParameter._first_important_matches, ParameterFlag.from_string),
 * the environment's CONDA_ENVS_DIRS/CONDA_ENVS_PATH being the source after
 * every file (Context.__init__: _set_search_path, then _set_env_vars). */
#include "core/find/condarc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

#include "core/util/compat.h"
#include "core/util/err.h"
#include "core/util/fileio.h"
#include "core/util/msg.h"
#include "core/util/writers.h"

static int refuse(struct vh_buf *why, const char *s)
{
	return vh_buf_puts(why, s) < 0 ? VH_ENOMEM : VH_EREFUSED;
}

static int blank(char c)
{
	return c == ' ' || c == '\t';
}

/* 1 when [p, e) is the top-level key envs_dirs or envs_path: *v then
 * points past its ':'. */
static int dirs_key(const char *p, const char *e, const char **v)
{
	static const char *const keys[] = { "envs_dirs", "envs_path" };
	const char *q;
	size_t i, n;

	for (i = 0; i < 2; i++) {
		n = strlen(keys[i]);
		if ((size_t)(e - p) < n || memcmp(p, keys[i], n))
			continue;
		for (q = p + n; q < e && blank(*q); q++)
			;
		if (q < e && *q == ':' && (q + 1 == e || blank(q[1]))) {
			*v = q + 1;
			return 1;
		}
	}
	return 0;
}

/* The flag a comment [p, e) (from its '#') is, as ParameterFlag.from_string
 * reads it (stripped of blanks, then of '#' and '!' at both ends): 'f'
 * final, 't' top, 'b' bottom, 0 none. */
static int flag_of(const char *p, const char *e)
{
	while (p < e && blank(*p))
		p++;
	while (e > p && blank(e[-1]))
		e--;
	while (p < e && (*p == '#' || *p == '!'))
		p++;
	while (e > p && (e[-1] == '#' || e[-1] == '!'))
		e--;
	if (e - p == 5 && !memcmp(p, "final", 5))
		return 'f';
	if (e - p == 3 && !memcmp(p, "top", 3))
		return 't';
	if (e - p == 6 && !memcmp(p, "bottom", 6))
		return 'b';
	return 0;
}

static int stop(const char *stops, char c)
{
	return c && strchr(stops, c);
}

/* The scalar at [p, e) (blanks before it skipped), ending at a byte of
 * stops (a flow list's ',' and ']'), a comment or the line's end:
 * unquoted onto dirs with its NUL; *next = past it and the blanks after
 * it, *comment = the comment's '#' or NULL. 0, VH_EREFUSED or VH_ENOMEM. */
static int scalar(struct vh_buf *dirs, struct vh_buf *why, const char *p, const char *e, const char *stops,
		  const char **next, const char **comment)
{
	const char *s, *end, *q;

	while (p < e && blank(*p))
		p++;
	*comment = NULL;
	if (p < e && (*p == '\'' || *p == '"')) {
		end = memchr(p + 1, *p, (size_t)(e - p - 1));
		if (!end || memchr(p + 1, '\\', (size_t)(end - p - 1)) || (end + 1 < e && end[1] == *p))
			return refuse(why, "an envs_dirs entry is quoted in a way venvhook does not read");
		s = p + 1;
		q = end + 1;
	} else {
		/* YAML's indicators start no plain path: an anchor, an alias,
		 * a tag, a nested list or mapping, a block scalar (0x60: the
		 * backquote, reserved) */
		if (p < e && (strchr("-?:,[]{}#&*!|>%@", *p) || *p == 0x60))
			return refuse(why, "an envs_dirs entry is not a plain path (an anchor, a reference to "
					   "one, a tag, a nested list or mapping)");
		s = p;
		for (end = p; end < e && !stop(stops, *end) && !(*end == '#' && blank(end[-1])); end++)
			if (*end == ':' && (end + 1 == e || blank(end[1]) || stop(stops, end[1])))
				return refuse(why, "an envs_dirs entry is a mapping, not a path");
			else if (*stops && strchr("[]{}", *end))
				return refuse(why, "an envs_dirs entry in a flow list holds a bracket");
		q = end;
		while (end > s && blank(end[-1]))
			end--;
		if ((end - s == 1 && *s == '~') ||
		    (end - s == 4 && (!memcmp(s, "null", 4) || !memcmp(s, "Null", 4) ||
				      (s[0] == 'N' && s[1] == 'U' && s[2] == 'L' && s[3] == 'L'))))
			return refuse(why, "an envs_dirs entry is null");
	}
	for (; q < e && blank(*q); q++)
		;
	if (q < e && *q == '#')
		*comment = q;
	else if (q < e && !stop(stops, *q))
		return refuse(why, "an envs_dirs entry has text after its quotes");
	if (end == s)
		return refuse(why, "an envs_dirs entry is empty");
	*next = q;
	for (p = s; p < end; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return refuse(why, "an envs_dirs entry holds a control character");
	return vh_buf_add(dirs, s, (size_t)(end - s)) < 0 || vh_buf_add(dirs, "", 1) < 0 ? VH_ENOMEM : 0;
}

/* The flow list from its '[' at v to the line's end e. */
static int flow(struct vh_buf *dirs, size_t *n, struct vh_buf *why, const char *v, const char *e)
{
	const char *p = v + 1, *next, *c;
	int rc;

	for (;;) {
		while (p < e && blank(*p))
			p++;
		if (p < e && *p == ']')
			break;
		if (p >= e || *p == '#')
			return refuse(why, "envs_dirs is a flow list that does not end on its line");
		if ((rc = scalar(dirs, why, p, e, ",]", &next, &c)) < 0)
			return rc;
		if (++*n > VH_CONDARC_MAX_DIRS)
			return refuse(why, "envs_dirs lists more directories than venvhook reads");
		if (c || next >= e)
			return refuse(why, "envs_dirs is a flow list that does not end on its line");
		if (*next == ']') {
			p = next;
			break;
		}
		p = next + 1;
	}
	/* p at the list's ']' */
	for (p++; p < e && blank(*p); p++)
		;
	if (p < e && *p == '#' && flag_of(p, e))
		return refuse(why, "envs_dirs has a #! flag after its list, which venvhook does not read");
	if (p < e && *p != '#')
		return refuse(why, "envs_dirs has text after its list");
	return 0;
}

/* One item of a block list: the text after its '-' to the line's end. */
static int item(struct vh_buf *dirs, size_t *n, struct vh_buf *why, const char *p, const char *e)
{
	const char *next, *c;
	int rc = scalar(dirs, why, p, e, "", &next, &c);

	if (rc < 0)
		return rc;
	if (++*n > VH_CONDARC_MAX_DIRS)
		return refuse(why, "envs_dirs lists more directories than venvhook reads");
	if (c && (flag_of(c, e) == 't' || flag_of(c, e) == 'b'))
		return refuse(why, "an envs_dirs entry is flagged #!top or #!bottom, which venvhook does not read");
	return 0;
}

/* 1 when the top-level line [p, e) (a key, not envs_dirs) has a value
 * that opens a quote, a '[' or a '{' and does not close it on the line:
 * the value then runs onto the next lines, and a line there that looks
 * like envs_dirs is not the key (PyYAML reads `foo: "a` then `envs_dirs:
 * [/x]"` as foo's value). A quote opens only where a scalar starts. */
static int runs_on(const char *p, const char *e)
{
	const char *v;
	char q = 0, last;
	int depth = 0;

	for (v = p; v < e && !(*v == ':' && (v + 1 == e || blank(v[1]))); v++)
		if (*v == '#' && v > p && blank(v[-1]))
			return 0;
	if (v == e)
		return 0;
	for (v++; v < e && blank(*v); v++)
		;
	if (v == e || !strchr("'\"[{", *v))
		return 0;
	for (last = ':'; v < e; v++) {
		if (q) {
			if (q == '"' && *v == '\\' && v + 1 < e)
				v++;
			else if (*v == q && q == '\'' && v + 1 < e && v[1] == '\'')
				v++;
			else if (*v == q)
				q = 0;
			if (!q && !depth)
				return 0; /* a quoted scalar, closed */
			continue;
		}
		if (*v == '#' && blank(v[-1]))
			break;
		if ((*v == '\'' || *v == '"') && strchr("[{,:", last))
			q = *v;
		else if (*v == '[' || *v == '{')
			depth++;
		else if ((*v == ']' || *v == '}') && depth && !--depth)
			return 0;
		if (!blank(*v))
			last = *v;
	}
	return q || depth;
}

static int parse(struct vh_buf *dirs, int *final, struct vh_buf *why, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl, *e, *q, *v;
	size_t n = 0;
	int seen = 0, inlist = 0, content = 0, indent = -1, rc;

	if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	for (; p < end; p = nl ? nl + 1 : end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		e = nl ? nl : end;
		if (e > p && e[-1] == '\r')
			e--;
		for (q = p; q < e && *q == ' '; q++)
			;
		for (v = q; v < e && blank(*v); v++)
			;
		if (v == e || *v == '#')
			continue; /* blank or a comment */
		if (inlist) {
			if (q < e && *q == '\t')
				return refuse(why, "a tab indents a line of envs_dirs' list");
			if (*q == '-' && (q + 1 == e || blank(q[1]))) {
				if (indent < 0)
					indent = (int)(q - p);
				if (indent != (int)(q - p))
					return refuse(why, "envs_dirs' items are not at one indentation");
				if ((rc = item(dirs, &n, why, q + 1, e)) < 0)
					return rc;
				continue;
			}
			if (q > p)
				return refuse(why, "envs_dirs' list holds a line that is no item");
			if (indent < 0)
				return refuse(why, "envs_dirs has no value (null, not a list)");
			inlist = 0;
		}
		if (q > p || *p == '\t')
			continue; /* inside another key's value */
		if (e - p >= 3 && (!memcmp(p, "---", 3) || !memcmp(p, "...", 3)) && (e - p == 3 || blank(p[3]))) {
			if (content && *p == '-')
				return refuse(why, "it holds more than one YAML document");
			for (v = p + 3; v < e && blank(*v); v++)
				;
			/* `--- |`: the document is one scalar, its lines no keys */
			if (v < e && *v != '#')
				return refuse(why, "it has a document that starts on its --- line");
			continue;
		}
		if (*p == '%')
			continue; /* a directive (%YAML 1.2) */
		content = 1;
		if (strchr("\"'{[?&*!", *p) || (e - p >= 2 && !memcmp(p, "<<", 2)))
			return refuse(why, "it has a top-level key venvhook does not read (quoted, flow, complex, "
					   "merged, anchored or tagged)");
		if (!dirs_key(p, e, &v)) {
			if (runs_on(p, e))
				return refuse(why, "a top-level value runs onto the next line (an open quote, [ or {)");
			continue;
		}
		if (seen++)
			return refuse(why, "it sets envs_dirs (or envs_path) twice");
		while (v < e && blank(*v))
			v++;
		if (v == e || *v == '#') {
			*final = v < e && flag_of(v, e) == 'f';
			inlist = 1;
			indent = -1;
		} else if (*v == '[') {
			if ((rc = flow(dirs, &n, why, v, e)) < 0)
				return rc;
		} else {
			return refuse(why, "envs_dirs is not a list venvhook reads (a scalar, an anchor, a "
					   "reference to one, a tag or a block scalar)");
		}
	}
	if (inlist && indent < 0)
		return refuse(why, "envs_dirs has no value (null, not a list)");
	return 0;
}

int vh_condarc_sets(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl, *e, *v;

	if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	for (; p < end; p = nl ? nl + 1 : end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		e = nl ? nl : end;
		if (e > p && e[-1] == '\r')
			e--;
		if (dirs_key(p, e, &v))
			return 1;
	}
	return 0;
}

int vh_condarc_parse(struct vh_buf *dirs, int *final, struct vh_buf *why, const char *text, size_t len)
{
	size_t start = dirs->len;
	int rc;

	*final = 0;
	rc = parse(dirs, final, why, text, len);
	if (rc < 0) {
		*final = 0;
		dirs->len = start;
		if (dirs->data)
			dirs->data[start] = '\0';
	}
	return rc;
}

/* A lexically normal absolute path (os.path.abspath's normpath: no ".",
 * no "..", no "//", no trailing '/'), in place. */
static void normal(char *path)
{
	char *w = path, *r = path, *c;
	size_t n;

	while (*r) {
		while (*r == '/')
			r++;
		if (!*r)
			break;
		c = strchr(r, '/');
		n = c ? (size_t)(c - r) : strlen(r);
		if (n == 1 && r[0] == '.') {
			/* nothing */
		} else if (n == 2 && r[0] == '.' && r[1] == '.') {
			while (w > path && *--w != '/')
				;
		} else {
			*w++ = '/';
			memmove(w, r, n);
			w += n;
		}
		r += n;
	}
	if (w == path)
		*w++ = '/';
	*w = '\0';
}

/* 1 when the variable name is one the directory the shell is in, the
 * active env or venvhook itself sets: a place named by it would be chosen
 * by where you are or what is on, not by the file. */
static int moving(const char *name)
{
	static const char *const names[] = { "PWD", "OLDPWD", "CONDA_PREFIX", "VIRTUAL_ENV", NULL };
	const char *const *n;

	for (n = names; *n; n++)
		if (!strcmp(name, *n))
			return 1;
	return !strncmp(name, "__VENVHOOK_", 11) || !strncmp(name, "__venvhook_", 11);
}

/* The entry as conda's expand makes it (expandvars, expanduser, abspath)
 * into *out, or NULL with a phrase in why when venvhook cannot use it. */
static int expand(char **out, const char **why, const char *entry)
{
	struct vh_buf b = VH_BUF_INIT;
	const char *p, *q, *val, *home;
	char name[256];
	size_t n;

	*out = NULL;
	*why = NULL;
	for (p = entry; *p;) {
		q = p + 1 + (p[1] == '{');
		for (n = 0; *p == '$' && (q[n] == '_' || (q[n] >= 'A' && q[n] <= 'Z') || (q[n] >= 'a' && q[n] <= 'z') ||
					  (n && q[n] >= '0' && q[n] <= '9'));
		     n++)
			if (n == sizeof(name) - 1) {
				*why = "names an environment variable by a name longer than venvhook reads";
				goto skip;
			} else {
				name[n] = q[n];
			}
		name[n] = '\0';
		if (n && (q == p + 1 || q[n] == '}') && moving(name)) {
			*why = "names a variable the directory you are in or the active env sets (conda would "
			       "look in another place from each)";
			goto skip;
		}
		if (n && (q == p + 1 || q[n] == '}') && (val = vh_getenv(name))) {
			if (vh_buf_puts(&b, val) < 0)
				goto oom;
			p = q + n + (q != p + 1);
		} else if (vh_buf_putc(&b, *p++) < 0) {
			goto oom;
		}
	}
	if (vh_buf_puts(&b, "") < 0)
		goto oom;
	if (strchr(b.data, '$')) {
		*why = "names an environment variable that is not set";
		goto skip;
	}
	if (b.data[0] == '~' && (b.data[1] == '/' || !b.data[1])) {
		home = vh_getenv("HOME");
		if (!home || *home != '/') {
			*why = "starts with ~ and HOME is not an absolute path";
			goto skip;
		}
		*out = malloc(strlen(home) + b.len + 1);
		if (!*out)
			goto oom;
		strcpy(*out, home);
		strcat(*out, b.data + 1);
	} else if (b.data[0] != '/') {
		*why = b.data[0] == '~' ? "names another user's home" :
		       "is relative (conda would read it from the directory it runs in)";
		goto skip;
	} else {
		*out = vh_buf_detach(&b);
	}
	vh_buf_free(&b);
	if (strchr(*out, '$')) {
		free(*out);
		*out = NULL;
		*why = "names an environment variable that is not set";
		return 0;
	}
	normal(*out);
	return 0;
skip:
	vh_buf_free(&b);
	return 0;
oom:
	vh_buf_free(&b);
	return VH_ENOMEM;
}

/* "PATH: the envs_dirs entry ENTRY WHY; skipped" or "PATH: WHY; its
 * envs_dirs is not used" (why already escaped). */
static int warn(struct vh_buf *warnings, const char *path, const char *entry, const char *why)
{
	if (vh_msg_escape(warnings, path) < 0 || vh_buf_puts(warnings, ": ") < 0 ||
	    (entry && (vh_buf_puts(warnings, "the envs_dirs entry ") < 0 || vh_msg_escape(warnings, entry) < 0 ||
		       vh_buf_puts(warnings, " ") < 0)) ||
	    vh_buf_puts(warnings, why) < 0 ||
	    vh_buf_puts(warnings, entry ? "; skipped\n" : "; its envs_dirs is not used\n") < 0)
		return VH_ENOMEM;
	return 0;
}

/* 1 unless the file at path, read the safe way (without waiting, a
 * regular file of at most VH_CONDARC_MAX bytes), does not set envs_dirs
 * or envs_path: a file others can change is worth a line only then (a
 * conda root a service account owns, a group-writable /etc/conda/condarc
 * that sets channels). What it holds is used for nothing else. */
static int worth_saying(const char *path)
{
	struct vh_buf text = VH_BUF_INIT;
	int r = vh_read_file(&text, AT_FDCWD, path, VH_CONDARC_MAX);

	r = r < 0 || vh_condarc_sets(text.data, text.len);
	vh_buf_free(&text);
	return r;
}

/* The file's envs_dirs, expanded, onto dirs; *final its #!final. A file
 * venvhook cannot use for sure is said in warnings and adds nothing. */
static int read_one(struct vh_buf *dirs, int *final, struct vh_buf *warnings, const char *path)
{
	struct vh_buf text = VH_BUF_INIT, why = VH_BUF_INIT, raw = VH_BUF_INIT;
	struct stat st;
	struct vh_stat vs;
	enum vh_writers w = VH_WRITERS_NONE;
	char *real = NULL, *bad = NULL, *dir = NULL;
	const char *p, *skip;
	int rc, others = 0;

	*final = 0;
	/* most of conda's places hold no file: one lstat says so */
	if (lstat(path, &st) < 0 && (errno == ENOENT || errno == ENOTDIR))
		return 0;
	if ((rc = vh_path_steady(&real, &bad, &w, path, 0, NULL)) < 0)
		goto done;
	rc = VH_ENOMEM;
	if (bad) {
		others = 1;
		if (vh_buf_puts(&why, "is reached through ") < 0 || vh_msg_escape(&why, bad) < 0 ||
		    vh_buf_puts(&why, ", which ") < 0 || vh_buf_puts(&why, vh_writers_text(w)) < 0)
			goto done;
	} else if (stat(real, &st) < 0 || !S_ISREG(st.st_mode)) {
		if (vh_buf_puts(&why, "is not a regular file") < 0)
			goto done;
	} else if (vh_stat_from(&vs, &st),
		   (w = vh_writers_of(-1, real, &vs, VH_WRITERS_ROOT_OK)) != VH_WRITERS_NONE) {
		others = 1;
		if (vh_buf_puts(&why, vh_writers_text(w)) < 0)
			goto done;
	} else if ((rc = vh_read_file(&text, AT_FDCWD, real, VH_CONDARC_MAX)) == VH_ENOMEM) {
		goto done;
	} else if (rc < 0) {
		if (vh_buf_puts(&why, rc == VH_ETOOBIG ? "is larger than 64 KiB" : "cannot be read") < 0) {
			rc = VH_ENOMEM;
			goto done;
		}
	} else if ((rc = vh_condarc_parse(&raw, final, &why, text.data, text.len)) == VH_ENOMEM) {
		goto done;
	}
	rc = 0;
	if (why.len) {
		*final = 0;
		if ((!others || worth_saying(real ? real : path)) && warn(warnings, path, NULL, why.data) < 0)
			rc = VH_ENOMEM;
		goto done;
	}
	for (p = raw.data; p && p < raw.data + raw.len; p += strlen(p) + 1) {
		if ((rc = expand(&dir, &skip, p)) < 0)
			goto done;
		if (skip) {
			if ((rc = warn(warnings, path, p, skip)) < 0)
				goto done;
			continue;
		}
		rc = vh_buf_add(dirs, dir, strlen(dir) + 1) < 0 ? VH_ENOMEM : 0;
		free(dir);
		dir = NULL;
		if (rc < 0)
			goto done;
	}
	rc = 0;
done:
	vh_buf_free(&text);
	vh_buf_free(&why);
	vh_buf_free(&raw);
	free(real);
	free(bad);
	free(dir);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when name ends in .yml or .yaml after a stem (pathlib's suffix). */
static int yaml_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && !strcmp(name + n - 4, ".yml") && name[n - 5] != '/') ||
	       (n > 5 && !strcmp(name + n - 5, ".yaml") && name[n - 6] != '/');
}

/* The files conda reads in the directory dir (a condarc.d): those named
 * *.yml or *.yaml, by name (os.scandir, sorted), onto files; at most
 * VH_CONDARC_MAX_LISTED of them among at most VH_CONDARC_MAX_ENTRIES
 * entries, else none and a line. A directory others can change is not
 * listed (a line says so); it is opened without waiting; each file is
 * judged when it is read. */
static int listed(struct vh_buf *files, struct vh_buf *warnings, const char *dir)
{
	char *names[VH_CONDARC_MAX_LISTED], *real = NULL, *bad = NULL;
	struct vh_buf why = VH_BUF_INIT;
	struct dirent *e;
	struct stat st;
	struct vh_stat vs;
	enum vh_writers w = VH_WRITERS_NONE;
	size_t n = 0, seen = 0, i;
	int fd = -1, rc, over = 0;
	DIR *dh;

	if (lstat(dir, &st) < 0)
		return 0;
	if ((rc = vh_path_steady(&real, &bad, &w, dir, 0, NULL)) < 0)
		return rc;
	rc = VH_ENOMEM;
	if (bad) {
		if (vh_buf_puts(&why, "is reached through ") < 0 || vh_msg_escape(&why, bad) < 0 ||
		    vh_buf_puts(&why, ", which ") < 0 || vh_buf_puts(&why, vh_writers_text(w)) < 0)
			goto done;
	} else if (stat(real, &st) == 0 && S_ISDIR(st.st_mode)) {
		vh_stat_from(&vs, &st);
		w = vh_writers_of(-1, real, &vs, VH_WRITERS_ROOT_OK);
		if (w != VH_WRITERS_NONE && vh_buf_puts(&why, vh_writers_text(w)) < 0)
			goto done;
	}
	rc = 0;
	if (why.len) {
		rc = vh_msg_escape(warnings, dir) < 0 || vh_buf_puts(warnings, ": ") < 0 ||
		     vh_buf_puts(warnings, why.data) < 0 ||
		     vh_buf_puts(warnings, "; its files are not read\n") < 0 ? VH_ENOMEM : 0;
		goto done;
	}
	fd = open(real, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 || !(dh = fdopendir(fd)))
		goto done;
	fd = -1;
	while (rc == 0 && !over && (e = readdir(dh))) {
		if (++seen > VH_CONDARC_MAX_ENTRIES || (yaml_name(e->d_name) && n == VH_CONDARC_MAX_LISTED))
			over = 1;
		else if (yaml_name(e->d_name) && !(names[n++] = strdup(e->d_name)))
			rc = VH_ENOMEM;
	}
	closedir(dh);
	if (rc == 0 && over)
		rc = warn(warnings, dir, NULL, "holds more files than venvhook reads");
	if (rc == 0 && !over) {
		qsort(names, n, sizeof(names[0]), by_name);
		for (i = 0; rc == 0 && i < n; i++)
			if (vh_buf_puts(files, dir) < 0 || vh_buf_putc(files, '/') < 0 ||
			    vh_buf_add(files, names[i], strlen(names[i]) + 1) < 0)
				rc = VH_ENOMEM;
	}
	for (i = 0; i < n; i++)
		free(names[i]);
done:
	if (fd >= 0)
		close(fd);
	vh_buf_free(&why);
	free(real);
	free(bad);
	return rc == VH_ENOMEM ? rc : 0;
}

/* What conda reads at a+b+c (made lexically normal, as conda's expand
 * makes it, so that one place is one string): the file, or the YAML
 * files of a directory (Configuration._expand_search_path: path.is_dir()),
 * onto the list of files. */
static int one(struct vh_buf *files, struct vh_buf *warnings, const char *a, const char *b, const char *c)
{
	struct vh_buf d = VH_BUF_INIT;
	struct stat st;
	int rc = VH_ENOMEM;

	if (vh_buf_puts(&d, a) < 0 || vh_buf_puts(&d, b) < 0 || vh_buf_puts(&d, c) < 0)
		goto done;
	normal(d.data);
	d.len = strlen(d.data);
	if (stat(d.data, &st) == 0 && S_ISDIR(st.st_mode))
		rc = listed(files, warnings, d.data);
	else if (!strcmp(strrchr(d.data, '/'), "/.condarc") || !strcmp(strrchr(d.data, '/'), "/condarc") ||
		 yaml_name(d.data))
		rc = vh_buf_add(files, d.data, d.len + 1) < 0 ? VH_ENOMEM : 0;
	else
		rc = 0; /* (a file named condarc.d) */
done:
	vh_buf_free(&d);
	return rc;
}

/* What conda reads in dir+sub: .condarc, condarc, and condarc.d's YAML
 * files, in that order, onto the list of files (dir absolute, else none:
 * conda would read a relative one from its working directory). */
static int place(struct vh_buf *files, struct vh_buf *warnings, const char *dir, const char *sub)
{
	static const char *const names[] = { "/.condarc", "/condarc", "/condarc.d" };
	size_t i;
	int rc = 0;

	if (!dir || *dir != '/')
		return 0;
	for (i = 0; rc == 0 && i < 3; i++)
		rc = one(files, warnings, dir, sub, names[i]);
	return rc;
}

/* What conda reads of $CONDARC: the file when it is named .condarc,
 * condarc, *.yml or *.yaml; the YAML files of a directory. */
static int condarc_var(struct vh_buf *files, struct vh_buf *warnings, const char *path)
{
	struct stat st;

	if (!path || *path != '/' || stat(path, &st) < 0)
		return 0;
	return one(files, warnings, path, "", "");
}

/* The lists of the files, each read once (unique(search_path)), up to
 * and including the first #!final, into lists (*n of them). */
static int read_all(struct vh_buf *lists, size_t *n, int *final, struct vh_buf *warnings,
		    const struct vh_buf *files)
{
	const char *p, *q;
	int rc = 0, f;

	for (p = files->data; rc == 0 && !*final && p && p < files->data + files->len; p += strlen(p) + 1) {
		for (q = files->data; q < p && strcmp(q, p); q += strlen(q) + 1)
			;
		if (q < p)
			continue;
		rc = read_one(&lists[(*n)++], &f, warnings, p);
		*final = f;
	}
	return rc;
}

int vh_condarc_envs_dirs(struct vh_buf *dirs, int *final, struct vh_buf *warnings, const char *root)
{
	/* SEARCH_PATH's places, less $CONDA_PREFIX's (the active env's: the
	 * env venvhook itself activates would choose where the next is
	 * looked for) */
	struct vh_buf files = VH_BUF_INIT, *lists = NULL;
	const char *p, *q, *home = vh_getenv("HOME"), *croot = vh_getenv("CONDA_ROOT");
	size_t n = 0, i, count = 0;
	int rc = VH_ENOMEM;

	*final = 0;
	if ((rc = place(&files, warnings, "/etc/conda", "")) < 0 ||
	    (rc = place(&files, warnings, "/var/lib/conda", "")) < 0 ||
	    (rc = place(&files, warnings, croot && *croot == '/' ? croot : root, "")) < 0 ||
	    (rc = place(&files, warnings, vh_getenv("XDG_CONFIG_HOME"), "/conda")) < 0 ||
	    (rc = place(&files, warnings, home, "/.config/conda")) < 0 ||
	    (rc = place(&files, warnings, home, "/.conda")) < 0)
		goto done;
	if (home && *home == '/' && (rc = one(&files, warnings, home, "/.condarc", "")) < 0)
		goto done;
	if ((rc = condarc_var(&files, warnings, vh_getenv("CONDARC"))) < 0)
		goto done;
	for (p = files.data; p && p < files.data + files.len; p += strlen(p) + 1)
		count++;
	rc = VH_ENOMEM;
	if (count && !(lists = calloc(count, sizeof(*lists))))
		goto done;
	if ((rc = read_all(lists, &n, final, warnings, &files)) < 0)
		goto done;
	/* the later file's list first; duplicates after the first dropped */
	for (i = n; rc == 0 && i-- > 0;)
		for (p = lists[i].data; rc == 0 && p && p < lists[i].data + lists[i].len; p += strlen(p) + 1) {
			for (q = dirs->data; q && q < dirs->data + dirs->len && strcmp(q, p); q += strlen(q) + 1)
				;
			if (!q || q >= dirs->data + dirs->len)
				rc = vh_buf_add(dirs, p, strlen(p) + 1) < 0 ? VH_ENOMEM : 0;
		}
done:
	for (i = 0; i < n; i++)
		vh_buf_free(&lists[i]);
	free(lists);
	vh_buf_free(&files);
	return rc;
}
