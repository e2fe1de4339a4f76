/* The env names Poetry and pipenv derive from a project's path, against
 * the names the real tools made (Debian's Poetry 1.3.2 and pipenv
 * 2022.12.19, run on these exact paths; see tests/bats/stores.bats for the
 * same against envs made during the test run). */
#include <stdlib.h>
#include <string.h>

#include "core/util/md5.h"
#include "core/util/sha256.h"
#include "core/store/store.h"
#include "core/store/stores.h"
#include "core/find/envdir.h"
#include "tap.h"

static char home[64];

static const char *in_home(const char *rel)
{
	static char paths[4][512];
	static int i;

	i = (i + 1) % 4;
	snprintf(paths[i], sizeof(paths[i]), "%s/%s", home, rel);
	return paths[i];
}

static void sh(const char *cmd)
{
	char line[2048];

	snprintf(line, sizeof(line), "cd '%s' && %s", home, cmd);
	if (system(line) != 0)
		tap_ok(0, "%s", cmd);
}

static void in_store(const char *rel, int want, const char *what)
{
	char *real = realpath(in_home(rel), NULL);
	int yes = -1;

	tap_ok(real && vh_env_in_user_store(&yes, real) == 0 && yes == want, "%s", what);
	free(real);
}

/* vh_env_in_user_store, for the trust policy: the stores as the user's
 * environment and config place them. */
static void roots(void)
{
	const char *unset[] = { "WORKON_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
				"POETRY_VIRTUALENVS_PATH", "POETRY_CACHE_DIR", "POETRY_CONFIG_DIR",
				"PYENV_ROOT", "UV_PROJECT_ENVIRONMENT", "VIRTUALFISH_HOME",
				"AUTOSWITCH_VIRTUAL_ENV_DIR", NULL };
	size_t i;

	snprintf(home, sizeof(home), "/tmp/vh-stores-XXXXXX");
	if (!mkdtemp(home))
		return;
	for (i = 0; unset[i]; i++)
		unsetenv(unset[i]);
	setenv("HOME", home, 1);
	sh("mkdir -p .virtualenvs/a .local/share/virtualenvs/b .cache/pypoetry/virtualenvs/c "
	   ".pyenv/versions/d .pyenv/versions/3.11/envs/e proj/.venv elsewhere/f real-workon/g "
	   ".pyenv/versions/3.11/lib/h");
	in_store(".virtualenvs/a", 1, "an env in ~/.virtualenvs is the user's by location");
	in_store(".local/share/virtualenvs/b", 1, "  in pipenv's ~/.local/share/virtualenvs");
	in_store(".cache/pypoetry/virtualenvs/c", 1, "  in Poetry's ~/.cache/pypoetry/virtualenvs");
	in_store(".pyenv/versions/d", 1, "  in ~/.pyenv/versions");
	in_store(".pyenv/versions/3.11/envs/e", 1, "  in pyenv-virtualenv's versions/3.11/envs");
	in_store(".pyenv/versions/3.11/lib/h", 0, "  but not just anywhere below versions/");
	in_store("proj/.venv", 0, "a project's .venv is not");
	in_store("elsewhere/f", 0, "nor an env elsewhere");
	sh("ln -s real-workon linked");
	setenv("WORKON_HOME", in_home("linked"), 1);
	in_store("real-workon/g", 1, "a WORKON_HOME reached through a symlink counts");
	in_store(".virtualenvs/a", 1, "  and ~/.virtualenvs still does: virtualfish's and autoswitch's home");
	setenv("VIRTUALFISH_HOME", in_home("linked"), 1);
	setenv("AUTOSWITCH_VIRTUAL_ENV_DIR", in_home("elsewhere"), 1);
	in_store(".virtualenvs/a", 0, "  until theirs are set elsewhere too");
	in_store("elsewhere/f", 1, "  AUTOSWITCH_VIRTUAL_ENV_DIR is a store");
	unsetenv("AUTOSWITCH_VIRTUAL_ENV_DIR");
	setenv("AUTOSWITCH_VIRTUAL_ENV_DIR", in_home("linked"), 1);
	setenv("UV_PROJECT_ENVIRONMENT", in_home("elsewhere/f"), 1);
	in_store("elsewhere/f", 1, "an absolute UV_PROJECT_ENVIRONMENT is the user's");
	setenv("UV_PROJECT_ENVIRONMENT", "elsewhere/f", 1);
	in_store("elsewhere/f", 0, "  a relative one is the project's");
	sh("cd / && rm -rf \"$HOME\"");
}

