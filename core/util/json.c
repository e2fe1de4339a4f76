#include "core/util/json.h"

#include "core/util/msg.h"

int vh_json_str(struct vh_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	if (!s)
		return vh_buf_puts(out, "null");
	if (vh_buf_putc(out, '"') < 0)
		return -1;
	while (*p) {
		n = vh_utf8_len(p);
		if (n > 1) {
			if (vh_buf_add(out, (const char *)p, n) < 0)
				return -1;
			p += n;
			continue;
		}
		if (*p == '"' || *p == '\\') {
			if (vh_buf_putc(out, '\\') < 0 || vh_buf_putc(out, (char)*p) < 0)
				return -1;
		} else if (*p < 0x20 || *p == 0x7f || n == 0) {
			if (vh_buf_printf(out, "\\u%04x", *p) < 0)
				return -1;
		} else if (vh_buf_putc(out, (char)*p) < 0) {
			return -1;
		}
		p++;
	}
	return vh_buf_putc(out, '"');
}
