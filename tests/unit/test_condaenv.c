/* environment.yml's name: and where conda finds the env it names
 * (core/find/condaenv.h). The envs directories and their order follow
 * mockable_context_envs_dirs and locate_prefix_by_name in
 * conda/base/context.py at conda 0f64223fb8da4328457a69fe6483959dbb783152;
 * a prefix is laid out as conda's History.write_head writes
 * conda-meta/history (conda/history.py, same commit). The config files
 * read, their envs_dirs and how their lists merge follow SEARCH_PATH
 * (conda/base/constants.py), Configuration._expand_search_path and
 * SequenceParameter.merge (conda/common/configuration.py), same commit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/find/condaenv.h"
#include "core/find/condarc.h"
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

static struct vh_buf warned = VH_BUF_INIT;

static void find(const char *name, const char *want, const char *what)
{
	struct vh_conda_places places = { 0 };
	char *env = NULL;

	vh_buf_reset(&warned);
	tap_ok(vh_condaenv_find(&env, &places, name) == 0, "%s: no error", what);
	tap_str(env, want ? at(want) : NULL, "  the env");
	vh_buf_add(&warned, vh_buf_str(&places.warnings), places.warnings.len);
	vh_conda_places_free(&places);
	free(env);
}

/* The envs_dirs of text: the entries joined by '|', or "refused: WHY". */
static void rc(const char *text, size_t len, const char *want, int want_final, const char *what)
{
	struct vh_buf dirs = VH_BUF_INIT, why = VH_BUF_INIT, got = VH_BUF_INIT;
	const char *p;
	int final = 7, r = vh_condarc_parse(&dirs, &final, &why, text, len);

	if (r == VH_EREFUSED)
		vh_buf_printf(&got, "refused: %s", vh_buf_str(&why));
	for (p = dirs.data; r == 0 && p && p < dirs.data + dirs.len; p += strlen(p) + 1)
		vh_buf_printf(&got, "%s%s", p == dirs.data ? "" : "|", p);
	if (want && !strncmp(want, "refused", 7))
		tap_ok(r == VH_EREFUSED && dirs.len == 0 && final == 0, "%s: refused (%s)", what, vh_buf_str(&got));
	else
		tap_str(vh_buf_str(&got), want, what);
	if (want_final >= 0)
		tap_ok(final == want_final, "  #!final %d", final);
	vh_buf_free(&dirs);
	vh_buf_free(&why);
	vh_buf_free(&got);
}

static void rcs(const char *text, const char *want, const char *what)
{
	rc(text, strlen(text), want, -1, what);
}

static void put(const char *rel, const char *text)
{
	FILE *f = fopen(at(rel), "w");

	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		tap_ok(0, "write %s", rel);
}

