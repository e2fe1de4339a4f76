/* Just enough JSON: `venvhook status --json`'s strings, and the one reader
 * of a JSON file venvhook needs (a conda prefix's conda-meta/state). */
#ifndef VH_JSON_H
#define VH_JSON_H

#include <stddef.h>

#include "core/util/buf.h"

/* s as a JSON string, or null for NULL: a control (C0, DEL, C1, a bidi
 * control: vh_text_next in msg.h) as \uXXXX, its code point, so that no
 * terminal byte reaches whoever shows the JSON; '"' and '\\' escaped. A
 * byte that is not part of valid UTF-8 cannot be said in JSON: it becomes
 * \u00XX, the code point of that byte's value (documented; paths are
 * rarely so). Returns 0 or VH_ENOMEM. */
int vh_json_str(struct vh_buf *out, const char *s);

/* Nesting deeper than this is refused (a reader's stack stays bounded). */
#define VH_JSON_DEPTH 32

struct vh_json_pair {
	char *key;   /* escapes undone, UTF-8 */
	char *value; /* the string value, or NULL when bad */
	int bad;     /* the value is no string, or key or value holds a NUL
		      * (\u0000) or half a surrogate pair: key/value are then
		      * what came before it, and must not be used */
};

struct vh_json_pairs {
	struct vh_json_pair *v;
	size_t n, cap;
};

/* Reads the JSON document text (len bytes) whole, as Python's json.loads
 * reads it strictly (UTF-8, no raw control in a string), and keeps the
 * members of the object that is the value of the top-level object's member
 * key (the last such member, as json.loads keeps it), in file order,
 * duplicates included (a later one is the value json.loads keeps). Linear
 * in len, nesting at most VH_JSON_DEPTH. Returns 0 (out->n == 0 when there
 * is no such object), VH_ESYNTAX (not JSON, too deep, or key's value is no
 * object), or VH_ENOMEM. Free out with vh_json_pairs_free in every case. */
int vh_json_members(struct vh_json_pairs *out, const char *text, size_t len, const char *key);
void vh_json_pairs_free(struct vh_json_pairs *p);

#endif
