#!/usr/bin/env bats
# The shell code venvhook ships is linted, and defines only prefixed names.

load helpers

setup() { vh_setup; }

@test "hooks/venvhook.bash passes shellcheck" {
	command -v shellcheck >/dev/null || fail "shellcheck is needed (apt-get install shellcheck)"
	run shellcheck -s bash "$VH_SRCDIR/hooks/venvhook.bash"
	assert_success
}

@test "the bash init output as printed passes shellcheck" {
	"$VENVHOOK" init bash >"$T/init.bash"
	run shellcheck -s bash "$T/init.bash"
	assert_success
}

@test "hooks/venvhook.zsh parses (zsh -n)" {
	run "$VH_ZSH" -n "$VH_SRCDIR/hooks/venvhook.zsh"
	assert_success
}

@test "the project's own scripts pass shellcheck" {
	run shellcheck "$VH_SRCDIR/bootstrap" "$VH_SRCDIR/.ci/run" "$VH_SRCDIR/tests/run-scenarios" \
		"$VH_SRCDIR/build-aux/embed.sh"
	assert_success
}

@test "every function and variable the hooks define is prefixed __venvhook_" {
	local bad
	bad=$(grep -hoE '^[[:space:]]*[A-Za-z_][A-Za-z0-9_]*(\(\)|=)' \
		"$VH_SRCDIR"/hooks/venvhook.* | tr -d ' \t()=' | grep -v '^__venvhook_' |
		grep -vx 'PROMPT_COMMAND' || true)
	assert_equal "$bad" ""
	bad=$(grep -hoE '(typeset|local)( -g)? [A-Za-z_][A-Za-z0-9_]*' "$VH_SRCDIR"/hooks/venvhook.* |
		awk '{print $NF}' | grep -v '^__venvhook_' || true)
	assert_equal "$bad" ""
}

@test "sourcing init in a shell defines nothing unprefixed" {
	# functions and variables before and after loading the hook
	run "$VH_BASH" --norc -c 'compgen -A function -A variable | sort >"$T/before"
		eval "$("$VENVHOOK" init bash)"
		compgen -A function -A variable | sort >"$T/after"
		comm -13 "$T/before" "$T/after"'
	assert_success
	bad=$(grep -v -e '^__venvhook_' -e '^PROMPT_COMMAND$' -e '^_$' -e '^BASH_' -e '^PIPESTATUS$' <<<"$output" || true)
	assert_equal "$bad" ""
	run "$VH_ZSH" -f -c 'before=(${(k)functions} ${(k)parameters})
		eval "$("$VENVHOOK" init zsh)"
		for n in ${(k)functions} ${(k)parameters}; do (( ${before[(Ie)$n]} )) || print -r -- $n; done'
	assert_success
	bad=$(grep -v -e '^__venvhook_' -e '^add-zsh-hook$' -e '^chpwd_functions$' -e '^before$' -e '^n$' <<<"$output" || true)
	assert_equal "$bad" ""
}
