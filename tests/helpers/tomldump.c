/* tomldump FILE: what core/util/toml.c keeps of FILE, one entry a line, as
 * "key.path<TAB>s|b|a|o<TAB>value" with each key part and string in JSON
 * (a: an array of strings, as a JSON list; o: any other value, or a
 * table a header opens)
 * escapes; "error<TAB>line N: why" when it refuses the file. The store
 * tests compare this with Python's tomllib. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/toml.h"

static void put(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	/* As Python's json.dumps(ensure_ascii=False) writes a string. */
	for (; *p; p++) {
		const char *e = strchr("\"\\\n\r\t\b\f", *p);

		if (e)
			printf("\\%c", "\"\\nrtbf"[e - "\"\\\n\r\t\b\f"]);
		else if (*p < 0x20)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
}

int main(int argc, char **argv)
{
	struct vh_buf err = VH_BUF_INIT;
	struct vh_toml doc;
	size_t i, j;
	int rc;

	if (argc != 2)
		return 2;
	rc = vh_toml_read(&doc, &err, argv[1], 1024 * 1024);
	if (rc) {
		printf("error\t%s\n", vh_buf_str(&err));
		vh_toml_free(&doc);
		vh_buf_free(&err);
		return rc < 0 ? 1 : 0;
	}
	for (i = 0; i < doc.n; i++) {
		const char **key = malloc((doc.v[i].depth + 1) * sizeof(*key));

		if (!key)
			return 1;
		vh_toml_key(&doc, &doc.v[i], key);
		for (j = 0; j < doc.v[i].depth; j++) {
			printf(j ? "." : "");
			putchar('"');
			put(key[j]);
			putchar('"');
		}
		free(key);
		if (doc.v[i].type == VH_TOML_STRING) {
			printf("\ts\t\"");
			put(doc.v[i].str);
			printf("\"\n");
		} else if (doc.v[i].type == VH_TOML_BOOL) {
			printf("\tb\t%s\n", doc.v[i].boolean ? "true" : "false");
		} else if (doc.v[i].type == VH_TOML_STRINGS) {
			printf("\ta\t[");
			for (j = 0; j < doc.v[i].nstrs; j++) {
				printf(j ? ", \"" : "\"");
				put(doc.v[i].strs[j]);
				putchar('"');
			}
			printf("]\n");
		} else {
			printf("\to\t\n");
		}
	}
	vh_toml_free(&doc);
	vh_buf_free(&err);
	return 0;
}
