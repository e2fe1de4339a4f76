/* uv: the env of the project whose pyproject.toml is nearest, as uv's
 * Workspace::discover and environment_selection place it (astral-sh/uv
 * 26a9dd4b2125bc271b47855e1fa0c49af3365db5,
 * crates/uv-workspace/src/workspace.rs):
 *
 *   - the project is the nearest directory holding pyproject.toml (uv
 *     looks up to /, past any git root), unless its [tool.uv] managed is
 *     false (then uv has no project) or it has neither [project] nor
 *     [tool.uv.workspace];
 *   - its workspace root is the project itself when it has
 *     [tool.uv.workspace]; else the next directory above holding
 *     pyproject.toml, when that one has [tool.uv.workspace] whose members
 *     globs match the project and whose exclude globs do not
 *     (find_workspace, is_included_in_workspace, WorkspaceExclusions);
 *     else the project itself;
 *   - the env is UV_PROJECT_ENVIRONMENT (when set and not empty: the path
 *     itself, or relative to the workspace root), else the root's .venv.
 *
 * So a workspace member's own .venv (which `uv venv` run inside it makes)
 * is not uv's env: the root's is, and while the root has none, uv would
 * make it there, so no env is the member's. A project's own .venv is left
 * to the walk's env directory rule, which finds the same; past the git
 * root (a submodule without a pyproject.toml of its own), where that rule
 * does not look, this rule gives it when the root shows it is uv's (a
 * uv.lock or a [tool.uv] table). A relative UV_PROJECT_ENVIRONMENT and a
 * .venv are placed by the project (anyone can put an env there): in-project
 * envs for the trust policy. A directory with uv.lock and no pyproject.toml
 * keeps a UV_PROJECT_ENVIRONMENT of its own, as before. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/buf.h"
#include "core/util/compat.h"
#include "core/store/store.h"

static char *parent(const char *dir)
{
	const char *slash = strrchr(dir, '/');

	if (!slash || !strcmp(dir, "/"))
		return NULL;
	return slash == dir ? strdup("/") : strndup(dir, (size_t)(slash - dir));
}

/* normalize_path of a glob: "." and empty components dropped, ".."
 * taking the one before it away. */
static int normalize(struct vh_buf *out, const char *glob)
{
	const char *p = glob, *e;
	size_t len;

	if (*p == '/' && vh_buf_putc(out, '/') < 0)
		return VH_ENOMEM;
	while (*p) {
		e = p + strcspn(p, "/");
		len = (size_t)(e - p);
		if (len == 2 && !strncmp(p, "..", 2)) {
			while (out->len && out->data[out->len - 1] != '/')
				out->len--;
			if (out->len > 1)
				out->len--;
			if (out->data)
				out->data[out->len] = '\0';
		} else if (len && !(len == 1 && *p == '.')) {
			if ((out->len && out->data[out->len - 1] != '/' && vh_buf_putc(out, '/') < 0) ||
			    vh_buf_add(out, p, len) < 0)
				return VH_ENOMEM;
		}
		p = *e ? e + 1 : e;
	}
	return vh_buf_puts(out, "");
}

/* 1 when one of the globs (relative to root, or absolute) matches dir, as
 * glob::Pattern::matches_path with its default options: '*' matches '/'
 * too; else 0; VH_ENOMEM. */
static int matches(const struct vh_toml_entry *globs, const char *root, const char *dir)
{
	struct vh_buf g = VH_BUF_INIT;
	size_t i, n = strlen(root);
	const char *rel;
	int yes = 0;

	if (!globs || globs->type != VH_TOML_STRINGS)
		return 0;
	if (!strcmp(root, "/"))
		n = 0;
	rel = !strncmp(dir, root, n) && dir[n] == '/' ? dir + n + 1 : NULL;
	for (i = 0; i < globs->nstrs && !yes; i++) {
		vh_buf_reset(&g);
		if (normalize(&g, globs->strs[i]) < 0) {
			yes = VH_ENOMEM;
			break;
		}
		if (g.data[0] == '/')
			yes = fnmatch(g.data, dir, 0) == 0;
		else
			yes = rel && fnmatch(g.data, rel, 0) == 0;
	}
	vh_buf_free(&g);
	return yes;
}

/* The workspace root of the project in dir (doc: its pyproject.toml) into
 * *root, and the root's pyproject.toml into *file; *root NULL when uv has
 * no project there. 0, VH_STORE_REFUSED (a pyproject.toml above cannot be
 * read: w->warn says so) or VH_ENOMEM. */
