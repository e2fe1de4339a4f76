/* hatch: the "default" environment of the project whose pyproject.toml is
 * nearest, as hatch's VirtualEnvironment places it (pypa/hatch
 * ed8e30bebf98f2fe4d70c18a32a50a8160c391cb: src/hatch/env/virtual.py
 * VirtualEnvironment.__init__, src/hatch/utils/fs.py Path.id,
 * src/hatch/cli/application.py get_env_directory, src/hatch/config/model.py
 * dirs, src/hatch/config/user.py, backend/src/hatchling/metadata/utils.py
 * normalize_project_name):
 *
 *   - its `path` option ([tool.hatch.envs.default] path in pyproject.toml,
 *     [envs.default] path in hatch.toml, HATCH_ENV_TYPE_VIRTUAL_PATH): that
 *     path, relative to the project;
 *   - else {dir}/{name}/{id}/{name}: dir the config's [dirs.env] virtual
 *     (relative to the project), else {data}/env/virtual, data being
 *     HATCH_DATA_DIR, the config's [dirs] data, or platformdirs' data
 *     directory (~/.local/share/hatch; ~/Library/Application Support/hatch);
 *     name the [project] name normalised (runs of '-', '_', '.' made one
 *     '-', lowercase), "{id}-unmanaged" without one; id the first 8
 *     characters of urlsafe-base64(sha256(the project's real path)), the
 *     path case-folded on macOS. A dir that is ~/.virtualenvs or inside
 *     the project holds {dir}/{name} instead.
 * The config is $HATCH_CONFIG, else config.toml in platformdirs' config
 * directory for hatch. An environment of another type (hatch-conda...) is
 * not one this rule places. Hatch uses its env whether or not the project
 * also holds a .venv, so this rule comes before the env directories. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/util/compat.h"
#include "core/util/err.h"
#include "core/util/sha256.h"
#include "core/store/store.h"

struct hatch_cfg {
	int read;
	char *data, *virtual;
};

static struct hatch_cfg cfg;

/* Path(...).expand(): $VARS, then ~. */
static char *expand(const char *s)
{
	char *vars = NULL, *out = NULL;

	if (vh_store_expandvars(&vars, s) == 0)
		vh_store_expanduser(&out, vars);
	free(vars);
	return out;
}

/* The user's config, read once a process. 0, VH_STORE_REFUSED or
 * VH_ENOMEM. */
static int load_cfg(struct vh_stores_walk *w)
{
	static const char *const data[] = { "dirs", "data", NULL };
	static const char *const virt[] = { "dirs", "env", "virtual", NULL };
	const struct vh_toml_entry *e;
	struct vh_toml doc;
	int rc, dup;

	if (cfg.read)
		return 0;
	rc = vh_store_tool_config(&doc, w, "HATCH_CONFIG", "hatch");
	if (rc == 0) {
		if ((e = vh_toml_get(&doc, data, &dup)) && !dup && e->type == VH_TOML_STRING &&
		    !(cfg.data = strdup(e->str)))
			rc = VH_ENOMEM;
		if ((e = vh_toml_get(&doc, virt, &dup)) && !dup && e->type == VH_TOML_STRING &&
		    !(cfg.virtual = strdup(e->str)))
			rc = VH_ENOMEM;
	} else if (rc == VH_ENOTFOUND) {
		rc = 0;
	} else if (rc == VH_EREFUSED) {
		rc = VH_STORE_REFUSED;
	}
	cfg.read = rc == 0;
	vh_toml_free(&doc);
	return rc;
}

/* The directory hatch keeps virtual envs in, as the user placed it;
 * relative to root (NULL: a store, not a project's). */
static int env_dir(char **out, const char *root)
{
	const char *v = vh_getenv("HATCH_DATA_DIR");
	char *data = NULL, *joined;
	int rc = 0;

	*out = NULL;
	if (cfg.virtual) {
		*out = expand(cfg.virtual);
		if (*out && (*out)[0] != '/') {
			joined = root ? vh_store_join(root, *out) : NULL;
			free(*out);
			*out = joined;
			return root && !joined ? VH_ENOMEM : 0;
		}
		return *out ? 0 : VH_ENOMEM;
	}
	if (v && *v)
		data = expand(v);
	else if (cfg.data)
		data = expand(cfg.data);
	else if ((rc = vh_platdir(&data, VH_PLATDIR_DATA, "hatch")) < 0)
		return rc;
	if (!data)
		return rc;
	*out = vh_store_join(data, "env/virtual");
	free(data);
	return *out ? 0 : VH_ENOMEM;
}

int vh_store_hatch_root(char **out)
{
	struct vh_stores_walk w = { 0 };
	int rc = load_cfg(&w);

	vh_stores_walk_free(&w);
	*out = NULL;
	if (rc)
		return rc < 0 ? rc : 0;
	return env_dir(out, NULL);
}

