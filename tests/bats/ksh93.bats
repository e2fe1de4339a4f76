#!/usr/bin/env bats
# What only ksh93 has: the PWD.set and PS1.get disciplines the hook hangs
# on, virtual subshells, and, at a real terminal (tmux), the hook and the
# --prompt segment as the user meets them.

load helpers
load ksh

setup() { ksh_setup ksh93; }
teardown() { ksh_teardown; }

@test "a cd inside a command line, or in a function, activates before the next command runs" {
	ksh_cd_in_line
}

@test "cd keeps its own exit status; the user's \$? survives the prompt" {
	session "line cd /no-such-dir-venvhook-tests 2>/dev/null; echo cd-status=\$?" "cd proj" \
		"line cd /; echo cd-status=\$?" "fail 7"
	assert_line "cd-status=1"
	assert_line "cd-status=0"
	assert_line "status=7"
}

@test "a symlinked directory keeps the path cd'd through (PWD.set hands the binary the new PWD)" {
	ln -s proj "$T/link"
	session "cd link" report
	assert_active 1 "$T/link/.venv"
}

@test "in a subshell or a command substitution the hook does nothing, and repeats no output" {
	# (a virtual subshell that ran a command substitution of its own could
	# print what it had buffered twice)
	session "line (cd \"\$T/proj\"; echo in-sub; printenv VIRTUAL_ENV || echo no-env)" \
		"line x=\$(cd \"\$T/proj\" && pwd); echo got=\$x" report
	assert_equal "$(grep -c '^in-sub$' <<<"$output")" 1
	assert_line "no-env"
	assert_line "got=$T/proj"
	assert_inactive 1
}

@test "set -u, set -e and an alias named export do not break the hook" {
	drv_write_rc "set -u; alias export='echo aliased'; alias unset='echo aliased'" 'set -e'
	session "cd proj" report "cd /" report "fail 0"
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	# (the shell is still there at the end)
	assert_line "status=0"
	refute_output --partial aliased
	assert_equal "$stderr" "venvhook: activated proj (.venv)
venvhook: deactivated proj"
}

@test "loaded twice: one activation line, the disciplines defined once" {
	drv_write_rc "" "$(drv_init_line)"
	session "cd proj" report "line typeset +f | grep -c -e '^PWD.set' -e '^PS1.get'"
	assert_active 1 "$T/proj/.venv"
	assert_line 2
	assert_equal "$(grep -c '^venvhook: activated' <<<"$stderr")" 1
}

@test "doctor: PWD.set or PS1.get defined again after the init line is a problem" {
	session "run venvhook doctor" status
	assert_line "ok       the hook runs on directory changes"
	assert_line "ok       the hook runs before each prompt"
	assert_line "status=0"
	drv_write_rc "" 'function PWD.set { :; }'
	session "run venvhook doctor" status
	assert_line "problem  PWD.set no longer runs the hook: something defined it again after venvhook was loaded; put the init line last in ~/.kshrc"
	assert_line "status=1"
	drv_write_rc "" 'function PS1.get { :; }'
	session "run venvhook doctor" status
	assert_line --partial "problem  PS1.get no longer runs the hook"
}

# --- at a terminal (tests/bats/ksh.bash) ---

@test "ksh93 at a terminal: cd activates and deactivates; an env made at the prompt is on at the next prompt" {
	ksh_term_walk ksh93 "$VH_KSH93" "$HOME/.kshrc"
}

@test "ksh93 --prompt at a terminal: (name) before PS1, shown as written, DISABLE hides it; idle prompts start no process" {
	ksh_term_prompt ksh93 "$VH_KSH93" "$HOME/.kshrc"
}
