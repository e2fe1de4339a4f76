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
/* KEEP marks a name that leaving never touches (vh_envvar_kept), as its
 * unsetting could hurt: the shell's own, what it reads as code or how it
 * reads lines, venvhook's, conda's and the other hooks' bookkeeping, and
 * the session's (its agent, display, bus, XDG dirs, what venvhook finds
 * envs by). GONE marks one that leaving takes off all the same: another
 * program's, so that a name an older venvhook set and this one refuses
 * does not stay set after an upgrade. */
enum { GONE, KEEP };

static const struct {
	const char *name;
	const char *why;
	int keep;
} refused[] = {
	/* a shell runs or expands it at the prompt, or sources it: code at once */
	{ "PROMPT_COMMAND", "a shell runs it as code", KEEP },
	{ "PS0", "a shell expands it as code at the prompt", KEEP },
	{ "PS1", "a shell expands it as code at the prompt", KEEP },
	{ "PS2", "a shell expands it as code at the prompt", KEEP },
	{ "PS3", "a shell expands it as code at the prompt", KEEP },
	{ "PS4", "a shell expands it as code at the prompt", KEEP },
	{ "PROMPT", "a shell expands it as code at the prompt", KEEP },
	{ "RPROMPT", "a shell expands it as code at the prompt", KEEP },
	{ "RPS1", "a shell expands it as code at the prompt", KEEP },
	{ "RPS2", "a shell expands it as code at the prompt", KEEP },
	{ "SPROMPT", "a shell expands it as code at the prompt", KEEP },
	{ "RIGHT_PROMPT", "a shell shows it as its prompt", KEEP },
	{ "MULTILINE_PROMPT", "a shell shows it as its prompt", KEEP },
	{ "BOTTOM_TOOLBAR", "a shell shows it as its prompt", KEEP },
	{ "TITLE", "a shell shows it as its prompt", KEEP },
	{ "ENV", "a shell sources the file it names", KEEP },
	{ "ZDOTDIR", "a shell sources the files it names", KEEP },
	{ "INPUTRC", "readline reads its key bindings (commands) from it", KEEP },
	{ "FPATH", "a shell loads functions from it", KEEP },
	{ "MODULE_PATH", "a shell loads modules from it", KEEP },
	{ "MAIL", "a shell checks it at the prompt", KEEP },
	{ "MAILPATH", "a shell expands its messages at the prompt", KEEP },
	{ "MAILCHECK", "a shell checks mail at the prompt by it", KEEP },
	{ "STTY", "a shell runs stty with it", KEEP },
	{ "NULLCMD", "a shell runs it for a redirection alone", KEEP },
	{ "READNULLCMD", "a shell runs it for a redirection alone", KEEP },
	{ "POSTEDIT", "a shell prints it after every line", KEEP },
	/* it changes how the shell reads every line */
	{ "IFS", "it changes how a shell splits every word", KEEP },
	{ "CDPATH", "it changes where a shell's cd goes", KEEP },
	{ "SHELLOPTS", "a shell takes its options from it", KEEP },
	{ "POSIXLY_CORRECT", "it changes how a shell reads code", KEEP },
	{ "GLOBIGNORE", "it changes how a shell expands words", KEEP },
	{ "FIGNORE", "it changes a shell's completion", KEEP },
	{ "EXECIGNORE", "it changes which commands a shell runs", KEEP },
	{ "HOSTFILE", "a shell completes from the file it names", KEEP },
	{ "TMOUT", "a shell exits by it", KEEP },
	{ "FUNCNEST", "it changes how a shell runs functions", KEEP },
	{ "TIMEFORMAT", "a shell prints by it", KEEP },
	{ "TIMEFMT", "a shell prints by it", KEEP },
	{ "WATCH", "a shell acts on it at the prompt", KEEP },
	{ "WATCHFMT", "a shell prints by it at the prompt", KEEP },
	{ "LOGCHECK", "a shell acts on it at the prompt", KEEP },
	{ "KEYTIMEOUT", "it changes a shell's line editor", KEEP },
	{ "WORDCHARS", "it changes a shell's line editor", KEEP },
	{ "ENV_CONVERSIONS", "a shell runs its closures", KEEP },
	{ "PATH", "venvhook sets it (the env's bin/ first)", KEEP },
	{ "PYTHONHOME", "venvhook manages it", KEEP },
	/* the shell's own, some read-only: setting one breaks the shell */
	{ "HOME", "the shell and every program take it as the user's", KEEP },
	{ "SHELL", "the shell and every program take it as the user's", KEEP },
	{ "USER", "the shell and every program take it as the user's", KEEP },
	{ "LOGNAME", "the shell and every program take it as the user's", KEEP },
	{ "TERM", "the shell and the terminal's programs read it", KEEP },
	{ "TERMCAP", "the terminal's programs read it", KEEP },
	{ "TERMINFO", "the terminal's programs read it", KEEP },
	{ "TERMINFO_DIRS", "the terminal's programs read it", KEEP },
	{ "PWD", "the shell keeps it", KEEP },
	{ "OLDPWD", "the shell keeps it", KEEP },
	{ "SHLVL", "the shell keeps it", KEEP },
	{ "UID", "the shell keeps it (read-only)", KEEP },
	{ "EUID", "the shell keeps it (read-only)", KEEP },
	{ "PPID", "the shell keeps it (read-only)", KEEP },
	{ "GROUPS", "the shell keeps it", KEEP },
	{ "LINENO", "the shell keeps it", KEEP },
	{ "RANDOM", "the shell keeps it", KEEP },
	{ "SRANDOM", "the shell keeps it", KEEP },
	{ "SECONDS", "the shell keeps it", KEEP },
	{ "OPTIND", "the shell keeps it", KEEP },
	{ "OPTARG", "the shell keeps it", KEEP },
	{ "REPLY", "the shell keeps it", KEEP },
	{ "STATUS", "the shell keeps it (read-only)", KEEP },
	{ "PIPESTATUS", "the shell keeps it (read-only)", KEEP },
	{ "ARGV", "the shell keeps it", KEEP },
	{ "VERSION", "the shell keeps it (read-only)", KEEP },
	{ "HOSTNAME", "the shell keeps it", KEEP },
	{ "HISTORY", "the shell keeps it (read-only)", KEEP },
	{ "UMASK", "the shell keeps it", KEEP },
	{ "COLUMNS", "the shell keeps it", KEEP },
	{ "LINES", "the shell keeps it", KEEP },
	{ "LAST_EXIT_CODE", "the shell keeps it", KEEP },
	{ "CMD_DURATION_MS", "the shell keeps it", KEEP },
	{ "FILE_PWD", "the shell keeps it", KEEP },
	{ "CURRENT_FILE", "the shell keeps it", KEEP },
	{ "CONFIG", "the shell keeps it", KEEP },
	{ "_", "the shell keeps it", KEEP },
	/* another program the user runs (at the prompt, or the system's own,
	 * not the env's) loads or runs code by it: the env would reach past
	 * its bin/ (the loader's, glibc's, the interpreters' and the pagers') */
	{ "GCONV_PATH", "glibc loads code from it into programs that convert text", GONE },
	{ "LOCPATH", "glibc loads locale data from it into every program", GONE },
	{ "NLSPATH", "programs load their messages from it", GONE },
	{ "PERL5OPT", "every Perl program takes options (code) from it", GONE },
	{ "PERL5LIB", "every Perl program loads modules from it", GONE },
	{ "PERLLIB", "every Perl program loads modules from it", GONE },
	{ "PERL5DB", "Perl runs it as code", GONE },
	{ "NODE_OPTIONS", "every Node.js program takes options (--require code) from it", GONE },
	{ "RUBYOPT", "every Ruby program takes options (code) from it", GONE },
	{ "RUBYLIB", "every Ruby program loads code from it", GONE },
	{ "JAVA_TOOL_OPTIONS", "every Java program takes options (agents: code) from it", GONE },
	{ "_JAVA_OPTIONS", "every Java program takes options (agents: code) from it", GONE },
	{ "JDK_JAVA_OPTIONS", "every Java program takes options (agents: code) from it", GONE },
	{ "DOTNET_STARTUP_HOOKS", "every .NET program loads code from it", GONE },
	{ "PYTHONSTARTUP", "every interactive Python runs it as code", GONE },
	{ "LESSOPEN", "less runs it as a command", GONE },
	{ "LESSCLOSE", "less runs it as a command", GONE },
	{ "PAGER", "git, man and others run it as a command", GONE },
	{ "MANPAGER", "man runs it as a command", GONE },
	{ "EDITOR", "git and others run it as a command", GONE },
	{ "VISUAL", "git and others run it as a command", GONE },
	{ "BROWSER", "programs run it as a command", GONE },
	{ "SSH_ASKPASS", "ssh runs it as a command", GONE },
	{ "SUDO_ASKPASS", "sudo runs it as a command", GONE },
	{ "SSH_AUTH_SOCK", "ssh hands the user's keys to the agent it names", KEEP },
	{ "GNUPGHOME", "gpg takes the user's keys and configuration from it", KEEP },
	{ "MAKEFILES", "every make reads the makefiles it names (code)", GONE },
	{ "VIMINIT", "vim runs it as commands", GONE },
	{ "EXINIT", "vi runs it as commands", GONE },
	{ "MANOPT", "man takes options (programs to run) from it", GONE },
	{ "LESS", "less takes options from it", GONE },
	{ "LESSKEYIN", "less takes key bindings (commands) from it", GONE },
	{ "FCEDIT", "a shell's fc runs it as a command", KEEP },
	{ "SUDO_EDITOR", "sudoedit runs it as a command", GONE },
	{ "SYSTEMD_EDITOR", "systemctl edit runs it as a command", GONE },
	{ "HGRCPATH", "hg, which prompts run, takes hooks (commands) from it", GONE },
	{ "LUA_INIT", "every Lua program runs it as code", GONE },
	{ "PHPRC", "every PHP program loads its configuration (code) from it", GONE },
	{ "PHP_INI_SCAN_DIR", "every PHP program loads its configuration (code) from it", GONE },
	{ "GEM_HOME", "every Ruby program loads gems from it", GONE },
	{ "GEM_PATH", "every Ruby program loads gems from it", GONE },
	{ "NODE_PATH", "every Node.js program loads modules from it", GONE },
	{ "GOFLAGS", "go takes flags (-toolexec: a program to run) from it", GONE },
	{ "RUSTC_WRAPPER", "cargo runs it as a command", GONE },
	{ "R_PROFILE_USER", "R runs it as code", GONE },
	{ "OPENSSL_CONF", "every program using OpenSSL loads modules (code) by it", GONE },
	{ "OPENSSL_MODULES", "every program using OpenSSL loads code from it", GONE },
	{ "GTK_MODULES", "every GTK program loads code by it", GONE },
	{ "QT_PLUGIN_PATH", "every Qt program loads code from it", GONE },
	{ "GIO_EXTRA_MODULES", "every GIO program loads code from it", GONE },
	{ "DISPLAY", "graphical programs connect to the display it names", KEEP },
	{ "DBUS_SESSION_BUS_ADDRESS", "programs talk to the session bus it names", KEEP },
	{ "TMPDIR", "programs put their temporary files where it says", KEEP },
	{ "TMPPREFIX", "a shell puts its temporary files where it says", KEEP },
	{ "TEXTDOMAINDIR", "programs load their messages from it", GONE },
	{ "PYTHONWARNINGS", "every Python program imports by it", GONE },
	{ "PYTHONBREAKPOINT", "every Python program imports by it", GONE },
	{ "LANG", "it changes how every program reads bytes, quotes included", KEEP },
	{ "LANGUAGE", "programs load their messages by it", GONE },
	/* the shells' own in upper case, some read-only or tied to the
	 * user's ids: a failed or privileged assignment */
	{ "ARGC", "the shell keeps it (read-only)", KEEP },
	{ "GID", "the shell changes its group by it", KEEP },
	{ "EGID", "the shell changes its group by it", KEEP },
	{ "USERNAME", "the shell changes its user by it", KEEP },
	{ "TTYIDLE", "the shell keeps it (read-only)", KEEP },
	{ "KEYBOARD_HACK", "it changes how a shell reads lines", KEEP },
	{ "PSVAR", "a shell expands it in the prompt", KEEP },
	{ "SAVEHIST", "a shell saves its history by it", KEEP },
	{ "TRY_BLOCK_ERROR", "it changes how a shell runs code", KEEP },
	{ "TRY_BLOCK_INTERRUPT", "it changes how a shell runs code", KEEP },
	{ "USER_ID", "the shell keeps it (read-only)", KEEP },
	{ "PATHSEP", "the shell keeps it (read-only)", KEEP },
	{ "EPOCHSECONDS", "the shell keeps it", KEEP },
	{ "EPOCHREALTIME", "the shell keeps it", KEEP },
	/* venvhook's own, and what decides venvhook's answers */
	{ "WORKON_HOME", "venvhook finds envs by it", KEEP },
	{ "VIRTUALFISH_HOME", "venvhook finds envs by it", KEEP },
};

