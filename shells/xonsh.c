/* xonsh. What init and export print is plain Python (valid xonsh too):
 * the rc line runs init's output with exec, and the hook runs export's
 * with exec in the same globals (xonsh's context), which is where its own
 * variables live. The rc line reads init's output with Python's
 * subprocess, not xonsh's $(...): while xonsh runs its rc files it runs
 * every command unthreaded ($THREAD_SUBPROCS None), and for such a
 * command $(...) keeps what its reader thread has queued within
 * $XONSH_PROC_FREQUENCY of the command's end, which under load is nothing
 * or a part (xonsh 0.13.4, procs/pipelines.py, iterraw; doc/shells.md). A value is a str literal of printable ASCII: the bytes
 * of a name are decoded as xonsh decodes the environment (UTF-8, a byte
 * that is not as the surrogate U+DC80 + byte, Python's surrogateescape), so
 * that what xonsh hands its commands is the name's own bytes again. */
#include <string.h>

#include "core/util/err.h"
#include "core/util/msg.h"
#include "shells/shell.h"

extern const char vh_hook_xonsh[], vh_prompt_xonsh[];

/* The code point of the valid UTF-8 sequence of n bytes at p. */
static unsigned long code_point(const unsigned char *p, size_t n)
{
	static const unsigned char lead[] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	unsigned long c = p[0] & lead[n];
	size_t i;

	for (i = 1; i < n; i++)
		c = (c << 6) | (p[i] & 0x3f);
	return c;
}

static int quote(struct vh_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c;
	size_t n;
	int rc = 0;

	if (vh_buf_putc(out, '\'') < 0)
		return VH_ENOMEM;
	while (*p && rc == 0) {
		if (*p < 0x80) {
			if (*p == '\'' || *p == '\\')
				rc = vh_buf_printf(out, "\\%c", *p);
			else if (*p >= 0x20 && *p < 0x7f)
				rc = vh_buf_putc(out, (char)*p);
			else
				rc = vh_buf_printf(out, "\\x%02x", *p);
			p++;
			continue;
		}
		n = vh_utf8_valid(p);
		if (!n) { /* surrogateescape */
			rc = vh_buf_printf(out, "\\udc%02x", *p);
			p++;
			continue;
		}
		c = code_point(p, n);
		rc = c > 0xffff ? vh_buf_printf(out, "\\U%08lx", c) : vh_buf_printf(out, "\\u%04lx", c);
		p += n;
	}
	if (rc < 0 || vh_buf_putc(out, '\'') < 0)
		return VH_ENOMEM;
	return 0;
}

static int set_env(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "__xonsh__.env['%s'] = ", name) < 0 || quote(out, value) < 0)
		return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

static int unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "__xonsh__.env.pop('%s', None)\n", name);
}

/* $PATH is an EnvPath, a list: a str assigned to it is split at ':'. */
static int set_path(struct vh_buf *out, const char *list)
{
	return set_env(out, "PATH", list);
}

static int set_local(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "%s = ", name) < 0 || quote(out, value) < 0)
		return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

static int set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;

	if (vh_buf_printf(out, "%s = [", name) < 0)
		return VH_ENOMEM;
	for (i = 0; i < n; i++)
		if ((i && vh_buf_puts(out, ", ") < 0) || quote(out, values[i]) < 0)
			return VH_ENOMEM;
	return vh_buf_puts(out, "]\n");
}

static const struct vh_shell_check checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "__venvhook_on_chdir", NULL,
	      "events.on_chdir no longer holds venvhook's handler: something removed it after venvhook was loaded; put the init line last in ~/.xonshrc" } } },
	{ "the hook runs before each prompt",
	  { { "precmd", "__venvhook_on_pre_prompt", NULL,
	      "events.on_pre_prompt no longer holds venvhook's handler: something removed it after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in ~/.xonshrc" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

static const char *const rival_facts[] = { "hooks", "precmd", "rivals", NULL };

/* xonsh's own: autovox is its handler of on_chdir; vox is on while an env
 * it activated is (the hook then passes rivals=xontrib.vox). */
static const char *const rivals[][3] = {
	{ "xontrib.autovox", "xonsh's autovox", "stop loading it (xontrib load autovox) in ~/.xonshrc" },
	{ "xontrib.vox", "xonsh's vox",
	  "venvhook leaves the env vox activated alone until vox deactivate: switch with one of them" },
	{ NULL, NULL, NULL },
};

static const struct vh_emitter xonsh_emit = {
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.set_local = set_local,
	.set_list = set_list,
};

const struct vh_shell vh_shell_xonsh = {
	.name = "xonsh",
	.guard = vh_guard_xonsh,
	.hook = vh_hook_xonsh,
	.prompt = vh_prompt_xonsh,
	.completion = vh_shell_completion_lists,
	.rc = { { "~/.xonshrc",
		  "exec(compile(__import__('subprocess').check_output(['%s', 'init', 'xonsh']), 'venvhook', 'exec'))" } },
	.end = "\n",
	.call = "%s()\n",
	.checks = checks,
	.rival_facts = rival_facts,
	.rivals = rivals,
	.emit = &xonsh_emit,
	.line_dialect = VH_DIALECT_OTHER,
};
