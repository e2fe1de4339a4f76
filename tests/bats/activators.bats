#!/usr/bin/env bats
# Other activators at a real terminal, in all seven shells: tmux runs the
# shell with the README's rc line (each driver's), keys are typed with
# send-keys and the screen is read with capture-pane. Real envs (python3
# -m venv), and the real interpreter says where it runs (sys.prefix).
# The rule these hold venvhook to: core/output/plan.h, doc/activators.md.

load helpers

setup() {
	vh_setup
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
	mkvenv "$T/a/.venv"
	mkvenv "$T/b/.venv"
	mkdir -p "$T/a/src" "$T/elsewhere"
	# what the shell's python3 says: where it runs, the VIRTUAL_ENV it got,
	# and every env bin/ on its PATH ($T spelled T)
	cat >"$T/report.py" <<-'EOF'
		import os, sys
		t = os.environ["T"]
		rel = lambda p: "T" + p[len(t):] if p.startswith(t) else p
		bins = [rel(p) for p in os.environ["PATH"].split(":") if "venv" in p]
		print(sys.argv[1], "prefix=" + rel(sys.prefix), "ve=" + rel(os.environ.get("VIRTUAL_ENV", "")),
		      "bins=" + ",".join(bins) + ".")
	EOF
}

teardown() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
}

# shell_rc SHELL: writes SHELL's rc file (a prompt 'READY> ', then the
# driver's init line, the README's) and sets $act (the env's activate
# script for the shell), $src (the command that sources it) and $cmd (how
# the shell is started).
shell_rc() {
	local init
	init=$(source "$VH_SRCDIR/tests/drivers/$1.driver" && drv_init_line && printf '%s' "$drv_exe") || fail "no driver for $1"
	local exe=${init##*$'\n'}
	init=${init%$'\n'*}
	act=activate src=. cmd=("$exe" -i)
	case $1 in
	bash) printf '%s\n' "PS1='READY> '" "$init" >"$HOME/.bashrc"; cmd=("$exe" --rcfile "$HOME/.bashrc" -i) ;;
	zsh) printf '%s\n' "PS1='READY> '" "$init" >"$HOME/.zshrc"; cmd=(env ZDOTDIR="$HOME" "$exe" -i) ;;
	ksh93) printf '%s\n' "PS1='READY> '" "$init" >"$HOME/.kshrc" ;;
	mksh) printf '%s\n' "PS1='READY> '" "$init" >"$HOME/.mkshrc" ;;
	fish)
		mkdir -p "$HOME/.config/fish"
		printf '%s\n' "set -g fish_greeting" "function fish_prompt; echo -n 'READY> '; end" "$init" \
			>"$HOME/.config/fish/config.fish"
		act=activate.fish src=source cmd=(env XDG_CONFIG_HOME="$HOME/.config" "$exe" -i)
		;;
	tcsh) printf '%s\n' "set prompt = 'READY> '" "$init" >"$HOME/.tcshrc"; act=activate.csh src=source ;;
	csh) printf '%s\n' "set prompt = 'READY> '" "$init" >"$HOME/.cshrc"; act=activate.csh src=source ;;
	esac
}

# start DIR [VAR=VALUE...]: the shell in $T/DIR, with those variables
# added to its clean environment (as an editor starts a terminal).
start() {
	local dir=$1
	shift
	TMUX_CWD=$T/$dir tmux_start 200 env "$@" "${cmd[@]}"
	wait_for 'READY>'
}

# report N: types the line that makes python3 report, and waits for its
# report; $got is that line of the screen.
report() {
	type_line "python3 \"\$T/report.py\" R$1"
	poll_screen "report R$1" screen_has_report "R$1"
	got=$(grep -oE "R$1 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen")
}
# (csh echoes typeahead: the report may follow a prompt on its line)
screen_has_report() { grep -qE "$1 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen"; }

# The issue's scenario (venvhook's env on, an activate script of it, a cd,
# the script's deactivate, a cd out): no half-activated PATH.
activate_cd_deactivate() {
	shell_rc "$1"
	start .
	type_line 'cd a'
	wait_for 'venvhook: activated a (.venv)'
	type_line "$src .venv/bin/$act"
	type_line 'cd src'
	report 1
	# (the script put the env's bin/ in front of PATH as it found it, which
	# held venvhook's entry of the same env: both are a's)
	assert_equal "$got" "R1 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin,T/a/.venv/bin."
	type_line deactivate
	report 2
	# (BSD csh has no hook before a prompt: venvhook sees the script's
	# deactivate at the next cd, and the env's bin/ stays until then)
	[[ $1 == csh ]] || assert_equal "$got" "R2 prefix=/usr ve= bins=."
	type_line 'cd ../../elsewhere'
	report 3
	assert_equal "$got" "R3 prefix=/usr ve= bins=."
	# and venvhook's own activation is back on entering again
	type_line 'cd ../a'
	report 4
	assert_equal "$got" "R4 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin."
	type_line 'cd ..'
	report 5
	assert_equal "$got" "R5 prefix=/usr ve= bins=."
	refute_executed
}

