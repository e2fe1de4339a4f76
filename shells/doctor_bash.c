/* bash's doctor checks beyond the wires (shell.h): whether the hook ran
 * before the prompt doctor was typed at, whatever called it, and in which
 * order with the prompt code around it. */
#include <stdlib.h>
#include <string.h>

#include "core/cmd/doctor.h"
#include "shells/shell.h"

/* The first entry of a PROMPT_COMMAND text, up to ';' or a newline,
 * blanks trimmed, when it comes before venvhook's hook; else NULL. */
static char *ahead_of_hook(const char *pc)
{
	const char *hook = pc ? strstr(pc, "__venvhook_hook") : NULL, *s = pc, *e;

	if (!hook)
		return NULL;
	while (s < hook && (*s == ' ' || *s == '\t' || *s == '\n' || *s == ';'))
		s++;
	if (s == hook)
		return NULL;
	for (e = s; e < hook && *e != ';' && *e != '\n'; e++)
		;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return strndup(s, (size_t)(e - s));
}

/* The first word of a list of names, or "". */
static char *first_word(const char *list)
{
	size_t n;

	while (list && *list == ' ')
		list++;
	n = list ? strcspn(list, " ") : 0;
	return strndup(list ? list : "", n);
}

/* cd=KIND NAME: the shell found cd, pushd or popd (NAME) an alias or a
 * function (KIND) that does not run venvhook's wrapper; a plain "0" (an
 * older hook) is cd as a function. Only the known words are printed. */
static void wrapper_lost(struct vh_doctor *d, const char *fact)
{
	static const char *const names[] = { "cd", "pushd", "popd" };
	const char *name = "cd", *sp = strchr(fact, ' ');
	int alias = !strncmp(fact, "alias ", 6);
	size_t i;

	for (i = 0; sp && i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(sp + 1, names[i]))
			name = names[i];
	if (alias)
		vh_doctor_say(d, 1, "", name, " is an alias defined after venvhook was loaded, and runs instead of venvhook's wrapper: the env switches at the next prompt, not for the rest of the command line; define the alias (or load the tool that does, such as oh-my-bash) before the init line in ~/.bashrc");
	else
		vh_doctor_say(d, 1, "", name, " is a function defined after venvhook was loaded, so the env switches at the next prompt, not for the rest of the command line; define it (or load the tool that does) before the init line in ~/.bashrc");
}

/* ran=1 says the hook ran at the prompt the doctor command was typed at
 * (the hook notes bash's command number), whatever called it:
 * PROMPT_COMMAND, a terminal's integration that runs a saved copy of it
 * (VS Code keeps it in __vsc_original_prompt_command), or bash-preexec's
 * precmd_functions. */
void vh_doctor_bash(struct vh_doctor *d);

void vh_doctor_bash(struct vh_doctor *d)
{
	const char *ran = vh_doctor_fact(d, "ran"), *pc = vh_doctor_fact(d, "hooks");
	const char *vsc = vh_doctor_fact(d, "vscode"), *pre = vh_doctor_fact(d, "precmd");
	const char *cd = vh_doctor_fact(d, "cd"), *texts[3] = { pc, vsc, pre };
	const char *order = vsc && strstr(vsc, "__venvhook_hook") ? vsc : pc;
	int preexec = pc && (strstr(pc, "__bp_precmd_invoke_cmd") || strstr(pc, "__bp_install"));
	int wired = (pc && strstr(pc, "__venvhook_hook")) || (vsc && strstr(vsc, "__venvhook_hook")) ||
		    (preexec && pre && strstr(pre, "__venvhook_precmd"));
	char *first = NULL;

	/* (ran=unknown: the hook never ran at a prompt here, as when something
	 * set PROMPT_COMMAND before the first one; wired says whether it will) */
	if (ran && strcmp(ran, "unknown") ? !strcmp(ran, "0") : !wired)
		vh_doctor_say(d, 1, "PROMPT_COMMAND no longer runs the hook: something set it after venvhook was loaded (some terminals and editors do); put the init line last in ~/.bashrc", NULL, NULL);
	else if (ran && !strcmp(ran, "1"))
		vh_doctor_say(d, 0, "the hook runs before each prompt", NULL, NULL);
	else
		vh_doctor_say(d, 0, "the hook is wired to run before each prompt (run doctor at a prompt to see it run)", NULL, NULL);
	if (preexec && pre && strstr(pre, "__venvhook_precmd")) {
		first = first_word(pre);
		if (first && strcmp(first, "__venvhook_precmd"))
			vh_doctor_say(d, 1, "precmd_functions runs ", first, " before venvhook's hook, so a prompt it draws can show the env of the directory before; put the init line after whatever adds it to precmd_functions in ~/.bashrc");
	} else if (!preexec && (first = ahead_of_hook(order))) {
		vh_doctor_say(d, 1, "PROMPT_COMMAND runs ", first, " before venvhook's hook, so a prompt it draws can show the env of the directory before; put the init line after the line that adds it in ~/.bashrc");
	}
	free(first);
	if (cd && !strcmp(cd, "1"))
		vh_doctor_say(d, 0, "cd, pushd and popd switch the env for the rest of their command line", NULL, NULL);
	else if (cd)
		wrapper_lost(d, cd);
	vh_doctor_rivals(d, texts, 3, NULL);
}
