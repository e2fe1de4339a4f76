/* What the shell watches between two exports, so that an env made while the
 * user sits at a prompt is seen being made (the made-here rule, policy.c).
 *
 * Each export notes, for the few env directories that matter here (the
 * current directory's .venv and venv, the project root's, and the store
 * paths the project's settings name: see cmd_export.c), whether each is
 * there and which directory it is, and hands the shell two things:
 *   __venvhook_watch  the paths absent right now, which the hook tests with
 *                     builtins at each prompt and runs export when one
 *                     appears;
 *   __venvhook_key    an opaque word (no blank, no quote, no '!') holding
 *                     the moment of this export and what it noted, which
 *                     the hook passes back as the last argument of every
 *                     `venvhook export`.
 * An env at a watched path that was absent at the last export appeared
 * since; one at any other path is new only if its birth time says so (the
 * policy asks). Whether a command of the user's made it is madeby.h's. */
#ifndef VH_WATCH_H
#define VH_WATCH_H

#include <sys/types.h>
#include <time.h>

#include "core/util/buf.h"

#define VH_WATCH_MAX 16

/* What the path was at the export. */
struct vh_watch_slot {
	char *path;
	int present;
	dev_t dev;
	ino_t ino;
	/* the shell's directory's own, after a cd the region's shortcut took
	 * (vh_watch_move): the hook has looked at it before every line since */
	int here;
};

struct vh_watch {
	struct timespec since; /* the export's moment; 0 for no watch */
	char *base;            /* the directory it ran in, or NULL */
	/* a cd the region's shortcut took moved it (vh_watch_move): the lines
	 * the hook hands begin at that cd, later than since */
	int moved;
	size_t n;
	struct vh_watch_slot s[VH_WATCH_MAX];
};

/* Reads the watch part of a key the hook passed (NULL, "-" or anything
 * unreadable is no watch). Returns 0 or VH_ENOMEM. Free with
 * vh_watch_free. */
int vh_watch_parse(struct vh_watch *w, const char *key);

/* A new watch of paths (n of them, absolute; duplicates and those past
 * VH_WATCH_MAX dropped), beginning now, by an export that ran in base:
 * notes what is at each. Returns 0 or VH_ENOMEM. */
int vh_watch_update(struct vh_watch *w, const char *base, const char *const *paths, size_t n);

/* Appends w's key part ("w..."; nothing for an empty watch). */
int vh_watch_format(struct vh_buf *key, const struct vh_watch *w);

/* *paths = the watched paths that were absent (the ones whose appearance
 * the hook looks for), NULL-terminated; *n their count. Returns 0 or VH_ENOMEM; caller frees each and the array. */
int vh_watch_paths(char ***paths, size_t *n, const struct vh_watch *w);

/* 1 when env is a watched path that was absent when w was taken and is
 * there now: it appeared since. */
int vh_watch_appeared(const struct vh_watch *w, const char *env);

/* 1 when env is one of the paths a move (vh_watch_move) joined to the
 * watch, in the directory the shell went into: the hook has looked at it
 * before every line since that cd. */
int vh_watch_here(const struct vh_watch *w, const char *env);

/* 1 when env is a watched path that was there when w was taken (the same
 * directory or another). */
int vh_watch_was_there(const struct vh_watch *w, const char *env);

/* The shell went into dir without an export (the region's shortcut,
 * core/decide/region.h) and has watched there since, as export would have
 * had it watch: the lines since begin there (base), and dir's paths rel
 * (env directory names, relative) join the watch as absent, the hook having
 * seen none of the walk's names there. The paths watched before stay as
 * they were noted. 0 or VH_ENOMEM. */
int vh_watch_move(struct vh_watch *w, const char *dir, const char *const *rel, size_t nrel);

void vh_watch_free(struct vh_watch *w);

#endif