@test "bash at a terminal: activate script, cd, its deactivate, cd out: the system's python3, no env bin" {
	activate_cd_deactivate bash
}
@test "zsh at a terminal: activate script, cd, its deactivate, cd out: the system's python3, no env bin" {
	activate_cd_deactivate zsh
}
@test "fish at a terminal: activate script, cd, its deactivate, cd out: the system's python3, no env bin" {
	activate_cd_deactivate fish
}
@test "tcsh at a terminal: activate script, cd, its deactivate, cd out: the system's python3, no env bin" {
	activate_cd_deactivate tcsh
}
@test "csh at a terminal: activate script, cd, its deactivate, cd out: the system's python3, no env bin" {
	activate_cd_deactivate csh
}
@test "ksh93 at a terminal: activate script, cd, its deactivate, cd out: the system's python3, no env bin" {
	activate_cd_deactivate ksh93
}
@test "mksh at a terminal: activate script, cd, its deactivate, cd out: the system's python3, no env bin" {
	activate_cd_deactivate mksh
}

# VS Code's Python extension, activate-script mode: the terminal opens in
# the workspace folder (VS Code sets TERM_PROGRAM=vscode) and the extension
# types `source .../activate` as its first command line. Then two cds: B's
# env, then the system's. With "by-hand" the same outside VS Code: an env
# the user activated, which stays until they deactivate it.
vscode_script() {
	shell_rc "$1"
	local how=${2:-vscode}
	if [[ $how == vscode ]]; then start a TERM_PROGRAM=vscode; else start a; fi
	type_line "$src \"\$T/a/.venv/bin/$act\""
	report 1
	type_line 'cd ../b'
	report 2
	type_line 'cd /'
	report 3
	case $1-$how in
	tcsh-* | csh-* | *-by-hand)
		# (the start of tcsh and csh is the rc file alone: the script's env
		# is one the user chose, and stays, alone on PATH, until its
		# deactivate)
		assert_equal "$(grep -oE "R1 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen")" \
			"R1 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin,T/a/.venv/bin."
		assert_equal "$got" "R3 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin,T/a/.venv/bin."
		type_line deactivate
		type_line 'cd /'
		report 4
		assert_equal "$got" "R4 prefix=/usr ve= bins=."
		;;
	*)
		# (adopted: venvhook's entry once)
		assert_equal "$(grep -oE "R1 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen")" \
			"R1 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin."
		assert_equal "$(grep -oE "R2 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen")" "R2 prefix=T/b/.venv ve=T/b/.venv bins=T/b/.venv/bin."
		assert_equal "$got" "R3 prefix=/usr ve= bins=."
		;;
	esac
}

@test "bash at a terminal: VS Code's activate script as the first line, then two cds" {
	vscode_script bash
}
@test "zsh at a terminal: VS Code's activate script as the first line, then two cds" {
	vscode_script zsh
}
@test "fish at a terminal: VS Code's activate script as the first line, then two cds" {
	vscode_script fish
}
@test "tcsh at a terminal: VS Code's activate script as the first line, then two cds" {
	vscode_script tcsh
}
@test "csh at a terminal: VS Code's activate script as the first line, then two cds" {
	vscode_script csh
}
@test "ksh93 at a terminal: VS Code's activate script as the first line, then two cds" {
	vscode_script ksh93
}
@test "mksh at a terminal: VS Code's activate script as the first line, then two cds" {
	vscode_script mksh
}

# VS Code's Python extension, environment-variable mode: the new
# terminal's environment has the env's bin/ before PATH, VIRTUAL_ENV and
# the activate script's VIRTUAL_ENV_PROMPT, and in bash, zsh and fish a
# directory of the extension's own before them, which holds its deactivate
# script (microsoft/vscode-python at 757def8f,
# src/client/terminals/envCollectionActivation/service.ts and
# deactivateService.ts: EXTENSION/python_files/deactivate/SHELL). Then two
# cds; and doctor names the extension's activation where it can tell.
vscode_env() {
	local sh_name=$1
	shell_rc "$1"
	local d=$T/vsc/python_files/deactivate/$1 p=$T/a/.venv/bin:$BASE_PATH
	case $1 in bash | zsh | fish) mkdir -p "$d" && p=$d:$p ;; esac
	start a TERM_PROGRAM=vscode PATH="$p" VIRTUAL_ENV="$T/a/.venv" VIRTUAL_ENV_PROMPT="(.venv) "
	report 1
	assert_equal "$got" "R1 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin."
	type_line 'cd ../b'
	report 2
	assert_equal "$got" "R2 prefix=T/b/.venv ve=T/b/.venv bins=T/b/.venv/bin."
	type_line 'cd /'
	report 3
	assert_equal "$got" "R3 prefix=/usr ve= bins=."
	case $1 in
	bash | zsh | fish)
		vdoctor 4
		assert_line "problem  VS Code's Python extension activates an env in this terminal too (environment-variable mode: PATH holds its $d): let venvhook alone activate in the terminal: in VS Code's settings set \"python.terminal.activateEnvironment\": false (with the Python Environments extension, \"python-envs.terminal.autoActivationType\": \"off\"); it still runs and debugs with the env (doc/activators.md)"
		;;
	esac
}

# vdoctor N: runs venvhook doctor at the terminal into a file, and then a
# report (which shows that doctor is done); $output and $lines are the
# file's.
vdoctor() {
	type_line "venvhook doctor >\"\$T/doctor$1\""
	report "$1"
	run cat "$T/doctor$1"
	assert_line --index 0 "venvhook doctor, in $sh_name"
}

