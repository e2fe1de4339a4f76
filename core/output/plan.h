/* From the state now and the env wanted here to the few changes that move
 * one to the other. Pure: reads no environment and no files. */
#ifndef VH_PLAN_H
#define VH_PLAN_H

#include "core/decide/state.h"
#include "core/find/envvars.h"

enum vh_op_kind { VH_OP_SET, VH_OP_UNSET };

struct vh_op {
	enum vh_op_kind kind;
	enum vh_var var;
	const char *value; /* VH_OP_SET only; owned by the plan */
};

/* A variable of no fixed name (an env's own, and the value it had before,
 * saved as conda saves it): its value in the target (NULL: unset), and
 * whether that differs from now's. */
struct vh_xvar {
	char *name, *value;
	int changed;
};

struct vh_plan {
	struct vh_op ops[VH_NVARS + 1];
	/* the variables of no fixed name the plan touches, in order; render
	 * and environ apply those changed after ops */
	struct vh_xvar *x;
	size_t nx;
	int nops;
	struct vh_state target;
	char *owned[VH_NVARS];
	/* PATH's change as edits of the PATH the shell holds (now's): the first
	 * entry equal to path_remove taken out, then path_prepend put first
	 * (NULL: no such step). An emitter that can say them with the shell's
	 * own string operations sends a few bytes instead of the whole new
	 * PATH (see shells/shell.h, edit_path). */
	const char *path_now;
	char *path_remove, *path_prepend;
	const char *activated;   /* env path newly activated, or NULL */
	const char *deactivated; /* env path venvhook let go of, or NULL */
	int foreign;             /* another tool's env is on: hands off (vh_state_foreign) */
};

/* The env wanted now: its path and the name to show, and the values the
 * pin and pause markers should have afterwards (NULL: unset). */
struct vh_want {
	const char *env;    /* NULL: no env here */
	const char *prompt; /* VIRTUAL_ENV_PROMPT to set */
	const char *pin;
	const char *pause;
	const char *note;   /* said after the activation line's name, or NULL */
	/* env is a conda prefix: CONDA_DEFAULT_ENV to set with CONDA_PREFIX
	 * (both as conda's activation sets them, their values before kept in
	 * markers and put back on leaving); NULL for a venv */
	const char *conda_env;
	/* env is a conda prefix that conda activates (not pixi's, whose
	 * activation sets neither): CONDA_PROMPT_MODIFIER to set, and
	 * CONDA_SHLVL counted up as conda's activation counts it (plan.c);
	 * NULL for none */
	const char *conda_prompt;
	/* the env's own variables to set (envvars.h), names already judged by
	 * vh_envvar_refused; each one's value before is kept and put back on
	 * leaving (plan.c: set_vars) */
	const struct vh_envvar *vars;
	size_t nvars;
	const char *vars_say; /* lines ('\n' each) said when it is activated: the
			       * variables refused, or NULL */
	/* What becomes of an env someone else put on (vh_state_foreign), as
	 * want.c decides it, looking at files: */
	int start;          /* the shell is starting: a foreign env that is env is adopted */
	const char *leave;  /* start: the project a foreign env not adopted lives in, or NULL */
	const char *cwd;    /* where the shell is (a foreign env inherited in its project
			     * goes when the shell is outside it: __VENVHOOK_LEAVE) */
	const char *stale_prompt; /* VIRTUAL_ENV_PROMPT as venvhook set it for its env, which
				   * a foreign env that sets none would show, or NULL */
};

/* The rule against every other activator (an activate script and its
 * deactivate, direnv, mise, conda, an editor's injection): venvhook knows
 * its own PATH entry by its marker (__VENVHOOK_ENV's bin/), stands aside
 * while someone else's env is on (__VENVHOOK_ASIDE), with nothing of its
 * own env in front of or behind it on PATH but that same env's entry, and
 * when that env goes leaves exactly one entry of its own, or none; an env
 * put on at shell start that is the one wanted here is adopted as its own.
 * doc/activators.md says it for users.
 *
 * Fills plan; plan->nops == 0 when nothing changes. Returns 0 or VH_ENOMEM. Free with vh_plan_free even after failure. */
int vh_plan(struct vh_plan *plan, const struct vh_state *now, const struct vh_want *want);
void vh_plan_free(struct vh_plan *plan);

/* "<env>/bin", the PATH entry activation adds. Caller frees. */
char *vh_env_bin(const char *env);

#endif
