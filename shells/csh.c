/* tcsh and csh. Their hook output is run through `eval "`...`"`, which joins
 * the lines into one: every statement ends in ';', and a value holding a
 * newline cannot travel at all, so it is refused. */
#include <string.h>

#include "core/cmd/cmd.h"
#include "core/util/err.h"
#include "shells/shell.h"

extern const char vh_hook_tcsh[], vh_hook_csh[], vh_prompt_tcsh[];

/* In '...' every byte is literal except '!', which history substitution
 * would take even there: it goes outside as \!. A ' goes outside as "'". */
static int quote(struct vh_buf *out, const char *s)
{
	if (vh_buf_putc(out, '\'') < 0)
		return VH_ENOMEM;
	for (; *s; s++) {
		if (*s == '\n')
			return VH_EUNSAYABLE;
		if (*s == '\'') {
			if (vh_buf_puts(out, "'\"'\"'") < 0)
				return VH_ENOMEM;
		} else if (*s == '!') {
			if (vh_buf_puts(out, "'\\!'") < 0)
				return VH_ENOMEM;
		} else if (vh_buf_putc(out, *s) < 0) {
			return VH_ENOMEM;
		}
	}
	return vh_buf_putc(out, '\'');
}

static int set_env(struct vh_buf *out, const char *name, const char *value)
{
	int rc = vh_buf_printf(out, "setenv %s ", name);

	if (rc < 0 || (rc = quote(out, value)) < 0)
		return rc;
	return vh_buf_puts(out, " ;\n");
}

static int unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "unsetenv %s ;\n", name);
}

/* setenv PATH also resets tcsh's and csh's $path list. */
static int set_path(struct vh_buf *out, const char *list)
{
	return set_env(out, "PATH", list);
}

/* tcsh and csh have no string operation that could take one entry out of
 * a value exactly (tcsh's :s modifier reads & and its delimiter in the
 * replacement, BSD csh applies it to history only): removing, and so
 * leaving or switching, sends the whole new PATH. Putting one in front is
 * a concatenation with "$PATH", whose value is not read again; a PATH
 * empty now, or holding a newline (which these shells cannot carry), goes
 * the whole way too. */
static int edit_path(struct vh_buf *out, const char *now, const char *remove, const char *prepend)
{
	int rc;

	if (remove || !prepend || !*now || strchr(now, '\n'))
		return VH_EUNSAYABLE;
	if ((rc = vh_buf_puts(out, "setenv PATH ")) < 0 || (rc = quote(out, prepend)) < 0)
		return rc;
	return vh_buf_puts(out, ":\"$PATH\" ;\n");
}

static int set_local(struct vh_buf *out, const char *name, const char *value)
{
	int rc = vh_buf_printf(out, "set %s = ", name);

	if (rc < 0 || (rc = quote(out, value)) < 0)
		return rc;
	return vh_buf_puts(out, " ;\n");
}

static int set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;
	int rc;

	if (vh_buf_printf(out, "set %s = (", name) < 0)
		return VH_ENOMEM;
	for (i = 0; i < n; i++)
		if ((rc = vh_buf_putc(out, ' ')) < 0 || (rc = quote(out, values[i])) < 0)
			return rc;
	return vh_buf_puts(out, " ) ;\n");
}

/* tcsh's completion, from the command table: the commands, each one's
 * options and the shells. A backquote list in `complete` is split at
 * blanks and globbed, so an env name holding a space would come out in
 * pieces; a shell variable's list keeps each name whole: the hook keeps
 * $__venvhook_envs, which `venvhook export` sends anew with the directory
 * change that made it stale (another project, or a change in
 * $WORKON_HOME), so completing starts no process. Paths (a word with a
 * '/') complete as directories. An env name's command gets no option: a
 * variable's list takes no more words. A program's (exec, which) gets
 * commands, and a directory after a flag that takes one (-C), commands
 * after that directory: tcsh's patterns see only the word or two before.
 * export is the hook's own. */
/* The rules for a flag of exec or which unless they are there already
 * (both have -C): after one that takes a directory (dir), a directory,
 * then a command; else a command. */
static int add_once(struct vh_buf *out, const char *flag, int dir)
{
	struct vh_buf rule = VH_BUF_INIT;
	int rc;

	rc = dir ? vh_buf_printf(&rule, " 'n/%s/d/' 'N/%s/c/'", flag, flag) :
	     vh_buf_printf(&rule, " 'n/%s/c/'", flag);
	if (rc == 0 && !strstr(vh_buf_str(out), vh_buf_str(&rule)))
		rc = vh_buf_puts(out, vh_buf_str(&rule));
	vh_buf_free(&rule);
	return rc;
}

