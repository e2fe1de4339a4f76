# shellcheck shell=bash
# shellcheck disable=SC2016,SC2154  # the lines typed are the shell's to expand; $output is set by session (helpers.bash)
# What ksh93.bats and mksh.bats share, alike for the two: SHELL is the name
# init takes (and the driver's), EXE the program, RC the file it reads.

ksh_setup() { # SHELL
	vh_use_driver "$1"
	mkenv "$T/proj/.venv"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
}

ksh_teardown() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	refute_executed
}

# A cd on a command line, or in a function, switches before the next command
# of that line runs.
ksh_cd_in_line() {
	drv_write_rc 'function goto { cd "$1" && printenv VIRTUAL_ENV; }' ""
	session "line cd \"\$T/proj\" && printenv VIRTUAL_ENV" "line cd /" "line goto \"\$T/proj\""
	assert_equal "$(grep -c "^$T/proj/.venv$" <<<"$output")" 2
}

# --- at a real terminal (tmux) ---

# The name every prompt would misread: both shells expand $(...), backquotes
# and parameters in PS1 and read '!' there as the history number.
KSH_NAME='x $(touch PWNED) `touch PWNED` !1 !! ${HOME} \u %n "q'"'"

ksh_rc() { # RC RC-LINES...
	local rc=$1
	shift
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	printf '%s\n' "PS1='READY> '" "$@" >"$rc"
}

# cd activates and deactivates; an env made at the prompt is on at the next
# prompt.
ksh_term_walk() { # SHELL EXE RC
	mkdir -p "$T/proj/src" "$T/away" "$T/new"
	ksh_rc "$3" "eval \"\$(\"\$VENVHOOK\" init $1)\""
	tmux_start 200 "$2" -i
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

# --prompt, loaded twice: (name) before PS1, the hostile name shown as
# written, VIRTUAL_ENV_DISABLE_PROMPT hides it, idle prompts start no process.
ksh_term_prompt() { # SHELL EXE RC
	command -v strace >/dev/null || fail "strace is needed (apt-get install strace)"
	mkenv "$T/hostile/.venv" "prompt = $KSH_NAME"
	mkdir -p "$T/away"
	ksh_rc "$3" "eval \"\$(\"\$VENVHOOK\" init $1 --prompt)\"" "eval \"\$(\"\$VENVHOOK\" init $1 --prompt)\""
	tmux_start 250 strace -f -qq -e trace=execve,fork,vfork,clone,clone3 -o "$T/trace" "$2" -i
	wait_prompt 'READY>'
	type_line 'cd hostile'
	wait_prompt "($KSH_NAME) READY>"
	# idle prompts: no process
	local before
	before=$(wc -l <"$T/trace")
	idle_lines "($KSH_NAME) READY>" 3
	poll_screen "4 prompts with the segment" screen_at_least "($KSH_NAME) READY>" 4
	run bash -c 'tail -n +$(('"$before"' + 1)) "$T/trace" | grep -v resumed | grep -E "execve|fork|clone"'
	assert_output ""
	type_line 'export VIRTUAL_ENV_DISABLE_PROMPT=1'
	wait_prompt 'READY>'
	type_line 'unset VIRTUAL_ENV_DISABLE_PROMPT'
	wait_prompt "($KSH_NAME) READY>"
	type_line 'cd ../away'
	wait_prompt 'READY>'
	run find "$T" -name PWNED
	assert_output ""
}
