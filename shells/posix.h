/* What bash and zsh share: single-quote quoting and export/unset. */
#ifndef VH_SHELLS_POSIX_H
#define VH_SHELLS_POSIX_H

#include "../core/buf.h"

int vh_posix_quote(struct vh_buf *out, const char *s);
int vh_posix_set_env(struct vh_buf *out, const char *name, const char *value);
int vh_posix_unset_env(struct vh_buf *out, const char *name);
int vh_posix_set_local(struct vh_buf *out, const char *name, const char *value);

#endif
