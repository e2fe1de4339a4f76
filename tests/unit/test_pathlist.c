#include <stdlib.h>

#include "core/util/pathlist.h"
#include "tap.h"

static void remove_case(const char *list, const char *entry, const char *want)
{
	char *out = NULL;

	tap_ok(vh_pathlist_remove(&out, list, entry) == 0, "remove '%s' from '%s' succeeds", entry, list);
	tap_str(out, want, "  leaves the expected list");
	free(out);
}

int main(void)
{
	char *out = NULL;

	remove_case("/e/bin:/usr/bin:/bin", "/e/bin", "/usr/bin:/bin");
	remove_case("/usr/bin:/e/bin:/bin", "/e/bin", "/usr/bin:/bin");
	remove_case("/usr/bin:/bin:/e/bin", "/e/bin", "/usr/bin:/bin");
	remove_case("/e/bin", "/e/bin", "");
	remove_case("/e/bin:/x:/e/bin", "/e/bin", "/x:/e/bin"); /* only the first */
	remove_case("/e/bin/:/x", "/e/bin", "/e/bin/:/x");      /* bytes, not paths */
	remove_case("/e/binx:/x", "/e/bin", "/e/binx:/x");
	remove_case("", "/e/bin", "");
	remove_case("::/e/bin::", "/e/bin", ":::");             /* empty entries survive */

	tap_ok(vh_pathlist_find("/a:/b:/c", "/c") == 2, "find gives the index");
	tap_ok(vh_pathlist_find("/a:/b", "/") == -1, "find misses a prefix");
	tap_ok(vh_pathlist_find("", "") == -1, "an empty list holds nothing");

	vh_pathlist_prepend(&out, "/usr/bin", "/e/bin");
	tap_str(out, "/e/bin:/usr/bin", "prepend puts the entry first");
	free(out);
	vh_pathlist_prepend(&out, "", "/e/bin");
	tap_str(out, "/e/bin", "prepend to an empty PATH adds no ':'");
	free(out);
	return tap_done();
}
