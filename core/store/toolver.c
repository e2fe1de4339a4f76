/* Which version of a tool the user runs, and on which Python, read from
 * its files without running anything: where the tools changed their rules
 * (pipenv 2026.2, Poetry 2), the store rules follow the one installed.
 *
 * The tool's command is the first one on PATH. Its version is that of the
 * distribution its script imports: a NAME-VERSION.dist-info (or .egg-info)
 * in the site-packages of the interpreter its first line names (a venv, as
 * pipx, uv tool, Poetry's installer and Homebrew make, or the system's, as
 * Debian installs it), or of the prefix the command is in (pip --user), or
 * the VERSION in a Homebrew Cellar path. What cannot be found that way is
 * unknown, and the rules then follow the tool's current release. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/find/pyvenv.h"
#include "core/util/compat.h"
#include "core/store/store.h"

#define MAX_TOOLS 4
#define MAX_SITE_DIRS 16

static struct {
	char *command;
	struct vh_tool t;
} seen[MAX_TOOLS];

/* dir/name is a regular file someone may run. */
static int runnable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111);
}

int vh_path_which(char **out, const char *name, const char *path, const char *skip)
{
	const char *p, *e;
	struct vh_buf b = VH_BUF_INIT;

	*out = NULL;
	for (p = path ? path : ""; *p; p = *e ? e + 1 : e) {
		e = strchr(p, ':');
		if (!e)
			e = p + strlen(p);
		/* An empty entry is the current directory: never a tool's. */
		if (e == p || *p != '/' ||
		    (skip && strlen(skip) == (size_t)(e - p) && !strncmp(p, skip, (size_t)(e - p))))
			continue;
		vh_buf_reset(&b);
		if (vh_buf_add(&b, p, (size_t)(e - p)) < 0 || vh_buf_putc(&b, '/') < 0 ||
		    vh_buf_puts(&b, name) < 0) {
			vh_buf_free(&b);
			return VH_ENOMEM;
		}
		if (runnable(b.data)) {
			*out = vh_buf_detach(&b);
			return 0;
		}
	}
	vh_buf_free(&b);
	return 0;
}

/* The interpreter a script's first lines name: "#!/path/python", or pip's
 * launcher for paths too long for #! ("#!/bin/sh" then
 * "'''exec' "/path/python" ..."). NULL when none (or "#!/usr/bin/env"). */
char *vh_store_shebang(const char *script)
{
	char text[1024], *s, *e;
	ssize_t n;
	int fd = open(script, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;

	if (fd < 0)
		return NULL;
	n = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, text, sizeof(text) - 1) : -1;
	close(fd);
	if (n < 3 || text[0] != '#' || text[1] != '!')
		return NULL;
	text[n] = '\0';
	for (s = text + 2; *s == ' ' || *s == '\t'; s++)
		;
	e = s + strcspn(s, " \t\r\n");
	if (e - s == 7 && !strncmp(s, "/bin/sh", 7)) {
		s = strstr(text, "\n'''exec' \"");
		if (!s)
			return NULL;
		s += 11;
		e = strchr(s, '"');
		if (!e)
			return NULL;
	}
	if (*s != '/' || (e - s >= 4 && !strncmp(e - 4, "/env", 4)))
		return NULL;
	return strndup(s, (size_t)(e - s));
}

/* "a/b/c" -> "a": the prefix of bin/NAME. NULL when there is none. */
static char *prefix_of(const char *file)
{
	const char *s = strrchr(file, '/');

	while (s && s > file && s[-1] == '/')
		s--;
	while (s && s > file && s[-1] != '/')
		s--;
	if (!s || s <= file + 1)
		return NULL;
	return strndup(file, (size_t)(s - 1 - file));
}

/* "1.2.3..." into t; 1 when it begins with a number. */
static int parse_version(struct vh_tool *t, const char *s)
{
	char *e;
	long v[3] = { -1, -1, -1 };
	int i;

	for (i = 0; i < 3 && *s >= '0' && *s <= '9'; i++) {
		v[i] = strtol(s, &e, 10);
		s = *e == '.' ? e + 1 : e;
		if (*e != '.')
			break;
	}
	if (v[0] < 0)
		return 0;
	t->major = (int)v[0];
	t->minor = v[1] < 0 ? 0 : (int)v[1];
	t->patch = v[2] < 0 ? 0 : (int)v[2];
	return 1;
}

/* A NAME-VERSION.dist-info or .egg-info in dir: 1 (t filled), else 0. */
static int in_site(struct vh_tool *t, const char *dir, const char *dist)
{
	size_t n = strlen(dist), i;
	struct dirent *d;
	DIR *dh = opendir(dir);
	int found = 0;

	while (dh && !found && (d = readdir(dh))) {
		const char *s = d->d_name;

		for (i = 0; i < n && s[i]; i++)
			if ((s[i] | 0x20) != (dist[i] | 0x20) &&
			    !((s[i] == '_' || s[i] == '-') && (dist[i] == '_' || dist[i] == '-')))
				break;
		if (i < n || s[n] != '-' || (!strstr(s, ".dist-info") && !strstr(s, ".egg-info")))
			continue;
		found = parse_version(t, s + n + 1);
	}
	if (dh)
		closedir(dh);
	return found;
}

/* The site directories of prefix: lib/python3/dist-packages (Debian),
 * lib/pythonX.Y/site-packages and dist-packages, local/lib/... (pip). */
