#!/usr/bin/env bats
# The command line itself: usage, errors, exit codes, and what init/export print.

load helpers

setup() { vh_setup; }

@test "--help lists the commands and shells, exit 0" {
	run "$VENVHOOK" --help
	assert_success
	assert_output --partial "init SHELL"
	assert_output --partial "export SHELL"
	assert_output --partial "shells: bash, zsh"
}

@test "--version prints the version" {
	run "$VENVHOOK" --version
	assert_success
	assert_output --regexp '^venvhook [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "no command: usage on stderr, exit 2" {
	run --separate-stderr "$VENVHOOK"
	assert_failure 2
	assert_equal "$output" ""
	[[ $stderr == usage:* ]]
}

@test "an unknown command: one line, exit 2" {
	run --separate-stderr "$VENVHOOK" frobnicate
	assert_failure 2
	assert_equal "$stderr" "venvhook: unknown command 'frobnicate'; see 'venvhook --help'"
}

@test "an unknown or missing shell: one line, exit 2" {
	run --separate-stderr "$VENVHOOK" init powershell
	assert_failure 2
	assert_equal "$stderr" "venvhook: unknown shell 'powershell' (known: bash, zsh)"
	run --separate-stderr "$VENVHOOK" export
	assert_failure 2
	assert_equal "$stderr" "venvhook: usage: venvhook export SHELL (one of: bash, zsh)"
	run --separate-stderr "$VENVHOOK" init $'\033]0;title\007'
	assert_failure 2
	[[ $stderr != *$'\033'* ]]
}

@test "a shell is found by name, login name or path" {
	for name in zsh -zsh /usr/bin/zsh /bin/bash -bash; do
		run "$VENVHOOK" init "$name"
		assert_success
	done
}

@test "init output is valid bash and zsh and calls this binary by absolute path" {
	run "$VENVHOOK" init bash
	assert_success
	assert_line "__venvhook_exe='$(readlink -f "$VENVHOOK")'"
	"$VH_BASH" -n <<<"$output"
	run "$VENVHOOK" init zsh
	"$VH_ZSH" -n <<<"$output"
}

@test "export prints nothing where nothing changes" {
	run --separate-stderr "$VENVHOOK" export bash
	assert_success
	assert_equal "$output" ""
	assert_equal "$stderr" ""
	mkenv "$T/proj/.venv"
	cd "$T/proj"
	export VIRTUAL_ENV=$T/proj/.venv __VENVHOOK_ENV=$T/proj/.venv PATH=$T/proj/.venv/bin:$PATH
	run --separate-stderr "$VENVHOOK" export zsh
	assert_success
	assert_equal "$output" ""
	assert_equal "$stderr" ""
}

@test "export never reads a relative or stale PWD" {
	mkenv "$T/proj/.venv"
	cd "$T/proj"
	PWD=relative run "$VENVHOOK" export bash
	assert_success
	assert_output --partial "VIRTUAL_ENV='$T/proj/.venv'"
	PWD=/ run "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/proj/.venv'"
}

@test "a symlinked path keeps the name the user cd'd through" {
	mkenv "$T/real/.venv"
	ln -s real "$T/link"
	cd "$T/link"
	PWD=$T/link run "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/link/.venv'"
}
