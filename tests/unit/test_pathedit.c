/* PATH as each emitter edits it in place (edit_path, shells/), proven by
 * the real shell, for every shell of the registry (vh_shells): the shell
 * takes PATH's value now, evaluates what venvhook renders for entering,
 * leaving and switching as its hook evaluates it, and must end with exactly
 * the PATH the plan computed (the first entry equal to the env's bin/ gone,
 * the new one first), or venvhook must have refused a value the shell says
 * it cannot hold (unsayable). Hostile entries stand next to the one taken
 * out: names that are patterns, case variants (with a case-blind match on),
 * longer and shorter entries, duplicates, empty entries, a 2,000-entry PATH.
 *
 * This file names no shell. What differs is in tests/pathedit/NAME.pathedit
 * (lint.bats checks each registered shell has one): the shell's lines that
 * run once (options a user may have set; @INIT@, a file holding `venvhook
 * init NAME`'s output), then, after a line "#@step", the lines that run for
 * each step: take PATH from the file @NOW@ exactly as the shell takes it
 * from the environment, evaluate the file @OUT@ as the hook evaluates
 * export's output, and print the PATH it exports (printenv) and a NUL.
 * One shell process runs all the steps of a group (a shell may take a
 * third of a second to start). Each group runs twice: first with
 * no output, to learn the PATH the shell exports for each value (one makes
 * an empty entry "."), which is what venvhook is asked about; then with
 * venvhook's output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/output/plan.h"
#include "core/output/render.h"
#include "shells/shell.h"
#include "shellenv.h"
#include "tap.h"

static char dir[64], script[96], init_file[96], empty[96];

/* A shell as make check names it (configure.ac's list): its path, how it
 * starts without rc files, and its tests/pathedit file cut in two. */
struct shell {
	const struct vh_shell *sh;
	const char *exe, *bare;
	struct vh_buf head, step;
};

/* One step: PATH now (with ours, mark, active or none), the env wanted. */
struct step {
	const char *now_in, *mark, *env;
	const char *nbin;     /* how many entries are ours (NULL: 1) */
	int moves;            /* 1: PATH must change (no standing aside) */
	char *now;            /* as the shell exports it: what venvhook reads */
	struct vh_buf out;    /* venvhook's output */
	struct vh_buf want;   /* the PATH it must leave, and '\n' */
	int run;              /* 1: in the second run */
};

static int write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "w");
	int ok = f && fwrite(data, 1, n, f) == n;

	if (f && fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

static int read_file(struct vh_buf *out, const char *path)
{
	char chunk[4096];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		vh_buf_add(out, chunk, n);
	fclose(f);
	return 0;
}

/* text with each @NAME@ of the three replaced by its file. */
static void expand(struct vh_buf *out, const char *text, const char *now, const char *outf)
{
	const char *p;

	for (p = text; *p; p++) {
		if (!strncmp(p, "@NOW@", 5)) {
			vh_buf_puts(out, now);
			p += 4;
		} else if (!strncmp(p, "@OUT@", 5)) {
			vh_buf_puts(out, outf);
			p += 4;
		} else if (!strncmp(p, "@INIT@", 6)) {
			vh_buf_puts(out, init_file);
			p += 5;
		} else {
			vh_buf_putc(out, *p);
		}
	}
}

/* Runs the script with the shell, PATH the system's and a UTF-8 locale, as
 * in a terminal (a shell may read the environment by the locale); *got is what it
 * printed. */
static int run(struct vh_buf *got, const struct shell *s)
{
	char chunk[65536], *args = strdup(s->bare ? s->bare : ""), *argv[16], *tok, *save = NULL;
	char home[96], *envp[] = { "PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", home, NULL };
	int fds[2], status, argc = 0;
	struct rlimit lim;
	ssize_t n;
	pid_t pid;

	snprintf(home, sizeof(home), "HOME=%s", dir);
	vh_buf_reset(got);
	argv[argc++] = (char *)s->exe;
	for (tok = strtok_r(args, " ", &save); tok && argc < 14; tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc++] = script;
	argv[argc] = NULL;
	if (pipe(fds) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		/* (a shell may close every descriptor up to the limit before
		 * each command it starts: 20,000 of them take 40 ms) */
		if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur > 1024) {
			lim.rlim_cur = 1024;
			setrlimit(RLIMIT_NOFILE, &lim);
		}
		if (chdir(dir) != 0)
			_exit(127);
		execve(s->exe, argv, envp);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], chunk, sizeof(chunk))) > 0)
		vh_buf_add(got, chunk, (size_t)n);
	close(fds[0]);
	free(args);
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

