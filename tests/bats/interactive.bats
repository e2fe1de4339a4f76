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

# wait_count TEXT N: polls until TEXT shows on N lines of the screen.
wait_count() {
	local i
	for ((i = 0; i < 100; i++)); do
		screen=$(tmux_screen)
		(($(grep -cF -- "$1" <<<"$screen") == $2)) && return 0
		sleep 0.1
	done
	fail "never saw '$1' on $2 lines:
$screen"
}

start() { # SHELL-COMMAND...
	tmux_start 200 "$@"
	wait_for 'READY>'
}

# The same session for each shell: python resolves into the env inside the
# project and a subdirectory, and not outside.
walk() {
	walk_with 'echo "py=$(command -v python)"' 'echo "after=[$(command -v python)]"' "after=[]"
}

# walk_with PY-LINE AFTER-LINE AFTER-SHOWN: the same walk in a shell that
# has its own way to ask where python resolves. PY-LINE must show
# py=PATH-OF-PYTHON; AFTER-LINE, typed outside the project, must show
# AFTER-SHOWN.
walk_with() {
	type_line 'cd proj/src'
	wait_for "venvhook: activated proj (.venv)"
	type_line "$1"
	wait_for "py=$T/proj/.venv/bin/python"
	type_line 'cd ../../away'
	wait_for "venvhook: deactivated proj"
	type_line "$2"
	wait_for "$3"
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

fish_rc() { # PROMPT-FUNCTION-BODY
	mkdir -p "$HOME/.config/fish"
	printf '%s\n' "set -g fish_greeting" "function fish_prompt; $1; end" \
		'"$VENVHOOK" init fish | source' >"$HOME/.config/fish/config.fish"
}

@test "fish at a terminal: cd activates, cd out deactivates" {
	fish_rc "echo -n 'READY> '"
	start env XDG_CONFIG_HOME="$HOME/.config" fish -i
	# fish 3.4+ takes $(...) inside double quotes, as bash does
	walk
}

@test "fish at a terminal: the prompt still shows the user's \$status" {
	fish_rc 'echo -n "[$status] READY> "'
	start env XDG_CONFIG_HOME="$HOME/.config" fish -i
	type_line 'cd proj; sh -c "exit 9"'
	wait_prompt "[9] READY>"
	wait_for "venvhook: activated proj (.venv)"
	type_line 'cd /no-such-dir-venvhook-tests'
	wait_prompt "[1] READY>"
	type_line 'sh -c "exit 3"; cd ../away'
	wait_prompt "[0] READY>"
	wait_for "venvhook: deactivated proj"
	type_line 'cd ../proj; sh -c "exit 4"'
	wait_prompt "[4] READY>"
	wait_count "venvhook: activated proj (.venv)" 2
}

# A harmless program in the env's bin/ (python there may not run): typing
# its name shows what the shell itself resolves, hash table and all.
probe() {
	printf '#!/bin/sh\necho "probe=$0"\n' >"$T/proj/.venv/bin/venv-probe"
	chmod +x "$T/proj/.venv/bin/venv-probe"
}

# After walk_with (in away/): back into the project and out, running the
# probe each time.
probe_walk() {
	type_line 'cd ../proj'
	wait_count "venvhook: activated proj (.venv)" 2
	type_line 'venv-probe'
	wait_for "probe=$T/proj/.venv/bin/venv-probe"
	type_line 'cd ..'
	wait_count "venvhook: deactivated proj" 2
	type_line 'venv-probe'
	wait_for "venv-probe: Command not found."
}

@test "tcsh at a terminal: cd activates, cd out deactivates" {
	probe
	printf '%s\n' "set prompt = 'READY> '" 'eval "`$VENVHOOK:q init tcsh`"' >"$HOME/.tcshrc"
	start tcsh -i
	# which is a tcsh builtin that walks the shell's $path
	walk_with 'echo "py=`which python`"' 'echo "after=[`which python`]"' \
		"after=[python: Command not found.]"
	probe_walk
}

@test "csh at a terminal: cd activates, cd out deactivates" {
	probe
	printf '%s\n' "set prompt = 'READY> '" 'eval "`$VENVHOOK:q init csh`"' >"$HOME/.cshrc"
	start bsd-csh -i
	# BSD csh has no which builtin: which(1) reads the exported PATH, and
	# the probe below checks what csh itself resolves
	walk_with 'echo "py=`which python`"' 'echo "after=[`which python`]"' "after=[]"
	probe_walk
}

# made_at_prompt: an env made at the prompt is on at the next prompt, with
# no cd; a clone into the directory the shell sits in that brings an env
# is refused at the next prompt. ECHO-VE is the shell's line that shows
# VIRTUAL_ENV as ve=[...]; the shell starts in $T.
made_at_prompt() {
	mkdir -p "$T/new" "$T/cloned" "$T/up/.venv/bin"
	printf 'home = /usr/bin\n' >"$T/up/.venv/pyvenv.cfg"
	git -C "$T/up" init -q
	git -C "$T/up" add -f .venv
	git -C "$T/up" -c user.name=t -c user.email=t@t commit -qm x
	type_line 'cd new'
	wait_prompt 'READY>'
	type_line '/usr/bin/python3 -m venv --without-pip .venv'
	wait_for "venvhook: activated new (.venv; made here: yours from now on)"
	type_line "$1"
	wait_for "ve=[$T/new/.venv]"
	type_line 'cd ../cloned'
	wait_for "venvhook: deactivated new"
	type_line "git clone -q $T/up ."
	wait_for "venvhook: not activating $T/cloned/.venv: its files are tracked by git in $T/cloned (it came with the repository); 'venvhook allow' trusts it"
	type_line "$1"
	wait_for "ve=[]"
}

@test "bash at a terminal: an env made at the prompt is on at the next prompt; one a clone brings is refused" {
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init bash)"\n' >"$HOME/.bashrc"
	start bash --rcfile "$HOME/.bashrc" -i
	made_at_prompt 'echo "ve=[${VIRTUAL_ENV-}]"'
}

@test "zsh at a terminal: an env made at the prompt is on at the next prompt; one a clone brings is refused" {
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init zsh)"\n' >"$HOME/.zshrc"
	start env ZDOTDIR="$HOME" zsh -i
	made_at_prompt 'echo "ve=[${VIRTUAL_ENV-}]"'
}

@test "fish at a terminal: an env made at the prompt is on at the next prompt; one a clone brings is refused" {
	fish_rc "echo -n 'READY> '"
	start env XDG_CONFIG_HOME="$HOME/.config" fish -i
	made_at_prompt 'echo "ve=[$VIRTUAL_ENV]"'
}

@test "tcsh at a terminal: an env made at the prompt is on at the next prompt; one a clone brings is refused" {
	printf '%s\n' "set prompt = 'READY> '" 'eval "`$VENVHOOK:q init tcsh`"' >"$HOME/.tcshrc"
	start tcsh -i
	# an unset variable is an error in tcsh: $?VIRTUAL_ENV first
	made_at_prompt 'if ($?VIRTUAL_ENV) echo "ve=[$VIRTUAL_ENV]"; if (! $?VIRTUAL_ENV) echo "ve=[]"'
}
