#!/usr/bin/env bats
# The shell setups people really have, at a real terminal (tmux): a cd on
# the command line that runs something, set -e in the rc file, bash-preexec
# and prompt code in PROMPT_COMMAND, a terminal's integration that wraps
# PROMPT_COMMAND, another tool's env going away, zsh start-up that must stay
# silent, an env made at the prompt. Envs are real ones (python3 -m venv)
# where the interpreter is asked which env it runs in.

load helpers

setup() {
	vh_setup
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
}

teardown() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
}

PREEXEC=$VH_SRCDIR/tests/fixtures/bash-preexec/bash-preexec.sh

# bash_rc BEFORE AFTER: ~/.bashrc with the README's line between a test's
# own lines, and a plain prompt.
bash_rc() {
	printf '%s\n' "PS1='READY> '" "$1" 'eval "$("$VENVHOOK" init bash)"' "$2" >"$HOME/.bashrc"
}
start_bash() { tmux_start 250 bash --rcfile "$HOME/.bashrc" -i; }

screen_prefixes() { (($(grep -c '^prefix=' <<<"$screen") >= $1)); }

# py: types the prefix line; py_is PREFIX: waits for its answer. The
# answers are told apart by counting them: N is how many such lines the
# screen shows now.
py_is() { # N PREFIX
	poll_screen "$1 prefix= lines" screen_prefixes "$1"
	assert_equal "$(grep '^prefix=' <<<"$screen" | sed -n "$1p")" "prefix=$2"
}

@test "bash: cd DIR && python3 on one line runs in DIR's env, from none, from another, to none; so does a function that cds" {
	mkvenv "$T/a/.venv"
	mkvenv "$T/b/.venv"
	bash_rc "" 'goto() { cd "$1" && python3 -c "import sys; print(\"prefix=\" + sys.prefix)"; }'
	start_bash
	wait_prompt 'READY>'
	type_line "cd a && $PREFIX_LINE"
	py_is 1 "$T/a/.venv"
	type_line "cd ../b && $PREFIX_LINE"
	py_is 2 "$T/b/.venv"
	type_line "cd .. && $PREFIX_LINE"
	py_is 3 /usr
	type_line 'goto a'
	py_is 4 "$T/a/.venv"
	# pushd and popd too
	type_line "pushd ../b >/dev/null && $PREFIX_LINE"
	py_is 5 "$T/b/.venv"
	type_line "popd >/dev/null && $PREFIX_LINE"
	py_is 6 "$T/a/.venv"
}

@test "bash: a cd function or a cd alias that was there first is kept, and the env still switches on the line" {
	mkvenv "$T/a/.venv"
	mkvenv "$T/b/.venv"
	# as rvm and autoenv define cd; and the cd_func idiom behind an alias
	bash_rc 'cd() { builtin cd "$@" && echo "their-cd $PWD"; }
mycd() { builtin cd "$@" && echo "my-alias $PWD"; }
alias pushd=mycd' ""
	start_bash
	wait_prompt 'READY>'
	type_line "cd a && $PREFIX_LINE"
	py_is 1 "$T/a/.venv"
	wait_for "their-cd $T/a"
	type_line "pushd ../b && $PREFIX_LINE"
	py_is 2 "$T/b/.venv"
	wait_for "my-alias $T/b"
	type_line 'cd /no-such-dir-venvhook-tests; echo "cd""-status=$?"'
	wait_for "cd-status=1"
	# builtin cd goes around the wrappers: the prompt catches up
	type_line "builtin cd ../a; $PREFIX_LINE"
	py_is 3 "$T/b/.venv"
	type_line "$PREFIX_LINE"
	py_is 4 "$T/a/.venv"
}