static int in_prefix(struct vh_tool *t, const char *prefix, const char *dist)
{
	static const char *const libs[] = { "lib", "local/lib", "lib64", NULL };
	static const char *const sites[] = { "site-packages", "dist-packages", NULL };
	struct vh_buf lib = VH_BUF_INIT, site = VH_BUF_INIT;
	struct dirent *d;
	DIR *dh;
	int i, j, found = 0, tried = 0;

	for (i = 0; libs[i] && !found; i++) {
		vh_buf_reset(&lib);
		if (vh_buf_puts(&lib, prefix) < 0 || vh_buf_putc(&lib, '/') < 0 ||
		    vh_buf_puts(&lib, libs[i]) < 0)
			break;
		dh = opendir(lib.data);
		while (dh && !found && tried < MAX_SITE_DIRS && (d = readdir(dh))) {
			if (strncmp(d->d_name, "python3", 7))
				continue;
			for (j = 0; sites[j] && !found; j++) {
				vh_buf_reset(&site);
				if (vh_buf_puts(&site, lib.data) < 0 || vh_buf_putc(&site, '/') < 0 ||
				    vh_buf_puts(&site, d->d_name) < 0 || vh_buf_putc(&site, '/') < 0 ||
				    vh_buf_puts(&site, sites[j]) < 0)
					break;
				tried++;
				found = in_site(t, site.data, dist);
			}
		}
		if (dh)
			closedir(dh);
	}
	vh_buf_free(&lib);
	vh_buf_free(&site);
	return found;
}

/* Homebrew: .../Cellar/DIST/VERSION/... */
static int in_cellar(struct vh_tool *t, const char *real, const char *dist)
{
	const char *s = strstr(real, "/Cellar/");
	size_t n = strlen(dist);

	if (!s || strncmp(s + 8, dist, n) || s[8 + n] != '/')
		return 0;
	return parse_version(t, s + 9 + n);
}

static int look(struct vh_tool *t, const char *command, const char *dist)
{
	char *script = NULL, *real = NULL, *p = NULL;
	int rc;

	t->major = t->minor = t->patch = -1;
	rc = vh_path_which(&script, command, vh_getenv("PATH"), NULL);
	if (rc < 0 || !script)
		return rc;
	t->found = 1;
	real = realpath(script, NULL);
	t->python = vh_store_shebang(script);
	if (real && in_cellar(t, real, dist))
		goto done;
	if (t->python && (p = prefix_of(t->python)) && in_prefix(t, p, dist))
		goto done;
	free(p);
	if ((p = prefix_of(script)) && in_prefix(t, p, dist))
		goto done;
	free(p);
	p = real ? prefix_of(real) : NULL;
	if (p)
		in_prefix(t, p, dist);
done:
	free(p);
	free(real);
	free(script);
	return 0;
}

int vh_tool_find(const struct vh_tool **out, const char *command, const char *dist)
{
	int i;

	*out = NULL;
	for (i = 0; i < MAX_TOOLS && seen[i].command; i++)
		if (!strcmp(seen[i].command, command)) {
			*out = &seen[i].t;
			return 0;
		}
	if (i == MAX_TOOLS)
		i = MAX_TOOLS - 1; /* never: a rule asks about one or two tools */
	free(seen[i].command);
	free(seen[i].t.python);
	memset(&seen[i], 0, sizeof(seen[i]));
	if (look(&seen[i].t, command, dist) < 0 || !(seen[i].command = strdup(command))) {
		free(seen[i].t.python);
		memset(&seen[i], 0, sizeof(seen[i]));
		return VH_ENOMEM;
	}
	*out = &seen[i].t;
	return 0;
}

enum vh_tool_since vh_tool_at_least(const struct vh_tool *t, int major, int minor, int patch)
{
	int yes;

	if (!t || t->major < 0)
		return VH_TOOL_UNKNOWN;
	if (t->major != major)
		yes = t->major > major;
	else if (t->minor != minor)
		yes = t->minor > minor;
	else
		yes = t->patch >= patch;
	return yes ? VH_TOOL_AT_LEAST : VH_TOOL_OLDER;
}

int vh_python_minor(char out[16], const char *python)
{
	struct vh_pyvenv pv;
	char *real = python ? realpath(python, NULL) : NULL, *cfg = NULL, *env = NULL;
	const char *base, *s;
	size_t n;

	out[0] = '\0';
	if (real) {
		base = strrchr(real, '/') + 1;
		/* python3.11, python3.13t: the version in its name */
		if (!strncmp(base, "python", 6) && base[6] >= '0' && base[6] <= '9' &&
		    (s = strchr(base + 6, '.')) && s[1] >= '0' && s[1] <= '9') {
			n = (size_t)(s + 1 + strspn(s + 1, "0123456789") - (base + 6));
			if (n < 16) {
				memcpy(out, base + 6, n);
				out[n] = '\0';
			}
		}
	}
	/* An env's python named python or python3: its pyvenv.cfg says. */
	if (!out[0] && python && (env = prefix_of(python)) && (cfg = vh_store_join(env, "pyvenv.cfg")) &&
	    vh_pyvenv_read(&pv, cfg) == 0) {
		if (pv.version && (s = strchr(pv.version, '.')) && s[1] >= '0' && s[1] <= '9') {
			n = (size_t)(s + 1 + strspn(s + 1, "0123456789") - pv.version);
			if (n < 16) {
				memcpy(out, pv.version, n);
				out[n] = '\0';
			}
		}
		vh_pyvenv_free(&pv);
	}
	free(cfg);
	free(env);
	free(real);
	return 0;
}
