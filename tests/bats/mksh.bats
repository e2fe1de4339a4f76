#!/usr/bin/env bats
# What only mksh has: cd as venvhook's function, the ${|...;} at the start
# of PS1 that runs the per-prompt check, and, at a real terminal (tmux),
# the hook and the --prompt segment as the user meets them.

load helpers

setup() {
	vh_use_driver mksh
	mkenv "$T/proj/.venv"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
}

teardown() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	refute_executed
}

@test "a cd inside a command line, or in a function, activates before the next command runs" {
	drv_write_rc 'function goto { cd "$1" && printenv VIRTUAL_ENV; }' ""
	session "line cd \"\$T/proj\" && printenv VIRTUAL_ENV" "line cd /" "line goto \"\$T/proj\""
	assert_equal "$(grep -c "^$T/proj/.venv$" <<<"$output")" 2
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

@test "a cd function of the user's is kept (the env then waits for the prompt); doctor says so" {
	drv_write_rc 'function cd { echo user-cd >>"$T/cds"; \builtin cd "$@"; }' ""
	session "cd proj" report "run venvhook doctor" status
	assert_active 1 "$T/proj/.venv"
	grep -q user-cd "$T/cds"
	assert_line "problem  cd is a function that is not venvhook's, so the env switches at the next prompt, not for the rest of the cd's command line; leave cd to venvhook, or call __venvhook_check after the directory change in yours"
	assert_line "status=1"
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

# --- at a terminal ---

# The name every prompt would misread: mksh expands $(...), backquotes and
# parameters in PS1 (and reads '!' there as the history number).
NAME='x $(touch PWNED) `touch PWNED` !1 !! ${HOME} \u %n "q'"'"

term() { # RC-LINES...
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	printf '%s\n' "PS1='READY> '" "$@" >"$HOME/.mkshrc"
}

@test "mksh at a terminal: cd activates and deactivates; an env made at the prompt is on at the next prompt" {
	mkdir -p "$T/proj/src" "$T/away" "$T/new"
	term 'eval "$("$VENVHOOK" init mksh)"'
	tmux_start 200 "$VH_MKSH" -i
	wait_prompt 'READY>'
	type_line 'cd proj/src'
	wait_for "venvhook: activated proj (.venv)"
	type_line 'print "py=$(whence -p python)"'
	wait_for "py=$T/proj/.venv/bin/python"
	type_line 'cd ../../new'
	wait_for "venvhook: deactivated proj"
	type_line '/usr/bin/python3 -m venv --without-pip .venv'
	wait_for "venvhook: activated new (.venv; made here: yours from now on)"
	type_line 'print "ve=[$VIRTUAL_ENV]"'
	wait_for "ve=[$T/new/.venv]"
}

@test "mksh --prompt at a terminal: (name) before PS1, shown as written, DISABLE hides it; idle prompts start no process" {
	command -v strace >/dev/null || fail "strace is needed (apt-get install strace)"
	mkenv "$T/hostile/.venv" "prompt = $NAME"
	mkdir -p "$T/away"
	term 'eval "$("$VENVHOOK" init mksh --prompt)"' 'eval "$("$VENVHOOK" init mksh --prompt)"'
	tmux_start 250 strace -f -qq -e trace=execve,fork,vfork,clone,clone3 -o "$T/trace" "$VH_MKSH" -i
	wait_prompt 'READY>'
	type_line 'cd hostile'
	wait_prompt "($NAME) READY>"
	# idle prompts: no process
	local before
	before=$(wc -l <"$T/trace")
	type_line ''
	type_line ''
	type_line ''
	poll_screen "4 prompts with the segment" screen_at_least "($NAME) READY>" 4
	run bash -c 'tail -n +$(('"$before"' + 1)) "$T/trace" | grep -v resumed | grep -E "execve|fork|clone"'
	assert_output ""
	type_line 'export VIRTUAL_ENV_DISABLE_PROMPT=1'
	wait_prompt 'READY>'
	type_line 'unset VIRTUAL_ENV_DISABLE_PROMPT'
	wait_prompt "($NAME) READY>"
	type_line 'cd ../away'
	wait_prompt 'READY>'
	run find "$T" -name PWNED
	assert_output ""
}
