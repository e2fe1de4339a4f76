/* venvhook export SHELL: what the hook evals after a directory change. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include "../shells/shell.h"
#include "apply.h"
#include "compat.h"
#include "cmd.h"
#include "discover.h"
#include "envdir.h"
#include "envlist.h"
#include "hex.h"
#include "msg.h"
#include "policy.h"
#include "watch.h"
#include "store.h"

static int usable(const char *env)
{
	if (strchr(env, ':')) {
		vh_msg_path("not activating ", env, ": PATH cannot hold a ':' in a directory name");
		return 0;
	}
	return 1;
}

static int export_run(const struct vh_shell *sh, const char *key);

/* Prints what the policy returned as warnings, a line each. */
static void print_lines(const struct vh_buf *b)
{
	const char *p = b->data, *nl;

	while (p && *p && (nl = strchr(p, '\n'))) {
		vh_msgf("%.*s", (int)(nl - p), p);
		p = nl + 1;
	}
}

/* *ok = 1 when the trust policy lets env be activated (mode AUTO or PIN);
 * else says why. An env made here is remembered, and *note says so for
 * the activation line. Returns 0 or -1 out of memory. */
static int trusted(int *ok, const char **note, const char *env, enum vh_policy_mode mode,
		   const struct vh_watch *watch, const struct vh_state *now, int project_chose)
{
	struct vh_policy_ask ask = { .mode = mode, .watch = watch, .path = now->v[VH_PATH],
				     .project_chose = project_chose };
	struct vh_policy p;
	const char *why;
	char *file = NULL;

	if (vh_policy_check(&p, env, &ask) < 0) {
		vh_policy_free(&p);
		return -1;
	}
	print_lines(&p.warnings);
	*ok = p.ok;
	if (!p.ok) {
		struct vh_buf tail = VH_BUF_INIT;

		vh_buf_puts(&tail, ": ");
		vh_buf_puts(&tail, vh_buf_str(&p.why));
		if (mode == VH_POLICY_PIN)
			vh_buf_puts(&tail, "; back to automatic activation ('venvhook activate'"
				    " chooses it again)");
		vh_msg_path(mode == VH_POLICY_PIN ? "leaving the env you activated, " :
			    "not activating ", env, vh_buf_str(&tail));
		vh_buf_free(&tail);
	} else if (p.basis == VH_BASIS_MADE) {
		*note = "made here: yours from now on";
		if (vh_policy_consent(&p, VH_CONSENT_MADE, &why, &file) < 0) {
			vh_cmd_record_failed(why, file, "the env you made is on now, but will need"
					     " 'venvhook allow' next time");
			*note = NULL;
		}
	}
	free(file);
	vh_policy_free(&p);
	return 0;
}

/* The env wanted here: the one `venvhook activate` pinned while it exists
 * and is still the env the user chose, else what discovery finds unless
 * `venvhook deactivate` paused it, if the trust policy lets it in. Every
 * env is judged on every export, whatever the environment says is active:
 * a marker inherited from elsewhere proves nothing. *found holds
 * discovery's answer; want points into it and into now. Returns 0 or -1
 * (out of memory). */
static int wanted(struct vh_want *want, struct vh_found *found, const struct vh_state *now,
		  const char *cwd, const struct vh_watch *watch)
{
	const char *pin = now->v[VH_MARK_PIN], *pause = now->v[VH_MARK_PAUSE];
	int ok = 0;

	memset(want, 0, sizeof(*want));
	want->pin = pin;
	want->pause = pause;
	if (vh_discover(found, cwd) < 0)
		return -1;
	if (pin) {
		if (!vh_env_at(AT_FDCWD, pin) || !usable(pin))
			vh_msg_path("the env you activated, ", pin, ", is gone; back to automatic activation");
		else if (trusted(&ok, &want->note, pin, VH_POLICY_PIN, NULL, now, 0) < 0)
			return -1;
		if (ok) {
			want->env = pin;
			return 0;
		}
		want->pin = NULL;
	}
	/* Leaving the paused project, for another or for none, ends the pause. */
	if (pause && (!found->env || strcmp(found->env, pause) != 0))
		want->pause = NULL;
	if (!found->env || want->pause || !usable(found->env))
		return 0;
	if (trusted(&ok, &want->note, found->env, VH_POLICY_AUTO, watch, now,
		    found->project_setting) < 0)
		return -1;
	if (ok)
		want->env = found->env;
	return 0;
}

