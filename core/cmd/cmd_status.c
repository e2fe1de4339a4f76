/* venvhook status [--json]: what is active and who activated it, what
 * discovery would pick here and why, its Python version, and the trust
 * decision: the answers to "why is (or isn't) my env on?". */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/util/buf.h"
#include "core/cmd/cmd.h"
#include "core/cmd/envof.h"
#include "core/find/discover.h"
#include "core/util/json.h"
#include "core/util/msg.h"
#include "core/util/pathlist.h"
#include "core/trust/policy.h"
#include "core/find/pyvenv.h"
#include "core/decide/state.h"
#include "core/decide/userconfig.h"
#include "shells/shell.h"

struct facts {
	/* The shell whose hook ran this (its function passes its name in
	 * __VENVHOOK_SHELL), or NULL: run directly, as in a shell without the
	 * rc line, the most likely reason an env is not on. */
	const struct vh_shell *hook;
	struct vh_state now;
	const char *active, *by; /* by: "auto", "manual", "outside" */
	char *cwd;
	struct vh_found found;
	const char *rule; /* "inside", "child", "pointer", or a store's name */
	char *python, *python_from;
	char *interpreter; /* what venvhook which prints here, or NULL */
	int checked, trusted;
	struct vh_buf why;
	struct vh_buf basis; /* trusted: on what grounds */
	const char *basis_word; /* the same for --json: made, allowed, ... */
};

static const char *rule_name(enum vh_rule r)
{
	switch (r) {
	case VH_RULE_INSIDE:
		return "inside";
	case VH_RULE_CHILD:
		return "child";
	case VH_RULE_POINTER:
		return "pointer";
	case VH_RULE_POETRY:
		return "poetry";
	case VH_RULE_PIPENV:
		return "pipenv";
	case VH_RULE_PYENV:
		return "pyenv";
	case VH_RULE_UV:
	case VH_RULE_UV_PROJECT:
		return "uv";
	case VH_RULE_VEW:
		return "virtualenvwrapper";
	case VH_RULE_HATCH:
		return "hatch";
	case VH_RULE_PDM:
		return "pdm";
	case VH_RULE_CONDA:
	case VH_RULE_CONDA_ENV:
		return "conda";
	case VH_RULE_PIXI:
		return "pixi";
	default:
		return NULL;
	}
}

/* The trust decision for the env here, as a cd would make it (without the
 * made-here rule: status sees no watch). */
static int judge(struct facts *f)
{
	struct vh_policy p;
	struct tm tm;
	char day[32] = "";
	time_t when;
	int rc = VH_ENOMEM;

	struct vh_policy_ask ask = { .mode = VH_POLICY_AUTO, .path = f->now.v[VH_PATH],
				     .project_chose = f->found.project_setting };

	if (vh_policy_check(&p, f->found.env, &ask) < 0)
		goto done;
	f->checked = 1;
	f->trusted = p.ok;
	if (!p.ok) {
		rc = vh_buf_puts(&f->why, vh_buf_str(&p.why));
		goto done;
	}
	f->basis_word = p.basis == VH_BASIS_CONSENT ? vh_consent_names[p.consent->how] :
			p.basis == VH_BASIS_STORE ? "store" : p.basis == VH_BASIS_CONFIG ? "config" : NULL;
	switch (p.basis) {
	case VH_BASIS_CONSENT:
		when = (time_t)p.consent->when;
		if (localtime_r(&when, &tm))
			strftime(day, sizeof(day), " on %Y-%m-%d", &tm);
		rc = vh_buf_printf(&f->basis, "%s%s", p.consent->how == VH_CONSENT_MADE ?
				   "you made it here" : p.consent->how == VH_CONSENT_ACTIVATED ?
				   "you activated it" : "you allowed it", day);
		break;
	case VH_BASIS_STORE:
		rc = vh_buf_puts(&f->basis, "it is in one of your env stores");
		break;
	case VH_BASIS_CONFIG:
		rc = vh_buf_printf(&f->basis, "the config says trust = %s",
				   vh_config_trust_names[vh_config.trust]);
		break;
	default:
		rc = vh_buf_puts(&f->basis, "");
	}
done:
	vh_policy_free(&p);
	return rc;
}

