#include "core/find/envvars.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/util/err.h"
#include "core/util/fileio.h"
#include "core/util/json.h"
#include "core/util/msg.h"
#include "core/util/toml.h"

/* Names an env may not set, compared without case (a shell ties `path`,
 * `fpath`, `cdpath` and `prompt` to their upper-case twins, and a name
 * differing in case only is a trap for a reader): the union over every
 * shell venvhook hooks, each for a reason its manual gives (the shells'
 * own names are in doc/THREATS.md's row): */
static const struct {
	const char *name;
	const char *why;
} refused[] = {
	/* a shell runs or expands it at the prompt, or sources it: code at once */
	{ "PROMPT_COMMAND", "a shell runs it as code" },
	{ "PS0", "a shell expands it as code at the prompt" },
	{ "PS1", "a shell expands it as code at the prompt" },
	{ "PS2", "a shell expands it as code at the prompt" },
	{ "PS3", "a shell expands it as code at the prompt" },
	{ "PS4", "a shell expands it as code at the prompt" },
	{ "PROMPT", "a shell expands it as code at the prompt" },
	{ "RPROMPT", "a shell expands it as code at the prompt" },
	{ "RPS1", "a shell expands it as code at the prompt" },
	{ "RPS2", "a shell expands it as code at the prompt" },
	{ "SPROMPT", "a shell expands it as code at the prompt" },
	{ "RIGHT_PROMPT", "a shell shows it as its prompt" },
	{ "MULTILINE_PROMPT", "a shell shows it as its prompt" },
	{ "BOTTOM_TOOLBAR", "a shell shows it as its prompt" },
	{ "TITLE", "a shell shows it as its prompt" },
	{ "ENV", "a shell sources the file it names" },
	{ "ZDOTDIR", "a shell sources the files it names" },
	{ "INPUTRC", "readline reads its key bindings (commands) from it" },
	{ "FPATH", "a shell loads functions from it" },
	{ "MODULE_PATH", "a shell loads modules from it" },
	{ "MAIL", "a shell checks it at the prompt" },
	{ "MAILPATH", "a shell expands its messages at the prompt" },
	{ "MAILCHECK", "a shell checks mail at the prompt by it" },
	{ "STTY", "a shell runs stty with it" },
	{ "NULLCMD", "a shell runs it for a redirection alone" },
	{ "READNULLCMD", "a shell runs it for a redirection alone" },
	{ "POSTEDIT", "a shell prints it after every line" },
	/* it changes how the shell reads every line */
	{ "IFS", "it changes how a shell splits every word" },
	{ "CDPATH", "it changes where a shell's cd goes" },
	{ "SHELLOPTS", "a shell takes its options from it" },
	{ "POSIXLY_CORRECT", "it changes how a shell reads code" },
	{ "GLOBIGNORE", "it changes how a shell expands words" },
	{ "FIGNORE", "it changes a shell's completion" },
	{ "EXECIGNORE", "it changes which commands a shell runs" },
	{ "HOSTFILE", "a shell completes from the file it names" },
	{ "TMOUT", "a shell exits by it" },
	{ "FUNCNEST", "it changes how a shell runs functions" },
	{ "TIMEFORMAT", "a shell prints by it" },
	{ "TIMEFMT", "a shell prints by it" },
	{ "WATCH", "a shell acts on it at the prompt" },
	{ "WATCHFMT", "a shell prints by it at the prompt" },
	{ "LOGCHECK", "a shell acts on it at the prompt" },
	{ "KEYTIMEOUT", "it changes a shell's line editor" },
	{ "WORDCHARS", "it changes a shell's line editor" },
	{ "ENV_CONVERSIONS", "a shell runs its closures" },
	{ "PATH", "venvhook sets it (the env's bin/ first)" },
	{ "PYTHONHOME", "venvhook manages it" },
	/* the shell's own, some read-only: setting one breaks the shell */
	{ "HOME", "the shell and every program take it as the user's" },
	{ "SHELL", "the shell and every program take it as the user's" },
	{ "USER", "the shell and every program take it as the user's" },
	{ "LOGNAME", "the shell and every program take it as the user's" },
	{ "TERM", "the shell and the terminal's programs read it" },
	{ "TERMCAP", "the terminal's programs read it" },
	{ "TERMINFO", "the terminal's programs read it" },
	{ "TERMINFO_DIRS", "the terminal's programs read it" },
	{ "PWD", "the shell keeps it" },
	{ "OLDPWD", "the shell keeps it" },
	{ "SHLVL", "the shell keeps it" },
	{ "UID", "the shell keeps it (read-only)" },
	{ "EUID", "the shell keeps it (read-only)" },
	{ "PPID", "the shell keeps it (read-only)" },
	{ "GROUPS", "the shell keeps it" },
	{ "LINENO", "the shell keeps it" },
	{ "RANDOM", "the shell keeps it" },
	{ "SRANDOM", "the shell keeps it" },
	{ "SECONDS", "the shell keeps it" },
	{ "OPTIND", "the shell keeps it" },
	{ "OPTARG", "the shell keeps it" },
	{ "REPLY", "the shell keeps it" },
	{ "STATUS", "the shell keeps it (read-only)" },
	{ "PIPESTATUS", "the shell keeps it (read-only)" },
	{ "ARGV", "the shell keeps it" },
	{ "VERSION", "the shell keeps it (read-only)" },
	{ "HOSTNAME", "the shell keeps it" },
	{ "HISTORY", "the shell keeps it (read-only)" },
	{ "UMASK", "the shell keeps it" },
	{ "COLUMNS", "the shell keeps it" },
	{ "LINES", "the shell keeps it" },
	{ "LAST_EXIT_CODE", "the shell keeps it" },
	{ "CMD_DURATION_MS", "the shell keeps it" },
	{ "FILE_PWD", "the shell keeps it" },
	{ "CURRENT_FILE", "the shell keeps it" },
	{ "CONFIG", "the shell keeps it" },
	{ "_", "the shell keeps it" },
	/* another program the user runs (at the prompt, or the system's own,
	 * not the env's) loads or runs code by it: the env would reach past
	 * its bin/ (the loader's, glibc's, the interpreters' and the pagers') */
	{ "GCONV_PATH", "glibc loads code from it into programs that convert text" },
	{ "LOCPATH", "glibc loads locale data from it into every program" },
	{ "NLSPATH", "programs load their messages from it" },
	{ "PERL5OPT", "every Perl program takes options (code) from it" },
	{ "PERL5LIB", "every Perl program loads modules from it" },
	{ "PERLLIB", "every Perl program loads modules from it" },
	{ "PERL5DB", "Perl runs it as code" },
	{ "NODE_OPTIONS", "every Node.js program takes options (--require code) from it" },
	{ "RUBYOPT", "every Ruby program takes options (code) from it" },
	{ "RUBYLIB", "every Ruby program loads code from it" },
	{ "JAVA_TOOL_OPTIONS", "every Java program takes options (agents: code) from it" },
	{ "_JAVA_OPTIONS", "every Java program takes options (agents: code) from it" },
	{ "JDK_JAVA_OPTIONS", "every Java program takes options (agents: code) from it" },
	{ "DOTNET_STARTUP_HOOKS", "every .NET program loads code from it" },
	{ "PYTHONSTARTUP", "every interactive Python runs it as code" },
	{ "LESSOPEN", "less runs it as a command" },
	{ "LESSCLOSE", "less runs it as a command" },
	{ "PAGER", "git, man and others run it as a command" },
	{ "MANPAGER", "man runs it as a command" },
	{ "EDITOR", "git and others run it as a command" },
	{ "VISUAL", "git and others run it as a command" },
	{ "BROWSER", "programs run it as a command" },
	{ "SSH_ASKPASS", "ssh runs it as a command" },
	{ "SUDO_ASKPASS", "sudo runs it as a command" },
	{ "SSH_AUTH_SOCK", "ssh hands the user's keys to the agent it names" },
	{ "GNUPGHOME", "gpg takes the user's keys and configuration from it" },
	{ "MAKEFILES", "every make reads the makefiles it names (code)" },
	{ "VIMINIT", "vim runs it as commands" },
	{ "EXINIT", "vi runs it as commands" },
	{ "MANOPT", "man takes options (programs to run) from it" },
	{ "LESS", "less takes options from it" },
	{ "LESSKEYIN", "less takes key bindings (commands) from it" },
	{ "FCEDIT", "a shell's fc runs it as a command" },
	{ "SUDO_EDITOR", "sudoedit runs it as a command" },
	{ "SYSTEMD_EDITOR", "systemctl edit runs it as a command" },
	{ "HGRCPATH", "hg, which prompts run, takes hooks (commands) from it" },
	{ "LUA_INIT", "every Lua program runs it as code" },
	{ "PHPRC", "every PHP program loads its configuration (code) from it" },
	{ "PHP_INI_SCAN_DIR", "every PHP program loads its configuration (code) from it" },
	{ "GEM_HOME", "every Ruby program loads gems from it" },
	{ "GEM_PATH", "every Ruby program loads gems from it" },
	{ "NODE_PATH", "every Node.js program loads modules from it" },
	{ "GOFLAGS", "go takes flags (-toolexec: a program to run) from it" },
	{ "RUSTC_WRAPPER", "cargo runs it as a command" },
	{ "R_PROFILE_USER", "R runs it as code" },
	{ "OPENSSL_CONF", "every program using OpenSSL loads modules (code) by it" },
	{ "OPENSSL_MODULES", "every program using OpenSSL loads code from it" },
	{ "GTK_MODULES", "every GTK program loads code by it" },
	{ "QT_PLUGIN_PATH", "every Qt program loads code from it" },
	{ "GIO_EXTRA_MODULES", "every GIO program loads code from it" },
	{ "DISPLAY", "graphical programs connect to the display it names" },
	{ "DBUS_SESSION_BUS_ADDRESS", "programs talk to the session bus it names" },
	{ "TMPDIR", "programs put their temporary files where it says" },
	{ "TMPPREFIX", "a shell puts its temporary files where it says" },
	{ "TEXTDOMAINDIR", "programs load their messages from it" },
	{ "PYTHONWARNINGS", "every Python program imports by it" },
	{ "PYTHONBREAKPOINT", "every Python program imports by it" },
	{ "LANG", "it changes how every program reads bytes, quotes included" },
	{ "LANGUAGE", "programs load their messages by it" },
	/* the shells' own in upper case, some read-only or tied to the
	 * user's ids: a failed or privileged assignment */
	{ "ARGC", "the shell keeps it (read-only)" },
	{ "GID", "the shell changes its group by it" },
	{ "EGID", "the shell changes its group by it" },
	{ "USERNAME", "the shell changes its user by it" },
	{ "TTYIDLE", "the shell keeps it (read-only)" },
	{ "KEYBOARD_HACK", "it changes how a shell reads lines" },
	{ "PSVAR", "a shell expands it in the prompt" },
	{ "SAVEHIST", "a shell saves its history by it" },
	{ "TRY_BLOCK_ERROR", "it changes how a shell runs code" },
	{ "TRY_BLOCK_INTERRUPT", "it changes how a shell runs code" },
	{ "USER_ID", "the shell keeps it (read-only)" },
	{ "PATHSEP", "the shell keeps it (read-only)" },
	{ "EPOCHSECONDS", "the shell keeps it" },
	{ "EPOCHREALTIME", "the shell keeps it" },
	/* venvhook's own, and what decides venvhook's answers */
	{ "WORKON_HOME", "venvhook finds envs by it" },
	{ "VIRTUALFISH_HOME", "venvhook finds envs by it" },
};

