/* One-line messages on stderr. Paths in them come from directory names, so
 * they are printed with control and non-UTF-8 bytes escaped: a name must not
 * be able to move the cursor or retitle the terminal. */
#ifndef VH_MSG_H
#define VH_MSG_H

#include "core/util/buf.h"

/* Every name venvhook prints goes through vh_msg_escape, vh_msg_sanitize
 * or vh_json_str (json.h), and each judges text by vh_text_next: a character is shown as it is
 * unless it is a control (C0, DEL, C1, or a bidi control: U+202A-U+202E,
 * U+2066-U+2069, U+200E, U+200F, U+061C) or a byte of invalid UTF-8. */
enum vh_text_kind { VH_TEXT_SHOWN, VH_TEXT_CONTROL, VH_TEXT_INVALID };

/* The character at s (not at its end): its length (1 for an invalid byte),
 * its code point in *cp (the byte's value when invalid) and its kind. */
size_t vh_text_next(const unsigned char *s, unsigned long *cp, enum vh_text_kind *kind);

/* Appends s to out for a terminal: a control or invalid byte, and
 * backslash, as \xHH (each byte of a control written as UTF-8). */
int vh_msg_escape(struct vh_buf *out, const char *s);

/* Appends s to out for a place that shows it and cannot show an escape
 * (VIRTUAL_ENV_PROMPT, in the user's prompt): every C0 and C1 control (tab
 * and newline too), DEL, bidi control (U+202A-U+202E, U+2066-U+2069,
 * U+200E, U+200F, U+061C) and invalid byte 0x80-0x9F becomes '?'; other
 * text, ordinary Unicode and other invalid bytes included, stays. */
int vh_msg_sanitize(struct vh_buf *out, const char *s);

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when it is not
 * one (a byte that cannot start one, a short or overlong sequence, a
 * surrogate, past U+10FFFF). */
size_t vh_utf8_valid(const unsigned char *s);

/* The same for a sequence at s with avail bytes there (no NUL needed). */
size_t vh_utf8_valid_n(const unsigned char *s, size_t avail);

/* Appends the UTF-8 of the code point cp. 0, VH_ESYNTAX past U+10FFFF,
 * or VH_ENOMEM. */
int vh_utf8_put(struct vh_buf *b, unsigned long cp);


/* From now on, every line vh_msgf would write on stderr is appended to
 * into instead (NULL: stderr again), for a hook that shows them later (at
 * start-up, where output would disturb an instant prompt: VENVHOOK_LATER). */
void vh_msg_capture(struct vh_buf *into);

/* "venvhook: " + message + newline. %s arguments are printed as given:
 * escape untrusted ones with vh_msg_escape first (or use vh_msgf_path). */
void vh_msgf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Each line of lines (what a lower layer returned for the user, each
 * ending in '\n', already escaped) through vh_msgf. */
void vh_msg_lines(const struct vh_buf *lines);

/* "venvhook: <prefix><escaped path><suffix>" */
void vh_msg_path(const char *prefix, const char *path, const char *suffix);

#endif
