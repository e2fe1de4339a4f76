/* An env's own variables (core/find/envvars.c) and the JSON reader they
 * rest on (core/util/json.c): conda's state file as conda writes it
 * (PrefixData._write_environment_state_file, conda/core/prefix_data.py
 * at conda 0f64223fb8da4328457a69fe6483959dbb783152: json.dumps of
 * {"env_vars": {...}}, ensure_ascii=False), hostile names and files. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/find/envvars.h"
#include "core/util/err.h"
#include "core/util/json.h"
#include "tap.h"

static char root[] = "/tmp/vh-envvars-XXXXXX";

static const char *at(const char *rel)
{
	static char p[4][512];
	static int i;

	i = (i + 1) % 4;
	snprintf(p[i], sizeof(p[i]), "%s/%s", root, rel);
	return p[i];
}

static void put(const char *rel, const char *text)
{
	FILE *f = fopen(at(rel), "w");

	if (!f || fputs(text, f) < 0 || fclose(f))
		tap_ok(0, "writing %s: %s", rel, strerror(errno));
}

static const char *value_of(const struct vh_envvars *v, const char *name)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (!strcmp(v->v[i].name, name))
			return v->v[i].value;
	return NULL;
}

static int lines(const struct vh_buf *b)
{
	int n = 0;
	size_t i;

	for (i = 0; i < b->len; i++)
		n += b->data[i] == '\n';
	return n;
}

static int members(struct vh_json_pairs *p, const char *text)
{
	return vh_json_members(p, text, strlen(text), "env_vars");
}

static void json(void)
{
	struct vh_json_pairs p;
	char *deep;
	size_t i;

	tap_ok(members(&p, "{\"env_vars\": {\"A\": \"1\", \"B\": \"x\\u00e9\\n\\ud83d\\ude00\"}}") == 0 &&
	       p.n == 2 && !strcmp(p.v[0].key, "A") &&
	       !strcmp(p.v[0].value, "1") && !strcmp(p.v[1].value, "x\xc3\xa9\n\xf0\x9f\x98\x80"),
	       "the members of env_vars, escapes undone to UTF-8");
	vh_json_pairs_free(&p);
	tap_ok(members(&p, "{\"env_vars\": {\"S\": \"hunter2\", \"E\": \"\", \"A\": \"1\", \"\": \"k\"}}") == 0 &&
	       p.n == 4 && !strcmp(p.v[1].key, "E") && !strcmp(p.v[1].value, "") &&
	       !strcmp(p.v[2].value, "1") && !strcmp(p.v[3].key, ""),
	       "an empty value is empty, and an empty key too (not the string before)");
	vh_json_pairs_free(&p);
	tap_ok(members(&p, "{\"other\": [1, 2.5e3, null, true, {\"env_vars\": 3}], \"env_vars\": {}}") == 0 &&
	       p.n == 0,
	       "other members of any kind skipped; an empty env_vars");
	vh_json_pairs_free(&p);
	tap_ok(members(&p, "{\"env_vars\": {\"A\": \"a\\u0000b\", \"B\": 1, \"C\": \"\\udc00\"}}") == 0 &&
	       p.n == 3 && p.v[0].bad && p.v[1].bad && p.v[2].bad,
	       "a NUL, a number, half a surrogate pair: each value marked bad");
	vh_json_pairs_free(&p);
	tap_ok(members(&p, "{\"env_vars\": {\"A\": \"1\"}, \"env_vars\": {\"B\": \"2\"}}") == 0 &&
	       p.n == 1 && !strcmp(p.v[0].key, "B"),
	       "env_vars twice: the last, as json.loads keeps it");
	vh_json_pairs_free(&p);
	{
		static const char *const bad[] = {
			"", "{", "{\"env_vars\": {\"A\": \"1\"}", "{\"env_vars\": {\"A\": \"1\",}}",
			"{\"env_vars\": {\"A\": \"a\nb\"}}", "{\"env_vars\": {\"A\": \"\xff\"}}",
			"{\"env_vars\": {\"A\": \"1\"}} x", "{\"env_vars\": \"A\"}", "{'env_vars': {}}",
			"{\"env_vars\": {\"A\": 01}}", "{\"env_vars\": {\"A\": \"\\x\"}}",
		};
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			tap_ok(vh_json_members(&p, bad[i], strlen(bad[i]), "env_vars") == VH_ESYNTAX,
			       "not JSON conda reads (%zu) is refused whole", i);
			vh_json_pairs_free(&p);
		}
	}
	/* nesting: bounded, and refused past the bound */
	deep = malloc(200001);
	memset(deep, '[', 100000);
	memset(deep + 100000, ']', 100000);
	deep[200000] = '\0';
	tap_ok(vh_json_members(&p, deep, 200000, "env_vars") == VH_ESYNTAX, "100000 nested arrays refused");
	vh_json_pairs_free(&p);
	free(deep);
}