@test "bash with set -e in the rc: failures bash forgives do not end the shell, and the env follows cd" {
	mkvenv "$T/a/.venv"
	bash_rc 'set -e' ""
	start_bash
	wait_prompt 'READY>'
	type_line '[ -f /no-such-file ] && echo never'
	wait_prompt 'READY>'
	type_line '! true'
	wait_prompt 'READY>'
	type_line 'echo "alive-$((1 + 1))"'
	wait_for 'alive-2'
	type_line "cd a && $PREFIX_LINE"
	py_is 1 "$T/a/.venv"
	type_line '[ -f /no-such-file ] && echo never'
	type_line 'echo "alive-$((2 + 1))"'
	wait_for 'alive-3'
}

# The status the user's last command left, as prompt code after the hook
# reads it: a PROMPT_COMMAND entry, a precmd_functions entry.
SHOW_STATUS='__show() { PS1="[$?] READY> "; }'

@test "bash: a PROMPT_COMMAND entry after the hook sees the user's status, with set -e too" {
	mkvenv "$T/a/.venv"
	bash_rc "$SHOW_STATUS
PROMPT_COMMAND=__show" ""
	start_bash
	wait_prompt '[0] READY>'
	type_line 'sh -c "exit 7"'
	wait_prompt '[7] READY>'
	type_line 'cd a; sh -c "exit 3"'
	wait_prompt '[3] READY>'
	type_line 'true'
	wait_prompt '[0] READY>'
	tmux_next
	bash_rc "set -e
$SHOW_STATUS
PROMPT_COMMAND=__show" ""
	start_bash
	wait_prompt '[0] READY>'
	type_line '[ -f /no-such-file ] && echo never'
	wait_prompt '[1] READY>'
	type_line 'cd a'
	wait_prompt '[0] READY>'
}

# A precmd_functions prompt that shows the env and the status.
SHOW_ENV='__show_env() { local s=$?; PS1="[${VIRTUAL_ENV#"$T/"}|$s] READY> "; }'

@test "bash-preexec loaded before or after venvhook: precmd_functions prompts see the new env and the user's status" {
	mkvenv "$T/a/.venv"
	mkvenv "$T/b/.venv"
	local order
	for order in before after; do
		if [[ $order == before ]]; then
			bash_rc ". '$PREEXEC'
$SHOW_ENV
precmd_functions+=(__show_env)" ""
		else
			bash_rc "" ". '$PREEXEC'
$SHOW_ENV
precmd_functions+=(__show_env)"
		fi
		start_bash
		wait_prompt '[|0] READY>'
		# builtin cd goes around venvhook's cd: the prompt hook catches it
		type_line 'builtin cd a'
		wait_prompt '[a/.venv|0] READY>'
		type_line 'sh -c "exit 4"'
		wait_prompt '[a/.venv|4] READY>'
		type_line 'cd ../b'
		wait_prompt '[b/.venv|0] READY>'
		tmux_next
	done
}

@test "bash in a VS Code-style terminal that moved PROMPT_COMMAND into a variable of its own: the hook runs, doctor is happy" {
	mkvenv "$T/a/.venv"
	# What VS Code's shell integration does after ~/.bashrc: keep
	# PROMPT_COMMAND and run it from a function of its own.
	bash_rc "" '__vsc_restore() { return "$1"; }
__vsc_prompt_cmd_original() {
	local s=$? c
	for c in "${__vsc_original_prompt_command[@]}"; do __vsc_restore "$s"; eval "$c"; done
}
__vsc_original_prompt_command=$PROMPT_COMMAND
PROMPT_COMMAND=__vsc_prompt_cmd_original'
	start_bash
	wait_prompt 'READY>'
	type_line 'builtin cd a'
	wait_prompt 'READY>'
	type_line "$PREFIX_LINE"
	py_is 1 "$T/a/.venv"
	type_line 'venvhook doctor; echo "doctor""-status=$?"'
	wait_for 'doctor-status='
	[[ $screen == *"ok       the hook runs before each prompt"* ]] || fail "$screen"
	[[ $screen == *"no problem found"* && $screen == *"doctor-status=0"* ]] || fail "$screen"
}

