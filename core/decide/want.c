#include "core/decide/want.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/find/envdir.h"
#include "core/find/envvars.h"
#include "core/decide/envname.h"
#include "core/find/envlist.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/trust/policy.h"
#include "core/trust/trust.h"
#include "core/store/stores.h"

/* One line for the user: prefix, path (escaped), suffix. */
static int say_path(struct vh_buf *say, const char *prefix, const char *path, const char *suffix)
{
	if (vh_buf_puts(say, prefix) < 0 || vh_msg_escape(say, path) < 0 ||
	    vh_buf_puts(say, suffix) < 0 || vh_buf_putc(say, '\n') < 0)
		return VH_ENOMEM;
	return 0;
}

int vh_want_unrecorded(struct vh_buf *say, const char *why, const char *file, const char *after)
{
	int e = errno;

	if (vh_buf_printf(say, "%s ", why) < 0 || vh_msg_escape(say, file ? file : "the trust file") < 0 ||
	    vh_buf_printf(say, ": %s; %s\n", strerror(e), after) < 0)
		return VH_ENOMEM;
	return 0;
}

/* PATH holds ':'-separated entries: an env whose path holds one cannot go
 * on it. 1 when env can, else 0 after saying so. */
static int usable(struct vh_buf *say, const char *env, const char *doing, int *rc)
{
	if (!strchr(env, ':'))
		return 1;
	*rc = say_path(say, doing, env, ": PATH cannot hold a ':' in a directory name");
	return 0;
}

/* *ok = 1 when the trust policy lets env be activated (mode AUTO or PIN);
 * else say holds why, unless the env is one a tool keeps for itself and
 * was entered (tool_inside: stores.h, vh_store_tool_env). An env made here
 * is recorded, and *note says so for the activation line. Returns 0 or
 * VH_ENOMEM. */
static int trusted(struct vh_wanted *w, int *ok, const char *env, enum vh_policy_mode mode,
		   const struct vh_made_ask *seen, const struct vh_state *now, int project_chose,
		   int tool_inside, int force)
{
	struct vh_policy_ask ask = { .mode = mode, .seen = seen, .path = now->v[VH_PATH],
				     .project_chose = project_chose, .force = force };
	struct vh_policy p;
	const char *why;
	char *file = NULL;
	int rc = VH_ENOMEM;

	*ok = 0;
	if (vh_policy_check(&p, env, &ask) < 0)
		goto done;
	if (vh_buf_add(&w->say, vh_buf_str(&p.warnings), p.warnings.len) < 0)
		goto done;
	rc = 0;
	/* the path that goes on PATH, not only the one found, must be one
	 * PATH can hold */
	*ok = p.ok && usable(&w->say, p.use, "not activating ", &rc);
	if (rc < 0)
		goto done;
	free(w->real);
	w->real = NULL;
	if (*ok && !(w->real = strdup(p.real))) {
		rc = VH_ENOMEM;
		goto done;
	}
	if (*ok) {
		/* what goes on PATH is what was judged */
		free(w->used);
		w->used = p.use;
		p.use = NULL;
	}
	if (p.ok && !*ok) {
		; /* said: PATH cannot hold it */
	} else if (p.need_lines) {
		w->need_lines = 1;
	} else if (!p.ok && tool_inside && vh_store_tool_env(env)) {
		; /* a tox, nox, pipx or uv tool env, entered: no request for it */
	} else if (!p.ok && mode == VH_POLICY_AUTO && vh_state_foreign(now) &&
		   !strcmp(vh_state_foreign(now), env)) {
		; /* someone else has it on (mise's _.python.venv): venvhook stands
		   * aside, and "not activating" what runs already misleads */
	} else if (!p.ok) {
		struct vh_buf tail = VH_BUF_INIT;

		if (vh_buf_puts(&tail, ": ") < 0 || vh_buf_puts(&tail, vh_buf_str(&p.why)) < 0 ||
		    (mode == VH_POLICY_PIN &&
		     vh_buf_puts(&tail, "; back to automatic activation ('venvhook activate'"
				 " chooses it again)") < 0))
			rc = VH_ENOMEM;
		else
			rc = say_path(&w->say, mode == VH_POLICY_PIN ? "leaving the env you activated, " :
				      "not activating ", env, vh_buf_str(&tail));
		vh_buf_free(&tail);
	} else if (p.basis == VH_BASIS_MADE) {
		w->want.note = "made here: yours from now on";
		if (vh_policy_consent(&p, VH_CONSENT_MADE, &why, &file) < 0) {
			rc = vh_want_unrecorded(&w->say, why, file, "the env you made is on now, but"
						" will need 'venvhook allow' from the next cd on");
			w->want.note = NULL;
		}
	}
done:
	free(file);
	vh_policy_free(&p);
	return rc;
}

