/* The POSIX family: bash, zsh, ksh93 and mksh. The same quoting; each says
 * export, unset and lists its own way, and each has its own hook. */
#include <string.h>

#include "core/util/err.h"
#include "core/util/pathlist.h"
#include "shells/shell.h"

extern const char vh_hook_bash[], vh_hook_zsh[], vh_hook_ksh93[], vh_hook_mksh[];
extern const char vh_prompt_bash[], vh_prompt_zsh[], vh_prompt_ksh93[], vh_prompt_mksh[];
void vh_doctor_bash(struct vh_doctor *d); /* shells/doctor_bash.c */
void vh_doctor_zsh(struct vh_doctor *d); /* shells/doctor_zsh.c */

/* Inside '...' every byte but ' is literal, newlines included; ' itself
 * becomes '\'' (close, escaped quote, reopen). */
static int quote(struct vh_buf *out, const char *s)
{
	if (vh_buf_putc(out, '\'') < 0)
		return VH_ENOMEM;
	for (; *s; s++) {
		if (*s == '\'') {
			if (vh_buf_puts(out, "'\\''") < 0)
				return VH_ENOMEM;
		} else if (vh_buf_putc(out, *s) < 0) {
			return VH_ENOMEM;
		}
	}
	return vh_buf_putc(out, '\'');
}

/* PREFIX name='value' */
static int assign(struct vh_buf *out, const char *prefix, const char *name, const char *value)
{
	if (vh_buf_printf(out, "%s%s=", prefix, name) < 0 || quote(out, value) < 0)
		return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

/* name=('a' 'b'): an array in bash and zsh alike. */
static int set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;

	if (vh_buf_printf(out, "%s=(", name) < 0)
		return VH_ENOMEM;
	for (i = 0; i < n; i++)
		if ((i && vh_buf_putc(out, ' ') < 0) || quote(out, values[i]) < 0)
			return VH_ENOMEM;
	return vh_buf_puts(out, ")\n");
}

static int set_local(struct vh_buf *out, const char *name, const char *value)
{
	return assign(out, "", name, value);
}

/* bash and zsh: `builtin`, so a user's function or alias named export or
 * unset cannot take over. */
static int set_env(struct vh_buf *out, const char *name, const char *value)
{
	return assign(out, "builtin export ", name, value);
}

static int unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "builtin unset -v %s\n", name);
}

static int set_path(struct vh_buf *out, const char *list)
{
	return set_env(out, "PATH", list);
}

/* PATH edited where it is, so that a switch costs a few bytes whatever PATH
 * holds, in one expansion of it (bash copies and rescans a long value in
 * each). now is the shell's PATH, so where its first entry equal to remove
 * (E) lies is known, and the pattern says it: ${PATH/#"E:"} when it is
 * first, ${PATH/%":E"} when last, ${PATH/":E:"/:} between (an entry holds
 * no ':', venvhook puts none on PATH, so ":E:" matches only whole entries,
 * and none before this one equals E); alone, PATH becomes empty. The
 * patterns are quoted, so literals. Substitution rather than # and %:
 * bash matches those by converting a value to wide characters in a UTF-8
 * locale, and a substitution on ASCII without. bash's nocasematch makes a
 * substitution blind to case, so it is off for that one expansion. PATH is
 * set by a plain assignment: venvhook read it from its environment, so it
 * is exported already, and in bash `export` and a double-quoted expansion
 * of a long value cost more than the edit (an assignment is neither split
 * nor globbed there); zsh's glob_assign would glob it, so there it is
 * quoted. */
/* Which family's edit_path: bash's (nocasematch off around it), zsh's
 * (the expansion quoted), ksh93's and mksh's (theirs is the plain form,
 * and their unset is \unset). */
enum family { BASH, ZSH, KSH };

static int edit_path(struct vh_buf *out, const char *now, const char *remove, const char *prepend,
		     enum family fam)
{
	struct vh_buf e = VH_BUF_INIT, set = VH_BUF_INIT;
	const char *q = fam == ZSH ? "\"" : "", *anchor = "", *with = "";
	size_t n = strlen(now), m, at = 0;
	long i;
	int rc = VH_ENOMEM, empty = !*now;

