/* Whether an env may be activated: the trust policy. Automatic activation
 * (a cd) only activates an env the user made: its pyvenv.cfg, bin/ and the
 * env directory itself owned by the user (or root) and not writable by
 * group or others, and none of its files tracked by git (it would have
 * arrived with a clone). `venvhook allow` overrides that for one env and
 * one pyvenv.cfg content; `venvhook deny` refuses an env whatever it holds.
 * A manual `venvhook activate` needs no allow but still refuses a denied or
 * world-writable env unless forced. */
#ifndef VH_POLICY_H
#define VH_POLICY_H

#include "buf.h"

enum vh_policy_mode { VH_POLICY_AUTO, VH_POLICY_MANUAL };

/* *ok = 1 when env (an absolute path) may be activated in this mode; else
 * 0 and *why says why, as a sentence fragment ("its bin/ is writable by
 * others"). Returns 0, or -1 out of memory. */
int vh_policy_check(int *ok, struct vh_buf *why, const char *env, enum vh_policy_mode mode);

#endif