# The rc block the Python Environments extension adds with
# python-envs.terminal.autoActivationType "shellStartup" (at the end of
# the rc file), as microsoft/vscode-python-environments at 9a2c1149 writes
# it (src/features/terminal/shells/{bash,zsh,fish}/*Startup.ts,
# getActivationContent; editUtils.ts, insertStartupCode), and the variable
# it evals, which the extension sets in every new terminal's environment
# (bashEnvs.ts...; common/shellUtils.ts, getShellCommandAsString: bash and
# zsh with a blank in front, kept out of the history).
vscode_startup_rc() {
	case $1 in
	bash | zsh)
		local key=VSCODE_PYTHON_${1^^}_ACTIVATE rc=$HOME/.bashrc
		[[ $1 == zsh ]] && rc=$HOME/.zshrc
		printf '%s\n' '' '# >>> vscode python' '# version: 0.1.1' \
			'if [ -z "$VSCODE_PYTHON_AUTOACTIVATE_GUARD" ]; then' \
			'    export VSCODE_PYTHON_AUTOACTIVATE_GUARD=1' \
			"    if [ -n \"\$$key\" ] && [ \"\$TERM_PROGRAM\" = \"vscode\" ]; then" \
			"        eval \"\$$key\" || true" '    fi' 'fi' '# <<< vscode python' >>"$rc"
		vsc_var=("$key= source $T/a/.venv/bin/activate")
		;;
	fish)
		printf '%s\n' '' '# >>> vscode python' '# version: 0.1.1' \
			'if not set -q VSCODE_PYTHON_AUTOACTIVATE_GUARD' \
			'    set -gx VSCODE_PYTHON_AUTOACTIVATE_GUARD 1' \
			'    if test "$TERM_PROGRAM" = "vscode"; and set -q VSCODE_PYTHON_FISH_ACTIVATE' \
			'        eval $VSCODE_PYTHON_FISH_ACTIVATE' '    end' 'end' '# <<< vscode python' \
			>>"$HOME/.config/fish/config.fish"
		vsc_var=("VSCODE_PYTHON_FISH_ACTIVATE=source $T/a/.venv/bin/activate.fish")
		;;
	esac
}

# doctor on VS Code's Python extension activating too, in its two other
# ways, each adopted and then two cds: command mode (its activate line
# typed as the terminal's first command line; bash and zsh with a blank in
# front) and shell-startup mode (its rc block). Then what it must not
# blame on the extension: in VS Code, a first line that cds into a
# project (venvhook's own activation); outside VS Code, an activate script
# as the first line.
vscode_doctor() {
	local -a vsc_var=()
	local sh_name=$1 lead=' ' line="VS Code's Python extension activates an env in this terminal too"
	[[ $1 == fish ]] && lead=
	shell_rc "$1"
	start a TERM_PROGRAM=vscode
	type_line "$lead$src $T/a/.venv/bin/$act"
	report 1
	assert_equal "$got" "R1 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin."
	type_line 'cd ../b'
	report 2
	assert_equal "$got" "R2 prefix=T/b/.venv ve=T/b/.venv bins=T/b/.venv/bin."
	vdoctor 3
	assert_line "problem  $line (it typed the activate line of $T/a/.venv as the terminal's first command line): let venvhook alone activate in the terminal: in VS Code's settings set \"python.terminal.activateEnvironment\": false (with the Python Environments extension, \"python-envs.terminal.autoActivationType\": \"off\"); it still runs and debugs with the env (doc/activators.md)"

	tmux_next
	shell_rc "$1"
	vscode_startup_rc "$1"
	start a TERM_PROGRAM=vscode "${vsc_var[@]}"
	report 4
	assert_equal "$got" "R4 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin."
	type_line 'cd ../b'
	report 5
	assert_equal "$got" "R5 prefix=T/b/.venv ve=T/b/.venv bins=T/b/.venv/bin."
	type_line 'cd /'
	report 6
	assert_equal "$got" "R6 prefix=/usr ve= bins=."
	vdoctor 7
	assert_line "problem  $line (shell-startup mode: VSCODE_PYTHON_${1^^}_ACTIVATE, run by the block it added to your rc file): let venvhook alone activate in the terminal: in VS Code's settings set \"python.terminal.activateEnvironment\": false and \"python-envs.terminal.autoActivationType\": \"off\", and run its command \"Python Envs: Revert Shell Startup Script Changes\"; it still runs and debugs with the env (doc/activators.md)"

	# (the extension's variable, with no rc block that runs it)
	tmux_next
	shell_rc "$1"
	start . TERM_PROGRAM=vscode "${vsc_var[@]}"
	type_line 'cd a'
	report 8
	assert_equal "$got" "R8 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin."
	vdoctor 9
	refute_line --partial "VS Code"
	assert_line "no problem found"

	# (an activate script at the end of the rc file, and one as the first
	# line)
	tmux_next
	shell_rc "$1"
	local rc=$HOME/.bashrc
	case $1 in zsh) rc=$HOME/.zshrc ;; fish) rc=$HOME/.config/fish/config.fish ;; esac
	printf '%s\n' "$src $T/b/.venv/bin/$act" >>"$rc"
	start a
	type_line "$src $T/a/.venv/bin/$act"
	report 10
	vdoctor 11
	refute_line --partial "VS Code"
}

@test "bash at a terminal: doctor names VS Code's activation by its first line and by its rc block, and nothing else" {
	vscode_doctor bash
}
@test "zsh at a terminal: doctor names VS Code's activation by its first line and by its rc block, and nothing else" {
	vscode_doctor zsh
}
@test "fish at a terminal: doctor names VS Code's activation by its first line and by its rc block, and nothing else" {
	vscode_doctor fish
}

