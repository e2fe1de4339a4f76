/* The env names Poetry and pipenv derive from a project's path, against
 * the names the real tools made (Debian's Poetry 1.3.2 and pipenv
 * 2022.12.19, run on these exact paths; see tests/bats/stores.bats for the
 * same against envs made during the test run). */
#include <stdlib.h>
#include <string.h>

#include "../../core/sha256.h"
#include "../../core/store.h"
#include "tap.h"

static void poetry(const char *name, const char *dir, const char *want, const char *what)
{
	struct vh_buf out = VH_BUF_INIT, why = VH_BUF_INIT;
	int rc = vh_poetry_env_base(&out, &why, name, dir);

	if (tap_ok(rc == 0, "%s: computed", what))
		tap_str(out.data, want, what);
	else
		printf("#   %s\n", vh_buf_str(&why));
	vh_buf_free(&out);
	vh_buf_free(&why);
}

static void pipenv(const char *pipfile, const char *want, int want_rc, const char *what)
{
	struct vh_buf out = VH_BUF_INIT, why = VH_BUF_INIT;
	int rc = vh_pipenv_env_name(&out, &why, pipfile);

	tap_ok(rc == want_rc, "%s: returns %d", what, want_rc);
	if (want)
		tap_str(out.data, want, what);
	vh_buf_free(&out);
	vh_buf_free(&why);
}

int main(void)
{
	struct vh_buf b = VH_BUF_INIT, why = VH_BUF_INIT;
	unsigned char d[VH_SHA256_LEN];

	/* FIPS 180-2's "abc", through libmd, and Python's urlsafe_b64encode. */
	tap_ok(vh_sha256(d, "abc", 3, &why) == 0 && vh_base64url(&b, d, sizeof(d)) == 0, "sha256 of abc");
	tap_str(b.data, "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0=", "  in urlsafe base64 with padding");
	vh_buf_reset(&b);
	vh_base64url(&b, (const unsigned char *)"ab", 2);
	tap_str(b.data, "YWI=", "base64 of two bytes pads once");

	/* poetry env use /usr/bin/python3 in each directory made:
	 * Creating virtualenv my-cool-project-hyM8hnWM-py3.11 */
	poetry("My_Cool.Project", "/tmp/ptest/My Proj \xc3\xa9", "my-cool-project-hyM8hnWM",
	       "Poetry: a name normalised, a path with a space and UTF-8");
	/* name = 'Weird--__..Name With$Specials!@*"x' in "/tmp/ptest/bad\xff\xfedir x":
	 * Poetry's encode() drops the bytes that are not UTF-8. */
	poetry("Weird--__..Name With$Specials!@*\"x", "/tmp/ptest/bad\xff\xfe" "dir x",
	       "weird-name_with_specials____x-Qk9_wzlQ", "Poetry: shell characters, a path that is not UTF-8");
	poetry("a-very-long-project-name-that-goes-on-and-on-and-on", "/",
	       "a-very-long-project-name-that-goes-on-and--il7asoJj", "Poetry: the name is cut to 42 characters");
	{
		struct vh_buf out = VH_BUF_INIT;

		vh_buf_reset(&why);
		tap_ok(vh_poetry_env_base(&out, &why, "caf\xc3\xa9", "/") == 1, "Poetry: a non-ASCII name is refused");
		tap_str(why.data, "venvhook cannot compute Poetry's env name for a project name that is not ASCII",
			"  with a reason");
		vh_buf_free(&out);
	}

	/* pipenv --python /usr/bin/python3:
	 * Virtualenv location: .../virtualenvs/pip_Proj_é-P-dzh6O7 */
	pipenv("/tmp/ptest/pip Proj \xc3\xa9/Pipfile", "pip_Proj_\xc3\xa9-P-dzh6O7", 0,
	       "pipenv: the directory's name sanitised, case kept");
	/* pipenv in "/tmp/ptest/pbad\xff": UnicodeEncodeError, no env. */
	pipenv("/tmp/ptest/pbad\xff/Pipfile", NULL, 2, "pipenv: no env can exist for a path that is not UTF-8");
	vh_buf_free(&b);
	vh_buf_free(&why);
	return tap_done();
}