/* The key's names part, for a shell whose completion reads the env names
 * from a list variable (tcsh): WORKON_HOME's mtime and the project, so
 * that export sends a new list only when the one the shell holds is stale
 * and completing starts no process of its own. */
static int names_part(struct vh_buf *key, const struct vh_found *found)
{
	/* The directories the names come from: $WORKON_HOME and the stores'. */
	int (*const dirs[])(char **) = { vh_workon_home, vh_store_pipenv_root, vh_store_poetry_root,
					 vh_store_pyenv_root };
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
	/* Hex: the key travels unquoted through csh's "`...`". */
	if (found->rule == VH_RULE_CHILD && vh_hex_put(key, found->owner, strlen(found->owner)) < 0)
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
	int rc = -1;

	if (vh_env_list_collect(&l, found, NULL) < 0 || !(v = calloc(l.n + 1, sizeof(*v))))
		goto done;
	for (i = 0; i < l.n; i++)
		v[i] = l.v[i].name;
	/* A name the shell cannot carry: no list, rather than a wrong one. */
	rc = sh->set_list(out, "__venvhook_envs", v, l.n) < 0 ? 1 : 0;
done:
	free(v);
	vh_env_list_free(&l);
	return rc;
}

/* The dirs whose envs the shell watches: here, and the project's root
 * (where the env was found, or the git work-tree root the walk ended at). */
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

/* Hands the shell its new watch list and key (see watch.h), and tcsh its
 * env names, when they differ from what the key it passed says. */
static int send_key(const struct vh_shell *sh, const char *held, const struct vh_watch *prev,
		    const char *cwd, const struct vh_found *found)
{
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
	if (vh_watch_format(&key, &w) < 0)
		goto done;
	if (sh->names_list) {
		if (names_part(&names, found) < 0 || key_part(&old, held, 'n') < 0)
			goto done;
		if (strcmp(vh_buf_str(&names), vh_buf_str(&old))) {
			r = put_names(&out, sh, found);
			if (r < 0)
				goto done;
			if (r > 0)
				vh_buf_reset(&names); /* asked again next time */
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

int vh_cmd_export(int argc, char **argv)
{
	static char outbuf[8192];
	const struct vh_shell *sh = NULL;

	/* Nothing is on stdout yet. A buffer of our own spares stdio the fstat
	 * and the terminal test it makes to size one (two system calls of an
	 * export's few dozen); what the hook evals goes out as it did. */
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));

	/* export SHELL [KEY]: the hook passes the key the last export gave it
	 * ("-" for none; see watch.h) and gets its watch list and key back.
	 * Without KEY (by hand) only the environment changes are printed. */
	if (argc == 3 && (sh = vh_shell_lookup(argv[1])))
		return vh_export_run(sh, argv[2]);
	sh = vh_cmd_shell_arg(argc, argv);
	if (!sh)
		return VH_EXIT_USAGE;
	return vh_export_run(sh, NULL);
}

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
	/* A line this shell cannot carry (no newline is ever in one, but the
	 * csh family refuses what it cannot quote): said now instead. */
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

	/* Start-up in zsh: what would be said goes into a list the hook
	 * prints before the first prompt. */
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
	struct vh_found found = { 0 };
	struct vh_state now;
	struct vh_want want;
	struct vh_watch prev = { 0 };
	char *cwd = NULL, *prompt = NULL;
	int rc = 1, r;

	vh_state_read(&now);
	if (key && vh_watch_parse(&prev, key) < 0)
		goto done;
	if (vh_cwd(&cwd) < 0) {
		vh_msgf("the current directory is gone; leaving the env as it is");
		rc = 0;
		goto done;
	}
	if (wanted(&want, &found, &now, cwd, key ? &prev : NULL) < 0)
		goto done;
	if (want.env) {
		prompt = vh_env_prompt(want.env, &now);
		if (!prompt)
			goto done;
		want.prompt = prompt;
	}
	r = vh_apply(sh, &now, &want);
	if (r == -2 && want.env) {
		/* The new env cannot be said in this shell: still leave the old one. */
		want.env = want.prompt = NULL;
		r = vh_apply(sh, &now, &want);
	}
	/* -2: nothing was emitted and the reason is on stderr; the shell's
	 * state is as it was, which is not a failure of the prompt. */
	rc = r == -1 ? 1 : 0;
	if (rc == 0 && key && send_key(sh, key, &prev, cwd, &found) < 0)
		rc = 1;
done:
	if (rc)
		vh_msgf("out of memory");
	free(prompt);
	free(cwd);
	vh_found_free(&found);
	vh_watch_free(&prev);
	return rc;
}