/* One shell process for the steps marked run (first: with no output, each
 * record the PATH as the shell exports it); rec[i] then points into got at
 * step i's record, or is NULL when the shell printed none. */
static int run_steps(struct vh_buf *got, const char **rec, const struct shell *s,
		     struct step *st, size_t n, int first)
{
	struct vh_buf text = VH_BUF_INIT;
	char nowf[128], outf[128];
	const char *p, *end;
	size_t i;
	int rc;

	vh_buf_puts(&text, "");
	expand(&text, s->head.data, "", "");
	for (i = 0; i < n; i++) {
		if (!st[i].run)
			continue;
		snprintf(nowf, sizeof(nowf), "%s/now%zu", dir, i);
		snprintf(outf, sizeof(outf), "%s/out%zu", dir, i);
		if (first)
			rc = write_file(nowf, st[i].now_in, strlen(st[i].now_in));
		else
			rc = write_file(outf, st[i].out.data, st[i].out.len);
		if (rc < 0)
			return -1;
		expand(&text, s->step.data, nowf, first ? empty : outf);
	}
	rc = write_file(script, text.data, text.len);
	vh_buf_free(&text);
	if (rc < 0)
		return -1;
	rc = run(got, s);
	vh_buf_puts(got, "");
	p = got->data;
	end = p + got->len;
	for (i = 0; i < n; i++) {
		rec[i] = NULL;
		if (!st[i].run || p >= end || !memchr(p, '\0', (size_t)(end - p)))
			continue;
		rec[i] = p;
		p += strlen(p) + 1;
	}
	return rc;
}

static int failed, refused, unheld;
static size_t most_sent; /* bytes of the longest rendering */

static void say_failure(const struct shell *s, const struct step *st, const char *got, const char *why)
{
	if (failed++ >= 3)
		return;
	printf("# %s: %s: from PATH '%.200s' (ours %s, want %s):\n#   sent: %.400s\n"
	       "#   got:  %.200s\n#   want: %.200s\n", s->sh->name, why,
	       st->now ? st->now : st->now_in, st->mark ? st->mark : "none",
	       st->env ? st->env : "none", vh_buf_str((struct vh_buf *)&st->out),
	       got ? got : "(nothing)", vh_buf_str((struct vh_buf *)&st->want));
}

/* Plans and renders step st for the shell; st->run says whether it goes
 * to the shell. */
static void render(const struct shell *s, struct step *st)
{
	struct vh_state state = { { NULL }, 0, NULL };
	struct vh_want w = { .env = st->env, .prompt = st->env ? "p" : NULL };
	const char *target;
	struct vh_plan plan;
	enum vh_var bad;

	st->run = 0;
	state.v[VH_PATH] = st->now;
	state.v[VH_VIRTUAL_ENV] = state.v[VH_MARK_ENV] = st->mark;
	state.v[VH_VIRTUAL_ENV_PROMPT] = st->mark ? "p" : NULL;
	state.v[VH_MARK_NBIN] = st->nbin;
	if (vh_plan(&plan, &state, &w) < 0) {
		say_failure(s, st, NULL, "no plan");
		return;
	}
	target = plan.target.v[VH_PATH] ? plan.target.v[VH_PATH] : "";
	if (st->moves && !strcmp(target, st->now)) {
		say_failure(s, st, NULL, "the plan leaves PATH as it is");
		goto done;
	}
	if (vh_render(&st->out, &bad, s->sh, &plan) < 0) {
		/* right only where the shell cannot hold a value of the step */
		if (vh_shell_unsayable(s->sh, target) ||
		    (st->env && vh_shell_unsayable(s->sh, st->env)))
			refused++;
		else
			say_failure(s, st, NULL, "refused a value the shell can hold");
		goto done;
	}
	if (vh_shell_unsayable(s->sh, target)) {
		say_failure(s, st, NULL, "said a PATH the shell says it cannot hold");
		goto done;
	}
	vh_buf_puts(&st->out, "");
	most_sent = st->out.len > most_sent ? st->out.len : most_sent;
	vh_buf_puts(&st->want, target);
	vh_buf_putc(&st->want, '\n');
	st->run = 1;
done:
	vh_plan_free(&plan);
}

