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
	idle_lines "$SEG$1" 3
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

# --- control characters in a name venvhook did not set (finding 06) ---

# A name another activator leaves (its VIRTUAL_ENV_PROMPT, or the last part
# of its VIRTUAL_ENV): the bidi controls U+202E and U+2066 (which would
# turn the rest of the line around on the screen), U+200F, U+061C, the C1
# CSI U+009B, ESC and DEL, among text that stays (é, 日本). Written as
# UTF-8 bytes, the same in every locale.
CTL=$'a\xe2\x80\xaeb\xe2\x81\xa6c\xe2\x80\x8fd\xd8\x9ce\xc2\x9bf\x1bg\x7fh \xc3\xa9\xe6\x97\xa5\xe6\x9c\xac'
CTL_SHOWN=$'a?b?c?d?e?f?g?h \xc3\xa9\xe6\x97\xa5\xe6\x9c\xac'

# refute_raw_controls FILE: none of the C1 or bidi controls is in the bytes
# the shell wrote to the terminal (tmux pipe-pane). (ESC is not looked for
# here: the shells' line editors write escape sequences of their own; the
# screen shows where the name's went.)
refute_raw_controls() {
	local seq
	for seq in $'\xe2\x80\xae' $'\xe2\x81\xa6' $'\xe2\x80\x8f' $'\xd8\x9c' $'\xc2\x9b'; do
		if LC_ALL=C grep -qF -- "$seq" "$1"; then
			fail "the terminal got $(printf %s "$seq" | od -An -tx1): $(LC_ALL=C od -c "$1" | head -20)"
		fi
	done
}

# ctl_walk SET-VE SET-BOTH [SHOWN]: with the shell at 'READY>' in tmux,
# a foreign env whose directory holds $CTL is put on (SET-VE: VIRTUAL_ENV
# from $VH_VE), then another with $CTL in its VIRTUAL_ENV_PROMPT
# (SET-BOTH: VIRTUAL_ENV from $VH_VE2, VIRTUAL_ENV_PROMPT from $VH_P).
# Each time the prompt draws the name as SHOWN ($CTL_SHOWN: '?' for every
# control), and none of the controls reaches the terminal. An empty SET-VE
# skips the first (the shells that show VIRTUAL_ENV_PROMPT only).
ctl_walk() {
	local shown=${3-$CTL_SHOWN}
	wait_prompt 'READY>'
	: >"$T/raw"
	tmux -S "$SOCK" pipe-pane -o "cat >>'$T/raw'"
	if [[ -n $1 ]]; then
		type_line "$1"
		wait_prompt "(v$shown) READY>"
	fi
	type_line "$2"
	wait_prompt "(p$shown) READY>"
	# (the pipe's cat writes when it is scheduled: on a loaded machine the
	# screen can be drawn before the bytes reach the file)
	local i
	for ((i = 0; i < 600; i++)); do
		LC_ALL=C grep -qF -- "(p$shown) " "$T/raw" && break
		sleep 0.1
	done
	tmux -S "$SOCK" pipe-pane
	refute_raw_controls "$T/raw"
	LC_ALL=C grep -qF -- "(p$shown) " "$T/raw" || fail "no '(p$shown) ' in what the terminal got"
}

# ctl_start LOCALE SHELL-COMMAND...: the shell in tmux, in LOCALE, with the
# names ctl_walk's lines read.
ctl_start() {
	local loc=$1
	shift
	mkdir -p "$T/v$CTL/bin" "$T/other/bin"
	start env LC_ALL="$loc" VH_VE="$T/v$CTL" VH_VE2="$T/other" VH_P="p$CTL" "$@"
}

@test "bash --prompt: bidi and control characters in a foreign env's name are drawn as '?' (C and UTF-8)" {
	local loc
	printf '%s\n' 'PS1="READY> "' 'eval "$("$VENVHOOK" init bash --prompt)"' >"$HOME/.bashrc"
	for loc in C.UTF-8 C; do
		ctl_start "$loc" bash --rcfile "$HOME/.bashrc" -i
		ctl_walk 'export VIRTUAL_ENV=$VH_VE' 'export VIRTUAL_ENV=$VH_VE2 VIRTUAL_ENV_PROMPT=$VH_P'
		tmux_next
	done
}

@test "zsh --prompt: bidi and control characters in a foreign env's name are drawn as '?' (C and UTF-8)" {
	local loc
	local -A shown=([C.UTF-8]=$CTL_SHOWN [C]='a?b?c?d?e?f?g?h \M-C\M-)\M-f\M-^W\M-%\M-f\M-^\\M-,')
	printf '%s\n' 'PS1="READY> "' 'eval "$("$VENVHOOK" init zsh --prompt)"' >"$HOME/.zshrc"
	for loc in C.UTF-8 C; do
		ctl_start "$loc" env ZDOTDIR="$HOME" zsh -i
		# (in C, zsh itself shows each byte past ASCII in its \M- form)
		ctl_walk 'export VIRTUAL_ENV=$VH_VE' 'export VIRTUAL_ENV=$VH_VE2 VIRTUAL_ENV_PROMPT=$VH_P' \
			"${shown[$loc]}"
		tmux_next
	done
}

