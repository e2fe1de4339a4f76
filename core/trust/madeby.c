/* Which command made an env (see madeby.h).
 *
 * One pass over the lines: a reader of the shell's syntax that splits them
 * into simple commands (words dequoted; a word whose value depends on an
 * expansion, a glob or a substitution is "dynamic" and names nothing), and
 * a judge of each command, which moves the directory (cd), makes envs,
 * brings files, or does neither. Substitutions, subshells and the text of
 * sh -c or eval are read as commands of their own, with a copy of the
 * directory; heredoc bodies and what follows a '#' are read as "weak"
 * regions, where a command that brings files counts and one that makes envs
 * does not (a heredoc may feed a shell; some shells, by default, read '#'
 * as an ordinary character). */
#include "core/trust/madeby.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/buf.h"
#include "core/util/err.h"

/* Nesting deeper than this is not read: the line counts as one that may
 * have brought anything. */
#define MAX_DEPTH 24
/* Commands unwrapped (env, sudo, nice...) before the one they run. */
#define MAX_UNWRAP 16
/* A path longer than this names nothing (normal). */
#define VH_MADEBY_PATH_MAX 4096
/* Heredocs waiting for their bodies on one line. */
#define MAX_HEREDOCS 8

enum {
	W_DYN = 1,   /* the value is not the text: an expansion, glob, substitution */
	W_BRACE = 2, /* an unquoted { or } inside: a brace expansion, unless the word is one */
};

/* pixi walks up the tree per judgement, at most (pixi_works_here) */
#define VH_PIXI_WALKS_MAX 32
/* what a judgement may ask the file system for copiers' destinations and
 * cds (real_dest, dir_now), counted in names looked up: realpath() reads
 * the link of every prefix, so a path of n names costs n * n (stat: n).
 * Past it, where is unknown (fails closed). */
#define VH_REAL_LOOKUPS_MAX (64 * 1024)
/* components of a destination that may not exist yet (a new directory) */
#define VH_REAL_NEW_MAX 16

struct ctx {
	const struct vh_madeby_ask *ask;
	enum vh_dialect dialect;
	const char *p, *end;
	int depth;
	int counting;	/* the commands read now count (not earlier lines under last_only) */
	/* a syntax venvhook reads as POSIX where they agree (VH_DIALECT_OTHER):
	 * a command it does not know may do anything, so it cannot read it */
	int strict;
	char *env, *real, *env_parent, *real_parent; /* normalised */
	int made, brought, unreadable;
	/* pixi walks asked of the file system so far (pixi_works_here) */
	unsigned pixi_walks;
	size_t real_lookups; /* asked of the file system so far (lookups()) */
	/* pixi reads PIXI_NO_INSTALL or PIXI_PROJECT_MANIFEST: set, or named
	 * on the lines */
	int pixi_vars;
	char made_by[48], brought_by[48];
	int oom;
	/* seen[i]: a command was judged whose program word starts at byte i
	 * of the lines (raw_unjudged); cur: the words being judged, where
	 * each began in the text read */
	unsigned char *seen;
	struct {
		char **words;
		const char *const *src;
		size_t n;
	} cur;
};

/* The words of the simple command being read. */
struct cmd {
	struct vh_buf arena;
	size_t *off;
	const char **src; /* where each word began in the text read */
	const char *src_start;
	unsigned char *fl;
	size_t n, cap;
	int open;	/* a word is being built, from start */
	size_t start;
	unsigned char cur;
	int skip_next;	/* the next word is a redirection's target */
	int doc_next;	/* the next word is a heredoc's delimiter */
	int doc_tabs;
	int cut;	/* a '#' ended it: the words after may still have been its own */
	int weak;
	char *doc[MAX_HEREDOCS];
	int doc_strip[MAX_HEREDOCS];
	int ndoc;
};

static int parse(struct ctx *c, char **cwd, int close, int weak);
static int raw_bringer(const char *t, size_t len);
static void judge(struct ctx *c, char **words, const unsigned char *fl, size_t n, char **cwd,
		  int weak, int cut, int unwraps);

/* --- paths --- */

/* Lexical normal form of an absolute path: no "." or "..", no doubled or
 * trailing '/'. NULL for a relative one or out of memory (c->oom). */
static char *normal(struct ctx *c, const char *base, const char *path)
{
	struct vh_buf b = VH_BUF_INIT;
	const char *s, *e;
	char *out;

	if (path[0] != '/' && !base)
		return NULL;
	if (path[0] != '/' && (vh_buf_puts(&b, base) < 0 || vh_buf_putc(&b, '/') < 0))
		goto oom;
	if (vh_buf_puts(&b, path) < 0)
		goto oom;
	/* longer than any path the kernel takes: names nothing (and copying
	 * the directory for each of 60,000 words would be quadratic) */
	if (b.len > VH_MADEBY_PATH_MAX) {
		vh_buf_free(&b);
		return NULL;
	}
	out = malloc(b.len + 2);
	if (!out)
		goto oom;
	out[0] = '\0';
	{
		size_t len = 0;

		for (s = b.data; *s;) {
			while (*s == '/')
				s++;
			for (e = s; *e && *e != '/'; e++)
				;
			if (e == s)
				break;
			if (e - s == 1 && s[0] == '.') {
				/* nothing */
			} else if (e - s == 2 && s[0] == '.' && s[1] == '.') {
				while (len && out[len - 1] != '/')
					len--;
				if (len)
					len--;
			} else {
				out[len++] = '/';
				memcpy(out + len, s, (size_t)(e - s));
				len += (size_t)(e - s);
			}
			s = e;
		}
		if (!len)
			out[len++] = '/';
		out[len] = '\0';
	}
	vh_buf_free(&b);
	return out;
oom:
	vh_buf_free(&b);
	c->oom = 1;
	return NULL;
}

/* 1 when a is b or one of its ancestors. */
static int at_or_above(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (!strcmp(a, "/"))
		return 1;
	return !strncmp(a, b, n) && (b[n] == '\0' || b[n] == '/');
}

static char *parent(struct ctx *c, const char *p)
{
	const char *s = p ? strrchr(p, '/') : NULL;
	char *out;

	if (!s)
		return NULL;
	out = s == p ? strdup("/") : strndup(p, (size_t)(s - p));
	if (!out)
		c->oom = 1;
	return out;
}

static int is_env(const struct ctx *c, const char *path)
{
	return path && ((c->env && !strcmp(path, c->env)) || (c->real && !strcmp(path, c->real)));
}

static void note(char *dst, const char *what, const char *more)
{
	size_t n = strlen(what), m = more ? strlen(more) : 0;

	if (n > 47)
		n = 47;
	memcpy(dst, what, n);
	if (more && n + 1 + m <= 47) {
		dst[n++] = ' ';
		memcpy(dst + n, more, m);
		n += m;
	}
	dst[n] = '\0';
}

static void made(struct ctx *c, int weak, const char *what, const char *more)
{
	if (!c->counting || weak || c->made)
		return;
	c->made = 1;
	note(c->made_by, what, more);
}

static void brought(struct ctx *c, const char *what, const char *more)
{
	if (!c->counting || c->brought)
		return;
	c->brought = 1;
	note(c->brought_by, what, more);
}

/* A command whose effect venvhook cannot tell (a program a variable
 * names, python -c code, an unknown command of a syntax read as POSIX):
 * it may have brought files, so an env it could have made is not
 * taken as made here (fail closed). */
static void cannot_read(struct ctx *c)
{
	if (c->counting)
		c->unreadable = 1;
}

/* --- reading words --- */

static int push_word(struct ctx *c, struct cmd *m)
{
	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 16;
		size_t *off = realloc(m->off, cap * sizeof(*off));
		const char **src;
		unsigned char *fl;

		if (!off)
			return VH_ENOMEM;
		m->off = off;
		src = realloc(m->src, cap * sizeof(*src));
		if (!src)
			return VH_ENOMEM;
		m->src = src;
		fl = realloc(m->fl, cap);
		if (!fl)
			return VH_ENOMEM;
		m->fl = fl;
		m->cap = cap;
	}
	m->off[m->n] = m->start;
	m->src[m->n] = m->src_start;
	m->fl[m->n++] = m->cur;
	(void)c;
	return 0;
}

static void begin(struct cmd *m)
{
	if (m->open)
		return;
	m->open = 1;
	m->start = m->arena.len;
	m->cur = 0;
}

static void addc(struct ctx *c, struct cmd *m, char ch)
{
	begin(m);
	if (vh_buf_putc(&m->arena, ch) < 0)
		c->oom = 1;
}

static void adds(struct ctx *c, struct cmd *m, const char *s)
{
	begin(m);
	if (vh_buf_puts(&m->arena, s) < 0)
		c->oom = 1;
}

static void end_word(struct ctx *c, struct cmd *m)
{
	const char *w;

	if (!m->open)
		return;
	m->open = 0;
	if (vh_buf_putc(&m->arena, '\0') < 0) {
		c->oom = 1;
		return;
	}
	w = m->arena.data + m->start;
	if ((m->cur & W_BRACE) && strcmp(w, "{") && strcmp(w, "}"))
		m->cur |= W_DYN;
	if (m->skip_next) {
		m->skip_next = 0;
		m->arena.len = m->start;
		return;
	}
	if (m->doc_next) {
		m->doc_next = 0;
		if (m->ndoc < MAX_HEREDOCS) {
			m->doc[m->ndoc] = strdup(w);
			if (!m->doc[m->ndoc])
				c->oom = 1;
			m->doc_strip[m->ndoc++] = m->doc_tabs;
		}
		m->arena.len = m->start;
		return;
	}
	if (push_word(c, m) < 0)
		c->oom = 1;
}

/* Ends the command being read and judges it. */
static void flush(struct ctx *c, struct cmd *m, char **cwd, int weak)
{
	char **words;
	size_t i;

	end_word(c, m);
	m->skip_next = m->doc_next = 0;
	if (m->n && !c->oom) {
		words = malloc(m->n * sizeof(*words));
		if (!words) {
			c->oom = 1;
		} else {
			char **outer = c->cur.words;
			const char *const *outer_src = c->cur.src;
			size_t outer_n = c->cur.n;

			for (i = 0; i < m->n; i++)
				words[i] = m->arena.data + m->off[i];
			c->cur.words = words;
			c->cur.src = m->src;
			c->cur.n = m->n;
			judge(c, words, m->fl, m->n, cwd, weak || m->weak, m->cut, 0);
			c->cur.words = outer;
			c->cur.src = outer_src;
			c->cur.n = outer_n;
			free(words);
		}
	}
	m->n = 0;
	m->cut = 0;
	vh_buf_reset(&m->arena);
}

static void free_cmd(struct cmd *m)
{
	int i;

	for (i = 0; i < m->ndoc; i++)
		free(m->doc[i]);
	vh_buf_free(&m->arena);
	free(m->off);
	free(m->src);
	free(m->fl);
}

/* A nested reading (a substitution, a subshell, a heredoc body) with a copy
 * of the directory; it ends at close (consumed) or at the end. */
static void nested(struct ctx *c, char *const *cwd, int close, int weak)
{
	char *copy = NULL;

	if (*cwd && !(copy = strdup(*cwd))) {
		c->oom = 1;
		return;
	}
	parse(c, &copy, close, weak);
	free(copy);
}

/* The bodies of the heredocs of the line just ended, read as weak commands. */
static void bodies(struct ctx *c, struct cmd *m, char *const *cwd)
{
	const char *end = c->end;
	int i;

	for (i = 0; i < m->ndoc; i++) {
		const char *body = c->p, *q = c->p, *stop = end, *after = end;

		while (q < end) {
			const char *eol = memchr(q, '\n', (size_t)(end - q)), *s = q;

			if (!eol)
				eol = end;
			if (m->doc_strip[i])
				while (s < eol && *s == '\t')
					s++;
			if ((size_t)(eol - s) == strlen(m->doc[i]) && !memcmp(s, m->doc[i], (size_t)(eol - s))) {
				stop = q;
				after = eol < end ? eol + 1 : end;
				break;
			}
			q = eol < end ? eol + 1 : end;
		}
		c->p = body;
		c->end = stop;
		nested(c, cwd, 0, 1);
		c->end = end;
		c->p = after;
		free(m->doc[i]);
	}
	m->ndoc = 0;
}

/* ch is one of set (never the NUL that ends set: an input byte may be 0). */
static int one_of(char ch, const char *set)
{
	return ch && strchr(set, ch);
}

static int name_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '_';
}

static void single(struct ctx *c, struct cmd *m)
{
	c->p++;
	begin(m);
	while (c->p < c->end && *c->p != '\'') {
		if (c->dialect == VH_DIALECT_FISH && *c->p == '\\' && c->p + 1 < c->end &&
		    (c->p[1] == '\'' || c->p[1] == '\\'))
			c->p++;
		addc(c, m, *c->p++);
	}
	if (c->p < c->end)
		c->p++;
}

