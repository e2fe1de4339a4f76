#include "core/output/plan.h"

#include <stdlib.h>
#include <string.h>

#include "core/util/pathlist.h"

char *vh_env_bin(const char *env)
{
	size_t n = strlen(env);
	char *s = malloc(n + 5);

	if (s) {
		memcpy(s, env, n);
		memcpy(s + n, "/bin", 5);
	}
	return s;
}

static int eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Gives the plan ownership of value and makes it var's target. */
static int own(struct vh_plan *p, enum vh_var var, char *value)
{
	if (!value)
		return -1;
	free(p->owned[var]);
	p->owned[var] = value;
	p->target.v[var] = value;
	return 0;
}

static int set_copy(struct vh_plan *p, enum vh_var var, const char *value)
{
	if (!value) {
		free(p->owned[var]);
		p->owned[var] = NULL;
		p->target.v[var] = NULL;
		return 0;
	}
	return own(p, var, strdup(value));
}

static int deactivate(struct vh_plan *p)
{
	struct vh_state *t = &p->target;
	char *bin = vh_env_bin(t->v[VH_MARK_ENV]), *path = NULL;
	int rc = -1;

	if (!bin)
		return -1;
	p->deactivated = t->v[VH_MARK_ENV];
	if (t->v[VH_PATH] && vh_pathlist_find(t->v[VH_PATH], bin) >= 0) {
		if (vh_pathlist_remove(&path, t->v[VH_PATH], bin) < 0 || own(p, VH_PATH, path) < 0)
			goto done;
		p->path_remove = bin;
		bin = NULL;
	}
	if (eq(t->v[VH_VIRTUAL_ENV], t->v[VH_MARK_ENV])) {
		set_copy(p, VH_VIRTUAL_ENV, NULL);
		set_copy(p, VH_VIRTUAL_ENV_PROMPT, NULL);
	}
	if (t->v[VH_MARK_PYTHONHOME]) {
		if (set_copy(p, VH_PYTHONHOME, t->v[VH_MARK_PYTHONHOME]) < 0)
			goto done;
		set_copy(p, VH_MARK_PYTHONHOME, NULL);
	}
	/* The marker goes last: deactivated still points at its old value. */
	p->target.v[VH_MARK_ENV] = NULL;
	rc = 0;
done:
	free(bin);
	return rc;
}

static int activate(struct vh_plan *p, const struct vh_want *w)
{
	struct vh_state *t = &p->target;
	char *bin = vh_env_bin(w->env), *path = NULL;
	int rc = -1;

	if (!bin)
		return -1;
	if (t->v[VH_PYTHONHOME]) {
		if (set_copy(p, VH_MARK_PYTHONHOME, t->v[VH_PYTHONHOME]) < 0)
			goto done;
		set_copy(p, VH_PYTHONHOME, NULL);
	}
	if (vh_pathlist_prepend(&path, t->v[VH_PATH] ? t->v[VH_PATH] : "", bin) < 0 ||
	    own(p, VH_PATH, path) < 0 ||
	    set_copy(p, VH_VIRTUAL_ENV, w->env) < 0 ||
	    set_copy(p, VH_VIRTUAL_ENV_PROMPT, w->prompt) < 0 ||
	    set_copy(p, VH_MARK_ENV, w->env) < 0)
		goto done;
	p->path_prepend = bin;
	bin = NULL;
	p->activated = w->env;
	rc = 0;
done:
	free(bin);
	return rc;
}

/* Ours, applied and intact: VIRTUAL_ENV still says so and its bin is on PATH. */
static int intact(const struct vh_state *s)
{
	char *bin;
	int ok;

	if (!eq(s->v[VH_VIRTUAL_ENV], s->v[VH_MARK_ENV]) || !s->v[VH_PATH])
		return 0;
	bin = vh_env_bin(s->v[VH_MARK_ENV]);
	ok = bin && vh_pathlist_find(s->v[VH_PATH], bin) >= 0;
	free(bin);
	return ok;
}

static void diff(struct vh_plan *p, const struct vh_state *now)
{
	const char *a, *b;
	int i;

	for (i = 0; i < VH_NVARS; i++) {
		a = now->v[i];
		b = p->target.v[i];
		if ((!a && !b) || eq(a, b))
			continue;
		p->ops[p->nops].var = (enum vh_var)i;
		p->ops[p->nops].kind = b ? VH_OP_SET : VH_OP_UNSET;
		p->ops[p->nops].value = b;
		p->nops++;
	}
	if (!eq(now->v[VH_PATH], p->target.v[VH_PATH]))
		p->ops[p->nops++].kind = VH_OP_REHASH;
}

int vh_plan(struct vh_plan *p, const struct vh_state *now, const struct vh_want *want)
{
	const char *ve = now->v[VH_VIRTUAL_ENV], *mark = now->v[VH_MARK_ENV];

	memset(p, 0, sizeof(*p));
	p->target = *now;
	p->path_now = now->v[VH_PATH];
	/* Activated by hand (or by another tool): leave it alone until it is
	 * gone. Only the PATH entry venvhook added for its own env goes, so
	 * that nothing of an env that is not active stays on PATH; the marker
	 * stays, because the other env's deactivate restores the PATH it saved,
	 * entry and all, and the next plan then takes that entry out again. */
	if (ve && !eq(ve, mark)) {
		p->foreign = 1;
		if (mark && now->v[VH_PATH]) {
			char *bin = vh_env_bin(mark), *path = NULL;
			int rc = -1;

			if (bin && vh_pathlist_find(now->v[VH_PATH], bin) < 0)
				rc = 0;
			else if (bin && vh_pathlist_remove(&path, now->v[VH_PATH], bin) == 0 &&
				 (rc = own(p, VH_PATH, path)) == 0) {
				p->path_remove = bin; /* PATH's edit (see plan.h) */
				bin = NULL;
			}
			free(bin);
			if (rc < 0)
				return -1;
			diff(p, now);
		}
		return 0;
	}
	if (set_copy(p, VH_MARK_PIN, want->pin) < 0 || set_copy(p, VH_MARK_PAUSE, want->pause) < 0)
		return -1;
	if (!mark || !eq(want->env, mark) || !intact(now)) {
		if (mark && deactivate(p) < 0)
			return -1;
		if (want->env && activate(p, want) < 0)
			return -1;
		if (eq(p->activated, p->deactivated))
			p->activated = p->deactivated = NULL; /* a repair, not news */
	}
	diff(p, now);
	return 0;
}

void vh_plan_free(struct vh_plan *p)
{
	int i;

	for (i = 0; i < VH_NVARS; i++)
		free(p->owned[i]);
	free(p->path_remove);
	free(p->path_prepend);
	memset(p, 0, sizeof(*p));
}