/* How status names each store rule, before the file that chose the env. */
static const char *store_text(enum vh_rule r)
{
	switch (r) {
	case VH_RULE_POETRY:
		return ": the Poetry env of ";
	case VH_RULE_PIPENV:
		return ": the pipenv env of ";
	case VH_RULE_PYENV:
		return ": the pyenv-virtualenv env named by ";
	case VH_RULE_UV:
		return ": UV_PROJECT_ENVIRONMENT of the uv project of ";
	case VH_RULE_UV_PROJECT:
		return ": the env uv uses for the workspace of ";
	case VH_RULE_HATCH:
		return ": the hatch env of ";
	case VH_RULE_PDM:
		return ": the pdm env of ";
	case VH_RULE_PIXI:
		return ": the pixi env of ";
	case VH_RULE_CONDA_ENV:
		return ": the conda env named by ";
	default:
		return ": the virtualenvwrapper env of ";
	}
}

static int gather(struct facts *f)
{
	const char *ve, *mark, *pin, *env;
	struct vh_pyvenv pv;
	struct vh_buf cfg = VH_BUF_INIT;

	vh_state_read(&f->now);
	ve = f->now.v[VH_VIRTUAL_ENV];
	mark = f->now.v[VH_MARK_ENV];
	pin = f->now.v[VH_MARK_PIN];
	f->active = ve;
	if (ve)
		f->by = !mark || strcmp(ve, mark) ? "outside" : pin && !strcmp(pin, ve) ? "manual" : "auto";
	if (vh_cwd(&f->cwd) == 0 && vh_discover(&f->found, f->cwd) < 0)
		return VH_ENOMEM;
	/* what the walk had to say explains the answer too */
	vh_msg_lines(&f->found.warnings);
	f->rule = rule_name(f->found.rule);
	if (f->found.env && judge(f) < 0)
		return VH_ENOMEM;
	/* The Python of the env here, else of the active one. */
	env = f->found.env ? f->found.env : ve;
	if (env && vh_buf_puts(&cfg, env) == 0 && vh_buf_puts(&cfg, "/pyvenv.cfg") == 0 &&
	    vh_pyvenv_read(&pv, cfg.data) == 0) {
		f->python = pv.version;
		pv.version = NULL;
		f->python_from = vh_buf_detach(&cfg);
		vh_pyvenv_free(&pv);
	}
	vh_buf_free(&cfg);
	return 0;
}

static void text_path(struct vh_buf *b, const char *s)
{
	vh_msg_escape(b, s);
}

/* What to add, for the shell $SHELL names (a guess: the login shell). */
static void text_no_hook(struct vh_buf *b)
{
	const char *login = getenv("SHELL");
	const struct vh_shell *sh = login && *login ? vh_shell_lookup(login) : NULL;

	vh_buf_puts(b, "hook:   not loaded in this shell: add the init line for your shell to its rc file");
	if (sh) {
		vh_buf_printf(b, " (%s: ", sh->name);
		vh_shell_rc_say(b, sh, "venvhook", 1);
		vh_buf_putc(b, ')');
	}
	vh_buf_puts(b, ", then open a new shell; venvhook --help lists each shell's\n");
}

