#include "core/cmd/doctor.h"

#include <string.h>

#include "core/util/msg.h"

void vh_doctor_say(struct vh_doctor *d, int problem, const char *before, const char *arg,
		   const char *after)
{
	vh_buf_puts(&d->out, problem ? "problem  " : "ok       ");
	vh_buf_puts(&d->out, before);
	if (arg) {
		vh_msg_escape(&d->out, arg);
		vh_buf_puts(&d->out, after);
	}
	vh_buf_putc(&d->out, '\n');
	d->problems += problem;
}

const char *vh_doctor_fact(const struct vh_doctor *d, const char *key)
{
	size_t n = strlen(key);
	int i;

	for (i = 0; i < d->argc; i++)
		if (!strncmp(d->argv[i], key, n) && d->argv[i][n] == '=')
			return d->argv[i] + n + 1;
	return NULL;
}

int vh_doctor_fact_has(const struct vh_doctor *d, const char *key, const char *needle)
{
	const char *v = vh_doctor_fact(d, key);

	return v && strstr(v, needle);
}

/* Other tools that switch Python envs from a shell hook, by the names
 * their hooks go by, and how to stop each. */
static const char *const rivals[][3] = {
	{ "_direnv_hook", "direnv", "keep one of them for Python envs" },
	{ "__direnv_export_eval", "direnv", "keep one of them for Python envs" },
	{ "direnv export", "direnv", "keep one of them for Python envs" },
	{ "_pyenv_virtualenv_hook", "pyenv-virtualenv", "keep one of them for Python envs" },
	{ "check_venv", "zsh-autoswitch-virtualenv", "keep one of them for Python envs" },
	{ "_autoswitch", "zsh-autoswitch-virtualenv", "keep one of them for Python envs" },
	{ "__vfsupport", "virtualfish", "keep one of them for Python envs" },
	{ "__vf_", "virtualfish", "keep one of them for Python envs" },
	/* mise activate's hook functions (its _.python.venv puts an env on) */
	{ "_mise_hook", "mise", "drop _.python.venv from mise.toml, or keep one of them for Python envs" },
	{ "__mise_env_eval", "mise", "drop _.python.venv from mise.toml, or keep one of them for Python envs" },
	/* prezto's python module, with auto-switch on: a directory-change hook */
	{ "_python-workon-cwd", "prezto's python module",
	  "zstyle ':prezto:module:python:virtualenv' auto-switch 'no' before prezto is loaded" },
	{ "auto_vrun", "oh-my-zsh's python plugin (PYTHON_AUTO_VRUN=true)",
	  "set PYTHON_AUTO_VRUN=false before oh-my-zsh is loaded, or drop its python plugin" },
};

/* One finding per tool of table (n rows) whose hook's name shows in one of
 * the texts, once per tool; seen holds the tools said already. */
static void rivals_in(struct vh_doctor *d, const char *const *texts, size_t ntexts,
		      const char *const (*table)[3], size_t n, const char **seen, size_t *nseen)
{
	struct vh_buf b = VH_BUF_INIT;
	size_t i, j, k;

	for (i = 0; i < n && table[i][0]; i++) {
		for (k = 0; k < ntexts && !(texts[k] && strstr(texts[k], table[i][0])); k++)
			;
		if (k == ntexts)
			continue;
		for (j = 0; j < *nseen && strcmp(seen[j], table[i][1]); j++)
			;
		if (j < *nseen || *nseen >= 32)
			continue;
		seen[(*nseen)++] = table[i][1];
		vh_buf_reset(&b);
		vh_buf_printf(&b, "%s also switches envs from this shell's hooks: two tools would "
			      "fight over VIRTUAL_ENV and PATH; %s", table[i][1], table[i][2]);
		vh_doctor_say(d, 1, vh_buf_str(&b), NULL, NULL);
	}
	vh_buf_free(&b);
}

void vh_doctor_rivals(struct vh_doctor *d, const char *const *texts, size_t ntexts,
		      const char *const (*own)[3])
{
	const char *seen[32];
	size_t nseen = 0, n;

	rivals_in(d, texts, ntexts, rivals, sizeof(rivals) / sizeof(rivals[0]), seen, &nseen);
	for (n = 0; own && own[n][0]; n++)
		;
	rivals_in(d, texts, ntexts, own, n, seen, &nseen);
}
