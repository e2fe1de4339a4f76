#!/usr/bin/env bats
# `venvhook init SHELL --prompt`: at a real terminal (tmux), the prompt shows
# `(NAME) ` before the user's own while an env is active, where NAME is the
# env's prompt from pyvenv.cfg, hostile text and all, shown as written and
# never run.

load helpers

# Every character some shell's prompt or parser treats specially: bash's
# \u and $(...), zsh's and tcsh's %, tcsh's ! (history number) and \ and ^
# escapes, backquotes, both quotes. pyvenv.cfg takes a value that does not
# start and end with the same quote as it is.
NAME='x %n %% !1 !! $(touch PWNED) `touch PWNED` \u \\ ^[ "q'"'"
SEG="($NAME) "

setup() {
	vh_setup
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
	mkenv "$T/proj/.venv" "prompt = $NAME"
	mkdir -p "$T/away"
}

teardown() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	refute_executed
}

start() { tmux_start 250 "$@"; }

refute_pwned() {
	run find "$T" -name PWNED
	assert_output ""
}

# walk PROMPT SET-DISABLE UNSET-DISABLE: the segment shows inside the
# project, goes with VIRTUAL_ENV_DISABLE_PROMPT and comes back without it,
# and goes when the shell leaves the project; the rc loaded the hook twice.
walk() {
	wait_prompt "$1"
	type_line 'cd proj'
	wait_prompt "$SEG$1"
	type_line "$2"
	wait_prompt "$1"
	type_line "$3"
	wait_prompt "$SEG$1"
	type_line 'cd ../away'
	wait_prompt "$1"
	type_line 'cd ../proj'
	wait_prompt "$SEG$1"
	refute_pwned
}

# idle PROMPT: at the prompt inside the project, three empty lines draw
# three prompts with the segment, and the shell (traced since it started)
# starts no process for them.
idle() {
	local before
	wait_prompt "$SEG$1"
	before=$(wc -l <"$T/trace")
	type_line ''
	type_line ''
	type_line ''
	poll_screen "4 prompts '$SEG$1'" screen_at_least "$SEG$1" 4
	wait_prompt "$SEG$1"
	# (threads are no process: fish runs its autoloading and I/O on some)
	run bash -c 'tail -n +$(('"$before"' + 1)) "$T/trace" | grep -v resumed |
		grep -E "execve|fork|clone" | grep -v CLONE_THREAD'
	assert_output ""
	(($(grep -cF -- "$SEG$1" <<<"$(tmux_screen)") >= 4)) || fail "fewer prompts than lines typed: $(tmux_screen)"
}

traced() { # SHELL-COMMAND...
	command -v strace >/dev/null || fail "strace is needed (apt-get install strace)"
	start strace -f -qq -e trace=execve,fork,vfork,clone,clone3 -o "$T/trace" "$@"
}

@test "bash --prompt: (name) before PS1, hostile name shown as written, DISABLE hides it" {
	printf '%s\n' 'PS1="READY> "' 'eval "$("$VENVHOOK" init bash --prompt)"' \
		'eval "$("$VENVHOOK" init --prompt bash)"' >"$HOME/.bashrc"
	start bash --rcfile "$HOME/.bashrc" -i
	walk 'READY>' 'export VIRTUAL_ENV_DISABLE_PROMPT=1' 'VIRTUAL_ENV_DISABLE_PROMPT='
}

@test "zsh --prompt: (name) before PS1, hostile name shown as written, DISABLE hides it" {
	printf '%s\n' 'PS1="READY> "' 'eval "$("$VENVHOOK" init zsh --prompt)"' \
		'eval "$("$VENVHOOK" init zsh --prompt)"' >"$HOME/.zshrc"
	start env ZDOTDIR="$HOME" zsh -i
	walk 'READY>' 'export VIRTUAL_ENV_DISABLE_PROMPT=1' 'unset VIRTUAL_ENV_DISABLE_PROMPT'
}

@test "zsh --prompt with prompt_subst on: the name still runs nothing" {
	printf '%s\n' 'setopt prompt_subst' 'PS1="READY> "' 'eval "$("$VENVHOOK" init zsh --prompt)"' \
		>"$HOME/.zshrc"
	start env ZDOTDIR="$HOME" zsh -i
	walk 'READY>' 'export VIRTUAL_ENV_DISABLE_PROMPT=1' 'unset VIRTUAL_ENV_DISABLE_PROMPT'
}

