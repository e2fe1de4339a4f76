/* venvhook export SHELL: what the hook evals after a directory change. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "shells/shell.h"
#include "core/output/apply.h"
#include "core/util/compat.h"
#include "core/cmd/cmd.h"
#include "core/find/discover.h"
#include "core/find/envdir.h"
#include "core/find/envlist.h"
#include "core/util/err.h"
#include "core/util/hex.h"
#include "core/util/msg.h"
#include "core/decide/userconfig.h"
#include "core/trust/policy.h"
#include "core/trust/madeby.h"
#include "core/trust/watch.h"
#include "core/decide/userconfig.h"
#include "core/store/store.h"
#include "core/decide/region.h"
#include "core/decide/want.h"

static int export_run(const struct vh_shell *sh, const char *key);

/* The key's names part, for a shell whose completion reads the env names
 * from a list variable (its entry's names_list): WORKON_HOME's mtime and the project, so
 * that export sends a new list only when the one the shell holds is stale
 * and completing starts no process of its own. */
static int names_part(struct vh_buf *key, const struct vh_found *found)
{
	/* The directories the names come from: $WORKON_HOME and the stores'. */
	int (*const dirs[])(char **) = { vh_workon_home, vh_store_pipenv_root, vh_store_poetry_root,
					 vh_store_pyenv_root, vh_store_virtualfish_root,
					 vh_store_autoswitch_root, vh_store_pdm_root };
	struct vh_stat st;
	char *home = NULL;
	size_t i;
	int rc;

	if (vh_buf_putc(key, 'n') < 0)
		return VH_ENOMEM;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if (dirs[i](&home) < 0)
			return VH_ENOMEM;
		if (home && vh_stat(&st, AT_FDCWD, home, 1) == 0)
			rc = vh_buf_printf(key, "%lld.%09ld", (long long)st.mtime.tv_sec,
					   (long)st.mtime.tv_nsec);
		else
			rc = vh_buf_puts(key, "none");
		free(home);
		home = NULL;
		if (rc < 0 || vh_buf_putc(key, ':') < 0)
			return VH_ENOMEM;
	}
	if (found->rule == VH_RULE_CHILD && vh_hex_put(key, found->owner, strlen(found->owner)) < 0)
		return VH_ENOMEM;
	return 0;
}

/* The part of key that starts with tag, up to the next '_' (or "" ). */
static int key_part(struct vh_buf *out, const char *key, char tag)
{
	const char *p = key, *e;

	while (p && *p) {
		e = strchr(p, '_');
		if (*p == tag)
			return vh_buf_add(out, p, e ? (size_t)(e - p) : strlen(p));
		p = e ? e + 1 : NULL;
	}
	return vh_buf_puts(out, "");
}

/* The key's force part, "f" and the hex of the pin that this shell's own
 * `activate --force` set (activate puts it in the key; each export keeps it
 * while that pin stays): a pin from the environment alone, as a child shell
 * inherits it, is never forced (issue 20). 1 when key holds it for pin. */
static int key_forces(const char *key, const char *pin)
{
	struct vh_buf part = VH_BUF_INIT;
	char *held = NULL;
	size_t len;
	int yes;

	yes = key && pin && key_part(&part, key, 'f') == 0 && part.len > 1 &&
	      vh_hex_decode(&held, &len, part.data + 1, part.len - 1) == 0 && !strcmp(held, pin);
	free(held);
	vh_buf_free(&part);
	return yes;
}

int vh_export_force_part(struct vh_buf *key, const char *pin)
{
	return vh_buf_putc(key, 'f') < 0 || vh_hex_put(key, pin, strlen(pin)) < 0 ? VH_ENOMEM : 0;
}

