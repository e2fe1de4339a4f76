#!/usr/bin/env bats
# venvhook doctor in each real shell: what it sees through the shell
# function (or csh's alias), and what it says to fix.

load helpers

# doctor_in SHELL LINES...: a session in SHELL that runs the lines, then
# `venvhook doctor` and its status.
doctor_in() {
	vh_use_driver "$1"
	shift
	# vh_use_driver starts clean; a test's WORKON_HOME comes back after it
	[[ -z ${DOCTOR_WORKON_HOME:-} ]] || export WORKON_HOME=$DOCTOR_WORKON_HOME
	local steps=() l
	for l in "$@"; do steps+=("line $l"); done
	session "${steps[@]}" "run venvhook doctor" status
}

@test "doctor (bash): a cd, pushd or popd alias defined after init is named, as an alias; one defined before is wrapped" {
	# (oh-my-bash loaded after venvhook defines cd as an alias)
	doctor_in bash "alias cd='cd -P'"
	assert_line "problem  cd is an alias defined after venvhook was loaded, and runs instead of venvhook's wrapper: the env switches at the next prompt, not for the rest of the command line; define the alias (or load the tool that does, such as oh-my-bash) before the init line in ~/.bashrc"
	refute_line --partial "ok       cd, pushd and popd"
	doctor_in bash "alias popd='popd -n'"
	assert_line --partial "problem  popd is an alias defined after venvhook was loaded"
	vh_use_driver bash
	drv_write_rc "alias cd='cd -P'" ""
	session "run venvhook doctor" status
	assert_line "ok       cd, pushd and popd switch the env for the rest of their command line"
	assert_line "no problem found"
}

@test "doctor: words after it change nothing, and no report reaches the shell's eval, in every shell" {
	local sh
	for sh in $(vh_shells); do
		vh_use_driver "$sh"
		# (shell=csh: the fact doctor's gatherer passes, typed instead)
		session "run venvhook doctor shell=csh loads=7" status
		assert_line "venvhook doctor, in $sh"
		assert_line "ok       the hook is loaded, once"
		assert_line "no problem found"
		assert_line "status=0"
		# an evaluated report would have run its words as commands
		[[ $stderr != *"not found"* && $stderr != *"Unknown command"* ]] ||
			fail "$sh: the report was evaluated: $stderr"
	done
}

@test "doctor: no problem in a plain setup, in every shell" {
	local sh
	[[ -n ${VH_SHELLS:-} ]] || fail "VH_SHELLS is set by make check"
	for sh in $(vh_shells); do
		doctor_in "$sh"
		assert_line "venvhook doctor, in $sh"
		assert_line "ok       the hook is loaded, once"
		if [[ $sh == bash ]]; then
			assert_line "ok       cd, pushd and popd switch the env for the rest of their command line"
		else
			assert_line "ok       the hook runs on directory changes"
		fi
		# (BSD csh has nothing that runs before each prompt)
		[[ $sh == csh ]] || assert_line "ok       the hook runs before each prompt"
		assert_line "no problem found"
		assert_line "status=0"
	done
}

@test "doctor (bash): prompt code put before the hook is named, and the advice it gives clears it" {
	# written after the init line, as issue reports show
	doctor_in bash 'my_prompt() { :; }' 'PROMPT_COMMAND="my_prompt; $PROMPT_COMMAND"'
	assert_line "problem  PROMPT_COMMAND runs my_prompt before venvhook's hook, so a prompt it draws can show the env of the directory before; put the init line after the line that adds it in ~/.bashrc"
	assert_line "status=1"
	# the advice: the init line after it
	vh_use_driver bash
	drv_write_rc 'my_prompt() { :; }; PROMPT_COMMAND="my_prompt"' ""
	session "run venvhook doctor" status
	assert_line "no problem found"
	# bash-preexec: its runner goes first, venvhook's precmd function must
	# be first in precmd_functions; something put in front of it is named
	doctor_in bash ". '$VH_SRCDIR/tests/fixtures/bash-preexec/bash-preexec.sh'" \
		'starship_precmd() { :; }' 'precmd_functions=(starship_precmd "${precmd_functions[@]}")'
	assert_line "problem  precmd_functions runs starship_precmd before venvhook's hook, so a prompt it draws can show the env of the directory before; put the init line after whatever adds it to precmd_functions in ~/.bashrc"
	doctor_in bash ". '$VH_SRCDIR/tests/fixtures/bash-preexec/bash-preexec.sh'" \
		'starship_precmd() { :; }' 'precmd_functions+=(starship_precmd)'
	assert_line "ok       the hook runs before each prompt"
	assert_line "no problem found"
}

