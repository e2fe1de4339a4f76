/* uv: with UV_PROJECT_ENVIRONMENT set (and not empty), a project's env is
 * that path instead of .venv (uv's Workspace::environment_selection): an
 * absolute one as it is, a relative one from the project root. The root is
 * taken to be each directory on the walk that holds pyproject.toml or
 * uv.lock, nearest first: a workspace member's own root is tried before the
 * workspace root above it, which is where uv keeps the env. Nothing in the
 * files is read. A relative path is a setting the project directory decides
 * (anyone can put an env there), so its env is an in-project env. */
#include <stdlib.h>
#include <string.h>

#include "core/store/store.h"

int vh_store_uv(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir)
{
	const char *v = w->uv_env_read ? w->uv_env : getenv("UV_PROJECT_ENVIRONMENT");
	const char *marker;
	char *env;
	int rc;

	if (!v || !*v)
		return 0;
	if (w->pyproject)
		marker = "pyproject.toml";
	else if (vh_store_is_file(w, dir, "uv.lock"))
		marker = "uv.lock";
	else
		return 0;
	env = v[0] == '/' ? strdup(v) : vh_store_join(dir, v);
	rc = vh_store_take(hit, env, vh_store_join(dir, marker));
	if (rc == 1)
		hit->project_setting = v[0] != '/';
	return rc;
}
