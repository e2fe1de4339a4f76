#include "core/output/plan.h"
#include "core/util/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/buf.h"
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
		return VH_ENOMEM;
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

/* PATH without the first entry equal to bin (every one, for a state that
 * vh_state_adopt made), as the target; its edit when there was one. */
static int take_out(struct vh_plan *p, const char *bin, int all)
{
	const char *path = p->target.v[VH_PATH];
	char *out = NULL;

	if (!path || vh_pathlist_find(path, bin) < 0)
		return 0;
	if ((all ? vh_pathlist_prune(&out, path, bin, 0) : vh_pathlist_remove(&out, path, bin)) < 0 ||
	    own(p, VH_PATH, out) < 0)
		return VH_ENOMEM;
	/* the edit the shell can make itself: one entry out of the PATH now */
	if (!p->path_remove && !p->path_prepend && path == p->path_now && !all) {
		p->path_remove = strdup(bin);
		if (!p->path_remove)
			return VH_ENOMEM;
	}
	return 0;
}

/* CONDA_SHLVL as conda reads it: int(value.strip() or 0)
 * (_build_activate_stack, conda/activate.py at conda 0f64223f); NO_LEVEL
 * when it is no number conda would read (conda itself fails on it). */
#define NO_LEVEL (-1L)
static long conda_shlvl(const char *v)
{
	long n = 0;

	if (!v)
		return 0;
	while (*v == ' ' || *v == '\t' || *v == '\n')
		v++;
	for (; *v >= '0' && *v <= '9'; v++)
		if ((n = n * 10 + (*v - '0')) > 1000)
			return NO_LEVEL;
	while (*v == ' ' || *v == '\t' || *v == '\n')
		v++;
	return *v ? NO_LEVEL : n;
}

/* Conda's level and prompt for a conda prefix, as conda's activation sets
 * them (_build_activate_stack, conda/activate.py at conda 0f64223f):
 * CONDA_PROMPT_MODIFIER, and CONDA_SHLVL one up: from 0 (or unset) to 1;
 * from 1, conda's base env on (CONDA_PREFIX), to 2, base kept as
 * CONDA_PREFIX_1 and this prefix stacked on it (CONDA_STACKED_2: venvhook
 * leaves base's bin/ on PATH, as conda activate --stack does), so that
 * conda's own deactivate goes back to base; a deeper level is conda's own
 * stack, left as it is. The values before are kept in markers to put back
 * (conda_unlevel). Runs before CONDA_PREFIX changes. */
static int conda_level(struct vh_plan *p, const struct vh_want *w)
{
	const struct vh_state *t = &p->target;
	long n = conda_shlvl(t->v[VH_CONDA_SHLVL]);
	int rc;

	if (set_copy(p, VH_MARK_CONDA_LEVEL, "1") < 0 ||
	    set_copy(p, VH_MARK_CONDA_SHLVL, t->v[VH_CONDA_SHLVL]) < 0 ||
	    set_copy(p, VH_MARK_CONDA_PROMPT_MODIFIER, t->v[VH_CONDA_PROMPT_MODIFIER]) < 0 ||
	    set_copy(p, VH_CONDA_PROMPT_MODIFIER, w->conda_prompt) < 0)
		return VH_ENOMEM;
	if (n == 0)
		return set_copy(p, VH_CONDA_SHLVL, "1");
	if (n == 1 && t->v[VH_CONDA_PREFIX] && !t->v[VH_CONDA_PREFIX_1] && !t->v[VH_CONDA_STACKED_2]) {
		rc = set_copy(p, VH_CONDA_PREFIX_1, t->v[VH_CONDA_PREFIX]);
		if (rc == 0)
			rc = set_copy(p, VH_CONDA_STACKED_2, "true");
		return rc ? rc : set_copy(p, VH_CONDA_SHLVL, "2");
	}
	return 0;
}