static int want_here(struct vh_wanted *w, const struct vh_state *now, const char *cwd,
		     const struct vh_made_ask *seen, int pin_forced);

/* 1 when env is one of pixi's, PROJECT/.pixi/envs/NAME (ENVIRONMENTS_DIR,
 * crates/pixi_consts/src/consts.rs at pixi 2b25fc76): pixi's activation
 * sets CONDA_PREFIX and CONDA_DEFAULT_ENV, not conda's level and prompt
 * (get_static_environment_variables, crates/pixi_core/src/activation.rs). */
static int pixi_env(const char *env)
{
	static const char dir[] = "/.pixi/envs/";
	const char *s = strstr(env, dir);

	while (s && strchr(s + sizeof(dir) - 1, '/'))
		s = strstr(s + 1, dir);
	return s && s[sizeof(dir) - 1];
}

/* *out = CONDA_PROMPT_MODIFIER for a conda prefix named name: conda's
 * default env_prompt, "({default_env}) " (conda/base/context.py;
 * Activator._prompt_modifier, conda/activate.py, at conda 0f64223f), the
 * name made safe for a terminal as every name venvhook shows is. */
static int conda_prompt(char **out, const char *name)
{
	struct vh_buf b = VH_BUF_INIT;

	if (vh_buf_putc(&b, '(') < 0 || vh_msg_sanitize(&b, name) < 0 || vh_buf_puts(&b, ") ") < 0) {
		vh_buf_free(&b);
		return VH_ENOMEM;
	}
	*out = vh_buf_detach(&b);
	return *out ? 0 : VH_ENOMEM;
}

/* The wanted env's own variables (envvars.h): a conda prefix's state
 * file's; for pixi's default env, its manifest's [activation] env (pixi
 * reads no conda-meta/state); none for a venv. */
static int own_vars(struct vh_wanted *w)
{
	static const char dflt[] = "/.pixi/envs/default";
	const char *env = w->want.env;
	size_t n = strlen(env);
	int rc = 0;

	if (!w->conda)
		return 0;
	if (!pixi_env(env))
		rc = vh_envvars_conda(&w->vars, &w->vars_say, env);
	else if (w->found.rule == VH_RULE_PIXI && w->found.from && n >= sizeof(dflt) - 1 &&
		 !strcmp(env + n - (sizeof(dflt) - 1), dflt))
		rc = vh_envvars_pixi(&w->vars, &w->vars_say, w->found.from);
	w->want.vars = w->vars.v;
	w->want.nvars = w->vars.n;
	w->want.vars_say = w->vars_say.len ? vh_buf_str(&w->vars_say) : NULL;
	return rc;
}

