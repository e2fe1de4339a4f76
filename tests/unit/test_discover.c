#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/find/discover.h"
#include "tap.h"

static char root[64];

static const char *at(const char *rel)
{
	static char paths[8][512];
	static int i;

	i = (i + 1) % 8;
	snprintf(paths[i], sizeof(paths[i]), "%s%s%s", root, *rel ? "/" : "", rel);
	return paths[i];
}

static void mkdirs(const char *rel)
{
	char cmd[1024];

	snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", at(rel));
	if (system(cmd) != 0)
		tap_ok(0, "mkdir %s", rel);
}

static void env_at(const char *rel)
{
	char path[600];
	FILE *f;

	mkdirs(rel);
	snprintf(path, sizeof(path), "%s/pyvenv.cfg", at(rel));
	f = fopen(path, "w");
	if (f) {
		fputs("home = /usr/bin\n", f);
		fclose(f);
	}
}

/* A conda prefix: conda-meta/history, as conda's History.write_head
 * writes it (conda/history.py at conda 0f64223f), or pixi's
 * create_history_file (crates/pixi_core/src/environment/conda_metadata.rs
 * at pixi 2b25fc76); no pyvenv.cfg. */
static void conda_at(const char *rel, const char *history)
{
	char path[600];
	FILE *f;

	mkdirs(rel);
	snprintf(path, sizeof(path), "%s/conda-meta", at(rel));
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/conda-meta/history", at(rel));
	f = fopen(path, "w");
	if (f) {
		fputs(history, f);
		fclose(f);
	}
}