fish_rc() { # PROMPT-FUNCTION-BODY
	mkdir -p "$HOME/.config/fish"
	# as after fish's first start: no background fish_update_completions
	# (python3, man) to muddle the process count
	printf '%s\n' '# This file contains fish universal variable definitions.' '# VERSION: 3.0' \
		'SETUVAR __fish_initialized:3400' >"$HOME/.config/fish/fish_variables"
	mkdir -p "$HOME/.local/share/fish/generated_completions"
	printf '%s\n' "set -g fish_greeting" "function fish_prompt; $1; end" \
		'"$VENVHOOK" init fish --prompt | source' '"$VENVHOOK" init fish --prompt | source' \
		>"$HOME/.config/fish/config.fish"
}

@test "fish --prompt: (name) before the user's fish_prompt, which still sees \$status and \$pipestatus" {
	fish_rc 'echo -n "[$status/$pipestatus] READY> "'
	start env XDG_CONFIG_HOME="$HOME/.config" fish -i
	walk '[0/0] READY>' 'set -gx VIRTUAL_ENV_DISABLE_PROMPT 1' 'set -e VIRTUAL_ENV_DISABLE_PROMPT'
	type_line 'true | false'
	wait_prompt "$SEG[1/0 1] READY>"
}

@test "tcsh --prompt: (name) before the prompt, which the user may still change" {
	printf '%s\n' "set prompt = 'READY> '" 'eval "`$VENVHOOK:q init tcsh --prompt`"' \
		'eval "`$VENVHOOK:q init tcsh --prompt`"' >"$HOME/.tcshrc"
	start tcsh -i
	walk 'READY>' 'setenv VIRTUAL_ENV_DISABLE_PROMPT 1' 'setenv VIRTUAL_ENV_DISABLE_PROMPT'
	# (the user's ! stays tcsh's history number, as they wrote it)
	type_line "set prompt = 'NEW %% > '"
	wait_prompt "${SEG}NEW % >"
	type_line 'cd ..'
	wait_prompt 'NEW % >'
	refute_pwned
}

@test "tcsh --prompt: chained after the user's own precmd" {
	printf '%s\n' "set prompt = 'READY> '" "alias precmd 'set prompt = \"USER> \"'" \
		'eval "`$VENVHOOK:q init tcsh --prompt`"' >"$HOME/.tcshrc"
	start tcsh -i
	wait_prompt 'USER>'
	type_line 'cd proj'
	wait_prompt "${SEG}USER>"
}

@test "an idle prompt with the segment starts no process (bash, zsh, fish, tcsh)" {
	printf '%s\n' 'PS1="READY> "' 'eval "$("$VENVHOOK" init bash --prompt)"' >"$HOME/.bashrc"
	traced bash --rcfile "$HOME/.bashrc" -i
	wait_prompt 'READY>'
	type_line 'cd proj'
	idle 'READY>'
	tmux_next

	printf '%s\n' 'PS1="READY> "' 'eval "$("$VENVHOOK" init zsh --prompt)"' >"$HOME/.zshrc"
	traced env ZDOTDIR="$HOME" zsh -i
	wait_prompt 'READY>'
	type_line 'cd proj'
	idle 'READY>'
	tmux_next

	fish_rc 'echo -n "READY> "'
	traced env XDG_CONFIG_HOME="$HOME/.config" fish -i
	wait_prompt 'READY>'
	type_line 'cd proj'
	idle 'READY>'
	tmux_next

	printf '%s\n' "set prompt = 'READY> '" 'eval "`$VENVHOOK:q init tcsh --prompt`"' >"$HOME/.tcshrc"
	traced tcsh -i
	wait_prompt 'READY>'
	type_line 'cd proj'
	idle 'READY>'
}

@test "init csh --prompt is refused in one line: BSD csh has no precmd" {
	run "$VENVHOOK" init csh --prompt
	assert_failure 2
	assert_output --partial "csh has no hook that runs before each prompt"
	assert_equal "${#lines[@]}" 1
}

@test "init without --prompt prints no prompt code; bad arguments are refused" {
	local sh without n=0
	[[ -n ${VH_SHELLS:-} ]] || fail "VH_SHELLS is set by make check"
	for sh in $VH_SHELLS; do
		# (csh has none: see above)
		"$VENVHOOK" init "$sh" --prompt >/dev/null 2>&1 || continue
		n=$((n + 1))
		run init_body "$sh"
		assert_success
		refute_output --partial __venvhook_prompt
		refute_output --partial __venvhook_ps_
		refute_output --partial __venvhook_user_prompt
		without=$output
		run init_body "$sh" --prompt
		assert_success
		# the hook, then the segment
		[[ $output == "$without"?* ]] || fail "$sh: init --prompt is not the hook and more"
	done
	((n >= 4)) || fail "only $n shells have a prompt segment"
	run "$VENVHOOK" init bash --prompt --prompt
	assert_failure 2
	run "$VENVHOOK" init bash zsh
	assert_failure 2
	run "$VENVHOOK" init --prompt
	assert_failure 2
}