static int text(struct vh_buf *b, const struct facts *f)
{
	const char *pause = f->now.v[VH_MARK_PAUSE];

	if (!f->hook)
		text_no_hook(b);
	vh_buf_puts(b, "active: ");
	if (!f->active) {
		vh_buf_puts(b, "none\n");
	} else {
		text_path(b, f->active);
		vh_buf_puts(b, !strcmp(f->by, "auto") ? ", activated by venvhook on entering its project\n" :
			       !strcmp(f->by, "manual") ? ", chosen with venvhook activate (kept across cd)\n" :
			       ", activated outside venvhook (left alone)\n");
	}
	vh_buf_puts(b, "here:   ");
	if (!f->cwd) {
		vh_buf_puts(b, "unknown: the current directory is gone\n");
	} else if (f->found.env) {
		text_path(b, f->found.env);
		if (f->found.rule == VH_RULE_INSIDE) {
			vh_buf_puts(b, ": you are inside the env");
		} else if (f->found.rule == VH_RULE_CHILD || f->found.rule == VH_RULE_CONDA) {
			vh_buf_puts(b, f->found.rule == VH_RULE_CONDA ? ": the conda prefix of " :
				    ": the env directory of ");
			text_path(b, f->found.owner);
		} else if (f->found.rule == VH_RULE_POINTER) {
			vh_buf_puts(b, ": named by the pointer file ");
			text_path(b, f->found.owner);
			vh_buf_puts(b, strcmp(f->found.owner, "/") ? "/.venv" : ".venv");
		} else {
			vh_buf_puts(b, store_text(f->found.rule));
			text_path(b, f->found.from);
			if (f->found.rule == VH_RULE_VEW) {
				vh_buf_puts(b, ", which names ");
				text_path(b, f->found.owner);
			}
			if (f->found.project_setting)
				vh_buf_puts(b, " (placed by a project setting: an in-project env)");
		}
		vh_buf_putc(b, '\n');
	} else {
		vh_buf_puts(b, "none: no env from here up to ");
		if (f->found.stop) {
			text_path(b, f->found.stop);
			vh_buf_puts(b, ", the git work-tree root\n");
		} else {
			vh_buf_puts(b, "/\n");
		}
	}
	if (f->python) {
		vh_buf_puts(b, "python: ");
		text_path(b, f->python);
		vh_buf_puts(b, " (from ");
		text_path(b, f->python_from);
		vh_buf_puts(b, ")\n");
	}
	if (f->checked) {
		vh_buf_puts(b, "trust:  ");
		if (f->trusted) {
			vh_buf_puts(b, "automatic activation may use it: ");
			vh_buf_puts(b, vh_buf_str((struct vh_buf *)&f->basis));
			vh_buf_putc(b, '\n');
		} else {
			vh_buf_puts(b, "refused: ");
			vh_buf_puts(b, vh_buf_str((struct vh_buf *)&f->why));
			vh_buf_putc(b, '\n');
		}
	}
	if (pause) {
		vh_buf_puts(b, "paused: ");
		text_path(b, pause);
		vh_buf_puts(b, " (venvhook deactivate: off until you leave its project)\n");
	}
	vh_buf_puts(b, "config: ");
	if (vh_config.file) {
		text_path(b, vh_config.file);
		vh_buf_puts(b, vh_config.found ? "\n" : " (not found: the defaults)\n");
	} else {
		vh_buf_puts(b, "none (neither XDG_CONFIG_HOME nor HOME is set)\n");
	}
	return 0;
}

static void json_field(struct vh_buf *b, const char *key, const char *value, int last)
{
	vh_buf_printf(b, "\"%s\":", key);
	vh_json_str(b, value);
	if (!last)
		vh_buf_putc(b, ',');
}

