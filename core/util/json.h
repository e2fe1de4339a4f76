/* Just enough JSON for `venvhook status --json`. */
#ifndef VH_JSON_H
#define VH_JSON_H

#include "core/util/buf.h"

/* s as a JSON string, or null for NULL: a control (C0, DEL, C1, a bidi
 * control: vh_text_next in msg.h) as \uXXXX, its code point, so that no
 * terminal byte reaches whoever shows the JSON; '"' and '\\' escaped. A
 * byte that is not part of valid UTF-8 cannot be said in JSON: it becomes
 * \u00XX, the code point of that byte's value (documented; paths are
 * rarely so). Returns 0 or VH_ENOMEM. */
int vh_json_str(struct vh_buf *out, const char *s);

#endif
