#include "core/output/render.h"

#include <stdlib.h>
#include <string.h>

#include "core/util/err.h"
#include "core/util/pathlist.h"

/* 1 when the plan's PATH edits, applied to the PATH now, give target: only
 * then may the shell be sent the edits instead of the value. 0 not, or
 * VH_ENOMEM. */
static int edits_give(const struct vh_plan *plan, const char *target)
{
	const char *now = plan->path_now, *rm = plan->path_remove, *pre = plan->path_prepend;
	char *a = NULL, *b = NULL;
	int r = VH_ENOMEM;

	if (rm && vh_pathlist_find(now, rm) < 0)
		return 0; /* the shell would find nothing to take out */
	if (rm ? vh_pathlist_remove(&a, now, rm) < 0 : !(a = strdup(now)))
		goto done;
	if (pre ? vh_pathlist_prepend(&b, a, pre) < 0 : !(b = strdup(a)))
		goto done;
	r = strcmp(b, target) == 0;
done:
	free(a);
	free(b);
	return r;
}

/* The edits when the shell can say them and they give target, else the
 * whole value. */
static int set_path(struct vh_buf *out, const struct vh_shell *sh, const struct vh_plan *plan,
		    const char *target)
{
	int rc = VH_EUNSAYABLE;

	if (sh->emit->edit_path && plan->path_now && (plan->path_remove || plan->path_prepend)) {
		rc = edits_give(plan, target);
		if (rc < 0)
			return VH_ENOMEM;
		rc = rc ? sh->emit->edit_path(out, plan->path_now, plan->path_remove, plan->path_prepend) :
		     VH_EUNSAYABLE;
	}
	return rc == VH_EUNSAYABLE ? sh->emit->set_path(out, target) : rc;
}

int vh_render(struct vh_buf *out, enum vh_var *bad, const struct vh_shell *sh,
	      const struct vh_plan *plan)
{
	const struct vh_op *op;
	const char *name;
	size_t j;
	int i, rc = 0;

	for (i = 0; i < plan->nops && rc == 0; i++) {
		op = &plan->ops[i];
		name = vh_var_names[op->var];
		*bad = op->var;
		if (op->kind == VH_OP_UNSET)
			rc = sh->emit->unset_env(out, name);
		else if (op->var == VH_PATH)
			rc = set_path(out, sh, plan, op->value);
		else
			rc = sh->emit->set_env(out, name, op->value);
	}
	/* the env's own variables (a value the shell cannot hold was left out
	 * of the want by apply.c; one from the environment it came from can) */
	for (j = 0; j < plan->nx && rc == 0; j++) {
		if (!plan->x[j].changed)
			continue;
		*bad = VH_NVARS;
		/* (after venvhook's own, above: where one of these fails,
		 * PATH, VIRTUAL_ENV and the markers are said already) */
		if (plan->x[j].value)
			rc = sh->emit->set_own ? sh->emit->set_own(out, plan->x[j].name, plan->x[j].value) :
			     sh->emit->set_env(out, plan->x[j].name, plan->x[j].value);
		else
			rc = sh->emit->unset_own ? sh->emit->unset_own(out, plan->x[j].name) :
			     sh->emit->unset_env(out, plan->x[j].name);
	}
	return rc < 0 ? rc : 0;
}
