#include "shells/shell.h"

#include <string.h>

#include "core/cmd/cmd.h"
#include "core/util/err.h"

/* The entries, from configure.ac's list (config.h's VH_SHELL_LIST). */
#define VH_SHELL(name) extern const struct vh_shell vh_shell_##name;
VH_SHELL_LIST
#undef VH_SHELL

#define VH_SHELL(name) &vh_shell_##name,
const struct vh_shell *const vh_shells[] = { VH_SHELL_LIST NULL };
#undef VH_SHELL

const struct vh_dialect_program vh_shell_programs[] = {
	{ "sh", VH_DIALECT_POSIX },   { "bash", VH_DIALECT_POSIX },  { "dash", VH_DIALECT_POSIX },
	{ "zsh", VH_DIALECT_POSIX },  { "ksh", VH_DIALECT_POSIX },   { "ksh93", VH_DIALECT_POSIX },
	{ "mksh", VH_DIALECT_POSIX }, { "yash", VH_DIALECT_POSIX },  { "ash", VH_DIALECT_POSIX },
	{ "fish", VH_DIALECT_FISH }, { "csh", VH_DIALECT_CSH }, { "tcsh", VH_DIALECT_CSH },
	{ "nu", VH_DIALECT_OTHER },  { "xonsh", VH_DIALECT_OTHER }, { "elvish", VH_DIALECT_OTHER },
	{ NULL, VH_DIALECT_POSIX },
};

const struct vh_shell *vh_shell_lookup(const char *name)
{
	const struct vh_shell *const *sh;
	const char *slash = strrchr(name, '/'), *const *alias;

	if (slash)
		name = slash + 1;
	if (*name == '-')
		name++;
	for (sh = vh_shells; *sh; sh++) {
		if (strcmp((*sh)->name, name) == 0)
			return *sh;
		for (alias = (*sh)->aliases; alias && *alias; alias++)
			if (strcmp(*alias, name) == 0)
				return *sh;
	}
	return NULL;
}

const char *vh_shell_names(void)
{
	static char names[256];
	const struct vh_shell *const *sh;

	if (!names[0])
		for (sh = vh_shells; *sh; sh++) {
			if (sh != vh_shells)
				strcat(names, ", ");
			strcat(names, (*sh)->name);
		}
	return names;
}

int vh_shell_call(struct vh_buf *out, const struct vh_shell *sh, const char *name)
{
	const char *at = sh->call ? strstr(sh->call, "%s") : NULL;

	if (at)
		return vh_buf_add(out, sh->call, (size_t)(at - sh->call)) < 0 ||
		       vh_buf_puts(out, name) < 0 || vh_buf_puts(out, at + 2) < 0 ? VH_ENOMEM : 0;
	return vh_buf_puts(out, name) < 0 || vh_buf_puts(out, sh->end) < 0 ? VH_ENOMEM : 0;
}

int vh_shell_rc_line(struct vh_buf *out, const struct vh_shell *sh, size_t i, const char *exe)
{
	const char *line, *at;

	if (i >= sizeof(sh->rc) / sizeof(sh->rc[0]) || !sh->rc[i].file)
		return VH_ENOTFOUND;
	line = sh->rc[i].line;
	at = strstr(line, "%s");
	if (!at)
		return vh_buf_puts(out, line) < 0 ? VH_ENOMEM : 0;
	if (vh_buf_add(out, line, (size_t)(at - line)) < 0 || vh_buf_puts(out, exe) < 0 ||
	    vh_buf_puts(out, at + 2) < 0)
		return VH_ENOMEM;
	return 0;
}

