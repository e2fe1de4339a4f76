#include <stdlib.h>
#include <string.h>

#include "core/output/environ.h"
#include "core/output/plan.h"
#include "tap.h"

static struct vh_state st(const char *ve, const char *mark, const char *path, const char *ph,
			  const char *saved)
{
	struct vh_state s = { { NULL } };

	s.v[VH_VIRTUAL_ENV] = ve;
	s.v[VH_VIRTUAL_ENV_PROMPT] = ve ? "old" : NULL;
	s.v[VH_MARK_ENV] = mark;
	s.v[VH_PATH] = path;
	s.v[VH_PYTHONHOME] = ph;
	s.v[VH_MARK_PYTHONHOME] = saved;
	return s;
}

int main(void)
{
	struct vh_plan p;
	struct vh_state s;
	struct vh_want none = { .env = NULL }, a = { .env = "/p/a/.venv", .prompt = "a" },
		       b = { .env = "/p/b/.venv", .prompt = "b" },
		       pinned = { .env = "/p/b/.venv", .prompt = "b", .pin = "/p/b/.venv" },
		       paused = { .env = NULL, .pause = "/p/a/.venv" };

	s = st(NULL, NULL, "/usr/bin:/bin", "/ph", NULL);
	vh_plan(&p, &s, &a);
	tap_str(p.target.v[VH_PATH], "/p/a/.venv/bin:/usr/bin:/bin", "activate prepends bin");
	tap_str(p.target.v[VH_VIRTUAL_ENV], "/p/a/.venv", "  sets VIRTUAL_ENV");
	tap_str(p.target.v[VH_VIRTUAL_ENV_PROMPT], "a", "  sets VIRTUAL_ENV_PROMPT");
	tap_str(p.target.v[VH_MARK_ENV], "/p/a/.venv", "  sets the marker");
	tap_ok(p.target.v[VH_PYTHONHOME] == NULL, "  unsets PYTHONHOME");
	tap_str(p.target.v[VH_MARK_PYTHONHOME], "/ph", "  and saves it");
	tap_ok(p.nops == 7 && p.ops[p.nops - 1].kind == VH_OP_REHASH, "  six variables and a rehash (%d ops)", p.nops);
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
	tap_ok(p.nops == 5, "  touches PATH, VIRTUAL_ENV, prompt, marker, rehash (%d ops)", p.nops);
	vh_plan_free(&p);

	s = st("/p/a/.venv", "/p/a/.venv", "/p/a/.venv/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &a);
	tap_ok(p.nops == 0, "staying in A changes nothing");
	vh_plan_free(&p);

	s = st("/hand/env", NULL, "/hand/env/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &a);
	tap_ok(p.nops == 0 && p.foreign, "a hand-activated env is left alone");
	vh_plan_free(&p);

	/* ours was A; the user sourced another env's activate on top */
	s = st("/hand/env", "/p/a/.venv", "/hand/env/bin:/p/a/.venv/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &none);
	tap_ok(p.foreign, "  also when it was activated over ours");
	tap_str(p.target.v[VH_PATH], "/hand/env/bin:/usr/bin", "  but ours leaves PATH");
	tap_str(p.target.v[VH_VIRTUAL_ENV], "/hand/env", "  and VIRTUAL_ENV stays theirs");
	tap_str(p.target.v[VH_MARK_ENV], "/p/a/.venv", "  while the marker stays, for their deactivate");
	tap_ok(p.nops == 2 && !p.activated && !p.deactivated, "  quietly: PATH and rehash (%d ops)", p.nops);
	vh_plan_free(&p);
	/* the next plan, with ours already off PATH: nothing more */
	s = st("/hand/env", "/p/a/.venv", "/hand/env/bin:/usr/bin", NULL, NULL);
	vh_plan(&p, &s, &none);
	tap_ok(p.nops == 0 && p.foreign, "  then nothing more");
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
	tap_ok(p.nops == 0 && p.foreign, "a hand-activated env: not even the pin is set");
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

	return tap_done();
}