/* The wanted env's name, for VIRTUAL_ENV_PROMPT. */
static int named(struct vh_wanted *w, const struct vh_state *now)
{
	int rc;

	if (!w->want.env)
		return 0;
	rc = vh_env_name(&w->name, &w->say, w->want.env, now);
	w->want.prompt = w->name;
	/* a conda prefix: what conda's activation names it (envname.h) */
	if (rc == 0)
		rc = vh_env_conda_name(&w->conda, w->want.env,
				       w->found.rule == VH_RULE_PIXI && w->want.env != w->want.pin ?
				       w->found.from : NULL);
	w->want.conda_env = w->conda;
	if (rc == 0 && w->conda && !pixi_env(w->want.env))
		rc = conda_prompt(&w->conda_prompt, w->conda);
	w->want.conda_prompt = w->conda_prompt;
	if (rc == 0)
		rc = own_vars(w);
	return rc;
}

/* The project a foreign env lives in: the directory whose env directory
 * (.venv...) it is, as discovery would find it there; else NULL. */
static int home_project(struct vh_wanted *w, const char *env)
{
	struct vh_found found = { 0 };
	char *dir = strdup(env), *slash;
	int rc = VH_ENOMEM;

	if (!dir)
		return VH_ENOMEM;
	slash = strrchr(dir, '/');
	rc = 0;
	if (slash && slash != dir) {
		*slash = '\0';
		rc = vh_discover(&found, dir) < 0 ? VH_ENOMEM : 0;
		if (rc == 0 && found.env && found.rule == VH_RULE_CHILD && !strcmp(found.env, env)) {
			w->leave = found.owner;
			found.owner = NULL;
			w->want.leave = w->leave;
		}
	}
	vh_found_free(&found);
	free(dir);
	return rc;
}

/* What becomes of an env someone else has on (plan.h says the rule): the
 * facts the plan needs that only files can tell. */
static int foreign_facts(struct vh_wanted *w, const struct vh_state *now)
{
	const char *f = vh_state_foreign(now), *mark = now->v[VH_MARK_ENV];
	const char *ve = now->v[VH_VIRTUAL_ENV];
	struct vh_state none;
	struct vh_buf ignored = VH_BUF_INIT;
	int rc = 0;

	if (!f)
		return 0;
	/* at start, one that will not be adopted: is it a project's? */
	if (w->want.start && !(w->want.env && !strcmp(w->want.env, f)))
		rc = home_project(w, f);
	/* a foreign VIRTUAL_ENV that came with no name of its own keeps the
	 * one venvhook gave its env, unless the plan knows that name */
	if (rc == 0 && !now->v[VH_MARK_ASIDE] && mark && ve && !strcmp(ve, f) && strcmp(f, mark) &&
	    now->v[VH_VIRTUAL_ENV_PROMPT]) {
		memset(&none, 0, sizeof(none));
		rc = vh_env_name(&w->stale, &ignored, mark, &none);
		w->want.stale_prompt = w->stale;
	}
	vh_buf_free(&ignored);
	return rc;
}

int vh_want_here(struct vh_wanted *w, const struct vh_state *now, const char *cwd,
		 const struct vh_made_ask *seen, int pin_forced, int start)
{
	int rc;

	memset(w, 0, sizeof(*w));
	w->want.pin = now->v[VH_MARK_PIN];
	w->want.pause = now->v[VH_MARK_PAUSE];
	w->want.start = start;
	w->want.cwd = cwd;
	rc = want_here(w, now, cwd, seen, pin_forced);
	if (rc < 0 || w->need_lines)
		return rc;
	return foreign_facts(w, now);
}

