#!/usr/bin/env bats
# What only zsh has: chpwd hooks, options that change how code parses.

load helpers

setup() {
	vh_use_driver zsh
	mkenv "$T/proj/.venv"
}

@test "the user's own chpwd and precmd hooks are kept" {
	drv_write_rc 'chpwd() { echo user-chpwd >>"$T/hooks"; }; precmd_functions=(mine); mine() { echo user-precmd >>"$T/hooks"; }' ""
	session "cd proj" report "line print -r -- \$chpwd_functions"
	assert_active 1 "$T/proj/.venv"
	assert_line "__venvhook_hook"
	grep -q user-chpwd "$T/hooks"
	grep -q user-precmd "$T/hooks"
}

@test "prompt code after the hook sees VIRTUAL_ENV's change without a cd already made (zsh)" {
	mkenv "$T/mine"
	export HAND=$T/mine
	drv_write_rc 'precmd_functions=(mine); mine() { print -r -- "pc=$PATH" >>"$T/pc"; }' ""
	session "cd proj" report "setenv VIRTUAL_ENV HAND" report
	assert_env 2 VIRTUAL_ENV "$T/mine"
	assert_env 2 PATH "$BASE_PATH"
	# prompts before: cd, report, setenv, report, exit: the 4th is the first
	# after the change, and the user's precmd sees it applied there
	assert_equal "$(sed -n 3p "$T/pc")" "pc=$T/proj/.venv/bin:$BASE_PATH"
	assert_equal "$(sed -n 4p "$T/pc")" "pc=$BASE_PATH"
}

@test "loaded twice, chpwd_functions holds the hook once" {
	drv_write_rc "" "$(drv_init_line)"
	session "line print -r -- \${#chpwd_functions} \$chpwd_functions"
	assert_line "1 __venvhook_hook"
}

@test "hostile user options do not break the hook" {
	drv_write_rc 'setopt ksh_arrays sh_word_split no_unset rc_quotes glob_subst no_glob err_return no_function_argzero' ""
	mkenv "$T/it's here/.venv"
	session "cd proj" report "cd it's here" report "cd /" report "fail 3"
	assert_active 1 "$T/proj/.venv"
	assert_active 2 "$T/it's here/.venv"
	assert_inactive 3
	assert_line "status=3"
}

@test "cd keeps its own exit status" {
	session "cd proj" "line cd /no-such-dir-venvhook-tests; echo cd-status=\$?" "line cd /; echo cd-status=\$?"
	assert_line "cd-status=1"
	assert_line "cd-status=0"
}

@test "a cd inside a command line activates before the next command runs" {
	session "line cd \"\$T/proj\" && printenv VIRTUAL_ENV"
	assert_line "$T/proj/.venv"
}
