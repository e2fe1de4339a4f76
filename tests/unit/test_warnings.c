/* The lower layers return their warnings instead of printing them (the
 * error convention, HACKING.md): each one's warnings, checked as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/find/discover.h"
#include "core/decide/envname.h"
#include "core/util/err.h"
#include "core/trust/policy.h"
#include "core/decide/state.h"
#include "core/trust/trust.h"
#include "core/decide/userconfig.h"
#include "core/decide/want.h"
#include "tap.h"

static char root[64];

static char *at(const char *rel)
{
	static char paths[8][512];
	static int i;

	i = (i + 1) % 8;
	snprintf(paths[i], sizeof(paths[i]), "%s/%s", root, rel);
	return paths[i];
}

static void put(const char *rel, const char *text, size_t n)
{
	char cmd[1024];
	FILE *f;

	snprintf(cmd, sizeof(cmd), "mkdir -p \"$(dirname '%s')\"", at(rel));
	if (system(cmd) != 0)
		tap_ok(0, "mkdir for %s", rel);
	f = fopen(at(rel), "w");
	if (!f || fwrite(text, 1, n, f) != n || fclose(f))
		tap_ok(0, "write %s", rel);
}

/* envname: a pyvenv.cfg with NUL bytes, one that cannot be read. */
static void test_envname(void)
{
	struct vh_state none = { { 0 }, 0, NULL };
	struct vh_buf say = VH_BUF_INIT, want = VH_BUF_INIT;
	char *name = NULL;
	int ok;

	static const char cfg[] = "home = /usr\0bin\nprompt = 'p\033x'\n";

	put("proj/.venv/pyvenv.cfg", cfg, sizeof(cfg) - 1);
	tap_ok(vh_env_name(&name, &say, at("proj/.venv"), &none) == 0, "envname: a name");
	tap_str(name, "p?x", "envname: pyvenv.cfg's prompt, the escape byte shown as ?");
	vh_buf_printf(&want, "ignoring lines with NUL bytes in %s/proj/.venv/pyvenv.cfg\n", root);
	tap_str(vh_buf_str(&say), want.data, "envname: the NUL lines come back as a warning");
	free(name);
	vh_buf_reset(&say);
	vh_buf_reset(&want);
	/* a directory where pyvenv.cfg should be: read() fails */
	mkdir(at("dir/venv"), 0755);
	mkdir(at("dir/venv/pyvenv.cfg"), 0755);
	tap_ok(vh_env_name(&name, &say, at("dir/venv"), &none) == 0, "envname: a name anyway");
	tap_str(name, "dir", "envname: then the project's name");
	vh_buf_printf(&want, "cannot read %s/dir/venv/pyvenv.cfg: ", root);
	ok = !strncmp(vh_buf_str(&say), want.data, want.len) &&
	     strstr(vh_buf_str(&say), "; naming the env after its directory\n");
	if (!tap_ok(ok, "envname: an unreadable pyvenv.cfg comes back as a warning"))
		printf("#   got: %s", vh_buf_str(&say));
	free(name);
	vh_buf_free(&say);
	vh_buf_free(&want);
}

/* policy: the trust file's lines that are no decision, one that cannot be read. */
static void test_policy(void)
{
	struct vh_policy_ask ask = { .mode = VH_POLICY_AUTO };
	struct vh_policy p;
	struct vh_buf want = VH_BUF_INIT;
	static const char garbage[] = "garbage\nallow zz yy\n";

	put("share/venvhook/trust", garbage, sizeof(garbage) - 1);
	put("envs/e/pyvenv.cfg", "home = /usr/bin\n", 16);
	tap_ok(vh_policy_check(&p, at("envs/e"), &ask) == 0 && !p.ok, "policy: judged, refused");
	vh_buf_printf(&want, "%s/share/venvhook/trust: ignoring 2 lines that are no decision (first:"
		      " line 1)\n", root);
	tap_str(vh_buf_str(&p.warnings), want.data, "policy: the bad lines come back as a warning");
	vh_policy_free(&p);
	vh_buf_reset(&want);
	/* a trust file that cannot be read: a directory */
	unlink(at("share/venvhook/trust"));
	mkdir(at("share/venvhook/trust"), 0755);
	tap_ok(vh_policy_check(&p, at("envs/e"), &ask) == 0, "policy: judged without the file");
	vh_buf_printf(&want, "ignoring your decisions: %s/share/venvhook/trust is not a regular file;"
		      " until that is fixed, no env is activated but by 'venvhook activate --force'\n",
		      root);
	tap_str(vh_buf_str(&p.warnings), want.data, "policy: an unreadable trust file comes back as a warning");
	vh_policy_free(&p);
	rmdir(at("share/venvhook/trust"));
	vh_buf_free(&want);
}

/* userconfig: bad lines and an unreadable file, with the line numbers. */
static void test_config(void)
{
	struct vh_buf want = VH_BUF_INIT;
	static const char text[] = "quiet = maybe\n# fine\nbogus\n";

	put("config/venvhook/config", text, sizeof(text) - 1);
	tap_ok(vh_config_load() == 0, "config: loaded");
	vh_buf_printf(&want, "%s/config/venvhook/config:1: quiet is yes or no; the line is ignored\n"
		      "%s/config/venvhook/config:3: not a 'key = value' line; the line is ignored\n",
		      root, root);
	tap_str(vh_buf_str(&vh_config.warnings), want.data, "config: each bad line comes back as a warning");
	tap_ok(vh_config.bad_lines == 2, "config: counted");
	vh_buf_free(&want);
}

