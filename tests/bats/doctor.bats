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

@test "doctor: no problem in a plain setup, in every shell" {
	local sh
	for sh in bash zsh fish tcsh csh; do
		doctor_in "$sh"
		assert_line "venvhook doctor, in $sh"
		assert_line "ok       the hook is loaded, once"
		assert_line "ok       the hook runs on directory changes"
		assert_line "no problem found"
		assert_line "status=0"
	done
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
