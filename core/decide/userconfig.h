/* The user's settings, from $XDG_CONFIG_HOME/venvhook/config (default
 * ~/.config/venvhook/config), read with inih. Every key is optional:
 *
 *     env_dirs = .venv venv        child directories that hold a project's env
 *     stop_at_git_root = yes       the walk up ends at the git work-tree root
 *     quiet = no                   no "activated ..." lines (VENVHOOK_QUIET wins)
 *     follow_pointer_files = yes   a file named .venv points to the env
 *     trust = strict               strict | owner | off: what automatic
 *                                  activation checks (see policy.h)
 *     stores = poetry pipenv pyenv uv virtualenvwrapper virtualfish autoswitch hatch pdm
 *                                  the tools' env stores discovery and
 *                                  list follow (see stores.h); fewer turn
 *                                  the others off, none all of them
 *
 * A bad line gets one warning naming the file and line; the rest applies. */
#ifndef VH_USERCONFIG_H
#define VH_USERCONFIG_H

#include "core/util/buf.h"

enum vh_config_trust {
	VH_CONFIG_TRUST_STRICT = 0, /* consent, ownership, permissions and git */
	VH_CONFIG_TRUST_OWNER,	     /* ownership, permissions and git: no consent */
	VH_CONFIG_TRUST_OFF,	     /* no checks; a deny still holds */
};

#define VH_CONFIG_MAX_ENV_DIRS 16

struct vh_config {
	char *file;  /* the path read (or looked for); NULL without a home */
	int found;   /* the file existed */
	int bad_lines;
	struct vh_buf warnings; /* for the command to print: a line each, escaped */
	/* The file as read (device, inode, size, modification time), or why
	 * it could not be: what export's __VENVHOOK_CONFIG_SAID names. */
	char id[96];
	const char *env_dirs[VH_CONFIG_MAX_ENV_DIRS + 1]; /* NULL-terminated */
	int stop_at_git_root;
	int quiet;
	int follow_pointers;
	enum vh_config_trust trust;
	unsigned stores; /* bit 1 << enum vh_store_id for each store followed */
};

/* The settings in force; defaults until vh_config_load. */
extern struct vh_config vh_config;

/* Reads the file (a missing one is no error) into vh_config, with a
 * warning in vh_config.warnings for each bad line (and for a file that
 * cannot be read). Returns 0 or VH_ENOMEM. */
int vh_config_load(void);

/* The variable export sets to vh_config.id once it said the warnings, so
 * that a shell hears them once, not at every cd; 1 when the environment
 * says they were said about the file as it is now. */
#define VH_CONFIG_SAID "__VENVHOOK_CONFIG_SAID"
int vh_config_said(void);

/* The settings as a config file would say them, for `venvhook config`. */
int vh_config_format(struct vh_buf *out);

extern const char *const vh_config_trust_names[];

#endif