static void dollar(struct ctx *c, struct cmd *m, char **cwd, int weak);

static void dquote(struct ctx *c, struct cmd *m, char **cwd, int weak)
{
	c->p++;
	begin(m);
	while (c->p < c->end && *c->p != '"') {
		if (*c->p == '\\' && c->p + 1 < c->end && c->dialect == VH_DIALECT_CSH) {
			/* the C shells: a character, but before ! or a newline;
			 * the backslash_quote setting makes \" an escape */
			if (c->p[1] == '"')
				cannot_read(c);
			addc(c, m, *c->p++);
		} else if (*c->p == '\\' && c->p + 1 < c->end) {
			char nx = c->p[1];

			if (nx == '\n') {
				c->p += 2;
			} else if (one_of(nx, "$`\"\\")) {
				addc(c, m, nx);
				c->p += 2;
			} else {
				addc(c, m, *c->p++);
			}
		} else if (*c->p == '$' && c->p + 1 < c->end && one_of(c->p[1], "'\"")) {
			/* $' and $" quote nothing inside double quotes: a $ */
			addc(c, m, *c->p++);
		} else if (*c->p == '$') {
			dollar(c, m, cwd, weak);
		} else if (*c->p == '`' && c->dialect != VH_DIALECT_FISH) {
			c->p++;
			m->cur |= W_DYN;
			nested(c, cwd, '`', weak);
		} else {
			addc(c, m, *c->p++);
		}
	}
	if (c->p < c->end)
		c->p++;
}

static void dollar(struct ctx *c, struct cmd *m, char **cwd, int weak)
{
	c->p++;
	begin(m);
	if (c->p >= c->end) {
		addc(c, m, '$');
		return;
	}
	if (*c->p == '(') {
		/* $(...), and $((...)), whose inner ( reads as a subshell */
		c->p++;
		m->cur |= W_DYN;
		nested(c, cwd, ')', weak);
	} else if (*c->p == '{') {
		c->p++;
		m->cur |= W_DYN;
		nested(c, cwd, '}', 1);
	} else if (*c->p == '\'' && c->dialect == VH_DIALECT_POSIX) {
		/* $'...': escapes can spell anything */
		c->p++;
		m->cur |= W_DYN;
		while (c->p < c->end && *c->p != '\'')
			c->p += *c->p == '\\' && c->p + 1 < c->end ? 2 : 1;
		if (c->p < c->end)
			c->p++;
	} else if (*c->p == '"' && c->dialect == VH_DIALECT_POSIX) {
		dquote(c, m, cwd, weak);
		m->cur |= W_DYN;
	} else if (name_char(*c->p)) {
		m->cur |= W_DYN;
		while (c->p < c->end && name_char(*c->p))
			c->p++;
	} else if (one_of(*c->p, "@*#?$!-")) {
		m->cur |= W_DYN;
		c->p++;
	} else {
		addc(c, m, '$');
	}
}

/* A redirection operator at c->p (after an optional fd number, which is
 * dropped). */
static void redirect(struct ctx *c, struct cmd *m)
{
	const char *s = c->p;
	size_t i;

	if (m->open) {
		const char *w = m->arena.data ? m->arena.data + m->start : "";
		size_t len = m->arena.len - m->start;

		for (i = 0; i < len && w[i] >= '0' && w[i] <= '9'; i++)
			;
		if (i == len) { /* 2>file: the 2 is no word */
			m->open = 0;
			m->arena.len = m->start;
		} else {
			end_word(c, m);
		}
	}
	while (c->p < c->end && c->p - s < 3 && one_of(*c->p, "<>&|-!"))
		c->p++;
	if (c->p - s >= 2 && s[0] == '<' && s[1] == '<' && (c->p - s == 2 || s[2] == '-')) {
		m->doc_next = 1;
		m->doc_tabs = c->p - s == 3;
	} else if (c->p - s == 3 && s[0] == '<' && s[1] == '<' && s[2] == '<') {
		/* a here-string: its word stays the command's, read as text a
		 * shell may run (SHELL <<< "tar ...") */
	} else {
		m->skip_next = 1;
	}
	/* >&2, <&-: the target is glued on */
	if (c->p[-1] == '&' && c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
			c->p++;
		m->skip_next = 0;
	} else if (c->p - s >= 2 && c->p[-1] == '-' && c->p[-2] == '&') {
		m->skip_next = 0;
	}
}

/* Reads commands until close (consumed; 0: the end of the input). */
/* The character at c->p when it shapes the line (blanks, newlines, the
 * separators, parentheses, a comment's start): its step taken, 1; else 0. */
static int layout_step(struct ctx *c, struct cmd *m, char **cwd, int weak, int *comment)
{
	switch (*c->p) {
	case ' ':
	case '\t':
	case '\r':
		c->p++;
		end_word(c, m);
		return 1;
	case '\n':
		c->p++;
		flush(c, m, cwd, *comment);
		*comment = 0;
		m->weak = weak;
		if (m->ndoc)
			bodies(c, m, cwd);
		return 1;
	case ';':
	case '&':
	case '|':
		if (*c->p == '&' && c->p + 1 < c->end && c->p[1] == '>') {
			redirect(c, m);
			return 1;
		}
		while (c->p < c->end && (*c->p == ';' || *c->p == '&' || *c->p == '|'))
			c->p++;
		flush(c, m, cwd, *comment);
		return 1;
	case '(':
		c->p++;
		if (c->dialect == VH_DIALECT_FISH) {
			begin(m);
			m->cur |= W_DYN;
			nested(c, cwd, ')', weak || *comment);
		} else {
			flush(c, m, cwd, *comment);
			nested(c, cwd, ')', weak || *comment);
		}
		return 1;
	case ')':
		c->p++;
		flush(c, m, cwd, *comment);
		return 1;
	case '#':
		if (m->open)
			return 0; /* inside a word: a character of it */
		c->p++;
		if (m->n)
			m->cut = 1;
		flush(c, m, cwd, *comment);
		*comment = 1;
		return 1;
	}
	return 0;
}

/* The character at c->p, or what it starts (quotes, an expansion, a
 * glob, a tilde), as part of a word; weak: inside a comment or a weak
 * context already. */
static void word_step(struct ctx *c, struct cmd *m, char **cwd, int weak)
{
	switch (*c->p) {
	case '{':
	case '}':
		addc(c, m, *c->p++);
		m->cur |= W_BRACE;
		break;
	case '<':
	case '>':
		if (c->p + 1 < c->end && c->p[1] == '(') {
			c->p += 2;
			begin(m);
			m->cur |= W_DYN;
			nested(c, cwd, ')', weak);
			break;
		}
		redirect(c, m);
		break;
	case '\\':
		if (c->p + 1 < c->end && c->p[1] == '\n') {
			c->p += 2;
			break;
		}
		c->p++;
		begin(m);
		if (c->p < c->end) {
			if (c->dialect == VH_DIALECT_FISH && name_char(*c->p))
				m->cur |= W_DYN; /* \x74, \n... */
			addc(c, m, *c->p++);
		}
		break;
	case '\'':
		single(c, m);
		break;
	case '"':
		dquote(c, m, cwd, weak);
		break;
	case '`':
		c->p++;
		begin(m);
		m->cur |= W_DYN;
		nested(c, cwd, '`', weak);
		break;
	case '$':
		dollar(c, m, cwd, weak);
		break;
	case '*':
	case '?':
	case '[':
		addc(c, m, *c->p++);
		m->cur |= W_DYN;
		break;
	case '~':
		c->p++;
		if (!m->open && (c->p >= c->end || one_of(*c->p, "/ \t\n;&|)")) && c->ask->home) {
			adds(c, m, c->ask->home);
			break;
		}
		if (!m->open) {
			begin(m);
			m->cur |= W_DYN; /* ~user */
		}
		addc(c, m, '~');
		break;
	default:
		addc(c, m, *c->p++);
	}
}

static int parse(struct ctx *c, char **cwd, int close, int weak)
{
	struct cmd m;
	int comment = 0;

	memset(&m, 0, sizeof(m));
	m.weak = weak;
	if (++c->depth > MAX_DEPTH) {
		/* too deep to read: skip to the end and count it as unreadable */
		c->unreadable = 1;
		c->p = c->end;
		c->depth--;
		return 0;
	}
	while (c->p < c->end && !c->oom) {
		char ch = *c->p;

		if (close && ch == close) {
			c->p++;
			break;
		}
		if (!m.open)
			m.src_start = c->p;
		if (!layout_step(c, &m, cwd, weak, &comment))
			word_step(c, &m, cwd, weak || comment);
	}
	flush(c, &m, cwd, comment);
	if (m.ndoc)
		bodies(c, &m, cwd);
	free_cmd(&m);
	c->depth--;
	return 0;
}

/* --- judging one command --- */

static const char *base(const char *w)
{
	const char *s = strrchr(w, '/');

	return s ? s + 1 : w;
}

/* The program a command word runs by name where a shell spells that with
 * a prefix (^tar, e:tar: the dialects without a reader of their own are
 * read as POSIX, where these name no program). Read as the program, a
 * bringer counts and a maker is seen (in a shell where the word names
 * another program, one the user named so on purpose). */
static const char *program_name(const char *w)
{
	if (w[0] == '^' || (w[0] == '=' && w[1])) /* and =tar, EQUALS expansion: tar's path */
		return w + 1;
	if (w[0] == 'e' && w[1] == ':')
		return w + 2;
	return w;
}

static int in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(w, *list))
			return 1;
	return 0;
}

/* Case-insensitive (a file system that folds case runs TAR as tar). */
static int in_fold(const char *w, const char *const *list)
{
	for (; *list; list++) {
		const char *a = w, *b = *list;

		while (*a && *b) {
			char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;

			if (x != *b)
				break;
			a++;
			b++;
		}
		if (!*a && !*b)
			return 1;
	}
	return 0;
}

static int is_assignment(const char *w)
{
	const char *s = w;

	if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	while (name_char(*s))
		s++;
	if (*s == '[') {
		s = strchr(s, ']');
		if (!s)
			return 0;
		s++;
	}
	if (*s == '+')
		s++;
	return *s == '=';
}

/* Commands that unpack, fetch, clone or copy files, wherever they put them. */
static const char *const bring_any[] = {
	"tar", "gtar", "bsdtar", "star", "unzip", "funzip", "unzipsfx", "7z", "7za", "7zr", "7zz",
	"unar", "unrar", "rar", "cpio", "bsdcpio", "pax", "ar", "jar", "unsquashfs", "dpkg-deb",
	"rpm2cpio", "rpm2archive", "cabextract", "lha", "unace", "arj", "unshar", "curl", "wget",
	"wget2", "aria2c", "axel", "fetch", "lftp", "ftp", "sftp", "rclone", "gsutil", "hg", "svn",
	"bzr", "fossil", "darcs", "pijul", "jj", "gh", "glab", "docker", "podman", "kubectl", "git-lfs",
	"bsdunzip", "gio", "http", "xh", "httpie", "scp", "dpkg", "aws", "huggingface-cli", "dvc",
	"oras", "patch", "gpatch", "copier", "degit", "hf", "wcurl", "ouch", "aunpack", "extract",
	"cookiecutter", "tiged", "giget", "dtrx", "unp", NULL
};
/* git's commands that change no file of the work tree. */
static const char *const git_quiet[] = {
	"status", "log", "diff", "show", "add", "commit", "init", "branch", "tag", "remote", "config",
	"fetch", "push", "rev-parse", "ls-files", "ls-tree", "ls-remote", "blame", "grep", "describe",
	"shortlog", "reflog", "gc", "fsck", "help", "version", "clean", "rm", "notes", "cat-file",
	"rev-list", "whatchanged", "count-objects", "var", "check-ignore", "difftool", "format-patch",
	"request-pull", "credential", "maintenance", "hash-object", "range-diff", "show-ref",
	"for-each-ref", "symbolic-ref", "name-rev", "cherry", "verify-commit", "verify-tag",
	"--version", "--help", NULL
};
/* Words that lead into the command after them. */
static const char *const lead[] = { "!", "{", "then", "do", "else", "elif", "if", "while", "until",
				    "and", "or", "not", "begin", "nohup", "builtin", "noglob",
				    "nocorrect", "-", "chronic", "unbuffer", "caffeinate", "command",
				    "exec", "time", "nice", "env", "sudo", "doas", "timeout",
				    "stdbuf", "ionice", "xargs", "flock", "try", "external",
				    "run-external", "busybox", "coproc", NULL };
/* Commands that bring no files, which a syntax read as POSIX may run
 * without making its lines unreadable. */
static const char *const strict_quiet[] = { "ls", "ll", "la", "pwd", "echo", "print", "cat", "less",
					    "more", "head", "tail", "clear", "which", "type", "man",
					    "help", "history", "exit", "true", "false", "set", "var",
					    "let", "mut", "put", "has-key", "to-string", NULL };
