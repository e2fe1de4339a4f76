/* Which env is wanted here: the step of the data flow between reading the
 * state (state.h) and planning the change (plan.h). The env `venvhook
 * activate` pinned while it is still the env the user chose, else the one
 * discovery finds unless `venvhook deactivate` paused it; each only when
 * the trust policy lets it in. Shared by export (the hook), activate,
 * deactivate and allow/deny. Nothing here prints: what the user must be
 * told comes back in say, a line each (paths escaped, no "venvhook: "). */
#ifndef VH_WANT_H
#define VH_WANT_H

#include "core/util/buf.h"
#include "core/find/discover.h"
#include "core/output/plan.h"
#include "core/decide/state.h"

struct vh_made_ask;

struct vh_wanted {
	struct vh_want want;   /* for vh_apply; points into found, now and the fields below */
	struct vh_found found; /* discovery's answer for the directory asked about */
	char *chosen;          /* activate: the env the user named */
	char *used;            /* the wanted env's path as judged (policy.h's use) */
	int forced;            /* activate --force took it: this shell's own pin */
	char *name;            /* want.prompt: the wanted env's name (envname.h) */
	char *conda;           /* want.conda_env (envname.h's vh_env_conda_name) */
	char *conda_prompt;    /* want.conda_prompt */
	struct vh_envvars vars; /* want.vars (envvars.h) */
	struct vh_buf vars_say; /* want.vars_say */
	char *real;            /* the real path of the env the policy let on, or NULL */
	char *leave;           /* want.leave */
	char *stale;           /* want.stale_prompt */
	struct vh_buf say;     /* lines for the user, each ending in '\n' */
	/* export: the made-here rule needs the lines the shell ran; nothing
	 * else here holds (see cmd_export.c) */
	int need_lines;
};

/* The env for the shell in cwd (export): pin, pause, discovery, trust, and
 * the name it is shown by. An env made here is recorded as the user's
 * (seen: what the hook saw since the last export, or NULL; see policy.h).
 * pin_forced: the pin is this shell's own activate --force (the hook's key
 * says so; a pin from the environment alone never is). start: the shell is
 * starting (no prompt drawn yet), when an env someone else put on is
 * adopted if it is the one wanted (plan.h). Returns 0 or VH_ENOMEM.
 * Free w with vh_wanted_free in both cases. */
int vh_want_here(struct vh_wanted *w, const struct vh_state *now, const char *cwd,
		 const struct vh_made_ask *seen, int pin_forced, int start);

/* The env the user chose by name or path (activate), pinned, if the policy
 * lets it in; the choice is recorded as consent, unless consent could not
 * let it in (a deny, a directory others can write: force, which holds for
 * this shell only, sets w->forced). cwd may be NULL (gone). Returns 0,
 * VH_EREFUSED (say holds why) or VH_ENOMEM. */
int vh_want_chosen(struct vh_wanted *w, const struct vh_state *now, const char *cwd,
		   const char *arg, int force);

/* No env (deactivate); in a project, its env paused until the shell
 * leaves it (found.env names it then). cwd may be NULL. Returns 0,
 * VH_EREFUSED (nothing venvhook activated is active; say holds why) or
 * VH_ENOMEM. */
int vh_want_none(struct vh_wanted *w, const struct vh_state *now, const char *cwd);

/* *env = the real path of the env arg means (NULL: the current directory's),
 * an env itself or a directory whose env discovery finds, for allow and
 * deny. Returns 0, VH_ENOTFOUND (no env there), VH_EIO (the path or the
 * current directory cannot be resolved), each with say holding why, or
 * VH_ENOMEM. */
int vh_want_target(char **env, struct vh_buf *say, const char *arg);

/* 1, with the line that says so in say, when another tool's env is on
 * (vh_state_foreign: an activate script's, conda's...): activate and
 * deactivate leave it alone. doing: "activate"... */
int vh_want_foreign(struct vh_buf *say, const struct vh_state *now, const char *doing);

/* The line for a decision that could not be written into say: "<why>
 * <file>: <errno's text>; <after>" (why and file as vh_trust_record and
 * vh_policy_consent give them, errno as they left it). Returns 0 or
 * VH_ENOMEM. */
int vh_want_unrecorded(struct vh_buf *say, const char *why, const char *file, const char *after);

void vh_wanted_free(struct vh_wanted *w);

#endif