# A stand-in for pyenv-virtualenv's prompt hook: in a directory with a
# .python-version it activates the env named there (as an activate script
# would: VIRTUAL_ENV and PATH), elsewhere it deactivates the env it made.
FAKE_PYENV='_pyenv_virtualenv_hook() {
	local s=$?
	if [[ -f .python-version ]]; then
		if [[ -z ${VIRTUAL_ENV-} ]]; then
			VIRTUAL_ENV=$T/pyenv/$(<.python-version) _OLD_PATH=$PATH PATH=$T/pyenv/$(<.python-version)/bin:$PATH
			export VIRTUAL_ENV PATH
		fi
	elif [[ -n ${_OLD_PATH-} ]]; then
		PATH=$_OLD_PATH; unset VIRTUAL_ENV _OLD_PATH
	fi
	return $s
}'

@test "bash: another tool's env that goes away at the prompt (pyenv-virtualenv) gives way to the env of here at that same prompt, in either load order" {
	mkvenv "$T/a/.venv"
	mkvenv "$T/pyenv/p"
	mkdir -p "$T/py"
	echo p >"$T/py/.python-version"
	local order
	for order in before after; do
		if [[ $order == before ]]; then
			bash_rc "$FAKE_PYENV"$'\nPROMPT_COMMAND="_pyenv_virtualenv_hook;${PROMPT_COMMAND-}"' ""
		else
			bash_rc "$FAKE_PYENV" 'PROMPT_COMMAND="_pyenv_virtualenv_hook;${PROMPT_COMMAND-}"'
		fi
		start_bash
		wait_prompt 'READY>'
		type_line 'cd py'
		wait_prompt 'READY>'
		type_line "$PREFIX_LINE"
		py_is 1 "$T/pyenv/p"
		type_line 'cd ../a'
		wait_prompt 'READY>'
		type_line "$PREFIX_LINE; echo \"pa\"\"th=\$PATH\""
		py_is 2 "$T/a/.venv"
		wait_for "path=$T/a/.venv/bin:$BASE_PATH"
		tmux_next
	done
}

@test "zsh: another tool's env that goes away at the prompt (pyenv-virtualenv) gives way to the env of here at that same prompt, in either load order" {
	mkvenv "$T/a/.venv"
	mkvenv "$T/pyenv/p"
	mkdir -p "$T/py"
	echo p >"$T/py/.python-version"
	local order hook='precmd_functions=(_pyenv_virtualenv_hook $precmd_functions)'
	# as pyenv-virtualenv's own zsh init does, the hook goes first in
	# precmd_functions: before venvhook's when loaded after it, after
	# venvhook's first hook (and before its last) when loaded before
	for order in before after; do
		if [[ $order == before ]]; then
			printf '%s\n' 'PS1="READY> "' "$FAKE_PYENV" "$hook" \
				'eval "$("$VENVHOOK" init zsh)"' >"$HOME/.zshrc"
		else
			printf '%s\n' 'PS1="READY> "' "$FAKE_PYENV" \
				'eval "$("$VENVHOOK" init zsh)"' "$hook" >"$HOME/.zshrc"
		fi
		tmux_start 250 sh -c 'cd "$T" && exec env ZDOTDIR="$HOME" zsh -i'
		wait_prompt 'READY>'
		type_line 'cd py'
		wait_prompt 'READY>'
		type_line "$PREFIX_LINE"
		py_is 1 "$T/pyenv/p"
		type_line 'cd ../a'
		wait_prompt 'READY>'
		type_line "$PREFIX_LINE; echo \"pa\"\"th=\$PATH\""
		py_is 2 "$T/a/.venv"
		wait_for "path=$T/a/.venv/bin:$BASE_PATH"
		tmux_next
	done
}