/* RFC 1321's test suite, and the padding's edges against Python's hashlib. */
static void md5(void)
{
	static const struct {
		const char *in;
		size_t xs; /* or this many 'x' */
		const char *hex;
	} v[] = {
		{ "", 0, "d41d8cd98f00b204e9800998ecf8427e" },
		{ "a", 0, "0cc175b9c0f1b6a831c399e269772661" },
		{ "abc", 0, "900150983cd24fb0d6963f7d28e17f72" },
		{ "message digest", 0, "f96b697d7cb7938d525a2f31aaf161d0" },
		{ "abcdefghijklmnopqrstuvwxyz", 0, "c3fcd3d76192e4007dfb496cca67e13b" },
		{ "12345678901234567890123456789012345678901234567890123456789012345678901234567890", 0,
		  "57edf4a22be3c955ac49da2e2107b67a" },
		{ NULL, 55, "04364420e25c512fd958a70738aa8f72" },
		{ NULL, 56, "668a72d5ba17f08e62dabcafad6db14b" },
		{ NULL, 63, "7dc2ca208106a2f703567bdff99d8981" },
		{ NULL, 64, "c1bb4f81d892b2d57947682aeb252456" },
		{ NULL, 65, "1bc932052302d074bdec39795fe00cf6" },
		{ NULL, 119, "ab347a5f68c8a443cfcddc633f12c24f" },
		{ NULL, 120, "fb98667f98096de92620b64f46e1c5b5" },
	};
	unsigned char d[VH_MD5_LEN];
	char hex[2 * VH_MD5_LEN + 1], xs[128];
	size_t i, j;

	memset(xs, 'x', sizeof(xs));
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		vh_md5(d, v[i].in ? v[i].in : xs, v[i].in ? strlen(v[i].in) : v[i].xs);
		for (j = 0; j < VH_MD5_LEN; j++)
			snprintf(hex + 2 * j, 3, "%02x", d[j]);
		tap_str(hex, v[i].hex, "md5 (RFC 1321, and the padding's edges)");
	}
}

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

/* A name joined to a store never leaves it (issue 20), whoever wrote it:
 * an index, a project's file, PIPENV_CUSTOM_VENV_NAME, the user. */
static void names(void)
{
	static const char *const bad[] = { "", ".", "..", "../out/x", "a/b", "/abs", "named/..", NULL };
	struct vh_store_hit hit = { 0 };
	const char *const *n;
	int refused = 1;

	snprintf(home, sizeof(home), "/tmp/vh-names-XXXXXX");
	if (!mkdtemp(home))
		return;
	sh("mkdir -p store/named out/x && printf 'home = /usr/bin\\n' >store/named/pyvenv.cfg &&"
	   " cp store/named/pyvenv.cfg out/x/pyvenv.cfg && mkdir -p store/a/b && cp out/x/pyvenv.cfg store/a/b/");
	for (n = bad; *n; n++) {
		refused &= !vh_env_name_ok(*n);
		refused &= vh_store_take_named(&hit, in_home("store"), *n, strdup("from")) == VH_STORE_NONE &&
			   !hit.env;
	}
	tap_ok(refused, "names: empty, '.', '..' and any '/' name no env in a store, even one that is there");
	tap_ok(vh_store_take_named(&hit, in_home("store"), "named", strdup("from")) == VH_STORE_FOUND && hit.env &&
	       !strcmp(hit.env, in_home("store/named")), "names: a plain name is taken");
	free(hit.env);
	free(hit.from);
	sh("cd .. && rm -rf \"$OLDPWD\"");
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
		tap_ok(vh_poetry_env_base(&out, &why, "caf\xc3\xa9", "/") == VH_EREFUSED,
		       "Poetry: a non-ASCII name is refused");
		tap_str(why.data, "venvhook cannot compute Poetry's env name for a project name that is not ASCII",
			"  with a reason");
		vh_buf_free(&out);
	}

	/* pipenv --python /usr/bin/python3:
	 * Virtualenv location: .../virtualenvs/pip_Proj_é-P-dzh6O7 */
	pipenv("/tmp/ptest/pip Proj \xc3\xa9/Pipfile", "pip_Proj_\xc3\xa9-P-dzh6O7", 0,
	       "pipenv: the directory's name sanitised, case kept");
	/* pipenv in "/tmp/ptest/pbad\xff": UnicodeEncodeError, no env. */
	pipenv("/tmp/ptest/pbad\xff/Pipfile", NULL, VH_ENOTFOUND,
	       "pipenv: no env can exist for a path that is not UTF-8");
	vh_buf_free(&b);
	vh_buf_free(&why);
	names();
	md5();
	roots();
	return tap_done();
}