@test "bash and fish at a terminal outside VS Code: an activate script as the first line is the user's, until deactivate" {
	vscode_script bash by-hand
	tmux_next
	vscode_script fish by-hand
}

@test "bash at a terminal: VS Code's injected env, then two cds" {
	vscode_env bash
}
@test "zsh at a terminal: VS Code's injected env, then two cds" {
	vscode_env zsh
}
@test "fish at a terminal: VS Code's injected env, then two cds" {
	vscode_env fish
}
@test "tcsh at a terminal: VS Code's injected env, then two cds" {
	vscode_env tcsh
}
@test "csh at a terminal: VS Code's injected env, then two cds" {
	vscode_env csh
}
@test "ksh93 at a terminal: VS Code's injected env, then two cds" {
	vscode_env ksh93
}
@test "mksh at a terminal: VS Code's injected env, then two cds" {
	vscode_env mksh
}

# A prompt framework that resets the prompt hooks after venvhook's line
# (PROMPT_COMMAND set, precmd_functions and chpwd_functions emptied, fish's
# handler function defined again without its event): the env made at the
# prompt waits; doctor says the hook no longer runs, and with the line put
# last the hook runs and doctor finds no problem.
reset_hooks() {
	local sh_name=$1 rc reset
	shell_rc "$1"
	case $1 in
	bash) rc=$HOME/.bashrc reset='__fw_prompt() { :; }; PROMPT_COMMAND=__fw_prompt' ;;
	zsh) rc=$HOME/.zshrc reset='__fw_precmd() { :; }; precmd_functions=(__fw_precmd); chpwd_functions=()' ;;
	fish) rc=$HOME/.config/fish/config.fish reset='function __venvhook_precmd; end' ;;
	esac
	printf '%s\n' "$reset" >>"$rc"
	start .
	# (an env made at the prompt: venvhook's prompt hook would put it on)
	type_line 'cd elsewhere'
	type_line 'python3 -m venv --without-pip .venv'
	report 1
	assert_equal "$got" "R1 prefix=/usr ve= bins=."
	vdoctor 2
	case $1 in
	bash) assert_line "problem  PROMPT_COMMAND no longer runs the hook: something set it after venvhook was loaded (some terminals and editors do); put the init line last in ~/.bashrc" ;;
	zsh)
		assert_line "problem  chpwd_functions no longer holds the hook: something reset it after venvhook was loaded; put the init line last in ~/.zshrc"
		assert_line "problem  precmd_functions no longer holds venvhook's prompt hook: something reset it after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in ~/.zshrc"
		;;
	fish) assert_line "problem  __venvhook_precmd no longer runs before each prompt: something defined it again after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in config.fish" ;;
	esac
	# the advice: the init line last
	tmux_next
	rm -rf "$T/elsewhere/.venv"
	local init
	init=$(grep -F ' init ' "$rc")
	grep -vF ' init ' "$rc" >"$rc.new"
	printf '%s\n' "$init" >>"$rc.new"
	mv "$rc.new" "$rc"
	start .
	type_line 'cd elsewhere'
	type_line 'python3 -m venv --without-pip .venv'
	report 3
	assert_equal "$got" "R3 prefix=T/elsewhere/.venv ve=T/elsewhere/.venv bins=T/elsewhere/.venv/bin."
	vdoctor 4
	assert_line "no problem found"
}

@test "bash at a terminal: PROMPT_COMMAND set after init: doctor says the hook no longer runs; the line last fixes it" {
	reset_hooks bash
}
@test "zsh at a terminal: precmd_functions and chpwd_functions reset after init: doctor says so; the line last fixes it" {
	reset_hooks zsh
}
@test "fish at a terminal: venvhook's prompt handler defined again after init: doctor says so; the line last fixes it" {
	reset_hooks fish
}

# zsh runs the hook from chpwd on every directory change, whatever made
# it: a cd alias or a wrapper function switches the env for the rest of
# its command line, and doctor names it as fine; one that changes
# directory with -q (no chpwd hook) does not, and doctor says to drop it.
@test "zsh at a terminal: a cd alias and a pushd wrapper after init are harmless and named; cd -q is a problem" {
	local sh_name=zsh
	shell_rc zsh
	printf '%s\n' "alias cd='cd -P'" 'pushd() { builtin pushd "$@" >/dev/null; }' >>"$HOME/.zshrc"
	start .
	type_line 'cd a && python3 "$T/report.py" R1'
	poll_screen "report R1" screen_has_report R1
	assert_equal "$(grep -oE "R1 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen")" "R1 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin."
	type_line 'pushd ../b && python3 "$T/report.py" R2'
	poll_screen "report R2" screen_has_report R2
	assert_equal "$(grep -oE "R2 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen")" "R2 prefix=T/b/.venv ve=T/b/.venv bins=T/b/.venv/bin."
	vdoctor 3
	assert_line "ok       cd is an alias (cd -P): harmless, zsh runs venvhook's hook on every directory change (chpwd), so it switches the env for the rest of the command line"
	assert_line "ok       pushd is a function: harmless, zsh runs venvhook's hook on every directory change (chpwd), so it switches the env for the rest of the command line"
	assert_line "no problem found"
	tmux_next
	shell_rc zsh
	printf '%s\n' "alias cd='cd -q'" >>"$HOME/.zshrc"
	start .
	type_line 'cd a && python3 "$T/report.py" R4'
	poll_screen "report R4" screen_has_report R4
	assert_equal "$(grep -oE "R4 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen")" "R4 prefix=/usr ve= bins=."
	vdoctor 5
	assert_line "problem  cd is an alias (cd -q) that changes directory with -q, which runs no chpwd hook: the env switches at the next prompt, not for the rest of the command line; drop the -q"
}

