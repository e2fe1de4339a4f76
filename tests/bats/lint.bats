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

@test "the prompt segments pass their shells' checks, as written and as init --prompt prints them" {
	run shellcheck -s bash "$VH_SRCDIR/hooks/prompt.bash"
	assert_success
	"$VENVHOOK" init bash --prompt >"$T/init.bash"
	run shellcheck -s bash "$T/init.bash"
	assert_success
	run "$VH_ZSH" -n "$VH_SRCDIR/hooks/prompt.zsh"
	assert_success
	"$VENVHOOK" init zsh --prompt >"$T/init.zsh"
	run "$VH_ZSH" -n "$T/init.zsh"
	assert_success
	run "$VH_FISH" --no-execute "$VH_SRCDIR/hooks/prompt.fish"
	assert_success
	"$VENVHOOK" init fish --prompt >"$T/init.fish"
	run "$VH_FISH" --no-execute "$T/init.fish"
	assert_success
	run "$VH_TCSH" -n "$VH_SRCDIR/hooks/prompt.tcsh"
	assert_success
	"$VENVHOOK" init tcsh --prompt >"$T/init.tcsh"
	run "$VH_TCSH" -n "$T/init.tcsh"
	assert_success
}

@test "hooks/venvhook.zsh parses (zsh -n)" {
	run "$VH_ZSH" -n "$VH_SRCDIR/hooks/venvhook.zsh"
	assert_success
}

@test "hooks/venvhook.fish parses (fish --no-execute)" {
	run "$VH_FISH" --no-execute "$VH_SRCDIR/hooks/venvhook.fish"
	assert_success
}

@test "hooks/venvhook.tcsh and .csh parse (tcsh -n), as written and as init prints them" {
	run "$VH_TCSH" -n "$VH_SRCDIR/hooks/venvhook.tcsh"
	assert_success
	run "$VH_TCSH" -n "$VH_SRCDIR/hooks/venvhook.csh"
	assert_success
	# (bsd-csh -n is no judge: it globs the right side of !~ and fails)
	"$VENVHOOK" init csh >"$T/init.csh"
	run "$VH_TCSH" -n "$T/init.csh"
	assert_success
}

@test "the completion files pass their shells' checks (shellcheck, zsh -n, fish --no-execute, tcsh -n)" {
	run shellcheck -s bash "$VH_SRCDIR/completions/venvhook.bash"
	assert_success
	run "$VH_ZSH" -n "$VH_SRCDIR/completions/_venvhook"
	assert_success
	run "$VH_FISH" --no-execute "$VH_SRCDIR/completions/venvhook.fish"
	assert_success
	run "$VH_TCSH" -n "$VH_SRCDIR/completions/venvhook.tcsh"
	assert_success
	"$VENVHOOK" init tcsh >"$T/init.tcsh"
	run "$VH_TCSH" -n "$T/init.tcsh"
	assert_success
}

@test "the project's own scripts pass shellcheck" {
	run shellcheck "$VH_SRCDIR/bootstrap" "$VH_SRCDIR/.ci/run" "$VH_SRCDIR/tests/run-scenarios" \
		"$VH_SRCDIR/tests/bats/soak.bash" "$VH_SRCDIR/fuzz/smoke" \
		"$VH_SRCDIR/build-aux/embed.sh" "$VH_SRCDIR/demo/run"
	assert_success
}