@test "zsh started inside a project prints nothing before its first prompt, and is active there" {
	mkvenv "$T/a/.venv"
	printf '%s\n' 'PS1="READY> "' 'eval "$("$VENVHOOK" init zsh)"' >"$HOME/.zshrc"
	tmux_start 250 sh -c 'cd "$T/a" && exec env ZDOTDIR="$HOME" zsh -i'
	wait_prompt 'READY>'
	# the whole screen: the prompt and nothing before it
	assert_equal "$(tmux_screen | sed 's/[[:space:]]*$//' | grep -v '^$')" 'READY>'
	type_line "$PREFIX_LINE"
	py_is 1 "$T/a/.venv"
	# later activations still say so
	mkvenv "$T/b/.venv"
	type_line 'cd ../b'
	wait_for 'venvhook: activated b (.venv), deactivated a'
}

@test "zsh started inside a project it refuses: the refusal waits for the first prompt, after the rc file ends" {
	mkenv_unallowed "$T/u/.venv"
	printf '%s\n' 'PS1="READY> "' 'eval "$("$VENVHOOK" init zsh)"' 'print -r -- RC-END' >"$HOME/.zshrc"
	tmux_start 250 sh -c 'cd "$T/u" && exec env ZDOTDIR="$HOME" zsh -i'
	wait_prompt 'READY>'
	# nothing while the rc file runs (an instant prompt's worry), the line
	# just before the prompt, once
	assert_equal "$(tmux_screen | sed 's/[[:space:]]*$//' | grep -v '^$')" "RC-END
venvhook: not activating $T/u/.venv: venvhook did not see you make it; 'venvhook allow' trusts it
READY>"
	type_line 'echo next-$((40 + 2))'
	wait_for 'next-42'
	wait_prompt 'READY>'
	assert_equal "$(tmux_screen | grep -c 'venvhook: not activating')" 1
}

# --- an activate script over venvhook's env, then its deactivate ---

# activate_walk SHELL ACTIVATE-FILE: in project a (venvhook's env), the
# user sources b's activate script: b's bin is first on PATH and a's is
# gone from it (from the next prompt; csh has none: from the next cd);
# after b's deactivate, a's env is back, PATH exactly as venvhook says.
activate_walk() {
	local sh=$1 script=$2 settle=$3
	wait_prompt 'READY>'
	type_line 'cd a'
	wait_prompt 'READY>'
	type_line "source ../b/.venv/bin/$script"
	wait_prompt 'READY>'
	[[ -z $settle ]] || { type_line "$settle"; wait_prompt 'READY>'; }
	type_line "$PREFIX_LINE"
	py_is 1 "$T/b/.venv"
	# (the quotes split the marker: the typed line does not show it)
	type_line 'echo "pa""th1=$PATH"'
	wait_for "path1="
	[[ $screen == *"path1=$T/b/.venv/bin:$BASE_PATH"* ]] || fail "$sh: a's bin stayed on PATH under b's env: $screen"
	type_line 'deactivate'
	wait_prompt 'READY>'
	[[ -z $settle ]] || { type_line "$settle"; wait_prompt 'READY>'; }
	type_line "$PREFIX_LINE"
	py_is 2 "$T/a/.venv"
	type_line 'echo "pa""th2=$PATH ve2=$VIRTUAL_ENV"'
	wait_for "path2="
	[[ $screen == *"path2=$T/a/.venv/bin:$BASE_PATH ve2=$T/a/.venv"* ]] || fail "$sh: $screen"
	type_line 'venvhook status'
	wait_for "active: $T/a/.venv, activated by venvhook"
}

@test "an activate script over venvhook's env, then deactivate: venvhook's env is back, PATH exactly as it says (bash, zsh)" {
	mkvenv "$T/a/.venv"
	mkvenv "$T/b/.venv"
	bash_rc 'export VIRTUAL_ENV_DISABLE_PROMPT=1' ""
	start_bash
	activate_walk bash activate ""
	tmux_next
	printf '%s\n' 'PS1="READY> "' 'export VIRTUAL_ENV_DISABLE_PROMPT=1' 'eval "$("$VENVHOOK" init zsh)"' >"$HOME/.zshrc"
	tmux_start 250 env ZDOTDIR="$HOME" zsh -i
	activate_walk zsh activate ""
}