@test "doctor (bash): the hook judged by whether it ran, not by the text of PROMPT_COMMAND" {
	# VS Code's integration: PROMPT_COMMAND is its own function, which runs
	# the saved copy; the hook runs, so no problem
	doctor_in bash '__vsc_prompt_cmd_original() { local c; for c in "${__vsc_original_prompt_command[@]}"; do eval "$c"; done; }' \
		'__vsc_original_prompt_command=$PROMPT_COMMAND' 'PROMPT_COMMAND=__vsc_prompt_cmd_original'
	assert_line "ok       the hook runs before each prompt"
	assert_line "no problem found"
	# a PROMPT_COMMAND that still names the hook but does not run it
	doctor_in bash 'PROMPT_COMMAND="true || __venvhook_hook"'
	assert_line --partial "problem  PROMPT_COMMAND no longer runs the hook"
	# a cd function defined after the init line replaces venvhook's
	doctor_in bash 'cd() { builtin cd "$@"; }'
	assert_line "problem  cd is a function defined after venvhook was loaded, so the env switches at the next prompt, not for the rest of the command line; define it (or load the tool that does) before the init line in ~/.bashrc"
	vh_use_driver bash
	drv_write_rc 'cd() { builtin cd "$@"; }' ""
	session "run venvhook doctor" status
	assert_line "no problem found"
}

@test "doctor (tcsh): a precmd alias set after the init line is a problem; set before it, it is chained" {
	doctor_in tcsh "alias precmd 'echo hi'"
	assert_line "problem  the precmd alias no longer runs the hook: something set it after venvhook was loaded, so an env made at the prompt, a deactivate outside venvhook and the --prompt segment wait for the next cd; put the init line after the line that sets precmd in ~/.tcshrc"
	assert_line "status=1"
	vh_use_driver tcsh
	drv_write_rc "alias precmd 'echo hi'" 'eval "`$VENVHOOK:q init tcsh --prompt`"'
	session "run venvhook doctor" status
	assert_line "ok       the hook runs before each prompt"
	assert_line "no problem found"
}

@test "doctor (zsh): oh-my-zsh's python plugin with PYTHON_AUTO_VRUN is a rival, with the way to turn it off" {
	# what the plugin does when PYTHON_AUTO_VRUN=true
	doctor_in zsh 'auto_vrun() { :; }' 'autoload -Uz add-zsh-hook' 'add-zsh-hook chpwd auto_vrun'
	assert_line "problem  oh-my-zsh's python plugin (PYTHON_AUTO_VRUN=true) also switches envs from this shell's hooks: two tools would fight over VIRTUAL_ENV and PATH; set PYTHON_AUTO_VRUN=false before oh-my-zsh is loaded, or drop its python plugin"
	assert_line "status=1"
	# and precmd_functions reset: what waits for the next cd is said
	doctor_in zsh 'precmd_functions=()'
	assert_line "problem  precmd_functions no longer holds venvhook's prompt hook: something reset it after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in ~/.zshrc"
}

@test "doctor: the hook's trigger reset after venvhook was loaded" {
	doctor_in bash 'PROMPT_COMMAND="echo hi"'
	assert_line --partial "problem  PROMPT_COMMAND no longer runs the hook"
	assert_line "status=1"
	doctor_in zsh 'chpwd_functions=()'
	assert_line --partial "problem  chpwd_functions no longer holds the hook"
	doctor_in fish 'functions -e __venvhook_hook'
	assert_line --partial "problem  the hook function is gone"
	doctor_in tcsh "alias cwdcmd 'echo hi'"
	assert_line --partial "problem  the cwdcmd alias no longer runs the hook"
	doctor_in csh "alias cd 'chdir \\!*'"
	assert_line --partial "problem  the cd alias no longer runs the hook"
}

