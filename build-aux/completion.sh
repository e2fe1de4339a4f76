#!/bin/sh
# completion.sh TABLE TEMPLATE: prints the completion file made from
# TEMPLATE (completions/*.in), with each @NAME@ in it replaced from TABLE,
# the command table as build-aux/cmdtable prints it. Inline: @COMMANDS@,
# @SHELLS@ (blank-separated), @SHELL_COMMANDS@, @ENV_COMMANDS@ (the commands
# whose argument is a shell, an env),
# @COMMAND_COMMANDS@ (those whose argument is a
# program: exec and which), @COMMANDLINE_COMMANDS@ (those whose program
# takes the rest of the line: exec), @PATH_COMMANDS@ (those that take any
# number of directories: allow, deny), @DIR_OPTIONS@ (the flags a directory
# follows: -C), each joined by '|' for a case pattern. On a line of its
# own: @BASH_OPTIONS@, @ZSH_COMMANDS@, @ZSH_OPTIONS@, @FISH_COMMANDS@,
# @FISH_OPTIONS@, @FISH_ARGS@ (case arms or complete lines). A name left
# over is an error. POSIX sh and awk only.
# (tcsh's completion is printed by `venvhook init tcsh`: shells/csh.c.)
set -eu
table=$1 template=$2
exec awk -F '	' '
function cap(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
function join(list, sep,    i, r) {
	r = ""
	for (i = 1; i <= list[0]; i++) r = r (i > 1 ? sep : "") list[i]
	return r
}
function add(list, s) { list[++list[0]] = s }
FNR == NR {
	if ($1 == "shell") add(shells, $2)
	else if ($1 == "command") {
		add(cmds, $2); arg[$2] = $3; brief[$2] = $4
		if ($3 == "shell") add(shellcmds, $2)
		if ($3 == "env") add(envcmds, $2)
		if ($3 == "command" || $3 == "commandline") add(progcmds, $2)
		if ($3 == "commandline") add(linecmds, $2)
		if ($3 == "paths") add(pathcmds, $2)
	} else if ($1 == "option") {
		o = ($2 in opts) ? opts[$2] " " $3 : $3
		opts[$2] = o
		nopt++; ocmd[nopt] = $2; oflag[nopt] = $3; obrief[nopt] = $4
		if ($5 == "DIR" && !(($3) in dirflag)) { dirflag[$3] = 1; add(dirs, $3) }
	} else { print "completion.sh: bad table line: " $0 > "/dev/stderr"; exit 1 }
	next
}
FNR == 1 {
	if (!cmds[0] || !shells[0] || !shellcmds[0] || !envcmds[0] || !progcmds[0] || !linecmds[0] ||
	    !dirs[0] || !pathcmds[0]) {
		print "completion.sh: the table lacks commands, shells or arguments" > "/dev/stderr"
		exit 1
	}
}
/^[ \t]*@[A-Z_]+@[ \t]*$/ {
	name = $0; gsub(/[ \t@]/, "", name)
	if (name == "BASH_OPTIONS")
		for (i = 1; i <= cmds[0]; i++) {
			if (cmds[i] in opts)
				printf "        %s) __venvhook_opts='\''%s'\'' ;;\n", cmds[i], opts[cmds[i]]
		}
	else if (name == "ZSH_COMMANDS")
		for (i = 1; i <= cmds[0]; i++) printf "        '\''%s:%s'\''\n", cmds[i], brief[cmds[i]]
	else if (name == "ZSH_OPTIONS")
		for (i = 1; i <= cmds[0]; i++) {
			if (cmds[i] in opts) printf "    (%s) __venvhook_opts=(%s) ;;\n", cmds[i], opts[cmds[i]]
		}
	else if (name == "FISH_COMMANDS")
		for (i = 1; i <= cmds[0]; i++)
			printf "complete -c venvhook -n __fish_use_subcommand -a %s -d '\''%s'\''\n", cmds[i], cap(brief[cmds[i]])
	else if (name == "FISH_OPTIONS")
		for (i = 1; i <= nopt; i++)
			printf "complete -c venvhook -n '\''__venvhook_complete_after %s'\'' -%s %s -d '\''%s'\''\n", ocmd[i], oflag[i] ~ /^--/ ? "l" : "s", substr(oflag[i], oflag[i] ~ /^--/ ? 3 : 2), cap(obrief[i])
	else if (name == "FISH_ARGS")
		for (i = 1; i <= cmds[0]; i++) {
			c = cmds[i]
			if (arg[c] == "shell")
				printf "complete -c venvhook -n '\''__venvhook_complete_after %s'\'' -a '\''%s'\''\n", c, join(shells, " ")
			else if (arg[c] == "env")
				printf "complete -c venvhook -n '\''__venvhook_complete_after %s'\'' -a '\''(__venvhook_complete_envs)'\''\n", c
			else if (arg[c] == "command" || arg[c] == "commandline")
				printf "complete -c venvhook -n '\''__venvhook_complete_in %s'\'' -a '\''(__venvhook_complete_program)'\''\n", c
			else if (arg[c] == "paths")
				printf "complete -c venvhook -n '\''__venvhook_complete_paths %s'\'' -a '\''(__fish_complete_directories (commandline -ct) \"\")'\''\n", c
		}
	else { print "completion.sh: unknown @" name "@ in " FILENAME > "/dev/stderr"; exit 1 }
	next
}
{
	line = $0
	gsub(/@COMMANDS@/, join(cmds, " "), line)
	gsub(/@SHELLS@/, join(shells, " "), line)
	gsub(/@SHELL_COMMANDS@/, join(shellcmds, "|"), line)
	gsub(/@ENV_COMMANDS@/, join(envcmds, "|"), line)
	gsub(/@COMMAND_COMMANDS@/, join(progcmds, "|"), line)
	gsub(/@COMMANDLINE_COMMANDS@/, join(linecmds, "|"), line)
	gsub(/@DIR_OPTIONS@/, join(dirs, "|"), line)
	gsub(/@PATH_COMMANDS@/, join(pathcmds, "|"), line)
	if (line ~ /@[A-Z_]+@/) { print "completion.sh: unknown name left in " FILENAME ": " line > "/dev/stderr"; exit 1 }
	print line
}
' "$table" "$template"
