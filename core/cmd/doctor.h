/* venvhook doctor's report: what it found, one line each, from the facts
 * the shell function passes as KEY=VALUE arguments (see cmd_doctor.c).
 * The checks of a shell's own wiring are its registry entry's
 * (shells/shell.h: checks, doctor); the report is how they speak. */
#ifndef VH_DOCTOR_H
#define VH_DOCTOR_H

#include <stddef.h>

#include "core/util/buf.h"

struct vh_doctor {
	struct vh_buf out; /* the report */
	int problems;
	int argc;          /* the facts */
	char **argv;
};

/* One finding: before, arg (escaped: it may be a path) and after, as a
 * problem or as fine. */
void vh_doctor_say(struct vh_doctor *d, int problem, const char *before, const char *arg,
		   const char *after);

/* The value of the fact key, or NULL when the shell passed none. */
const char *vh_doctor_fact(const struct vh_doctor *d, const char *key);

/* 1 when the fact key holds needle. */
int vh_doctor_fact_has(const struct vh_doctor *d, const char *key, const char *needle);

/* A problem for each other tool that switches Python envs whose hook's
 * name shows in one of the n texts (function lists, prompt hooks): those
 * every shell can have, and own, the shell's own (its registry entry's
 * rivals, ended by a NULL name; may be NULL). */
void vh_doctor_rivals(struct vh_doctor *d, const char *const *texts, size_t n,
		      const char *const (*own)[3]);

/* A problem when VS Code's Python extension activates an env in this
 * terminal too (core/cmd/doctor_vscode.c): from the environment, and the
 * fact vscode_line (the env the terminal's first command line put on). */
void vh_doctor_vscode(struct vh_doctor *d);

#endif
