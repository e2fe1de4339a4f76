/* From the state now and the env wanted here to the few changes that move
 * one to the other. Pure: reads no environment and no files. */
#ifndef VH_PLAN_H
#define VH_PLAN_H

#include "core/decide/state.h"

enum vh_op_kind { VH_OP_SET, VH_OP_UNSET, VH_OP_REHASH };

struct vh_op {
	enum vh_op_kind kind;
	enum vh_var var;
	const char *value; /* VH_OP_SET only; owned by the plan */
};

struct vh_plan {
	struct vh_op ops[VH_NVARS + 1];
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
	int foreign;             /* VIRTUAL_ENV belongs to someone else: hands off */
};

/* The env wanted now: its path and the name to show, and the values the
 * pin and pause markers should have afterwards (NULL: unset). */
struct vh_want {
	const char *env;    /* NULL: no env here */
	const char *prompt; /* VIRTUAL_ENV_PROMPT to set */
	const char *pin;
	const char *pause;
	const char *note;   /* said after the activation line's name, or NULL */
};

/* Fills plan; plan->nops == 0 when nothing changes. Returns 0 or -1 (out of
 * memory). Free with vh_plan_free even after failure. */
int vh_plan(struct vh_plan *plan, const struct vh_state *now, const struct vh_want *want);
void vh_plan_free(struct vh_plan *plan);

/* "<env>/bin", the PATH entry activation adds. Caller frees. */
char *vh_env_bin(const char *env);

#endif