static int tcsh_completion(struct vh_buf *out, const struct vh_shell *sh,
			   const struct vh_cmd *const *cmds)
{
	const struct vh_cmd *const *c;
	const struct vh_cmd_option *o;
	const char *shells = vh_shell_names(), *s;
	int pass, rc = 0;

	(void)sh;
	rc |= vh_buf_puts(out, "complete venvhook 'p/1/(");
	for (c = cmds; *c; c++)
		if (!(*c)->hidden && (*c)->brief)
			rc |= vh_buf_printf(out, "%s ", (*c)->name);
	rc |= vh_buf_puts(out, "--help --version)/'");
	/* the words after each command, then (pass 1) the env names */
	for (pass = 0; pass < 2; pass++) {
		if (pass)
			rc |= vh_buf_puts(out, " 'C@*/@d@@'");
		for (c = cmds; *c; c++) {
			if ((*c)->hidden || !(*c)->brief)
				continue;
			if (pass && (*c)->arg == VH_CMD_ARG_ENV) {
				rc |= vh_buf_printf(out, " 'n/%s/$__venvhook_envs/'", (*c)->name);
				continue;
			}
			if (pass && (*c)->arg == VH_CMD_ARG_PATHS) {
				rc |= vh_buf_printf(out, " 'n/%s/d/'", (*c)->name);
				continue;
			}
			if (!pass && (*c)->arg == VH_CMD_ARG_COMMAND) {
				rc |= vh_buf_printf(out, " 'n/%s/c/'", (*c)->name);
				for (o = (*c)->options; o && o->flag; o++)
					rc |= add_once(out, o->flag, o->value != NULL);
				if ((*c)->max_args < 0)
					rc |= add_once(out, "--", 0);
				continue;
			}
			if (pass || (*c)->arg == VH_CMD_ARG_ENV || (*c)->arg == VH_CMD_ARG_COMMAND ||
			    (*c)->arg == VH_CMD_ARG_PATHS ||
			    ((*c)->arg == VH_CMD_ARG_NONE && !((*c)->options && (*c)->options->flag)))
				continue;
			rc |= vh_buf_printf(out, " 'n/%s/(", (*c)->name);
			/* "bash, zsh, ..." as words */
			for (s = shells; (*c)->arg == VH_CMD_ARG_SHELL && *s; s++)
				if (*s != ',')
					rc |= vh_buf_putc(out, *s);
			for (o = (*c)->options; o && o->flag; o++)
				rc |= vh_buf_printf(out, "%s%s", o == (*c)->options && (*c)->arg == VH_CMD_ARG_NONE ?
					      "" : " ", o->flag);
			rc |= vh_buf_puts(out, ")/'");
		}
	}
	rc |= vh_buf_puts(out, " 'n/*/n/' ;\n");
	return rc ? VH_ENOMEM : 0;
}

/* The hook runs "`$__venvhook_exe:q ...`", and inside "`...`" csh splits
 * the path at a blank whatever the :q. The rc line's eval, at the top
 * level, also takes a '!' for history substitution however it is quoted
 * in what init prints. */
static const char *bad_exe(const char *path)
{
	if (strpbrk(path, " \t"))
		return ": csh and tcsh would split that path at its blank; install venvhook in a"
		       " directory without one";
	if (strchr(path, '!'))
		return ": csh and tcsh would take its '!' for history substitution; install"
		       " venvhook in a directory without one";
	return NULL;
}

static const struct vh_shell_check tcsh_checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "__venvhook_hook", NULL,
	      "the cwdcmd alias no longer runs the hook: something replaced it after venvhook was loaded; put the init line last in ~/.tcshrc" } } },
	{ "the hook runs before each prompt",
	  { { "precmd", "__venvhook_hook", NULL,
	      "the precmd alias no longer runs the hook: something set it after venvhook was loaded, so an env made at the prompt, a deactivate outside venvhook and the --prompt segment wait for the next cd; put the init line after the line that sets precmd in ~/.tcshrc" },
	    { "precmd", "__venvhook_prompt", "segment",
	      "the precmd alias no longer shows the env's name (init --prompt): something set it after venvhook was loaded; put the init line after the line that sets precmd in ~/.tcshrc" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

/* BSD csh has nothing that runs before each prompt. */
static const struct vh_shell_check csh_checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "__venvhook_hook", NULL,
	      "the cd alias no longer runs the hook: something replaced it after venvhook was loaded; put the init line last in ~/.cshrc" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

static const char *const rival_facts[] = { "hooks", "precmd", NULL };

static const char *unsayable(const char *value)
{
	return strchr(value, '\n') ? "this shell cannot hold a newline in a variable safely" : NULL;
}

static const struct vh_emitter csh_emit = {
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.edit_path = edit_path,
	.set_local = set_local,
	.set_list = set_list,
};

const struct vh_shell vh_shell_tcsh = {
	.name = "tcsh",
	.line_dialect = VH_DIALECT_CSH,
	.guard = vh_guard_csh,
	.csh_test = "$?tcsh",
	.hook = vh_hook_tcsh,
	.completion = tcsh_completion,
	.prompt = vh_prompt_tcsh,
	.rc = { { "~/.tcshrc", "eval \"`%s init tcsh`\"" } },
	.end = " ;\n",
	.bad_exe = bad_exe,
	.checks = tcsh_checks,
	.rival_facts = rival_facts,
	.names_list = 1,
	.one_line = 1,
	.unsayable = unsayable,
	.emit = &csh_emit,
};

const struct vh_shell vh_shell_csh = {
	.name = "csh",
	.line_dialect = VH_DIALECT_CSH,
	.guard = vh_guard_csh,
	.csh_test = "! $?tcsh",
	.hook = vh_hook_csh,
	.no_prompt = "has no hook that runs before each prompt, so --prompt cannot keep the env's"
		     " name there up to date; show $VIRTUAL_ENV_PROMPT yourself or use tcsh",
	.rc = { { "~/.cshrc", "eval \"`%s init csh`\"" } },
	.end = " ;\n",
	.bad_exe = bad_exe,
	.checks = csh_checks,
	.rival_facts = rival_facts,
	.one_line = 1,
	.unsayable = unsayable,
	.emit = &csh_emit,
};