# The fish line as it was, with no `status is-interactive` guard: fish
# runs it in the non-interactive `fish -c` that tide starts at each prompt
# too (one venvhook process each time: setups.bats "fish -c in a
# project"). doctor names the line and gives the README's; with that line,
# or the line in an `if status is-interactive` block, no problem.
@test "fish at a terminal: the init line without the is-interactive guard is named by doctor, the README's is not" {
	local sh_name=fish rc=$HOME/.config/fish/config.fish
	shell_rc fish
	sed -i 's/^status is-interactive; and //' "$rc"
	grep -q '^"' "$rc" || fail "no unguarded line: $(cat "$rc")"
	start .
	vdoctor 1
	assert_line "problem  the init line in $rc (line 3) runs in every fish, also in the non-interactive ones that prompt themes such as tide start at each prompt, one venvhook process each time: guard it as the README's line does, 'status is-interactive; and venvhook init fish | source'"
	tmux_next
	shell_rc fish
	start .
	vdoctor 2
	assert_line "no problem found"
	tmux_next
	shell_rc fish
	sed -i 's/^status is-interactive; and \(.*\)$/if status is-interactive\n    \1\nend/' "$rc"
	grep -q '^if status is-interactive$' "$rc" || fail "no block: $(cat "$rc")"
	start .
	vdoctor 3
	assert_line "no problem found"
}

# A new tmux pane opened outside a project from a shell with venvhook's
# env on: the tmux server (started from that shell) hands the new pane's
# shell that env (VIRTUAL_ENV, venvhook's markers, its bin/ on PATH). It
# is taken off without a word: no "deactivated" for an env this shell never
# had on, and the system's python3.
new_pane() {
	shell_rc "$1"
	start .
	type_line 'cd a'
	wait_for 'venvhook: activated a (.venv)'
	local in=$T/in.sock
	type_line "env -u TMUX tmux -S $in -f /dev/null new-session -d -x 200 -y 20 -c / ${cmd[*]}"
	local end=$((SECONDS + 60)) pane=
	while ((SECONDS < end)) && [[ $pane != *'READY>'* ]]; do
		sleep 0.2
		pane=$(tmux -S "$in" capture-pane -p 2>/dev/null || true)
	done
	tmux -S "$in" send-keys -l 'python3 "$T/report.py" R1' && tmux -S "$in" send-keys Enter
	while ((SECONDS < end)) && ! grep -qE "R1 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$pane"; do
		sleep 0.2
		pane=$(tmux -S "$in" capture-pane -p 2>/dev/null || true)
	done
	tmux -S "$in" kill-server 2>/dev/null || true
	assert_equal "$(grep -oE "R1 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$pane")" "R1 prefix=/usr ve= bins=."
	[[ $pane != *venvhook:* ]] || fail "the new pane said: $pane"
}

@test "bash, zsh and fish at a terminal: a new tmux pane outside a project, from a shell with an env on, says nothing and has none" {
	new_pane bash
	tmux_next
	new_pane zsh
	tmux_next
	new_pane fish
}