/* Runs the n steps: the PATH the shell exports for each, then venvhook's
 * output for each. Returns how many of them the shell could not take at
 * all (its PATH run without venvhook failed). */
static size_t check_steps(const struct shell *s, struct step *st, size_t n)
{
	struct vh_buf got = VH_BUF_INIT;
	const char **rec = calloc(n, sizeof(*rec));
	size_t i, len, lost = 0;

	/* a value the shell cannot hold goes to no shell: venvhook refuses it */
	for (i = 0; i < n; i++)
		st[i].run = !vh_shell_unsayable(s->sh, st[i].now_in);
	run_steps(&got, rec, s, st, n, 1);
	for (i = 0; i < n; i++) {
		if (!st[i].run) {
			unheld++;
			continue;
		}
		len = rec[i] ? strlen(rec[i]) : 0;
		if (!len || rec[i][len - 1] != '\n') {
			if (!lost)
				printf("# %s: without venvhook's output, the shell printed %s for PATH"
				       " '%.200s'\n", s->sh->name, rec[i] ? "no line" : "nothing",
				       st[i].now_in);
			lost++;
			st[i].run = 0;
			continue;
		}
		st[i].now = strndup(rec[i], len - 1);
		render(s, &st[i]);
	}
	if (run_steps(&got, rec, s, st, n, 0) < 0 && failed++ < 3)
		printf("# %s: the script failed (see its stderr)\n", s->sh->name);
	for (i = 0; i < n; i++)
		if (st[i].run && (!rec[i] || strcmp(rec[i], st[i].want.data)))
			say_failure(s, &st[i], rec[i], "wrong PATH");
	for (i = 0; i < n; i++) {
		free(st[i].now);
		vh_buf_free(&st[i].out);
		vh_buf_free(&st[i].want);
	}
	free(rec);
	vh_buf_free(&got);
	return lost;
}

static const char *const hostile[] = {
	"with space", "it's", "\"dq\"", "$(touch /tmp/vh-pwned)", "`touch /tmp/vh-pwned`",
	"bang!bang", "!!", "%s%d%%", "back\\slash\\", "tab\there", "new\nline", "'", "\\'",
	"${HOME}", "*", "?", "[a]", "[!a]", "*(x)", "@(a|b)", "~", "-n", "a;b|c&d>e<f", "{a,b}",
	"caf\xc3\xa9", "\xff\xfe bad utf8 \x80", "#x", "&", "\\&", "/", "//", ".venv", NULL,
};
#define NHOSTILE (sizeof(hostile) / sizeof(hostile[0]) - 1)

/* PATHs around the entry bin: first, last, alone, twice, next to empty
 * entries, after its case variant and after entries it is part of. */
static void around(struct vh_buf *out, size_t k, const char *bin)
{
	static const char *const forms[] = {
		"%s:/usr/bin:/bin", "/usr/bin:%s", "%s", "/x:%s:/y:%s", ":%s::", "::%s",
		"/usr/bin:%s:", "/x:CASE:%s:/bin", "%s2:/x%s:%s:/bin", "/a/*:/a/?:%s:/a/[b]",
	};
	const char *f = forms[k % (sizeof(forms) / sizeof(forms[0]))];
	const char *p;
	size_t i;

	vh_buf_reset(out);
	for (p = f; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			vh_buf_puts(out, bin);
			p++;
		} else if (!strncmp(p, "CASE", 4)) {
			for (i = 0; bin[i]; i++) /* the same entry, upper case */
				vh_buf_putc(out, bin[i] >= 'a' && bin[i] <= 'z' ? bin[i] - 32 : bin[i]);
			p += 3;
		} else {
			vh_buf_putc(out, *p);
		}
	}
	vh_buf_puts(out, "");
}

#define NFORMS 10

/* How many of path's entries are entry. */
static int entries(const char *path, const char *entry)
{
	size_t n = strlen(entry);
	const char *p = path;
	int count = 0;

	for (;;) {
		const char *c = strchr(p, ':');
		size_t len = c ? (size_t)(c - p) : strlen(p);

		count += len == n && !memcmp(p, entry, n);
		if (!c)
			return count;
		p = c + 1;
	}
}

