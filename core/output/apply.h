/* Moving the shell from one env to another, shared by export (the hook)
 * and by activate/deactivate (the user). */
#ifndef VH_APPLY_H
#define VH_APPLY_H

#include "core/output/plan.h"
#include "core/decide/state.h"

struct vh_shell;

/* Writes the code that moves the shell from now to want on stdout and says
 * what changed on stderr (unless VENVHOOK_QUIET): the command layer's last
 * step. Returns 0; VH_ENOMEM; VH_EIO when stdout failed; VH_EUNSAYABLE when
 * this shell cannot be told the new values (nothing was written, the
 * reason is on stderr). */
int vh_apply(const struct vh_shell *sh, const struct vh_state *now, const struct vh_want *want);

/* The activation lines are off: VENVHOOK_QUIET when set (not "0"), else
 * the config's quiet. */
int vh_quiet(void);


#endif
