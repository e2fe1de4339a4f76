/* venvhook export SHELL: what the hook evals after a directory change. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include "shells/shell.h"
#include "core/output/apply.h"
#include "core/util/compat.h"
#include "core/cmd/cmd.h"
#include "core/find/discover.h"
#include "core/find/envdir.h"
#include "core/find/envlist.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/trust/policy.h"
#include "core/trust/watch.h"
#include "core/store/store.h"
#include "core/decide/region.h"
#include "core/decide/want.h"
#include "core/util/hex.h"

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
		return -1;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if (dirs[i](&home) < 0)
			return -1;
		if (home && vh_stat(&st, AT_FDCWD, home, 1) == 0)
			rc = vh_buf_printf(key, "%lld.%09ld", (long long)st.mtime.tv_sec,
					   (long)st.mtime.tv_nsec);
		else
			rc = vh_buf_puts(key, "none");
		free(home);
		home = NULL;
		if (rc < 0 || vh_buf_putc(key, ':') < 0)
			return -1;
	}
	for (i = 0; found->rule == VH_RULE_CHILD && found->owner[i]; i++)
		if (vh_buf_printf(key, "%02x", (unsigned char)found->owner[i]) < 0)
			return -1;
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
	rc = sh->set_list(out, "__venvhook_envs", v, l.n);
done:
	free(v);
	vh_env_list_free(&l);
	return rc;
}

/* The dirs whose envs the shell watches: here, and the project's root
 * (where the env was found, or the git work-tree root the walk ended at),
 * the root even when it is here: the region's shortcut (hooks) moves the
 * first to where the shell goes and keeps the second. */
static size_t watch_dirs(const char **dirs, const char *cwd, const struct vh_found *found)
{
	size_t n = 0;

	dirs[n++] = cwd;
	if (found->env && found->rule == VH_RULE_CHILD)
		dirs[n++] = found->owner;
	else if (!found->env && found->stop)
		dirs[n++] = found->stop;
	return n;
}

/* The region's part of what the hook keeps (region.h): its top, the names,
 * the paths to be absent and those to stay as they are, the reference
 * file; and for the watch's move (vh_watch_move), its root, the paths
 * watched there and the env paths of a directory (relative to it). "" for
 * no region. */
static int region_code(struct vh_buf *out, const struct vh_shell *sh, const struct vh_region *r,
		       const struct vh_watch *w)
{
	const char *gone[VH_DEPS_MAX], *keep[VH_DEPS_MAX], *rel[VH_CONFIG_MAX_ENV_DIRS];
	struct vh_buf rels = VH_BUF_INIT;
	char **fix = NULL;
	size_t i, ng = 0, nk = 0, nfix = 0;
	int rc = VH_ENOMEM;

	if (!r->top) {
		rc = sh->set_local(out, "__venvhook_rtop", "");
		goto done;
	}
	for (i = 0; i < r->deps.n; i++) {
		if (r->deps.there[i])
			keep[nk++] = r->deps.path[i];
		else
			gone[ng++] = r->deps.path[i];
	}
	for (i = 0; vh_config.env_dirs[i]; i++)
		if (vh_buf_puts(&rels, vh_config.env_dirs[i]) < 0 ||
		    vh_buf_add(&rels, "/pyvenv.cfg", sizeof("/pyvenv.cfg")) < 0)
			goto done;
	for (i = 0; vh_config.env_dirs[i]; i++)
		rel[i] = i ? rel[i - 1] + strlen(rel[i - 1]) + 1 : rels.data;
	if (vh_watch_root_paths(&fix, &nfix, w) < 0)
		goto done;
	rc = sh->set_local(out, "__venvhook_rtop", r->top);
	if (rc == 0)
		rc = sh->set_list(out, "__venvhook_rnames", r->names, r->nnames);
	if (rc == 0)
		rc = sh->set_list(out, "__venvhook_rgone", gone, ng);
	if (rc == 0)
		rc = sh->set_list(out, "__venvhook_rkeep", keep, nk);
	if (rc == 0)
		rc = sh->set_local(out, "__venvhook_rref", r->ref ? r->ref : "");
	if (rc == 0)
		rc = sh->set_local(out, "__venvhook_wroot", w->n > 1 ? w->d[1].dir : "");
	if (rc == 0)
		rc = sh->set_list(out, "__venvhook_wfix", (const char *const *)fix, nfix);
	if (rc == 0)
		rc = sh->set_list(out, "__venvhook_wrel", rel, i);
done:
	for (i = 0; i < nfix; i++)
		free(fix[i]);
	free(fix);
	vh_buf_free(&rels);
	return rc;
}

/* Appends the region's code to out when it is not what the shell holds
 * (the key's part "r" and a digest of the code). A region this shell
 * cannot be told (a name it cannot carry) is no region. */