@test "doctor: another tool's env hooks, PS1 exported, a WORKON_HOME that is not there" {
	DOCTOR_WORKON_HOME=$BATS_TEST_TMPDIR/missing
	doctor_in bash '_direnv_hook() { :; }' 'PROMPT_COMMAND="_direnv_hook;$PROMPT_COMMAND"' 'export PS1'
	assert_line "problem  direnv also switches envs from this shell's hooks: two tools would fight over VIRTUAL_ENV and PATH; keep one of them for Python envs"
	assert_line --partial "problem  PS1 is exported"
	assert_line "problem  WORKON_HOME ($BATS_TEST_TMPDIR/missing) is not a directory: venvhook activate NAME and the completion find no named env; create it or fix the variable"
	doctor_in zsh '_pyenv_virtualenv_hook() { :; }' 'precmd_functions+=(_pyenv_virtualenv_hook)' \
		'check_venv() { :; }' 'chpwd_functions+=(check_venv)'
	assert_line --partial "problem  pyenv-virtualenv also switches envs"
	assert_line --partial "problem  zsh-autoswitch-virtualenv also switches envs"
	doctor_in fish 'function __direnv_export_eval; end'
	assert_line --partial "problem  direnv also switches envs"
	# mise (activate's hooks; its _.python.venv puts an env on) and
	# prezto's python module (auto-switch on: a chpwd hook)
	doctor_in zsh '_mise_hook() { :; }' 'precmd_functions+=(_mise_hook)' \
		'_python-workon-cwd() { :; }' 'chpwd_functions+=(_python-workon-cwd)'
	assert_line "problem  mise also switches envs from this shell's hooks: two tools would fight over VIRTUAL_ENV and PATH; drop _.python.venv from mise.toml, or keep one of them for Python envs"
	assert_line "problem  prezto's python module also switches envs from this shell's hooks: two tools would fight over VIRTUAL_ENV and PATH; zstyle ':prezto:module:python:virtualenv' auto-switch 'no' before prezto is loaded"
	doctor_in bash '_mise_hook() { :; }' 'PROMPT_COMMAND="_mise_hook;$PROMPT_COMMAND"'
	assert_line --partial "problem  mise also switches envs"
	doctor_in fish 'function __mise_env_eval --on-event fish_prompt; end'
	assert_line --partial "problem  mise also switches envs"
	doctor_in tcsh "alias precmd 'eval \`direnv export tcsh\`'" "alias cwdcmd \"\`alias cwdcmd\` ; \`alias precmd\`\""
	assert_line --partial "problem  direnv also switches envs"
}

@test "doctor: loaded twice is harmless and said so; run directly, the hook is not loaded" {
	vh_use_driver bash
	drv_write_rc "" "$(drv_init_line)"
	session "run venvhook doctor"
	assert_line "ok       the hook was loaded 2 times: harmless, but your rc files run init more than once"
	run --separate-stderr "$VENVHOOK" doctor
	assert_failure 1
	assert_line --partial "problem  the hook is not loaded in the shell that ran this"
}

@test "doctor: venvhook's own files in a place someone else can change are named, once a directory" {
	vh_use_driver bash
	mkdir -p "$T/cache/venvhook" "$HOME/.local/share/venvhook"
	chmod 0777 "$T/cache"
	export XDG_CACHE_HOME=$T/cache
	setfacl -m u:65534:rwx "$HOME/.local/share/venvhook"
	run --separate-stderr "$VENVHOOK" doctor
	assert_failure 1
	assert_line "problem  venvhook neither uses nor writes its files in $T/cache/venvhook: $T/cache is writable by anyone; make that yours alone, or set XDG_CACHE_HOME to a directory of your own"
	assert_line "problem  venvhook neither uses nor writes its files in $HOME/.local/share/venvhook: $HOME/.local/share/venvhook is writable by another user through an ACL; make that yours alone, or set XDG_DATA_HOME to a directory of your own"
	assert_equal "$(grep -c 'neither uses nor writes' <<<"$output")" 2
}
