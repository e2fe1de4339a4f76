/* PATH as each emitter edits it in place (edit_path, shells/), proven by
 * the real shell: started with PATH set to the value now, it evaluates
 * what venvhook renders for entering, leaving and switching, as the hooks
 * evaluate it, and must end with exactly the PATH the plan computed (the
 * first entry equal to the env's bin/ gone, the new one first), or, where
 * the shell cannot carry the value (tcsh and csh: a newline), venvhook must
 * have refused. Hostile entries stand next to the one taken out: names that
 * are patterns, case variants (bash's nocasematch on), longer and shorter
 * entries, duplicates, empty entries, a 2,000-entry PATH. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/output/plan.h"
#include "core/output/render.h"
#include "shells/shell.h"
#include "tap.h"

static char dir[64], file[96], script[96];

struct shell {
	const char *name, *env, *no_rc;
	const char *pre;  /* lines before the eval: options a user may have set */
	const char *eval, *eval_end; /* around the file holding venvhook's output */
};

static const struct shell shells[] = {
	{ "bash", "VH_BASH", "--norc", "PATH=$VH_NOW; shopt -s nocasematch extglob nocaseglob\n",
	  "builtin eval -- \"$(< ", ")\"\n" },
	{ "zsh", "VH_ZSH", "-f",
	  "PATH=$VH_NOW; setopt extendedglob nocaseglob kshglob shwordsplit globsubst\n",
	  "builtin eval -- \"$(< ", ")\"\n" },
	{ "fish", "VH_FISH", "--no-config", "", "source ", "\n" },
	{ "tcsh", "VH_TCSH", "-f", "", "eval \"`/bin/cat ", "`\"\n" },
	{ "csh", "VH_CSH", "-f", "", "eval \"`/bin/cat ", "`\"\n" },
	{ "ksh93", "VH_KSH93", "", "PATH=$VH_NOW; set -o noglob; alias unset='echo aliased'\n",
	  "\\eval -- \"$(< ", ")\"\n" },
	{ "mksh", "VH_MKSH", "", "PATH=$VH_NOW; set -o noglob; alias unset='echo aliased'\n",
	  "\\eval -- \"$(< ", ")\"\n" },
};

static int write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "w");
	int ok = f && fwrite(data, 1, n, f) == n;

	if (f && fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

/* Runs the shell's script with only PATH in its environment; *got is what
 * it printed (printenv PATH). */
static int run(struct vh_buf *got, const struct shell *s, const char *exe, const char *path)
{
	struct vh_buf var = VH_BUF_INIT;
	char chunk[65536], *envp[4];
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	vh_buf_reset(got);
	/* zsh and bash take PATH from VH_NOW in the script: zsh replaces an
	 * empty PATH it starts with by its default one. A UTF-8 locale, as in
	 * a terminal (fish reads the environment by the locale). */
	vh_buf_puts(&var, "PATH=");
	vh_buf_puts(&var, path);
	vh_buf_putc(&var, '\0');
	vh_buf_puts(&var, "VH_NOW=");
	vh_buf_puts(&var, path);
	envp[0] = var.data;
	envp[1] = var.data + strlen(var.data) + 1;
	envp[2] = "LC_ALL=C.UTF-8";
	envp[3] = NULL;
	if (pipe(fds) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		if (*s->no_rc)
			execle(exe, exe, s->no_rc, script, (char *)NULL, envp);
		else
			execle(exe, exe, script, (char *)NULL, envp);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], chunk, sizeof(chunk))) > 0)
		vh_buf_add(got, chunk, (size_t)n);
	close(fds[0]);
	vh_buf_free(&var);
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

/* fish turns an empty PATH entry into "." when it starts: the PATH it
 * exports, which venvhook reads, has none. */
static char *as_fish_exports(const char *path)
{
	struct vh_buf b = VH_BUF_INIT;
	const char *p = path;

	for (;;) {
		const char *c = strchr(p, ':');
		size_t n = c ? (size_t)(c - p) : strlen(p);

		vh_buf_add(&b, n ? p : ".", n ? n : 1);
		if (!c)
			break;
		vh_buf_putc(&b, ':');
		p = c + 1;
	}
	vh_buf_puts(&b, "");
	return vh_buf_detach(&b);
}