static int want_here(struct vh_wanted *w, const struct vh_state *now, const char *cwd,
		     const struct vh_made_ask *seen, int pin_forced)
{
	const char *pin = now->v[VH_MARK_PIN], *pause = now->v[VH_MARK_PAUSE];
	int ok = 0, rc = 0;

	if (vh_discover(&w->found, cwd) < 0 ||
	    vh_buf_add(&w->say, vh_buf_str(&w->found.warnings), w->found.warnings.len) < 0)
		return VH_ENOMEM;
	/* Every env is judged on every export, whatever the environment says
	 * is active: a marker inherited from elsewhere proves nothing. */
	if (pin) {
		if (!vh_env_at(AT_FDCWD, pin) || !usable(&w->say, pin, "not activating ", &rc)) {
			if (rc == 0)
				rc = say_path(&w->say, "the env you activated, ", pin,
					      ", is gone; back to automatic activation");
		} else {
			rc = trusted(w, &ok, pin, VH_POLICY_PIN, NULL, now, 0, 0, pin_forced);
		}
		if (rc < 0)
			return rc;
		if (ok) {
			w->want.env = w->want.pin = w->used;
			w->forced = pin_forced;
			return named(w, now);
		}
		w->want.pin = NULL;
	}
	/* Leaving the paused project, for another or for none, ends the pause. */
	if (pause && (!w->found.env || strcmp(w->found.env, pause) != 0))
		w->want.pause = NULL;
	if (!w->found.env || w->want.pause || !usable(&w->say, w->found.env, "not activating ", &rc))
		return rc;
	rc = trusted(w, &ok, w->found.env, VH_POLICY_AUTO, seen, now, w->found.project_setting,
		     w->found.rule == VH_RULE_INSIDE, 0);
	if (rc == 0 && ok)
		w->want.env = w->used;
	return rc == 0 ? named(w, now) : rc;
}

int vh_want_foreign(struct vh_buf *say, const struct vh_state *now, const char *doing)
{
	const char *f = vh_state_foreign(now);

	if (!f)
		return 0;
	vh_buf_printf(say, "cannot %s: ", doing);
	if (f == now->v[VH_VIRTUAL_ENV]) {
		vh_buf_puts(say, "VIRTUAL_ENV (");
		vh_msg_escape(say, f);
		vh_buf_puts(say, ") was set outside venvhook; use that env's own deactivate first\n");
	} else {
		vh_buf_puts(say, "the conda env ");
		vh_msg_escape(say, f);
		vh_buf_puts(say, " is active; conda deactivate first\n");
	}
	return 1;
}

/* A directory that holds conda-meta/ but no conda-meta/history: what is
 * left of a conda prefix, or a partial one; not an env (envdir.h). */
static int conda_prefix(const char *dir)
{
	struct stat st;
	char *meta = malloc(strlen(dir) + sizeof("/conda-meta"));
	int r;

	if (!meta)
		return 0;
	strcpy(meta, dir);
	strcat(meta, "/conda-meta");
	r = stat(meta, &st) == 0 && S_ISDIR(st.st_mode);
	free(meta);
	return r;
}

static int is_name(const char *arg)
{
	return !strchr(arg, '/') && strcmp(arg, ".") && strcmp(arg, "..");
}

/* Why arg names no env: r says how resolving it failed, looked is what
 * was looked at. */
static int say_not_env(struct vh_buf *say, enum vh_resolve r, const char *arg, const char *looked)
{
	char *home = NULL;

	if (r == VH_RESOLVE_NO_HOME) {
		vh_buf_puts(say, "no env named '");
		vh_msg_escape(say, arg);
		vh_buf_puts(say, "': neither WORKON_HOME nor HOME is set");
	} else if (is_name(arg)) {
		vh_buf_puts(say, "no env named '");
		vh_msg_escape(say, arg);
		vh_buf_puts(say, "' in ");
		if (vh_workon_home(&home) == 0 && home)
			vh_msg_escape(say, home);
		vh_buf_puts(say, " (see venvhook list)");
	} else {
		vh_msg_escape(say, arg);
		if (strcmp(arg, looked)) {
			vh_buf_puts(say, " (");
			vh_msg_escape(say, looked);
			vh_buf_puts(say, ")");
		}
		vh_buf_puts(say, conda_prefix(looked) ?
			    " is not an env: it holds conda-meta/ but no conda-meta/history, which every"
			    " conda prefix has, and no pyvenv.cfg" :
			    " is not an env: it holds no pyvenv.cfg");
	}
	free(home);
	return vh_buf_putc(say, '\n') < 0 ? VH_ENOMEM : 0;
}

