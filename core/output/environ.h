/* The plan put on this process's own environment: the step that takes the
 * place of rendering (render.h) for the commands that run a program in
 * the env (exec) instead of printing code for a shell to eval. */
#ifndef VH_ENVIRON_H
#define VH_ENVIRON_H

#include "core/output/plan.h"

/* Sets every variable of the plan's state (vh_var_names, whatever the
 * plan comes to hold) to its target value in this process's environment,
 * and unsets those the target leaves unset, so that a program executed
 * next inherits exactly what a shell that evals the rendered plan would
 * hold. Returns 0 or VH_ENOMEM. */
int vh_environ_apply(const struct vh_plan *plan);

#endif
