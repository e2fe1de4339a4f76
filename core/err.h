/* The one error convention (HACKING.md, "Errors"): a function that can fail
 * returns 0 on success or one of these negative codes, which name the
 * failure; never a bare 1 with a meaning of its own. What a function finds
 * that is no failure (a refusal, a "not there") goes in its result, and
 * so do its warnings: lower layers never print, the commands do. */
#ifndef VH_ERR_H
#define VH_ERR_H

enum vh_err {
	VH_OK = 0,
	VH_ENOMEM = -1,     /* out of memory */
	VH_ENOTFOUND = -2,  /* what was looked for is not there */
	VH_ENOHOME = -3,    /* neither the XDG variable nor HOME is set: no file to use */
	VH_EIO = -4,        /* a read, write or system call failed: errno says which */
	VH_EUNSAYABLE = -5, /* this shell cannot be told the value */
	VH_EREFUSED = -6,   /* judged and refused: the result says why */
};

/* A few words for code, for a message: "out of memory", ... */
const char *vh_err_text(int code);

#endif