int vh_shell_rc_say(struct vh_buf *out, const struct vh_shell *sh, const char *exe, int files)
{
	size_t i;
	int rc = 0;

	files = files || (sh->rc[0].file && sh->rc[1].file);
	for (i = 0; rc == 0 && i < sizeof(sh->rc) / sizeof(sh->rc[0]) && sh->rc[i].file; i++) {
		if (i && vh_buf_puts(out, ", then ") < 0)
			return VH_ENOMEM;
		rc = vh_shell_rc_line(out, sh, i, exe);
		if (rc == 0 && files && vh_buf_printf(out, " in %s", sh->rc[i].file) < 0)
			return VH_ENOMEM;
	}
	return rc;
}

const char *vh_shell_unsayable(const struct vh_shell *sh, const char *value)
{
	return sh->unsayable && value ? sh->unsayable(value) : NULL;
}

/* FNV-1a: a check that a saved copy is current, not a defence. */
static unsigned long long fnv(unsigned long long h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

int vh_shell_made(struct vh_buf *out, const struct vh_shell *sh)
{
	unsigned long long h = 14695981039346656037ULL;

	h = fnv(fnv(h, sh->hook), sh->prompt);
	return vh_buf_printf(out, "%s-%08llx", PACKAGE_VERSION, h & 0xffffffffULL) < 0 ? VH_ENOMEM : 0;
}

/* A list of at most 64 names, NULL-ended; 0, or VH_ETOOBIG when full. */
static int add_name(const char **list, size_t *n, const char *name)
{
	if (*n >= 63)
		return VH_ETOOBIG;
	list[(*n)++] = name;
	list[*n] = NULL;
	return 0;
}

int vh_shell_completion_lists(struct vh_buf *out, const struct vh_shell *sh,
			      const struct vh_cmd *const *cmds)
{
	const char *commands[64], *options[64], *shell_cmds[64], *env_cmds[64], *shells[64],
		*program_cmds[64];
	size_t nc = 0, no = 0, ns = 0, ne = 0, nsh = 0, np = 0;
	struct vh_buf pairs = VH_BUF_INIT;
	const struct vh_cmd *const *c;
	const struct vh_cmd_option *o;
	const struct vh_shell *const *s;
	size_t offsets[64], i;
	int rc = VH_ENOMEM;

	for (c = cmds; *c; c++) {
		if ((*c)->hidden || !(*c)->brief)
			continue;
		if (add_name(commands, &nc, (*c)->name) < 0 ||
		    ((*c)->arg == VH_CMD_ARG_SHELL && add_name(shell_cmds, &ns, (*c)->name) < 0) ||
		    ((*c)->arg == VH_CMD_ARG_ENV && add_name(env_cmds, &ne, (*c)->name) < 0) ||
		    ((*c)->arg == VH_CMD_ARG_COMMAND && add_name(program_cmds, &np, (*c)->name) < 0))
			goto done;
		for (o = (*c)->options; o && o->flag; o++) {
			if (no >= 63)
				goto done;
			offsets[no++] = pairs.len;
			if (vh_buf_printf(&pairs, "%s %s", (*c)->name, o->flag) < 0 ||
			    vh_buf_putc(&pairs, '\0') < 0)
				goto done;
		}
	}
	if (add_name(commands, &nc, "--help") < 0 || add_name(commands, &nc, "--version") < 0)
		goto done;
	for (i = 0; i < no; i++)
		options[i] = pairs.data + offsets[i];
	for (s = vh_shells; *s; s++)
		if (add_name(shells, &nsh, (*s)->name) < 0)
			goto done;
	if (sh->emit->set_list(out, "__venvhook_commands", commands, nc) < 0 ||
	    sh->emit->set_list(out, "__venvhook_options", options, no) < 0 ||
	    sh->emit->set_list(out, "__venvhook_shell_commands", shell_cmds, ns) < 0 ||
	    sh->emit->set_list(out, "__venvhook_env_commands", env_cmds, ne) < 0 ||
	    sh->emit->set_list(out, "__venvhook_program_commands", program_cmds, np) < 0 ||
	    sh->emit->set_list(out, "__venvhook_shells", shells, nsh) < 0)
		goto done;
	rc = 0;
done:
	vh_buf_free(&pairs);
	return rc;
}
