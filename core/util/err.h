/* The one error convention (HACKING.md, "Errors"): a function that can fail
 * returns 0 on success or one of these negative codes, which name the
 * failure; never a bare 1 with a meaning of its own. What a function finds
 * that is no failure (a refusal, a judgement) goes in its result, and so
 * do its warnings: lower layers never print, the commands do. A function
 * that answers yes or no (vh_env_at) returns bool and cannot fail; one
 * with more outcomes than success and failure returns a named enum.
 * lint.bats fails on a bare `return -1;` anywhere in core/ or shells/. */
#ifndef VH_ERR_H
#define VH_ERR_H

enum vh_err {
	VH_OK = 0,
	VH_ENOMEM = -1,     /* out of memory */
	VH_ENOTFOUND = -2,  /* what was looked for is not there */
	VH_EFAILED = -3,    /* a library said no (libgit2): its reason is in the result */
	VH_ENOLIB = -4,     /* a library cannot be loaded: the result says why */
	VH_ETIMEOUT = -5,   /* no answer within the time allowed */
	VH_EIO = -6,        /* a system call failed (read, write, fork): errno or the result says why */
	VH_ENOHOME = -7,    /* neither the XDG variable nor HOME is set: no file to use */
	VH_EUNSAYABLE = -8, /* this shell cannot be told the value (a newline, where lines are joined) */
	VH_EREFUSED = -9,   /* judged and refused: the result says why */
	VH_ENOTREG = -10,   /* a directory, FIFO, device or socket where a regular file belongs */
	VH_ETOOBIG = -11,   /* larger than the bound venvhook reads or keeps */
	VH_ESYNTAX = -12,   /* the text is not in its format (TOML, the trust file, a key): refused whole */
	VH_EUNSAFE = -13,   /* someone else could write what decides: the result says who */
};

#endif
