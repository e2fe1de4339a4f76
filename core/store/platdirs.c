/* The per-user directories the tools written in Python keep their stores
 * and settings in, as platformdirs (which Poetry, pdm, hatch and pipx use)
 * computes user_cache_dir, user_config_dir and user_data_dir for an app:
 *
 *   platformdirs src/platformdirs/unix.py, macos.py, _xdg.py
 *   (tox-dev/platformdirs b2f29d8e8c17ac18299c2a3e1833620281bb57d2)
 *
 *   XDG (Linux, the BSDs)  $XDG_CACHE_HOME, $XDG_CONFIG_HOME, $XDG_DATA_HOME
 *                          when not blank, else ~/.cache, ~/.config,
 *                          ~/.local/share
 *   macOS                  ~/Library/Caches; ~/Library/Application Support
 *                          for both config and data
 *
 * platformdirs 4.6 (February 2026) reads the XDG variables on macOS too;
 * the tools installed before that do not. On macOS a set variable is
 * therefore followed only when that directory exists, the platform's
 * default otherwise. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/util/compat.h"
#include "core/store/store.h"

static const struct {
	const char *var, *xdg, *mac;
} dirs[] = {
	[VH_PLATDIR_CACHE] = { "XDG_CACHE_HOME", "~/.cache", "~/Library/Caches" },
	[VH_PLATDIR_CONFIG] = { "XDG_CONFIG_HOME", "~/.config", "~/Library/Application Support" },
	[VH_PLATDIR_DATA] = { "XDG_DATA_HOME", "~/.local/share", "~/Library/Application Support" },
};

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\n\r\f\v", *s))
			return 0;
	return 1;
}

int vh_platdir(char **out, enum vh_platdir kind, const char *app)
{
	const char *v = vh_getenv(dirs[kind].var);
	char *base = NULL, *path;
	struct stat st;
	int macos = vh_platform_macos();

	*out = NULL;
	if (!blank(v)) {
		path = vh_store_join(v, app);
		if (!path)
			return VH_ENOMEM;
		if (!macos || (stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
			*out = path;
			return 0;
		}
		free(path);
	}
	if (vh_store_expanduser(&base, macos ? dirs[kind].mac : dirs[kind].xdg) < 0)
		return VH_ENOMEM;
	if (base[0] == '~') { /* no home at all */
		free(base);
		return 0;
	}
	*out = vh_store_join(base, app);
	free(base);
	return *out ? 0 : VH_ENOMEM;
}
