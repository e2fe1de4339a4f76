/* environment.yml's name: and where conda finds the env it names
 * (core/find/condaenv.h). The envs directories and their order follow
 * mockable_context_envs_dirs and locate_prefix_by_name in
 * conda/base/context.py at conda 0f64223fb8da4328457a69fe6483959dbb783152;
 * a prefix is laid out as conda's History.write_head writes
 * conda-meta/history (conda/history.py, same commit). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/find/condaenv.h"
#include "tap.h"

static char root[64];

static void parse(const char *text, const char *want, int want_rc, const char *what)
{
	struct vh_buf why = VH_BUF_INIT;
	char *name = NULL;
	int rc = vh_condaenv_parse(&name, &why, text, strlen(text));

	tap_ok(rc == want_rc, "%s: rc %d (%s)", what, rc, vh_buf_str(&why));
	tap_str(name, want, "  the name");
	free(name);
	vh_buf_free(&why);
}

static const char *at(const char *rel)
{
	static char paths[4][512];
	static int i;

	i = (i + 1) % 4;
	snprintf(paths[i], sizeof(paths[i]), "%s/%s", root, rel);
	return paths[i];
}

static void prefix(const char *rel)
{
	char cmd[1200];

	snprintf(cmd, sizeof(cmd), "mkdir -p '%s/conda-meta' '%s/bin' && printf '==> 2026-01-01 00:00:00"
		 " <==\\n# cmd: conda create -n x python\\n' >'%s/conda-meta/history'", at(rel), at(rel),
		 at(rel));
	if (system(cmd) != 0)
		tap_ok(0, "setup %s", rel);
}

static void find(const char *name, const char *want, const char *what)
{
	char *env = NULL;

	tap_ok(vh_condaenv_find(&env, name) == 0, "%s: no error", what);
	tap_str(env, want ? at(want) : NULL, "  the env");
	free(env);
}

int main(void)
{
	char cmd[256], *big;
	size_t i, n = 200000;

	parse("name: web\nchannels:\n  - conda-forge\n", "web", 0, "a plain name");
	parse("\xef\xbb\xbfname: web # comment\r\n", "web", 0, "BOM, comment, CRLF");
	parse("name: 'my env'\n", "my env", 0, "single-quoted");
	parse("name: \"web\"  # c\n", "web", 0, "double-quoted, comment after");
	parse("name: a#b\n", "a#b", 0, "a '#' inside a plain name is not a comment");
	parse("channels:\n  - x\ndependencies:\n  - name: pip\n", NULL, 0, "an indented name: is not the key");
	parse("names: x\nname_x: y\n", NULL, 0, "other keys that start with name");
	parse("name:\n  web\n", NULL, 0, "a name on the next line is not read");
	parse("name: a\nname: b\n", NULL, VH_EREFUSED, "two top-level names: refused");
	parse("name: \"a\\\\b\"\n", NULL, VH_EREFUSED, "an escape in quotes: refused");
	parse("name: 'it''s'\n", NULL, VH_EREFUSED, "a doubled quote: refused");
	parse("name: \"a\" b\n", NULL, VH_EREFUSED, "text after the quotes: refused");
	parse("name: a\rb\n", NULL, VH_EREFUSED, "a control character (a lone CR ends a YAML line): refused");

	/* linear: 200000 lines that each start like the key */
	big = malloc(n * 6 + 1);
	for (i = 0; big && i < n; i++)
		memcpy(big + i * 6, "names\n", 6);
	if (big) {
		big[n * 6] = '\0';
		parse(big, NULL, 0, "200000 lines of near-keys");
		free(big);
	}

	snprintf(root, sizeof(root), "/tmp/vh-condaenv-XXXXXX");
	if (!mkdtemp(root))
		return 1;
	setenv("HOME", at("h"), 1);
	unsetenv("CONDA_ENVS_DIRS");
	unsetenv("CONDA_ENVS_PATH");
	unsetenv("CONDA_EXE");

	prefix("h/miniconda3/envs/web");
	find("web", "h/miniconda3/envs/web", "no CONDA_EXE: the installers' default roots");
	prefix("h/.conda/envs/web");
	find("web", "h/.conda/envs/web", "  ~/.conda/envs first");
	find("nope", NULL, "  a name no dir holds");
	prefix("h/.conda/envs/base");
	find("base", NULL, "  base names no env, even where a directory has that name");
	find("../h", NULL, "  a name with a '/' names none");
	mkdir(at("h/miniforge3"), 0755);
	mkdir(at("h/miniforge3/envs"), 0755);
	mkdir(at("h/miniforge3/envs/plain"), 0755);
	find("plain", NULL, "  a directory that is no conda prefix");

	/* conda's root from CONDA_EXE: writable, its envs first */
	prefix("c");
	prefix("c/envs/web");
	setenv("CONDA_EXE", at("c/bin/conda"), 1);
	find("web", "c/envs/web", "CONDA_EXE: a root the user can write: ROOT/envs first");
	setenv("CONDA_EXE", at("c/condabin/conda"), 1);
	find("web", "c/envs/web", "  condabin/conda too");
	snprintf(cmd, sizeof(cmd), "chmod a-w '%s/conda-meta/history'", at("c"));
	tap_ok(system(cmd) == 0, "make the root's history read-only");
	if (getuid() != 0)
		find("web", "h/.conda/envs/web", "  a root the user cannot write: ~/.conda/envs first");
	else
		printf("ok %d - a root the user cannot write # SKIP root can write anyway\n", ++tap_count);

	/* CONDA_ENVS_DIRS, CONDA_ENVS_PATH: first */
	prefix("e1/web");
	setenv("CONDA_ENVS_PATH", "relative:$HOME/x:~/nowhere", 1);
	find("web", "c/envs/web", "CONDA_ENVS_PATH: relative and $-entries skipped");
	setenv("CONDA_ENVS_PATH", at("e1"), 1);
	find("web", "e1/web", "  an entry holding it wins");
	prefix("h/e2/web");
	setenv("CONDA_ENVS_DIRS", "~/e2", 1);
	find("web", "h/e2/web", "CONDA_ENVS_DIRS before CONDA_ENVS_PATH, ~/ expanded");

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		return 1;
	return tap_done();
}
