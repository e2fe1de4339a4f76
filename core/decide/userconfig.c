#include "core/decide/userconfig.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/util/compat.h"
#include "core/util/err.h"
#include "core/util/fileio.h"
#include "core/util/msg.h"
#include "core/util/suggest.h"
#include "core/store/stores.h"
#include "core/util/writers.h"
#include "core/util/xdg.h"

const char *const vh_config_trust_names[] = {
	[VH_CONFIG_TRUST_STRICT] = "strict",
	[VH_CONFIG_TRUST_OWNER] = "owner",
	[VH_CONFIG_TRUST_OFF] = "off",
};

struct vh_config vh_config = {
	.env_dirs = { ".venv", "venv", NULL },
	.stop_at_git_root = 1,
	.follow_pointers = 1,
	.stores = (1u << VH_STORE_COUNT) - 1,
};

/* Storage for env_dirs names read from the file (lives until exit). */
static char *env_dirs_text;

struct parse {
	FILE *f;
	unsigned lineno;
	char raw[512];
};

/* Bad lines named one by one, at most; the rest are counted in one line,
 * so that no file makes a prompt print more than a few lines. */
#define MAX_WARNINGS 10

/* A warning for the command to print (out of memory, it is lost: the
 * count stays). */
static void warn(struct parse *p, const char *what)
{
	if (vh_config.bad_lines++ >= MAX_WARNINGS)
		return;
	vh_msg_escape(&vh_config.warnings, vh_config.file);
	vh_buf_printf(&vh_config.warnings, ":%u: %s; the line is ignored\n", p->lineno, what);
}

/* One line per call, as inih asks; lines inih would misread (too long for
 * Debian's 200-byte buffer, or no '=') are warned about here and handed
 * over blank, so each bad line gets its own warning with its number. */
static char *reader(char *dst, int size, void *stream)
{
	struct parse *p = stream;
	size_t n;
	const char *s;
	int c;

	if (!fgets(p->raw, sizeof(p->raw), p->f))
		return NULL;
	p->lineno++;
	n = strlen(p->raw);
	if (n && p->raw[n - 1] != '\n' && !feof(p->f)) {
		while ((c = fgetc(p->f)) != EOF && c != '\n')
			;
		warn(p, "line too long");
		p->raw[0] = '\0';
		n = 0;
	}
	for (s = p->raw; *s == ' ' || *s == '\t'; s++)
		;
	if (*s == '[') {
		/* Handed over blank, so the keys below it still count. */
		warn(p, "sections are not used");
		s = "";
	} else if (*s && *s != '\n' && *s != '\r' && *s != '#' && *s != ';' && !strchr(s, '=')) {
		warn(p, "not a 'key = value' line");
		s = "";
	}
	n = strlen(s);
	if (n + 2 > (size_t)size) {
		warn(p, "line too long");
		s = "";
		n = 0;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
	if (!n || dst[n - 1] != '\n')
		strcat(dst, "\n");
	return dst;
}

static int boolean(int *out, const char *v)
{
	if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "on") || !strcmp(v, "1"))
		*out = 1;
	else if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "off") || !strcmp(v, "0"))
		*out = 0;
	else
		return VH_ESYNTAX;
	return 0;
}