/* Words after which nothing runs now. */
static const char *const inert[] = { "for", "select", "case", "function", "in", "fi", "done",
				     "esac", "end", "switch", "foreach", "endif", "endsw",
				     "breaksw", "}", "[[", "((", "return", "break", "continue",
				     "alias", "abbr", "complete", NULL };

/* The options of a lead word, from each tool's own option table (sudo's
 * getopt string in src/parse_args.c, GNU coreutils' env, nice, stdbuf and
 * timeout, findutils' xargs, util-linux's flock and ionice, GNU time,
 * OpenBSD's doas, macOS's caffeinate): letters that take a value (the rest
 * of the word, else the next word), letters whose value can only be
 * joined (-ifoo), flag letters; long options that take a value (joined
 * with '=' or the next word), and those that take none or only a joined
 * one. An option not in the table makes the lines unreadable: its value
 * could be read as the command, and the command that runs (tar) missed. */
struct lead_opts {
	const char *name, *values, *joined, *flags;
	const char *const *long_values, *const *long_flags;
};
static const char *const none_long[] = { NULL };
static const char *const sudo_lv[] = { "--auth-type", "--close-from", "--chdir", "--login-class",
				       "--group", "--host", "--prompt", "--chroot", "--role",
				       "--type", "--command-timeout", "--other-user", "--user",
				       NULL };
static const char *const sudo_lf[] = { "--askpass", "--bell", "--background", "--preserve-env",
				       "--edit", "--set-home", "--login", "--remove-timestamp",
				       "--reset-timestamp", "--list", "--non-interactive",
				       "--preserve-groups", "--stdin", "--shell", "--validate",
				       NULL };
static const char *const xargs_lv[] = { "--arg-file", "--delimiter", "--max-args", "--max-procs",
					"--max-chars", "--process-slot-var", NULL };
static const char *const xargs_lf[] = { "--null", "--no-run-if-empty", "--verbose", "--interactive",
					"--exit", "--open-tty", "--eof", "--replace", "--max-lines",
					NULL };
static const char *const timeout_lv[] = { "--signal", "--kill-after", NULL };
static const char *const timeout_lf[] = { "--foreground", "--preserve-status", "--verbose", NULL };
/* (env -S and --split-string: read before, as a command line; reached
 * here only joined to another option or a value, so unknown) */
static const char *const env_lv[] = { "--unset", "--chdir", NULL };
static const char *const env_lf[] = { "--ignore-environment", "--null", "--debug",
				      "--block-signal", "--default-signal", "--ignore-signal",
				      "--list-signal-handling", NULL };
static const char *const nice_lv[] = { "--adjustment", NULL };
static const char *const stdbuf_lv[] = { "--input", "--output", "--error", NULL };
static const char *const ionice_lv[] = { "--class", "--classdata", "--pid", "--pgid", "--uid", NULL };
static const char *const ionice_lf[] = { "--ignore", NULL };
static const char *const time_lv[] = { "--format", "--output", NULL };
static const char *const time_lf[] = { "--append", "--portability", "--quiet", "--verbose", NULL };
static const char *const flock_lv[] = { "--timeout", "--wait", "--conflict-exit-code", NULL };
static const char *const flock_lf[] = { "--shared", "--exclusive", "--unlock", "--nonblock",
					"--close", "--no-fork", "--verbose", NULL };
static const struct lead_opts lead_opts[] = {
	{ "sudo", "aCcDgpRrTtUu", "h", "ABbEeHiKklNnPSsVv", sudo_lv, sudo_lf },
	{ "doas", "aCu", "", "Lns", none_long, none_long },
	{ "xargs", "adEILnPs", "eil", "0oprtx", xargs_lv, xargs_lf },
	{ "timeout", "ks", "", "fpv", timeout_lv, timeout_lf },
	{ "env", "Cu", "", "0iv", env_lv, env_lf },
	{ "nice", "n", "", "", nice_lv, none_long },
	{ "stdbuf", "eio", "", "", stdbuf_lv, none_long },
	{ "ionice", "cnPpu", "", "t", ionice_lv, ionice_lf },
	{ "exec", "a", "", "cl", none_long, none_long },
	{ "caffeinate", "tw", "", "dimsu", none_long, none_long },
	{ "time", "fo", "", "apqvV", time_lv, time_lf },
	{ "flock", "Ew", "", "Fnosux", flock_lv, flock_lf },
	{ "command", "", "", "p", none_long, none_long },
	{ "chronic", "", "", "ev", none_long, none_long },
	{ "unbuffer", "", "", "p", none_long, none_long },
	/* (the others take no option: a word after them that starts with
	 * '-' is not one venvhook knows) */
	{ NULL, "", "", "", none_long, none_long },
};

/* 1 when the len bytes at w are one of list's words. */
static int in_n(const char *w, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == len && !memcmp(*list, w, len))
			return 1;
	return 0;
}

/* Index of the first word after the lead word at i and its options; for
 * timeout, after its duration too; for flock, after its file. n, with the
 * lines unreadable, for an option the lead word's table lacks. */
static size_t after_lead(struct ctx *c, char **w, const unsigned char *fl, size_t n, size_t i)
{
	const char *name = base(program_name(w[i]));
	const struct lead_opts *o;
	size_t j = i + 1;

	for (o = lead_opts; o->name && strcmp(o->name, name); o++)
		;
	if (!strcmp(name, "command") && j < n && (!strcmp(w[j], "-v") || !strcmp(w[j], "-V")))
		return n; /* a lookup: nothing runs */
	while (j < n && w[j][0] == '-' && (w[j][1] || (fl[j] & W_DYN))) {
		const char *opt = w[j], *p;

		if (fl[j] & W_DYN)
			goto unknown; /* an option a variable spells */

		j++;
		if (!strcmp(opt, "--"))
			break;
		if (opt[1] == '-') {
			size_t len = strcspn(opt, "=");
			int value = in_n(opt, len, o->long_values);

			if (!value && !in_n(opt, len, o->long_flags))
				goto unknown;
			if (value && !opt[len])
				j++;
			continue;
		}
		if (!strcmp(name, "nice") && opt[1] >= '0' && opt[1] <= '9' && !opt[1 + strspn(opt + 1, "0123456789")])
			continue; /* nice -10 */
		for (p = opt + 1; *p; p++) {
			if (strchr(o->values, *p)) {
				if (!p[1])
					j++; /* the next word is its value */
				break;
			}
			if (strchr(o->joined, *p))
				break; /* the rest, if any, is its value */
			if (!strchr(o->flags, *p))
				goto unknown;
		}
	}
	if (!strcmp(name, "timeout") || !strcmp(name, "flock"))
		j++;
	return j;
unknown:
	cannot_read(c);
	return n;
}

/* The judgement of one argument's path: the env's own path? */
static int names_env(struct ctx *c, const char *cwd, const char *w, unsigned char fl)
{
	char *p;
	int yes;

	if (fl & W_DYN)
		return 0;
	p = normal(c, cwd, w);
	yes = is_env(c, p);
	free(p);
	return yes;
}

/* A tool that works in the project of dir: the env's parent is dir or
 * above it. */
static int works_here(const struct ctx *c, const char *dir)
{
	return dir && ((c->env_parent && at_or_above(c->env_parent, dir)) ||
		       (c->real_parent && at_or_above(c->real_parent, dir)));
}

/* python -m venv and virtualenv: every argument that is no option is a
 * directory it makes (options listed take a value). */
static void make_dirs(struct ctx *c, char **w, const unsigned char *fl, size_t i, size_t n,
		      const char *cwd, int weak, const char *label, const char *more,
		      const char *const *valued)
{
	int dashdash = 0;

	for (; i < n; i++) {
		if (!dashdash && w[i][0] == '-' && w[i][1]) {
			if (!strcmp(w[i], "--"))
				dashdash = 1;
			else if (!strchr(w[i], '=') && in(w[i], valued))
				i++;
			continue;
		}
		if (names_env(c, cwd, w[i], fl[i]))
			made(c, weak, label, more);
	}
}

static const char *const venv_valued[] = { "--prompt", NULL };
static const char *const virtualenv_valued[] = {
	"-p", "--python", "--prompt", "--activators", "--seeder", "--app-data", "--discovery",
	"--creator", "--extra-search-dir", "--pip", "--setuptools", "--wheel", "--try-first-with",
	NULL
};

/* The project tools: uv, poetry, pipenv, pdm, hatch, rye. Their options
 * that take a value; those that name the project's directory; the
 * subcommands that make or fill the project's env; the one that runs a
 * command (its words are judged as one); and a second word some need. */
struct tool {
	const char *name;
	const char *const *valued;
	const char *const *dir_opts;
	const char *const *makes;
	const char *runs;
};
static const char *const uv_valued[] = {
	"-p", "--python", "--prompt", "--index-url", "--extra-index-url", "--index",
	"--default-index", "-f", "--find-links", "--link-mode", "--exclude-newer",
	"--keyring-provider", "--index-strategy", "--cache-dir", "--config-file", "--color",
	"--python-preference", "--allow-insecure-host", "--with", "--with-requirements",
	"--extra", "--group", "--only-group", "--no-group", "--package", "-C", "--config-setting",
	"--resolution", "--prerelease", "--refresh-package", "--reinstall-package",
	"--upgrade-package", "-P", "--env-file", "--script", "--directory", "--project", "--from",
	"--with-editable", "--python-fetch", "--preview-features", NULL
};
/* uv's global flags (GlobalArgs and CacheArgs in crates/uv-cli/src/lib.rs
 * at uv 26a9dd4b2125bc271b47855e1fa0c49af3365db5: `global = true`, so they
 * may stand between `tool` and `run`); its global options with a value are
 * in uv_valued */
static const char *const uv_flags[] = {
	"--quiet", "--verbose", "--no-cache", "--offline", "--no-offline", "--managed-python",
	"--no-managed-python", "--allow-python-downloads", "--no-python-downloads", "--no-color",
	"--native-tls", "--no-native-tls", "--system-certs", "--no-system-certs", "--preview",
	"--no-preview", "--isolated", "--show-settings", "--no-progress", "--no-installer-metadata",
	"--no-config", "--help", NULL
};
static const char *const uv_dirs[] = { "--directory", "--project", NULL };
static const char *const uv_makes[] = { "venv", "sync", "add", "remove", "run", NULL };
static const char *const poetry_valued[] = { "-C", "--directory", "-P", "--project", "-E",
					     "--extras", "--with", "--without", "--only", "-G",
					     "--group", NULL };
static const char *const poetry_dirs[] = { "-C", "--directory", "-P", "--project", NULL };
static const char *const poetry_makes[] = { "install", "add", "remove", "update", "sync", "run",
					    "shell", "env", NULL };
static const char *const pipenv_valued[] = { "--python", "--categories", NULL };
static const char *const pipenv_makes[] = { "install", "sync", "update", "upgrade", "lock", "run",
					    "shell", "--python", "--three", NULL };
static const char *const pdm_valued[] = { "-p", "--project", "-G", "--group", "-L",
					  "--lockfile", NULL };
static const char *const pdm_dirs[] = { "-p", "--project", NULL };
static const char *const pdm_makes[] = { "install", "sync", "add", "remove", "update", "use",
					 "run", "venv", NULL };
/* hatch env run's -i, -x, -f (src/hatch/cli/env/run.py at hatch
 * ed8e30bebf98f2fe4d70c18a32a50a8160c391cb) */
static const char *const hatch_valued[] = { "-e",	 "--env",     "--data-dir", "--cache-dir",
					    "-i",	 "--include", "-x",	    "--exclude",
					    "-f",	 "--filter",  NULL };
static const char *const hatch_makes[] = { "env", "shell", "run", "test", NULL };
static const char *const rye_makes[] = { "sync", "add", "run", NULL };
static const char *const no_words[] = { NULL };
static const struct tool tools[] = {
	{ "uv", uv_valued, uv_dirs, uv_makes, "run" },
	{ "poetry", poetry_valued, poetry_dirs, poetry_makes, "run" },
	{ "pipenv", pipenv_valued, no_words, pipenv_makes, "run" },
	{ "pdm", pdm_valued, pdm_dirs, pdm_makes, "run" },
	{ "hatch", hatch_valued, no_words, hatch_makes, "run" },
	{ "rye", no_words, no_words, rye_makes, "run" },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* The directory a project tool's option names (--directory D, -C D,
 * --project=D) among w[i..n), or NULL; *seen when there is one. */