/* normalize_project_name: runs of '-', '_', '.' made one '-', lowercase. */
static int normalized(struct vh_buf *out, const char *name)
{
	int dash = 0;

	for (; *name; name++) {
		if (strchr("-_.", *name)) {
			if (!dash++ && vh_buf_putc(out, '-') < 0)
				return VH_ENOMEM;
			continue;
		}
		dash = 0;
		if (vh_buf_putc(out, (char)tolower((unsigned char)*name)) < 0)
			return VH_ENOMEM;
	}
	return vh_buf_puts(out, "");
}

/* Path.id: the first 8 characters of urlsafe-base64(sha256(path)). 0,
 * VH_STORE_REFUSED (said why) or VH_ENOMEM. */
static int project_id(char id[9], struct vh_stores_walk *w, const char *real, const char *file)
{
	unsigned char digest[VH_SHA256_LEN];
	struct vh_buf b64 = VH_BUF_INIT, why = VH_BUF_INIT;
	char *folded = strdup(real), *p;
	int rc = 0;

	if (!folded)
		return VH_ENOMEM;
	/* casefold() on macOS: ASCII letters are all a real path needs to
	 * fold the same; a path with others is refused rather than guessed. */
	for (p = folded; vh_platform_macos() && *p; p++) {
		if ((unsigned char)*p >= 0x80) {
			rc = vh_store_refuse(w, file, ": venvhook cannot compute hatch's env name on macOS for a"
					     " path that is not ASCII; so hatch's env is not looked for");
			goto done;
		}
		*p = (char)tolower((unsigned char)*p);
	}
	vh_buf_puts(&why, ": ");
	if (vh_sha256(digest, folded, strlen(folded), &why) < 0) {
		vh_buf_puts(&why, "; so hatch's env is not looked for");
		rc = vh_store_refuse(w, file, vh_buf_str(&why));
		goto done;
	}
	if (vh_base64url(&b64, digest, sizeof(digest)) < 0) {
		rc = VH_ENOMEM;
		goto done;
	}
	memcpy(id, b64.data, 8);
	id[8] = '\0';
done:
	vh_buf_free(&b64);
	vh_buf_free(&why);
	free(folded);
	return rc;
}

/* The default env's `path` option and the file that set it (NULL: none).
 * 0, VH_STORE_REFUSED or VH_ENOMEM. */
static int path_option(const char **path, char **from, int *project, struct vh_stores_walk *w,
		       const char *dir, const struct vh_toml *pyproject, struct vh_toml *hatch_toml)
{
	static const char *const in_pyproject[] = { "tool", "hatch", "envs", "default", "path", NULL };
	static const char *const in_hatch[] = { "envs", "default", "path", NULL };
	static const char *const type_p[] = { "tool", "hatch", "envs", "default", "type", NULL };
	static const char *const type_h[] = { "envs", "default", "type", NULL };
	const char *v = vh_getenv("HATCH_ENV_TYPE_VIRTUAL_PATH");
	const struct vh_toml_entry *e;
	struct vh_buf why = VH_BUF_INIT;
	char *file;
	int rc, dup;

	*path = NULL;
	*from = NULL;
	*project = 0;
	if (!(file = vh_store_join(dir, "hatch.toml")))
		return VH_ENOMEM;
	/* asked through the walk, so that its cache knows the name */
	rc = VH_ENOTFOUND;
	if (vh_store_is_file(w, dir, "hatch.toml"))
		rc = vh_toml_read(hatch_toml, &why, file, VH_STORE_MAX_FILE);
	if (rc == VH_EREFUSED) {
		vh_buf_puts(&why, "; not activating an env for it");
		rc = vh_store_refuse(w, file, vh_buf_str(&why));
	}
	vh_buf_free(&why);
	if (rc == VH_ENOTFOUND)
		rc = 0;
	if (rc) {
		free(file);
		return rc;
	}
	/* Another type of environment: not a virtual env this rule places. */
	if (((e = vh_toml_get(hatch_toml, type_h, &dup)) || (e = vh_toml_get(pyproject, type_p, &dup))) &&
	    (e->type != VH_TOML_STRING || strcmp(e->str, "virtual"))) {
		free(file);
		*path = "";
		return 0;
	}
	if (v && *v) {
		*path = v;
	} else if ((e = vh_toml_get(hatch_toml, in_hatch, &dup)) && e->type == VH_TOML_STRING) {
		*path = e->str;
		*project = 1;
		*from = file;
		file = NULL;
	} else if ((e = vh_toml_get(pyproject, in_pyproject, &dup)) && e->type == VH_TOML_STRING) {
		*path = e->str;
		*project = 1;
	}
	free(file);
	return 0;
}