/* discover: a pointer file that points nowhere, an empty one, a store's
 * file that is not TOML; each ends the walk with one line. */
static void test_discover(void)
{
	struct vh_found f;
	struct vh_buf want = VH_BUF_INIT;
	static const char bad_toml[] = "[tool.poetry]\nname = \"x\n";

	put("ptr/.venv", "nowhere\n", 8);
	tap_ok(vh_discover(&f, at("ptr")) == 0 && !f.env, "discover: no env for a pointer to nowhere");
	vh_buf_printf(&want, "%s/ptr/.venv points to %s/home/.virtualenvs/nowhere, which holds no"
		      " pyvenv.cfg; not looking above it\n", root, root);
	tap_str(vh_buf_str(&f.warnings), want.data, "discover: the pointer comes back as a warning");
	vh_found_free(&f);
	vh_buf_reset(&want);
	put("empty/.venv", "", 0);
	vh_discover(&f, at("empty"));
	vh_buf_printf(&want, "%s/empty/.venv is empty (it should name an env or hold its path); not"
		      " looking above it\n", root);
	tap_str(vh_buf_str(&f.warnings), want.data, "discover: an empty pointer too");
	vh_found_free(&f);
	vh_buf_reset(&want);
	/* a .git file that points nowhere: git would not look above it */
	put("broken/.git", "gitdir: /nowhere-venvhook-test\n", 31);
	mkdir(at("broken/sub"), 0755);
	vh_discover(&f, at("broken/sub"));
	vh_buf_printf(&want, "%s/broken/.git is not a usable repository (", root);
	if (!tap_ok(!f.env && !strncmp(vh_buf_str(&f.warnings), want.data, want.len) &&
		    strstr(vh_buf_str(&f.warnings), "nowhere-venvhook-test") &&
		    strstr(vh_buf_str(&f.warnings), "); not looking above it\n"),
		    "discover: a .git that is no repository comes back as a warning"))
		printf("#   got: %s", vh_buf_str(&f.warnings));
	vh_found_free(&f);
	vh_buf_reset(&want);
	/* (Poetry's rule reads pyproject.toml where Poetry has a store) */
	put("cache/pypoetry/virtualenvs/.keep", "", 0);
	put("poetry/pyproject.toml", bad_toml, sizeof(bad_toml) - 1);
	vh_discover(&f, at("poetry"));
	vh_buf_printf(&want, "%s/poetry/pyproject.toml: line 2: ", root);
	if (!tap_ok(!strncmp(vh_buf_str(&f.warnings), want.data, want.len) &&
		    strstr(vh_buf_str(&f.warnings), "; not activating an env for it\n"),
		    "discover: a store's unreadable file (Poetry's) comes back as a warning"))
		printf("#   got: %s", vh_buf_str(&f.warnings));
	vh_found_free(&f);
	vh_buf_free(&want);
}

/* want: a pinned env that is gone, an env PATH cannot hold. */
static void test_want(void)
{
	struct vh_state now = { { 0 }, 0, NULL };
	struct vh_wanted w;
	struct vh_buf want = VH_BUF_INIT;

	now.v[VH_MARK_PIN] = at("gone");
	mkdir(at("colon:x"), 0755);
	put("colon:x/.venv/pyvenv.cfg", "home = /usr/bin\n", 16);
	tap_ok(vh_want_here(&w, &now, at("colon:x"), NULL, 0, 0) == 0 && !w.want.env, "want: no env");
	vh_buf_printf(&want, "the env you activated, %s/gone, is gone; back to automatic activation\n"
		      "not activating %s/colon:x/.venv: PATH cannot hold a ':' in a directory name\n",
		      root, root);
	tap_str(vh_buf_str(&w.say), want.data, "want: both reasons come back, in order");
	vh_wanted_free(&w);
	vh_buf_free(&want);

	/* an env not allowed: refused, unless someone else has it on (mise's
	 * _.python.venv), which venvhook stands aside for */
	memset(&now, 0, sizeof(now));
	put("m/.venv/pyvenv.cfg", "home = /usr/bin\n", 16);
	tap_ok(vh_want_here(&w, &now, at("m"), NULL, 0, 0) == 0 && !w.want.env, "want: an env not allowed");
	vh_buf_printf(&want, "not activating %s/m/.venv: ", root);
	tap_ok(!strncmp(vh_buf_str(&w.say), want.data, want.len), "want: is refused, and says so");
	vh_wanted_free(&w);
	now.v[VH_VIRTUAL_ENV] = at("m/.venv");
	tap_ok(vh_want_here(&w, &now, at("m"), NULL, 0, 0) == 0 && !w.want.env, "want: the same, on by another tool");
	tap_str(vh_buf_str(&w.say), "", "want: no \"not activating\" of an env that is on");
	vh_wanted_free(&w);
	vh_buf_free(&want);
}

int main(void)
{
	char cmd[128];

	snprintf(root, sizeof(root), "/tmp/vh-warn.XXXXXX");
	if (!mkdtemp(root))
		return 1;
	setenv("XDG_DATA_HOME", at("share"), 1);
	setenv("XDG_CONFIG_HOME", at("config"), 1);
	setenv("XDG_CACHE_HOME", at("cache"), 1);
	setenv("HOME", at("home"), 1);
	unsetenv("WORKON_HOME");
	test_envname();
	test_policy();
	test_config();
	test_want();
	test_discover();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		tap_ok(0, "clean up %s", root);
	return tap_done();
}