static const char *tool_dir(const struct tool *t, char **w, const unsigned char *fl, size_t i,
			    size_t n, int *seen)
{
	const char *dir = NULL;
	size_t j, len;

	for (j = i; j < n; j++) {
		const char *a = w[j], *eq = strchr(a, '=');
		const char *const *o;

		if (a[0] != '-' || (fl[j] & W_DYN))
			continue;
		if (!strcmp(a, "--"))
			break;
		for (o = t->dir_opts; *o; o++) {
			len = strlen(*o);
			if (strncmp(a, *o, len))
				continue;
			if (!a[len] && j + 1 < n) {
				*seen = 1;
				dir = fl[j + 1] & W_DYN ? NULL : w[j + 1];
			} else if (eq == a + len) {
				*seen = 1;
				dir = fl[j] & W_DYN ? NULL : eq + 1;
			}
		}
	}
	return dir;
}

/* pdm init [TEMPLATE]: the options of its own that take a value
 * (src/pdm/cli/commands/init.py and src/pdm/cli/options.py at pdm
 * a7e9d0015b4d5ca5d1b0c558582f9bf41b2fdf54) */
static const char *const pdm_init_valued[] = { "--python", "--backend", "--license", "--name",
					       "--project-version", "-k", "--skip", NULL };

/* pdm init [TEMPLATE], pdm new [TEMPLATE] PATH (init's command with a
 * required path after its optional template: with two words argparse
 * gives the first to TEMPLATE; src/pdm/cli/commands/new.py) bring files
 * with a template other than the two built-in ones (a git clone or a
 * local directory copied: src/pdm/cli/templates/__init__.py), or through
 * --copier or --cookiecutter. */
static void pdm_init(struct ctx *c, char **w, const unsigned char *fl, size_t j, size_t n,
		     const char *sub)
{
	size_t first = n, words = 0;
	int any = 0;

	for (; j < n && !any; j++) {
		if (fl[j] & W_DYN || !strcmp(w[j], "--copier") || !strcmp(w[j], "--cookiecutter"))
			any = 1;
		else if (w[j][0] != '-' || !w[j][1])
			first = words++ ? first : j; /* the first word */
		else if (!strchr(w[j], '=') && (in(w[j], pdm_init_valued) || in(w[j], pdm_valued)))
			j++;
	}
	if (!any && words > !strcmp(sub, "new") && strcmp(w[first], "default") &&
	    strcmp(w[first], "minimal"))
		any = 1;
	if (any)
		brought(c, !strcmp(sub, "new") ? "pdm new" : "pdm init", NULL); /* a template */
}

/* The command a tool runs from w[j] on (poetry run, uv tool run, hatch env
 * run: its options, then -- or the command), judged as one of its own. */
static void tool_runs(struct ctx *c, const struct tool *t, char **w, const unsigned char *fl,
		      size_t j, size_t n, char **cwd, int weak, int unwraps)
{
	while (j < n && w[j][0] == '-' && w[j][1] && strcmp(w[j], "--")) {
		if (!strchr(w[j], '=') && in(w[j], t->valued))
			j++;
		j++;
	}
	if (j < n && !strcmp(w[j], "--"))
		j++;
	if (j < n)
		judge(c, w + j, fl + j, n - j, cwd, weak, 0, unwraps + 1);
}

/* uv tool [OPTIONS] run CMD (uvx), from the word after tool: uv's global
 * options may stand before run; one venvhook does not know could take the
 * next word as its value, so which word runs cannot be told. */
static void uv_tool(struct ctx *c, const struct tool *t, char **w, const unsigned char *fl,
		    size_t j, size_t n, char **cwd, int weak, int unwraps)
{
	for (; j < n; j++) {
		const char *a = w[j];

		if (fl[j] & W_DYN) {
			cannot_read(c);
			return;
		}
		if (!strcmp(a, "run")) {
			tool_runs(c, t, w, fl, j + 1, n, cwd, weak, unwraps);
			return;
		}
		if (a[0] != '-' || !a[1])
			return; /* another of uv tool's subcommands */
		if (a[1] == '-' ? strchr(a, '=') || in(a, uv_flags) : !a[strspn(a + 1, "qvnh") + 1])
			continue;
		if (!in(a, t->valued)) {
			cannot_read(c);
			return;
		}
		j++;
	}
}

/* A project tool (t) with its arguments from i: the subcommand is the first
 * word that is no option (or an option that makes the env, pipenv's
 * --python); it makes the env of the project it works in. */
static void tool_cmd(struct ctx *c, const struct tool *t, char **w, const unsigned char *fl,
		     size_t i, size_t n, char **cwd, int weak, const char *label, int unwraps)
{
	char *dir = NULL;
	const char *sub = NULL, *dir_word;
	size_t j, end = n;
	int seen = 0;

	for (j = i; j < n; j++) {
		const char *a = w[j];

		if (!strcmp(a, "--")) {
			end = j;
			break;
		}
		if (a[0] != '-' || !a[1] || (fl[j] & W_DYN) || in(a, t->makes)) {
			sub = fl[j] & W_DYN ? NULL : a;
			break;
		}
		if (!strchr(a, '=') && (in(a, t->valued) || in(a, t->dir_opts)))
			j++;
	}
	if (sub && !strcmp(t->name, "pdm") && (!strcmp(sub, "init") || !strcmp(sub, "new")))
		pdm_init(c, w, fl, j + 1, n, sub);
	/* uv tool run CMD (uvx): a tool's env of its own, and CMD */
	if (sub && !strcmp(t->name, "uv") && !strcmp(sub, "tool"))
		uv_tool(c, t, w, fl, j + 1, n, cwd, weak, unwraps);
	if (!sub || !in(sub, t->makes))
		return;
	/* the options before and after the subcommand, up to its command */
	dir_word = tool_dir(t, w, fl, i, end, &seen);
	if (seen)
		dir = dir_word ? normal(c, *cwd, dir_word) : NULL;
	else if (*cwd && !(dir = strdup(*cwd)))
		c->oom = 1;
	j++;
	if (!strcmp(t->name, "uv") && !strcmp(sub, "venv")) {
		/* uv venv [PATH]: PATH, else the project's .venv */
		int named = 0;

		for (; j < n; j++) {
			if (w[j][0] == '-' && w[j][1]) {
				if (!strchr(w[j], '=') && in(w[j], t->valued))
					j++;
				continue;
			}
			named = 1;
			if (names_env(c, *cwd, w[j], fl[j]))
				made(c, weak, label, sub);
			break;
		}
		if (!named && works_here(c, dir))
			made(c, weak, label, sub);
		free(dir);
		return;
	}
	/* poetry env use, pdm venv create: the second word says */
	if (((!strcmp(sub, "env") && strcmp(t->name, "hatch")) || !strcmp(sub, "venv")) &&
	    (j >= n || (strcmp(w[j], "use") && strcmp(w[j], "create")))) {
		free(dir);
		return;
	}
	if (works_here(c, dir))
		made(c, weak, label, sub);
	free(dir);
	/* poetry run CMD..., hatch env run CMD...: CMD is a command of its own */
	if (!strcmp(sub, t->runs))
		tool_runs(c, t, w, fl, j, n, cwd, weak, unwraps);
	else if (!strcmp(t->name, "hatch") && !strcmp(sub, "env") && j < n && !strcmp(w[j], "run"))
		tool_runs(c, t, w, fl, j + 1, n, cwd, weak, unwraps);
}

/* The options conda, mamba and micromamba take before their subcommand
 * and after run, as their parsers read them. conda: generate_pre_parser
 * and generate_parser in conda/cli/conda_argparse.py, run's own in
 * conda/cli/main_run.py, add_parser_prefix_to_group and
 * add_parser_verbose in conda/cli/helpers.py, at conda
 * 0f64223fb8da4328457a69fe6483959dbb783152 (argparse: -nNAME and
 * --name=NAME, short flags joined, a long option shortened while it is
 * unambiguous). micromamba (and mamba 2, the same CLI11 program):
 * init_general_options, init_rc_options and init_prefix_options in
 * micromamba/src/common_options.cpp, set_umamba_command in
 * micromamba/src/umamba.cpp and set_run_command in micromamba/src/run.cpp,
 * at mamba 03564bf4875fd7a5491f11ccf059d50512adf8b3 (CLI11: the same joined
 * forms, no shortening, no option of the program after its subcommand).
 * One table per position holds both tools': where one takes an option the
 * other has not, the other stops with an error and runs nothing; no option
 * takes a value in one and none in the other. Any other option (a
 * shortening, --rc-file's list, a new option) may take the next word as
 * its value or not: which word is the command cannot be told, and the
 * lines are unreadable. */
struct opt_table {
	const char *valued_letters, *flag_letters;
	const char *const *valued, *const *flags;
};
static const char *const conda_top_valued[] = { "--log-level", "--root-prefix", "--prefix",
						 "--relocate-prefix", "--name", NULL };
static const char *const conda_top_flags[] = {
	"--verbose", "--debug", "--trace", "--json", "--no-plugins", "--version", "--help",
	"--no-rc", "--no-env", "--quiet", "--yes", "--offline", "--dry-run", "--download-only",
	"--use-uv", "--print-context-only", "--print-config-only", NULL
};
static const struct opt_table conda_top = { "rpn", "vqyVh", conda_top_valued, conda_top_flags };
static const char *const conda_run_valued[] = { "--name", "--prefix", "--cwd", "--root-prefix",
						"--relocate-prefix", "--attach", "--env",
						"--label", NULL };
static const char *const conda_run_flags[] = {
	"--verbose", "--debug", "--trace", "--dev", "--debug-wrapper-scripts",
	"--no-capture-output", "--live-stream", "--detach", "--clean-env", "--help", NULL
};
static const struct opt_table conda_run_opts = { "nprae", "vsdh", conda_run_valued,
						 conda_run_flags };

/* The option w (not "--") as t says: how many words it takes (1 or 2),
 * or 0 when venvhook does not know it. */
static size_t opt_words(const struct opt_table *t, const char *w)
{
	const char *eq = strchr(w, '='), *const *o;
	size_t k;

	if (!w[1])
		return 0; /* "-": a word, no option */
	if (w[1] == '-') {
		if (in(w, t->flags))
			return 1;
		for (o = t->valued; *o; o++)
			if (!strcmp(w, *o))
				return 2;
			else if (eq && (size_t)(eq - w) == strlen(*o) && !strncmp(w, *o, (size_t)(eq - w)))
				return 1;
		return 0;
	}
	/* -vs, -nNAME, -vn NAME: flags, then a letter whose value is the
	 * rest of the word or the next word */
	for (k = 1; w[k]; k++) {
		if (strchr(t->valued_letters, w[k]))
			return w[k + 1] ? 1 : 2;
		if (!strchr(t->flag_letters, w[k]))
			return 0;
	}
	return 1;
}

/* conda run [options] CMD: CMD is a command of its own (it may bring
 * files), run in --cwd's directory when one is given (then where it runs
 * is not known: a relative path names nothing). */
static void conda_run(struct ctx *c, char **w, const unsigned char *fl, size_t n, size_t j,
		      char **cwd, int weak, int unwraps)
{
	char *there = NULL, **at = cwd;
	size_t take;

	for (; j < n && w[j][0] == '-' && w[j][1]; j += take) {
		if (!strcmp(w[j], "--")) {
			/* a second "--": argparse may keep it, and conda's run
			 * then drops it too, or run it as the command */
			if (++j < n && !strcmp(w[j], "--")) {
				cannot_read(c);
				return;
			}
			break;
		}
		if ((fl[j] & W_DYN) || !(take = opt_words(&conda_run_opts, w[j]))) {
			cannot_read(c); /* which word is the command */
			return;
		}
		if (!strcmp(w[j], "--cwd") || !strncmp(w[j], "--cwd=", 6))
			at = &there;
	}
	if (j < n)
		judge(c, w + j, fl + j, n - j, at, weak, 0, unwraps + 1);
	free(there);
}

/* conda create -p PATH, conda env create -p PATH (mamba and micromamba
 * the same; --prefix PATH, --prefix=PATH, -pPATH: argparse's forms,
 * add_parser_prefix in conda/cli/helpers.py at conda 0f64223f): PATH is
 * the prefix it makes. create --clone SRC copies another prefix's files
 * (a copier: what it brings could be anyone's). conda create -n NAME,
 * which makes an env in conda's envs directories, is not read: such an
 * env is named by a project's environment.yml, and a project can only
 * name one, never bring one (condaenv.h), so it needs an allow. */
static const char *const conda_tools[] = { "conda", "mamba", "micromamba", NULL };

/* --clone as argparse takes it: a long option may be shortened while it is
 * unambiguous (conda's parsers keep allow_abbrev), so --clon is --clone;
 * --clo, which --clobber shares, is an error there and a clone here. */
static int conda_clone_opt(const char *w)
{
	size_t len = strcspn(w, "=");

	return len >= 5 && len <= 7 && !strncmp(w, "--clone", len);
}