static int json(struct vh_buf *b, const struct facts *f)
{
	vh_buf_puts(b, "{\"hook\":");
	vh_json_str(b, f->hook ? f->hook->name : NULL);
	vh_buf_puts(b, ",\"active\":");
	if (f->active) {
		vh_buf_putc(b, '{');
		json_field(b, "env", f->active, 0);
		json_field(b, "by", f->by, 1);
		vh_buf_putc(b, '}');
	} else {
		vh_buf_puts(b, "null");
	}
	vh_buf_puts(b, ",\"here\":{");
	json_field(b, "dir", f->cwd, 0);
	json_field(b, "env", f->found.env, 0);
	json_field(b, "rule", f->rule, 0);
	json_field(b, "from", f->found.owner, 0);
	json_field(b, "file", f->found.from, 0);
	json_field(b, "git_root", f->found.stop, 1);
	vh_buf_puts(b, "},");
	json_field(b, "python", f->python, 0);
	vh_buf_puts(b, "\"trust\":");
	if (f->checked) {
		vh_buf_printf(b, "{\"ok\":%s,\"why\":", f->trusted ? "true" : "false");
		vh_json_str(b, f->trusted ? NULL : vh_buf_str((struct vh_buf *)&f->why));
		vh_buf_puts(b, ",\"basis\":");
		vh_json_str(b, f->basis_word);
		vh_buf_puts(b, "},");
	} else {
		vh_buf_puts(b, "null,");
	}
	json_field(b, "pinned", f->now.v[VH_MARK_PIN], 0);
	json_field(b, "paused", f->now.v[VH_MARK_PAUSE], 0);
	vh_buf_puts(b, "\"config\":{");
	json_field(b, "file", vh_config.file, 0);
	vh_buf_printf(b, "\"found\":%s},", vh_config.found ? "true" : "false");
	json_field(b, "interpreter", f->interpreter, 1);
	vh_buf_puts(b, "}\n");
	return 0;
}

/* f->interpreter: the path `venvhook which` prints here (the env exec
 * would run in, as envof.h takes it; its say is gather's warnings again). */
static int interpreter(struct facts *f)
{
	struct vh_envof e;
	int rc = 0;

	if (!f->cwd)
		return 0;
	if (vh_envof(&e, f->cwd) < 0)
		rc = VH_ENOMEM;
	else if (e.w.want.env &&
		 vh_pathlist_search(&f->interpreter, e.plan.target.v[VH_PATH], "python", f->cwd) < 0 &&
		 errno == ENOMEM)
		rc = VH_ENOMEM;
	vh_envof_free(&e);
	return rc;
}

static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	struct facts f = { 0 };
	struct vh_buf out = VH_BUF_INIT;
	int as_json = vh_cmd_opt(a, self, "--json") != NULL, rc = 1;

	if (getenv("__VENVHOOK_SHELL"))
		f.hook = vh_shell_lookup(getenv("__VENVHOOK_SHELL"));
	if (gather(&f) < 0 || (as_json && interpreter(&f) < 0))
		goto oom;
	(as_json ? json : text)(&out, &f);
	/* Appends are not checked one by one: out of memory, the report may
	 * come out short, which is all a report can do then. */
	if (!out.data || fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout))
		goto done;
	rc = 0;
	goto done;
oom:
	vh_msgf("out of memory");
done:
	vh_found_free(&f.found);
	vh_buf_free(&f.why);
	vh_buf_free(&f.basis);
	vh_buf_free(&out);
	free(f.python);
	free(f.python_from);
	free(f.interpreter);
	free(f.cwd);
	return rc;
}

static const struct vh_cmd_option options[] = {
	{ "--json", "as one JSON object", NULL },
	{ NULL, NULL, NULL },
};

const struct vh_cmd vh_cmd_status = {
	.name = "status",
	.summary = "say what is active and why, and what discovery finds here",
	.brief = "say what is active and why",
	.help = "Prints the active env and who activated it (venvhook on entering its\n"
		"project, venvhook activate, or something outside venvhook), the env\n"
		"discovery finds for the current directory and by which rule (or the git\n"
		"work-tree root the walk stopped at), its Python version from pyvenv.cfg,\n"
		"the trust decision, a pause, and the config file; first, when the shell\n"
		"that ran it has no hook loaded, that line to add. --json prints the same\n"
		"as one JSON object for scripts.\n",
	.options = options,
	.min_args = 0,
	.max_args = 0,
	.run = run,
};
