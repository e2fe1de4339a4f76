/* The variables venvhook reads and writes, and their values now. */
#ifndef VH_STATE_H
#define VH_STATE_H

#include <stddef.h>

enum vh_var {
	VH_VIRTUAL_ENV,
	VH_VIRTUAL_ENV_PROMPT,
	VH_PYTHONHOME,
	VH_PATH,
	VH_MARK_ENV,        /* the env venvhook activated; exported for child shells */
	VH_MARK_PYTHONHOME, /* PYTHONHOME as it was before activation, when it was set */
	VH_MARK_PIN,        /* env chosen with `venvhook activate`: kept across cd */
	VH_MARK_PAUSE,      /* env `venvhook deactivate` switched off until you leave */
	VH_MARK_NBIN,       /* how many entries of PATH are the env's bin/ as venvhook left it */
	VH_MARK_ASIDE,      /* the foreign env venvhook stands aside for (see vh_state_foreign) */
	VH_MARK_LEAVE,      /* the project whose leaving ends an inherited foreign env */
	VH_MARK_CONDA_PREFIX,      /* CONDA_PREFIX before a conda prefix's activation, when set */
	VH_MARK_CONDA_DEFAULT_ENV, /* CONDA_DEFAULT_ENV the same */
	VH_MARK_CONDA_LEVEL,           /* "1": venvhook set conda's level and prompt (plan.c) */
	VH_MARK_CONDA_SHLVL,           /* CONDA_SHLVL before that, when set */
	VH_MARK_CONDA_PROMPT_MODIFIER, /* CONDA_PROMPT_MODIFIER the same */
	/* the env's own variables venvhook set (conda's state file, pixi's
	 * [activation] env): "L:NAME:NAME...", L the conda level their values
	 * before were saved at (__CONDA_SHLVL_L_NAME, as conda saves them) */
	VH_MARK_VARS,
	/* conda's own (see vh_state_foreign); the first and last set for a
	 * conda prefix venvhook activates (plan.h), put back on leaving */
	VH_CONDA_PREFIX,
	VH_CONDA_EXE,
	VH_CONDA_DEFAULT_ENV,
	/* conda's level and prompt, set for a conda prefix as conda's
	 * activation sets them (plan.h), put back on leaving */
	VH_CONDA_SHLVL,
	VH_CONDA_PROMPT_MODIFIER,
	VH_CONDA_PREFIX_1,
	VH_CONDA_STACKED_2,
	VH_NVARS
};

extern const char *const vh_var_names[VH_NVARS];

/* Values are NULL for unset variables. The strings are borrowed or owned
 * depending on who filled them: see vh_state_read and vh_plan. */
struct vh_state {
	const char *v[VH_NVARS];
	int adopted; /* by vh_state_adopt: nothing is foreign, all of the env's bin/ goes */
	/* the whole environment (NULL: none), for the variables of no fixed
	 * name (an env's own: vh_state_get) */
	char *const *env;
};

/* The value of name in st->env, or NULL. */
const char *vh_state_get(const struct vh_state *st, const char *name);

/* The env someone else has on now, which venvhook stands aside for, or
 * NULL: VIRTUAL_ENV when it is not venvhook's (not its marker's, or its
 * marker's env activated again over venvhook's own: its bin/ on PATH more
 * often than venvhook left it, __VENVHOOK_NBIN), else CONDA_PREFIX of a conda env other than base whose bin/ is on
 * PATH (conda sets no VIRTUAL_ENV), unless it is venvhook's own conda
 * prefix, the same way: its marker's, with its bin/ no more often on
 * PATH than venvhook left it. Pure: reads st alone. */
const char *vh_state_foreign(const struct vh_state *st);

/* __VENVHOOK_NBIN as a number (1 when unset or not one). */
size_t vh_state_nbin(const struct vh_state *st);

/* Fills st from the process environment (borrowed pointers). */
void vh_state_read(struct vh_state *st);

/* st, read from a caller's environment, as a process that takes a
 * directory's env for itself starts from (exec, which): nothing the caller
 * inherited decides, so its pin and pause are dropped, and an env active
 * in it, whoever activated it, counts as venvhook's, so that the plan
 * takes it off (its bin/ out of PATH) before it puts another on. */
void vh_state_adopt(struct vh_state *st);

#endif
