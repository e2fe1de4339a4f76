#!/usr/bin/env bats
# What only bash has: PROMPT_COMMAND as a string or an array, set -u.

load helpers

setup() {
	vh_use_driver bash
	mkenv "$T/proj/.venv"
}

@test "a PROMPT_COMMAND string is kept and still runs, once per prompt" {
	drv_write_rc 'PROMPT_COMMAND="echo user-pc >>\"\$T/pc\""' ""
	session "cd proj" report "line declare -p PROMPT_COMMAND"
	assert_active 1 "$T/proj/.venv"
	assert_line "declare -- PROMPT_COMMAND=\$'__venvhook_hook&&:;echo user-pc >>\"\$T/pc\"\\n__venvhook_late&&:'"
	# one run before each of the 4 lines read (cd, report, declare, exit)
	assert_equal "$(grep -c user-pc "$T/pc")" 4
}

@test "prompt code after the hook sees VIRTUAL_ENV's change without a cd already made (bash)" {
	mkenv "$T/mine"
	export HAND=$T/mine
	drv_write_rc 'PROMPT_COMMAND="echo \"pc=\$PATH\" >>\"\$T/pc\""' ""
	session "cd proj" report "setenv VIRTUAL_ENV HAND" report
	assert_env 2 VIRTUAL_ENV "$T/mine"
	assert_env 2 PATH "$BASE_PATH"
	# prompts before: cd, report, setenv, report, exit: the 4th is the first
	# after the change, and the user's prompt code sees it applied there
	assert_equal "$(sed -n 3p "$T/pc")" "pc=$T/proj/.venv/bin:$BASE_PATH"
	assert_equal "$(sed -n 4p "$T/pc")" "pc=$BASE_PATH"
}

@test "a PROMPT_COMMAND array is kept and still runs" {
	drv_write_rc 'PROMPT_COMMAND=("echo one >>\"\$T/pc\"" "echo two >>\"\$T/pc\"")' ""
	session "cd proj" report "line declare -p PROMPT_COMMAND"
	assert_active 1 "$T/proj/.venv"
	assert_line 'declare -a PROMPT_COMMAND=([0]="__venvhook_hook&&:" [1]="echo one >>\"\$T/pc\"" [2]="echo two >>\"\$T/pc\"" [3]="__venvhook_late&&:")'
	assert_equal "$(grep -c one "$T/pc")" 4
	assert_equal "$(grep -c two "$T/pc")" 4
}

@test "loaded twice, PROMPT_COMMAND holds the hook once (string and array)" {
	drv_write_rc 'PROMPT_COMMAND="true"' "$(drv_init_line)"
	session "line declare -p PROMPT_COMMAND"
	assert_line "declare -- PROMPT_COMMAND=\$'__venvhook_hook&&:;true\\n__venvhook_late&&:'"
	drv_write_rc 'PROMPT_COMMAND=(true)' "$(drv_init_line)"
	session "line declare -p PROMPT_COMMAND precmd_functions"
	assert_line 'declare -a PROMPT_COMMAND=([0]="__venvhook_hook&&:" [1]="true" [2]="__venvhook_late&&:")'
	assert_line 'declare -a precmd_functions=([0]="__venvhook_precmd")'
}

@test "no PROMPT_COMMAND before: just the hook" {
	session "line declare -p PROMPT_COMMAND"
	assert_line "declare -- PROMPT_COMMAND=\$'__venvhook_hook&&:\\n__venvhook_late&&:'"
}

@test "works in a shell with set -u and set -o pipefail" {
	drv_write_rc 'set -u -o pipefail' ""
	session "cd proj" report "cd /" report "fail 2"
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_line "status=2"
	assert_equal "$(grep -c 'unbound' <<<"$stderr")" 0
}

@test "user functions named like builtins do not hijack the hook" {
	# defined after the rc line, as a user's later rc code would
	drv_write_rc "" 'export() { echo HIJACK >>"$T/hijack"; }; unset() { echo HIJACK >>"$T/hijack"; }; hash() { echo HIJACK >>"$T/hijack"; }; eval() { echo HIJACK >>"$T/hijack"; }'

	session "cd proj" report "cd /" report
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	[[ ! -e $T/hijack ]]
}

@test "an activate script sourced over venvhook's env takes over cleanly, and venvhook's deactivate comes back" {
	mkenv "$T/proj/.venv"
	mkdir -p "$T/theirs/bin"
	# what python -m venv's bin/activate does with deactivate, in short
	cat >"$T/theirs/bin/activate" <<-'SH'
		deactivate nondestructive
		deactivate() { export PATH="$_OLD_PATH"; unset VIRTUAL_ENV _OLD_PATH; unset -f deactivate; }
		export _OLD_PATH="$PATH" VIRTUAL_ENV="$THEIRS" PATH="$THEIRS/bin:$PATH"
	SH
	export THEIRS=$T/theirs
	session "cd proj" report 'line . "$THEIRS/bin/activate"' report deactivate report \
		"cd /" "cd proj" report deactivate status report
	assert_active 1 "$T/proj/.venv"
	assert_active 2 "$T/theirs"
	assert_inactive 3
	assert_active 4 "$T/proj/.venv"
	assert_inactive 5
	assert_line "status=0"
}

