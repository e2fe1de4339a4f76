/* pipenv: the env of the project whose Pipfile is nearest, as
 * Project.virtualenv_name and get_location_for_virtualenv place it:
 *
 *   $WORKON_HOME (default $XDG_DATA_HOME/virtualenvs, ~/.local/share/...),
 *   with $VARS and ~ expanded, / {name}-{hash}[-{PIPENV_PYTHON}]
 *   name  the Pipfile's directory's name (of its real path), each of
 *         ` &$!*@"()[]\` and CR, LF, TAB made '_', cut to 42 characters;
 *   hash  urlsafe-base64(sha256(the Pipfile's real path)[:6]) (8 characters);
 *   PIPENV_CUSTOM_VENV_NAME replaces the whole name.
 *
 * A .venv in the project (directory or pointer file) is pipenv's env when
 * it exists, and PIPENV_VENV_IN_PROJECT makes .venv the only place; both
 * leave nothing for this rule. The Pipfile must be TOML: pipenv refuses
 * anything else. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/util/sha256.h"
#include "core/util/msg.h"
#include "core/store/store.h"
#include "core/util/toml.h"

/* pipenv's env_to_bool: 1 true, 0 false, -1 neither (the raw string). */
static int boolish(const char *v)
{
	static const char *const f[] = { "0", "false", "no", "off" }, *const t[] = { "1", "true", "yes", "on" };
	size_t i;

	for (i = 0; i < 4; i++) {
		if (!strcasecmp(v, f[i]))
			return 0;
		if (!strcasecmp(v, t[i]))
			return 1;
	}
	return -1;
}

/* PIPENV_VENV_IN_PROJECT (or PIPENV_NO_VENV_IN_PROJECT) says .venv, true
 * or any other non-empty string, as get_from_env reads it. */
static int in_project(void)
{
	const char *v = getenv("PIPENV_VENV_IN_PROJECT");
	int b;

	if (v) {
		b = boolish(v);
		return b < 0 ? *v != '\0' : b;
	}
	v = getenv("PIPENV_NO_VENV_IN_PROJECT");
	if (v) {
		b = boolish(v);
		return b < 0 ? *v != '\0' : !b;
	}
	return 0;
}

int vh_store_pipenv_root(char **out)
{
	const char *home = getenv("WORKON_HOME"), *data;
	char *joined = NULL, *vars = NULL;
	int rc;

	*out = NULL;
	if (home && *home) {
		joined = strdup(home);
	} else {
		data = getenv("XDG_DATA_HOME");
		if (data && !*data)
			return 0; /* a relative "virtualenvs": wherever pipenv runs */
		joined = vh_store_join(data ? data : "~/.local/share", "virtualenvs");
	}
	if (!joined)
		return -1;
	rc = vh_store_expandvars(&vars, joined);
	free(joined);
	if (rc < 0)
		return -1;
	rc = vh_store_expanduser(out, vars);
	free(vars);
	if (rc == 0 && (*out)[0] != '/') {
		free(*out);
		*out = NULL;
	}
	return rc;
}

int vh_pipenv_env_name(struct vh_buf *out, struct vh_buf *why, const char *real)
{
	unsigned char digest[VH_SHA256_LEN];
	struct vh_buf b64 = VH_BUF_INIT;
	const unsigned char *s, *dir_end, *name;
	size_t n = 0, len;
	int rc = -1;

	/* location.encode(): a path that is not UTF-8 makes pipenv fail, so
	 * it can have made no env for it. */
	for (s = (const unsigned char *)real; *s; s += len)
		if (!(len = vh_utf8_valid(s)))
			return 2;
	dir_end = (const unsigned char *)strrchr(real, '/');
	if (!dir_end)
		return 2;
	for (name = dir_end; name > (const unsigned char *)real && name[-1] != '/'; name--)
		;
	for (s = name; s < dir_end && n < 42; s += len, n++) {
		len = vh_utf8_valid(s);
		if (len == 1 && strchr(" &$`!*@\"()[]\\\r\n\t", *s)) {
			if (vh_buf_putc(out, '_') < 0)
				goto done;
		} else if (vh_buf_add(out, (const char *)s, len) < 0) {
			goto done;
		}
	}
	if (vh_sha256(digest, real, strlen(real), why) < 0) {
		rc = 1;
		goto done;
	}
	if (vh_base64url(&b64, digest, 6) < 0 || vh_buf_putc(out, '-') < 0 ||
	    vh_buf_add(out, b64.data, 8) < 0)
		goto done;
	rc = 0;
done:
	vh_buf_free(&b64);
	return rc;
}

int vh_store_pipenv(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir)
{
	struct vh_buf why = VH_BUF_INIT, name = VH_BUF_INIT;
	const char *custom, *py;
	char *file = NULL, *real = NULL, *home = NULL;
	struct vh_toml doc = { 0 };
	struct stat st;
	int rc = 0;

	if (w->pipenv_seen || !vh_store_is_file(w, dir, "Pipfile"))
		return 0;
	w->pipenv_seen = 1;
	custom = getenv("PIPENV_CUSTOM_VENV_NAME");
	py = getenv("PIPENV_PYTHON");
	file = vh_store_join(dir, "Pipfile");
	if (!file)
		return -1;
	rc = vh_toml_read(&doc, &why, file, VH_STORE_MAX_FILE);
	if (rc == 1) {
		vh_buf_puts(&why, "; not activating an env for it");
		rc = vh_store_refuse(w, file, vh_buf_str(&why));
	}
	if (rc || vh_store_exists(w, dir, ".venv") || in_project())
		goto done;
	if (vh_store_pipenv_root(&home) < 0) {
		rc = -1;
		goto done;
	}
	/* No store, no env: nothing to hash. */
	if (!home || stat(home, &st) < 0 || !S_ISDIR(st.st_mode))
		goto done;
	if (custom && *custom && boolish(custom) < 0) {
		if (vh_buf_puts(&name, custom) < 0)
			rc = -1;
	} else if (custom && boolish(custom) == 1) {
		goto done; /* pipenv cannot use a name that reads as true */
	} else {
		real = realpath(file, NULL);
		if (!real)
			goto done;
		vh_buf_reset(&why);
		vh_buf_puts(&why, ": ");
		rc = vh_pipenv_env_name(&name, &why, real);
		if (rc == 2) {
			rc = 0;
			goto done;
		}
		if (rc > 0) {
			vh_buf_puts(&why, "; so its pipenv env is not looked for");
			rc = vh_store_refuse(w, file, vh_buf_str(&why));
		}
		if (rc)
			goto done;
		if (py && *py && boolish(py) < 0) {
			const char *base = py[0] == '/' ? strrchr(py, '/') + 1 : py;

			if (vh_buf_putc(&name, '-') < 0 || vh_buf_puts(&name, base) < 0)
				rc = -1;
		} else if (py && boolish(py) == 1) {
			goto done;
		}
	}
	if (rc)
		goto done;
	rc = vh_store_take_named(hit, home, vh_buf_str(&name), file);
	file = NULL;
done:
	vh_toml_free(&doc);
	vh_buf_free(&why);
	vh_buf_free(&name);
	free(file);
	free(real);
	free(home);
	return rc;
}