static int set_env_dirs(const char *v)
{
	char *text = strdup(v), *tok, *save = NULL;
	const char *dirs[VH_CONFIG_MAX_ENV_DIRS + 1];
	int n = 0;

	if (!text)
		return VH_ENOMEM;
	for (tok = strtok_r(text, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		if (n == VH_CONFIG_MAX_ENV_DIRS || strchr(tok, '/') || !strcmp(tok, ".") ||
		    !strcmp(tok, "..")) {
			free(text);
			return VH_ESYNTAX;
		}
		dirs[n++] = tok;
	}
	dirs[n] = NULL;
	free(env_dirs_text);
	env_dirs_text = text;
	memcpy(vh_config.env_dirs, dirs, sizeof(dirs[0]) * (size_t)(n + 1));
	return 0;
}

/* "poetry pipenv ...": the stores named, in any order; "none" for none. */
static int set_stores(const char *v)
{
	char *text = strdup(v), *tok, *save = NULL;
	unsigned bits = 0;
	int i, rc = 0;

	if (!text)
		return VH_ENOMEM;
	for (tok = strtok_r(text, " \t", &save); tok && rc == 0; tok = strtok_r(NULL, " \t", &save)) {
		if (!strcmp(tok, "none"))
			continue;
		for (i = 0; i < VH_STORE_COUNT && strcmp(tok, vh_store_names[i]); i++)
			;
		if (i == VH_STORE_COUNT)
			rc = VH_ESYNTAX;
		else
			bits |= 1u << i;
	}
	free(text);
	if (rc == 0)
		vh_config.stores = bits;
	return rc;
}

/* what, and "did you mean" one of the n choices, when one is close to v. */
static void warn_like(struct parse *p, const char *what, const char *v, const char *const *choices,
		      size_t n)
{
	struct vh_buf why = VH_BUF_INIT;
	const char *like = vh_suggest(v, choices, n);

	vh_buf_puts(&why, what);
	if (like)
		vh_buf_printf(&why, " (did you mean '%s'?)", like);
	warn(p, vh_buf_str(&why));
	vh_buf_free(&why);
}

/* The keys, for "did you mean". */
static const char *const keys[] = {
	"env_dirs", "stop_at_git_root", "quiet", "follow_pointer_files", "trust", "stores",
};

static int handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse *p = user;
	int r = 0, b;

	(void)section; /* always "": the reader hides section lines */
	if (!strcmp(name, "env_dirs")) {
		r = set_env_dirs(value);
		if (r == VH_ENOMEM)
			return 0;
		if (r < 0)
			warn(p, "env_dirs takes up to 16 names without '/'");
	} else if (!strcmp(name, "stores")) {
		r = set_stores(value);
		if (r == VH_ENOMEM)
			return 0;
		if (r < 0) {
			struct vh_buf what = VH_BUF_INIT;
			int i;

			vh_buf_puts(&what, "stores takes none or some of:");
			for (i = 0; i < VH_STORE_COUNT; i++)
				vh_buf_printf(&what, " %s", vh_store_names[i]);
			warn(p, vh_buf_str(&what));
			vh_buf_free(&what);
		}
	} else if (!strcmp(name, "trust")) {
		if (!strcmp(value, "strict"))
			vh_config.trust = VH_CONFIG_TRUST_STRICT;
		else if (!strcmp(value, "owner"))
			vh_config.trust = VH_CONFIG_TRUST_OWNER;
		else if (!strcmp(value, "off"))
			vh_config.trust = VH_CONFIG_TRUST_OFF;
		else
			warn_like(p, "trust is strict, owner or off", value, vh_config_trust_names, 3);
	} else if (!strcmp(name, "stop_at_git_root") || !strcmp(name, "quiet") ||
		   !strcmp(name, "follow_pointer_files")) {
		if (boolean(&b, value) < 0) {
			struct vh_buf why = VH_BUF_INIT;

			vh_buf_printf(&why, "%s is yes or no", name);
			warn(p, vh_buf_str(&why));
			vh_buf_free(&why);
		} else if (name[0] == 's') {
			vh_config.stop_at_git_root = b;
		} else if (name[0] == 'q') {
			vh_config.quiet = b;
		} else {
			vh_config.follow_pointers = b;
		}
	} else {
		struct vh_buf why = VH_BUF_INIT;
		const char *like = vh_suggest(name, keys, sizeof(keys) / sizeof(keys[0]));

		vh_buf_puts(&why, "unknown key '");
		vh_msg_escape(&why, name);
		vh_buf_puts(&why, "'");
		if (like)
			vh_buf_printf(&why, " (did you mean '%s'?)", like);
		warn(p, vh_buf_str(&why));
		vh_buf_free(&why);
	}
	return 1;
}


/* "ignoring <file>: <why>; using the defaults" */
static void ignore(const char *why, int e)
{
	unsigned long h = 5381;
	const char *c;

	vh_buf_puts(&vh_config.warnings, "ignoring ");
	vh_msg_escape(&vh_config.warnings, vh_config.file);
	vh_buf_puts(&vh_config.warnings, ": ");
	vh_buf_puts(&vh_config.warnings, why);
	if (e)
		vh_buf_printf(&vh_config.warnings, " (%s)", strerror(e));
	vh_buf_puts(&vh_config.warnings, "; using the defaults\n");
	/* said once per shell while the reason stays (vh_config_said): the
	 * reason's own hash names it */
	for (c = why; *c; c++)
		h = h * 33 + (unsigned char)*c;
	snprintf(vh_config.id, sizeof(vh_config.id), "ignored:%d:%lx", e, h);
}

/* The config file, opened to read: its descriptor (st its status), or
 * VH_EREFUSED when there is none to use (why it is not used is said). */
