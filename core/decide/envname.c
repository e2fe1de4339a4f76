#include "core/decide/envname.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/find/pyvenv.h"
#include "core/decide/userconfig.h"

const char *vh_path_base(const char *path, size_t *len)
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
static char *default_name(const char *env)
{
	const char *const *name;
	const char *b;
	size_t len;

	b = vh_path_base(env, &len);
	for (name = vh_config.env_dirs; *name; name++) {
		if (strlen(*name) == len && memcmp(b, *name, len) == 0 && b > env + 1) {
			char *parent = strndup(env, (size_t)(b - 1 - env));
			char *r;

			if (!parent)
				return NULL;
			b = vh_path_base(parent, &len);
			r = strndup(b, len);
			free(parent);
			return r;
		}
	}
	return strndup(b, len);
}

/* pyvenv.cfg's prompt (NULL when it has none, or cannot be read: then say
 * tells). Returns 0 or VH_ENOMEM. */
static int cfg_name(char **name, struct vh_buf *say, const char *env)
{
	struct vh_buf cfg = VH_BUF_INIT;
	struct vh_pyvenv pv;
	int rc = VH_ENOMEM;

	*name = NULL;
	if (vh_buf_puts(&cfg, env) < 0 || vh_buf_puts(&cfg, "/pyvenv.cfg") < 0)
		goto done;
	if (vh_pyvenv_read(&pv, cfg.data) < 0) {
		int e = errno;

		if (e == ENOMEM)
			goto done;
		rc = vh_buf_puts(say, "cannot read ") < 0 || vh_msg_escape(say, cfg.data) < 0 ||
		     vh_buf_printf(say, ": %s; naming the env after its directory\n", strerror(e)) < 0 ?
		     VH_ENOMEM : 0;
		goto done;
	}
	rc = 0;
	if (pv.bad_lines && (vh_buf_puts(say, "ignoring lines with NUL bytes in ") < 0 ||
			     vh_msg_escape(say, cfg.data) < 0 || vh_buf_putc(say, '\n') < 0))
		rc = VH_ENOMEM;
	if (rc == 0 && pv.prompt) {
		/* NULL also for a prompt that says nothing (empty once unquoted) */
		*name = vh_pyvenv_prompt_text(pv.prompt);
	}
	vh_pyvenv_free(&pv);
done:
	vh_buf_free(&cfg);
	return rc;
}

/* name as the prompt will show it: no byte that could drive the terminal
 * or reorder the line. Takes name (NULL: out of memory). */
static int displayable(char **out, char *name)
{
	struct vh_buf b = VH_BUF_INIT;

	*out = NULL;
	if (!name)
		return VH_ENOMEM;
	if (vh_msg_sanitize(&b, name) < 0 || vh_buf_puts(&b, "") < 0) {
		vh_buf_free(&b);
		free(name);
		return VH_ENOMEM;
	}
	free(name);
	*out = vh_buf_detach(&b);
	return 0;
}

int vh_env_name(char **name, struct vh_buf *say, const char *env, const struct vh_state *now)
{
	char *raw = NULL;
	int rc;

	*name = NULL;
	/* An env venvhook has on keeps its name. It comes from the environment
	 * then: cleaned again. (Not one someone else put on, whose name is
	 * theirs: an activate script's "(.venv) ", an editor's.) */
	if (now->v[VH_MARK_ENV] && strcmp(now->v[VH_MARK_ENV], env) == 0 &&
	    now->v[VH_VIRTUAL_ENV] && strcmp(now->v[VH_VIRTUAL_ENV], env) == 0 &&
	    !vh_state_foreign(now) && now->v[VH_VIRTUAL_ENV_PROMPT])
		return displayable(name, strdup(now->v[VH_VIRTUAL_ENV_PROMPT]));
	rc = cfg_name(&raw, say, env);
	if (rc < 0)
		return rc;
	return displayable(name, raw ? raw : default_name(env));
}