/* ... and every name that starts with one of these */
static const struct {
	const char *prefix;
	const char *why;
	int keep;
} refused_prefix[] = {
	{ "__", "shells and their add-ons keep their state and functions there", KEEP },
	{ "BASH", "a shell reads it as code or configuration (BASH_ENV, BASH_FUNC_*...)", KEEP },
	{ "HIST", "a shell reads its history by it", KEEP },
	{ "ZSH", "a shell and its add-ons read it as configuration", KEEP },
	{ "ZLE_", "a shell's line editor reads it", KEEP },
	{ "FISH", "a shell reads it as configuration", KEEP },
	{ "XONSH", "a shell reads it as configuration", KEEP },
	{ "NU_", "a shell loads code by it", KEEP },
	{ "ELVISH", "a shell reads it as configuration", KEEP },
	{ "KSH", "a shell reads it as configuration", KEEP },
	{ "PROMPT_", "a shell shows or runs it at the prompt", KEEP },
	{ "STARSHIP", "a prompt runs the commands its configuration names", KEEP },
	{ "POWERLEVEL9K", "a prompt reads it as configuration", KEEP },
	{ "LP_", "a prompt reads it as configuration", KEEP },
	{ "GIT_", "git, which many prompts run, takes programs to run from it", GONE },
	{ "DIRENV_", "direnv, whose hook runs at every prompt, takes its trust and state from it", KEEP },
	{ "MISE_", "mise, whose hook runs at every prompt, takes its trust and configuration from it", KEEP },
	{ "FZF_", "fzf runs the commands it names", GONE },
	{ "_ZO_", "zoxide and fzf take options (commands) from it", GONE },
	{ "NPM_CONFIG_", "npm takes its configuration (scripts, registries) from it", GONE },
	{ "LC_", "it changes how every program reads bytes, quotes included", KEEP },
	{ "LD_", "the dynamic loader loads code into every program by it", GONE },
	{ "DYLD_", "the dynamic loader loads code into every program by it", GONE },
	{ "VIRTUAL_ENV", "venvhook sets it", KEEP },
	{ "CONDA", "conda's activation and venvhook manage it", KEEP },
	{ "VENVHOOK", "venvhook reads it", KEEP },
	{ "XDG_", "venvhook and every program find their configuration by it", KEEP },
	{ "PIPENV_", "venvhook finds envs by it", KEEP },
	{ "POETRY_", "venvhook finds envs by it", KEEP },
	{ "PYENV", "venvhook finds envs by it", KEEP },
	{ "UV_", "venvhook finds envs by it", KEEP },
	{ "HATCH_", "venvhook finds envs by it", KEEP },
	{ "PDM_", "venvhook finds envs by it", KEEP },
	{ "PIPX_", "venvhook finds envs by it", KEEP },
	{ "PIXI_", "venvhook finds envs by it", KEEP },
	{ "VIRTUALENVWRAPPER_", "venvhook finds envs by it", KEEP },
	{ "AUTOSWITCH_", "venvhook finds envs by it", KEEP },
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

/* Why name is no name an env may set by its form alone, or NULL. */
static const char *form_why(const char *name)
{
	const char *p;

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
	return NULL;
}

/* The list's reason for name, or NULL; *keep its KEEP or GONE. */
static const char *listed(const char *name, int *keep)
{
	size_t i;

	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (!strcasecmp(name, refused[i].name)) {
			*keep = refused[i].keep;
			return refused[i].why;
		}
	for (i = 0; i < sizeof(refused_prefix) / sizeof(refused_prefix[0]); i++)
		if (!strncasecmp(name, refused_prefix[i].prefix, strlen(refused_prefix[i].prefix))) {
			*keep = refused_prefix[i].keep;
			return refused_prefix[i].why;
		}
	*keep = GONE;
	return NULL;
}

const char *vh_envvar_refused(const char *name)
{
	const char *why = form_why(name);
	int keep;

	return why ? why : listed(name, &keep);
}

const char *vh_envvar_kept(const char *name)
{
	const char *why = form_why(name);
	int keep;

	/* no name, too long, lower case (a shell's own parameter) */
	if (why)
		return why;
	/* a name the rule allows is one an env may set: leaving unsets it */
	why = listed(name, &keep);
	return keep == KEEP ? why : NULL;
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