static int put_names(struct vh_buf *out, const struct vh_shell *sh, const struct vh_found *found)
{
	struct vh_env_list l = { 0 };
	const char **v = NULL;
	size_t i;
	int rc = VH_ENOMEM;

	if (vh_env_list_collect(&l, found, NULL) < 0 || !(v = calloc(l.n + 1, sizeof(*v))))
		goto done;
	for (i = 0; i < l.n; i++)
		v[i] = l.v[i].name;
	/* VH_EUNSAYABLE, a name the shell cannot carry: no list, rather than a
	 * wrong one. */
	rc = sh->emit->set_list(out, "__venvhook_envs", v, l.n);
done:
	free(v);
	vh_env_list_free(&l);
	return rc;
}

/* The env paths the shell watches (watch.h): where an env of here and of
 * the project's root would be found (vh_env_places: the env directories,
 * .conda, pixi's default env; the root is where the env was found; else
 * the nearest directory that holds a project file, else the git work-tree
 * root the walk ended at), and where the stores would put the project's
 * env (found->expect). *n of them, each to be freed. */
static int watch_paths(char **paths, size_t *n, const char *cwd, const struct vh_found *found)
{
	const char *dirs[2], *places[VH_ENV_PLACES_MAX];
	size_t nd = 0, i, j;

	*n = 0;
	vh_env_places(places);
	dirs[nd++] = cwd;
	if (found->env && found->rule == VH_RULE_CHILD)
		dirs[nd++] = found->owner;
	else if (!found->env && (found->project || found->stop))
		dirs[nd++] = found->project ? found->project : found->stop;
	if (nd == 2 && !strcmp(dirs[0], dirs[1]))
		nd = 1;
	for (i = 0; i < nd; i++)
		for (j = 0; places[j] && *n < VH_WATCH_MAX; j++) {
			struct vh_buf b = VH_BUF_INIT;

			if (vh_buf_puts(&b, dirs[i]) < 0 ||
			    (strcmp(dirs[i], "/") && vh_buf_putc(&b, '/') < 0) ||
			    vh_buf_puts(&b, places[j]) < 0) {
				vh_buf_free(&b);
				return VH_ENOMEM;
			}
			paths[(*n)++] = vh_buf_detach(&b);
		}
	for (i = 0; i < found->nexpect && *n < VH_WATCH_MAX; i++)
		if (!(paths[(*n)++] = strdup(found->expect[i])))
			return VH_ENOMEM;
	return 0;
}

/* The project's root the shell watches besides here (watch_paths), or
 * NULL. */
static const char *watch_root(const struct vh_found *found)
{
	const char *root = NULL;

	if (found->env && found->rule == VH_RULE_CHILD)
		root = found->owner;
	else if (!found->env && (found->project || found->stop))
		root = found->project ? found->project : found->stop;
	return root;
}

/* The name of path when it lies directly in dir, or the env place
 * (vh_env_places: .pixi/envs/default) it is in dir; else NULL. */
static const char *place_in(const char *path, const char *dir)
{
	const char *places[VH_ENV_PLACES_MAX], *rest;
	size_t len = strcmp(dir, "/") ? strlen(dir) : 0, i;

	if (strncmp(path, dir, len) || path[len] != '/' || !path[len + 1])
		return NULL;
	rest = path + len + 1;
	if (!strchr(rest, '/'))
		return rest;
	vh_env_places(places);
	for (i = 0; places[i]; i++)
		if (!strcmp(rest, places[i]))
			return rest;
	return NULL;
}

/* The region's part of what the hook keeps (region.h): its top, the names,
 * the paths to be absent and those to stay as they are, the reference
 * file, the variables as they were; and for the watch's move
 * (vh_watch_move): the root, the watched paths that stay wherever the shell
 * goes in the region (wfix: the root's, the stores'), and the names
 * watched in the directory it stands in (wrel). "" for no region. */
