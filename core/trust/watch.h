/* What the shell watches between two exports, so that an env made while the
 * user sits at a prompt is seen being made (issue 11's consent rule).
 *
 * export computes a watch for the directories that matter here (the current
 * one and the project's root) and hands the shell two things:
 *   __venvhook_watch  the env paths (DIR/NAME/pyvenv.cfg) absent right now,
 *                     which the hook tests with builtins at each prompt;
 *   __venvhook_key    an opaque word (no blank, no quote, no '!') holding
 *                     when the watch began and the identity of each env
 *                     that was already there, which the hook passes back as
 *                     the last argument of every `venvhook export`.
 * An env the next export finds at a watched path, that was not there (or
 * was another file) when the watch began, appeared while the shell sat
 * here. Whether it was *made* here is judged from its files' times
 * (see policy.c); this module only remembers what was there. */
#ifndef VH_WATCH_H
#define VH_WATCH_H

#include <sys/types.h>
#include <time.h>

#include "core/util/buf.h"
#include "core/decide/userconfig.h"

#define VH_WATCH_MAX_DIRS 2

/* What DIR/NAME/pyvenv.cfg was when the watch began. */
struct vh_watch_slot {
	int present;
	dev_t dev;
	ino_t ino;
	struct timespec ctime;
};

struct vh_watch_dir {
	char *dir;
	struct vh_watch_slot slot[VH_CONFIG_MAX_ENV_DIRS];
};

struct vh_watch {
	struct timespec since; /* when the watch began; 0 for none */
	size_t n;
	struct vh_watch_dir d[VH_WATCH_MAX_DIRS];
};

/* Reads the watch part of a key the hook passed (NULL, "-" or anything
 * unreadable is no watch). Returns 0 or -1 out of memory. Free with
 * vh_watch_free. */
int vh_watch_parse(struct vh_watch *w, const char *key);

/* The watch for dirs (n of them, at most VH_WATCH_MAX_DIRS, duplicates
 * dropped): prev's, when it watched the same dirs (so an env made at any
 * time since the user came here counts), else a new one that begins now
 * and notes what is there. Returns 0 or -1 out of memory. */
int vh_watch_update(struct vh_watch *w, const struct vh_watch *prev, const char *const *dirs,
		    size_t n);

/* Appends w's key part ("w..."; nothing for an empty watch). */
int vh_watch_format(struct vh_buf *key, const struct vh_watch *w);

/* *paths = the watched env paths that were absent when w began (the ones
 * whose appearance the hook looks for), NULL-terminated; *n their count.
 * Returns 0 or -1 out of memory; caller frees each and the array. */
int vh_watch_paths(char ***paths, size_t *n, const struct vh_watch *w);

/* 1 when env is DIR/NAME for a watched DIR and NAME, and its pyvenv.cfg
 * is not what was there when w began (absent then, or another file): it
 * appeared while the shell was watching. */
int vh_watch_appeared(const struct vh_watch *w, const char *env);

/* The shell went into dir without an export (the region's shortcut,
 * region.h) and has watched it since: the watch's first directory (where
 * the shell stood) becomes dir, its env paths absent (the hook saw none of
 * the walk's names there), or as the root's were when dir is the root (the
 * hook watches the root's paths); the rest (the root) stays. 0 or -1. */
int vh_watch_move(struct vh_watch *w, const char *dir);

/* vh_watch_paths of the watch's directories but the first: what the
 * shell watches wherever in the region it goes. 0 or -1. */
int vh_watch_root_paths(char ***paths, size_t *n, const struct vh_watch *w);

void vh_watch_free(struct vh_watch *w);

#endif