# prezto's python module with auto-switch on: its chpwd hook
# _python-workon-cwd (sorin-ionescu/prezto at cff2d018,
# modules/python/init.zsh; MIT), transcribed: the project root is the
# nearest directory up with .venv or .git, and with WORKON_HOME unset its
# test `$VIRTUAL_ENV != $WORKON_HOME/$ENV_NAME` always holds, so it
# sources .venv/bin/activate again on every cd inside the project (and
# deactivates when the root changes). pydoc and the env are the same in the
# project's subdirectories as at its root, with prezto loaded before
# venvhook's line or after it, for an env made by python3 -m venv (whose
# activate script has no pydoc) and by virtualenv (whose has).
prezto_pydoc() {
	local sh_name=zsh where=$1 made=$2
	shell_rc zsh
	local workon='_python-workon-cwd() {
  local GIT_REPO_ROOT="$(git rev-parse --show-toplevel 2> /dev/null)"
  local PROJECT_ROOT="$PWD:A"
  while [[ "$PROJECT_ROOT" != "/" && ! -e "$PROJECT_ROOT/.venv" && ! -d "$PROJECT_ROOT/.git" && "$PROJECT_ROOT" != "$GIT_REPO_ROOT" ]]; do
    PROJECT_ROOT="$PROJECT_ROOT:h"
  done
  [[ $PROJECT_ROOT == "/" ]] && PROJECT_ROOT="."
  local ENV_NAME=""
  if [[ -f "$PROJECT_ROOT/.venv" ]]; then ENV_NAME="$(<$PROJECT_ROOT/.venv)"
  elif [[ -f "$PROJECT_ROOT/.venv/bin/activate" ]]; then ENV_NAME="$PROJECT_ROOT/.venv"
  elif [[ $PROJECT_ROOT != "." ]]; then ENV_NAME="$PROJECT_ROOT:t"; fi
  if [[ -n $CD_VIRTUAL_ENV && "$ENV_NAME" != "$CD_VIRTUAL_ENV" ]]; then
    deactivate && unset CD_VIRTUAL_ENV
  fi
  if [[ $ENV_NAME != "" && "$VIRTUAL_ENV" != "$WORKON_HOME/$ENV_NAME" ]]; then
    if [[ -n "$WORKON_HOME" && -e "$WORKON_HOME/$ENV_NAME/bin/activate" ]]; then
      workon "$ENV_NAME" && export CD_VIRTUAL_ENV="$ENV_NAME"
    elif [[ -e "$ENV_NAME/bin/activate" ]]; then
      source $ENV_NAME/bin/activate && export CD_VIRTUAL_ENV="$ENV_NAME"
    fi
  fi
}
autoload -Uz add-zsh-hook
add-zsh-hook chpwd _python-workon-cwd'
	if [[ $where == before ]]; then
		printf '%s\n' "PS1='READY> '" "$workon" "$(grep -F ' init ' "$HOME/.zshrc")" >"$HOME/.zshrc"
	else
		printf '%s\n' "$workon" >>"$HOME/.zshrc"
	fi
	rm -rf "$T/a/.venv"
	if [[ $made == virtualenv ]]; then
		/usr/bin/python3 -m virtualenv -q --no-pip --no-setuptools --no-wheel "$T/a/.venv" >/dev/null ||
			fail "virtualenv failed (apt-get install python3-virtualenv)"
	else
		/usr/bin/python3 -m venv --without-pip "$T/a/.venv"
	fi
	"$VENVHOOK" allow "$T/a/.venv" >/dev/null 2>&1
	mkdir -p "$T/a/src/deep"
	start .
	local n=0 d got_all=
	for d in a src deep ../.. ..; do
		n=$((n + 1))
		type_line "cd $d"
		type_line "python3 \"\$T/report.py\" R$n; print -r -- P$n \${+functions[pydoc]}"
		poll_screen "P$n" screen_has_pydoc "P$n"
		got_all+="$(grep -oE "R$n prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen") $(grep -oE "^P$n [01]" <<<"$screen")"$'\n'
	done
	# (the same pydoc everywhere in the project; nothing but a's env: where
	# venvhook's hook ran first, the script's entry over venvhook's of the
	# same env, as in activate_cd_deactivate)
	got_all=${got_all//bins=T\/a\/.venv\/bin,T\/a\/.venv\/bin./bins=T\/a\/.venv\/bin.}
	local p
	p=$(grep -oE 'P1 [01]' <<<"$got_all")
	p=${p#P1 }
	assert_equal "$got_all" "R1 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin. P1 $p
R2 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin. P2 $p
R3 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin. P3 $p
R4 prefix=T/a/.venv ve=T/a/.venv bins=T/a/.venv/bin. P4 $p
R5 prefix=/usr ve= bins=. P5 0
"
	# (an env whose activate script defines pydoc has it, whoever ran the
	# script; a python3 -m venv env's script defines none, and where
	# prezto's hook runs first its script's env is the one on, venvhook
	# standing aside, as without venvhook)
	[[ $made == virtualenv ]] && assert_equal "$p" 1
	return 0
}

screen_has_pydoc() { grep -qE "^$1 [01]" <<<"$screen"; }

@test "zsh at a terminal: prezto's python auto-switch beside venvhook: the same env and pydoc in the project's subdirectories" {
	local where made
	for where in before after; do
		for made in venv virtualenv; do
			prezto_pydoc "$where" "$made"
			tmux_next
		done
	done
}

# direnv (the real one) with an .envrc that activates the project's venv,
# beside venvhook: direnv's unload restores the PATH it saved, which held
# venvhook's entry. Into the direnv project, on to a venvhook project, out;
# and back the other way.
direnv_walk() {
	command -v direnv >/dev/null || fail "direnv is needed (apt-get install direnv)"
	shell_rc "$1"
	local rc=$HOME/.bashrc
	[[ $1 == zsh ]] && rc=$HOME/.zshrc
	# (the README's line last, as users add it)
	printf '%s\n' "eval \"\$(direnv hook $1)\"" "$(cat "$rc")" >"$rc"
	printf 'source .venv/bin/activate\n' >"$T/a/.envrc"
	(cd "$T/a" && direnv allow . 2>/dev/null) || fail "direnv allow failed"
	start .
	type_line 'cd a'
	report 1
	type_line 'cd ../b'
	report 2
	type_line 'cd ..'
	report 3
	type_line 'cd b'
	report 4
	type_line 'cd ../a'
	report 5
	type_line 'cd ..'
	report 6
	local all
	all=$(for n in 1 2 3 4 5 6; do grep -oE "R$n prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen"; done)
	# in a, direnv's activation: in bash over venvhook's entry of the same
	# env (venvhook's cd goes first), in zsh alone (direnv's chpwd does)
	local a=T/a/.venv/bin
	[[ $1 == bash ]] && a=$a,$a
	assert_equal "$all" "R1 prefix=T/a/.venv ve=T/a/.venv bins=$a.
R2 prefix=T/b/.venv ve=T/b/.venv bins=T/b/.venv/bin.
R3 prefix=/usr ve= bins=.
R4 prefix=T/b/.venv ve=T/b/.venv bins=T/b/.venv/bin.
R5 prefix=T/a/.venv ve=T/a/.venv bins=$a.
R6 prefix=/usr ve= bins=."
}

@test "bash at a terminal: direnv's venv .envrc, a second project, out, and back" {
	direnv_walk bash
}
@test "zsh at a terminal: direnv's venv .envrc, a second project, out, and back" {
	direnv_walk zsh
}

# The --prompt segment beside another activator: an activate script draws
# the name itself (no "(.venv) ((.venv) )"); a foreign env that sets no
# VIRTUAL_ENV_PROMPT (mise's _.python.venv, prezto's auto-switch) shows its
# name from VIRTUAL_ENV, not the name of venvhook's env before it.
prompt_walk() {
	shell_rc "$1"
	local rc
	case $1 in
	bash) rc=$HOME/.bashrc ;; zsh) rc=$HOME/.zshrc ;; ksh93) rc=$HOME/.kshrc ;; mksh) rc=$HOME/.mkshrc ;;
	esac
	sed -i "s/ init $1/ init $1 --prompt/" "$rc"
	grep -q -- "--prompt" "$rc" || fail "no --prompt in $rc"
	realenv "$T/mise-venv"
	start .
	wait_prompt 'READY>'
	# (venvhook's own name for a's env: its project's)
	type_line 'cd a'
	wait_prompt '(a) READY>'
	type_line 'cd ..'
	wait_prompt 'READY>'
	type_line '. a/.venv/bin/activate'
	wait_prompt '(.venv) READY>'
	type_line 'deactivate'
	wait_prompt 'READY>'
	# what mise's hook does in a directory whose mise.toml has _.python.venv,
	# here after venvhook's env was on
	type_line 'cd b'
	wait_prompt '(b) READY>'
	type_line 'export VIRTUAL_ENV="$T/mise-venv" PATH="$T/mise-venv/bin:$PATH"'
	wait_prompt '(mise-venv) READY>'
	type_line 'python3 "$T/report.py" R1'
	poll_screen "report R1" screen_has_report R1
	assert_equal "$(grep -oE "R1 prefix=[^ ]* ve=[^ ]* bins=[^ ]*[.]" <<<"$screen")" \
		"R1 prefix=T/mise-venv ve=T/mise-venv bins=T/mise-venv/bin."
	# (the one "deactivated" is the cd out of a: standing aside for mise's
	# env says nothing of b)
	assert_equal "$(grep -c "venvhook: deactivated" <<<"$screen")" 1
	assert_equal "$(grep -c "venvhook: deactivated b" <<<"$screen")" 0
}