static int region_code(struct vh_buf *out, const struct vh_shell *sh, const struct vh_region *r,
		       const char *cwd, const struct vh_found *found, const struct vh_watch *w)
{
	const char *gone[VH_DEPS_MAX], *keep[VH_DEPS_MAX], *fix[VH_WATCH_MAX];
	const char *rel[VH_ENV_PLACES_MAX + VH_WATCH_MAX];
	const char *root = watch_root(found), *name;
	size_t i, j, ng = 0, nk = 0, nfix = 0, nrel = 0;
	int rc;

	if (!r->top)
		return sh->emit->set_local(out, "__venvhook_rtop", "");
	for (i = 0; i < r->deps.n; i++) {
		if (r->deps.there[i])
			keep[nk++] = r->deps.path[i];
		else
			gone[ng++] = r->deps.path[i];
	}
	/* every env place (even where here's own env cuts the watch short:
	 * watch_paths) and what a store watches here (pyenv's
	 * .python-version) move with the shell; the rest stays, and the
	 * root's stay too when the root is here */
	nrel = vh_env_places(rel);
	for (i = 0; i < w->n; i++) {
		name = place_in(w->s[i].path, cwd);
		if (name) {
			for (j = 0; j < nrel && strcmp(rel[j], name); j++)
				;
			if (j == nrel)
				rel[nrel++] = name;
		}
		if ((!name || (root && !strcmp(root, cwd))) && !w->s[i].present)
			fix[nfix++] = w->s[i].path;
	}
	rc = sh->emit->set_local(out, "__venvhook_rtop", r->top);
	if (rc == 0)
		rc = sh->emit->set_list(out, "__venvhook_rnames", r->names, r->nnames);
	if (rc == 0)
		rc = sh->emit->set_list(out, "__venvhook_rgone", gone, ng);
	if (rc == 0)
		rc = sh->emit->set_list(out, "__venvhook_rkeep", keep, nk);
	if (rc == 0)
		rc = sh->emit->set_local(out, "__venvhook_rref", r->ref ? r->ref : "");
	if (rc == 0)
		rc = sh->emit->set_list(out, "__venvhook_renv", (const char *const *)r->env, r->nenv);
	if (rc == 0)
		rc = sh->emit->set_local(out, "__venvhook_wroot", root ? root : "");
	if (rc == 0)
		rc = sh->emit->set_list(out, "__venvhook_wfix", fix, nfix);
	if (rc == 0)
		rc = sh->emit->set_list(out, "__venvhook_wrel", rel, nrel);
	return rc;
}

/* Appends the region's code to out when it is not what the shell holds
 * (the key's part "r" and a digest of the code). A region this shell
 * cannot be told (a name it cannot carry) is no region. */
