/* Where venvhook keeps its files, by the XDG base directory spec. */
#ifndef VH_XDG_H
#define VH_XDG_H

/* *out = "$VAR/venvhook/LEAF" when VAR holds an absolute path (the spec
 * ignores a relative one), else "$HOME/FALLBACK/venvhook/LEAF", e.g.
 * ("XDG_DATA_HOME", ".local/share", "trust"). Returns 0, VH_ENOHOME when
 * neither is set (*out NULL), VH_ENOMEM. Caller frees *out. */
int vh_xdg_file(char **out, const char *var, const char *fallback, const char *leaf);

/* mkdir -p of file's directory, each new one private to the user (0700).
 * Returns 0 or VH_EIO with errno set. */
int vh_xdg_make_parent(const char *file);

#endif