/* conda_level undone: its values back, when it set them. */
static int conda_unlevel(struct vh_plan *p)
{
	const struct vh_state *t = &p->target;

	if (!t->v[VH_MARK_CONDA_LEVEL])
		return 0;
	if (eq(t->v[VH_CONDA_STACKED_2], "true") && eq(t->v[VH_CONDA_SHLVL], "2") &&
	    (set_copy(p, VH_CONDA_PREFIX_1, NULL) < 0 || set_copy(p, VH_CONDA_STACKED_2, NULL) < 0))
		return VH_ENOMEM;
	if (set_copy(p, VH_CONDA_SHLVL, t->v[VH_MARK_CONDA_SHLVL]) < 0 ||
	    set_copy(p, VH_CONDA_PROMPT_MODIFIER, t->v[VH_MARK_CONDA_PROMPT_MODIFIER]) < 0 ||
	    set_copy(p, VH_MARK_CONDA_LEVEL, NULL) < 0 || set_copy(p, VH_MARK_CONDA_SHLVL, NULL) < 0 ||
	    set_copy(p, VH_MARK_CONDA_PROMPT_MODIFIER, NULL) < 0)
		return VH_ENOMEM;
	return 0;
}

/* The target's value of name, a variable of no fixed name. */
static const char *xget(const struct vh_plan *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nx; i++)
		if (!strcmp(p->x[i].name, name))
			return p->x[i].value;
	return vh_state_get(&p->target, name);
}

static int xset(struct vh_plan *p, const char *name, const char *value)
{
	struct vh_xvar *x;
	char *copy = NULL;
	size_t i;

	if (value && !(copy = strdup(value)))
		return VH_ENOMEM;
	for (i = 0; i < p->nx; i++)
		if (!strcmp(p->x[i].name, name)) {
			free(p->x[i].value);
			p->x[i].value = copy;
			return 0;
		}
	x = realloc(p->x, (p->nx + 1) * sizeof(*x));
	if (!x || !(x[p->nx].name = strdup(name))) {
		if (x)
			p->x = x;
		free(copy);
		return VH_ENOMEM;
	}
	p->x = x;
	x[p->nx].value = copy;
	x[p->nx].changed = 0;
	p->nx++;
	return 0;
}

/* Where a variable's value from before an env set it is kept. A conda
 * prefix's: where conda keeps it, __CONDA_SHLVL_<level before>_<NAME>
 * (_build_activate_stack, conda/activate.py at conda 0f64223f), so that
 * conda's own deactivate over a conda prefix venvhook activated puts it
 * back too. Any other env's (pixi's, level OWN_SLOT): __VENVHOOK_SAVED_
 * <NAME>. Its activation leaves CONDA_SHLVL as it is, so a later conda
 * activate numbers its save with that same level and overwrites the slot
 * with the env's value (and never unsets it): leaving would put the env's
 * value back as the user's. */
#define OWN_SLOT (-1L)
static char *saved_name(long level, const char *name)
{
	size_t n = strlen(name) + 48;
	char *s = malloc(n);

	if (s && level == OWN_SLOT)
		snprintf(s, n, "__VENVHOOK_SAVED_%s", name);
	else if (s)
		snprintf(s, n, "__CONDA_SHLVL_%ld_%s", level, name);
	return s;
}

/* The env's own variables set, as conda's activation sets them: a value a
 * name had before is saved first (saved_name), and venvhook's marker
 * records "LEVEL:NAME:..." so that leaving takes off exactly these, even
 * when the env's file has changed or gone since. */
static int set_vars(struct vh_plan *p, const struct vh_want *w, long level)
{
	struct vh_buf mark = VH_BUF_INIT;
	const char *old;
	char *save;
	size_t i;
	int rc = VH_ENOMEM;

	if (!w->nvars)
		return 0;
	/* the marker's head: the level, or "v" for venvhook's own slot */
	if ((level == OWN_SLOT ? vh_buf_puts(&mark, "v") : vh_buf_printf(&mark, "%ld", level)) < 0)
		goto done;
	for (i = 0; i < w->nvars; i++) {
		/* saved, or no save: one conda's deactivate left behind (it
		 * never unsets them) would otherwise come back on leaving */
		old = xget(p, w->vars[i].name);
		save = saved_name(level, w->vars[i].name);
		rc = save ? xset(p, save, old) : VH_ENOMEM;
		free(save);
		if (rc < 0)
			goto done;
		rc = VH_ENOMEM;
		if (xset(p, w->vars[i].name, w->vars[i].value) < 0 || vh_buf_putc(&mark, ':') < 0 ||
		    vh_buf_puts(&mark, w->vars[i].name) < 0)
			goto done;
	}
	rc = set_copy(p, VH_MARK_VARS, vh_buf_str(&mark));
done:
	vh_buf_free(&mark);
	return rc;
}

