/* The env of a directory for a process of its own: the environment exec
 * runs a program in, which looks one up in, and status --json names the
 * interpreter of. The hook's own path (want.c: discovery, trust, the name;
 * plan.c) from the caller's environment as vh_state_adopt leaves it, so
 * that nothing the caller inherited decides; with no watch, so that
 * nothing is recorded as made here. */
#ifndef VH_ENVOF_H
#define VH_ENVOF_H

#include "core/decide/state.h"
#include "core/decide/want.h"
#include "core/output/plan.h"

struct vh_envof {
	struct vh_state now; /* the caller's environment, adopted */
	struct vh_wanted w;  /* w.found: discovery's answer; w.want.env: the env, or NULL */
	struct vh_plan plan; /* now -> that env: plan.target is the environment to run in */
	int refused;         /* discovery found an env and it may not go on PATH: w.say says why */
};

/* Fills e for the absolute directory dir. Returns 0 or VH_ENOMEM; free e
 * with vh_envof_free in both cases. Prints nothing: w.say holds what the
 * user must be told. */
int vh_envof(struct vh_envof *e, const char *dir);
void vh_envof_free(struct vh_envof *e);

/* -C DIR: changes to dir and sets PWD to its absolute path, as a shell's
 * cd would (the path as given, made absolute from the current directory;
 * the system's name for it when that holds a "..", or does not name the
 * same directory); *cwd = that path. Says why on stderr when it cannot.
 * Returns 0, VH_EIO or VH_ENOMEM. */
int vh_envof_enter(char **cwd, const char *dir);

#endif
