/* The variables venvhook reads and writes, and their values now. */
#ifndef VH_STATE_H
#define VH_STATE_H

enum vh_var {
	VH_VIRTUAL_ENV,
	VH_VIRTUAL_ENV_PROMPT,
	VH_PYTHONHOME,
	VH_PATH,
	VH_MARK_ENV,        /* the env venvhook activated; exported for child shells */
	VH_MARK_PYTHONHOME, /* PYTHONHOME as it was before activation, when it was set */
	VH_MARK_PIN,        /* env chosen with `venvhook activate`: kept across cd */
	VH_MARK_PAUSE,      /* env `venvhook deactivate` switched off until you leave */
	VH_NVARS
};

extern const char *const vh_var_names[VH_NVARS];

/* Values are NULL for unset variables. The strings are borrowed or owned
 * depending on who filled them: see vh_state_read and vh_plan. */
struct vh_state {
	const char *v[VH_NVARS];
};

/* Fills st from the process environment (borrowed pointers). */
void vh_state_read(struct vh_state *st);

/* st, read from a caller's environment, as a process that takes a
 * directory's env for itself starts from (exec, which): nothing the caller
 * inherited decides, so its pin and pause are dropped, and an env active
 * in it, whoever activated it, counts as venvhook's, so that the plan
 * takes it off (its bin/ out of PATH) before it puts another on. */
void vh_state_adopt(struct vh_state *st);

#endif