	if (remove) {
		m = strlen(remove);
		i = vh_pathlist_find(now, remove);
		if (i < 0)
			return VH_EUNSAYABLE; /* the renderer checked: cannot happen */
		for (; i > 0; i--)
			at = (size_t)(strchr(now + at, ':') - now) + 1;
		/* left: n - m - 1 bytes, none when E was alone */
		empty = m == n || n - m - 1 == 0;
		if (at == 0)
			anchor = "#";
		else if (at + m == n)
			anchor = "%";
		else
			with = "/:";
		if (vh_buf_printf(&e, "%s%s%s", at ? ":" : "", remove, at + m < n ? ":" : "") < 0 ||
		    vh_buf_puts(out, "__venvhook_e=") < 0 || quote(out, e.data) < 0 ||
		    vh_buf_putc(out, '\n') < 0)
			goto done;
	}
	/* PATH='<prepend>':<rest>, PATH=<rest>, PATH='<prepend>' or PATH='' */
	if (vh_buf_puts(&set, "PATH=") < 0 ||
	    (prepend && (quote(&set, prepend) < 0 || (!empty && vh_buf_putc(&set, ':') < 0))) ||
	    (!empty && remove &&
	     vh_buf_printf(&set, "%s${PATH/%s\"$__venvhook_e\"%s}%s", q, anchor, with, q) < 0) ||
	    (!empty && !remove && vh_buf_printf(&set, "%s$PATH%s", q, q) < 0) ||
	    (empty && !prepend && vh_buf_puts(&set, "''") < 0))
		goto done;
	if (fam == BASH && remove && !empty) {
		if (vh_buf_printf(out, "if builtin shopt -q nocasematch; then builtin shopt -u"
				  " nocasematch; %s; builtin shopt -s nocasematch; else %s; fi\n",
				  set.data, set.data) < 0)
			goto done;
	} else if (vh_buf_printf(out, "%s\n", set.data) < 0) {
		goto done;
	}
	if (remove && vh_buf_puts(out, fam == KSH ? "\\unset -v __venvhook_e\n" :
				  "builtin unset -v __venvhook_e\n") < 0)
		goto done;
	rc = 0;
done:
	vh_buf_free(&e);
	vh_buf_free(&set);
	return rc;
}

static int bash_edit_path(struct vh_buf *out, const char *now, const char *remove,
			  const char *prepend)
{
	return edit_path(out, now, remove, prepend, BASH);
}

static int zsh_edit_path(struct vh_buf *out, const char *now, const char *remove,
			 const char *prepend)
{
	return edit_path(out, now, remove, prepend, ZSH);
}

static int ksh_edit_path(struct vh_buf *out, const char *now, const char *remove,
			 const char *prepend)
{
	return edit_path(out, now, remove, prepend, KSH);
}

/* ksh93 and mksh: `builtin` is something else there; a quoted command word
 * escapes an alias, and a function cannot take the name of a special
 * builtin such as export, unset or set. */
static int ksh_set_env(struct vh_buf *out, const char *name, const char *value)
{
	return assign(out, "\\export ", name, value);
}

static int ksh_unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "\\unset -v %s\n", name);
}

static int ksh_set_path(struct vh_buf *out, const char *list)
{
	return ksh_set_env(out, "PATH", list);
}

/* ksh93 reads name=() as a compound variable, not an empty array. */
static int ksh_set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;

	if (vh_buf_printf(out, "\\set -A %s --", name) < 0)
		return VH_ENOMEM;
	for (i = 0; i < n; i++)
		if (vh_buf_putc(out, ' ') < 0 || quote(out, values[i]) < 0)
			return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

static const char *const rival_facts[] = { "hooks", "precmd", NULL };

static const struct vh_emitter bash_emit = {
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.edit_path = bash_edit_path,
	.set_local = set_local,
	.set_list = set_list,
};

/* zsh: an assignment to a read-only name or an array stops the rest of
 * the eval, and so the rest of what export said; in a try block (`always`)
 * it is one line on stderr, and TRY_BLOCK_ERROR=0 goes on after it. */
static int zsh_set_own(struct vh_buf *out, const char *name, const char *value)
{
	int rc = vh_buf_puts(out, "{ ") < 0 ? VH_ENOMEM : set_env(out, name, value);

	if (rc < 0)
		return rc;
	return vh_buf_puts(out, "} always { TRY_BLOCK_ERROR=0 }\n") < 0 ? VH_ENOMEM : 0;
}

static int zsh_unset_own(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "{ builtin unset -v %s\n} always { TRY_BLOCK_ERROR=0 }\n", name);
}

static const struct vh_emitter zsh_emit = {
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_own = zsh_set_own,
	.unset_own = zsh_unset_own,
	.set_path = set_path,
	.edit_path = zsh_edit_path,
	.set_local = set_local,
	.set_list = set_list,
};