/* set_vars undone from its marker: each name it set put back to its saved
 * value (the save unset), or unset. The marker is the shell's environment
 * and can be forged, and it can be an older venvhook's, whose rule allowed
 * names this one refuses. So: a name whose unsetting could hurt (the
 * shell's own, what it reads as code, venvhook's and conda's bookkeeping,
 * the session's: vh_envvar_kept) is left alone, and a forger gains no
 * unset of PATH or PS1; a name this rule refuses otherwise (another
 * program's: EDITOR, LD_PRELOAD) is unset, not left on after an upgrade,
 * and its save is dropped, never put back: a forged save would set it to
 * anything; the rest are put back or unset. */
static int unset_vars(struct vh_plan *p)
{
	const char *m = p->target.v[VH_MARK_VARS], *s, *e, *old;
	char name[VH_ENVVAR_NAME_MAX + 1], *save = NULL;
	long level = 0;
	int rc = 0;

	if (!m)
		return 0;
	if (*m == 'v')
		level = OWN_SLOT, s = m + 1;
	else
		for (s = m; *s >= '0' && *s <= '9' && level < 100000; s++)
			level = level * 10 + (*s - '0');
	for (; *s == ':' && rc == 0; s = e) {
		s++;
		e = strchr(s, ':');
		if (!e)
			e = s + strlen(s);
		if ((size_t)(e - s) > VH_ENVVAR_NAME_MAX)
			continue;
		memcpy(name, s, (size_t)(e - s));
		name[e - s] = '\0';
		if (vh_envvar_kept(name))
			continue;
		if (!(save = saved_name(level, name)))
			return VH_ENOMEM;
		old = vh_envvar_refused(name) ? NULL : xget(p, save);
		rc = old ? xset(p, name, old) : xset(p, name, NULL);
		if (rc == 0 && xget(p, save))
			rc = xset(p, save, NULL);
		free(save);
	}
	return rc < 0 ? rc : set_copy(p, VH_MARK_VARS, NULL);
}

