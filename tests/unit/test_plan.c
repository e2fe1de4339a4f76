#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/output/environ.h"
#include "core/output/plan.h"
#include "tap.h"

static struct vh_state st(const char *ve, const char *mark, const char *path, const char *ph,
			  const char *saved)
{
	struct vh_state s = { { NULL }, 0, NULL };

	s.v[VH_VIRTUAL_ENV] = ve;
	s.v[VH_VIRTUAL_ENV_PROMPT] = ve ? "old" : NULL;
	s.v[VH_MARK_ENV] = mark;
	s.v[VH_PATH] = path;
	s.v[VH_PYTHONHOME] = ph;
	s.v[VH_MARK_PYTHONHOME] = saved;
	return s;
}

static int eq_str(const char *a, const char *b) { return a && b && !strcmp(a, b); }

/* The rule against every other activator (plan.h). */
static void activators(void)
{
	struct vh_plan p;
	struct vh_state s;
	struct vh_want none = { .env = NULL }, a = { .env = "/p/a/.venv", .prompt = "a" },
		       b = { .env = "/p/b/.venv", .prompt = "b" };
	const char *A = "/p/a/.venv/bin", *B = "/p/b/.venv/bin";
	char path[256];

	/* venvhook's A, then A's own activate script on top: A's bin twice */
	snprintf(path, sizeof(path), "%s:%s:/usr/bin", A, A);
	s = st("/p/a/.venv", "/p/a/.venv", path, NULL, NULL);
	tap_str(vh_state_foreign(&s), "/p/a/.venv", "venvhook's env activated again over it is foreign");
	vh_plan(&p, &s, &a);
	tap_ok(p.foreign && !strcmp(p.target.v[VH_PATH], path), "  venvhook stands aside, both entries stay");
	tap_str(p.target.v[VH_MARK_ASIDE], "/p/a/.venv", "  and notes it");
	tap_str(p.target.v[VH_VIRTUAL_ENV], "/p/a/.venv", "  VIRTUAL_ENV stays");
	vh_plan_free(&p);
	/* a cd to elsewhere, still aside: nothing */
	s.v[VH_MARK_ASIDE] = "/p/a/.venv";
	vh_plan(&p, &s, &b);
	tap_ok(p.foreign && p.nops == 0, "  a cd changes nothing while their activation is on (%d ops)", p.nops);
	vh_plan_free(&p);
	/* their deactivate: PATH as before it, VIRTUAL_ENV unset; in A's project */
	s = st(NULL, "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	s.v[VH_MARK_ASIDE] = "/p/a/.venv";
	vh_plan(&p, &s, &a);
	tap_str(p.target.v[VH_PATH], "/usr/bin", "  their deactivate in A's project: nothing of A stays");
	tap_str(p.target.v[VH_MARK_PAUSE], "/p/a/.venv", "  and A stays off there, as after venvhook's");
	tap_ok(!p.target.v[VH_MARK_ENV] && !p.target.v[VH_MARK_ASIDE] && !p.deactivated && !p.activated,
	       "  markers gone, nothing announced");
	vh_plan_free(&p);
	/* ... or elsewhere */
	vh_plan(&p, &s, &none);
	tap_str(p.target.v[VH_PATH], "/usr/bin", "  their deactivate elsewhere: no stale entry");
	tap_ok(!p.target.v[VH_MARK_PAUSE] && !p.deactivated, "  no pause, no \"deactivated\"");
	vh_plan_free(&p);
	/* direnv's unload restores the PATH it saved: A's bin once, VIRTUAL_ENV A */
	s = st("/p/a/.venv", "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	s.v[VH_MARK_ASIDE] = "/p/a/.venv";
	tap_ok(!vh_state_foreign(&s), "a restore to venvhook's own state ends the foreign env");
	vh_plan(&p, &s, &b);
	tap_str(p.target.v[VH_PATH], "/p/b/.venv/bin:/usr/bin", "  and the next env follows at once");
	tap_ok(!p.target.v[VH_MARK_ASIDE], "  the aside marker goes");
	vh_plan_free(&p);

	/* another env over venvhook's: venvhook's entry comes off, gone
	 * afterwards with their deactivate, elsewhere */
	snprintf(path, sizeof(path), "%s:%s:/usr/bin", B, A);
	s = st("/p/b/.venv", "/p/a/.venv", path, NULL, NULL);
	vh_plan(&p, &s, &a);
	tap_str(p.target.v[VH_PATH], "/p/b/.venv/bin:/usr/bin", "another env over ours: ours comes off PATH");
	vh_plan_free(&p);
	s = st(NULL, "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	s.v[VH_MARK_ASIDE] = "/p/b/.venv";
	vh_plan(&p, &s, &a);
	tap_str(p.target.v[VH_VIRTUAL_ENV], "/p/a/.venv", "  their deactivate in A: A is back");
	tap_str(p.target.v[VH_PATH], "/p/a/.venv/bin:/usr/bin", "  with one entry");
	tap_ok(!p.target.v[VH_MARK_PAUSE], "  not paused");
	vh_plan_free(&p);
	/* mise's unload after that: VIRTUAL_ENV A and A's bin (last) put back,
	 * elsewhere: A goes, and was not on to say "deactivated" of */
	s = st("/p/a/.venv", "/p/a/.venv", "/usr/bin:/p/a/.venv/bin", NULL, NULL);
	s.v[VH_MARK_ASIDE] = "/p/b/.venv";
	vh_plan(&p, &s, &none);
	tap_str(p.target.v[VH_PATH], "/usr/bin", "  their restore of A, elsewhere: A's entry goes");
	tap_ok(!p.target.v[VH_VIRTUAL_ENV] && !p.deactivated, "  and VIRTUAL_ENV, with no \"deactivated\"");
	vh_plan_free(&p);

	/* a foreign env with no name of its own: venvhook's stale name goes */
	s = st("/mise/.venv", "/p/a/.venv", "/mise/.venv/bin:/p/a/.venv/bin:/usr/bin", NULL, NULL);
	s.v[VH_VIRTUAL_ENV_PROMPT] = "alpha";
	none.stale_prompt = "alpha";
	vh_plan(&p, &s, &none);
	tap_ok(!p.target.v[VH_VIRTUAL_ENV_PROMPT], "a foreign env that set no name does not show venvhook's");
	vh_plan_free(&p);
	s.v[VH_VIRTUAL_ENV_PROMPT] = "theirs";
	vh_plan(&p, &s, &none);
	tap_str(p.target.v[VH_VIRTUAL_ENV_PROMPT], "theirs", "  one that set its own keeps it");
	vh_plan_free(&p);
	none.stale_prompt = NULL;

	/* conda over venvhook's env: venvhook's VIRTUAL_ENV and entry go */
	s = st("/p/a/.venv", "/p/a/.venv", "/c/envs/x/bin:/p/a/.venv/bin:/usr/bin", NULL, NULL);
	s.v[VH_CONDA_PREFIX] = "/c/envs/x";
	s.v[VH_CONDA_EXE] = "/c/bin/conda";
	tap_str(vh_state_foreign(&s), "/c/envs/x", "an active conda env is foreign");
	vh_plan(&p, &s, &a);
	tap_str(p.target.v[VH_PATH], "/c/envs/x/bin:/usr/bin", "  venvhook's entry comes off");
	tap_ok(!p.target.v[VH_VIRTUAL_ENV] && !p.target.v[VH_VIRTUAL_ENV_PROMPT], "  and its VIRTUAL_ENV");
	vh_plan_free(&p);
	s = st(NULL, NULL, "/c/bin:/usr/bin", NULL, NULL);
	s.v[VH_CONDA_PREFIX] = "/c";
	s.v[VH_CONDA_EXE] = "/c/bin/conda";
	tap_ok(!vh_state_foreign(&s), "  conda's base is not");
	s.v[VH_CONDA_EXE] = NULL;
	s.v[VH_CONDA_DEFAULT_ENV] = "base";
	tap_ok(!vh_state_foreign(&s), "  nor is it without CONDA_EXE");

	/* VS Code's injection at start: its deactivate dir, then A's bin, twice */
	s = st("/p/a/.venv", NULL, "/d:/p/a/.venv/bin:/d:/p/a/.venv/bin:/usr/bin", NULL, NULL);
	a.start = 1;
	vh_plan(&p, &s, &a);
	tap_ok(!p.foreign, "an env put on at start, the one wanted here, is adopted");
	tap_str(p.target.v[VH_PATH], "/d:/p/a/.venv/bin:/d:/usr/bin", "  with one entry of its bin");
	tap_str(p.target.v[VH_MARK_ENV], "/p/a/.venv", "  as venvhook's");
	tap_str(p.target.v[VH_VIRTUAL_ENV_PROMPT], "a", "  under venvhook's name");
	tap_ok(!p.activated && !p.deactivated, "  silently");
	vh_plan_free(&p);
	a.start = 0;
	vh_plan(&p, &s, &a);
	tap_ok(p.foreign, "  not after start: an activation by hand is left alone");
	vh_plan_free(&p);
	b.start = 1;
	vh_plan(&p, &s, &b);
	tap_ok(p.foreign, "  nor one that is not the env wanted there");
	vh_plan_free(&p);
	b.start = 0;
	/* inherited in its project (__VENVHOOK_LEAVE): goes when the shell is out of it */
	s = st("/p/a/.venv", NULL, "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	none.start = 1;
	none.leave = "/p/a";
	vh_plan(&p, &s, &none);
	tap_str(p.target.v[VH_MARK_LEAVE], "/p/a", "an inherited env that is not wanted: its project noted");
	vh_plan_free(&p);
	none.start = 0;
	none.leave = NULL;
	s.v[VH_MARK_ASIDE] = "/p/a/.venv";
	s.v[VH_MARK_LEAVE] = "/p/a";
	none.cwd = "/p/a/src";
	vh_plan(&p, &s, &none);
	tap_ok(p.foreign && p.nops == 0, "  kept inside it");
	vh_plan_free(&p);
	none.cwd = "/p/ab";
	vh_plan(&p, &s, &none);
	tap_ok(!p.foreign && !p.target.v[VH_VIRTUAL_ENV] && !strcmp(p.target.v[VH_PATH], "/usr/bin"),
	       "  gone outside it");
	tap_ok(!p.target.v[VH_MARK_ASIDE] && !p.target.v[VH_MARK_LEAVE], "  with its markers");
	vh_plan_free(&p);
	b.cwd = "/p/b";
	vh_plan(&p, &s, &b);
	tap_str(p.target.v[VH_PATH], "/p/b/.venv/bin:/usr/bin", "  and the env of where it went follows");
	vh_plan_free(&p);

	/* exec's state: every copy of the env's bin/ goes */
	snprintf(path, sizeof(path), "%s:%s:/usr/bin", A, A);
	s = st("/p/a/.venv", "/p/a/.venv", path, NULL, NULL);
	vh_state_adopt(&s);
	vh_plan(&p, &s, &b);
	tap_str(p.target.v[VH_PATH], "/p/b/.venv/bin:/usr/bin", "exec: every copy of the env's bin goes");
	vh_plan_free(&p);
}

/* A conda prefix: CONDA_PREFIX and CONDA_DEFAULT_ENV set as conda's
 * activation sets them, and put back as they were on leaving. */
static int eq_s(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static void conda_prefix(void)
{
	struct vh_plan p;
	struct vh_state s, after;
	struct vh_want none = { .env = NULL },
		       c = { .env = "/p/c/.conda", .prompt = "c", .conda_env = "/p/c/.conda",
			     .conda_prompt = "(/p/c/.conda) " },
		       px = { .env = "/p/x/.pixi/envs/default", .prompt = "x", .conda_env = "x ws" },
		       v = { .env = "/p/v/.venv", .prompt = "v" };

	/* conda's base on at shell start (its own conda activate) */
	s = st(NULL, NULL, "/opt/conda/bin:/usr/bin", NULL, NULL);
	s.v[VH_CONDA_PREFIX] = "/opt/conda";
	s.v[VH_CONDA_EXE] = "/opt/conda/bin/conda";
	s.v[VH_CONDA_DEFAULT_ENV] = "base";
	s.v[VH_CONDA_SHLVL] = "1";
	s.v[VH_CONDA_PROMPT_MODIFIER] = "(base) ";
	vh_plan(&p, &s, &c);
	tap_str(p.target.v[VH_PATH], "/p/c/.conda/bin:/opt/conda/bin:/usr/bin", "conda prefix: its bin/ first");
	/* conda's level over base, as conda activate --stack sets it
	 * (conda/activate.py at conda 0f64223f): conda deactivate goes back */
	tap_str(p.target.v[VH_CONDA_SHLVL], "2", "  CONDA_SHLVL one up");
	tap_str(p.target.v[VH_CONDA_PREFIX_1], "/opt/conda", "  base's prefix as CONDA_PREFIX_1");
	tap_str(p.target.v[VH_CONDA_STACKED_2], "true", "  stacked on base (its bin/ stays on PATH)");
	tap_str(p.target.v[VH_CONDA_PROMPT_MODIFIER], "(/p/c/.conda) ", "  CONDA_PROMPT_MODIFIER");
	tap_str(p.target.v[VH_VIRTUAL_ENV], "/p/c/.conda", "  VIRTUAL_ENV as for any env");
	tap_str(p.target.v[VH_CONDA_PREFIX], "/p/c/.conda", "  CONDA_PREFIX");
	tap_str(p.target.v[VH_CONDA_DEFAULT_ENV], "/p/c/.conda", "  CONDA_DEFAULT_ENV");
	tap_str(p.target.v[VH_MARK_CONDA_PREFIX], "/opt/conda", "  base's CONDA_PREFIX kept");
	tap_str(p.target.v[VH_MARK_CONDA_DEFAULT_ENV], "base", "  and its CONDA_DEFAULT_ENV");
	after = p.target;
	tap_ok(!vh_state_foreign(&after), "  venvhook's own conda prefix is not foreign");
	/* the next prompt: nothing to do */
	{
		struct vh_plan q;

		vh_plan(&q, &after, &c);
		tap_ok(q.nops == 0, "  the next export changes nothing (%d ops)", q.nops);
		vh_plan_free(&q);
		/* leaving: base's values back */
		vh_plan(&q, &after, &none);
		tap_str(q.target.v[VH_PATH], "/opt/conda/bin:/usr/bin", "  leaving: its bin/ off PATH");
		tap_str(q.target.v[VH_CONDA_PREFIX], "/opt/conda", "  base's CONDA_PREFIX back");
		tap_str(q.target.v[VH_CONDA_DEFAULT_ENV], "base", "  base's CONDA_DEFAULT_ENV back");
		tap_str(q.target.v[VH_CONDA_SHLVL], "1", "  base's CONDA_SHLVL back");
		tap_str(q.target.v[VH_CONDA_PROMPT_MODIFIER], "(base) ", "  base's CONDA_PROMPT_MODIFIER back");
		tap_ok(!q.target.v[VH_CONDA_PREFIX_1] && !q.target.v[VH_CONDA_STACKED_2],
		       "  CONDA_PREFIX_1 and CONDA_STACKED_2 gone");
		tap_ok(!q.target.v[VH_MARK_CONDA_PREFIX] && !q.target.v[VH_MARK_CONDA_DEFAULT_ENV] &&
		       !q.target.v[VH_MARK_CONDA_LEVEL] && !q.target.v[VH_MARK_CONDA_SHLVL] && !q.target.v[VH_MARK_CONDA_PROMPT_MODIFIER] &&
		       !q.target.v[VH_VIRTUAL_ENV], "  markers and VIRTUAL_ENV gone");
		vh_plan_free(&q);
		/* conda deactivate typed over it (_deactivate, conda/activate.py
		 * at conda 0f64223f: stacked on base, its bin/ comes off PATH,
		 * base's level back, VIRTUAL_ENV left): paused, not back on */
		{
			struct vh_state cd = after;

			cd.v[VH_PATH] = "/opt/conda/bin:/usr/bin";
			cd.v[VH_CONDA_PREFIX] = "/opt/conda";
			cd.v[VH_CONDA_SHLVL] = "1";
			cd.v[VH_CONDA_PREFIX_1] = cd.v[VH_CONDA_STACKED_2] = NULL;
			cd.v[VH_CONDA_DEFAULT_ENV] = "base";
			cd.v[VH_CONDA_PROMPT_MODIFIER] = "(base) ";
			vh_plan(&q, &cd, &c);
			tap_str(q.target.v[VH_PATH], "/opt/conda/bin:/usr/bin",
				"  conda deactivate over it: its bin/ stays off PATH");
			tap_str(q.target.v[VH_MARK_PAUSE], "/p/c/.conda", "  paused in its project");
			tap_ok(!q.target.v[VH_VIRTUAL_ENV] && !q.target.v[VH_MARK_ENV],
			       "  VIRTUAL_ENV and venvhook's marker gone");
			tap_ok(!q.target.v[VH_MARK_CONDA_PREFIX] && !q.target.v[VH_MARK_CONDA_LEVEL] &&
			       !q.target.v[VH_MARK_CONDA_SHLVL], "  its record of conda's variables gone");
			tap_ok(eq_s(q.target.v[VH_CONDA_PREFIX], "/opt/conda") &&
			       eq_s(q.target.v[VH_CONDA_SHLVL], "1") &&
			       eq_s(q.target.v[VH_CONDA_PROMPT_MODIFIER], "(base) "),
			       "  conda's own variables left as conda set them");
			vh_plan_free(&q);
			/* a PATH edited by hand, CONDA_PREFIX still its: put back */
			cd = after;
			cd.v[VH_PATH] = "/opt/conda/bin:/usr/bin";
			vh_plan(&q, &cd, &c);
			tap_str(q.target.v[VH_PATH], "/p/c/.conda/bin:/opt/conda/bin:/usr/bin",
				"  its bin/ taken off PATH by hand, conda's level its: back on");
			vh_plan_free(&q);
		}
		/* to a venv: conda's back, none set for the venv */
		vh_plan(&q, &after, &v);
		tap_str(q.target.v[VH_CONDA_PREFIX], "/opt/conda", "  to a venv: base's CONDA_PREFIX back");
		tap_str(q.target.v[VH_VIRTUAL_ENV], "/p/v/.venv", "  and the venv on");
		vh_plan_free(&q);
	}
	vh_plan_free(&p);
	/* no conda before: both unset on leaving */
	s = st(NULL, NULL, "/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &c);
	after = p.target;
	{
		struct vh_plan q;

		tap_ok(!after.v[VH_MARK_CONDA_PREFIX], "no conda before: nothing kept");
		tap_str(after.v[VH_CONDA_SHLVL], "1", "  CONDA_SHLVL 1, as conda's first activation sets it");
		tap_ok(!after.v[VH_CONDA_PREFIX_1] && !after.v[VH_CONDA_STACKED_2], "  nothing stacked");
		vh_plan(&q, &after, &none);
		tap_ok(!q.target.v[VH_CONDA_PREFIX] && !q.target.v[VH_CONDA_DEFAULT_ENV] &&
		       !q.target.v[VH_CONDA_SHLVL] && !q.target.v[VH_CONDA_PROMPT_MODIFIER],
		       "  leaving: CONDA_PREFIX, CONDA_DEFAULT_ENV, CONDA_SHLVL, CONDA_PROMPT_MODIFIER unset");
		vh_plan_free(&q);
	}
	vh_plan_free(&p);
	/* CONDA_SHLVL 0 (conda's hook at shell start, base not activated):
	 * back to 0 on leaving */
	s = st(NULL, NULL, "/usr/bin", NULL, NULL);
	s.v[VH_CONDA_SHLVL] = "0";
	vh_plan(&p, &s, &c);
	after = p.target;
	{
		struct vh_plan q;

		tap_str(after.v[VH_CONDA_SHLVL], "1", "CONDA_SHLVL 0: 1");
		vh_plan(&q, &after, &none);
		tap_str(q.target.v[VH_CONDA_SHLVL], "0", "  and 0 again on leaving");
		vh_plan_free(&q);
	}
	vh_plan_free(&p);
	/* a deeper level than base's is conda's own stack: left as it is */
	s.v[VH_CONDA_SHLVL] = "3";
	vh_plan(&p, &s, &c);
	tap_str(p.target.v[VH_CONDA_SHLVL], "3", "CONDA_SHLVL 3: conda's own stack, left as it is");
	tap_ok(!p.target.v[VH_CONDA_PREFIX_1], "  and no CONDA_PREFIX_1 written into it");
	vh_plan_free(&p);
	/* pixi's env: its activation sets no level or prompt; none touched,
	 * and leaving leaves them */
	s.v[VH_CONDA_SHLVL] = "1";
	vh_plan(&p, &s, &px);
	after = p.target;
	{
		struct vh_plan q;

		tap_ok(eq_str(after.v[VH_CONDA_SHLVL], "1") && !after.v[VH_CONDA_PROMPT_MODIFIER] &&
		       !after.v[VH_MARK_CONDA_LEVEL], "pixi's env: CONDA_SHLVL and CONDA_PROMPT_MODIFIER untouched");
		vh_plan(&q, &after, &none);
		tap_str(q.target.v[VH_CONDA_SHLVL], "1", "  and left as they were on leaving");
		vh_plan_free(&q);
	}
	vh_plan_free(&p);
	/* a venv sets no conda variable */
	vh_plan(&p, &s, &v);
	tap_ok(!p.target.v[VH_CONDA_PREFIX] && !p.target.v[VH_CONDA_DEFAULT_ENV],
	       "a venv sets no CONDA_ variable");
	vh_plan_free(&p);
	/* conda activate of the same prefix over venvhook's: theirs */
	s = st("/p/c/.conda", "/p/c/.conda", "/p/c/.conda/bin:/p/c/.conda/bin:/usr/bin", NULL, NULL);
	s.v[VH_CONDA_PREFIX] = "/p/c/.conda";
	tap_str(vh_state_foreign(&s), "/p/c/.conda", "conda activate of venvhook's prefix again: foreign");
}

/* The value the plan leaves name with, and whether it changes it. */
static const char *xval(const struct vh_plan *p, const char *name, int *changed)
{
	size_t i;

	for (i = 0; i < p->nx; i++)
		if (!strcmp(p->x[i].name, name)) {
			*changed = p->x[i].changed;
			return p->x[i].value;
		}
	*changed = 0;
	return vh_state_get(&p->target, name);
}

/* The environment after p is applied to env (env's other names kept):
 * into pool, a NULL-terminated array of owned strings. */
static void after(char **pool, size_t max, const struct vh_plan *p, char *const *env)
{
	size_t n = 0, i, k;
	const char *eqs;

	for (; env && *env && n + 1 < max; env++) {
		eqs = strchr(*env, '=');
		for (k = 0; k < p->nx; k++)
			if (strlen(p->x[k].name) == (size_t)(eqs - *env) &&
			    !strncmp(p->x[k].name, *env, (size_t)(eqs - *env)))
				break;
		if (k == p->nx)
			pool[n++] = strdup(*env);
	}
	for (i = 0; i < p->nx && n + 1 < max; i++)
		if (p->x[i].value) {
			pool[n] = malloc(strlen(p->x[i].name) + strlen(p->x[i].value) + 2);
			sprintf(pool[n++], "%s=%s", p->x[i].name, p->x[i].value);
		}
	pool[n] = NULL;
}

static void pool_free(char **pool)
{
	for (; *pool; pool++)
		free(*pool);
}

/* An env's own variables (conda's state file, pixi's [activation] env):
 * set on activation with the value before saved as conda saves it
 * (__CONDA_SHLVL_<level>_<NAME>, _build_activate_stack in conda/activate.py
 * at conda 0f64223f), exactly those taken off on leaving, the value before
 * put back (_build_deactivate, same file). */
static void own_vars(void)
{
	static const struct vh_envvar cv[] = { { "A", "1 $(x) \"q\"\nz" }, { "B", "cb" } },
				      dv[] = { { "B", "db" }, { "D", "d" } };
	struct vh_want none = { .env = NULL },
		       c = { .env = "/p/c/.conda", .prompt = "c", .conda_env = "/p/c/.conda",
			     .conda_prompt = "(/p/c/.conda) ", .vars = cv, .nvars = 2 },
		       d = { .env = "/p/d/.conda", .prompt = "d", .conda_env = "/p/d/.conda",
			     .conda_prompt = "(/p/d/.conda) ", .vars = dv, .nvars = 2 };
	char *env0[] = { "B=before", "PATH=/usr/bin", NULL }, *env1[16], *env2[16];
	struct vh_plan p, q;
	struct vh_state s, t;
	int ch;

	s = st(NULL, NULL, "/usr/bin", NULL, NULL);
	s.env = env0;
	vh_plan(&p, &s, &c);
	tap_str(xval(&p, "A", &ch), "1 $(x) \"q\"\nz", "own variables: A set, as it is");
	tap_ok(ch, "  a change");
	tap_str(xval(&p, "B", &ch), "cb", "  B set over the value it had");
	tap_str(xval(&p, "__CONDA_SHLVL_0_B", &ch), "before", "  which is saved as conda saves it");
	tap_str(p.target.v[VH_MARK_VARS], "0:A:B", "  the marker: the level, the names");

	/* leaving: A unset, B back, the save gone */
	t = p.target;
	after(env1, 16, &p, env0);
	t.env = env1;
	vh_plan(&q, &t, &none);
	tap_ok(!xval(&q, "A", &ch) && ch, "leaving: A unset");
	tap_str(xval(&q, "B", &ch), "before", "  B has its value before back");
	tap_ok(!xval(&q, "__CONDA_SHLVL_0_B", &ch) && ch, "  the save unset");
	tap_ok(!q.target.v[VH_MARK_VARS], "  the marker unset");
	vh_plan_free(&q);

	/* switching to d, which sets B too: B is d's, its value before c still kept */
	vh_plan(&q, &t, &d);
	tap_ok(!xval(&q, "A", &ch) && ch, "switching: c's A unset");
	tap_str(xval(&q, "B", &ch), "db", "  B is d's");
	tap_str(xval(&q, "__CONDA_SHLVL_0_B", &ch), "before", "  its value before c saved, unchanged");
	tap_ok(!ch, "  (no change to say)");
	tap_str(xval(&q, "D", &ch), "d", "  D set");
	tap_str(q.target.v[VH_MARK_VARS], "0:B:D", "  the marker is d's");
	/* then leaving d: B is back to what it was before either */
	{
		struct vh_state u = q.target;
		struct vh_plan r;

		after(env2, 16, &q, env1);
		u.env = env2;
		vh_plan(&r, &u, &none);
		tap_str(xval(&r, "B", &ch), "before", "  leaving d after c: B as before both");
		tap_ok(!xval(&r, "D", &ch) && !xval(&r, "A", &ch), "  D and A unset");
		vh_plan_free(&r);
		pool_free(env2);
	}
	vh_plan_free(&q);
	pool_free(env1);
	vh_plan_free(&p);

	/* over conda's base (level 1): saved at level 1, as conda would */
	s = st(NULL, NULL, "/opt/conda/bin:/usr/bin", NULL, NULL);
	s.v[VH_CONDA_PREFIX] = "/opt/conda";
	s.v[VH_CONDA_EXE] = "/opt/conda/bin/conda";
	s.v[VH_CONDA_SHLVL] = "1";
	s.env = env0;
	vh_plan(&p, &s, &c);
	tap_str(xval(&p, "__CONDA_SHLVL_1_B", &ch), "before", "over base: saved at level 1");
	tap_str(p.target.v[VH_MARK_VARS], "1:A:B", "  the marker says so");
	vh_plan_free(&p);

	/* conda's own deactivate leaves its saves behind: a stale one for a
	 * name that is unset now must not come back on leaving */
	{
		char *envs[] = { "__CONDA_SHLVL_0_A=stale", NULL }, *env3[16];

		s = st(NULL, NULL, "/usr/bin", NULL, NULL);
		s.env = envs;
		vh_plan(&p, &s, &c);
		tap_ok(!xval(&p, "__CONDA_SHLVL_0_A", &ch) && ch, "a save conda left behind: unset on activating");
		t = p.target;
		after(env3, 16, &p, envs);
		t.env = env3;
		vh_plan(&q, &t, &none);
		tap_ok(!xval(&q, "A", &ch), "  leaving: A unset, not the stale value");
		vh_plan_free(&q);
		vh_plan_free(&p);
		pool_free(env3);
	}

	/* another tool's env over venvhook's (a venv's activate script):
	 * leaving the project takes venvhook's own variables off all the
	 * same, the value before back */
	{
		char *envs[] = { "A=1", "B=cb", "__CONDA_SHLVL_0_B=before", NULL };

		s = st("/p/b/.venv", "/p/c/.conda", "/p/b/.venv/bin:/p/c/.conda/bin:/usr/bin", NULL, NULL);
		s.v[VH_MARK_VARS] = "0:A:B";
		s.env = envs;
		vh_plan(&p, &s, &none);
		tap_ok(p.foreign, "standing aside for another env over ours");
		tap_ok(!xval(&p, "A", &ch) && ch, "  leaving the project: A unset all the same");
		tap_str(xval(&p, "B", &ch), "before", "  B has its value before back");
		tap_ok(!xval(&p, "__CONDA_SHLVL_0_B", &ch) && ch, "  the save unset");
		tap_ok(!p.target.v[VH_MARK_VARS], "  the marker goes");
		tap_str(p.target.v[VH_VIRTUAL_ENV], "/p/b/.venv", "  the other env stays on");
		vh_plan_free(&p);
		vh_plan(&p, &s, &c);
		tap_str(xval(&p, "A", &ch), "1", "  still in its project: A stays");
		tap_str(p.target.v[VH_MARK_VARS], "0:A:B", "  and the marker");
		vh_plan_free(&p);
		/* conda's env over ours: conda saved ours under what it set, and
		 * its deactivate exports ours again; they come off after it */
		s.v[VH_VIRTUAL_ENV] = NULL;
		s.v[VH_PATH] = "/c/envs/x/bin:/usr/bin";
		s.v[VH_CONDA_PREFIX] = "/c/envs/x";
		s.v[VH_CONDA_EXE] = "/c/bin/conda";
		vh_plan(&p, &s, &none);
		tap_ok(p.foreign && xval(&p, "A", &ch) && !ch, "  under conda's env: left to conda's deactivate");
		vh_plan_free(&p);
	}

	/* back in the project after an unload put venvhook's env back
	 * (VIRTUAL_ENV and its entry) without its own variables: set again */
	{
		char *envs[] = { "B=before", NULL };

		s = st("/p/c/.conda", "/p/c/.conda", "/p/c/.conda/bin:/usr/bin", NULL, NULL);
		s.v[VH_CONDA_PREFIX] = "/p/c/.conda";
		s.env = envs;
		vh_plan(&p, &s, &c);
		tap_str(xval(&p, "A", &ch), "1 $(x) \"q\"\nz", "an intact env without its variables: A set again");
		tap_str(xval(&p, "__CONDA_SHLVL_0_B", &ch), "before", "  B's value before saved");
		tap_ok(!p.activated && !p.deactivated, "  a repair, not news");
		vh_plan_free(&p);
	}

	/* a forged marker: names an env may not set are left alone */
	{
		char *envf[] = { "A=1", "PS1=$ ", "__CONDA_SHLVL_0_PS1=$(evil)", NULL };

		s = st("/p/c/.conda", "/p/c/.conda", "/p/c/.conda/bin:/usr/bin", NULL, NULL);
		s.v[VH_MARK_VARS] = "0:PS1:A:PATH:X-Y";
		s.env = envf;
		vh_plan(&p, &s, &none);
		tap_ok(!xval(&p, "A", &ch) && ch, "a forged marker: A, which an env may set, is unset");
		tap_str(xval(&p, "PS1", &ch), "$ ", "  PS1 is left alone");
		tap_ok(!ch, "  (no change)");
		tap_str(p.target.v[VH_PATH], "/usr/bin", "  PATH only loses the env's bin/");
		tap_ok(!p.target.v[VH_MARK_VARS], "  the marker goes");
		vh_plan_free(&p);
	}

	/* a pixi env (its activation leaves CONDA_SHLVL as it is): its saves
	 * in venvhook's own slot, which a later conda activate, saving at the
	 * same level, cannot overwrite */
	{
		struct vh_want x = { .env = "/p/x/.pixi/envs/default", .prompt = "x",
				     .conda_env = "x", .vars = cv, .nvars = 2 };
		char *env4[16];

		s = st(NULL, NULL, "/opt/conda/bin:/usr/bin", NULL, NULL);
		s.v[VH_CONDA_PREFIX] = "/opt/conda";
		s.v[VH_CONDA_EXE] = "/opt/conda/bin/conda";
		s.v[VH_CONDA_SHLVL] = "1";
		s.env = env0;
		vh_plan(&p, &s, &x);
		tap_str(xval(&p, "__VENVHOOK_SAVED_B", &ch), "before", "pixi: B's value before in venvhook's own slot");
		tap_ok(!xval(&p, "__CONDA_SHLVL_1_B", &ch) && !ch, "  not in conda's");
		tap_str(p.target.v[VH_MARK_VARS], "v:A:B", "  the marker says so");
		t = p.target;
		/* conda activate over it, conda deactivate: conda's save of B
		 * (the pixi env's value, at the same level) stays behind */
		after(env4, 15, &p, env0);
		env4[14] = NULL;
		{
			size_t k = 0;

			while (env4[k])
				k++;
			env4[k] = strdup("__CONDA_SHLVL_1_B=cb");
			env4[k + 1] = NULL;
		}
		t.env = env4;
		vh_plan(&q, &t, &none);
		tap_str(xval(&q, "B", &ch), "before", "  leaving after a conda activate over it: B as before");
		tap_ok(!xval(&q, "__VENVHOOK_SAVED_B", &ch) && ch, "  its save unset");
		tap_ok(!xval(&q, "A", &ch) && ch, "  A unset");
		vh_plan_free(&q);
		vh_plan_free(&p);
		pool_free(env4);
	}

	/* an older venvhook's marker, whose rule allowed EDITOR: unset after
	 * the upgrade, its save dropped (a save can be forged: it would set
	 * EDITOR, a command git runs, to anything); HOME and SSH_AUTH_SOCK,
	 * whose unsetting hurts, left alone */
	{
		char *envu[] = { "EDITOR=envs", "__CONDA_SHLVL_0_EDITOR=$(evil)", "HOME=/root",
				 "SSH_AUTH_SOCK=/s", "__CONDA_SHLVL_0_SSH_AUTH_SOCK=/evil", "A=1", NULL };

		s = st("/p/c/.conda", "/p/c/.conda", "/p/c/.conda/bin:/usr/bin", NULL, NULL);
		s.v[VH_MARK_VARS] = "0:EDITOR:HOME:SSH_AUTH_SOCK:A";
		s.env = envu;
		vh_plan(&p, &s, &none);
		tap_ok(!xval(&p, "EDITOR", &ch) && ch, "after an upgrade that refuses EDITOR: unset on leaving");
		tap_ok(!xval(&p, "__CONDA_SHLVL_0_EDITOR", &ch) && ch, "  its save dropped, not put back");
		tap_str(xval(&p, "HOME", &ch), "/root", "  HOME left alone");
		tap_ok(!ch, "  (no change)");
		tap_str(xval(&p, "SSH_AUTH_SOCK", &ch), "/s", "  SSH_AUTH_SOCK left alone, its save not used");
		tap_ok(!xval(&p, "A", &ch) && ch, "  A unset");
		vh_plan_free(&p);
	}
}

int main(void)
{
	struct vh_plan p;
	struct vh_state s;
	struct vh_want none = { .env = NULL }, a = { .env = "/p/a/.venv", .prompt = "a" },
		       b = { .env = "/p/b/.venv", .prompt = "b" },
		       pinned = { .env = "/p/b/.venv", .prompt = "b", .pin = "/p/b/.venv" },
		       paused = { .env = NULL, .pause = "/p/a/.venv" };

	conda_prefix();
	own_vars();
	s = st(NULL, NULL, "/usr/bin:/bin", "/ph", NULL);
	vh_plan(&p, &s, &a);
	tap_str(p.target.v[VH_PATH], "/p/a/.venv/bin:/usr/bin:/bin", "activate prepends bin");
	tap_str(p.target.v[VH_VIRTUAL_ENV], "/p/a/.venv", "  sets VIRTUAL_ENV");
	tap_str(p.target.v[VH_VIRTUAL_ENV_PROMPT], "a", "  sets VIRTUAL_ENV_PROMPT");
	tap_str(p.target.v[VH_MARK_ENV], "/p/a/.venv", "  sets the marker");
	tap_ok(p.target.v[VH_PYTHONHOME] == NULL, "  unsets PYTHONHOME");
	tap_str(p.target.v[VH_MARK_PYTHONHOME], "/ph", "  and saves it");
	tap_ok(p.nops == 6, "  six variables (%d ops)", p.nops);
	tap_str(p.activated, "/p/a/.venv", "  and says it activated");
	tap_ok(!p.path_remove && p.path_prepend && !strcmp(p.path_prepend, "/p/a/.venv/bin") &&
	       p.path_now == s.v[VH_PATH], "  PATH's edit: bin put first");
	vh_plan_free(&p);

	/* active A, the user added /mine in front meanwhile, then leaves */
	s = st("/p/a/.venv", "/p/a/.venv", "/mine:/p/a/.venv/bin:/usr/bin", NULL, "/ph");
	vh_plan(&p, &s, &none);
	tap_str(p.target.v[VH_PATH], "/mine:/usr/bin", "deactivate removes exactly its entry");
	tap_ok(!p.target.v[VH_VIRTUAL_ENV] && !p.target.v[VH_VIRTUAL_ENV_PROMPT] &&
	       !p.target.v[VH_MARK_ENV], "  unsets VIRTUAL_ENV, prompt and marker");
	tap_str(p.target.v[VH_PYTHONHOME], "/ph", "  restores PYTHONHOME");
	tap_ok(!p.target.v[VH_MARK_PYTHONHOME], "  and forgets the saved copy");
	tap_str(p.deactivated, "/p/a/.venv", "  and says it deactivated");
	tap_ok(p.path_remove && !strcmp(p.path_remove, "/p/a/.venv/bin") && !p.path_prepend,
	       "  PATH's edit: bin taken out");
	vh_plan_free(&p);

	s = st("/p/a/.venv", "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, "/ph");
	vh_plan(&p, &s, &b);
	tap_str(p.target.v[VH_PATH], "/p/b/.venv/bin:/usr/bin", "switch A to B in one plan");
	tap_ok(!p.target.v[VH_PYTHONHOME], "  PYTHONHOME stays unset");
	tap_str(p.target.v[VH_MARK_PYTHONHOME], "/ph", "  and saved");
	tap_ok(p.activated && p.deactivated, "  says both");
	tap_ok(p.path_remove && !strcmp(p.path_remove, "/p/a/.venv/bin") && p.path_prepend &&
	       !strcmp(p.path_prepend, "/p/b/.venv/bin"), "  PATH's edits: A's bin out, B's first");
	tap_ok(p.nops == 4, "  touches PATH, VIRTUAL_ENV, prompt, marker (%d ops)", p.nops);
	vh_plan_free(&p);

	s = st("/p/a/.venv", "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &a);
	tap_ok(p.nops == 0, "staying in A changes nothing");
	vh_plan_free(&p);

	s = st("/hand/env", NULL, "/hand/env/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &a);
	tap_ok(p.nops == 1 && p.ops[0].var == VH_MARK_ASIDE && p.foreign,
	       "a hand-activated env is left alone: venvhook notes it stands aside (%d ops)", p.nops);
	tap_str(p.target.v[VH_MARK_ASIDE], "/hand/env", "  for that env");
	vh_plan_free(&p);

	/* ours was A; the user sourced another env's activate on top */
	s = st("/hand/env", "/p/a/.venv", "/hand/env/bin:/p/a/.venv/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &none);
	tap_ok(p.foreign, "  also when it was activated over ours");
	tap_str(p.target.v[VH_PATH], "/hand/env/bin:/usr/bin", "  but ours leaves PATH");
	tap_str(p.target.v[VH_VIRTUAL_ENV], "/hand/env", "  and VIRTUAL_ENV stays theirs");
	tap_str(p.target.v[VH_MARK_ENV], "/p/a/.venv", "  while the marker stays, for their deactivate");
	tap_ok(p.nops == 2 && !p.activated && !p.deactivated, "  quietly: PATH and the aside marker (%d ops)", p.nops);
	vh_plan_free(&p);
	/* the next plan, with ours already off PATH: nothing more */
	s = st("/hand/env", "/p/a/.venv", "/hand/env/bin:/usr/bin", NULL, NULL);
	s.v[VH_MARK_ASIDE] = "/hand/env";
	vh_plan(&p, &s, &none);
	tap_ok(p.nops == 0 && p.foreign, "  then nothing more");
	vh_plan_free(&p);

	/* active A, and the user took A's bin/ off PATH (PATH=${PATH#...}):
	 * VIRTUAL_ENV says A, so A's bin/ goes back first */
	s = st("/p/a/.venv", "/p/a/.venv", "/usr/bin:/bin", NULL, NULL);
	vh_plan(&p, &s, &a);
	tap_str(p.target.v[VH_PATH], "/p/a/.venv/bin:/usr/bin:/bin",
		"an env whose bin/ was taken off PATH gets it back");
	tap_str(p.target.v[VH_VIRTUAL_ENV], "/p/a/.venv", "  VIRTUAL_ENV stays");
	tap_ok(p.path_prepend && !strcmp(p.path_prepend, "/p/a/.venv/bin"), "  PATH's edit: bin put first");
	tap_ok(!p.activated && !p.deactivated, "  quietly: a repair, not news");
	vh_plan_free(&p);

	/* ...and later deactivated it, which unset VIRTUAL_ENV: ours is repaired */
	s = st(NULL, "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &a);
	tap_str(p.target.v[VH_VIRTUAL_ENV], "/p/a/.venv", "an interrupted activation is repaired");
	tap_str(p.target.v[VH_PATH], "/p/a/.venv/bin:/usr/bin", "  without a second PATH entry");
	tap_ok(!p.activated && !p.deactivated, "  quietly");
	vh_plan_free(&p);

	s = st(NULL, NULL, NULL, NULL, NULL);
	vh_plan(&p, &s, &a);
	tap_str(p.target.v[VH_PATH], "/p/a/.venv/bin", "an unset PATH gets just the env's bin");
	vh_plan_free(&p);

	s = st(NULL, NULL, "/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &none);
	tap_ok(p.nops == 0, "no env, none wanted: nothing");
	vh_plan_free(&p);
	/* pin and pause are markers like the others: set and unset by the diff */
	s = st("/p/a/.venv", "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &pinned);
	tap_str(p.target.v[VH_MARK_PIN], "/p/b/.venv", "activate by hand pins the env");
	tap_str(p.target.v[VH_PATH], "/p/b/.venv/bin:/usr/bin", "  and switches to it");
	vh_plan_free(&p);
	s = st("/p/a/.venv", "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &paused);
	tap_str(p.target.v[VH_MARK_PAUSE], "/p/a/.venv", "deactivate by hand pauses the project");
	tap_ok(!p.target.v[VH_VIRTUAL_ENV] && p.target.v[VH_PATH] && !strcmp(p.target.v[VH_PATH], "/usr/bin"),
	       "  and deactivates");
	vh_plan_free(&p);
	s = st("/p/a/.venv", "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	s.v[VH_MARK_PIN] = "/p/a/.venv";
	vh_plan(&p, &s, &a);
	tap_ok(p.nops == 1 && p.ops[0].kind == VH_OP_UNSET && p.ops[0].var == VH_MARK_PIN,
	       "dropping the pin while the env stays is one unset (%d ops)", p.nops);
	vh_plan_free(&p);
	s = st("/mine", NULL, "/mine/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &pinned);
	tap_ok(p.nops == 1 && p.foreign && !p.target.v[VH_MARK_PIN],
	       "a hand-activated env: not even the pin is set");
	vh_plan_free(&p);

	/* exec's and which's state (vh_state_adopt): a hand-activated env is
	 * taken off like venvhook's own, and the pin and pause decide nothing */
	s = st("/mine", NULL, "/mine/bin:/usr/bin", NULL, NULL);
	s.v[VH_MARK_PIN] = "/p/a/.venv";
	s.v[VH_MARK_PAUSE] = "/p/b/.venv";
	vh_state_adopt(&s);
	tap_ok(!s.v[VH_MARK_PIN] && !s.v[VH_MARK_PAUSE], "adopt drops the pin and the pause");
	tap_str(s.v[VH_MARK_ENV], "/mine", "  and counts the active env as venvhook's");
	vh_plan(&p, &s, &b);
	tap_ok(!p.foreign, "  so the plan is not hands-off");
	tap_str(p.target.v[VH_PATH], "/p/b/.venv/bin:/usr/bin", "  it takes the env's bin/ off and puts b's on");
	tap_str(p.target.v[VH_VIRTUAL_ENV], "/p/b/.venv", "  VIRTUAL_ENV is b");
	tap_ok(!p.target.v[VH_MARK_PIN] && !p.target.v[VH_MARK_PAUSE], "  no pin, no pause after");
	/* ... and the target on this process's own environment */
	setenv("__VENVHOOK_PIN", "/p/a/.venv", 1);
	setenv("VIRTUAL_ENV", "/mine", 1);
	setenv("PYTHONHOME", "/ph", 1);
	tap_ok(vh_environ_apply(&p) == 0, "environ_apply succeeds");
	tap_str(getenv("PATH"), "/p/b/.venv/bin:/usr/bin", "  PATH set");
	tap_str(getenv("VIRTUAL_ENV"), "/p/b/.venv", "  VIRTUAL_ENV set");
	tap_str(getenv("VIRTUAL_ENV_PROMPT"), "b", "  VIRTUAL_ENV_PROMPT set");
	tap_str(getenv("__VENVHOOK_ENV"), "/p/b/.venv", "  the marker set");
	tap_ok(!getenv("__VENVHOOK_PIN") && !getenv("PYTHONHOME"), "  the pin and PYTHONHOME unset");
	vh_plan_free(&p);
	s = st("/p/a/.venv", "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	vh_state_adopt(&s);
	tap_str(s.v[VH_MARK_ENV], "/p/a/.venv", "adopt leaves venvhook's own env as it is");
	s = st(NULL, NULL, "/usr/bin", NULL, NULL);
	vh_state_adopt(&s);
	tap_ok(!s.v[VH_MARK_ENV], "  and marks nothing where nothing is active");

	activators();
	return tap_done();
}
