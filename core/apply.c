/* Moving the shell from one env to another: the plan, its rendering in the
 * shell's syntax on stdout, and the one line on stderr that says so. */
#include "apply.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../shells/shell.h"
#include "buf.h"
#include "userconfig.h"
#include "discover.h"
#include "msg.h"
#include "pyvenv.h"
#include "render.h"

static const char *base_name(const char *path, size_t *len)
{
	size_t n = strlen(path);
	const char *b;

	while (n > 1 && path[n - 1] == '/')
		n--;
	b = path + n;
	while (b > path && b[-1] != '/')
		b--;
	if (b == path + n) /* "/" */
		b = path, n = 1;
	*len = (size_t)(path + n - b);
	return b;
}

/* The project's name when the env is called .venv or venv, else the env's. */
static char *default_prompt(const char *env)
{
	const char *const *name;
	const char *b;
	size_t len;

	b = base_name(env, &len);
	for (name = vh_config.env_dirs; *name; name++) {
		if (strlen(*name) == len && memcmp(b, *name, len) == 0 && b > env + 1) {
			char *parent = strndup(env, (size_t)(b - 1 - env));
			char *r;

			if (!parent)
				return NULL;
			b = base_name(parent, &len);
			r = strndup(b, len);
			free(parent);
			return r;
		}
	}
	return strndup(b, len);
}

static char *read_prompt(const char *env)
{
	struct vh_buf cfg = VH_BUF_INIT;
	struct vh_pyvenv pv;
	char *prompt = NULL;

	if (vh_buf_puts(&cfg, env) < 0 || vh_buf_puts(&cfg, "/pyvenv.cfg") < 0)
		goto done;
	if (vh_pyvenv_read(&pv, cfg.data) < 0) {
		char why[160];

		snprintf(why, sizeof(why), ": %s; naming the env after its directory",
			 strerror(errno));
		vh_msg_path("cannot read ", cfg.data, why);
		goto done;
	}
	if (pv.bad_lines)
		vh_msg_path("ignoring lines with NUL bytes in ", cfg.data, "");
	if (pv.prompt)
		prompt = vh_pyvenv_prompt_text(pv.prompt);
	vh_pyvenv_free(&pv);
done:
	vh_buf_free(&cfg);
	return prompt ? prompt : default_prompt(env);
}

int vh_quiet(void)
{
	const char *q = getenv("VENVHOOK_QUIET");

	/* Set, the variable decides (VENVHOOK_QUIET=0 speaks); else the config. */
	if (q)
		return *q && strcmp(q, "0") != 0;
	return vh_config.quiet;
}

static void escape_n(struct vh_buf *out, const char *s, size_t n)
{
	char *copy = strndup(s, n);

	if (copy)
		vh_msg_escape(out, copy);
	free(copy);
}

static void announce(const struct vh_plan *plan, const char *old_prompt, const char *note)
{
	struct vh_buf line = VH_BUF_INIT;
	const char *dir;
	size_t len;

	if (vh_quiet() || (!plan->activated && !plan->deactivated))
		return;
	if (plan->activated) {
		vh_buf_puts(&line, "activated ");
		vh_msg_escape(&line, plan->target.v[VH_VIRTUAL_ENV_PROMPT]);
		dir = base_name(plan->activated, &len);
		vh_buf_puts(&line, " (");
		escape_n(&line, dir, len);
		if (note) {
			vh_buf_puts(&line, "; ");
			vh_buf_puts(&line, note);
		}
		vh_buf_puts(&line, ")");
	}
	if (plan->deactivated) {
		vh_buf_puts(&line, plan->activated ? ", deactivated " : "deactivated ");
		if (old_prompt) {
			vh_msg_escape(&line, old_prompt);
		} else {
			dir = base_name(plan->deactivated, &len);
			escape_n(&line, dir, len);
		}
	}
	vh_msgf("%s", vh_buf_str(&line));
	vh_buf_free(&line);
}

/* The name as the prompt will show it: no byte that could drive the
 * terminal or reorder the line (see vh_msg_sanitize). */
static char *displayable(char *name)
{
	struct vh_buf b = VH_BUF_INIT;

	if (!name)
		return NULL;
	if (vh_msg_sanitize(&b, name) < 0 || vh_buf_puts(&b, "") < 0) {
		vh_buf_free(&b);
		b.data = NULL;
	}
	free(name);
	return b.data;
}

char *vh_env_prompt(const char *env, const struct vh_state *now)
{
	/* An env already active keeps its name; pyvenv.cfg is read only on
	 * change. The name comes from the environment then: cleaned again. */
	if (now->v[VH_MARK_ENV] && strcmp(now->v[VH_MARK_ENV], env) == 0 &&
	    now->v[VH_VIRTUAL_ENV_PROMPT])
		return displayable(strdup(now->v[VH_VIRTUAL_ENV_PROMPT]));
	return displayable(read_prompt(env));
}

int vh_apply(const struct vh_shell *sh, const struct vh_state *now, const struct vh_want *want)
{
	struct vh_plan plan;
	struct vh_buf out = VH_BUF_INIT;
	enum vh_var bad = VH_NVARS;
	int rc = -1;

	if (vh_plan(&plan, now, want) < 0)
		goto done;
	if (vh_render(&out, &bad, sh, &plan) < 0) {
		rc = -2;
		goto done;
	}
	if (out.len && (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout)))
		goto done;
	announce(&plan, now->v[VH_VIRTUAL_ENV_PROMPT], want->note);
	rc = 0;
done:
	if (rc == -2) {
		const char *what = bad < VH_NVARS ? plan.target.v[bad] : NULL;

		vh_msg_path(want->env ? "not activating " : "cannot update the environment for ",
			    want->env ? want->env : vh_var_names[bad],
			    what && strchr(what, '\n') ?
			    ": this shell cannot hold a newline in a variable safely" :
			    ": this shell cannot quote a value safely");
	}
	vh_buf_free(&out);
	vh_plan_free(&plan);
	return rc;
}

