#include "core/output/environ.h"

#include <stdlib.h>
#include <string.h>

#include "core/util/err.h"

int vh_environ_apply(const struct vh_plan *plan)
{
	char *value[VH_NVARS] = { NULL };
	size_t j;
	int i, rc = VH_ENOMEM;

	/* Copies first: a target value may point into the environment that
	 * the calls below change. */
	for (i = 0; i < VH_NVARS; i++)
		if (plan->target.v[i] && !(value[i] = strdup(plan->target.v[i])))
			goto done;
	for (i = 0; i < VH_NVARS; i++)
		if (value[i] ? setenv(vh_var_names[i], value[i], 1) < 0 : unsetenv(vh_var_names[i]) < 0)
			goto done;
	/* the env's own: each value a copy already (the plan's) */
	for (j = 0; j < plan->nx; j++)
		if (plan->x[j].value ? setenv(plan->x[j].name, plan->x[j].value, 1) < 0 :
		    unsetenv(plan->x[j].name) < 0)
			goto done;
	rc = 0;
done:
	for (i = 0; i < VH_NVARS; i++)
		free(value[i]);
	return rc;
}