static int deactivate(struct vh_plan *p)
{
	struct vh_state *t = &p->target;
	char *bin = vh_env_bin(t->v[VH_MARK_ENV]);
	int rc = VH_ENOMEM;

	if (!bin)
		return VH_ENOMEM;
	p->deactivated = t->v[VH_MARK_ENV];
	if (take_out(p, bin, t->adopted) < 0 || unset_vars(p) < 0)
		goto done;
	if (eq(t->v[VH_VIRTUAL_ENV], t->v[VH_MARK_ENV])) {
		set_copy(p, VH_VIRTUAL_ENV, NULL);
		set_copy(p, VH_VIRTUAL_ENV_PROMPT, NULL);
	}
	if (t->v[VH_MARK_PYTHONHOME]) {
		if (set_copy(p, VH_PYTHONHOME, t->v[VH_MARK_PYTHONHOME]) < 0)
			goto done;
		set_copy(p, VH_MARK_PYTHONHOME, NULL);
	}
	/* a conda prefix's: conda's variables back as they were (a base env's
	 * CONDA_PREFIX, set at shell start by conda's own activation), or
	 * unset; only while CONDA_PREFIX is still the one venvhook set */
	if (eq(t->v[VH_CONDA_PREFIX], t->v[VH_MARK_ENV]) &&
	    (conda_unlevel(p) < 0 ||
	     set_copy(p, VH_CONDA_PREFIX, t->v[VH_MARK_CONDA_PREFIX]) < 0 ||
	     set_copy(p, VH_CONDA_DEFAULT_ENV, t->v[VH_MARK_CONDA_DEFAULT_ENV]) < 0 ||
	     set_copy(p, VH_MARK_CONDA_PREFIX, NULL) < 0 ||
	     set_copy(p, VH_MARK_CONDA_DEFAULT_ENV, NULL) < 0))
		goto done;
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
	const char *before = t->v[VH_PATH];
	long level = conda_shlvl(t->v[VH_CONDA_SHLVL]);
	int rc = VH_ENOMEM;

	if (!bin)
		return VH_ENOMEM;
	/* the env's own variables, their values before saved at the level
	 * before this activation's (a conda prefix's, whose activation raises
	 * it), else in venvhook's own slot (saved_name) */
	if (set_vars(p, w, !w->conda_prompt ? OWN_SLOT : level == NO_LEVEL ? 0 : level) < 0)
		goto done;
	if (t->v[VH_PYTHONHOME]) {
		if (set_copy(p, VH_MARK_PYTHONHOME, t->v[VH_PYTHONHOME]) < 0)
			goto done;
		set_copy(p, VH_PYTHONHOME, NULL);
	}
	/* a conda prefix: what conda's activation sets besides PATH (plan.h),
	 * the values before kept to put back */
	if (w->conda_env &&
	    ((w->conda_prompt && conda_level(p, w) < 0) ||
	     set_copy(p, VH_MARK_CONDA_PREFIX, t->v[VH_CONDA_PREFIX]) < 0 ||
	     set_copy(p, VH_MARK_CONDA_DEFAULT_ENV, t->v[VH_CONDA_DEFAULT_ENV]) < 0 ||
	     set_copy(p, VH_CONDA_PREFIX, w->env) < 0 ||
	     set_copy(p, VH_CONDA_DEFAULT_ENV, w->conda_env) < 0))
		goto done;
	if (vh_pathlist_prepend(&path, before ? before : "", bin) < 0 ||
	    own(p, VH_PATH, path) < 0 ||
	    set_copy(p, VH_VIRTUAL_ENV, w->env) < 0 ||
	    set_copy(p, VH_VIRTUAL_ENV_PROMPT, w->prompt) < 0 ||
	    set_copy(p, VH_MARK_ENV, w->env) < 0)
		goto done;
	/* the edit: put first, after at most one entry taken out of the PATH now */
	if (!p->path_prepend && (before == p->path_now || p->path_remove)) {
		p->path_prepend = bin;
		bin = NULL;
	}
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

/* conda deactivate typed over venvhook's conda prefix: conda took its
 * bin/ off PATH and put its own CONDA_PREFIX and level back, and left
 * VIRTUAL_ENV, which it does not know (_deactivate in conda/activate.py at
 * conda 0f64223fb8da4328457a69fe6483959dbb783152). */
static int conda_deactivated(const struct vh_state *s)
{
	const char *mark = s->v[VH_MARK_ENV];
	char *bin;
	int off;

	if (!mark || !s->v[VH_MARK_CONDA_LEVEL] || !eq(s->v[VH_VIRTUAL_ENV], mark) ||
	    eq(s->v[VH_CONDA_PREFIX], mark))
		return 0;
	bin = vh_env_bin(mark);
	off = bin && (!s->v[VH_PATH] || vh_pathlist_find(s->v[VH_PATH], bin) < 0);
	free(bin);
	return off;
}

static void diff(struct vh_plan *p, const struct vh_state *now)
{
	const char *a, *b;
	size_t j;
	int i;

	for (j = 0; j < p->nx; j++) {
		a = vh_state_get(now, p->x[j].name);
		b = p->x[j].value;
		p->x[j].changed = !((!a && !b) || eq(a, b));
	}
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
}

/* 1 when dir is the directory under or at root. */
static int within(const char *dir, const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	return !strncmp(dir, root, n) && (dir[n] == '/' || dir[n] == '\0' || n == 1);
}

/* The foreign env f is over: its bin/ off PATH and its VIRTUAL_ENV gone. */
static int drop_foreign(struct vh_plan *p, const char *f)
{
	struct vh_state *t = &p->target;
	char *bin = vh_env_bin(f);
	int rc = bin ? take_out(p, bin, 0) : VH_ENOMEM;

	free(bin);
	if (eq(t->v[VH_VIRTUAL_ENV], f)) {
		set_copy(p, VH_VIRTUAL_ENV, NULL);
		set_copy(p, VH_VIRTUAL_ENV_PROMPT, NULL);
	}
	t->v[VH_MARK_ASIDE] = t->v[VH_MARK_LEAVE] = NULL;
	return rc;
}

/* Someone else's env f is on: venvhook leaves it alone. Of its own env,
 * only f's own entry may stay on PATH (the same env activated again over
 * venvhook's: the entries are one env's, and the count tells when theirs
 * goes); any other env's entry comes off, so that nothing of an env that
 * is not on runs, and VIRTUAL_ENV and its name are no longer venvhook's
 * where f set none of its own (conda). The marker stays: f's deactivate
 * may restore a PATH that holds venvhook's entry, and the next plan takes
 * it out, or keeps it for the env wanted there. */
static int stand_aside(struct vh_plan *p, const char *f, const struct vh_want *w)
{
	struct vh_state *t = &p->target;
	const char *mark = t->v[VH_MARK_ENV], *ve = t->v[VH_VIRTUAL_ENV];

	p->foreign = 1;
	t->v[VH_MARK_ASIDE] = f;
	if (w->start)
		t->v[VH_MARK_LEAVE] = w->leave;
	if (mark && !eq(mark, f)) {
		char *bin = vh_env_bin(mark);
		int rc = bin ? take_out(p, bin, 0) : VH_ENOMEM;

		free(bin);
		if (rc < 0)
			return VH_ENOMEM;
		if (eq(ve, mark)) {
			set_copy(p, VH_VIRTUAL_ENV, NULL);
			set_copy(p, VH_VIRTUAL_ENV_PROMPT, NULL);
		}
		/* its own variables come off (their values before back) once
		 * its env is no longer the one wanted here: the user left its
		 * project, and f standing over it is no consent to keep them.
		 * Not under conda's f: conda saved over them what f set of the
		 * same names, and its deactivate of f exports them again for
		 * the prefix below (build_deactivate, conda/activate.py at conda
		 * 0f64223f), which venvhook takes off once f is gone. */
		if (!eq(w->env, mark) && !eq(t->v[VH_CONDA_PREFIX], f) && unset_vars(p) < 0)
			return VH_ENOMEM;
	}
	/* f set VIRTUAL_ENV and no name: the name venvhook gave its env is not f's */
	if (eq(ve, f) && w->stale_prompt && eq(t->v[VH_VIRTUAL_ENV_PROMPT], w->stale_prompt))
		set_copy(p, VH_VIRTUAL_ENV_PROMPT, NULL);
	return 0;
}

/* The foreign env f, put on at shell start, is the env wanted here: from
 * now on it is venvhook's, as if venvhook had activated it. One entry of
 * its bin/ stays (the first: what runs now runs on), the entry of an env
 * venvhook had before goes. */
static int adopt(struct vh_plan *p, const char *f, const struct vh_want *w)
{
	struct vh_state *t = &p->target;
	const char *mark = t->v[VH_MARK_ENV];
	char *bin = vh_env_bin(f), *path = NULL;
	int rc = VH_ENOMEM;

	if (!bin)
		return VH_ENOMEM;
	if (mark && !eq(mark, f)) {
		char *old = vh_env_bin(mark);

		rc = old ? take_out(p, old, 0) : VH_ENOMEM;
		free(old);
		if (rc < 0)
			goto done;
		rc = VH_ENOMEM;
	}
	if (t->v[VH_PATH] && vh_pathlist_count(t->v[VH_PATH], bin) > 1 &&
	    (vh_pathlist_prune(&path, t->v[VH_PATH], bin, 1) < 0 || own(p, VH_PATH, path) < 0))
		goto done;
	if (set_copy(p, VH_MARK_ENV, f) < 0 || set_copy(p, VH_VIRTUAL_ENV_PROMPT, w->prompt) < 0)
		goto done;
	t->v[VH_MARK_ASIDE] = t->v[VH_MARK_LEAVE] = NULL;
	rc = 0;
done:
	free(bin);
	return rc;
}

/* __VENVHOOK_NBIN for the target: how often venvhook's env's bin/ is on
 * PATH as it leaves it, so that one more is someone else's activation. */
static int count_bins(struct vh_plan *p)
{
	struct vh_state *t = &p->target;
	char *bin, num[24];

	if (!t->v[VH_MARK_ENV])
		return set_copy(p, VH_MARK_NBIN, NULL);
	bin = vh_env_bin(t->v[VH_MARK_ENV]);
	if (!bin)
		return VH_ENOMEM;
	snprintf(num, sizeof(num), "%zu", t->v[VH_PATH] ? vh_pathlist_count(t->v[VH_PATH], bin) : 0);
	free(bin);
	/* (the default, 1, is left unsaid: one variable less in the usual case) */
	return set_copy(p, VH_MARK_NBIN, strcmp(num, "1") ? num : NULL);
}

/* From venvhook's own state (no foreign env) to the env wanted. */
static int own_plan(struct vh_plan *p, const struct vh_want *want)
{
	struct vh_state *t = &p->target;
	const char *mark = t->v[VH_MARK_ENV];
	int was_on = mark && eq(t->v[VH_VIRTUAL_ENV], mark);

	if (set_copy(p, VH_MARK_PIN, want->pin) < 0 || set_copy(p, VH_MARK_PAUSE, want->pause) < 0)
		return VH_ENOMEM;
	/* (intact, but with its own variables taken off while it stood
	 * aside, and an unload put the rest back: they come back too) */
	if (mark && eq(want->env, mark) && intact(t) && (!want->nvars || t->v[VH_MARK_VARS]))
		return 0;
	if (mark && deactivate(p) < 0)
		return VH_ENOMEM;
	if (want->env && activate(p, want) < 0)
		return VH_ENOMEM;
	if (eq(p->activated, p->deactivated))
		p->activated = p->deactivated = NULL; /* a repair, not news */
	/* "deactivated" is news only of an env that was on, and not at start:
	 * an env a shell inherits was never on in it. */
	if (!was_on || want->start)
		p->deactivated = NULL;
	return 0;
}

int vh_plan(struct vh_plan *p, const struct vh_state *now, const struct vh_want *want)
{
	struct vh_want w = *want;
	const char *f = vh_state_foreign(now), *aside = now->v[VH_MARK_ASIDE];
	const char *mark = now->v[VH_MARK_ENV];
	int was_off = 0;

	memset(p, 0, sizeof(*p));
	p->target = *now;
	p->path_now = now->v[VH_PATH];
	/* an env the shell inherited in its project, and the shell has left it */
	if (f && now->v[VH_MARK_LEAVE] && !w.start && w.cwd && !within(w.cwd, now->v[VH_MARK_LEAVE])) {
		if (drop_foreign(p, f) < 0)
			return VH_ENOMEM;
		f = aside = NULL;
	}
	if (f && !(w.start && w.env && eq(w.env, f) && eq(f, now->v[VH_VIRTUAL_ENV]))) {
		if (stand_aside(p, f, &w) < 0)
			return VH_ENOMEM;
		diff(p, now);
		return 0;
	}
	if (f) {
		if (adopt(p, f, &w) < 0)
			return VH_ENOMEM;
	} else if (aside) {
		/* The env venvhook stood aside for is gone. Where it was venvhook's
		 * own env activated again, its deactivate did what venvhook's
		 * does: the env is off, in its project until the shell leaves. */
		p->target.v[VH_MARK_ASIDE] = p->target.v[VH_MARK_LEAVE] = NULL;
		if (eq(aside, mark) && !now->v[VH_VIRTUAL_ENV] && eq(w.env, mark)) {
			w.pause = mark;
			w.env = NULL;
		}
		/* Another env than venvhook's: its entry came off when venvhook
		 * stood aside. An unload that puts venvhook's env back (mise's
		 * and direnv's restore VIRTUAL_ENV and the PATH they saved)
		 * does not make it on again for the user: no "deactivated". */
		was_off = !eq(aside, mark);
	} else if (eq(w.env, mark) && conda_deactivated(now)) {
		/* off, as venvhook's own deactivate leaves it: paused in its
		 * project until the shell leaves; conda's variables are conda's
		 * again, venvhook's record of them goes */
		w.pause = mark;
		w.env = NULL;
		p->target.v[VH_MARK_CONDA_PREFIX] = p->target.v[VH_MARK_CONDA_DEFAULT_ENV] = NULL;
		p->target.v[VH_MARK_CONDA_LEVEL] = p->target.v[VH_MARK_CONDA_SHLVL] = NULL;
		p->target.v[VH_MARK_CONDA_PROMPT_MODIFIER] = NULL;
		/* conda's deactivate took the env's own variables off and put
		 * back what it saved (_build_deactivate, same commit) */
		p->target.v[VH_MARK_VARS] = NULL;
	}
	if (own_plan(p, &w) < 0 || count_bins(p) < 0)
		return VH_ENOMEM;
	if (was_off)
		p->deactivated = NULL;
	diff(p, now);
	return 0;
}

void vh_plan_free(struct vh_plan *p)
{
	size_t j;
	int i;

	for (i = 0; i < VH_NVARS; i++)
		free(p->owned[i]);
	for (j = 0; j < p->nx; j++) {
		free(p->x[j].name);
		free(p->x[j].value);
	}
	free(p->x);
	free(p->path_remove);
	free(p->path_prepend);
	memset(p, 0, sizeof(*p));
}
