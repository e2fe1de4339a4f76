/* pdm: the env of the project whose pyproject.toml is nearest, as pdm's
 * Project.resolve_interpreter finds it (pdm-project/pdm
 * a7e9d0015b4d5ca5d1b0c558582f9bf41b2fdf54: src/pdm/project/core.py
 * _saved_python and resolve_interpreter, src/pdm/utils.py
 * get_venv_like_prefix and find_project_root,
 * src/pdm/cli/commands/venv/utils.py hash_path, get_venv_prefix and
 * iter_venvs, src/pdm/project/config.py venv.location; the same in
 * Debian's pdm 2.2.1):
 *
 *   - .pdm-python (what `pdm use` writes since pdm 2.5; before it,
 *     .pdm.toml's [python] path, which pdm still reads) names the
 *     interpreter; its env is the env that interpreter is in (bin/python
 *     below a pyvenv.cfg), and it beats an in-project .venv;
 *   - else an in-project .venv or venv (the env directory rule; pdm also
 *     takes one named env, which env_dirs can add);
 *   - else a venv `pdm venv create` made in venv.location (the global
 *     config's [venv] location, default platformdirs' data directory's
 *     pdm/venvs: ~/.local/share/pdm/venvs) named {root's name}-{hash}-{id},
 *     hash the first 8 characters of urlsafe-base64(md5(the project's real
 *     path)); of several, the first by name.
 * The global config is $PDM_CONFIG_FILE, else config.toml in
 * platformdirs' config directory for pdm. PDM_PYTHON, a per-shell choice
 * like PYENV_VERSION, is not followed. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/find/envdir.h"
#include "core/util/md5.h"
#include "core/util/sha256.h"
#include "core/store/store.h"

#define MAX_PDM_PYTHON 4096

static struct {
	int read;
	char *location;
} cfg;

/* The global config, read once a process. 0, VH_STORE_REFUSED or
 * VH_ENOMEM. */