static void file_at(const char *rel, const char *text)
{
	FILE *f = fopen(at(rel), "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

#define CONDA_HISTORY "==> 2026-01-01 00:00:00 <==\n# cmd: conda create -p .conda python\n"
#define PIXI_HISTORY "// not relevant for pixi but for `conda run -p`"

static void git_init(const char *rel)
{
	char cmd[1024];

	mkdirs(rel);
	snprintf(cmd, sizeof(cmd), "git init -q '%s'", at(rel));
	if (system(cmd) != 0)
		tap_ok(0, "git init %s", rel);
}

static void expect(const char *cwd, const char *env, const char *stop, const char *what)
{
	struct vh_found f;

	mkdirs(cwd);
	if (vh_discover(&f, at(cwd)) < 0) {
		tap_ok(0, "%s: discover failed", what);
		return;
	}
	tap_str(f.env, env ? at(env) : NULL, what);
	if (stop)
		tap_str(f.stop, at(stop), "  stopped at the work-tree root");
	vh_found_free(&f);
}

int main(void)
{
	char cmd[2048];

	snprintf(root, sizeof(root), "/tmp/vh-discover-XXXXXX");
	if (!mkdtemp(root))
		return 1;
	unsetenv("GIT_CEILING_DIRECTORIES");
	unsetenv("GIT_DIR");

	env_at("proj/.venv");
	expect("proj", "proj/.venv", NULL, "a project's .venv");
	expect("proj/a/b/c", "proj/.venv", NULL, "from deep inside the project");
	expect("proj/.venv", "proj/.venv", NULL, "inside the env itself");
	expect("proj/.venv/lib/site", "proj/.venv", NULL, "deep inside the env");

	env_at("proj/sub/.venv");
	expect("proj/sub/x", "proj/sub/.venv", NULL, "the nearest env wins");

	env_at("two/venv");
	expect("two", "two/venv", NULL, "an env named venv");
	env_at("two/.venv");
	expect("two", "two/.venv", NULL, ".venv before venv in one directory");

	mkdirs("dirnotfile/.venv/pyvenv.cfg");
	expect("dirnotfile", NULL, NULL, "a pyvenv.cfg that is a directory is no env");

	env_at("outer/.venv");
	git_init("outer/repo");
	expect("outer/repo/x/y", NULL, "outer/repo", "an env above the git root is not used");
	expect("outer/plain/x", "outer/.venv", NULL, "without a repository the walk goes on");
	env_at("outer/repo/.venv");
	expect("outer/repo/x", "outer/repo/.venv", NULL, "an env at the git root is used");

	/* a .git file of a worktree or submodule marks a root too */
	env_at("wt/.venv");
	snprintf(cmd, sizeof(cmd), "git -C '%s' -c user.name=t -c user.email=t@t commit -q --allow-empty -m x"
		 " && git -C '%s' worktree add -q --detach '%s/linked2'", at("outer/repo"),
		 at("outer/repo"), at("wt"));
	tap_ok(system(cmd) == 0, "set up a linked worktree");
	expect("wt/linked2/deep", NULL, "wt/linked2", "a linked worktree's .git file stops the walk");

	setenv("GIT_CEILING_DIRECTORIES", at("outer/repo"), 1);
	expect("outer/repo/x/y", "outer/repo/.venv", NULL,
	       "GIT_CEILING_DIRECTORIES hides the repository, as it does from git");
	unsetenv("GIT_CEILING_DIRECTORIES");

	/* a .git file that points nowhere: like git, do not look above it */
	mkdirs("broken/p/q");
	env_at("broken/.venv");
	snprintf(cmd, sizeof(cmd), "echo 'gitdir: /nonexistent' > '%s/.git'", at("broken/p"));
	tap_ok(system(cmd) == 0, "write a broken .git file");
	expect("broken/p/q", NULL, "broken/p", "a broken .git file ends the walk");

	/* Deep walks, asked from directory descriptors (core/find/pathfd.c): the
	 * same answers 30 levels down, through a link whose target lies
	 * outside the project (the walk follows the path typed), and below a
	 * work-tree root far up. */
	env_at("tall/.venv");
	mkdirs("elsewhere/in");
	snprintf(cmd, sizeof(cmd), "ln -s ../elsewhere '%s'", at("tall/link"));
	tap_ok(system(cmd) == 0, "make a link out of the project");
	expect("tall/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21/22/23/24/25/26/27/28/29/30",
	       "tall/.venv", NULL, "30 levels below the project's .venv");
	expect("tall/link/in/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20", "tall/.venv", NULL,
	       "  and through a link out of it, as typed");
	expect("elsewhere/in/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20", NULL, NULL,
	       "  but not where the link leads");
	git_init("tall/repo");
	expect("tall/repo/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21/22/23/24/25", NULL,
	       "tall/repo", "25 levels below a work-tree root, the walk stops there");
	env_at("tall/repo/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/venv");
	expect("tall/repo/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21/22/23/24/25",
	       "tall/repo/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/venv", NULL,
	       "  and finds a venv five levels up");

	/* conda prefixes and pixi envs in a project */
	conda_at("cv/.conda", CONDA_HISTORY);
	expect("cv/src", "cv/.conda", NULL, "a project's .conda prefix (VS Code's)");
	env_at("cv/.venv");
	expect("cv", "cv/.venv", NULL, "  .venv before .conda");
	conda_at("cp/venv", CONDA_HISTORY);
	expect("cp/x", "cp/venv", NULL, "conda create -p ./venv: an env directory name the config lists");
	conda_at("cn/env", CONDA_HISTORY);
	expect("cn", NULL, NULL, "  but not ./env, a name it does not list");
	mkdirs("cd/.conda/conda-meta/history");
	expect("cd", NULL, NULL, "a conda-meta/history that is a directory makes no prefix");
	mkdirs("cm/.conda/conda-meta");
	expect("cm", NULL, NULL, "conda-meta/ without history makes no prefix");
	conda_at("cb/.conda", CONDA_HISTORY);
	mkdirs("cb/.conda/condabin");
	file_at("cb/.conda/condabin/conda", "#!/bin/sh\n");
	expect("cb", NULL, NULL, "conda's installation (condabin/conda) is no env");
	conda_at("px/.pixi/envs/default", PIXI_HISTORY);
	expect("px/a", NULL, NULL, "pixi's env without a manifest beside .pixi: none");
	file_at("px/pixi.toml", "[workspace]\nname = \"px\"\n");
	expect("px/a", "px/.pixi/envs/default", NULL, "pixi's default env beside pixi.toml");
	conda_at("pp/.pixi/envs/default", PIXI_HISTORY);
	file_at("pp/pyproject.toml", "[project]\nname = \"pp\"\n");
	expect("pp", NULL, NULL, "  beside a pyproject.toml without [tool.pixi]: none");
	file_at("pp/pyproject.toml", "[project]\nname = \"pp\"\n[tool.pixi.workspace]\n"
		"channels = [\"conda-forge\"]\n");
	expect("pp", "pp/.pixi/envs/default", NULL, "  beside a pyproject.toml with [tool.pixi]");
	conda_at("pn/.pixi/envs/test", PIXI_HISTORY);
	file_at("pn/pixi.toml", "[workspace]\n");
	expect("pn", NULL, NULL, "  a named pixi env is not the default");

	expect("", NULL, NULL, "no env anywhere");

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		return 1;
	return tap_done();
}