/* 1 when s is valid UTF-8 (no overlong forms or surrogates checked: the
 * names here are plain). */
static int utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int n;

	while (*p) {
		n = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 :
		    (*p & 0xf8) == 0xf0 ? 3 : -1;
		if (n < 0)
			return 0;
		for (p++; n > 0; n--, p++)
			if ((*p & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

/* The shell's tests/pathedit file, cut at "#@step"; init's output where it
 * asks for it. */
static int load(struct shell *s)
{
	const char *src = getenv("VH_SRCDIR"), *exe = getenv("VENVHOOK");
	struct vh_buf file = VH_BUF_INIT, cmd = VH_BUF_INIT;
	char *cut;
	int rc = -1;

	vh_buf_printf(&file, "%s/tests/pathedit/%s.pathedit", src ? src : ".", s->sh->name);
	if (read_file(&s->head, file.data) < 0 || !s->head.data ||
	    !(cut = strstr(s->head.data, "\n#@step\n"))) {
		tap_ok(0, "%s: no %s with a line #@step", s->sh->name, file.data);
		goto done;
	}
	vh_buf_puts(&s->step, cut + 8);
	s->head.len = (size_t)(cut - s->head.data) + 1;
	s->head.data[s->head.len] = '\0';
	if (strstr(s->head.data, "@INIT@")) {
		vh_buf_printf(&cmd, "'%s' init %s >'%s'", exe ? exe : "venvhook", s->sh->name, init_file);
		if (!exe || system(cmd.data) != 0) {
			tap_ok(0, "%s: %s failed (make check sets VENVHOOK)", s->sh->name, cmd.data);
			goto done;
		}
	}
	rc = 0;
done:
	vh_buf_free(&file);
	vh_buf_free(&cmd);
	return rc;
}

static void check_shell(struct shell *s)
{
	const char *name = s->sh->name;
	struct vh_buf a = VH_BUF_INIT, b = VH_BUF_INIT, abin = VH_BUF_INIT,
		      long_path = VH_BUF_INIT;
	struct step st[NHOSTILE * 12], *t = st;
	char *paths[NHOSTILE * 3];
	const char *const *h, *nbin;
	size_t k, n, lost, np = 0, most_switch;
	int i;

	if (!s->exe || !*s->exe || access(s->exe, X_OK) != 0) {
		if (optional(name)) {
			printf("ok %d - %s: not installed # SKIP (%s)\n", ++tap_count, name,
			       shell_var(name, "_GET") ? shell_var(name, "_GET") : "see configure.ac");
			return;
		}
		tap_ok(0, "%s: no shell at '%s' (configure found none)", name, s->exe ? s->exe : "");
		return;
	}
	if (load(s) < 0)
		return;

	memset(st, 0, sizeof(st));
	failed = refused = unheld = 0;
	for (h = hostile; *h; h++) {
		vh_buf_reset(&a);
		vh_buf_printf(&a, "/t/%s/.venv", *h);
		vh_buf_reset(&b);
		vh_buf_printf(&b, "/t/%s2/.venv", *h);
		vh_buf_reset(&abin);
		vh_buf_printf(&abin, "%s/bin", a.data);
		/* three of the forms per name, each form over the names */
		for (k = 0; k < 3; k++) {
			around(&long_path, ((size_t)(h - hostile) + 3 * k) % NFORMS, abin.data);
			paths[np] = vh_buf_detach(&long_path);
			/* venvhook left each entry equal to ours (twice: only
			 * the first goes) */
			nbin = entries(paths[np], abin.data) > 1 ? "2" : NULL;
			*t++ = (struct step){ .now_in = paths[np], .mark = strdup(a.data),
					      .nbin = nbin }; /* leave */
			*t++ = (struct step){ .now_in = paths[np], .mark = strdup(a.data),
					      .env = strdup(b.data), .nbin = nbin }; /* switch */
			*t++ = (struct step){ .now_in = paths[np], .mark = strdup(a.data),
					      .env = strdup(a.data), .nbin = nbin }; /* repair */
			np++;
		}
		*t++ = (struct step){ .now_in = "/usr/bin:/bin", .env = strdup(a.data) }; /* enter */
		*t++ = (struct step){ .now_in = "", .env = strdup(a.data) }; /* PATH empty */
		*t++ = (struct step){ .now_in = "/x/*:[a]:/y", .env = strdup(a.data) };
	}
	n = (size_t)(t - st);
	lost = check_steps(s, st, n);
	tap_ok(failed == 0 && lost == 0, "%s: leave, switch and enter next to hostile entries: %zu cases,"
	       " %d it cannot hold, %d refused, %zu the shell did not take", name, n, unheld, refused, lost);
	for (k = 0; k < n; k++) {
		free((char *)st[k].mark);
		free((char *)st[k].env);
	}
	for (k = 0; k < np; k++)
		free(paths[k]);

	/* 2,000 entries, hostile ones among them (those the shell can hold,
	 * and in UTF-8: a shell may drop bytes of a long command
	 * substitution's output near a byte that is not), ours
	 * in the middle and again near the end. */
	{
		const char *const *nm = hostile;
		struct step ls[3];

		vh_buf_reset(&long_path);
		for (i = 0; i < 2000; i++) {
			if (i == 1000 || i == 1900)
				vh_buf_puts(&long_path, "/t/it's $(x)/.venv/bin:");
			do {
				nm = *nm && nm[1] ? nm + 1 : hostile;
			} while (vh_shell_unsayable(s->sh, *nm) || !utf8(*nm));
			vh_buf_printf(&long_path, "/opt/%s/tool-%d/bin:", *nm, i);
		}
		vh_buf_puts(&long_path, "/usr/bin");
		memset(ls, 0, sizeof(ls));
		/* (venvhook left both entries: __VENVHOOK_NBIN) */
		ls[0] = (struct step){ .now_in = long_path.data, .mark = "/t/it's $(x)/.venv",
				       .nbin = "2", .moves = 1 };
		ls[1] = (struct step){ .now_in = long_path.data, .mark = "/t/it's $(x)/.venv",
				       .env = "/t/*/.venv", .nbin = "2", .moves = 1 };
		ls[2] = (struct step){ .now_in = long_path.data, .env = "/t/*/.venv", .moves = 1 };
		failed = refused = unheld = 0;
		most_sent = 0;
		/* (the third alone first: what entering sends) */
		lost = check_steps(s, ls + 2, 1);
		if (lost) {
			/* a shell may take no word of more than about 4 KiB
			 * at all, with or without venvhook */
			printf("ok %d - %s: a 2,000-entry PATH # SKIP the shell cannot take one at all,"
			       " without venvhook\n", ++tap_count, name);
			goto done;
		}
		k = most_sent;
		most_sent = 0;
		lost = check_steps(s, ls, 2);
		most_switch = most_sent;
		tap_ok(failed == 0 && refused == 0 && lost == 0, "%s: a 2,000-entry PATH (%zu bytes):"
		       " leave, switch, enter", name, long_path.len);
		/* a one-line shell is sent the whole PATH to leave or switch,
		 * one with no edit_path every time */
		if (!s->sh->one_line && s->sh->emit->edit_path)
			tap_ok(most_switch < 1024, "  leaving or switching sends %zu bytes, not the PATH",
			       most_switch);
		if (s->sh->emit->edit_path)
			tap_ok(k < 1024, "  entering sends %zu bytes", k);
	}
done:
	vh_buf_free(&a);
	vh_buf_free(&b);
	vh_buf_free(&abin);
	vh_buf_free(&long_path);
}

int main(void)
{
	const struct vh_shell *const *sh;
	char cmd[128];

	snprintf(dir, sizeof(dir), "/tmp/vh-pathedit-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	snprintf(script, sizeof(script), "%s/script", dir);
	snprintf(init_file, sizeof(init_file), "%s/init", dir);
	snprintf(empty, sizeof(empty), "%s/empty", dir);
	if (write_file(empty, "", 0) < 0)
		return 1;
	/* every shell of the registry, each by the real shell */
	for (sh = vh_shells; *sh; sh++) {
		struct shell s = { *sh, shell_var((*sh)->name, ""), shell_var((*sh)->name, "_BARE"),
				   VH_BUF_INIT, VH_BUF_INIT };

		check_shell(&s);
		vh_buf_free(&s.head);
		vh_buf_free(&s.step);
	}
	tap_ok(access("/tmp/vh-pwned", F_OK) != 0, "nothing in a name was executed");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return tap_done();
}
