#include "core/decide/state.h"

#include <stdlib.h>
#include <string.h>

const char *const vh_var_names[VH_NVARS] = {
	[VH_VIRTUAL_ENV] = "VIRTUAL_ENV",
	[VH_VIRTUAL_ENV_PROMPT] = "VIRTUAL_ENV_PROMPT",
	[VH_PYTHONHOME] = "PYTHONHOME",
	[VH_PATH] = "PATH",
	[VH_MARK_ENV] = "__VENVHOOK_ENV",
	[VH_MARK_PYTHONHOME] = "__VENVHOOK_PYTHONHOME",
	[VH_MARK_PIN] = "__VENVHOOK_PIN",
	[VH_MARK_PAUSE] = "__VENVHOOK_PAUSE",
};

void vh_state_read(struct vh_state *st)
{
	int i;

	for (i = 0; i < VH_NVARS; i++)
		st->v[i] = getenv(vh_var_names[i]);
}

void vh_state_adopt(struct vh_state *st)
{
	const char *ve = st->v[VH_VIRTUAL_ENV];

	st->v[VH_MARK_PIN] = st->v[VH_MARK_PAUSE] = NULL;
	if (ve && (!st->v[VH_MARK_ENV] || strcmp(ve, st->v[VH_MARK_ENV])))
		st->v[VH_MARK_ENV] = ve;
}