static int send_region(struct vh_buf *out, struct vh_buf *key, const struct vh_shell *sh,
		       const char *held, const struct vh_region *r, const char *cwd,
		       const struct vh_found *found, const struct vh_watch *w)
{
	struct vh_buf code = VH_BUF_INIT, old = VH_BUF_INIT, part = VH_BUF_INIT;
	const char *s;
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
	int rc = region_code(&code, sh, r, cwd, found, w);

	if (rc == VH_EUNSAYABLE) {
		vh_buf_reset(&code);
		rc = sh->emit->set_local(&code, "__venvhook_rtop", "");
		r = NULL;
	}
	if (rc < 0)
		goto done;
	for (s = vh_buf_str(&code); *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	rc = VH_ENOMEM;
	if ((r && r->top ? vh_buf_printf(&part, "r%016llx", (unsigned long long)h) :
	     vh_buf_puts(&part, "")) < 0 || key_part(&old, held, 'r') < 0)
		goto done;
	if (strcmp(vh_buf_str(&part), vh_buf_str(&old)) &&
	    vh_buf_add(out, vh_buf_str(&code), code.len) < 0)
		goto done;
	rc = part.len && ((key->len && vh_buf_putc(key, '_') < 0) ||
			  vh_buf_add(key, part.data, part.len) < 0) ? VH_ENOMEM : 0;
done:
	vh_buf_free(&code);
	vh_buf_free(&old);
	vh_buf_free(&part);
	return rc;
}

/* Hands the shell its new watch list and key (see watch.h), and a
 * names_list shell its env names, when they differ from what the key it
 * passed says. */
static int send_key(const struct vh_shell *sh, const char *held, const char *cwd,
		    const struct vh_wanted *wanted, const char *forced)
{
	const struct vh_found *found = &wanted->found;
	struct vh_region region;
	struct vh_watch w = { 0 };
	struct vh_buf key = VH_BUF_INIT, names = VH_BUF_INIT, old = VH_BUF_INIT,
		      out = VH_BUF_INIT, wout = VH_BUF_INIT;
	char *want[VH_WATCH_MAX] = { NULL };
	char **paths = NULL;
	size_t n = 0, nwant = 0, i;
	int rc = VH_ENOMEM, r;

	r = watch_paths(want, &nwant, cwd, found);
	if (r < 0 || vh_watch_update(&w, cwd, (const char *const *)want, nwant) < 0 ||
	    vh_watch_paths(&paths, &n, &w) < 0)
		goto done;
	if (vh_buf_puts(&wout, "") < 0 ||
	    sh->emit->set_list(&wout, "__venvhook_watch", (const char *const *)paths, n) < 0) {
		/* A path this shell cannot carry: watch nothing. */
		vh_watch_free(&w);
		vh_buf_reset(&wout);
		if (sh->emit->set_list(&wout, "__venvhook_watch", NULL, 0) < 0)
			goto done;
	}
	if (vh_watch_format(&key, &w) < 0 || vh_region_of(&region, wanted, cwd) < 0)
		goto done;
	r = send_region(&out, &key, sh, held, &region, cwd, found, &w);
	vh_region_free(&region);
	if (r < 0)
		goto done;
	if (sh->names_list) {
		if (names_part(&names, found) < 0 || key_part(&old, held, 'n') < 0)
			goto done;
		if (strcmp(vh_buf_str(&names), vh_buf_str(&old))) {
			r = put_names(&out, sh, found);
			if (r == VH_EUNSAYABLE)
				vh_buf_reset(&names); /* asked again next time */
			else if (r < 0)
				goto done;
		}
		if ((key.len && names.len && vh_buf_putc(&key, '_') < 0) ||
		    vh_buf_add(&key, names.data ? names.data : "", names.len) < 0)
			goto done;
	}
	if (forced && ((key.len && vh_buf_putc(&key, '_') < 0) || vh_export_force_part(&key, forced) < 0))
		goto done;
	if (!key.len && vh_buf_putc(&key, '-') < 0)
		goto done;
	rc = 0;
	if (!strcmp(vh_buf_str(&key), held) && !out.len)
		goto done;
	if (vh_buf_add(&out, vh_buf_str(&wout), wout.len) < 0 ||
	    sh->emit->set_local(&out, "__venvhook_key", key.data) < 0)
		rc = VH_ENOMEM;
	else if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout))
		rc = VH_EIO;
done:
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	for (i = 0; i < VH_WATCH_MAX; i++)
		free(want[i]);
	vh_watch_free(&w);
	vh_buf_free(&key);
	vh_buf_free(&names);
	vh_buf_free(&old);
	vh_buf_free(&out);
	vh_buf_free(&wout);
	return rc;
}

static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	static char outbuf[8192];
	const struct vh_shell *sh;

	(void)self;
	/* Nothing is on stdout yet. A buffer of our own spares stdio the fstat
	 * and the terminal test it makes to size one (two system calls of an
	 * export's few dozen); what the hook evals goes out as it did. */
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	sh = vh_cmd_shell(a->pos[0]);
	if (!sh)
		return VH_EXIT_USAGE;
	/* export SHELL [KEY]: the hook passes the key the last export gave it
	 * ("-" for none; see watch.h) and gets its watch list and key back.
	 * Without KEY (by hand) only the environment changes are printed. */
	return vh_export_run(sh, a->npos == 2 ? a->pos[1] : NULL);
}

const struct vh_cmd vh_cmd_export = {
	.name = "export",
	.operands = "SHELL",
	.summary = "print the code that moves the shell to the env of $PWD (the hook runs this)",
	.help = "Finds the env of the current directory and prints the SHELL code that\n"
		"activates it, switches to it or deactivates the one venvhook activated;\n"
		"nothing when nothing changes. The hook runs it when the directory changes.\n",
	.arg = VH_CMD_ARG_SHELL,
	.min_args = 1,
	.max_args = 2, /* the hook's KEY, not in the usage: no user passes it */
	.raw_args = 1,
	.no_config_warnings = 1,
	.run = run,
};