static int open_config(struct stat *st)
{
	struct vh_buf why = VH_BUF_INIT;
	struct vh_stat vs;
	int fd;

	/* open, then fdopen: most users have no config file, and a failed
	 * fopen costs its FILE as well as the open */
	fd = open(vh_config.file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		if (errno != ENOENT && errno != ENOTDIR)
			ignore("it cannot be read", errno);
		return VH_EREFUSED;
	}
	if (fstat(fd, st) < 0)
		ignore("it cannot be read", errno);
	else if (!S_ISREG(st->st_mode))
		ignore("it is not a regular file", 0);
	else if (vh_file_private(fd, NULL, st))
		return fd;
	else {
		vh_stat_from(&vs, st);
		vh_buf_puts(&why, "it ");
		vh_buf_puts(&why, vh_writers_text(vh_writers_of(fd, NULL, &vs, 0)));
		ignore(vh_buf_str(&why), 0);
		vh_buf_free(&why);
	}
	close(fd);
	return VH_EREFUSED;
}

int vh_config_load(void)
{
	struct vh_buf why = VH_BUF_INIT;
	struct parse p = { 0 };
	struct stat st;
	int fd = -1, r;

	if (vh_xdg_file(&vh_config.file, "XDG_CONFIG_HOME", ".config", "config") == VH_ENOMEM)
		return VH_ENOMEM;
	if (!vh_config.file)
		return 0;
	/* Its settings decide what is checked (trust = off): believed only
	 * from a place and a file no one else can write (xdg.h, fileio.h),
	 * and never waited on (a FIFO would block every prompt). */
	r = vh_xdg_usable(&why, vh_config.file, 0);
	if (r == VH_ENOMEM)
		goto oom;
	if (r) {
		ignore(vh_buf_str(&why), 0);
		goto done;
	}
	fd = open_config(&st);
	if (fd < 0)
		goto done;
	vh_config.found = 1;
	{
		struct vh_stat vs;

		/* (which file, as it is: export's __VENVHOOK_CONFIG_SAID) */
		vh_stat_from(&vs, &st);
		snprintf(vh_config.id, sizeof(vh_config.id), "%ju:%ju:%jd:%jd.%09ld",
			 (uintmax_t)vs.dev, (uintmax_t)vs.ino, (intmax_t)vs.size,
			 (intmax_t)vs.mtime.tv_sec, (long)vs.mtime.tv_nsec);
	}
	/* Read a line at a time, but not without end: a file that large is
	 * no config (the defaults hold). */
	if (st.st_size > VH_READ_MAX) {
		vh_msg_escape(&vh_config.warnings, vh_config.file);
		vh_buf_printf(&vh_config.warnings, " is larger than %d KiB; using the defaults\n",
			      VH_READ_MAX / 1024);
		vh_config.bad_lines++;
		goto done;
	}
	if (!(p.f = fdopen(fd, "r"))) {
		ignore("it cannot be read", errno);
		goto done;
	}
	fd = -1;
	/* Errors inih finds itself are lines the reader already blanked. */
	ini_parse_stream(reader, &p, handler, &p);
	fclose(p.f);
	if (vh_config.bad_lines > MAX_WARNINGS) {
		vh_msg_escape(&vh_config.warnings, vh_config.file);
		vh_buf_printf(&vh_config.warnings, ": %d more bad lines are ignored\n",
			      vh_config.bad_lines - MAX_WARNINGS);
	}
done:
	if (fd >= 0)
		close(fd);
	vh_buf_free(&why);
	return 0;
oom:
	vh_buf_free(&why);
	return VH_ENOMEM;
}

int vh_config_said(void)
{
	const char *said = getenv(VH_CONFIG_SAID);

	return said && vh_config.id[0] && !strcmp(said, vh_config.id);
}

int vh_config_format(struct vh_buf *out)
{
	const char *const *d;
	int i, any = 0;

	if (vh_buf_puts(out, "env_dirs =") < 0)
		return VH_ENOMEM;
	for (d = vh_config.env_dirs; *d; d++)
		if (vh_buf_printf(out, " %s", *d) < 0)
			return VH_ENOMEM;
	if (vh_buf_printf(out, "\nstop_at_git_root = %s\nquiet = %s\nfollow_pointer_files = %s\n"
			  "trust = %s\nstores =",
			  vh_config.stop_at_git_root ? "yes" : "no", vh_config.quiet ? "yes" : "no",
			  vh_config.follow_pointers ? "yes" : "no",
			  vh_config_trust_names[vh_config.trust]) < 0)
		return VH_ENOMEM;
	for (i = 0; i < VH_STORE_COUNT; i++) {
		if (!(vh_config.stores & (1u << i)))
			continue;
		any = 1;
		if (vh_buf_printf(out, " %s", vh_store_names[i]) < 0)
			return VH_ENOMEM;
	}
	return vh_buf_puts(out, any ? "\n" : " none\n");
}