@test "bash at a terminal, --prompt: an activate script's name once; a foreign env's name from VIRTUAL_ENV" {
	prompt_walk bash
}
@test "zsh at a terminal, --prompt: an activate script's name once; a foreign env's name from VIRTUAL_ENV" {
	prompt_walk zsh
}
@test "ksh93 at a terminal, --prompt: an activate script's name once; a foreign env's name from VIRTUAL_ENV" {
	prompt_walk ksh93
}
@test "mksh at a terminal, --prompt: an activate script's name once; a foreign env's name from VIRTUAL_ENV" {
	prompt_walk mksh
}

# mise (the real one, npm's @jdxcode/mise, which ./bootstrap installs)
# beside venvhook. Project m's mise.toml has mise's venv activation,
# `[env] _.python.venv = ".venv"` (an env python3 -m venv made: without
# `create = true` mise only activates it), which venvhook was not told to
# allow; project a is venvhook's. The rc file has mise's activate line and
# the README's line in ORDER: mise-first (the README's line last, as users
# add it) or venvhook-first. mise's hooks are its own: bash, a cd function
# (__zsh_like_cd) and PROMPT_COMMAND; zsh, chpwd and precmd; fish, events
# on PWD and the prompt. Its unload puts back VIRTUAL_ENV and the PATH
# entries it saw before (venvhook's too, at the end of PATH).
need_mise() {
	command -v mise >/dev/null && return 0
	[[ -z ${VH_REQUIRE_ALL_SHELLS:-} ]] || fail "mise is needed (./bootstrap: npm install -g @jdxcode/mise)"
	skip "mise is not installed (./bootstrap: npm install -g @jdxcode/mise)"
}

# mreport N: as report, with VIRTUAL_ENV_PROMPT (blanks as _) too, which a
# prompt theme shows as the env's name.
mreport() {
	type_line "python3 \"\$T/mreport.py\" M$1"
	poll_screen "report M$1" screen_has_mreport "M$1"
}
screen_has_mreport() { grep -qE "$1 prefix=[^ ]* ve=[^ ]* vep=[^ ]* bins=[^ ]*[.]" <<<"$screen"; }

# mise_walk SHELL ORDER: into m (mise's env), on to a (venvhook's), out,
# into m again, a again, m straight from a, out.
mise_walk() {
	need_mise
	shell_rc "$1"
	local rc line
	case $1 in
	bash) rc=$HOME/.bashrc line='eval "$(mise activate bash)"' ;;
	zsh) rc=$HOME/.zshrc line='eval "$(mise activate zsh)"' ;;
	fish) rc=$HOME/.config/fish/config.fish line='mise activate fish | source' ;;
	esac
	if [[ $2 == mise-first ]]; then
		sed -i "1a\\