/* The lines captured for later (VENVHOOK_LATER) as the shell's list
 * __venvhook_later, without their newlines. */
static int send_later(const struct vh_shell *sh, struct vh_buf *lines)
{
	struct vh_buf out = VH_BUF_INIT;
	const char **v = NULL;
	char *p, *nl;
	size_t n = 0, cap = 0;
	int rc = VH_ENOMEM;

	for (p = lines->data; p && (nl = strchr(p, '\n')); p = nl + 1) {
		if (n == cap) {
			const char **grown = realloc(v, (cap = cap ? 2 * cap : 4) * sizeof(*v));

			if (!grown)
				goto done;
			v = grown;
		}
		*nl = '\0';
		v[n++] = p;
	}
	if (!n) {
		rc = 0;
		goto done;
	}
	/* A line this shell cannot carry (no newline is ever in one, but a
	 * one_line shell refuses what it cannot quote): said now instead. */
	if (sh->emit->set_list(&out, "__venvhook_later", v, n) < 0) {
		size_t i;

		for (i = 0; i < n; i++)
			fprintf(stderr, "%s\n", v[i]);
		rc = 0;
		goto done;
	}
	rc = fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) ? VH_EIO : 0;
done:
	free(v);
	vh_buf_free(&out);
	return rc;
}

int vh_export_run(const struct vh_shell *sh, const char *key)
{
	struct vh_buf later = VH_BUF_INIT, said = VH_BUF_INIT;
	const char *defer = getenv("VENVHOOK_LATER");
	int rc, say = vh_config.warnings.len && !vh_config_said();

	/* Start-up, where the hook asks (VENVHOOK_LATER): what would be said
	 * goes into a list the hook prints before the first prompt. */
	if (defer && *defer)
		vh_msg_capture(&later);
	/* The config file's warnings, once a shell: then the shell carries
	 * which file, as it is now, they were about (main does not say them
	 * for export). */
	if (say)
		vh_msg_lines(&vh_config.warnings);
	rc = export_run(sh, key);
	if (rc == 0 && say && vh_config.id[0] &&
	    (sh->emit->set_env(&said, VH_CONFIG_SAID, vh_config.id) < 0 ||
	     fwrite(said.data, 1, said.len, stdout) != said.len || fflush(stdout)))
		rc = 1;
	vh_buf_free(&said);
	vh_msg_capture(NULL);
	if (rc != 0 && later.len) /* failed: no shell code will show them */
		fwrite(later.data, 1, later.len, stderr);
	else if (later.len && send_later(sh, &later) < 0)
		rc = 1;
	vh_buf_free(&later);
	return rc;
}

/* The lines the hook hands over (madeby.h): in __venvhook_cmdlines, or, from
 * a shell that cannot build that value, "-FLAGS" there, FROM in
 * __venvhook_cmdfrom and the lines on stdin, which must then be a pipe or a
 * file (never the terminal). */
static int read_lines(struct vh_lines *l)
{
	const char *v = getenv("__venvhook_cmdlines");
	struct vh_buf in = VH_BUF_INIT;
	struct stat st;
	char chunk[4096];
	ssize_t n;
	int rc;

	if (!v || v[0] != '-')
		return vh_lines_read(l, v);
	if (fstat(0, &st) < 0 || !(S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode)))
		return vh_lines_read(l, NULL);
	while ((n = read(0, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || in.len > VH_LINES_MAX)
			break;
		if (vh_buf_add(&in, chunk, (size_t)n) < 0) {
			vh_buf_free(&in);
			return VH_ENOMEM;
		}
	}
	if (n < 0 || in.len > VH_LINES_MAX)
		rc = vh_lines_read(l, "\036");  /* unreadable: BAD */
	else
		rc = vh_lines_read_list(l, v, getenv("__venvhook_cmdfrom"), in.data ? in.data : "",
					in.len);
	vh_buf_free(&in);
	return rc;
}