/* ... and every name that starts with one of these */
static const struct {
	const char *prefix;
	const char *why;
} refused_prefix[] = {
	{ "__", "shells and their add-ons keep their state and functions there" },
	{ "BASH", "a shell reads it as code or configuration (BASH_ENV, BASH_FUNC_*...)" },
	{ "HIST", "a shell reads its history by it" },
	{ "ZSH", "a shell and its add-ons read it as configuration" },
	{ "ZLE_", "a shell's line editor reads it" },
	{ "FISH", "a shell reads it as configuration" },
	{ "XONSH", "a shell reads it as configuration" },
	{ "NU_", "a shell loads code by it" },
	{ "ELVISH", "a shell reads it as configuration" },
	{ "KSH", "a shell reads it as configuration" },
	{ "PROMPT_", "a shell shows or runs it at the prompt" },
	{ "STARSHIP", "a prompt runs the commands its configuration names" },
	{ "POWERLEVEL9K", "a prompt reads it as configuration" },
	{ "LP_", "a prompt reads it as configuration" },
	{ "GIT_", "git, which many prompts run, takes programs to run from it" },
	{ "DIRENV_", "direnv, whose hook runs at every prompt, takes its trust and state from it" },
	{ "MISE_", "mise, whose hook runs at every prompt, takes its trust and configuration from it" },
	{ "FZF_", "fzf runs the commands it names" },
	{ "_ZO_", "zoxide and fzf take options (commands) from it" },
	{ "NPM_CONFIG_", "npm takes its configuration (scripts, registries) from it" },
	{ "LC_", "it changes how every program reads bytes, quotes included" },
	{ "LD_", "the dynamic loader loads code into every program by it" },
	{ "DYLD_", "the dynamic loader loads code into every program by it" },
	{ "VIRTUAL_ENV", "venvhook sets it" },
	{ "CONDA", "conda's activation and venvhook manage it" },
	{ "VENVHOOK", "venvhook reads it" },
	{ "XDG_", "venvhook and every program find their configuration by it" },
	{ "PIPENV_", "venvhook finds envs by it" },
	{ "POETRY_", "venvhook finds envs by it" },
	{ "PYENV", "venvhook finds envs by it" },
	{ "UV_", "venvhook finds envs by it" },
	{ "HATCH_", "venvhook finds envs by it" },
	{ "PDM_", "venvhook finds envs by it" },
	{ "PIPX_", "venvhook finds envs by it" },
	{ "PIXI_", "venvhook finds envs by it" },
	{ "VIRTUALENVWRAPPER_", "venvhook finds envs by it" },
	{ "AUTOSWITCH_", "venvhook finds envs by it" },
};