static int warned_of(const char *s)
{
	return strstr(vh_buf_str(&warned), s) != NULL;
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

	/* .condarc's envs_dirs: each form */
	rcs("envs_dirs:\n  - /a\n  - ~/b\nchannels:\n  - x\n", "/a|~/b", "a block list");
	rcs("envs_dirs:\n- /a\n- /b\nchannels: [x]\n", "/a|/b", "  items in column 0");
	rcs("channels:\n  - defaults\nenvs_dirs:   # mine\n\n  - /a  # first\n  # gap\n  - '/b c'\n"
	    "  - \"/d\"\n", "/a|/b c|/d", "  comments, a blank line, quotes");
	rcs("envs_dirs: [/a, '~/b' , \"/c\",]\n", "/a|~/b|/c", "a flow list, trailing comma");
	rcs("envs_dirs: []\n", "", "  an empty flow list");
	rcs("envs_path:\n  - /old\n", "/old", "the older name envs_path");
	rcs("\xef\xbb\xbf" "envs_dirs:\r\n  - /a\r\n  - /b\r\n", "/a|/b", "BOM and CRLF");
	rcs("envs_dirs:\n  - /a", "/a", "no newline at the end");
	rcs("%YAML 1.2\n---\nenvs_dirs: [/a]\n...\n", "/a", "a directive and document markers");
	rcs("envs_dirs_x: [/a]\nmy_envs_dirs: [/b]\n  envs_dirs: [/c]\n", "", "other keys, an indented one");
	rcs("envs_dirs:\n  - /a:b\n  - /x#y\n", "/a:b|/x#y", "  ':' and '#' inside a plain path");
	rc("envs_dirs: #!final\n  - /a\n", 26, "/a", 1, "#!final on the key");
	rc("envs_dirs: # final words\n  - /a\n", 32, "/a", 0, "  a comment that is no flag");
	rcs("envs_dirs:\n  - /a\nenvs_path:\n  - /b\n", "refused", "both names (conda: MultipleKeysError)");
	rcs("envs_dirs: [/a]\nenvs_dirs: [/b]\n", "refused", "the key twice");
	rcs("envs_dirs: /a\n", "refused", "a scalar where a list belongs");
	rcs("envs_dirs:\nchannels: [x]\n", "refused", "no value (null)");
	rcs("envs_dirs:\n", "refused", "  no value at the end");
	rcs("envs_dirs: &d\n  - /a\n", "refused", "an anchor on the list");
	rcs("envs_dirs: *d\n", "refused", "an alias as the list");
	rcs("envs_dirs:\n  - *d\n", "refused", "an alias as an item");
	rcs("envs_dirs:\n  - &x /a\n", "refused", "an anchor on an item");
	rcs("envs_dirs: !!seq\n  - /a\n", "refused", "a tag");
	rcs("<<: *base\nenvs_dirs: [/a]\n", "refused", "a merge key");
	rcs("{envs_dirs: [/a]}\n", "refused", "a flow mapping as the document");
	rcs("\"envs_dirs\": [/a]\n", "refused", "a quoted key");
	rcs("envs_dirs:\n  - path: /a\n", "refused", "a list item that is a mapping");
	rcs("envs_dirs:\n  - - /a\n", "refused", "a list item that is a list");
	rcs("envs_dirs:\n  - [/a]\n", "refused", "  a flow list as an item");
	rcs("envs_dirs: [/a, [/b]]\n", "refused", "  a list inside a flow list");
	rcs("envs_dirs: [/a: b]\n", "refused", "  a mapping inside a flow list");
	rcs("envs_dirs: [/a,\n  /b]\n", "refused", "a flow list over two lines");
	rcs("envs_dirs: [/a,,/b]\n", "refused", "  an empty flow entry");
	rcs("envs_dirs: [/a]x\n", "refused", "  text right after the list's ]");
	rcs("envs_dirs: [/a]]\n", "refused", "  a second ]");
	rcs("envs_dirs: ['/a']x\n", "refused", "  text right after a quoted entry's ]");
	rcs("envs_dirs: [/a,]x\n", "refused", "  text after a trailing comma's ]");
	rcs("envs_dirs: [/a] # c\n", "/a", "  a comment after the list");
	rcs("envs_dirs:\n  - /a\n    /b\n", "refused", "a plain item over two lines");
	rcs("envs_dirs:\n  - /a\n    - /b\n", "refused", "items at two indentations");
	rcs("envs_dirs:\n\t- /a\n", "refused", "a tab as indentation");
	rcs("envs_dirs:\n  - |\n    /a\n", "refused", "a block scalar");
	rcs("envs_dirs:\n  - ~\n", "refused", "a null item (~)");
	rcs("envs_dirs:\n  - null\n", "refused", "  null");
	rcs("envs_dirs:\n  -\n", "refused", "  an empty item");
	rcs("envs_dirs:\n  - \"/a\\tb\"\n", "refused", "an escape in quotes");
	rcs("envs_dirs:\n  - '/it''s'\n", "refused", "  a doubled quote");
	rcs("envs_dirs:\n  - '/a\n", "refused", "  an unclosed quote");
	rcs("envs_dirs:\n  - '/a' b\n", "refused", "  text after the quotes");
	rcs("envs_dirs:\n  - /a\rb\n", "refused", "a lone CR inside an item");
	rcs("envs_dirs:\n  - /a\tb\n", "refused", "  a tab inside an item");
	rcs("envs_dirs:\n  - /a #!top\n", "refused", "an item flagged #!top");
	rcs("envs_dirs: [/a] #!final\n", "refused", "  #!final after a flow list");
	rcs("a: 1\n---\nenvs_dirs: [/a]\n", "refused", "a second document");
	rcs("foo: \"abc\nenvs_dirs: [/x]\n  end\"\n", "refused", "another key's quoted value over two lines");
	rcs("foo: 'a''b\nenvs_dirs: [/x]\n  '\n", "refused", "  single-quoted, a doubled quote inside");
	rcs("foo: \"a\\\"b\nenvs_dirs: [/x]\n  \"\n", "refused", "  an escaped quote inside");
	rcs("foo: [a,\nenvs_dirs: [/x]\n  ]\n", "refused", "another key's flow list over two lines");
	rcs("foo: {a: [b,\nenvs_dirs: [/x]\n  ]}\n", "refused", "  a flow mapping");
	rcs("foo: ['a]',\nenvs_dirs: [/x]\n  ]\n", "refused", "  a ] in quotes closes nothing");
	rcs("--- |\nenvs_dirs: [/x]\n", "refused", "a document that is a block scalar");
	rcs("--- >-\nenvs_dirs: [/x]\n", "refused", "  folded");
	rcs("--- # c\nenvs_dirs: [/x]\n", "/x", "  --- with a comment after it");
	rcs("foo: \"a\" # c\nbar: 'it''s'\nbaz: [a, 'b]', {c: d}] # [\nq: x'y\nr: a [b\n"
	    "s: \"\\\"\"\nenvs_dirs: [/x]\n", "/x", "  values closed on their lines");
	rc("envs_dirs: [/a]\0[/b]\n", 21, "refused", -1, "a NUL byte");
	big = malloc(70 * 8 + 16);
	if (big) {
		strcpy(big, "envs_dirs:\n");
		for (i = 0; i < 70; i++)
			strcat(big, "  - /x\n");
		rcs(big, "refused", "more than VH_CONDARC_MAX_DIRS entries");
		free(big);
	}
	big = malloc(n * 12 + 32);
	if (big) {
		memcpy(big, "envs_dirs:\n", 11);
		for (i = 0; i < n; i++)
			memcpy(big + 11 + i * 12, "  # comment\n", 12);
		memcpy(big + 11 + n * 12, "  - /a\n", 8);
		big[11 + n * 12 + 8] = '\0';
		rcs(big, "/a", "200000 comment lines inside the list (linear)");
		free(big);
	}

	snprintf(root, sizeof(root), "/tmp/vh-condaenv-XXXXXX");
	if (!mkdtemp(root))
		return 1;
	setenv("HOME", at("h"), 1);
	unsetenv("CONDA_ENVS_DIRS");
	unsetenv("CONDA_ENVS_PATH");
	unsetenv("CONDA_EXE");
	unsetenv("CONDARC");
	unsetenv("CONDA_ROOT");
	unsetenv("XDG_CONFIG_HOME");

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

	/* conda's config files: they come after the environment's */
	unsetenv("CONDA_ENVS_DIRS");
	unsetenv("CONDA_ENVS_PATH");
	prefix("h/rc1/web");
	mkdir(at("h/.config"), 0755);
	mkdir(at("h/.config/conda"), 0755);
	put("h/.condarc", "channels: [conda-forge]\nenvs_dirs:\n  - ~/rc1\n  - relative/dir\n");
	find("web", "h/rc1/web", "~/.condarc's envs_dirs before the root's envs");
	tap_ok(warned_of(".condarc: the envs_dirs entry relative/dir is relative"), "  the relative entry said so");
	prefix("h/rc2/web");
	put("h/.config/conda/condarc", "envs_dirs: [~/rc2]\n");
	find("web", "h/rc1/web", "  ~/.condarc is read after ~/.config/conda/condarc: its list first");
	prefix("rc3/web");
	put("c/.condarc", "envs_dirs: [$HOME/../rc3]\n");
	find("web", "h/rc1/web", "  the root's .condarc (CONDA_EXE's) last");
	put("h/.condarc", "envs_dirs: []\n");
	find("web", "h/rc2/web", "  ~/.config/conda/condarc next");
	put("h/.config/conda/condarc", "envs_dirs: [\"/nonexistent\"]\n");
	find("web", "rc3/web", "  the root's, $HOME expanded, .. collapsed");
	setenv("CONDA_ENVS_DIRS", at("e1"), 1);
	find("web", "e1/web", "CONDA_ENVS_DIRS before every file");
	put("h/.conda/condarc", "envs_dirs: #!final\n  - ~/rc2\n");
	mkdir(at("h/.conda"), 0755);
	put("h/.conda/condarc", "envs_dirs: #!final\n  - ~/rc2\n");
	find("web", "h/rc2/web", "  a file's #!final: the environment (and later files) not read");
	unlink(at("h/.conda/condarc"));
	unsetenv("CONDA_ENVS_DIRS");
	prefix("rc4/web");
	put("rc4.yml", "envs_dirs:\n  - ../rc4\n");
	setenv("CONDARC", at("rc4.yml"), 1);
	find("web", "rc3/web", "$CONDARC: a relative entry skipped");
	put("rc4.yml", "envs_dirs:\n  - ~/../rc4\n");
	find("web", "rc4/web", "$CONDARC (a .yml) last read, first used");
	put("rc4.txt", "envs_dirs: [~/rc1]\n");
	setenv("CONDARC", at("rc4.txt"), 1);
	find("web", "rc3/web", "  a $CONDARC conda does not read (not condarc, .yml, .yaml)");
	unsetenv("CONDARC");

	/* condarc.d: its *.yml and *.yaml files by name, after condarc */
	mkdir(at("h/.conda/condarc.d"), 0755);
	prefix("d1/web");
	prefix("d2/web");
	put("h/.conda/condarc.d/a.yml", "envs_dirs: [~/../d1]\n");
	put("h/.conda/condarc.d/b.yaml", "envs_dirs: [~/../d2]\n");
	put("h/.conda/condarc.d/c.txt", "envs_dirs: [~/rc1]\n");
	put("h/.conda/condarc.d/.yml", "envs_dirs: [~/rc1]\n");
	find("web", "d2/web", "condarc.d: the last by name first; a .txt and a bare .yml not read");
	unlink(at("h/.conda/condarc.d/b.yaml"));
	find("web", "d1/web", "  then the one before");
	for (i = 0; i < VH_CONDARC_MAX_LISTED; i++) {
		snprintf(cmd, sizeof(cmd), "h/.conda/condarc.d/n%02zu.yml", i);
		put(cmd, "envs_dirs: []\n");
	}
	find("web", "rc3/web", "  more files than venvhook reads: none read");
	tap_ok(warned_of("condarc.d: holds more files than venvhook reads"), "  and said so");
	snprintf(cmd, sizeof(cmd), "rm -f '%s'/n*.yml", at("h/.conda/condarc.d"));
	tap_ok(system(cmd) == 0, "  (removed)");
	find("web", "d1/web", "  (a.yml read again)");
	chmod(at("h/.conda/condarc.d"), 0777);
	find("web", "rc3/web", "  a condarc.d anyone can write: not listed");
	tap_ok(warned_of("condarc.d: is writable by anyone; its files are not read"), "  one line says so (%s)",
	       vh_buf_str(&warned));
	chmod(at("h/.conda/condarc.d"), 0755);
	snprintf(cmd, sizeof(cmd), "cd '%s' && seq -f 'x%%04g.txt' 1 %d | xargs touch", at("h/.conda/condarc.d"),
		 VH_CONDARC_MAX_ENTRIES);
	tap_ok(system(cmd) == 0, "  %d more entries that are no YAML", VH_CONDARC_MAX_ENTRIES);
	find("web", "rc3/web", "  more entries than venvhook reads: none read");
	tap_ok(warned_of("condarc.d: holds more files than venvhook reads"), "  and said so");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", at("h/.conda/condarc.d"));
	tap_ok(system(cmd) == 0, "  (removed)");
	mkdir(at("rcdir"), 0755);
	put("rcdir/x.yml", "envs_dirs: [~/../d2]\n");
	setenv("CONDARC", at("rcdir"), 1);
	find("web", "d2/web", "$CONDARC naming a directory: its YAML files");
	unsetenv("CONDARC");

	/* one place is one place however it is spelt; a .condarc directory */
	put("h/.config/conda/condarc", "envs_dirs: [~/rc2, rel]\n");
	snprintf(cmd, sizeof(cmd), "%s/", at("h/.config"));
	setenv("XDG_CONFIG_HOME", cmd, 1);
	find("web", "h/rc2/web", "XDG_CONFIG_HOME=~/.config/: ~/.config/conda/condarc read once");
	tap_ok(warned_of("rel is relative") && !strstr(strstr(vh_buf_str(&warned), "rel is relative") + 1,
						       "rel is relative"),
	       "  its line said once (%s)", vh_buf_str(&warned));
	unsetenv("XDG_CONFIG_HOME");
	put("h/.config/conda/condarc", "envs_dirs: [\"/nonexistent\"]\n");
	mkdir(at("h/.conda/.condarc"), 0755);
	put("h/.conda/.condarc/a.yml", "envs_dirs: [~/../d2]\n");
	put("h/.conda/.condarc/b.txt", "envs_dirs: [~/rc1]\n");
	find("web", "d2/web", "a .condarc that is a directory: its YAML files, as conda reads them");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", at("h/.conda/.condarc"));
	tap_ok(system(cmd) == 0, "  (removed)");
	put("h/.conda/condarc.d", "envs_dirs: [~/../d2]\n");
	find("web", "rc3/web", "  a file named condarc.d is not read");
	unlink(at("h/.conda/condarc.d"));

	/* entries the place you are in, or the env that is on, would choose */
	prefix("h/pwd/envs/web");
	setenv("PWD", at("h/pwd"), 1);
	setenv("OLDPWD", at("h/pwd"), 1);
	setenv("VIRTUAL_ENV", at("h/pwd"), 1);
	setenv("CONDA_PREFIX", at("h/pwd"), 1);
	setenv("__VENVHOOK_ENV", at("h/pwd"), 1);
	setenv("__venvhook_x", at("h/pwd"), 1);
	{
		static const char *const moving[] = { "$PWD/envs", "${PWD}/envs", "$OLDPWD/envs", "$VIRTUAL_ENV/envs",
						      "${CONDA_PREFIX}/envs", "$__VENVHOOK_ENV/envs",
						      "$__venvhook_x/envs", NULL };
		const char *const *m;

		for (m = moving; *m; m++) {
			snprintf(cmd, sizeof(cmd), "envs_dirs:\n  - %s\n", *m);
			put("h/.condarc", cmd);
			find("web", "rc3/web", *m);
			tap_ok(warned_of("names a variable the directory you are in or the active env sets"),
			       "  skipped with a line (%s)", vh_buf_str(&warned));
		}
	}
	unsetenv("OLDPWD");
	unsetenv("VIRTUAL_ENV");
	unsetenv("CONDA_PREFIX");
	unsetenv("__VENVHOOK_ENV");
	unsetenv("__venvhook_x");
	put("h/.condarc", "envs_dirs: [$VH_TEST_UNSET/envs]\n");
	unsetenv("VH_TEST_UNSET");
	find("web", "rc3/web", "an entry that starts with an unset variable");
	tap_ok(warned_of("names an environment variable that is not set") && !warned_of("relative"),
	       "  says so, not that it is relative (%s)", vh_buf_str(&warned));
	big = malloc(300 + 40);
	if (big) {
		strcpy(big, "envs_dirs: [$");
		memset(big + 13, 'A', 300);
		strcpy(big + 313, "/envs]\n");
		memcpy(cmd, big + 13, 255);
		cmd[255] = '\0';
		setenv(cmd, at("h/pwd"), 1);
		put("h/.condarc", big);
		find("web", "rc3/web", "a variable name longer than 255: not looked up by its first 255");
		tap_ok(warned_of("longer than venvhook reads"), "  skipped with a line (%s)", vh_buf_str(&warned));
		unsetenv(cmd);
		free(big);
	}

	/* who can write it: a file or a directory others can write decides nothing */
	put("h/.condarc", "envs_dirs: [~/rc1]\n");
	find("web", "h/rc1/web", "the user's own ~/.condarc");
	chmod(at("h/.condarc"), 0666);
	find("web", "rc3/web", "  writable by anyone: not read");
	tap_ok(warned_of(".condarc: is writable by anyone; its envs_dirs is not used"), "  and said so");
	{
		struct vh_conda_places places = { 0 };
		char *e1 = NULL, *e2 = NULL;

		tap_ok(vh_condaenv_find(&e1, &places, "web") == 0 && vh_condaenv_find(&e2, &places, "other") == 0,
		       "  two environment.yml on one walk");
		tap_ok(strstr(vh_buf_str(&places.warnings), "writable by anyone") &&
			       !strstr(strstr(vh_buf_str(&places.warnings), "writable by anyone") + 1,
				       "writable by anyone"),
		       "  the files read, and said, once (%s)", vh_buf_str(&places.warnings));
		vh_conda_places_free(&places);
		free(e1);
		free(e2);
	}
	put("h/.condarc", "channels: [x]\n# envs_dirs: [/a]\n");
	find("web", "rc3/web", "  one that sets no envs_dirs: nothing to say");
	tap_ok(!warned_of(".condarc"), "  (%s)", vh_buf_str(&warned));
	put("h/.condarc", "envs_dirs:\r\n  - /a\r\n");
	find("web", "rc3/web", "  one that sets it, with CRLF line ends: said");
	tap_ok(warned_of(".condarc: is writable by anyone"), "  (%s)", vh_buf_str(&warned));
	put("h/.condarc", "envs_dirs: [~/rc1]\n");
	chmod(at("h/.condarc"), 0644);
	chmod(at("h"), 0777);
	find("web", "rc3/web", "  in a directory anyone can write: not read");
	tap_ok(warned_of("is reached through"), "  and said so");
	put("h/.condarc", "channels: [x]\n");
	find("web", "rc3/web", "  one there that sets no envs_dirs: nothing to say");
	tap_ok(!warned_of(".condarc"), "  (%s)", vh_buf_str(&warned));
	put("h/.condarc", "envs_dirs: [~/rc1]\n");
	chmod(at("h"), 0755);
	if (getuid() == 0) {
		tap_ok(chown(at("h/.condarc"), 65534, 65534) == 0, "give ~/.condarc to nobody");
		find("web", "rc3/web", "  another user's file: not read");
		tap_ok(warned_of("belongs to another user"), "  and said so");
		tap_ok(chown(at("h/.condarc"), 0, 0) == 0, "  and back");
	} else {
		printf("ok %d - another user's file # SKIP not root\n", ++tap_count);
	}
	unlink(at("h/.condarc"));
	tap_ok(mkfifo(at("h/.condarc"), 0600) == 0, "a FIFO as ~/.condarc");
	find("web", "rc3/web", "  is not opened to wait on: not read");
	unlink(at("h/.condarc"));
	big = malloc(VH_CONDARC_MAX + 64);
	if (big) {
		memset(big, '#', VH_CONDARC_MAX + 63);
		memcpy(big, "envs_dirs: [~/rc1]\n", 19);
		big[VH_CONDARC_MAX + 63] = '\0';
		put("h/.condarc", big);
		free(big);
		find("web", "rc3/web", "a ~/.condarc over 64 KiB: not read");
		tap_ok(warned_of("larger than 64 KiB"), "  and said so");
	}
	vh_buf_free(&warned);

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		return 1;
	return tap_done();
}
