#!/usr/bin/env bats
# At a real terminal: tmux runs the shell with the README's rc line, keys are
# typed with send-keys and the screen is read with capture-pane.

load helpers

setup() {
	vh_setup
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/src" "$T/away"
}

teardown() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	refute_executed
}

# wait_for TEXT: polls the screen until TEXT shows (at most ~10 s).
wait_for() {
	local i
	for ((i = 0; i < 100; i++)); do
		screen=$(tmux -S "$SOCK" capture-pane -p -J -S -100)
		[[ $screen == *"$1"* ]] && return 0
		sleep 0.1
	done
	fail "never saw '$1' on the screen:
$screen"
}

type_line() { tmux -S "$SOCK" send-keys -l -- "$1" && tmux -S "$SOCK" send-keys Enter; }

start() { # SHELL-COMMAND...
	tmux -S "$SOCK" -f /dev/null new-session -d -x 200 -y 50 -c "$T" \
		env -i HOME="$HOME" PATH="$BASE_PATH" TERM=xterm LC_ALL=C.UTF-8 T="$T" VENVHOOK="$VENVHOOK" "$@"
	wait_for 'READY>'
}

# The same session for each shell: python resolves into the env inside the
# project and a subdirectory, and not outside.
walk() {
	type_line 'cd proj/src'
	wait_for "venvhook: activated proj (.venv)"
	type_line 'echo "py=$(command -v python)"'
	wait_for "py=$T/proj/.venv/bin/python"
	type_line 'cd ../../away'
	wait_for "venvhook: deactivated proj"
	type_line 'echo "after=[$(command -v python)]"'
	wait_for "after=[]"
}

@test "bash at a terminal: cd activates, cd out deactivates" {
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init bash)"\n' >"$HOME/.bashrc"
	start bash --rcfile "$HOME/.bashrc" -i
	walk
}

@test "zsh at a terminal: cd activates, cd out deactivates" {
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init zsh)"\n' >"$HOME/.zshrc"
	start env ZDOTDIR="$HOME" zsh -i
	walk
}

@test "bash at a terminal: a prompt showing \$? still shows the user's status" {
	printf 'PS1="[\\$?] READY> "\neval "$("$VENVHOOK" init bash)"\n' >"$HOME/.bashrc"
	start bash --rcfile "$HOME/.bashrc" -i
	type_line 'cd proj; (exit 9)'
	wait_for "[9] READY>"
}
