# shellcheck shell=bash
# shellcheck disable=SC2154  # $output, $screen are set by session and poll_screen (helpers.bash)
# The terminal tests nu.bats, xonsh.bats and elvish.bats share: the shell
# at a real terminal (tmux), with its rc file written by the test, its
# prompt ending in READY>.

term_setup() { # SHELL
	vh_skip_uninstalled "$1"
	vh_use_driver "$1"
	mkenv "$T/proj/.venv"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
}

term_teardown() {
	local sid
	sid=$(tmux -S "$SOCK" list-panes -a -F '#{pane_pid}' 2>/dev/null) || sid=
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	# a shell under strace outlives its terminal (nushell then spins on the
	# closed tty, for good): whatever is left of the pane's session goes too
	for sid in $sid; do pkill -KILL -s "$sid" 2>/dev/null || true; done
	refute_executed
}

# The name every prompt would misread: command substitutions of all the
# shells, parameters, prompt escapes and fields, history, quotes.
TERM_NAME='x $(touch PWNED) `touch PWNED` (touch PWNED) @(1) !1 !! ${HOME} $E:HOME \u %n {user} "q'"'"

# processes_since FILE LINE: the processes the traced shell started after
# line LINE of strace's FILE: an execve, or a fork, vfork or clone that is
# not a thread's (nushell and elvish start threads as they please).
processes_since() {
	tail -n +$(($2 + 1)) "$1" | grep -v resumed | grep -E 'execve|fork|clone' | grep -v CLONE_THREAD || true
}

# term_walk PRINT-VE -- SHELL-COMMAND...: the shell's rc is written (with
# init --prompt, loaded twice); the shell starts in the project (active at
# once, before its first prompt), shows the hostile name as written, starts
# no process at idle prompts (strace), leaves, and takes an env made at the
# prompt at the next one. PRINT-VE prints ve=[$VIRTUAL_ENV] in the shell.
term_walk() {
	local print_ve=$1 before
	shift 2
	command -v strace >/dev/null || fail "strace is needed (apt-get install strace)"
	mkenv "$T/hostile/.venv" "prompt = $TERM_NAME"
	mkdir -p "$T/away" "$T/new"
	# (LeakSanitizer cannot run under ptrace: the sanitizer build's venvhook
	# checks leaks in every other test)
	tmux_start 250 env -C "$T/proj" TERM=xterm XDG_CONFIG_HOME="$HOME/.config" \
		ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=execve,fork,vfork,clone,clone3 -o "$T/trace" "$@"
	# started in a project: its env before the first prompt
	wait_prompt '(proj) READY>'
	type_line "$print_ve"
	wait_for "ve=[$T/proj/.venv]"
	type_line 'cd ../hostile'
	wait_prompt "($TERM_NAME) READY>"
	# idle prompts: no process
	before=$(wc -l <"$T/trace")
	idle_lines "($TERM_NAME) READY>" 3
	run processes_since "$T/trace" "$before"
	assert_output ""
	type_line 'cd ../away'
	wait_prompt 'READY>'
	wait_for 'venvhook: deactivated'
	type_line 'cd ../new'
	wait_prompt 'READY>'
	# (the hook hands export the line: made here, core/trust/madeby.h)
	type_line '/usr/bin/python3 -m venv --without-pip .venv'
	wait_for "venvhook: activated new (.venv; made here: yours from now on)"
	wait_prompt '(new) READY>'
	type_line "$print_ve"
	wait_for "ve=[$T/new/.venv]"
	run find "$T" -name PWNED
	assert_output ""
	# one activation line for the project: the hook loaded twice runs once
	assert_equal "$(grep -c 'venvhook: activated proj' <<<"$screen")" 1
}