static void conda_cmd(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd,
		      int weak, const char *label, int unwraps)
{
	const char *p;
	size_t j = 1;

	while (j < n && w[j][0] == '-') {
		size_t take = fl[j] & W_DYN ? 0 : opt_words(&conda_top, w[j]);

		if (!take) {
			cannot_read(c); /* which word is the subcommand */
			return;
		}
		j += take;
	}
	if (j < n && (fl[j] & W_DYN)) {
		cannot_read(c); /* run, or create --clone */
		return;
	}
	if (j < n && !strcmp(w[j], "run")) {
		conda_run(c, w, fl, n, j + 1, cwd, weak, unwraps);
		return;
	}
	if (j < n && !(fl[j] & W_DYN) && !strcmp(w[j], "env"))
		j++;
	if (j >= n || (fl[j] & W_DYN) || strcmp(w[j], "create"))
		return;
	for (j++; j < n; j++) {
		/* a word a variable names could be --clone */
		if (fl[j] & W_DYN) {
			cannot_read(c);
			continue;
		}
		if (conda_clone_opt(w[j]))
			brought(c, label, "create --clone");
		p = NULL;
		if ((!strcmp(w[j], "-p") || !strcmp(w[j], "--prefix")) && j + 1 < n)
			p = w[++j];
		else if (!strncmp(w[j], "--prefix=", 9))
			p = w[j] + 9;
		else if (!strncmp(w[j], "-p", 2) && w[j][2])
			p = w[j] + 2;
		if (p && names_env(c, *cwd, p, fl[j]))
			made(c, weak, label, "create");
	}
}

/* pixi: the subcommands that install the default env,
 * PROJECT/.pixi/envs/default (PIXI_DIR, ENVIRONMENTS_DIR,
 * DEFAULT_ENVIRONMENT_NAME in crates/pixi_consts/src/consts.rs), of the
 * project it finds from the directory it runs in, nearest first; their
 * aliases (crates/pixi_cli/src/lib.rs); the options that take a value
 * (the global ones there, -m/--manifest-path, -w/--workspace and
 * -s/--script in cli_config.rs, ConfigCli in crates/pixi_config/src/lib.rs,
 * run's and exec's own, add's and upgrade's -f/--feature), all at pixi
 * 2b25fc76dd3b5cc50a235387d948474975c40d73. clap reads -mPATH, -m=PATH
 * and -vm PATH as -m PATH, refuses an option given twice (nothing runs),
 * and shortens no long option. */
static const char *const pixi_makes[] = { "install", "i", "add", "a", "remove", "rm", "update",
					  "upgrade", "reinstall", "run", "r", "shell", "s",
					  "shell-hook", NULL };
static const char *const pixi_valued[] = {
	"--color", "-m", "--manifest-path", "-w", "--workspace", "-s", "--script", "-e",
	"--environment", "-p", "--platform", "--auth-file", "--concurrent-downloads",
	"--concurrent-solves", "--pinning-strategy", "--pypi-keyring-provider", "--tls-root-certs",
	"--config-file", "--spec", "--with", "-c", "--channel", "-f", "--feature", NULL
};
/* the short options that take a value (those above), and the global
 * flags -v and -q, which may come first in a cluster */
static const char pixi_valued_letters[] = "mwsepcf";
static const char pixi_flag_letters[] = "vq";

/* The manifests pixi's walk up stops at, in a directory: WORKSPACE_MANIFEST,
 * PYPROJECT_MANIFEST, MOJOPROJECT_MANIFEST (consts.rs), provenance_from_dir
 * in crates/pixi_manifest/src/discovery.rs at the same commit. */
static const char *const pixi_manifests[] = { "pixi.toml", "pyproject.toml", "mojoproject.toml",
					      NULL };

/* The project an env of pixi's belongs to: env less /.pixi/envs/default,
 * or NULL. */
static char *pixi_project(struct ctx *c, const char *env)
{
	static const char tail[] = "/.pixi/envs/default";
	size_t n = env ? strlen(env) : 0, t = sizeof(tail) - 1;
	char *proj;

	if (n <= t || strcmp(env + n - t, tail))
		return NULL;
	proj = n == t + 1 ? strdup("/") : strndup(env, n - t);
	if (!proj)
		c->oom = 1;
	return proj;
}

/* The real path of path, relative to dir unless absolute, as the kernel
 * resolves it (pixi canonicalizes its start and -m's path: a symlink's
 * target and then its "..", not the shell's logical path); NULL when it
 * cannot be told. */
static char *real_of(struct ctx *c, const char *dir, const char *path)
{
	struct vh_buf b = VH_BUF_INIT;
	char *out = NULL;

	if (path[0] != '/' && !dir)
		return NULL;
	if ((path[0] != '/' && (vh_buf_puts(&b, dir) < 0 || vh_buf_putc(&b, '/') < 0)) ||
	    vh_buf_puts(&b, path) < 0)
		c->oom = 1;
	else
		out = realpath(b.data, NULL);
	vh_buf_free(&b);
	return out;
}

/* 1 when dir holds anything by a name pixi reads as a manifest (lstat, any
 * type: pixi skips a pyproject.toml without [tool.pixi] and walks on past
 * a package's pixi.toml, which this does not read: it fails closed). */
static int pixi_manifest_in(struct ctx *c, const char *dir)
{
	const char *const *m;
	struct stat st;
	char *p;
	int yes = 0;

	for (m = pixi_manifests; *m && !yes && !c->oom; m++) {
		if (!(p = malloc(strlen(dir) + strlen(*m) + 2))) {
			c->oom = 1;
			break;
		}
		sprintf(p, "%s/%s", strcmp(dir, "/") ? dir : "", *m);
		yes = lstat(p, &st) == 0;
		free(p);
	}
	return yes;
}

/* 1 when pixi run from cwd (or on the manifest or directory -m names)
 * works in the project of the env: pixi walks up from the real cwd to the
 * nearest directory with a manifest, which must be the project's own (one
 * in between, a nested project, is the one it installs); -m names a
 * manifest in the project's directory, or the directory itself. */
static int pixi_works_here(struct ctx *c, const char *env, const char *cwd, const char *manifest)
{
	char *proj = pixi_project(c, env), *rproj = NULL, *r = NULL, *d = NULL;
	struct stat st;
	int yes = 0;

	/* each walk costs a realpath and lstats up the tree: past a few, a
	 * line of pixi commands is not read (bounded, failing closed) */
	if (++c->pixi_walks > VH_PIXI_WALKS_MAX) {
		cannot_read(c);
		goto done;
	}
	if (!proj || !(rproj = real_of(c, NULL, proj)))
		goto done;
	if (!manifest) {
		/* up from the real cwd to the nearest manifest */
		for (r = cwd ? real_of(c, NULL, cwd) : NULL; r && !c->oom;) {
			char *up;

			if (!strcmp(r, rproj)) {
				/* the project's own, if it holds a manifest (else
				 * pixi walks on past it, or finds no project) */
				yes = pixi_manifest_in(c, r);
				break;
			}
			if (pixi_manifest_in(c, r))
				break; /* a nested project, or another */
			if (!strcmp(r, "/"))
				break; /* no project here: not the env's */
			up = parent(c, r);
			free(r);
			r = up;
		}
	} else if ((r = real_of(c, cwd, manifest)) && stat(r, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			yes = !strcmp(r, rproj) && pixi_manifest_in(c, r);
		} else if (in(base(r), pixi_manifests)) {
			d = parent(c, r);
			yes = d && !strcmp(d, rproj);
		}
	}
done:
	free(d);
	free(r);
	free(rproj);
	free(proj);
	return yes && !c->oom;
}

/* pixi run and exec: the words after their options are a command. */
static int pixi_runs(const char *sub)
{
	return sub && (!strcmp(sub, "run") || !strcmp(sub, "r") || !strcmp(sub, "exec") ||
		       !strcmp(sub, "x"));
}

/* The option at w[j] as clap reads it: its name into name ("-m",
 * "--manifest-path"; "" for a cluster of -v and -q alone), its value (or
 * NULL) into *v; returns the index of its last word. *unknown: a cluster
 * with a letter venvhook does not know after its first (-xy), where which
 * word is a value cannot be told. */
static size_t pixi_opt(char **w, size_t n, size_t j, char *name, const char **v, int *unknown)
{
	const char *a = w[j], *eq = strchr(a, '=');
	size_t k;

	*v = NULL;
	*unknown = 0;
	if (a[1] == '-') {
		size_t len = eq ? (size_t)(eq - a) : strlen(a);

		snprintf(name, 48, "%.*s", (int)(len < 47 ? len : 47), a);
		if (eq)
			*v = eq + 1;
		else if (in(a, pixi_valued) && j + 1 < n)
			*v = w[++j];
		return j;
	}
	for (k = 1; a[k] && strchr(pixi_flag_letters, a[k]); k++)
		;
	name[0] = '\0';
	if (!a[k])
		return j; /* -v, -vvq */
	name[0] = '-';
	name[1] = a[k];
	name[2] = '\0';
	if (!strchr(pixi_valued_letters, a[k])) {
		*unknown = a[k + 1] != '\0'; /* -x alone: a flag (run's -x) */
		return j;
	}
	if (a[k + 1])
		*v = a + k + 1 + (a[k + 1] == '=');
	else if (j + 1 < n)
		*v = w[++j];
	return j;
}

/* What pixi's options said: the manifest -m names; whether it installs
 * the default env; whether it works elsewhere than the directory says
 * (or cannot be told); how many of -m, -w, -s were given. */
struct pixi_read {
	const char *manifest;
	int installs, elsewhere, located;
};

/* The option name (pixi_opt's) with its value v (or NULL) into r. */
static void pixi_option(struct pixi_read *r, const char *name, const char *v)
{
	if (!strcmp(name, "--manifest-path") || !strcmp(name, "-m") ||
	    !strcmp(name, "--workspace") || !strcmp(name, "-w") || !strcmp(name, "--script") ||
	    !strcmp(name, "-s")) {
		/* given twice (clap refuses it), a registered workspace, a
		 * script's env, a path venvhook cannot read */
		int path = !strcmp(name, "-m") || !strcmp(name, "--manifest-path");

		if (r->located++ || !v || !path)
			r->elsewhere = 1;
		else
			r->manifest = v;
	} else if (!strcmp(name, "--environment") || !strcmp(name, "-e")) {
		if (!v || strcmp(v, "default"))
			r->installs = 0; /* another env than the default */
	} else if (!strcmp(name, "--feature") || !strcmp(name, "-f")) {
		r->installs = 0; /* the envs that hold the feature */
	} else if (!strcmp(name, "--no-install") || !strcmp(name, "--as-is")) {
		r->installs = 0;
	}
}

static void pixi_cmd(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd,
		     int weak, int unwraps)
{
	struct pixi_read r = { NULL, 1, c->pixi_vars, 0 };
	const char *sub = NULL;
	size_t j, task = 0;

	for (j = 1; j < n; j++) {
		const char *a = w[j], *v = NULL;
		char name[48];
		size_t at = j;
		int unknown;

		if (fl[j] & W_DYN) {
			if (!sub) {
				cannot_read(c); /* which subcommand, which command it runs */
				return;
			}
			if (a[0] == '-') {
				r.elsewhere = 1; /* an option venvhook cannot read */
			} else if (pixi_runs(sub)) {
				task = j;
				break;
			}
			continue;
		}
		if (a[0] != '-' || !a[1]) {
			if (!sub) {
				sub = a;
				if (!in(sub, pixi_makes) && !pixi_runs(sub))
					return;
				continue;
			}
			if (pixi_runs(sub)) {
				task = j; /* run's task, exec's command: the rest is theirs */
				break;
			}
			continue; /* a package, a spec */
		}
		if (!strcmp(a, "--")) {
			if (pixi_runs(sub))
				task = j + 1 < n ? j + 1 : 0;
			break;
		}
		j = pixi_opt(w, n, j, name, &v, &unknown);
		if (unknown) {
			/* -xy: a cluster venvhook does not know: which word is
			 * a value cannot be told */
			if (!sub || pixi_runs(sub)) {
				cannot_read(c);
				return;
			}
			r.elsewhere = 1;
			continue;
		}
		if (v && j > at && (fl[j] & W_DYN))
			v = NULL;
		pixi_option(&r, name, v);
	}
	if (!sub)
		return;
	if (strcmp(sub, "exec") && strcmp(sub, "x") && r.installs && !r.elsewhere &&
	    (pixi_works_here(c, c->env, *cwd, r.manifest) ||
	     pixi_works_here(c, c->real, *cwd, r.manifest)))
		made(c, weak, "pixi", sub);
	/* pixi run CMD, pixi exec CMD: CMD is a command of its own */
	if (task && task < n)
		judge(c, w + task, fl + task, n - task, cwd, weak, 0, unwraps + 1);
}