static int cases, failed, refused;
static size_t sent; /* bytes of the last rendering */

/* One step: the shell holds PATH now, with ours (mark) active or none;
 * venvhook wants env (or none). */
static void step(const struct shell *s, const char *exe, const char *now_in, const char *mark,
		 const char *env)
{
	const struct vh_shell *sh = vh_shell_lookup(s->name);
	struct vh_buf out = VH_BUF_INIT, got = VH_BUF_INIT, want = VH_BUF_INIT;
	struct vh_state st = { { NULL }, 0 };
	struct vh_want w = { .env = env, .prompt = env ? "p" : NULL };
	struct vh_plan plan;
	enum vh_var bad;
	char *now = strcmp(s->name, "fish") ? strdup(now_in) : as_fish_exports(now_in);
	int r;

	cases++;
	st.v[VH_PATH] = now;
	st.v[VH_VIRTUAL_ENV] = st.v[VH_MARK_ENV] = mark;
	st.v[VH_VIRTUAL_ENV_PROMPT] = mark ? "p" : NULL;
	if (vh_plan(&plan, &st, &w) < 0)
		goto fail;
	r = vh_render(&out, &bad, sh, &plan);
	if (r < 0) {
		/* only the csh family refuses, and only a newline */
		if (sh->one_line && strchr(plan.target.v[VH_PATH] ? plan.target.v[VH_PATH] : "", '\n')) {
			refused++;
			goto done;
		}
		goto fail;
	}
	vh_buf_puts(&out, "");
	sent = out.len;
	vh_buf_puts(&want, plan.target.v[VH_PATH]);
	vh_buf_putc(&want, '\n');
	if (write_file(file, out.data, out.len) < 0 || run(&got, s, exe, now) < 0 ||
	    got.len != want.len || memcmp(got.data, want.data, got.len))
		goto fail;
	goto done;
fail:
	if (failed++ < 3) {
		printf("# %s: from PATH '%.200s' (ours %s, want %s):\n#   sent: %.400s\n#   got:  %.200s\n"
		       "#   want: %.200s\n", s->name, now, mark ? mark : "none", env ? env : "none",
		       vh_buf_str(&out), vh_buf_str(&got), vh_buf_str(&want));
	}
done:
	vh_plan_free(&plan);
	vh_buf_free(&out);
	vh_buf_free(&got);
	vh_buf_free(&want);
	free(now);
}

static const char *const hostile[] = {
	"with space", "it's", "\"dq\"", "$(touch /tmp/vh-pwned)", "`touch /tmp/vh-pwned`",
	"bang!bang", "!!", "%s%d%%", "back\\slash\\", "tab\there", "new\nline", "'", "\\'",
	"${HOME}", "*", "?", "[a]", "[!a]", "*(x)", "@(a|b)", "~", "-n", "a;b|c&d>e<f", "{a,b}",
	"caf\xc3\xa9", "\xff\xfe bad utf8 \x80", "#x", "&", "\\&", "/", "//", ".venv", NULL,
};

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