@test "an activate script over venvhook's env, then deactivate: venvhook's env is back, PATH exactly as it says (fish, tcsh, csh)" {
	mkvenv "$T/a/.venv"
	mkvenv "$T/b/.venv"
	mkdir -p "$HOME/.config/fish"
	printf '%s\n' 'set -g fish_greeting' 'set -gx VIRTUAL_ENV_DISABLE_PROMPT 1' 'function fish_prompt; echo -n "READY> "; end' \
		'status is-interactive; and "$VENVHOOK" init fish | source' >"$HOME/.config/fish/config.fish"
	tmux_start 250 env XDG_CONFIG_HOME="$HOME/.config" fish -i
	activate_walk fish activate.fish ""
	tmux_next
	printf '%s\n' "set prompt = 'READY> '" 'setenv VIRTUAL_ENV_DISABLE_PROMPT 1' 'eval "`$VENVHOOK:q init tcsh`"' >"$HOME/.tcshrc"
	tmux_start 250 tcsh -i
	activate_walk tcsh activate.csh ""
	tmux_next
	# csh has no hook before each prompt: the next cd puts things right
	printf '%s\n' "set prompt = 'READY> '" 'setenv VIRTUAL_ENV_DISABLE_PROMPT 1' 'eval "`$VENVHOOK:q init csh`"' >"$HOME/.cshrc"
	tmux_start 250 bsd-csh -i
	activate_walk csh activate.csh 'cd .'
}

# --- an env made at the prompt is seen at the next prompt, by builtins ---

# prompts N: waits until the screen shows at least N prompts.
prompts() { poll_screen "$1 prompts" screen_at_least 'READY>' "$1"; }

# watch_walk NEXT [EXPORTS]: the shell stands in proj, where no env is
# yet; after its start-up export, its hook calls venvhook through the
# counting stand-in. Idle prompts start no export; `python3 -m venv .venv`
# at the prompt starts exactly EXPORTS (default 2: one that asks for the
# lines the shell ran, one that reads them, core/trust/madeby.h), at the
# next prompt (csh: at the next cd, NEXT), and idle prompts after that
# none again.
watch_walk() {
	local next=$1 want=${2:-2}
	prompts 1
	idle_lines 'READY>' 3
	prompts 4
	assert_equal "$(exports_in "$T/calls")" 0
	type_line '/usr/bin/python3 -m venv --without-pip .venv'
	prompts 5
	[[ -z $next ]] || { type_line "$next"; prompts 6; }
	idle_lines 'READY>' 3
	prompts $((${next:+1} + 8))
	(($(exports_in "$T/calls") == want)) || fail "$(exports_in "$T/calls") exports after the env was made: $screen"
	[[ -e $T/proj/.venv/pyvenv.cfg ]] || fail "no env was made: $screen"
}

# start_in_proj SHELL-COMMAND...: the shell at a terminal, in $T/proj.
start_in_proj() {
	mkdir -p "$T/proj"
	counting
	# shellcheck disable=SC2016  # expanded by sh in the session
	tmux_start 250 sh -c 'cd "$T/proj" && exec "$@"' sh "$@"
}

@test "an env made at the prompt starts two exports at the next prompt, idle prompts none (bash, zsh, fish)" {
	bash_rc "" "__venvhook_exe=\$T/counting"
	start_in_proj bash --rcfile "$HOME/.bashrc" -i
	watch_walk ""
	tmux_next
	rm -rf "$T/proj" "$T/calls"
	printf '%s\n' 'PS1="READY> "' 'eval "$("$VENVHOOK" init zsh)"' '__venvhook_exe=$T/counting' >"$HOME/.zshrc"
	start_in_proj env ZDOTDIR="$HOME" zsh -i
	watch_walk ""
	tmux_next
	rm -rf "$T/proj" "$T/calls"
	mkdir -p "$HOME/.config/fish"
	printf '%s\n' 'set -g fish_greeting' 'function fish_prompt; echo -n "READY> "; end' \
		'status is-interactive; and "$VENVHOOK" init fish | source' 'set -g __venvhook_exe $T/counting' \
		>"$HOME/.config/fish/config.fish"
	start_in_proj env XDG_CONFIG_HOME="$HOME/.config" fish -i
	watch_walk ""
}

