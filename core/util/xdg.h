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

/* Whether file, a path vh_xdg_file made, is where venvhook may keep what
 * it believes: its directory (…/venvhook) and the XDG root above it are the
 * user's own, not root's, and writable by no one else (mode bits and ACLs),
 * and no one else can change what the path leads to (vh_path_steady: the
 * directories above, the symlinks on it). To read (writing 0), a file that
 * is not there is fine: there is nothing to believe. To write (writing 1,
 * once vh_xdg_make_parent made the directories), the place is judged
 * whether or not the file is there yet. Returns 0 (usable), VH_EUNSAFE
 * (not: why gets what is wrong, as "<path> is writable by its group",
 * escaped) or VH_ENOMEM. A directory's verdict is not asked for again in the same
 * process. */
struct vh_buf;
int vh_xdg_usable(struct vh_buf *why, const char *file, int writing);

#endif