$line" "$rc" # (after the rc's first line)
	else
		printf '%s\n' "$line" >>"$rc"
	fi
	sed 's/"bins="/"vep=" + os.environ.get("VIRTUAL_ENV_PROMPT", "").replace(" ", "_"), &/' \
		"$T/report.py" >"$T/mreport.py"
	grep -q vep= "$T/mreport.py" || fail "no vep= in mreport.py"
	realenv "$T/m/.venv"
	[[ ${3:-} != allowed ]] || allowed "$T/m/.venv"
	printf '[env]\n_.python.venv = ".venv"\n' >"$T/m/mise.toml"
	(cd "$T/m" && env -i HOME="$HOME" PATH="$BASE_PATH" mise trust -q) || fail "mise trust failed"
	start .
	local n dirs=(m ../a ../elsewhere ../m ../a ../m ..)
	for n in 1 2 3 4 5 6 7; do
		type_line "cd ${dirs[n - 1]}"
		mreport $n
	done
	local all m='prefix=T/m/.venv ve=T/m/.venv vep= bins=T/m/.venv/bin.' \
		a='prefix=T/a/.venv ve=T/a/.venv vep=a bins=T/a/.venv/bin.' none='prefix=/usr ve= vep= bins=.'
	all=$(for n in 1 2 3 4 5 6 7; do grep -oE "M$n prefix=[^ ]* ve=[^ ]* vep=[^ ]* bins=[^ ]*[.]" <<<"$screen"; done)
	# (m's env allowed: venvhook activates it too where its hook runs
	# first, as m, the same env)
	[[ ${3:-} != allowed ]] || all=${all//ve=T\/m\/.venv vep=m /ve=T\/m\/.venv vep= }
	# in m mise's env alone (no name of venvhook's env: it set none), in a
	# venvhook's alone, elsewhere none
	assert_equal "$all" "M1 $m
M2 $a
M3 $none
M4 $m
M5 $a
M6 $m
M7 $none"
	# no "not activating" m's env while mise has it on: none where mise's
	# hook runs first (bash, whose cd runs venvhook's hook after mise's cd
	# function and its hooks, either order; zsh with the README's order);
	# where venvhook's directory hook runs before mise's (zsh, fish) once
	# per entry, before mise's env is on
	local nag
	nag=$(grep -c "venvhook: not activating" <<<"$screen" || true)
	case $1-$2-${3:-} in
	bash-* | zsh-mise-first-* | *-allowed) assert_equal "$nag" 0 ;;
	*) ((nag <= 3)) || fail "\"not activating\" $nag times in 3 entries into m: $screen" ;;
	esac
	local said out_of_m
	said=$(grep -oE 'venvhook: (de)?activated.*' <<<"$screen" | sed 's/[[:space:]]*$//' | sort -u)
	if [[ ${3:-} == allowed ]]; then
		# (of a and m alone, by their names: "deactivated .venv" is none)
		assert_equal "$(grep -vxE 'venvhook: (activated [am] \(\.venv\)(, deactivated [am])?|deactivated [am])' <<<"$said")" ""
	else
		# venvhook speaks only of its own env: it activated and deactivated
		# a, and said nothing when mise's env went (it had nothing on then)
		assert_equal "$said" "venvhook: activated a (.venv)
venvhook: deactivated a"
		out_of_m=$(sed -n '/^M6 prefix/,/^M7 prefix/p' <<<"$screen")
		[[ $out_of_m == *"M7 prefix"* ]] || fail "no M6 to M7 on the screen: $screen"
		assert_equal "$(grep -c 'venvhook: deactivated' <<<"$out_of_m")" 0
	fi
	# nor did mise complain
	[[ $screen != *"mise WARN"* && $screen != *"mise ERROR"* ]] || fail "mise complained: $screen"
	# doctor names mise as a rival
	# (DONE: doctor's lines are all there; the line typed says DO''NE)
	type_line "venvhook doctor; echo DO''NE"
	wait_for 'DONE'
	assert_equal "$(grep -c "mise also switches envs from this shell's hooks" <<<"$screen")" 1
	refute_executed
}

@test "bash at a terminal: the real mise's _.python.venv beside a venvhook project, venvhook's line last" {
	mise_walk bash mise-first
}
@test "bash at a terminal: the real mise's _.python.venv beside a venvhook project, venvhook's line first" {
	mise_walk bash venvhook-first
	# (doctor: mise's hooks after venvhook's: the line goes last)
	assert_equal "$(grep -c "PROMPT_COMMAND runs _mise_hook_prompt_command before venvhook's hook" <<<"$screen")" 1
}
@test "zsh at a terminal: the real mise's _.python.venv beside a venvhook project, venvhook's line last" {
	mise_walk zsh mise-first
}
@test "zsh at a terminal: the real mise's _.python.venv beside a venvhook project, venvhook's line first" {
	mise_walk zsh venvhook-first
}
@test "fish at a terminal: the real mise's _.python.venv beside a venvhook project, venvhook's line last" {
	mise_walk fish mise-first
}
@test "fish at a terminal: the real mise's _.python.venv beside a venvhook project, venvhook's line first" {
	mise_walk fish venvhook-first
}
@test "bash at a terminal: the real mise's _.python.venv, its env allowed in venvhook too" {
	mise_walk bash mise-first allowed
}
@test "zsh at a terminal: the real mise's _.python.venv, its env allowed in venvhook too, venvhook's line first" {
	mise_walk zsh venvhook-first allowed
}
@test "fish at a terminal: the real mise's _.python.venv, its env allowed in venvhook too" {
	mise_walk fish mise-first allowed
}