int vh_store_hatch(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir)
{
	static const char *const name_key[] = { "project", "name", NULL };
	const struct vh_toml *doc;
	const struct vh_toml_entry *e;
	struct vh_toml hatch_toml = { 0 };
	struct vh_buf name = VH_BUF_INIT, env = VH_BUF_INIT;
	const char *path, *home = vh_getenv("HOME");
	char *file = NULL, *from = NULL, *real = NULL, *store = NULL, *vhome = NULL, id[9] = "";
	struct stat st;
	int rc, project, dup, flat;

	if (w->hatch_seen || !w->pyproject)
		return VH_STORE_NONE;
	w->hatch_seen = 1;
	if ((rc = vh_store_pyproject(&doc, w, dir)) != 0 || !doc || (rc = load_cfg(w)) != 0)
		return rc;
	if (!(file = vh_store_join(dir, "pyproject.toml")))
		return VH_ENOMEM;
	if ((rc = path_option(&path, &from, &project, w, dir, doc, &hatch_toml)) != 0)
		goto done;
	if (path && !*path)
		goto done;
	if (path) {
		rc = vh_store_take(hit, path[0] == '/' ? strdup(path) : vh_store_join(dir, path),
				   from ? from : file);
		if (from)
			free(file);
		from = file = NULL;
		if (rc == VH_STORE_FOUND)
			hit->project_setting = project;
		goto done;
	}
	if (!(real = realpath(dir, NULL)) || (rc = env_dir(&store, real)) != 0 || !store)
		goto done;
	/* No store, no env: nothing to hash. */
	if (stat(store, &st) < 0 || !S_ISDIR(st.st_mode))
		goto done;
	e = vh_toml_get(doc, name_key, &dup);
	if (e && e->type == VH_TOML_STRING) {
		if (normalized(&name, e->str) < 0) {
			rc = VH_ENOMEM;
			goto done;
		}
	} else if ((rc = project_id(id, w, real, file)) != 0 || vh_buf_printf(&name, "%s-unmanaged", id) < 0) {
		rc = rc ? rc : VH_ENOMEM;
		goto done;
	}
	vhome = home && *home ? vh_store_join(home, ".virtualenvs") : NULL;
	flat = (vhome && !strcmp(store, vhome)) ||
	       (!strncmp(store, real, strlen(real)) && store[strlen(real)] == '/');
	if (vh_buf_puts(&env, store) < 0 || vh_buf_putc(&env, '/') < 0 || vh_buf_puts(&env, name.data) < 0) {
		rc = VH_ENOMEM;
		goto done;
	}
	if (!flat) {
		if (stat(env.data, &st) < 0 || !S_ISDIR(st.st_mode))
			goto done;
		if (!id[0] && (rc = project_id(id, w, real, file)) != 0)
			goto done;
		if (vh_buf_printf(&env, "/%s/%s", id, name.data) < 0) {
			rc = VH_ENOMEM;
			goto done;
		}
	}
	rc = vh_store_take(hit, vh_buf_detach(&env), file);
	file = NULL;
	/* A store inside the project: the project placed it. */
	if (rc == VH_STORE_FOUND && !strncmp(store, real, strlen(real)))
		hit->project_setting = 1;
done:
	vh_toml_free(&hatch_toml);
	vh_buf_free(&name);
	vh_buf_free(&env);
	free(file);
	free(from);
	free(real);
	free(store);
	free(vhome);
	return rc;
}

int vh_store_hatch_region(struct vh_deps *d, const char *top)
{
	struct vh_stores_walk w = { 0 };
	char *file = NULL, *real = NULL, *store = NULL;
	struct stat st;
	int rc;

	if (vh_store_tool_config_file(&file, "HATCH_CONFIG", "hatch") < 0)
		return VH_ENOMEM;
	rc = file ? vh_deps_add(d, file) : 0;
	free(file);
	if (rc < 0)
		return rc;
	rc = load_cfg(&w);
	vh_stores_walk_free(&w);
	if (rc < 0)
		return VH_ENOMEM;
	/* The rule's answer with no `path`: the store's env of the project,
	 * when the store is there (vh_store_hatch). A store there: no region
	 * (its envs, NAME/ID/ENV deep, are not watched); none: it must stay
	 * so. */
	if (rc || !(real = realpath(top, NULL))) {
		d->unusable = 1;
		return 0;
	}
	rc = env_dir(&store, real);
	free(real);
	if (rc < 0)
		return VH_ENOMEM;
	if (!store || lstat(store, &st) == 0 || errno != ENOENT)
		d->unusable = 1;
	else
		rc = vh_deps_add(d, store);
	free(store);
	return rc;
}