static void names(void)
{
	static const char *const ok[] = { "MY_VAR", "JAVA_HOME", "R_LIBS", "PYTHONPATH", "_X1", "A",
					  "http_proxy", "no_proxy" };
	static const char *const no[] = {
		"PROMPT_COMMAND", "prompt_command", "PS1", "PS0", "PS4", "PROMPT", "RPROMPT", "BASH_ENV",
		"ENV", "ZDOTDIR", "IFS", "CDPATH", "SHELLOPTS", "BASHOPTS", "BASH_FUNC_x", "HISTFILE",
		"fish_function_path", "HOME", "SHELL", "TERM", "PATH", "path", "fpath", "VIRTUAL_ENV",
		"VIRTUAL_ENV_PROMPT", "CONDA_PREFIX", "CONDA_SHLVL", "PYTHONHOME", "__CONDA_SHLVL_0_A",
		"__VENVHOOK_ENV", "__venvhook_unhooked", "VENVHOOK_QUIET", "XDG_CONFIG_HOME", "GIT_DIR",
		"LD_PRELOAD", "DYLD_INSERT_LIBRARIES", "WORKON_HOME", "1A", "A-B", "A B", "A=B", "",
		"A\xc3\xa9", "UID", "status", "_", "GCONV_PATH", "NODE_OPTIONS", "PERL5OPT",
		"_JAVA_OPTIONS", "LESSOPEN", "PAGER", "EDITOR", "SSH_AUTH_SOCK", "psvar", "my_var",
		"precmd_functions", "USERNAME", "GID", "EGID", "TTYIDLE", "DIRENV_CONFIG",
		"MISE_TRUSTED_CONFIG_PATHS", "MAKEFILES", "VIMINIT", "LC_ALL", "LANG", "_ZO_FZFOPTS",
	};
	size_t i;
	char longname[VH_ENVVAR_NAME_MAX + 2];

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		tap_ok(!vh_envvar_refused(ok[i]), "%s may be set", ok[i]);
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		tap_ok(vh_envvar_refused(no[i]) != NULL, "'%s' is refused (%s)", no[i],
		       vh_envvar_refused(no[i]) ? vh_envvar_refused(no[i]) : "-");
	memset(longname, 'A', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	tap_ok(vh_envvar_refused(longname) != NULL, "a name longer than %d bytes is refused", VH_ENVVAR_NAME_MAX);
	tap_ok(vh_envvar_kept(longname) != NULL, "  and kept on leaving");
}

/* Leaving (vh_envvar_kept): every name an env may set is unset, and a
 * refused one too unless its unsetting could hurt. */
static void leaving(void)
{
	static const char *const gone[] = { "MY_VAR", "PYTHONPATH", "http_proxy", "EDITOR", "PAGER",
					    "LD_PRELOAD", "GIT_DIR", "NODE_OPTIONS", "PERL5LIB",
					    "_JAVA_OPTIONS", "FZF_DEFAULT_COMMAND", "LANGUAGE" };
	static const char *const kept[] = {
		"PATH", "path", "PS1", "PROMPT_COMMAND", "IFS", "HOME", "SHELL", "TERM", "PWD", "UID",
		"PYTHONHOME", "VIRTUAL_ENV", "VIRTUAL_ENV_PROMPT", "CONDA_PREFIX", "CONDA_SHLVL",
		"__VENVHOOK_VARS", "__CONDA_SHLVL_0_A", "__venvhook_unhooked", "VENVHOOK_QUIET",
		"BASH_ENV", "ZDOTDIR", "HISTFILE", "fish_function_path", "LANG", "LC_ALL",
		"SSH_AUTH_SOCK", "DISPLAY", "TMPDIR", "XDG_CONFIG_HOME", "WORKON_HOME", "PYENV_ROOT",
		"DIRENV_DIFF", "MISE_SHELL", "USERNAME", "my_var", "A-B", "",
	};
	size_t i;

	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		tap_ok(!vh_envvar_kept(gone[i]), "leaving unsets %s", gone[i]);
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		tap_ok(vh_envvar_kept(kept[i]) != NULL, "leaving keeps '%s' (%s)", kept[i],
		       vh_envvar_kept(kept[i]) ? vh_envvar_kept(kept[i]) : "-");
}

static void conda(void)
{
	struct vh_envvars v;
	struct vh_buf say = VH_BUF_INIT;
	struct vh_buf big = VH_BUF_INIT;
	int i, fd;

	mkdir(at("p"), 0700);
	mkdir(at("p/conda-meta"), 0700);
	tap_ok(vh_envvars_conda(&v, &say, at("p")) == 0 && v.n == 0 && say.len == 0,
	       "no state file: no variables, nothing said");
	vh_envvars_free(&v);

	/* as `conda env config vars set A='...' B=2 PROMPT_COMMAND=x` and
	 * `conda env config vars unset C` leave it */
	put("p/conda-meta/state", "{\"env_vars\": {\"A\": \"two words $(id) \\\"q\\\" 'x'\\nline\", \"B\": \"2\", "
				  "\"PROMPT_COMMAND\": \"touch /tmp/pwned\", \"C\": \"***unset***\", "
				  "\"B\": \"3\"}}");
	tap_ok(vh_envvars_conda(&v, &say, at("p")) == 0 && v.n == 2, "two variables (%zu)", v.n);
	tap_str(value_of(&v, "A"), "two words $(id) \"q\" 'x'\nline", "  A exactly as written");
	tap_str(value_of(&v, "B"), "3", "  B: its later value");
	tap_ok(!value_of(&v, "PROMPT_COMMAND") && !value_of(&v, "C"), "  PROMPT_COMMAND refused, C unset");
	tap_ok(lines(&say) == 1 && strstr(say.data, "conda-meta/state: not setting PROMPT_COMMAND: "
						"a shell runs it as code"),
	       "  one line says so: %s", say.data ? say.data : "");
	vh_envvars_free(&v);
	vh_buf_free(&say);

	/* not JSON: none, one line */
	put("p/conda-meta/state", "{\"env_vars\": {\"A\": \"1\"");
	tap_ok(vh_envvars_conda(&v, &say, at("p")) == 0 && v.n == 0 && lines(&say) == 1 &&
	       strstr(say.data, "is not JSON conda reads: none of its variables set"),
	       "not JSON: no variable, one line");
	vh_envvars_free(&v);
	vh_buf_free(&say);

	/* too big */
	vh_buf_puts(&big, "{\"env_vars\": {\"A\": \"");
	for (i = 0; i < VH_ENVVARS_FILE_MAX / 8; i++)
		vh_buf_puts(&big, "xxxxxxxx");
	vh_buf_puts(&big, "\"}}");
	put("p/conda-meta/state", vh_buf_str(&big));
	vh_buf_free(&big);
	tap_ok(vh_envvars_conda(&v, &say, at("p")) == 0 && v.n == 0 && lines(&say) == 1 &&
	       strstr(say.data, "is larger than"), "larger than the bound: none, one line");
	vh_envvars_free(&v);
	vh_buf_free(&say);

	/* a value over 32 KiB, and more than 64 variables */
	vh_buf_puts(&big, "{\"env_vars\": {\"LONG\": \"");
	for (i = 0; i < VH_ENVVAR_VALUE_MAX + 1; i++)
		vh_buf_putc(&big, 'v');
	vh_buf_puts(&big, "\"");
	for (i = 0; i < VH_ENVVARS_MAX + 5; i++)
		vh_buf_printf(&big, ", \"V%d\": \"%d\"", i, i);
	vh_buf_puts(&big, "}}");
	put("p/conda-meta/state", vh_buf_str(&big));
	vh_buf_free(&big);
	tap_ok(vh_envvars_conda(&v, &say, at("p")) == 0 && v.n == VH_ENVVARS_MAX && !value_of(&v, "LONG") &&
	       value_of(&v, "V63") && !value_of(&v, "V64") && lines(&say) == 6,
	       "a value too long and the variables past 64 refused, a line each (%zu set, %d lines)", v.n,
	       lines(&say));
	vh_envvars_free(&v);
	vh_buf_free(&say);

	/* a directory, and a FIFO: refused without blocking */
	unlink(at("p/conda-meta/state"));
	mkdir(at("p/conda-meta/state"), 0700);
	tap_ok(vh_envvars_conda(&v, &say, at("p")) == 0 && v.n == 0 && lines(&say) == 1 &&
	       strstr(say.data, "is not a regular file"), "a directory as the state file: one line");
	vh_envvars_free(&v);
	vh_buf_free(&say);
	rmdir(at("p/conda-meta/state"));
	tap_ok(mkfifo(at("p/conda-meta/state"), 0600) == 0, "a FIFO as the state file");
	/* a writer holds it open: a blocking read would wait for ever */
	fd = open(at("p/conda-meta/state"), O_RDWR | O_NONBLOCK);
	tap_ok(vh_envvars_conda(&v, &say, at("p")) == 0 && v.n == 0 && lines(&say) == 1 &&
	       strstr(say.data, "is not a regular file"), "  read without blocking, refused with one line");
	if (fd >= 0)
		close(fd);
	vh_envvars_free(&v);
	vh_buf_free(&say);
	unlink(at("p/conda-meta/state"));
}

static void pixi(void)
{
	struct vh_envvars v;
	struct vh_buf say = VH_BUF_INIT;

	/* [activation] env, Feature::activation_env (crates/pixi_manifest/src/
	 * feature.rs at pixi 2b25fc76dd3b5cc50a235387d948474975c40d73) */
	put("pixi.toml", "[workspace]\nname = \"w\"\nchannels = []\nplatforms = [\"linux-64\"]\n\n"
			 "[activation]\nscripts = [\"x.sh\"]\n[activation.env]\nMY = \"a $HOME b\"\n"
			 "PS1 = \"$(id)\"\nN = 3\n[target.linux-64.activation.env]\nT = \"t\"\n");
	tap_ok(vh_envvars_pixi(&v, &say, at("pixi.toml")) == 0 && v.n == 1, "pixi.toml: one variable (%zu)", v.n);
	tap_str(value_of(&v, "MY"), "a $HOME b", "  as a plain string: nothing expanded");
	tap_ok(lines(&say) == 2 && strstr(say.data, "not setting PS1") && strstr(say.data, "not setting N"),
	       "  PS1 and a number refused, a line each");
	vh_envvars_free(&v);
	vh_buf_free(&say);
	put("pyproject.toml", "[project]\nname = \"w\"\n[tool.pixi.activation]\nenv = { PY = \"1\" }\n");
	tap_ok(vh_envvars_pixi(&v, &say, at("pyproject.toml")) == 0 && v.n == 1 && value_of(&v, "PY"),
	       "pyproject.toml: [tool.pixi.activation] env");
	vh_envvars_free(&v);
	vh_buf_free(&say);
}

int main(void)
{
	char cmd[600];

	if (!mkdtemp(root))
		return 1;
	json();
	names();
	leaving();
	conda();
	pixi();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		tap_ok(0, "cleanup");
	return tap_done();
}