static int workspace_root(char **root, char **file, struct vh_stores_walk *w, const char *dir,
			  const struct vh_toml *doc)
{
	static const char *const managed[] = { "tool", "uv", "managed", NULL };
	static const char *const workspace[] = { "tool", "uv", "workspace", NULL };
	static const char *const members[] = { "tool", "uv", "workspace", "members", NULL };
	static const char *const exclude[] = { "tool", "uv", "workspace", "exclude", NULL };
	static const char *const project[] = { "project", NULL };
	const struct vh_toml_entry *e;
	struct vh_buf why = VH_BUF_INIT;
	struct vh_toml above = { 0 };
	char *up = NULL, *next, *pp = NULL;
	int rc = 0, dup, in, ex;

	*root = *file = NULL;
	e = vh_toml_get(doc, managed, &dup);
	if (e && e->type == VH_TOML_BOOL && !e->boolean)
		return 0;
	if (!vh_toml_has_table(doc, workspace)) {
		if (!vh_toml_has_table(doc, project))
			return 0;
		for (next = parent(dir); next; next = parent(up)) {
			free(up);
			up = next;
			if (vh_store_is_file(w, up, "pyproject.toml"))
				break;
		}
		if (!next) { /* none up to / */
			free(up);
			up = NULL;
		}
		if (up && !(pp = vh_store_join(up, "pyproject.toml"))) {
			rc = VH_ENOMEM;
			goto done;
		}
		if (up && (rc = vh_toml_read(&above, &why, pp, VH_STORE_MAX_FILE)) != 0) {
			if (rc == VH_EREFUSED) {
				vh_buf_puts(&why, "; not activating an env for it");
				rc = vh_store_refuse(w, pp, vh_buf_str(&why));
			} else if (rc == VH_ENOTFOUND) {
				rc = 0; /* gone since */
			}
			goto done;
		}
		if (up && vh_toml_has_table(&above, workspace)) {
			in = matches(vh_toml_get(&above, members, &dup), up, dir);
			/* (an exclude that failed stays the failure, not a "no") */
			if (in > 0 && (ex = matches(vh_toml_get(&above, exclude, &dup), up, dir)) != 0)
				in = ex < 0 ? ex : 0;
			if (in < 0) {
				rc = in;
				goto done;
			}
			if (in) {
				*root = up;
				*file = pp;
				up = pp = NULL;
				goto done;
			}
		}
	}
	*root = strdup(dir);
	*file = vh_store_join(dir, "pyproject.toml");
	if (!*root || !*file)
		rc = VH_ENOMEM;
done:
	vh_toml_free(&above);
	vh_buf_free(&why);
	free(up);
	free(pp);
	if (rc) {
		free(*root);
		free(*file);
		*root = *file = NULL;
	}
	return rc;
}

/* The root shows uv keeps it: a uv.lock, or a [tool.uv] table. */
static int uv_evidence(struct vh_stores_walk *w, const char *root, const char *file)
{
	static const char *const tool_uv[] = { "tool", "uv", NULL };
	struct vh_buf why = VH_BUF_INIT;
	struct vh_toml doc = { 0 };
	int yes;

	if (vh_store_is_file(w, root, "uv.lock"))
		return 1;
	yes = vh_toml_read(&doc, &why, file, VH_STORE_MAX_FILE) == 0 && vh_toml_has_table(&doc, tool_uv);
	vh_toml_free(&doc);
	vh_buf_free(&why);
	return yes;
}

int vh_store_uv(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir,
		enum vh_stores_phase phase)
{
	const char *v = w->uv_env_read ? w->uv_env : vh_getenv("UV_PROJECT_ENVIRONMENT");
	const struct vh_toml *doc;
	char *root = NULL, *file = NULL, *env;
	int rc, pyproject = phase == VH_STORES_BEYOND ? vh_store_is_file(w, dir, "pyproject.toml") :
			w->pyproject;

	if (w->uv_seen)
		return VH_STORE_NONE;
	if (!pyproject) {
		/* uv.lock alone: UV_PROJECT_ENVIRONMENT from that directory. */
		if (phase != VH_STORES_FIRST || !v || !*v || !vh_store_is_file(w, dir, "uv.lock"))
			return VH_STORE_NONE;
		env = v[0] == '/' ? strdup(v) : vh_store_join(dir, v);
		rc = vh_store_take(hit, env, vh_store_join(dir, "uv.lock"));
		if (rc == VH_STORE_FOUND)
			hit->project_setting = v[0] != '/';
		return rc;
	}
	w->uv_seen = 1;
	if ((rc = vh_store_pyproject(&doc, w, dir)) != 0 || !doc)
		return rc;
	if ((rc = workspace_root(&root, &file, w, dir, doc)) != 0 || !root)
		goto done;
	if (v && *v) {
		env = v[0] == '/' ? strdup(v) : vh_store_join(root, v);
		rc = vh_store_take(hit, env, file);
		file = NULL;
		if (rc == VH_STORE_FOUND)
			hit->project_setting = v[0] != '/';
		goto done;
	}
	/* The project's own .venv: the env directory rule's, in the walk. */
	if (phase == VH_STORES_FIRST && !strcmp(root, dir))
		goto done;
	if (phase == VH_STORES_BEYOND && !uv_evidence(w, root, file))
		goto done;
	rc = vh_store_take(hit, vh_store_join(root, ".venv"), file);
	file = NULL;
	if (rc == VH_STORE_FOUND) {
		hit->project_setting = 1;
		hit->rule = VH_RULE_UV_PROJECT;
	} else if (rc == VH_STORE_NONE && phase == VH_STORES_FIRST) {
		rc = VH_STORE_REFUSED; /* a member: uv would make the root's env, not use another */
	}
done:
	free(root);
	free(file);
	return rc;
}