/* python [options] -m MODULE args. */
static void python_cmd(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd,
		       int weak, int unwraps)
{
	const char *mod = NULL, *name = base(program_name(w[0]));
	const struct tool *t;
	size_t j = 1, k;

	while (j < n && !mod) {
		const char *a = w[j];

		if ((fl[j] & W_DYN) || a[0] != '-' || !a[1]) {
			/* a script: venvhook cannot read it (a syntax read as
			 * POSIX: nor anything else it does not know) */
			if (c->strict || (fl[j] & W_DYN))
				cannot_read(c);
			return;
		}
		if (a[1] == '-') {
			if (!strcmp(a, "--check-hash-based-pycs"))
				j++;
			j++;
			continue;
		}
		for (k = 1; a[k]; k++) {
			if (a[k] == 'c') {
				cannot_read(c); /* python -c CODE: code may unpack */
				return;
			}
			if (a[k] == 'm') {
				mod = a[k + 1] ? a + k + 1 : (j + 1 < n && !(fl[j + 1] & W_DYN) ? w[++j] : NULL);
				break;
			}
			if (a[k] == 'W' || a[k] == 'X') {
				if (!a[k + 1])
					j++;
				break;
			}
		}
		j++;
	}
	if (!mod)
		return;
	if (!strcmp(mod, "venv") || !strcmp(mod, "virtualenv")) {
		char label[48];

		note(label, name, "-m");
		make_dirs(c, w, fl, j, n, *cwd, weak, label, mod,
			  !strcmp(mod, "venv") ? venv_valued : virtualenv_valued);
	} else if (!strcmp(mod, "zipfile") || !strcmp(mod, "tarfile") || !strcmp(mod, "shutil") ||
		   in_fold(mod, bring_any)) {
		brought(c, name, mod);
	} else {
		for (t = tools; t->name; t++)
			if (!strcmp(t->name, mod))
				tool_cmd(c, t, w, fl, j, n, cwd, weak, t->name, unwraps);
	}
}

static int python_name(const char *name)
{
	const char *s;

	if (!strncmp(name, "python", 6))
		s = name + 6;
	else if (!strncmp(name, "pypy", 4))
		s = name + 4;
	else
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || *s == '.'))
			return 0;
	return 1;
}

/* cp, mv, ln, install, rsync, scp, ditto: their options that take a value
 * (short letters, long names) and whether -t names the destination. */
struct copier {
	const char *name, *letters;
	const char *const *longs;
	int target;
};
static const char *const cp_long[] = { "--suffix", "--target-directory", NULL };
static const char *const install_long[] = { "--suffix", "--target-directory", "--mode", "--owner",
					    "--group", "--strip-program", NULL };
static const char *const rsync_long[] = {
	"--rsh", "--filter", "--temp-dir", "--block-size", "--remote-option", "--exclude",
	"--include", "--files-from", "--exclude-from", "--include-from", "--partial-dir",
	"--backup-dir", "--link-dest", "--compare-dest", "--copy-dest", "--chmod", "--chown",
	"--port", "--password-file", "--max-size", "--min-size", "--log-file", "--out-format",
	"--rsync-path", "--timeout", "--contimeout", "--bwlimit", "--iconv", "--usermap",
	"--groupmap", "--info", "--debug", "--suffix", "--max-delete", "--modify-window",
	"--skip-compress", "--address", "--sockopts", "--outbuf", "--write-batch", "--read-batch",
	"--only-write-batch", "--compress-choice", "--checksum-choice", "--stop-after", "--stop-at",
	"--early-input", "--log-file-format", NULL
};
static const struct copier copiers[] = {
	{ "cp", "S", cp_long, 1 },	     { "gcp", "S", cp_long, 1 },
	{ "mv", "S", cp_long, 1 },	     { "gmv", "S", cp_long, 1 },
	{ "ln", "S", cp_long, 1 },	     { "gln", "S", cp_long, 1 },
	{ "install", "Smog", install_long, 1 }, { "ginstall", "Smog", install_long, 1 },
	{ "rsync", "efTBM", rsync_long, 0 }, { "scp", "cDFiJloPSX", none_long, 0 },
	{ "ditto", "", none_long, 0 },	     { NULL, NULL, NULL, 0 },
};

/* The copier name names (case-insensitive, as in_fold), or NULL. */
static const struct copier *copier_of(const char *name)
{
	const struct copier *cp;

	for (cp = copiers; cp->name; cp++)
		if (in_fold(name, (const char *const[]){ cp->name, NULL }))
			return cp;
	return NULL;
}

/* 1 for ln and GNU's gln. */
static int is_ln(const struct copier *cp)
{
	return !strcmp(cp->name + (cp->name[0] == 'g'), "ln");
}

/* 1 when a tree put at r could be the env, hold it or be inside it. */
static int touches(const struct ctx *c, const char *r)
{
	return (c->env && (at_or_above(r, c->env) || at_or_above(c->env, r))) ||
	       (c->real && (at_or_above(r, c->real) || at_or_above(c->real, r)));
}

/* 1 when anything put inside d could be the env or hold it. */
static int under(const struct ctx *c, const char *d)
{
	return (c->env && at_or_above(d, c->env)) || (c->real && at_or_above(d, c->real));
}

/* dest/<the last name of src> (NULL: out of memory). */
static char *arrival(struct ctx *c, const char *d, const char *src, size_t len)
{
	const char *slash;
	struct vh_buf b = VH_BUF_INIT;
	char *r;

	for (slash = src + len; slash > src && slash[-1] != '/'; slash--)
		;
	if (vh_buf_puts(&b, d) < 0 || vh_buf_putc(&b, '/') < 0 ||
	    vh_buf_add(&b, slash, (size_t)(src + len - slash)) < 0) {
		vh_buf_free(&b);
		c->oom = 1;
		return NULL;
	}
	r = normal(c, NULL, b.data);
	vh_buf_free(&b);
	return r;
}

/* A copier's words: the indexes of its sources into src (*nsrc of them),
 * and the destination its -t or --target-directory names (*dest, NULL
 * when none does). */
static void copier_words(size_t *src, size_t *nsrc, const char **dest, unsigned char *dest_fl,
			 const struct copier *cp, char **w, const unsigned char *fl, size_t n)
{
	size_t j, k;
	int dashdash = 0;

	for (j = 1; j < n; j++) {
		const char *a = w[j];

		if (dashdash || a[0] != '-' || !a[1] || (fl[j] & W_DYN)) {
			src[(*nsrc)++] = j;
			continue;
		}
		if (!strcmp(a, "--")) {
			dashdash = 1;
		} else if (a[1] == '-') {
			const char *eq = strchr(a, '=');

			if (cp->target && !strncmp(a, "--target-directory", 18) && (!a[18] || eq)) {
				if (eq) {
					*dest = eq + 1;
					*dest_fl = fl[j];
				} else if (j + 1 < n) {
					*dest = w[++j];
					*dest_fl = fl[j];
				}
			} else if (!eq && in(a, cp->longs) && j + 1 < n) {
				j++;
			}
		} else {
			/* a cluster of letters; the first that takes a value takes
			 * the rest of the word, or the next word */
			for (k = 1; a[k]; k++) {
				int t = cp->target && a[k] == 't';

				if (!t && !strchr(cp->letters, a[k]))
					continue;
				if (a[k + 1]) {
					if (t) {
						*dest = a + k + 1;
						*dest_fl = fl[j];
					}
				} else if (j + 1 < n) {
					j++;
					if (t) {
						*dest = w[j];
						*dest_fl = fl[j];
					}
				}
				break;
			}
		}
	}
}

/* Charges the budget for a path of path's names looked up n times each
 * (n 0: as many times as it has names, realpath's cost); 1 while the
 * judgement is within it. */
static int lookups(struct ctx *c, const char *path, size_t len, size_t n)
{
	size_t names = 1, i;

	for (i = 0; i < len; i++)
		names += path[i] == '/';
	c->real_lookups += names * (n ? n : names);
	return c->real_lookups <= VH_REAL_LOOKUPS_MAX;
}

/* The destination as the kernel resolves it now, normalised: the real
 * path of its longest part that exists, with the names after it (a new
 * directory) appended. A project's own symlink (data -> .) puts a copy
 * where the text does not say. NULL when it cannot be told: a part that
 * exists but does not resolve, more new names than a copy makes, or past
 * the judgement's budget (and out of memory: c->oom). */
static char *real_dest(struct ctx *c, const char *cwd, const char *dest)
{
	struct vh_buf b = VH_BUF_INIT, o = VH_BUF_INIT;
	char *r = NULL, *out = NULL;
	size_t len;
	int k;

	if (dest[0] != '/' && !cwd)
		goto done;
	if ((dest[0] != '/' && (vh_buf_puts(&b, cwd) < 0 || vh_buf_putc(&b, '/') < 0)) ||
	    vh_buf_puts(&b, dest) < 0)
		goto oom;
	for (len = b.len, k = 0; k <= VH_REAL_NEW_MAX; k++) {
		char save = b.data[len];

		if (!lookups(c, b.data, len, 0))
			goto done;
		b.data[len] = '\0';
		r = realpath(b.data, NULL);
		b.data[len] = save;
		if (r || (errno != ENOENT && errno != ENOTDIR) || len <= 1)
			break;
		/* not there (yet): its parent, the name kept for after */
		while (len > 1 && b.data[len - 1] == '/')
			len--;
		while (len > 1 && b.data[len - 1] != '/')
			len--;
	}
	if (!r)
		goto done;
	if (vh_buf_puts(&o, r) < 0 || vh_buf_putc(&o, '/') < 0 ||
	    vh_buf_add(&o, b.data + len, b.len - len) < 0)
		goto oom;
	out = normal(c, NULL, o.data);
	goto done;
oom:
	c->oom = 1;
done:
	free(r);
	vh_buf_free(&b);
	vh_buf_free(&o);
	return out;
}

/* 1 when the sources put in d (normalised) could be the env, hold it or be
 * inside it: each arrives as d/<its last name>; with itself, as d too (one
 * source: a new directory); rsync's src/ puts its contents in d; a glob or
 * a variable among the sources could put anything in d. */
static int puts_env(struct ctx *c, const struct copier *cp, char **w, const unsigned char *fl,
		    const size_t *src, size_t nsrc, const char *d, int itself)
{
	size_t k;
	int hit = 0;
	char *r;

	for (k = 0; k < nsrc && !hit && !c->oom; k++) {
		const char *s = w[src[k]];
		size_t len = strlen(s);

		if (fl[src[k]] & W_DYN) {
			hit = under(c, d);
			continue;
		}
		while (len > 1 && s[len - 1] == '/')
			len--;
		if (!strcmp(cp->name, "rsync") && len < strlen(s))
			itself = 1; /* src/: its contents into dest */
		r = arrival(c, d, s, len);
		hit = r && touches(c, r);
		free(r);
	}
	return hit || (itself && touches(c, d));
}

/* ln TARGET... to d: a link to the env or to a directory above it lets a
 * later command reach the env by a name the reader does not follow, then
 * go (`ln -s . d && cp -r X/. d/.venv/ && rm d`). A symbolic TARGET is
 * relative to the link's directory (d, or d's parent), a hard one to cwd:
 * 1 when any of them puts one at or above the env. */
static int links_env(struct ctx *c, char **w, const unsigned char *fl, const size_t *src,
		     size_t nsrc, const char *d, const char *cwd)
{
	char *up = parent(c, d), *r;
	const char *from[3];
	size_t k, f;
	int hit = 0;

	from[0] = cwd;
	from[1] = d;
	from[2] = up;
	for (k = 0; k < nsrc && !hit && !c->oom; k++)
		for (f = 0; f < 3 && !hit && !(fl[src[k]] & W_DYN); f++) {
			r = normal(c, from[f], w[src[k]]);
			hit = r && under(c, r);
			free(r);
		}
	free(up);
	return hit;
}

/* Brought when what it puts could be the env, hold it, or be inside it,
 * by the destination's text or by where the kernel resolves it now, or
 * when it links to the env or above it (ln). A destination venvhook
 * cannot resolve could be anywhere. */
static void bring_to_cmd(struct ctx *c, const struct copier *cp, char **w,
			 const unsigned char *fl, size_t n, const char *cwd, int cut)
{
	const char *dest = NULL;
	unsigned char dest_fl = 0;
	size_t nsrc = 0, *src = NULL;
	int hit = 0;
	char *d = NULL, *rd = NULL, *rcwd = NULL;

	if (cut) {
		brought(c, cp->name, NULL);
		return;
	}
	src = malloc(n * sizeof(*src));
	if (!src) {
		c->oom = 1;
		return;
	}
	copier_words(src, &nsrc, &dest, &dest_fl, cp, w, fl, n);
	if (!dest && nsrc == 1 && is_ln(cp)) {
		dest = "."; /* ln TARGET: a link by its last name, here */
	} else if (!dest) {
		if (nsrc < 2)
			goto done; /* nothing is put anywhere */
		nsrc--;
		dest = w[src[nsrc]];
		dest_fl = fl[src[nsrc]];
	}
	if (!nsrc)
		goto done;
	d = dest_fl & W_DYN ? NULL : normal(c, cwd, dest);
	if (!d) {
		hit = !c->oom;
		goto done;
	}
	/* dest itself can only be new with one source, and never the
	 * directory the command ran in or one above it */
	hit = puts_env(c, cp, w, fl, src, nsrc, d, nsrc == 1 && !(cwd && at_or_above(d, cwd)));
	if (!hit && is_ln(cp))
		hit = links_env(c, w, fl, src, nsrc, d, cwd);
	if (hit || c->oom || !c->counting)
		goto done;
	rd = real_dest(c, cwd, dest);
	if (!rd) {
		hit = !c->oom; /* where, cannot be told: anywhere */
	} else if (strcmp(rd, d)) {
		rcwd = cwd ? real_dest(c, NULL, cwd) : NULL;
		hit = puts_env(c, cp, w, fl, src, nsrc, rd, nsrc == 1 && !(rcwd && at_or_above(rd, rcwd)));
	}
done:
	if (hit)
		brought(c, cp->name, NULL);
	free(d);
	free(rd);
	free(rcwd);
	free(src);
}