@test "an env made at the prompt starts two exports at the next prompt, idle prompts none (tcsh; csh: one, at the next cd)" {
	printf '%s\n' "set prompt = 'READY> '" 'eval "`$VENVHOOK:q init tcsh`"' 'set __venvhook_exe = $T:q/counting' >"$HOME/.tcshrc"
	start_in_proj tcsh -i
	watch_walk ""
	tmux_next
	rm -rf "$T/proj" "$T/calls"
	printf '%s\n' "set prompt = 'READY> '" 'eval "`$VENVHOOK:q init csh`"' 'set __venvhook_exe = $T:q/counting' >"$HOME/.cshrc"
	start_in_proj bsd-csh -i
	# (csh hands over no lines: export asks for none)
	watch_walk "cd ." 1
}

# --- a shell that is not interactive runs no hook ---

# no_export: the trace of a shell that loaded the rc file holds no
# `venvhook export`, and the shell printed nothing.
no_export() {
	assert_success
	assert_output ""
	run grep -E 'execve\("[^"]*venvhook", \["[^"]*", "export"' "$T/trace"
	assert_output ""
}

# (LeakSanitizer cannot run under ptrace: a sanitizer build leaves it off here)
traced() {
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -qq -e trace=execve -o "$T/trace" "$@"
}

@test "fish -c in a project (as tide renders its prompt) starts no venvhook process with the README's line, and no export with the old one" {
	mkvenv "$T/proj/.venv"
	mkdir -p "$HOME/.config/fish"
	printf '%s\n' 'status is-interactive; and "$VENVHOOK" init fish | source' >"$HOME/.config/fish/config.fish"
	cd "$T/proj"
	run traced env XDG_CONFIG_HOME="$HOME/.config" fish -c 'cd ..; cd proj; true'
	no_export
	run grep -c 'venvhook' "$T/trace"
	assert_output 0
	# the line as it was: init runs, and what it prints does nothing
	printf '%s\n' '"$VENVHOOK" init fish | source' >"$HOME/.config/fish/config.fish"
	run traced env XDG_CONFIG_HOME="$HOME/.config" fish -c 'cd ..; cd proj; true'
	no_export
	run grep -c 'execve(.*venvhook", \[.*"init"' "$T/trace"
	assert_output 1
}

@test "scripts and -c shells that load the rc file run no export and print nothing (bash, zsh, tcsh, csh)" {
	mkvenv "$T/proj/.venv"
	cd "$T/proj"
	printf '%s\n' 'eval "$("$VENVHOOK" init bash)"' >"$HOME/.bashrc"
	run traced bash -c 'source ~/.bashrc; cd ..; cd proj; echo "ve=[${VIRTUAL_ENV-}]" >"$T/ve"'
	no_export
	assert_equal "$(cat "$T/ve")" "ve=[]"
	printf '%s\n' 'eval "$("$VENVHOOK" init zsh)"' >"$HOME/.zshrc"
	run traced zsh -c 'source ~/.zshrc; cd ..; cd proj'
	no_export
	# tcsh and csh read their rc file for -c too
	printf '%s\n' 'eval "`$VENVHOOK:q init tcsh`"' >"$HOME/.tcshrc"
	run traced tcsh -c 'cd .. ; cd proj'
	no_export
	printf '%s\n' 'eval "`$VENVHOOK:q init csh`"' >"$HOME/.cshrc"
	run traced bsd-csh -c 'cd .. ; cd proj'
	no_export
}
