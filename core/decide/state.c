#include "core/decide/state.h"

#include <stdlib.h>
#include <string.h>

#include "core/util/pathlist.h"

const char *const vh_var_names[VH_NVARS] = {
	[VH_VIRTUAL_ENV] = "VIRTUAL_ENV",
	[VH_VIRTUAL_ENV_PROMPT] = "VIRTUAL_ENV_PROMPT",
	[VH_PYTHONHOME] = "PYTHONHOME",
	[VH_PATH] = "PATH",
	[VH_MARK_ENV] = "__VENVHOOK_ENV",
	[VH_MARK_PYTHONHOME] = "__VENVHOOK_PYTHONHOME",
	[VH_MARK_PIN] = "__VENVHOOK_PIN",
	[VH_MARK_PAUSE] = "__VENVHOOK_PAUSE",
	[VH_MARK_NBIN] = "__VENVHOOK_NBIN",
	[VH_MARK_ASIDE] = "__VENVHOOK_ASIDE",
	[VH_MARK_LEAVE] = "__VENVHOOK_LEAVE",
	[VH_MARK_CONDA_PREFIX] = "__VENVHOOK_CONDA_PREFIX",
	[VH_MARK_CONDA_DEFAULT_ENV] = "__VENVHOOK_CONDA_DEFAULT_ENV",
	[VH_MARK_CONDA_LEVEL] = "__VENVHOOK_CONDA_LEVEL",
	[VH_MARK_CONDA_SHLVL] = "__VENVHOOK_CONDA_SHLVL",
	[VH_MARK_CONDA_PROMPT_MODIFIER] = "__VENVHOOK_CONDA_PROMPT",
	[VH_MARK_VARS] = "__VENVHOOK_VARS",
	[VH_CONDA_PREFIX] = "CONDA_PREFIX",
	[VH_CONDA_EXE] = "CONDA_EXE",
	[VH_CONDA_DEFAULT_ENV] = "CONDA_DEFAULT_ENV",
	[VH_CONDA_SHLVL] = "CONDA_SHLVL",
	[VH_CONDA_PROMPT_MODIFIER] = "CONDA_PROMPT_MODIFIER",
	[VH_CONDA_PREFIX_1] = "CONDA_PREFIX_1",
	[VH_CONDA_STACKED_2] = "CONDA_STACKED_2",
};

extern char **environ;

void vh_state_read(struct vh_state *st)
{
	int i;

	for (i = 0; i < VH_NVARS; i++)
		st->v[i] = getenv(vh_var_names[i]);
	st->adopted = 0;
	st->env = environ;
}

const char *vh_state_get(const struct vh_state *st, const char *name)
{
	size_t n = strlen(name);
	char *const *e;

	for (e = st->env; e && *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

size_t vh_state_nbin(const struct vh_state *st)
{
	const char *s = st->v[VH_MARK_NBIN];
	char *end;
	unsigned long n;

	if (!s || *s < '0' || *s > '9')
		return 1;
	n = strtoul(s, &end, 10);
	return *end || n < 1 || n > 100000 ? 1 : (size_t)n;
}

/* 1 when env's bin/ is on PATH at least n times. */
static int on_path(const struct vh_state *st, const char *env, size_t n)
{
	size_t len = strlen(env);
	char *bin = malloc(len + 5);
	int r;

	if (bin) {
		memcpy(bin, env, len);
		memcpy(bin + len, "/bin", 5);
	}
	r = bin && st->v[VH_PATH] && vh_pathlist_count(st->v[VH_PATH], bin) >= n;

	free(bin);
	return r;
}

/* conda's base env, the installation itself (CONDA_EXE is ROOT/bin/conda,
 * or ROOT/condabin/conda), counts as no env: it is the Python a conda user
 * has everywhere, as the system's is for others. */
static int conda_base(const struct vh_state *st)
{
	const char *pre = st->v[VH_CONDA_PREFIX], *exe = st->v[VH_CONDA_EXE], *e;
	size_t n = strlen(pre);

	if (!exe)
		return st->v[VH_CONDA_DEFAULT_ENV] && !strcmp(st->v[VH_CONDA_DEFAULT_ENV], "base");
	while (n > 1 && pre[n - 1] == '/')
		n--;
	if (strncmp(exe, pre, n) || exe[n] != '/')
		return 0;
	e = exe + n + 1;
	return !strcmp(e, "bin/conda") || !strcmp(e, "condabin/conda");
}

const char *vh_state_foreign(const struct vh_state *st)
{
	const char *ve = st->v[VH_VIRTUAL_ENV], *mark = st->v[VH_MARK_ENV];
	const char *conda = st->v[VH_CONDA_PREFIX];

	if (st->adopted)
		return NULL;
	if (ve && *ve && (!mark || strcmp(ve, mark) || on_path(st, ve, vh_state_nbin(st) + 1)))
		return ve;
	if (conda && *conda && !conda_base(st) &&
	    on_path(st, conda, mark && !strcmp(conda, mark) ? vh_state_nbin(st) + 1 : 1))
		return conda;
	return NULL;
}

void vh_state_adopt(struct vh_state *st)
{
	const char *ve = st->v[VH_VIRTUAL_ENV];

	st->v[VH_MARK_PIN] = st->v[VH_MARK_PAUSE] = NULL;
	st->v[VH_MARK_ASIDE] = st->v[VH_MARK_LEAVE] = NULL;
	if (ve && (!st->v[VH_MARK_ENV] || strcmp(ve, st->v[VH_MARK_ENV])))
		st->v[VH_MARK_ENV] = ve;
	/* every copy of its bin/ goes, however many activations put it there */
	st->adopted = 1;
}