/* sh -c STRING, eval WORDS: the string read as commands of their own. */
static void read_string(struct ctx *c, const char *s, char **cwd, int weak, enum vh_dialect d)
{
	const char *p = c->p, *end = c->end;
	enum vh_dialect was = c->dialect;
	int was_strict = c->strict;
	char *copy = strdup(s);

	if (!copy) {
		c->oom = 1;
		return;
	}
	c->p = copy;
	c->end = copy + strlen(copy);
	c->strict = c->strict || d == VH_DIALECT_OTHER;
	c->dialect = d == VH_DIALECT_OTHER ? VH_DIALECT_POSIX : d;
	nested(c, cwd, 0, weak);
	c->dialect = was;
	c->strict = was_strict;
	c->p = p;
	c->end = end;
	free(copy);
}

/* *yes: path is a directory now (stat: through symlinks, as cd goes).
 * Returns 0, or VH_ETOOBIG past the judgement's budget of paths asked. */
static int dir_now(int *yes, struct ctx *c, const char *path)
{
	struct stat st;

	if (!lookups(c, path, strlen(path), 1))
		return VH_ETOOBIG;
	*yes = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	return 0;
}

static void cd_cmd(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd)
{
	size_t j = 1;
	char *to = NULL;

	while (j < n && w[j][0] == '-' && w[j][1] && strcmp(w[j], "--") && !(fl[j] & W_DYN))
		j++;
	if (j < n && !strcmp(w[j], "--"))
		j++;
	if (j == n && !strcmp(base(w[0]), "popd"))
		to = NULL; /* the stack: not followed */
	else if (j == n)
		to = c->ask->home ? normal(c, NULL, c->ask->home) : NULL;
	else if (j + 1 == n && !(fl[j] & W_DYN) && strcmp(w[j], "-") && w[j][0] != '+')
		to = normal(c, *cwd, w[j]);
	if (to && j < n) {
		int dir = 0;

		/* a cd to no directory now failed, or went into one that is
		 * gone by now (`mkdir b && builtin cd b && … && rmdir b`):
		 * where the shell was, cannot be told (and past the budget);
		 * one made later on the lines is a known gap */
		if (dir_now(&dir, c, to) < 0 || !dir) {
			free(to);
			to = NULL;
		}
	}
	free(*cwd);
	*cwd = to;
}

/* ![CMD ...] and $[CMD ...] (a shell's way to run CMD, whose '[' reads
 * as a glob here): CMD's words judged as any command's, the brackets taken
 * off ("![" alone, or before the first word; "]" alone, or after the last).
 * 1 when the command is one. */
static int judge_bracket(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd,
			 int weak, int unwraps)
{
	char **w2, *last = NULL;
	unsigned char *fl2;
	size_t k = 0, i, len;

	if (!n || !((w[0][0] == '!' || w[0][0] == '$') && w[0][1] == '['))
		return 0;
	w2 = malloc(n * sizeof(*w2));
	fl2 = malloc(n);
	if (!w2 || !fl2) {
		c->oom = 1;
		goto done;
	}
	if (w[0][2]) {
		w2[k] = w[0] + 2;
		/* what made the word dynamic may be more than its '[' */
		fl2[k++] = strpbrk(w2[0], "*?[$`(") ? W_DYN : (unsigned char)(fl[0] & ~W_DYN);
	}
	for (i = 1; i < n; i++) {
		w2[k] = w[i];
		fl2[k++] = fl[i];
	}
	if (k && !strcmp(w2[k - 1], "]")) {
		k--;
	} else if (k && (len = strlen(w2[k - 1])) > 1 && w2[k - 1][len - 1] == ']') {
		if (!(last = strndup(w2[k - 1], len - 1))) {
			c->oom = 1;
			goto done;
		}
		w2[k - 1] = last;
	}
	if (!k)
		cannot_read(c);
	else
		judge(c, w2, fl2, k, cwd, weak, 0, unwraps + 1);
done:
	free(last);
	free(w2);
	free(fl2);
	return 1;
}

/* The index of the command word in w after the assignments and the words
 * that run the rest (sudo, env, nice...; unwraps counts them); *name its
 * program's name. n when there is nothing more to judge: no command, one
 * venvhook cannot read, or a command line in a string (env -S, flock -c),
 * read here. */
static size_t command_word(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd,
			   int weak, int *unwraps, const char **name)
{
	size_t i = 0, j, past;
	int flock;

	for (;;) {
		while (i < n && is_assignment(w[i]))
			i++;
		if (i >= n)
			return n; /* no command */
		if (fl[i] & W_DYN) {
			cannot_read(c); /* a program an expansion names */
			return n;
		}
		*name = base(program_name(w[i]));
		/* function NAME { BODY }: the body is read as commands (an
		 * anonymous function { BODY } too) */
		if (!strcmp(w[i], "function") && i + 1 < n) {
			i += strcmp(w[i + 1], "{") ? 2 : 1;
			continue;
		}
		if (in(w[i], inert)) {
			if (c->strict)
				cannot_read(c);
			return n;
		}
		if (!in(*name, lead) || ++*unwraps > MAX_UNWRAP)
			return i;
		/* env -S STRING as env's first option (as in a #! line), and
		 * flock FILE -c STRING (util-linux takes -c only right after the
		 * file): the string is a command line. Anywhere else -S is env's
		 * unknown option, and -c a word of flock's command. */
		flock = !strcmp(*name, "flock");
		past = flock ? after_lead(c, w, fl, n, i) : n;
		j = !strcmp(*name, "env") ? i + 1 : past;
		if (j + 1 < n && !(fl[j] & W_DYN) &&
		    (!strcmp(*name, "env") ? !strcmp(w[j], "-S") || !strcmp(w[j], "--split-string") :
					     !strcmp(w[j], "-c") || !strcmp(w[j], "--command"))) {
			if (fl[j + 1] & W_DYN)
				cannot_read(c);
			else
				read_string(c, w[j + 1], cwd, weak, VH_DIALECT_POSIX);
			return n;
		}
		i = flock ? past : after_lead(c, w, fl, n, i);
	}
}

static void eval_cmd(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd, int weak);

/* The commands that move the shell or run a command line of their own:
 * cd and its kin, sh -c, eval, find -exec. 1 when name is one (judged). */
static int judge_shell(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd,
		       int weak, const char *name, int unwraps)
{
	const struct vh_dialect_program *prog;
	size_t j;

	/* VH_DIALECT_FISH: a directory with a trailing '/' alone is a cd */
	if (n == 1 && c->dialect == VH_DIALECT_FISH && w[0][0] && w[0][strlen(w[0]) - 1] == '/') {
		if (!weak) {
			char *to = normal(c, *cwd, w[0]);

			free(*cwd);
			*cwd = to;
		}
		return 1;
	}
	if (!strcmp(name, "cd") || !strcmp(name, "chdir") || !strcmp(name, "pushd") ||
	    !strcmp(name, "popd") || !strcmp(name, "prevd") || !strcmp(name, "nextd")) {
		if (!weak) {
			if (!strcmp(name, "prevd") || !strcmp(name, "nextd")) {
				free(*cwd);
				*cwd = NULL;
			} else {
				cd_cmd(c, w, fl, n, cwd);
			}
		}
		return 1;
	}
	for (prog = c->ask->programs; prog && prog->name; prog++) {
		/* sh -c STRING (the first word after the options) */
		int dash_c = 0;

		size_t k;

		if (strcmp(name, prog->name))
			continue;
		for (j = 1; j < n && w[j][0] == '-' && w[j][1]; j++)
			if (!(fl[j] & W_DYN) && w[j][1] != '-' && strchr(w[j], 'c'))
				dash_c = 1;
		if (dash_c && j < n && !(fl[j] & W_DYN))
			read_string(c, w[j], cwd, weak, prog->dialect);
		/* an option with a value before -c (SHELL -o pipefail -c,
		 * --command=...): every other word that could be a
		 * command line is read as one that may run; code a variable
		 * holds cannot be read */
		for (k = 1; k < n; k++) {
			if (fl[k] & W_DYN)
				cannot_read(c);
			else if ((k != j || !dash_c) && w[k][strcspn(w[k], " \t\n;&|")])
				read_string(c, strchr(w[k], '=') && w[k][0] == '-' ? strchr(w[k], '=') + 1 : w[k],
					    cwd, 1, prog->dialect);
		}
		return 1;
	}
	if (!strcmp(name, "eval")) {
		eval_cmd(c, w, fl, n, cwd, weak);
		return 1;
	}
	if (!strcmp(name, "find")) {
		/* find ... -exec CMD ... ; */
		for (j = 1; j < n; j++)
			if (!strcmp(w[j], "-exec") || !strcmp(w[j], "-execdir") || !strcmp(w[j], "-ok") ||
			    !strcmp(w[j], "-okdir")) {
				size_t k = j + 1;

				while (k < n && strcmp(w[k], ";") && strcmp(w[k], "+"))
					k++;
				if (k > j + 1)
					judge(c, w + j + 1, fl + j + 1, k - j - 1, cwd, weak, 0, unwraps + 1);
				j = k;
			}
		return 1;
	}
	return 0;
}

/* eval WORDS: their text, joined, is a command line (unless a word is one
 * venvhook cannot read). */
static void eval_cmd(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd, int weak)
{
	struct vh_buf s = VH_BUF_INIT;
	size_t j;

	for (j = 1; j < n; j++) {
		if (fl[j] & W_DYN) {
			cannot_read(c); /* code a variable holds */
			vh_buf_free(&s);
			return;
		}
		if ((j > 1 && vh_buf_putc(&s, ' ') < 0) || vh_buf_puts(&s, w[j]) < 0) {
			c->oom = 1;
			vh_buf_free(&s);
			return;
		}
	}
	if (s.data)
		read_string(c, s.data, cwd, weak, c->dialect);
	vh_buf_free(&s);
}

/* 1 when the word w names a program judge reads (a lead word, a bringer,
 * a copier, git, Python, a tool that makes envs, a shell that runs a
 * string, eval, find). */
static int known_program(struct ctx *c, const char *w)
{
	const char *name = base(program_name(w));
	const struct vh_dialect_program *prog;
	const struct tool *t;

	if (in(name, lead) || in_fold(name, bring_any) || !strcmp(name, "git") || !strcmp(name, "GIT") ||
	    python_name(name) || in(name, conda_tools) || !strcmp(name, "pixi") || !strcmp(name, "eval") ||
	    !strcmp(name, "find") || !strcmp(name, "virtualenv"))
		return 1;
	if (copier_of(name))
		return 1;
	for (t = tools; t->name; t++)
		if (!strcmp(t->name, name))
			return 1;
	for (prog = c->ask->programs; prog && prog->name; prog++)
		if (!strcmp(name, prog->name))
			return 1;
	return 0;
}

/* Text a pipe may hand to a shell (echo "tar xzf p.tgz" | SHELL, cat <<<
 * "..."): a word of a command that only prints, holding a blank or a
 * separator and a bringer's name among its words, cannot be read. */
static void text_words(struct ctx *c, char **w, size_t n)
{
	const char *s, *t;
	size_t j;

	for (j = 1; j < n; j++) {
		if (!w[j][strcspn(w[j], " \t\n;&|")])
			continue;
		for (s = w[j]; *s;) {
			while (*s && one_of(*s, " \t\n;&|()<>{}`"))
				s++;
			for (t = s; *s && !one_of(*s, " \t\n;&|()<>{}`"); s++)
				;
			if (s > t && raw_bringer(t, (size_t)(s - t))) {
				cannot_read(c);
				return;
			}
		}
	}
}

/* A command venvhook does not know may run another (setsid git clone,
 * runuser -u me -- rsync, watch -x tar, su -c 'cd x && tar xf e'): its
 * words are read as what may run. At the first word that names a program
 * judge reads (by its last path component), the rest is judged as a
 * command that may run; a word holding a blank or ;&| (past an option's
 * letter or '=': su -c'...', --command=...) is read as a command line
 * that may run. Only ever adds what was brought or unreadable. */
