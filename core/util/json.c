#include "core/util/json.h"

#include "core/util/msg.h"

int vh_json_str(struct vh_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	enum vh_text_kind kind;
	unsigned long cp;
	size_t n;
	int rc;

	if (!s)
		return vh_buf_puts(out, "null");
	if (vh_buf_putc(out, '"') < 0)
		return VH_ENOMEM;
	for (; *p; p += n) {
		n = vh_text_next(p, &cp, &kind);
		if (kind != VH_TEXT_SHOWN) /* every control is in the BMP */
			rc = vh_buf_printf(out, "\\u%04lx", cp);
		else if (cp == '"' || cp == '\\')
			rc = vh_buf_printf(out, "\\%c", (int)cp);
		else
			rc = vh_buf_add(out, (const char *)p, n);
		if (rc < 0)
			return rc;
	}
	return vh_buf_putc(out, '"');
}
