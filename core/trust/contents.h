/* What an env runs besides its directory, pyvenv.cfg and bin/ itself
 * (policy.c judges those): what a program started from it reads as code.
 * A link in bin/ (bin/python leads to the base interpreter) runs whatever
 * it leads to, and lib/pythonX.Y/site-packages holds .pth files that
 * Python runs at every start: someone who can change those changes what
 * runs, as surely as one who can write bin/. */
#ifndef VH_CONTENTS_H
#define VH_CONTENTS_H

#include "core/util/buf.h"

/* Judges, under real (the env's real path): every symlink in bin/ (nobody
 * but the user and root can make it lead elsewhere, nor change what it
 * leads to, and it leads somewhere: vh_perm_path), and lib/, lib64/, each
 * directory in lib/ and its site-packages/ (as bin/ is judged:
 * vh_perm_judge, a link among them as above). Returns 0, VH_EREFUSED
 * with why (a sentence fragment) filled, or VH_ENOMEM. */
int vh_env_contents_check(struct vh_buf *why, const char *real);

#endif