static const char *const lower_ok[] = { "http_proxy", "https_proxy", "ftp_proxy", "no_proxy",
					"all_proxy", NULL };

static int in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return 1;
	return 0;
}

const char *vh_envvar_refused(const char *name)
{
	const char *p;
	size_t i;

	if (!name || !(*name == '_' || (*name >= 'A' && *name <= 'Z') || (*name >= 'a' && *name <= 'z')))
		return "it is not a variable's name ([A-Za-z_][A-Za-z0-9_]*)";
	for (p = name + 1; *p; p++)
		if (!(*p == '_' || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9')))
			return "it is not a variable's name ([A-Za-z_][A-Za-z0-9_]*)";
	if (p - name > VH_ENVVAR_NAME_MAX)
		return "the name is too long";
	/* the shells' own parameters are lower case (path, psvar,
	 * precmd_functions, status, prompt...: some are arrays or read-only,
	 * and a failed assignment stops the rest of what the hook evals);
	 * the proxies are the lower-case names programs read */
	for (p = name; *p; p++)
		if (*p >= 'a' && *p <= 'z' && !in_list(name, lower_ok))
			return "it has a lower-case letter, as a shell's own parameters do";
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (!strcasecmp(name, refused[i].name))
			return refused[i].why;
	for (i = 0; i < sizeof(refused_prefix) / sizeof(refused_prefix[0]); i++)
		if (!strncasecmp(name, refused_prefix[i].prefix, strlen(refused_prefix[i].prefix)))
			return refused_prefix[i].why;
	return NULL;
}

void vh_envvars_free(struct vh_envvars *vars)
{
	size_t i;

	for (i = 0; i < vars->n; i++) {
		free(vars->v[i].name);
		free(vars->v[i].value);
	}
	free(vars->v);
	memset(vars, 0, sizeof(*vars));
}

/* "FILE: not setting NAME: WHY\n" into say. */
static int refuse(struct vh_buf *say, const char *file, const char *name, const char *why)
{
	if (vh_msg_escape(say, file) < 0 || vh_buf_puts(say, ": not setting ") < 0 ||
	    vh_msg_escape(say, name) < 0 || vh_buf_printf(say, ": %s\n", why) < 0)
		return VH_ENOMEM;
	return 0;
}

/* name = value into out, judged: a later value of a name replaces the
 * earlier (as Python's dict and pixi's map keep it). */
static int add(struct vh_envvars *out, struct vh_buf *say, const char *file, const char *name,
	       const char *value, size_t *nrefused)
{
	const char *why = vh_envvar_refused(name);
	struct vh_envvar *v;
	char *copy;
	size_t i;

	if (!why && !value)
		why = "its value is not a string without NUL";
	if (!why && strlen(value) > VH_ENVVAR_VALUE_MAX)
		why = "its value is longer than 32 KiB";
	for (i = 0; !why && i < out->n; i++)
		if (!strcmp(out->v[i].name, name)) {
			if (!(copy = strdup(value)))
				return VH_ENOMEM;
			free(out->v[i].value);
			out->v[i].value = copy;
			return 0;
		}
	if (!why && out->n >= VH_ENVVARS_MAX)
		why = "more than 64 variables";
	if (why) {
		/* one line each, up to 8; then one for the rest */
		if (++*nrefused > 9)
			return 0;
		if (*nrefused == 9)
			return vh_msg_escape(say, file) < 0 ||
			       vh_buf_puts(say, ": not setting more of its variables\n") < 0 ? VH_ENOMEM : 0;
		return refuse(say, file, name, why);
	}
	v = realloc(out->v, (out->n + 1) * sizeof(*v));
	if (!v)
		return VH_ENOMEM;
	out->v = v;
	v[out->n].name = strdup(name);
	v[out->n].value = strdup(value);
	if (!v[out->n].name || !v[out->n].value) {
		free(v[out->n].name);
		free(v[out->n].value);
		return VH_ENOMEM;
	}
	out->n++;
	return 0;
}

/* conda's mark for a variable `conda env config vars unset` left in the
 * file: not set (CONDA_ENV_VARS_UNSET_VAR, conda/base/constants.py) */
static const char conda_unset[] = "***unset***";

int vh_envvars_conda(struct vh_envvars *out, struct vh_buf *say, const char *prefix)
{
	struct vh_buf file = VH_BUF_INIT, text = VH_BUF_INIT, why = VH_BUF_INIT;
	struct vh_json_pairs pairs = { 0 };
	size_t i, nrefused = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = VH_ENOMEM;
	if (vh_buf_puts(&file, prefix) < 0 || vh_buf_puts(&file, "/conda-meta/state") < 0)
		goto done;
	/* PREFIX_STATE_FILE (conda/base/constants.py), read by
	 * Activator._get_environment_env_vars (conda/activate.py), written by
	 * PrefixData._write_environment_state_file (conda/core/prefix_data.py)
	 * as {"env_vars": {NAME: VALUE}}, at conda 0f64223f */
	rc = vh_read_file_why(&text, &why, vh_buf_str(&file), VH_ENVVARS_FILE_MAX);
	if (rc == VH_ENOTFOUND) {
		rc = 0;
		goto done;
	}
	if (rc == 0) {
		rc = vh_json_members(&pairs, text.data ? text.data : "", text.len, "env_vars");
		if (rc == VH_ESYNTAX)
			rc = vh_buf_puts(&why, "is not JSON conda reads") < 0 ? VH_ENOMEM : VH_EREFUSED;
	}
	if (rc == VH_EREFUSED) {
		rc = VH_ENOMEM;
		if (vh_msg_escape(say, vh_buf_str(&file)) < 0 || vh_buf_puts(say, " ") < 0 ||
		    vh_buf_puts(say, vh_buf_str(&why)) < 0 ||
		    vh_buf_puts(say, ": none of its variables set\n") < 0)
			goto done;
		rc = 0;
		goto done;
	}
	for (i = 0; rc == 0 && i < pairs.n; i++) {
		if (!pairs.v[i].bad && !strcmp(pairs.v[i].value, conda_unset))
			continue;
		rc = add(out, say, vh_buf_str(&file), pairs.v[i].key,
			 pairs.v[i].bad ? NULL : pairs.v[i].value, &nrefused);
	}
done:
	vh_json_pairs_free(&pairs);
	vh_buf_free(&file);
	vh_buf_free(&text);
	vh_buf_free(&why);
	return rc;
}

int vh_envvars_pixi(struct vh_envvars *out, struct vh_buf *say, const char *manifest)
{
	struct vh_buf err = VH_BUF_INIT;
	struct vh_toml doc = { 0 };
	const char *parts[8];
	size_t i, base, n = strlen(manifest), nrefused = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	/* Environment::activation_env (crates/pixi_core/src/workspace/
	 * environment.rs) and Feature::activation_env (crates/pixi_manifest/
	 * src/feature.rs) at pixi 2b25fc76: the default feature's
	 * [activation] env, in a pyproject.toml under [tool.pixi] */
	base = n >= 15 && !strcmp(manifest + n - 15, "/pyproject.toml") ? 2 : 0;
	rc = vh_toml_read(&doc, &err, manifest, VH_ENVVARS_FILE_MAX);
	if (rc == VH_ENOTFOUND || rc == VH_EREFUSED) {
		/* the manifest's own problems are said where its name is read */
		rc = 0;
		goto done;
	}
	for (i = 0; rc == 0 && i < doc.n; i++) {
		const struct vh_toml_entry *e = &doc.v[i];

		if (e->depth != base + 3 || e->type == VH_TOML_TABLE)
			continue;
		vh_toml_key(&doc, e, parts);
		if ((base && (strcmp(parts[0], "tool") || strcmp(parts[1], "pixi"))) ||
		    strcmp(parts[base], "activation") || strcmp(parts[base + 1], "env"))
			continue;
		rc = add(out, say, manifest, parts[base + 2], e->type == VH_TOML_STRING ? e->str : NULL,
			 &nrefused);
	}
done:
	vh_toml_free(&doc);
	vh_buf_free(&err);
	return rc;
}