static const struct vh_shell *sh_of(const struct shell *s)
{
	return vh_shell_lookup(s->name);
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

static void check_shell(const struct shell *s)
{
	const char *exe = getenv(s->env);
	struct vh_buf text = VH_BUF_INIT, path = VH_BUF_INIT, a = VH_BUF_INIT, b = VH_BUF_INIT,
		      abin = VH_BUF_INIT, long_path = VH_BUF_INIT;
	const char *const *h;
	size_t k, most;
	int i;

	if (!exe || !*exe || access(exe, X_OK) != 0) {
		tap_ok(0, "%s: no shell at '%s' (configure found none)", s->name, exe ? exe : "");
		return;
	}
	vh_buf_printf(&text, "%s%s%s%s", s->pre, s->eval, file, s->eval_end);
	vh_buf_puts(&text, "/usr/bin/printenv PATH\n");
	if (write_file(script, text.data, text.len) < 0)
		tap_ok(0, "%s: write the script", s->name);

	cases = failed = refused = 0;
	for (h = hostile; *h; h++) {
		vh_buf_reset(&a);
		vh_buf_printf(&a, "/t/%s/.venv", *h);
		vh_buf_reset(&b);
		vh_buf_printf(&b, "/t/%s2/.venv", *h);
		vh_buf_reset(&abin);
		vh_buf_printf(&abin, "%s/bin", a.data);
		/* three of the forms per name, each form over the names */
		for (k = 0; k < 3; k++) {
			around(&path, ((size_t)(h - hostile) + 3 * k) % NFORMS, abin.data);
			step(s, exe, path.data, a.data, NULL);   /* leave */
			step(s, exe, path.data, a.data, b.data); /* switch */
			step(s, exe, path.data, a.data, a.data); /* repair: ours not first */
		}
		step(s, exe, "/usr/bin:/bin", NULL, a.data); /* enter */
		step(s, exe, "", NULL, a.data);              /* enter, PATH empty */
		step(s, exe, "/x/*:[a]:/y", NULL, a.data);
	}
	tap_ok(failed == 0, "%s: leave, switch and enter next to hostile entries: %d cases, %d"
	       " refused (a newline, in the csh family)", s->name, cases, refused);

	/* 2,000 entries, hostile ones among them, ours in the middle and again
	 * near the end: BSD csh takes no word of more than about 4 KiB at all,
	 * with or without venvhook, so it gets no such PATH. */
	if (strcmp(s->name, "csh")) {
		const char *const *name = hostile;

		cases = failed = refused = 0;
		for (i = 0; i < 2000; i++) {
			if (i == 1000 || i == 1900)
				vh_buf_puts(&long_path, "/t/it's $(x)/.venv/bin:");
			/* The csh family cannot hold a newline; tcsh 6.24 drops
			 * bytes of a long command substitution's output near a
			 * byte that is not UTF-8 (its wide_read), and tcsh is sent
			 * the whole PATH to leave or switch. */
			do {
				name = *name && name[1] ? name + 1 : hostile;
			} while ((sh_of(s)->one_line && strchr(*name, '\n')) ||
				 (!strcmp(s->name, "tcsh") && !utf8(*name)));
			vh_buf_printf(&long_path, "/opt/%s/tool-%d/bin:", *name, i);
		}
		vh_buf_puts(&long_path, "/usr/bin");
		step(s, exe, long_path.data, "/t/it's $(x)/.venv", NULL);
		most = sent;
		step(s, exe, long_path.data, "/t/it's $(x)/.venv", "/t/*/.venv");
		most = sent > most ? sent : most;
		step(s, exe, long_path.data, NULL, "/t/*/.venv");
		tap_ok(failed == 0 && refused == 0, "%s: a 2,000-entry PATH (%zu bytes): leave, switch,"
		       " enter", s->name, long_path.len);
		/* the csh family sends the whole PATH to leave or switch */
		if (!vh_shell_lookup(s->name)->one_line)
			tap_ok(most < 1024, "  leaving or switching sends %zu bytes, not the PATH", most);
		tap_ok(sent < 1024, "  entering sends %zu bytes", sent);
	}
	vh_buf_free(&text);
	vh_buf_free(&path);
	vh_buf_free(&a);
	vh_buf_free(&b);
	vh_buf_free(&abin);
	vh_buf_free(&long_path);
}

int main(void)
{
	size_t i;
	char cmd[128];

	snprintf(dir, sizeof(dir), "/tmp/vh-pathedit-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	snprintf(file, sizeof(file), "%s/out", dir);
	snprintf(script, sizeof(script), "%s/script", dir);
	for (i = 0; i < sizeof(shells) / sizeof(shells[0]); i++)
		check_shell(&shells[i]);
	tap_ok(access("/tmp/vh-pwned", F_OK) != 0, "nothing in a name was executed");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return tap_done();
}