static const struct vh_emitter ksh_emit = {
	.quote = quote,
	.set_env = ksh_set_env,
	.unset_env = ksh_unset_env,
	.set_path = ksh_set_path,
	.edit_path = ksh_edit_path,
	.set_local = set_local,
	.set_list = ksh_set_list,
};

const struct vh_shell vh_shell_bash = {
	.name = "bash",
	.guard = vh_guard_posix,
	.sh_test = "[ -n \"${BASH_VERSION-}\" ] && [ -z \"${ZSH_VERSION-}\" ]",
	/* ${var@a}, ${var@P}; bash 3.2 is macOS's /bin/bash */
	.sh_new = "(( BASH_VERSINFO[0] > 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] >= 4) ))",
	.sh_old_say = "echo \"venvhook: the bash hook needs bash 4.4 or newer, and this is bash"
		      " ${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}: install a newer bash, or use zsh\" >&2",
	.hook = vh_hook_bash,
	.prompt = vh_prompt_bash,
	.rc = { { "~/.bashrc", "eval \"$(%s init bash)\"" } },
	.end = "\n",
	.doctor = vh_doctor_bash,
	.emit = &bash_emit,
};

static const struct vh_shell_check zsh_checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "__venvhook_hook", NULL,
	      "chpwd_functions no longer holds the hook: something reset it after venvhook was loaded; put the init line last in ~/.zshrc" } } },
	{ "the hook runs before each prompt",
	  { { "hooks", "__venvhook_precmd", NULL,
	      "precmd_functions no longer holds venvhook's prompt hook: something reset it after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in ~/.zshrc" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

const struct vh_shell vh_shell_zsh = {
	.name = "zsh",
	.guard = vh_guard_posix,
	.sh_test = "[ -n \"${ZSH_VERSION-}\" ]",
	.hook = vh_hook_zsh,
	.prompt = vh_prompt_zsh,
	.rc = { { "~/.zshrc", "eval \"$(%s init zsh)\"" } },
	.end = "\n",
	.checks = zsh_checks,
	.doctor = vh_doctor_zsh,
	.rival_facts = rival_facts,
	.emit = &zsh_emit,
};

static const struct vh_shell_check ksh93_checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "PWD.set", NULL,
	      "PWD.set no longer runs the hook: something defined it again after venvhook was loaded; put the init line last in ~/.kshrc" } } },
	{ "the hook runs before each prompt",
	  { { "precmd", "PS1.get", NULL,
	      "PS1.get no longer runs the hook: something defined it again after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in ~/.kshrc" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

static const char *const ksh93_aliases[] = { "ksh", NULL };

const struct vh_shell vh_shell_ksh93 = {
	.name = "ksh93",
	.aliases = ksh93_aliases,
	.guard = vh_guard_posix,
	.sh_test = "[ -z \"${BASH_VERSION-}${ZSH_VERSION-}\" ] && case ${KSH_VERSION-} in *MIRBSD*) false ;; *93*) true ;; *) false ;; esac",
	.hook = vh_hook_ksh93,
	.prompt = vh_prompt_ksh93,
	.rc = { { "~/.kshrc", "eval \"$(%s init ksh93)\"" } },
	.end = "\n",
	.checks = ksh93_checks,
	.rival_facts = rival_facts,
	.emit = &ksh_emit,
};

static const struct vh_shell_check mksh_checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "__venvhook_cd", NULL,
	      "cd is a function that is not venvhook's, so the env switches at the next prompt, not for the rest of the cd's command line; leave cd to venvhook, or call __venvhook_check after the directory change in yours" } } },
	{ "the hook runs before each prompt",
	  { { "precmd", "${|__venvhook_precmd;}", NULL,
	      "PS1 no longer starts with venvhook's ${|__venvhook_precmd;}: something set PS1 after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line after the line that sets PS1 in ~/.mkshrc" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

const struct vh_shell vh_shell_mksh = {
	.name = "mksh",
	.guard = vh_guard_posix,
	.sh_test = "[ -z \"${BASH_VERSION-}${ZSH_VERSION-}\" ] && case ${KSH_VERSION-} in *MIRBSD*) true ;; *) false ;; esac",
	.hook = vh_hook_mksh,
	.prompt = vh_prompt_mksh,
	.rc = { { "~/.mkshrc", "eval \"$(%s init mksh)\"" } },
	.end = "\n",
	.checks = mksh_checks,
	.rival_facts = rival_facts,
	.emit = &ksh_emit,
};