/* The shell carries the id of conda's config files' lines it heard (""
 * after they said nothing: none). */
static int say_once(const struct vh_shell *sh, const char *id)
{
	struct vh_buf out = VH_BUF_INIT;
	int rc = *id ? sh->emit->set_env(&out, VH_CONDARC_SAID, id) : sh->emit->unset_env(&out, VH_CONDARC_SAID);

	if (rc == 0 && (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout)))
		rc = VH_EIO;
	vh_buf_free(&out);
	return rc < 0 && rc != VH_ENOMEM && rc != VH_EIO ? 0 : rc;
}

static int export_run(const struct vh_shell *sh, const char *key)
{
	struct vh_wanted w;
	struct vh_state now;
	struct vh_watch prev = { 0 };
	const char *moved;
	struct vh_lines lines = { 0 };
	struct vh_made_ask seen = { &prev, &lines, sh->line_dialect, vh_shell_programs };
	const char *start, *places[VH_ENV_PLACES_MAX];
	char *cwd = NULL;
	int rc = 1, r = VH_ENOMEM;

	memset(&w, 0, sizeof(w));
	vh_state_read(&now);
	/* The hook's key and the lines it hands over with it (madeby.h): only
	 * from the hook, which always sets the variable, so that one inherited
	 * from elsewhere is never read. */
	if (key && (vh_watch_parse(&prev, key) < 0 || read_lines(&lines) < 0))
		goto done;
	/* The shell went into moved by the region's shortcut (no export) and
	 * watched there since: the watch is that directory's. */
	moved = getenv("__venvhook_went");
	if (key && moved && moved[0] == '/' &&
	    vh_watch_move(&prev, moved, places, vh_env_places(places)) < 0)
		goto done;
	if (vh_cwd(&cwd) < 0) {
		vh_msgf("the current directory is gone; leaving the env as it is");
		rc = 0;
		goto done;
	}
	/* The hook says when the shell is starting (its rc file, and in VS
	 * Code's terminal its first command line, where the Python extension
	 * activates the env it chose): an env put on by then may be adopted
	 * (plan.h). */
	start = getenv("__venvhook_start");
	/* conda's config files' lines, once a shell (discover.h) */
	vh_discover_heard(getenv(VH_CONDARC_SAID));
	r = vh_want_here(&w, &now, cwd, key ? &seen : NULL, key_forces(key, now.v[VH_MARK_PIN]),
			 start && *start);
	if (r == 0 && w.need_lines) {
		/* An env appeared: the hook runs export again with the lines
		 * the shell ran, which it reads only now (it costs a process in
		 * some shells). Nothing else changes meanwhile. */
		struct vh_buf out = VH_BUF_INIT;

		r = sh->emit->set_local(&out, "__venvhook_more", "1");
		if (r == 0 && (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout)))
			r = VH_EIO;
		vh_buf_free(&out);
		rc = r ? 1 : 0;
		goto done;
	}
	vh_msg_lines(&w.say);
	if (r < 0)
		goto done;
	r = vh_apply(sh, &now, &w.want);
	if (r == VH_EUNSAYABLE && w.want.env) {
		/* The new env cannot be said in this shell: still leave the old one. */
		w.want.env = w.want.prompt = NULL;
		r = vh_apply(sh, &now, &w.want);
	}
	/* VH_EUNSAYABLE: nothing was emitted and the reason is on stderr; the
	 * shell's state is as it was, which is not a failure of the prompt. */
	if (r == VH_EUNSAYABLE)
		r = 0;
	if (r == 0 && (w.found.conda_said[0] || w.found.conda_forget))
		r = say_once(sh, w.found.conda_said);
	if (r == 0 && key)
		r = send_key(sh, key, cwd, &w, w.forced ? w.want.pin : NULL);
	rc = r ? 1 : 0;
done:
	if (rc && r == VH_ENOMEM)
		vh_msgf("out of memory");
	free(cwd);
	vh_wanted_free(&w);
	vh_watch_free(&prev);
	vh_lines_free(&lines);
	return rc;
}