@test "every function, alias and variable the hooks define is prefixed __venvhook_" {
	local code pattern bad=""
	# (fish's `set -q NAME` only asks whether NAME is set; completions/*[!k]:
	# the shell files, not local.mk)
	code=$(grep -hv '^[[:space:]]*#' "$VH_SRCDIR"/hooks/venvhook.* "$VH_SRCDIR"/hooks/prompt.* \
		"$VH_SRCDIR"/completions/*[!k] |
		sed -E 's/set -q [A-Za-z_]+//g')
	# One pattern per way a name gets defined: sh name() and name=, fish
	# function, fish/csh set, sh local/typeset, csh alias. The user's own
	# commands that csh/tcsh chain onto (cwdcmd, cd, pushd, popd) are not ours,
	# nor is COMPREPLY, bash's completion interface; venvhook and deactivate
	# are the two commands the user types, and pydoc the one the activate
	# scripts define. precmd_functions is bash-preexec's list (and zsh's),
	# which the hooks join. The prompt segments prefix the
	# user's prompt (PS1, tcsh's prompt), chain onto precmd and wrap
	# fish_prompt.
	for pattern in \
		'^[[:space:]]*[A-Za-z_][A-Za-z0-9_]*(\(\)|=)' \
		'(^|[[:space:]])function[[:space:]]+[A-Za-z_][A-Za-z0-9_]*' \
		'(^|[[:space:];])set([[:space:]]+-[a-z]+)*[[:space:]]+[A-Za-z_][A-Za-z0-9_]*' \
		'(^|[[:space:];])(local|typeset)([[:space:]]+-[a-z]+)*[[:space:]]+[A-Za-z_][A-Za-z0-9_]*' \
		'(^|[[:space:];)])alias[[:space:]]+[A-Za-z_][A-Za-z0-9_]*'; do
		bad+=$(grep -oE "$pattern" <<<"$code" | sed -E 's/(\(\)|=)$//' | awk '{ print $NF }' |
			grep -vE '^(__venvhook_[A-Za-z0-9_]*|PROMPT_COMMAND|COMPREPLY|cwdcmd|cd|pushd|popd|venvhook|deactivate|pydoc|precmd_functions|PS1|prompt|precmd|fish_prompt)$' || true)
	done
	assert_equal "$bad" ""
}

@test "sourcing init in a shell defines nothing unprefixed" {
	# functions and variables before and after loading the hook, in an
	# interactive shell (a non-interactive one gets no hook at all); the
	# wrappers of cd, pushd and popd are the ones bash gets
	run --separate-stderr "$VH_BASH" --norc -i -c 'compgen -A function -A variable | sort >"$T/before"
		eval "$("$VENVHOOK" init bash)"
		compgen -A function -A variable | sort >"$T/after"
		comm -13 "$T/before" "$T/after"'
	assert_success
	assert_output --partial __venvhook_chdir
	bad=$(grep -v -e '^__venvhook_' -e '^PROMPT_COMMAND$' -e '^precmd_functions$' -e '^cd$' -e '^pushd$' -e '^popd$' \
		-e '^_$' -e '^BASH_' -e '^PIPESTATUS$' -e '^venvhook$' <<<"$output" || true)
	assert_equal "$bad" ""
	run "$VH_ZSH" -f -i -c 'before=(${(k)functions} ${(k)parameters})
		eval "$("$VENVHOOK" init zsh)"
		for n in ${(k)functions} ${(k)parameters}; do (( ${before[(Ie)$n]} )) || print -r -- $n; done'
	assert_success
	assert_output --partial __venvhook_precmd
	bad=$(grep -v -e '^__venvhook_' -e '^add-zsh-hook$' -e '^chpwd_functions$' -e '^precmd_functions$' -e '^before$' -e '^n$' -e '^venvhook$' <<<"$output" || true)
	assert_equal "$bad" ""
}

@test "the man page passes mandoc -Tlint; its SYNOPSIS is venvhook --help's usage lines, word for word" {
	command -v mandoc >/dev/null || fail "mandoc is needed (apt-get install mandoc)"
	run mandoc -Tlint -Wwarning "$VH_SRCDIR/doc/venvhook.1"
	assert_success
	assert_output ""
	# the SYNOPSIS as man shows it, overstrikes and indentation removed
	local synopsis want u
	synopsis=$(mandoc -Tascii -Owidth=200 "$VH_SRCDIR/doc/venvhook.1" | sed $'s/.\b//g' |
		sed -n '/^SYNOPSIS$/,/^DESCRIPTION$/p' | sed -e '1d' -e '$d' -e '/^$/d' -e 's/^ *//')
	# (the usage column of --help; commands without usage, like call, are not listed)
	want=$("$VENVHOOK" --help | sed -n '/^commands:$/,/^$/p' |
		sed -nE 's/^  ([^ ]+( [^ ]+)*)  +[^ ].*$/venvhook \1/p')
	[[ $want == *"venvhook activate [--force] NAME|PATH"* ]] || fail "--help not parsed: $want"
	assert_equal "$synopsis" "$want
venvhook COMMAND --help
venvhook --help
venvhook --version"
}

@test "sourcing init --prompt in a shell defines nothing unprefixed but the prompt it prefixes" {
	run --separate-stderr "$VH_BASH" --norc -i -c 'compgen -A function -A variable | sort >"$T/before"
		eval "$("$VENVHOOK" init bash --prompt)"
		compgen -A function -A variable | sort >"$T/after"
		comm -13 "$T/before" "$T/after"'
	assert_success
	assert_output --partial __venvhook_ps_segment
	bad=$(grep -v -e '^__venvhook_' -e '^PROMPT_COMMAND$' -e '^precmd_functions$' -e '^cd$' -e '^pushd$' -e '^popd$' \
		-e '^PS1$' -e '^_$' -e '^BASH_' -e '^PIPESTATUS$' -e '^venvhook$' <<<"$output" || true)
	assert_equal "$bad" ""
	run "$VH_ZSH" -f -i -c 'before=(${(k)functions} ${(k)parameters})
		eval "$("$VENVHOOK" init zsh --prompt)"
		for n in ${(k)functions} ${(k)parameters}; do (( ${before[(Ie)$n]} )) || print -r -- $n; done'
	assert_success
	assert_output --partial __venvhook_prompt
	bad=$(grep -v -e '^__venvhook_' -e '^add-zsh-hook$' -e '^chpwd_functions$' -e '^precmd_functions$' -e '^before$' -e '^n$' -e '^venvhook$' <<<"$output" || true)
	assert_equal "$bad" ""
}