static void unknown_cmd(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd, int cut,
			int unwraps)
{
	const char *s;
	size_t j;

	for (j = 1; j < n && !c->oom; j++) {
		if (fl[j] & W_DYN)
			continue;
		if (known_program(c, w[j])) {
			judge(c, w + j, fl + j, n - j, cwd, 1, cut, unwraps + 1);
			return;
		}
		s = w[j];
		if (s[0] == '-')
			s = strchr(s, '=') ? strchr(s, '=') + 1 : s[1] && s[1] != '-' ? s + 2 : s;
		if (s[strcspn(s, " \t\n;&|")])
			read_string(c, s, cwd, 1, VH_DIALECT_POSIX);
	}
}

/* Marks where the program word at *w began in the lines, when it is a
 * word of theirs (not of a string read as a command line). */
static void judged_at(struct ctx *c, char **w)
{
	const char *s;

	if (!c->seen || !c->cur.words || w < c->cur.words || w >= c->cur.words + c->cur.n)
		return;
	s = c->cur.src[w - c->cur.words];
	if (s && s >= c->ask->lines && s < c->ask->lines + c->ask->len)
		c->seen[s - c->ask->lines] = 1;
}

static void judge(struct ctx *c, char **w, const unsigned char *fl, size_t n, char **cwd,
		  int weak, int cut, int unwraps)
{
	const struct copier *cp;
	const struct tool *t;
	const char *name = NULL;
	size_t i, j;

	if (c->oom || unwraps > MAX_UNWRAP)
		return;
	if (judge_bracket(c, w, fl, n, cwd, weak, unwraps))
		return;
	i = command_word(c, w, fl, n, cwd, weak, &unwraps, &name);
	if (i >= n)
		return;
	judged_at(c, w + i);
	w += i;
	fl += i;
	n -= i;
	if (judge_shell(c, w, fl, n, cwd, weak, name, unwraps))
		return;
	if (in_fold(name, bring_any)) {
		brought(c, name, NULL);
		return;
	}
	if ((cp = copier_of(name)) != NULL) {
		bring_to_cmd(c, cp, w, fl, n, *cwd, cut);
		return;
	}
	if (!strcmp(name, "git") || !strcmp(name, "GIT")) {
		/* git [-C dir] [-c k=v] SUBCOMMAND */
		for (j = 1; j < n && w[j][0] == '-' && w[j][1]; j++)
			if (!strchr(w[j], '=') && (!strcmp(w[j], "-C") || !strcmp(w[j], "-c") ||
						   !strcmp(w[j], "--git-dir") || !strcmp(w[j], "--work-tree") ||
						   !strcmp(w[j], "--namespace") || !strcmp(w[j], "--config-env")))
				j++;
		if (j < n && !(fl[j] & W_DYN) && in(w[j], git_quiet))
			return;
		brought(c, name, j < n && !(fl[j] & W_DYN) ? w[j] : NULL);
		return;
	}
	if (python_name(name)) {
		python_cmd(c, w, fl, n, cwd, weak, unwraps);
		return;
	}
	if (!strcmp(name, "virtualenv")) {
		make_dirs(c, w, fl, 1, n, *cwd, weak, name, NULL, virtualenv_valued);
		return;
	}
	if (in(name, conda_tools)) {
		conda_cmd(c, w, fl, n, cwd, weak, name, unwraps);
		return;
	}
	if (!strcmp(name, "pixi")) {
		pixi_cmd(c, w, fl, n, cwd, weak, unwraps);
		return;
	}
	for (t = tools; t->name; t++)
		if (!strcmp(t->name, name)) {
			tool_cmd(c, t, w, fl, 1, n, cwd, weak, name, unwraps);
			return;
		}
	if (!in(name, strict_quiet))
		unknown_cmd(c, w, fl, n, cwd, cut, unwraps);
	else
		text_words(c, w, n);
	/* a syntax read as POSIX: a command venvhook does not know may be
	 * one of its own that fetches or unpacks (http get | save, Python) */
	if (c->strict && !in(name, strict_quiet))
		cannot_read(c);
}

/* --- the whole --- */

/* --- a second reading, of the text alone --- */

/* 1 when the len bytes at t, the quotes, backslashes and prefixes a shell
 * may put before a program's name taken off, name a program that brings
 * files (a bringer, a copier, git). */
static int raw_bringer(const char *t, size_t len)
{
	char name[64];
	const char *s = t, *e = t + len, *slash;

	for (slash = s; slash < e; slash++)
		if (one_of(*slash, "='\"") && slash + 1 < e)
			s = slash + 1; /* alias x='tar, --x=tar */
	while (s < e && one_of(*s, "\\'\"=^"))
		s++;
	if (e - s > 2 && s[0] == 'e' && s[1] == ':')
		s += 2;
	while (e > s && one_of(e[-1], "'\""))
		e--;
	for (slash = s; slash < e; slash++)
		if (*slash == '/')
			s = slash + 1;
	if (e - s <= 0 || (size_t)(e - s) >= sizeof(name))
		return 0;
	memcpy(name, s, (size_t)(e - s));
	name[e - s] = '\0';
	return in_fold(name, bring_any) || !strcmp(name, "git") || !strcmp(name, "GIT") || copier_of(name);
}

/* Programs whose other words may be code, besides the lead words: a shell
 * (runs_strings), eval and source, which run text. */
static const char *const raw_leads[] = { "eval", "source", ".", "function", NULL };

static int runs_strings(const struct ctx *c, const char *word)
{
	const struct vh_dialect_program *prog;
	const char *name = base(program_name(word));

	for (prog = c->ask->programs; prog && prog->name; prog++)
		if (!strcmp(name, prog->name))
			return 1;
	return 0;
}

/* 1 when the text, read with every quote ignored, names a program that
 * brings files as a command where the reading above judged no command:
 * the first word after a separator and assignments, or any word after a
 * lead word or a program the reader does not know (setsid tar: the
 * reader judges such words too). The two readings disagree there about
 * where a quote, a substitution or a comment ends (the shell closes a
 * quote the reader keeps open, and runs the tar it hides), so the lines
 * cannot be read. Linear in the text; it can only refuse. It also refuses
 * a bringer's name the reader rightly took as text (echo "x; tar it"):
 * such lines need an allow. */
static int raw_unjudged(struct ctx *c)
{
	const char *t0 = c->ask->lines, *s = t0, *end = t0 + c->ask->len, *t;
	int at_cmd = 1, after_lead = 0;

	while (s < end) {
		if (one_of(*s, " \t\r<>")) {
			s++;
			continue;
		}
		if (one_of(*s, ";&|(){}`!\n\037")) {
			at_cmd = 1;
			after_lead = 0;
			s++;
			continue;
		}
		for (t = s; s < end && !one_of(*s, " \t\r<>;&|(){}`\n\037"); s++)
			;
		if (!at_cmd && !after_lead)
			continue;
		if (raw_bringer(t, (size_t)(s - t)) && !c->seen[t - t0])
			return 1;
		if (!after_lead) {
			char word[256];
			size_t len = (size_t)(s - t) < sizeof(word) ? (size_t)(s - t) : sizeof(word) - 1;

			memcpy(word, t, len);
			word[len] = '\0';
			if (at_cmd && is_assignment(word))
				continue;
			after_lead = in(base(program_name(word)), lead) ||
				     in(base(program_name(word)), raw_leads) || runs_strings(c, word) ||
				     (!known_program(c, word) && !in(base(program_name(word)), strict_quiet));
		}
		at_cmd = 0;
	}
	return 0;
}

/* 1 when needle is in the len bytes at text (linear in len for a short
 * needle). */
static int mentions(const char *text, size_t len, const char *needle)
{
	size_t m = strlen(needle), i;

	for (i = 0; text && i + m <= len; i++)
		if (text[i] == needle[0] && !memcmp(text + i, needle, m))
			return 1;
	return 0;
}

int vh_madeby_judge(struct vh_madeby *out, const struct vh_madeby_ask *ask)
{
	struct ctx c;
	const char *p = ask->lines, *end = ask->lines ? ask->lines + ask->len : NULL, *e;
	char *cwd = NULL;
	int first = 1;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.ask = ask;
	c.pixi_vars = ask->pixi_vars || mentions(ask->lines, ask->len, "PIXI_NO_INSTALL") ||
		      mentions(ask->lines, ask->len, "PIXI_PROJECT_MANIFEST");
	c.strict = ask->dialect == VH_DIALECT_OTHER;
	c.dialect = c.strict ? VH_DIALECT_POSIX : ask->dialect;
	c.env = ask->env ? normal(&c, NULL, ask->env) : NULL;
	c.real = ask->real ? normal(&c, NULL, ask->real) : NULL;
	c.env_parent = parent(&c, c.env);
	c.real_parent = parent(&c, c.real);
	if (ask->lines && ask->len && !(c.seen = calloc(ask->len, 1)))
		c.oom = 1;
	while (p && p < end && !c.oom) {
		const char *start = first && ask->from ? ask->from : ask->base;

		e = memchr(p, '\037', (size_t)(end - p));
		if (!e)
			e = end;
		free(cwd);
		cwd = start && start[0] == '/' ? normal(&c, NULL, start) : NULL;
		c.counting = !ask->last_only || e + (e < end) >= end;
		c.p = p;
		c.end = e;
		parse(&c, &cwd, 0, 0);
		p = e + 1;
		first = 0;
	}
	if (c.seen && !c.oom && !c.brought && !c.unreadable && raw_unjudged(&c))
		c.unreadable = 1;
	if (c.unreadable && !c.brought) {
		c.brought = 1;
		c.brought_by[0] = '\0';
	}
	if (c.brought) {
		out->verdict = VH_MADEBY_BROUGHT;
		memcpy(out->by, c.brought_by, sizeof(out->by));
	} else if (c.made) {
		out->verdict = VH_MADEBY_MADE;
		memcpy(out->by, c.made_by, sizeof(out->by));
	}
	free(cwd);
	free(c.seen);
	free(c.env);
	free(c.real);
	free(c.env_parent);
	free(c.real_parent);
	return c.oom ? VH_ENOMEM : 0;
}

/* --- what the hook hands over --- */

static enum vh_lines_state flag_state(const char *f, size_t n)
{
	return memchr(f, 'b', n) ? VH_LINES_BAD : memchr(f, 'g', n) ? VH_LINES_GAP :
	       memchr(f, 't', n) ? VH_LINES_CUT : VH_LINES_OK;
}

void vh_lines_free(struct vh_lines *l)
{
	free(l->copy);
	memset(l, 0, sizeof(*l));
}

int vh_lines_read_list(struct vh_lines *l, const char *value, const char *from, const char *text,
		       size_t len)
{
	size_t nf = from ? strlen(from) : 0, i;
	char *p;

	memset(l, 0, sizeof(*l));
	if (len > VH_LINES_MAX || nf > VH_LINES_MAX || memchr(text, '\0', len) ||
	    memchr(text, '\037', len)) {
		l->state = VH_LINES_BAD;
		return 0;
	}
	l->copy = p = malloc(nf + 1 + len + 1);
	if (!p)
		return VH_ENOMEM;
	memcpy(p, from ? from : "", nf + 1);
	l->from = nf ? p : NULL;
	p += nf + 1;
	while (len && text[len - 1] == '\n')
		len--;
	for (i = 0; i < len; i++)
		p[i] = text[i] == '\n' ? '\037' : text[i];
	p[len] = '\0';
	l->lines = p;
	l->len = len;
	l->state = flag_state(value + 1, strlen(value + 1));
	return 0;
}

int vh_lines_read(struct vh_lines *l, const char *value)
{
	const char *field[3];
	size_t len[3], n, i;
	const char *q, *e;

	memset(l, 0, sizeof(*l));
	if (!value || !*value)
		return 0;
	if (!strcmp(value, "?")) {
		l->state = VH_LINES_ASK;
		return 0;
	}
	n = strlen(value);
	if (n > VH_LINES_MAX) {
		l->state = VH_LINES_BAD;
		return 0;
	}
	l->copy = malloc(n + 1);
	if (!l->copy)
		return VH_ENOMEM;
	memcpy(l->copy, value, n + 1);
	for (i = 0, q = l->copy; i < 3; i++) {
		e = memchr(q, '\036', (size_t)(l->copy + n - q));
		if (!e) {
			l->state = VH_LINES_BAD;
			return 0;
		}
		field[i] = q;
		len[i] = (size_t)(e - q);
		q = e + 1;
	}
	if (q != l->copy + n) {
		l->state = VH_LINES_BAD; /* a line held the separator */
		return 0;
	}
	l->state = flag_state(field[0], len[0]);
	l->copy[field[1] - l->copy + len[1]] = '\0';
	l->from = len[1] ? field[1] : NULL;
	l->lines = field[2];
	l->len = len[2];
	return 0;
}
