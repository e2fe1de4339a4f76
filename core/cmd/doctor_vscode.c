/* doctor: whether VS Code's Python extension activates an env in this
 * terminal too, by what each of its ways leaves behind (doc/activators.md):
 *
 * - environment-variable mode (microsoft/vscode-python, commit 757def8f,
 *   src/client/terminals/envCollectionActivation/service.ts and
 *   deactivateService.ts): the env's bin/ is put before PATH, after a
 *   directory of the extension's own, EXTENSION/python_files/deactivate/
 *   SHELL, which stays on PATH;
 * - shell-startup mode (microsoft/vscode-python-environments, commit
 *   9a2c1149, src/features/terminal/shells/SHELL/SHELLStartup.ts):
 *   the activate line is in VSCODE_PYTHON_SHELL_ACTIVATE, which a block the
 *   extension adds to the rc file evals in VS Code's terminal
 *   (TERM_PROGRAM=vscode), exporting VSCODE_PYTHON_AUTOACTIVATE_GUARD;
 * - command mode (both, the default): the activate line is typed as the
 *   terminal's first command line; only the shell sees that, and passes
 *   the env it put on as the fact vscode_line.
 */
#include <stdlib.h>
#include <string.h>

#include "core/cmd/doctor.h"
#include "core/util/buf.h"
#include "core/util/msg.h"

extern char **environ;

/* The PATH entry of the extension's deactivate script (a folder of
 * .../python_files/deactivate), or NULL; its length in *n. */
static const char *deactivate_dir(size_t *n)
{
	static const char mark[] = "/python_files/deactivate";
	const size_t nmark = sizeof(mark) - 1;
	const char *p = getenv("PATH"), *e, *slash;

	for (; p && *p; p = *e ? e + 1 : e) {
		e = strchr(p, ':');
		if (!e)
			e = p + strlen(p);
		for (slash = e; slash > p && slash[-1] != '/'; slash--)
			;
		/* the shell's folder: a name after the mark */
		if (slash < e && slash > p && (size_t)(slash - 1 - p) >= nmark &&
		    !memcmp(slash - 1 - nmark, mark, nmark)) {
			*n = (size_t)(e - p);
			return p;
		}
	}
	return NULL;
}

/* The name of a VSCODE_PYTHON_..._ACTIVATE variable with a value, when the
 * extension's rc block ran in VS Code's terminal; else NULL. Its length
 * in *n. */
static const char *startup_var(size_t *n)
{
	static const char head[] = "VSCODE_PYTHON_", tail[] = "_ACTIVATE=";
	const char *term = getenv("TERM_PROGRAM"), *eq;
	char **v;

	if (!term || strcmp(term, "vscode") || !getenv("VSCODE_PYTHON_AUTOACTIVATE_GUARD"))
		return NULL;
	for (v = environ; v && *v; v++) {
		if (strncmp(*v, head, sizeof(head) - 1) || !(eq = strchr(*v, '=')) || !eq[1])
			continue;
		*n = (size_t)(eq + 1 - *v);
		if (*n > sizeof(head) - 1 + sizeof(tail) - 1 &&
		    !memcmp(eq + 1 - (sizeof(tail) - 1), tail, sizeof(tail) - 1)) {
			*n -= 1;
			return *v;
		}
	}
	return NULL;
}

/* text, the first n bytes of it, escaped */
static int escaped(struct vh_buf *b, const char *text, size_t n)
{
	char *s = strndup(text, n);
	int rc = s ? vh_msg_escape(b, s) : VH_ENOMEM;

	free(s);
	return rc;
}

void vh_doctor_vscode(struct vh_doctor *d)
{
	const char *line = vh_doctor_fact(d, "vscode_line"), *dir, *var;
	struct vh_buf b = VH_BUF_INIT;
	size_t ndir = 0, nvar = 0;
	int ways = 0;

	dir = deactivate_dir(&ndir);
	var = startup_var(&nvar);
	if (!dir && !var && !(line && *line))
		return;
	vh_buf_puts(&b, "VS Code's Python extension activates an env in this terminal too (");
	if (line && *line) {
		vh_buf_puts(&b, "it typed the activate line of ");
		vh_msg_escape(&b, line);
		vh_buf_puts(&b, " as the terminal's first command line");
		ways++;
	}
	if (dir) {
		vh_buf_puts(&b, ways++ ? "; " : "");
		vh_buf_puts(&b, "environment-variable mode: PATH holds its ");
		escaped(&b, dir, ndir);
	}
	if (var) {
		vh_buf_puts(&b, ways++ ? "; " : "");
		vh_buf_puts(&b, "shell-startup mode: ");
		escaped(&b, var, nvar);
		vh_buf_puts(&b, ", run by the block it added to your rc file");
	}
	vh_buf_puts(&b, "): let venvhook alone activate in the terminal: in VS Code's settings set "
		    "\"python.terminal.activateEnvironment\": false");
	if (var)
		vh_buf_puts(&b, " and \"python-envs.terminal.autoActivationType\": \"off\", and run "
			    "its command \"Python Envs: Revert Shell Startup Script Changes\"");
	else
		vh_buf_puts(&b, " (with the Python Environments extension, "
			    "\"python-envs.terminal.autoActivationType\": \"off\")");
	vh_buf_puts(&b, "; it still runs and debugs with the env (doc/activators.md)");
	vh_doctor_say(d, 1, vh_buf_str(&b), NULL, NULL);
	vh_buf_free(&b);
}