static int load_cfg(struct vh_stores_walk *w)
{
	static const char *const location[] = { "venv", "location", NULL };
	const struct vh_toml_entry *e;
	struct vh_toml doc;
	int rc, dup;

	if (cfg.read)
		return 0;
	rc = vh_store_tool_config(&doc, w, "PDM_CONFIG_FILE", "pdm");
	if (rc == 0) {
		if ((e = vh_toml_get(&doc, location, &dup)) && !dup && e->type == VH_TOML_STRING &&
		    vh_store_expanduser(&cfg.location, e->str) < 0)
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

int vh_store_pdm_root(char **out)
{
	struct vh_stores_walk w = { 0 };
	char *data = NULL;
	int rc = load_cfg(&w);

	vh_stores_walk_free(&w);
	*out = NULL;
	if (rc)
		return rc < 0 ? rc : 0;
	if (cfg.location) {
		*out = cfg.location[0] == '/' ? strdup(cfg.location) : NULL;
		return cfg.location[0] == '/' && !*out ? VH_ENOMEM : 0;
	}
	if (vh_platdir(&data, VH_PLATDIR_DATA, "pdm") < 0)
		return VH_ENOMEM;
	*out = data ? vh_store_join(data, "venvs") : NULL;
	rc = data && !*out ? VH_ENOMEM : 0;
	free(data);
	return rc;
}

/* .pdm.toml's [python] path (pdm before 2.5). 0, VH_STORE_REFUSED or
 * VH_ENOMEM. */
static int legacy_python(char **out, struct vh_stores_walk *w, const char *dir)
{
	static const char *const key[] = { "python", "path", NULL };
	struct vh_buf why = VH_BUF_INIT;
	const struct vh_toml_entry *e;
	struct vh_toml doc = { 0 };
	char *file = vh_store_join(dir, ".pdm.toml");
	int rc, dup;

	if (!file)
		return VH_ENOMEM;
	rc = vh_toml_read(&doc, &why, file, VH_STORE_MAX_FILE);
	if (rc == VH_EREFUSED) {
		vh_buf_puts(&why, "; not activating an env for it");
		rc = vh_store_refuse(w, file, vh_buf_str(&why));
	} else if (rc == VH_ENOTFOUND) {
		rc = 0;
	} else if (rc == 0 && (e = vh_toml_get(&doc, key, &dup)) && !dup && e->type == VH_TOML_STRING &&
		   *e->str) {
		*out = e->str[0] == '/' ? strdup(e->str) : vh_store_join(dir, e->str);
		rc = *out ? 0 : VH_ENOMEM;
	}
	vh_toml_free(&doc);
	vh_buf_free(&why);
	free(file);
	return rc;
}

/* .pdm-python's interpreter, trimmed, into *out (NULL: no such file).
 * 0, VH_STORE_REFUSED (unreadable: said) or VH_ENOMEM. */
static int saved_python(char **out, struct vh_stores_walk *w, const char *dir)
{
	char text[MAX_PDM_PYTHON + 1], *s, *e, *file;
	struct stat st;
	ssize_t n;
	int fd, rc = 0;

	*out = NULL;
	if (!vh_store_is_file(w, dir, ".pdm-python"))
		return vh_store_is_file(w, dir, ".pdm.toml") ? legacy_python(out, w, dir) : 0;
	if (!(file = vh_store_join(dir, ".pdm-python")))
		return VH_ENOMEM;
	fd = open(file, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	n = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, text, sizeof(text)) : -1;
	if (fd >= 0)
		close(fd);
	if (n < 0 || n > MAX_PDM_PYTHON || memchr(text, '\0', (size_t)n)) {
		rc = vh_store_refuse(w, file, n > MAX_PDM_PYTHON ? " is larger than 4 KiB; not activating an env for it" :
				     " cannot be read as text; not activating an env for it");
		goto done;
	}
	text[n] = '\0';
	for (s = text; *s && strchr(" \t\r\n\f\v", *s); s++)
		;
	for (e = s + strlen(s); e > s && strchr(" \t\r\n\f\v", e[-1]); e--)
		;
	if (e > s) {
		char *p = strndup(s, (size_t)(e - s));

		if (!p) {
			rc = VH_ENOMEM;
		} else if (*p == '/') {
			*out = p;
		} else { /* relative: from the project, where pdm runs */
			*out = vh_store_join(dir, p);
			free(p);
			rc = *out ? 0 : VH_ENOMEM;
		}
	}
done:
	free(file);
	return rc;
}

/* pdm's hash_path: urlsafe-base64(md5(path))[:8]. 0 or VH_ENOMEM. */
static int prefix_of(struct vh_buf *out, const char *real)
{
	unsigned char digest[VH_MD5_LEN];
	struct vh_buf b64 = VH_BUF_INIT;
	const char *base = strrchr(real, '/') + 1;
	int rc = 0;

	vh_md5(digest, real, strlen(real));
	if (vh_base64url(&b64, digest, sizeof(digest)) < 0 ||
	    vh_buf_printf(out, "%s-%.8s-", base, b64.data) < 0)
		rc = VH_ENOMEM;
	vh_buf_free(&b64);
	return rc;
}

int vh_store_pdm(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir,
		 enum vh_stores_phase phase)
{
	struct vh_buf prefix = VH_BUF_INIT;
	char *python = NULL, *env = NULL, *slash, *store = NULL, *real = NULL, *best = NULL, *file;
	struct dirent *d;
	struct stat st;
	DIR *dh;
	int rc, i;

	if (w->pdm_seen || !w->pyproject)
		return VH_STORE_NONE;
	if (phase == VH_STORES_FIRST) {
		if ((rc = saved_python(&python, w, dir)) != 0 || !python)
			return rc;
		w->pdm_seen = 1;
		/* get_venv_like_prefix: the interpreter's directory's parent,
		 * when it holds pyvenv.cfg. */
		env = python;
		for (i = 0; i < 2 && (slash = strrchr(env, '/')) && slash != env; i++)
			*slash = '\0';
		if (i < 2 || !vh_env_at(AT_FDCWD, env)) {
			free(env);
			return VH_STORE_NONE; /* no env: a system Python, or gone */
		}
		return vh_store_take(hit, env, vh_store_join(dir, vh_store_is_file(w, dir, ".pdm-python") ?
							     ".pdm-python" : ".pdm.toml"));
	}
	w->pdm_seen = 1;
	if ((rc = load_cfg(w)) != 0 || (rc = vh_store_pdm_root(&store)) != 0 || !store)
		return rc;
	/* No store, no env: nothing to hash. */
	if (stat(store, &st) < 0 || !S_ISDIR(st.st_mode) || !(real = realpath(dir, NULL)))
		goto done;
	if (!(file = vh_store_join(dir, "pyproject.toml"))) {
		rc = VH_ENOMEM;
		goto done;
	}
	rc = prefix_of(&prefix, real);
	if (rc == 0 && (dh = opendir(store))) {
		while ((d = readdir(dh))) {
			if (strncmp(d->d_name, prefix.data, prefix.len) || !d->d_name[prefix.len] ||
			    (best && strcmp(d->d_name, best) >= 0))
				continue;
			free(best);
			if (!(best = strdup(d->d_name))) {
				rc = VH_ENOMEM;
				break;
			}
		}
		closedir(dh);
	}
	if (rc == 0 && best) {
		rc = vh_store_take(hit, vh_store_join(store, best), file);
		file = NULL;
	}
	free(file);
done:
	vh_buf_free(&prefix);
	free(store);
	free(real);
	free(best);
	return rc;
}
