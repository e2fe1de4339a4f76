#include "render.h"

int vh_render(struct vh_buf *out, enum vh_var *bad, const struct vh_shell *sh,
	      const struct vh_plan *plan)
{
	const struct vh_op *op;
	const char *name;
	int i, rc = 0;

	for (i = 0; i < plan->nops && rc == 0; i++) {
		op = &plan->ops[i];
		name = vh_var_names[op->var];
		*bad = op->var;
		if (op->kind == VH_OP_REHASH)
			rc = sh->rehash(out);
		else if (op->kind == VH_OP_UNSET)
			rc = sh->unset_env(out, name);
		else if (op->var == VH_PATH)
			rc = sh->set_path(out, op->value);
		else
			rc = sh->set_env(out, name, op->value);
	}
	return rc < 0 ? rc : 0;
}