/* The user chose env by hand: that is consent, recorded (bound to what the
 * env is now) unless the policy would take the env anyway, so that the pin
 * it leaves behind is judged like any env on the next cd; and unless
 * consent would not let it in (a deny, which only allow undoes; a place
 * others can write, which no consent makes safe): that takes --force,
 * which is not recorded. */
static int remember_choice(struct vh_wanted *w, const struct vh_policy *chosen,
			   const struct vh_state *now)
{
	struct vh_policy_ask ask = { .mode = VH_POLICY_PIN, .path = now->v[VH_PATH] };
	struct vh_policy p;
	const char *why;
	char *file = NULL;
	int rc = VH_ENOMEM;

	if (vh_policy_check(&p, w->chosen, &ask) < 0)
		goto done;
	rc = 0;
	if (!p.ok && p.fixable && vh_policy_consent(chosen, VH_CONSENT_ACTIVATED, &why, &file) < 0) {
		rc = vh_want_unrecorded(&w->say, why, file, "not activating what cannot stay on");
		rc = rc < 0 ? rc : VH_EREFUSED;
	}
done:
	free(file);
	vh_policy_free(&p);
	return rc;
}

int vh_want_chosen(struct vh_wanted *w, const struct vh_state *now, const char *cwd,
		   const char *arg, int force)
{
	struct vh_policy_ask ask = { .mode = VH_POLICY_MANUAL, .path = now->v[VH_PATH],
				     .force = force };
	struct vh_policy chosen;
	enum vh_resolve r;
	int rc = 0;

	memset(w, 0, sizeof(*w));
	memset(&chosen, 0, sizeof(chosen));
	if (vh_want_foreign(&w->say, now, "activate"))
		return VH_EREFUSED;
	if (!cwd && arg[0] != '/' && strchr(arg, '/')) {
		rc = vh_buf_puts(&w->say, "the current directory is gone: give the env's absolute"
				 " path\n");
		return rc < 0 ? VH_ENOMEM : VH_EREFUSED;
	}
	r = vh_env_resolve(&w->chosen, arg, cwd ? cwd : "/");
	if (r == VH_RESOLVE_OOM)
		return VH_ENOMEM;
	/* A name not in $WORKON_HOME: one of the stores' or the project's
	 * (.venv, venv), as list names it. */
	if (r != VH_RESOLVED && is_name(arg)) {
		char *store = NULL;

		if (vh_env_list_find(&store, cwd, arg) < 0)
			return VH_ENOMEM;
		if (store) {
			free(w->chosen);
			w->chosen = store;
			r = VH_RESOLVED;
		}
	}
	if (r != VH_RESOLVED) {
		rc = say_not_env(&w->say, r, arg, w->chosen);
		return rc < 0 ? rc : VH_EREFUSED;
	}
	if (!usable(&w->say, w->chosen, "cannot activate ", &rc))
		return rc < 0 ? rc : VH_EREFUSED;
	if (vh_policy_check(&chosen, w->chosen, &ask) < 0) {
		rc = VH_ENOMEM;
	} else if (chosen.ok && !usable(&w->say, chosen.use, "cannot activate ", &rc)) {
		rc = rc < 0 ? rc : VH_EREFUSED;
	} else if (!chosen.ok) {
		struct vh_buf tail = VH_BUF_INIT;

		rc = vh_buf_puts(&tail, ": ") < 0 || vh_buf_puts(&tail, vh_buf_str(&chosen.why)) < 0 ?
		     VH_ENOMEM : say_path(&w->say, "not activating ", w->chosen, vh_buf_str(&tail));
		rc = rc < 0 ? rc : VH_EREFUSED;
		vh_buf_free(&tail);
	} else {
		/* --force: this shell only; the hook's key carries it
		 * (cmd_export.c), and it is not recorded */
		w->forced = force;
		if (chosen.exposed.len &&
		    (vh_buf_puts(&w->say, "activating ") < 0 || vh_msg_escape(&w->say, w->chosen) < 0 ||
		     vh_buf_puts(&w->say, " although ") < 0 ||
		     vh_buf_puts(&w->say, vh_buf_str(&chosen.exposed)) < 0 ||
		     vh_buf_puts(&w->say, ": they can change what runs\n") < 0))
			rc = VH_ENOMEM;
		if (rc == 0)
			rc = remember_choice(w, &chosen, now);
	}
	if (rc == 0) {
		free(w->used);
		w->used = chosen.use;
		chosen.use = NULL;
		w->want.env = w->want.pin = w->used;
		rc = named(w, now);
	}
	vh_policy_free(&chosen);
	return rc;
}