@test "fish --prompt: bidi and control characters in a foreign env's name are drawn as '?' (C and UTF-8)" {
	local loc
	local -A shown=([C.UTF-8]=$CTL_SHOWN [C]='aâ?®bâ?¦câ??dØ?eÂ?f?g?h Ã©æ?¥æ?¬')
	fish_rc 'echo -n "READY> "'
	for loc in C.UTF-8 C; do
		ctl_start "$loc" env XDG_CONFIG_HOME="$HOME/.config" fish -i
		# (in C, fish reads each byte past ASCII as a Latin-1 character,
		# so 0x80-0x9f are C1 controls: '?')
		ctl_walk 'set -gx VIRTUAL_ENV $VH_VE' 'set -gx VIRTUAL_ENV $VH_VE2; set -gx VIRTUAL_ENV_PROMPT $VH_P' \
			"${shown[$loc]}"
		tmux_next
	done
}

@test "ksh93 and mksh --prompt: bidi and control characters in a foreign env's name are drawn as '?' (C and UTF-8)" {
	local loc
	printf '%s\n' "PS1='READY> '" 'eval "$("$VENVHOOK" init ksh93 --prompt)"' >"$HOME/.kshrc"
	printf '%s\n' "PS1='READY> '" 'eval "$("$VENVHOOK" init mksh --prompt)"' >"$HOME/.mkshrc"
	for loc in C.UTF-8 C; do
		ctl_start "$loc" env ENV="$HOME/.kshrc" "${VH_KSH93:-ksh93}" -i
		ctl_walk 'export VIRTUAL_ENV=$VH_VE' 'export VIRTUAL_ENV=$VH_VE2 VIRTUAL_ENV_PROMPT=$VH_P'
		tmux_next
		ctl_start "$loc" env ENV="$HOME/.mkshrc" "${VH_MKSH:-mksh}" -i
		ctl_walk 'export VIRTUAL_ENV=$VH_VE' 'export VIRTUAL_ENV=$VH_VE2 VIRTUAL_ENV_PROMPT=$VH_P'
		tmux_next
	done
}

@test "tcsh --prompt: a foreign env's name holding bidi or control characters is not shown (C and UTF-8)" {
	local loc
	printf '%s\n' "set prompt = 'READY> '" 'eval "`$VENVHOOK:q init tcsh --prompt`"' >"$HOME/.tcshrc"
	for loc in C.UTF-8 C; do
		ctl_start "$loc" tcsh -i
		wait_prompt 'READY>'
		: >"$T/raw"
		tmux -S "$SOCK" pipe-pane -o "cat >>'$T/raw'"
		# tcsh has no builtin that replaces characters by class: a name
		# that is not printable ASCII is left out, then the next choice
		# (the last part of VIRTUAL_ENV) is shown if it is
		type_line 'setenv VIRTUAL_ENV "$VH_VE"'
		type_line 'echo "[$VIRTUAL_ENV:t]" | od -An -c | head -1'
		wait_for '[   v   a 342 200 256   b'
		wait_prompt 'READY>'
		type_line 'setenv VIRTUAL_ENV "$VH_VE2"; setenv VIRTUAL_ENV_PROMPT "$VH_P"'
		wait_prompt '(other) READY>'
		tmux -S "$SOCK" pipe-pane
		refute_raw_controls "$T/raw"
		tmux_next
	done
}

@test "nu, xonsh and elvish --prompt: bidi and control characters in VIRTUAL_ENV_PROMPT are drawn as '?' (C and UTF-8)" {
	local loc
	mkdir -p "$HOME/.config/nushell" "$HOME/.config/elvish" "$HOME/.run"
	printf '^$env.VENVHOOK init nu --prompt | save -f ~/.venvhook.nu\n' >"$HOME/.config/nushell/env.nu"
	printf '%s\n' '$env.config.show_banner = false' '$env.PROMPT_COMMAND = {|| "READY" }' \
		'$env.PROMPT_COMMAND_RIGHT = ""' '$env.PROMPT_INDICATOR = "> "' \
		'source ~/.venvhook.nu' >"$HOME/.config/nushell/config.nu"
	printf '%s\n' '$PROMPT = "READY> "' '$RIGHT_PROMPT = ""' '$BOTTOM_TOOLBAR = ""' \
		"exec(compile(__import__('subprocess').check_output([\$VENVHOOK, 'init', 'xonsh', '--prompt']), 'venvhook', 'exec'))" \
		>"$HOME/.xonshrc"
	printf '%s\n' 'set edit:prompt = { put "READY> " }' 'set edit:rprompt = { put "" }' \
		'eval ((external $E:VENVHOOK) init elvish --prompt | slurp)' >"$HOME/.config/elvish/rc.elv"
	for loc in C.UTF-8 C; do
		ctl_start "$loc" "${VH_NU:-nu}" --no-history
		ctl_walk '' '$env.VIRTUAL_ENV = $env.VH_VE2; $env.VIRTUAL_ENV_PROMPT = $env.VH_P'
		tmux_next
		ctl_start "$loc" "${VH_XONSH:-xonsh}" --rc "$HOME/.xonshrc" -i
		ctl_walk '' '$VIRTUAL_ENV = $VH_VE2; $VIRTUAL_ENV_PROMPT = $VH_P'
		tmux_next
		ctl_start "$loc" env XDG_RUNTIME_DIR="$HOME/.run" "${VH_ELVISH:-elvish}"
		ctl_walk '' 'set E:VIRTUAL_ENV = $E:VH_VE2; set E:VIRTUAL_ENV_PROMPT = $E:VH_P'
		tmux_next
	done
}
