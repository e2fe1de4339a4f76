#!/usr/bin/env bats
# What only mksh has: cd as venvhook's function, the ${|...;} at the start
# of PS1 that runs the per-prompt check, and, at a real terminal (tmux),
# the hook and the --prompt segment as the user meets them.

load helpers
load ksh

setup() { ksh_setup mksh; }
teardown() { ksh_teardown; }

@test "a cd inside a command line, or in a function, activates before the next command runs" {
	ksh_cd_in_line
}

@test "cd keeps its own exit status; the user's \$? survives the prompt" {
	session "line cd /no-such-dir-venvhook-tests 2>/dev/null; echo cd-status=\$?" "cd proj" \
		"line cd /; echo cd-status=\$?" "fail 7"
	# (mksh's own cd fails with 2)
	assert_line "cd-status=2"
	assert_line "cd-status=0"
	assert_line "status=7"
}

@test "set -u and aliases named export and unset do not break the hook" {
	drv_write_rc "set -u; alias export='echo aliased'; alias unset='echo aliased'" ""
	session "cd proj" report "cd /" report "fail 3"
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_line "status=3"
	refute_output --partial aliased
	assert_equal "$stderr" "venvhook: activated proj (.venv)
venvhook: deactivated proj"
}

@test "loaded twice: PS1 holds the check once, one activation line" {
	drv_write_rc "" "$(drv_init_line)"
	session "cd proj" report 'line print -r -- "[$PS1]"'
	assert_active 1 "$T/proj/.venv"
	assert_line '[${|__venvhook_precmd;}]'
	assert_equal "$(grep -c '^venvhook: activated' <<<"$stderr")" 1
}

@test "a cd function that was there first is kept and runs first, and the env switches on the line; doctor is happy" {
	local def
	for def in 'function cd { echo user-cd >>"$T/cds"; \builtin cd "$@"; }' \
		'cd() { echo user-cd >>"$T/cds"; \builtin cd "$@"; }'; do
		drv_write_rc "$def" ""
		rm -f "$T/cds"
		session 'line cd proj; echo "on=$VIRTUAL_ENV"' report "run venvhook doctor" status
		assert_line "on=$T/proj/.venv"
		assert_active 1 "$T/proj/.venv"
		grep -q user-cd "$T/cds"
		assert_line "ok       the hook runs on directory changes"
		assert_line "status=0"
	done
}

@test "a stock Debian account (/etc/skel/.mkshrc, which reads /etc/mkshrc and its cd): doctor is happy, cd switches on the line" {
	[[ -r /etc/skel/.mkshrc && -r /etc/mkshrc ]] || skip "no Debian mksh skeleton here"
	{
		cat /etc/skel/.mkshrc
		printf '%s\n' 'PS1=' "$(drv_init_line)"
	} >"$HOME/.mkshrc"
	session 'line cd proj; echo "on=$VIRTUAL_ENV"' "run venvhook doctor" status 'line cd_csh /; echo "off=$VIRTUAL_ENV"'
	assert_line "on=$T/proj/.venv"
	assert_line "ok       the hook runs on directory changes"
	assert_line "status=0"
	assert_line "off="
	refute_line --regexp "^problem"
}

@test "doctor: a PS1 set after the init line is a problem; set before it, it keeps the check" {
	session "run venvhook doctor" status
	assert_line "ok       the hook runs on directory changes"
	assert_line "ok       the hook runs before each prompt"
	assert_line "status=0"
	drv_write_rc "" "PS1='mine> '"
	session "run venvhook doctor" status
	assert_line --partial "problem  PS1 no longer starts with venvhook's \${|__venvhook_precmd;}"
	assert_line "status=1"
	# set before: an env made at the prompt is still seen at the next one
	drv_write_rc "PS1='mine> '" ""
	mkdir -p "$T/new"
	session "cd new" "line /usr/bin/python3 -m venv --without-pip .venv" report
	assert_active 1 "$T/new/.venv"
}

# --- at a terminal (tests/bats/ksh.bash) ---

@test "mksh at a terminal: cd activates and deactivates; an env made at the prompt is on at the next prompt" {
	ksh_term_walk mksh "$VH_MKSH" "$HOME/.mkshrc"
}

@test "mksh --prompt at a terminal: (name) before PS1, shown as written, DISABLE hides it; idle prompts start no process" {
	ksh_term_prompt mksh "$VH_MKSH" "$HOME/.mkshrc"
}