int vh_want_none(struct vh_wanted *w, const struct vh_state *now, const char *cwd)
{
	memset(w, 0, sizeof(*w));
	if (vh_want_foreign(&w->say, now, "deactivate"))
		return VH_EREFUSED;
	if (!now->v[VH_MARK_ENV] && !now->v[VH_MARK_PIN])
		return vh_buf_puts(&w->say, "no env is active\n") < 0 ? VH_ENOMEM : VH_EREFUSED;
	/* Inside a project, its env stays off until you leave it: otherwise the
	 * next cd within it would switch it straight back on. */
	if (cwd && (vh_discover(&w->found, cwd) < 0 ||
		    vh_buf_add(&w->say, vh_buf_str(&w->found.warnings), w->found.warnings.len) < 0))
		return VH_ENOMEM;
	w->want.pause = w->found.env;
	return 0;
}

int vh_want_target(char **env, struct vh_buf *say, const char *arg)
{
	struct vh_found found = { 0 };
	char *cwd = NULL, *dir = NULL;
	int rc;

	*env = NULL;
	if (vh_cwd(&cwd) < 0 && (!arg || arg[0] != '/')) {
		rc = vh_buf_puts(say, "the current directory is gone: give the env's absolute path\n");
		return rc < 0 ? VH_ENOMEM : VH_EIO;
	}
	if (!arg) {
		dir = cwd;
		cwd = NULL;
	} else if (arg[0] == '/') {
		dir = strdup(arg);
	} else {
		struct vh_buf b = VH_BUF_INIT;

		if (vh_buf_puts(&b, cwd) < 0 || vh_buf_putc(&b, '/') < 0 || vh_buf_puts(&b, arg) < 0)
			vh_buf_free(&b);
		dir = vh_buf_detach(&b);
	}
	if (!dir)
		goto oom;
	if (vh_env_at(AT_FDCWD, dir)) {
		*env = realpath(dir, NULL);
	} else {
		if (vh_discover(&found, dir) < 0 ||
		    vh_buf_add(say, vh_buf_str(&found.warnings), found.warnings.len) < 0)
			goto oom;
		if (!found.env) {
			rc = say_path(say, "no env for ", dir, ": nothing to decide about");
			goto none;
		}
		*env = realpath(found.env, NULL);
	}
	if (!*env) {
		rc = say_path(say, "cannot resolve ", found.env ? found.env : dir, "");
		rc = rc < 0 ? rc : VH_EIO;
		goto done;
	}
	rc = 0;
	goto done;
none: /* rc: how saying so went */
	rc = rc < 0 ? rc : VH_ENOTFOUND;
	goto done;
oom:
	rc = VH_ENOMEM;
done:
	vh_found_free(&found);
	free(dir);
	free(cwd);
	return rc;
}

void vh_wanted_free(struct vh_wanted *w)
{
	free(w->leave);
	free(w->stale);
	vh_found_free(&w->found);
	free(w->chosen);
	free(w->used);
	free(w->name);
	free(w->conda);
	free(w->conda_prompt);
	vh_envvars_free(&w->vars);
	vh_buf_free(&w->vars_say);
	free(w->real);
	vh_buf_free(&w->say);
	memset(w, 0, sizeof(*w));
}