static int send_region(struct vh_buf *out, struct vh_buf *key, const struct vh_shell *sh,
		       const char *held, const struct vh_region *r, const struct vh_watch *w)
{
	struct vh_buf code = VH_BUF_INIT, old = VH_BUF_INIT, part = VH_BUF_INIT;
	const char *s;
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
	int rc = region_code(&code, sh, r, w);

	if (rc == VH_EUNSAYABLE) {
		vh_buf_reset(&code);
		rc = sh->set_local(&code, "__venvhook_rtop", "");
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
static int send_key(const struct vh_shell *sh, const char *held, const struct vh_watch *prev,
		    const char *cwd, const struct vh_wanted *want)
{
	const struct vh_found *found = &want->found;
	struct vh_region region;
	struct vh_watch w = { 0 };
	struct vh_buf key = VH_BUF_INIT, names = VH_BUF_INIT, old = VH_BUF_INIT,
		      out = VH_BUF_INIT, wout = VH_BUF_INIT;
	const char *dirs[VH_WATCH_MAX_DIRS];
	char **paths = NULL;
	size_t n = 0, i;
	int rc = -1, r;

	if (vh_watch_update(&w, prev, dirs, watch_dirs(dirs, cwd, found)) < 0 ||
	    vh_watch_paths(&paths, &n, &w) < 0)
		goto done;
	if (vh_buf_puts(&wout, "") < 0 ||
	    sh->set_list(&wout, "__venvhook_watch", (const char *const *)paths, n) < 0) {
		/* A path this shell cannot carry: watch nothing. */
		vh_watch_free(&w);
		vh_buf_reset(&wout);
		if (sh->set_list(&wout, "__venvhook_watch", NULL, 0) < 0)
			goto done;
	}
	if (vh_watch_format(&key, &w) < 0 || vh_region_of(&region, want, cwd) < 0)
		goto done;
	r = send_region(&out, &key, sh, held, &region, &w);
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
	if (!key.len && vh_buf_putc(&key, '-') < 0)
		goto done;
	rc = 0;
	if (!strcmp(vh_buf_str(&key), held) && !out.len)
		goto done;
	if (vh_buf_add(&out, vh_buf_str(&wout), wout.len) < 0 ||
	    sh->set_local(&out, "__venvhook_key", key.data) < 0)
		rc = -1;
	else if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout))
		rc = -1;
done:
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	vh_watch_free(&w);
	vh_buf_free(&key);
	vh_buf_free(&names);
	vh_buf_free(&old);
	vh_buf_free(&out);
	vh_buf_free(&wout);
	return rc;
}

static int run(const struct vh_cmd *self, int argc, char **argv)
{
	static char outbuf[8192];
	const struct vh_shell *sh;

	(void)self;
	/* Nothing is on stdout yet. A buffer of our own spares stdio the fstat
	 * and the terminal test it makes to size one (two system calls of an
	 * export's few dozen); what the hook evals goes out as it did. */
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	sh = vh_cmd_shell(argv[1]);
	if (!sh)
		return VH_EXIT_USAGE;
	/* export SHELL [KEY]: the hook passes the key the last export gave it
	 * ("-" for none; see watch.h) and gets its watch list and key back.
	 * Without KEY (by hand) only the environment changes are printed. */
	return vh_export_run(sh, argc == 3 ? argv[2] : NULL);
}

const struct vh_cmd vh_cmd_export = {
	.name = "export",
	.usage = "export SHELL",
	.summary = "print the code that moves the shell to the env of $PWD (the hook runs this)",
	.help = "Finds the env of the current directory and prints the SHELL code that\n"
		"activates it, switches to it or deactivates the one venvhook activated;\n"
		"nothing when nothing changes. The hook runs it when the directory changes.\n",
	.arg = VH_CMD_ARG_SHELL,
	.min_args = 1,
	.max_args = 2, /* the hook's KEY, not in the usage: no user passes it */
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
	int rc = -1;

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
	if (sh->set_list(&out, "__venvhook_later", v, n) < 0) {
		size_t i;

		for (i = 0; i < n; i++)
			fprintf(stderr, "%s\n", v[i]);
		rc = 0;
		goto done;
	}
	rc = fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) ? -1 : 0;
done:
	free(v);
	vh_buf_free(&out);
	return rc;
}

int vh_export_run(const struct vh_shell *sh, const char *key)
{
	struct vh_buf later = VH_BUF_INIT;
	const char *defer = getenv("VENVHOOK_LATER");
	int rc;

	/* Start-up, where the hook asks (VENVHOOK_LATER): what would be said
	 * goes into a list the hook prints before the first prompt. */
	if (defer && *defer)
		vh_msg_capture(&later);
	rc = export_run(sh, key);
	vh_msg_capture(NULL);
	if (rc != 0 && later.len) /* failed: no shell code will show them */
		fwrite(later.data, 1, later.len, stderr);
	else if (later.len && send_later(sh, &later) < 0)
		rc = 1;
	vh_buf_free(&later);
	return rc;
}

static int export_run(const struct vh_shell *sh, const char *key)
{
	struct vh_wanted w;
	struct vh_state now;
	struct vh_watch prev = { 0 };
	const char *moved;
	const char *start;
	char *cwd = NULL;
	int rc = 1, r = VH_ENOMEM;

	memset(&w, 0, sizeof(w));
	vh_state_read(&now);
	if (key && vh_watch_parse(&prev, key) < 0)
		goto done;
	/* The shell went into moved by the region's shortcut (no export) and
	 * watched there since: the watch is that directory's. */
	moved = getenv("__venvhook_went");
	if (key && moved && moved[0] == '/' && vh_watch_move(&prev, moved) < 0)
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
	r = vh_want_here(&w, &now, cwd, key ? &prev : NULL, start && *start);
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
	if (r == 0 && key)
		r = send_key(sh, key, &prev, cwd, &w);
	rc = r ? 1 : 0;
done:
	if (rc && r == VH_ENOMEM)
		vh_msgf("out of memory");
	free(cwd);
	vh_wanted_free(&w);
	vh_watch_free(&prev);
	return rc;
}