@test "works in posix mode, and with extdebug, functrace and a DEBUG trap that skips commands" {
	mkdir -p "$T/proj/sub"
	# posix mode, set before the init line
	drv_write_rc 'set -o posix' '[[ -o posix ]] && echo "posix=1"'
	session "cd proj" report "fail 3" "cd proj/sub" "fail 4" "cd /" report
	assert_line "posix=1"
	assert_active 1 "$T/proj/.venv"
	assert_line "status=3"
	assert_line "status=4"
	assert_inactive 2
	# extdebug: a DEBUG trap that returns non-zero skips the command it
	# runs before, in functions too (functrace): here every command that
	# mentions "forbidden", and it logs the rest
	drv_write_rc 'shopt -s extdebug; set -o functrace; trap '\''echo "$BASH_COMMAND" >>"$T/debug"; [[ $BASH_COMMAND != *forbidden* ]]'\'' DEBUG' ""
	session "cd proj" report "fail 5" "line echo forbidden" "cd /" report "fail 6"
	assert_active 1 "$T/proj/.venv"
	assert_line "status=5"
	assert_line "status=6"
	refute_line "forbidden"
	assert_inactive 2
	grep -q __venvhook "$T/debug" || fail "the DEBUG trap never ran inside the hook"
}

@test "prompt code in PROMPT_COMMAND after the hook reads the user's \$?, and a shell with set -e survives what bash forgives" {
	drv_write_rc 'show() { echo "pc-saw=$?"; }; PROMPT_COMMAND=show' ""
	session "fail 7" "cd proj" "line true"
	assert_line "pc-saw=7"
	drv_write_rc 'set -e' ""
	session "line [ -f /no-such-file ] && echo never" "line ! true" "line echo alive" "cd proj" report
	assert_line "alive"
	assert_active 1 "$T/proj/.venv"
}

# conda's own activate and deactivate typed over venvhook's conda prefix,
# each step the exports conda's shell wrapper evals, as conda/activate.py
# computes them (_build_activate_stack, not stacked, and build_deactivate,
# at conda 0f64223fb8da4328457a69fe6483959dbb783152; conda is no Debian
# package): its prefix replaced on PATH, the level one up, the one below
# kept in CONDA_PREFIX_2; then the reverse.
@test "conda activate and deactivate typed over venvhook's conda prefix keep conda's stack whole" {
	mkconda "$T/cp/.conda"
	allowed "$T/cp/.conda"
	mkconda "$T/other"
	mkdir -p "$T/away"
	export CONDA_PREFIX=$T/miniforge3 CONDA_SHLVL=1 CONDA_DEFAULT_ENV=base \
		CONDA_PROMPT_MODIFIER='(base) ' CONDA_EXE=$T/miniforge3/bin/conda
	unset CONDA_PREFIX_1 CONDA_PREFIX_2 CONDA_STACKED_2
	local vars="CONDA_PREFIX CONDA_SHLVL CONDA_PREFIX_1 CONDA_PREFIX_2 CONDA_STACKED_2"
	# shellcheck disable=SC2016  # expanded by the session's bash
	drv_write_rc '__t_repl() { PATH=":$PATH:"; PATH=${PATH/":$1:"/":$2:"}; PATH=${PATH#:}; PATH=${PATH%:}; }' ""
	session "cd cp" report "run \$VH_DUMPENV $vars" \
		'line __t_repl "$CONDA_PREFIX/bin" "$T/other/bin"; export CONDA_PREFIX_2=$CONDA_PREFIX CONDA_PREFIX=$T/other CONDA_SHLVL=3 CONDA_DEFAULT_ENV=other' \
		report "run \$VH_DUMPENV $vars" \
		'line __t_repl "$CONDA_PREFIX/bin" "$CONDA_PREFIX_2/bin"; export CONDA_PREFIX=$CONDA_PREFIX_2 CONDA_SHLVL=2 CONDA_DEFAULT_ENV=$CONDA_PREFIX_2; unset CONDA_PREFIX_2' \
		report "run \$VH_DUMPENV $vars" "cd away" report "run \$VH_DUMPENV $vars"
	assert_active 1 "$T/cp/.conda"
	assert_env 1 CONDA_SHLVL 2
	# conda activate other: an env chosen by hand; venvhook stands aside
	assert_inactive 2 "$T/other/bin:$BASE_PATH"
	assert_env 2 CONDA_PREFIX "$T/other"
	assert_env 2 CONDA_SHLVL 3
	assert_env 2 CONDA_PREFIX_2 "$T/cp/.conda"
	assert_env 2 CONDA_PREFIX_1 "$T/miniforge3"
	# conda deactivate: conda's record brings venvhook's prefix back, as
	# venvhook had it
	assert_active 3 "$T/cp/.conda"
	assert_env 3 CONDA_SHLVL 2
	assert_env 3 CONDA_PREFIX_2 unset
	assert_env 3 CONDA_PREFIX_1 "$T/miniforge3"
	assert_env 3 CONDA_STACKED_2 true
	# leaving: base, as before
	assert_inactive 4
	assert_env 4 CONDA_PREFIX "$T/miniforge3"
	assert_env 4 CONDA_SHLVL 1
	assert_env 4 CONDA_PREFIX_1 unset
	assert_env 4 CONDA_STACKED_2 unset
}
