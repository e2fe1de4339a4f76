#!/usr/bin/env bats
# Completion, by each shell's own machinery: bash's completion function is
# called as readline would, fish is asked with `complete -C`, and zsh and
# tcsh get a Tab at a real terminal (tmux), the resulting word then passed
# to a stand-in `venvhook` that prints each argument it receives.

load helpers

setup() {
	vh_setup
	export WORKON_HOME=$T/workon
	local name
	for name in alpha 'beta two' "it's" 'd$ollar' 'back\slash'; do
		mkdir -p "$WORKON_HOME/$name"
		: >"$WORKON_HOME/$name/pyvenv.cfg"
	done
	mkdir -p "$WORKON_HOME/notenv"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
}

teardown() { [[ -z ${SOCK:-} ]] || tmux -S "$SOCK" kill-server 2>/dev/null || true; }

# configure.ac's shells, one a line, sorted (what init completes to).
shells_sorted() { tr ' ' '\n' <<<"${VH_SHELLS:?VH_SHELLS is set by make check}" | sort; }

ENVS=$'alpha\nback\\slash\nbeta two\nd$ollar\nit\'s'

# bash_complete LINE: COMPREPLY, one a line, for a Tab at the end of LINE,
# from the function `complete -p venvhook` names once the file is sourced
# (after bash-completion's own, with VH_BASH_COMPLETION=1).
bash_complete() {
	run --separate-stderr "$VH_BASH" --norc -c '
		__venvhook_exe=$VENVHOOK
		[[ -z ${VH_BASH_COMPLETION:-} ]] || source /usr/share/bash-completion/bash_completion
		source "$VH_COMPLETIONS/venvhook.bash"
		spec=$(complete -p venvhook) || exit 9
		fn=${spec#*-F }; fn=${fn%% *}
		COMP_LINE=$1 COMP_POINT=${#1}
		read -ra COMP_WORDS <<<"$1"
		[[ $1 == *" " ]] && COMP_WORDS+=("")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		"$fn" venvhook "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$1"
	assert_success
}

@test "bash: subcommands, init's shells, list's option" {
	bash_complete 'venvhook '
	assert_output $'--help\n--version\nactivate\nallow\nconfig\ndeactivate\ndeny\ndoctor\nexec\ninit\nlist\nstatus\nwhich'
	bash_complete 'venvhook dea'
	assert_output 'deactivate'
	bash_complete 'venvhook init '
	assert_output "$(shells_sorted)"
	bash_complete 'venvhook list -'
	assert_output $'--null\n--paths'
}

@test "bash: activate offers exactly the env names, quoted for the word" {
	bash_complete 'venvhook activate '
	assert_output $'alpha\nback\\\\slash\nbeta\\ two\nd\\$ollar\nit\\\'s'
	bash_complete "venvhook activate 'i"
	assert_output "it'\\''s'"
	bash_complete 'venvhook activate "d'
	assert_output 'd\$ollar"'
	bash_complete 'venvhook activate "be'
	assert_output 'beta two"'
	# what each reply makes of the word, evaluated as the shell will
	local word
	for word in 'beta\ two' "'it'\\''s'" '"d\$ollar"' 'back\\slash'; do
		run "$VH_BASH" --norc -c 'eval "printf \"<%s>\" $1"' _ "$word"
		assert_output --regexp '^<(beta two|it'\''s|d\$ollar|back\\slash)>$'
	done
}

# tmux: one session, polled; keys are typed literally.
tmx() { tmux -S "$SOCK" "$@"; }
start() { # SHELL-COMMAND...
	__vh_typed= # (helpers.bash's wait_prompt: a new session)
	tmx -f /dev/null new-session -d -x 200 -y 50 -c "$T" \
		env -i HOME="$HOME" PATH="$BASE_PATH" TERM=xterm LC_ALL=C.UTF-8 WORKON_HOME="$WORKON_HOME" \
		VENVHOOK="$VENVHOOK" VH_SRCDIR="$VH_SRCDIR" "$@"
	wait_for 'READY1>'
}
# tab N TEXT SHOWN: at the (N-1)-th prompt, types TEXT and a Tab, waits for
# SHOWN on the line, then Enter: the stand-in venvhook prints each argument
# as <ARG>, and the N-th prompt comes.
tab() {
	tmx send-keys -l -- "$2" && tmx send-keys Tab
	wait_for "READY$(($1 - 1))> ${3% }"
	tmx send-keys Enter
	wait_for "READY$1>"
}

@test "zsh at a terminal: Tab completes subcommands, shells and env names into the right word" {
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	mkdir -p "$HOME/zfunc"
	cp "$VH_COMPLETIONS/_venvhook" "$HOME/zfunc/"
	printf '%s\n' 'n=0; precmd() { (( n++ )); PS1="READY$n> "; }' 'eval "$("$VENVHOOK" init zsh)"' \
		'fpath=("$HOME/zfunc" $fpath)' 'autoload -Uz compinit && compinit -u -d "$HOME/.zcd"' \
		'venvhook() { printf "<%s>\n" "$@"; }' >"$HOME/.zshrc"
	uniq_program
	BASE_PATH=$T/bin:$BASE_PATH start env ZDOTDIR="$HOME" "$VH_ZSH" -i
	tab 2 'venvhook ac' 'venvhook activate '
	tab 3 'venvhook init tc' 'venvhook init tcsh '
	tab 4 'venvhook activate be' 'venvhook activate beta\ two '
	tab 5 "venvhook activate 'i" "venvhook activate 'it'\\''s' "
	tab 6 'venvhook activate "d' 'venvhook activate "d\$ollar" '
	tab 7 'venvhook activate ba' 'venvhook activate back\\slash '
	tab 8 'venvhook activate no' 'venvhook activate no'
	# exec: COMMAND as a command, then its own words as zsh completes them
	tab 9 'venvhook exec vhuniq' 'venvhook exec vhuniqprog '
	tab 10 'venvhook exec -- venvhook init tc' 'venvhook exec -- venvhook init tcsh '
	# allow and deny take directories, activate --force an env
	mkdir -p "$T/my dir/sub"
	tab 11 'venvhook allow ./my' 'venvhook allow ./my\ dir/'
	tab 12 'venvhook deny ./my\ dir/ ./my' 'venvhook deny ./my\ dir/ ./my\ dir/'
	tab 13 'venvhook activate --force be' 'venvhook activate --force beta\ two '
	for arg in activate init tcsh 'beta two' "it's" 'd$ollar' 'back\slash' no exec vhuniqprog './my dir/' --force; do
		grep -qxF "<$arg>" <<<"$screen" || fail "no <$arg> on the screen: $screen"
	done
	# a directory in WORKON_HOME that is no env is never offered
	! grep -qF 'notenv' <<<"$screen" || fail "notenv was offered: $screen"
}

@test "tcsh at a terminal: Tab completes subcommands, shells and env names, spaces and all" {
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	printf '%s\n' 'set n = 0' 'alias precmd '"'"'@ n++ ; set prompt = "READY$n> "'"'" \
		'eval "`$VENVHOOK:q init tcsh`"' "alias venvhook 'printf \"<%s>\\n\" \\!*'" >"$HOME/.tcshrc"
	uniq_program
	BASE_PATH=$T/bin:$BASE_PATH start "$VH_TCSH" -i
	tab 2 'venvhook ac' 'venvhook activate '
	tab 3 'venvhook init z' 'venvhook init zsh '
	tab 4 'venvhook activate be' 'venvhook activate beta\ two '
	tab 5 'venvhook activate "i' "venvhook activate \"it's\" "
	tab 6 'venvhook activate d' 'venvhook activate d\$ollar '
	tab 7 "venvhook activate 'ba" "venvhook activate 'back\\slash' "
	# a new env shows after the next directory change: export sends a new
	# list when WORKON_HOME's mtime or the project changed
	mkdir -p "$WORKON_HOME/gamma ray" && : >"$WORKON_HOME/gamma ray/pyvenv.cfg"
	tmx send-keys 'cd /' Enter
	wait_for 'READY8>'
	tab 9 'venvhook activate g' 'venvhook activate gamma\ ray '
	# entering a project brings its env names, with no process of the completion's own
	mkdir -p "$T/proj/.venv" && : >"$T/proj/.venv/pyvenv.cfg"
	tmx send-keys "cd $T/proj" Enter
	wait_for 'READY10>'
	tab 11 'venvhook activate .v' 'venvhook activate .venv '
	# exec and which: COMMAND as a command, after -C DIR too
	tab 12 'venvhook exec vhuniq' 'venvhook exec vhuniqprog '
	tab 13 'venvhook which -C / vhuniq' 'venvhook which -C / vhuniqprog '
	for arg in activate init zsh 'beta two' "it's" 'd$ollar' 'back\slash' 'gamma ray' vhuniqprog; do
		grep -qxF "<$arg>" <<<"$screen" || fail "no <$arg> on the screen: $screen"
	done
}

@test "fish: complete -C offers subcommands, shells and exactly the env names" {
	run "$VH_FISH" --no-config -c '
		set -g __venvhook_exe $VENVHOOK
		source $VH_COMPLETIONS/venvhook.fish
		complete -C "venvhook activate "; echo ==
		complete -C "venvhook activate \"be"; echo ==
		complete -C "venvhook i"; echo ==
		complete -C "venvhook init "'
	assert_success
	assert_output "$ENVS
==
beta two
==
init	Print the hook for a shell rc file
==
$(shells_sorted)"
}

# A name with what a terminal or a shell could take for something else: an
# OSC sequence that retitles the terminal (ESC ] ... BEL), U+202E (right-to-
# left override), quotes, $, a backslash, DEL, a C1 control (U+0085) and a
# byte that is not UTF-8. Plain `list` escapes it for a person; completion
# reads `list --null` and must give back exactly these bytes.
HOSTILE=$'h\e]0;pwn\a \xe2\x80\xae"q\'$x\\\x7f\xc2\x85\xff'

hostile_store() {
	export WORKON_HOME=$T/hostile
	mkdir -p "$WORKON_HOME/$HOSTILE" "$WORKON_HOME/plain"
	: >"$WORKON_HOME/$HOSTILE/pyvenv.cfg"
	: >"$WORKON_HOME/plain/pyvenv.cfg"
}

@test "a hostile env name completes to exactly itself: bash, zsh at a terminal, fish" {
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	hostile_store
	# list escapes it for a person
	run "$VENVHOOK" list
	assert_output $'h\\x1b]0;pwn\\x07 \\xe2\\x80\\xae"q\'$x\\x5c\\x7f\\xc2\\x85\\xff\nplain'
	# bash: the reply, read back as bash reads the line
	bash_complete 'venvhook activate h'
	assert_equal "${#lines[@]}" 1
	run "$VH_BASH" --norc -c 'eval "printf %s $1"' _ "$output"
	assert_equal "$output" "$HOSTILE"
	# fish: the candidate itself (fish quotes it as it inserts it)
	run "$VH_FISH" --no-config -c 'set -g __venvhook_exe $VENVHOOK
		source $VH_COMPLETIONS/venvhook.fish; complete -C "venvhook activate h"'
	assert_equal "$output" "$HOSTILE"
	# zsh: Tab at a terminal, then the word the line passes
	mkdir -p "$HOME/zfunc"
	cp "$VH_COMPLETIONS/_venvhook" "$HOME/zfunc/"
	printf '%s\n' 'n=0; precmd() { (( n++ )); PS1="READY$n> "; }' 'eval "$("$VENVHOOK" init zsh)"' \
		'fpath=("$HOME/zfunc" $fpath)' 'autoload -Uz compinit && compinit -u -d "$HOME/.zcd"' \
		'venvhook() { print -rn -- "$2" >"$HOME/arg"; }' >"$HOME/.zshrc"
	start env ZDOTDIR="$HOME" "$VH_ZSH" -i
	tmx send-keys -l -- 'venvhook activate h' && tmx send-keys Tab
	wait_for 'pwn' # (its quoting around it is zsh's)
	tmx send-keys Enter
	wait_for 'READY2>'
	assert_equal "$(cat "$HOME/arg")" "$HOSTILE"
	# and the terminal was never retitled: no raw ESC reached it
	[[ $(tmx display-message -p '#{pane_title}') != *pwn* ]] || fail "the pane's title was set"
}

# a program only this test's PATH has, for COMMAND's completion
uniq_program() {
	mkdir -p "$T/bin"
	printf '#!/bin/sh\n' >"$T/bin/vhuniqprog"
	chmod +x "$T/bin/vhuniqprog"
	export PATH=$T/bin:$PATH
}

@test "exec and which: their options, a directory after -C, COMMAND as a command, exec's rest as COMMAND's (bash, fish)" {
	uniq_program
	mkdir -p "$T/my dir/sub"
	bash_complete 'venvhook exec -'
	assert_output $'--require-env\n-C'
	bash_complete 'venvhook exec -C ./my'
	assert_output './my dir'
	bash_complete 'venvhook exec vhuniq'
	assert_output 'vhuniqprog'
	bash_complete 'venvhook exec -C . --require-env -- vhuniq'
	assert_output 'vhuniqprog'
	bash_complete 'venvhook which -C /tmp vhuniq'
	assert_output 'vhuniqprog'
	# which takes one COMMAND; exec's rest is COMMAND's: bash-completion
	# completes it as that command's (here venvhook's own completion)
	bash_complete 'venvhook which vhuniqprog '
	assert_output ''
	VH_BASH_COMPLETION=1 bash_complete 'venvhook exec -C . -- venvhook init tc'
	assert_output 'tcsh'
	VH_BASH_COMPLETION=1 bash_complete 'venvhook exec vhuniq'
	assert_output 'vhuniqprog'
	# fish
	fish_complete() {
		run "$VH_FISH" --no-config -c 'set -g __venvhook_exe $VENVHOOK
			source $VH_COMPLETIONS/venvhook.fish; complete -C $argv[1]' "$1"
		assert_success
	}
	fish_complete 'venvhook exec -'
	assert_equal "$(cut -f1 <<<"$output" | sort)" $'--require-env\n-C'
	fish_complete 'venvhook exec -C ./my'
	assert_output --partial './my dir/'
	fish_complete 'venvhook exec -C . vhuniq'
	assert_equal "$(cut -f1 <<<"$output")" 'vhuniqprog'
	fish_complete 'venvhook which vhuniq'
	assert_equal "$(cut -f1 <<<"$output")" 'vhuniqprog'
	fish_complete 'venvhook exec -- venvhook init tc'
	assert_equal "$(cut -f1 <<<"$output")" 'tcsh'
	fish_complete 'venvhook which vhuniqprog '
	assert_output ''
}

@test "activate completes a path with a '/' as directories (bash, fish)" {
	mkdir -p "$T/my dir/sub"
	bash_complete 'venvhook activate ./my'
	assert_output './my dir'
	run "$VH_FISH" --no-config -c 'set -g __venvhook_exe $VENVHOOK
		source $VH_COMPLETIONS/venvhook.fish; complete -C "venvhook activate ./my"'
	assert_output --partial './my dir/'
}

@test "allow and deny complete directories, any number of them, and activate --force an env (bash, fish)" {
	mkdir -p "$T/my dir/sub" "$T/proj" "$T/pro2"
	: >"$T/profile"
	bash_complete 'venvhook allow pro'
	assert_output $'pro2\nproj'
	bash_complete 'venvhook deny proj pro'
	assert_output $'pro2\nproj'
	bash_complete 'venvhook allow ./my'
	assert_output './my dir'
	bash_complete 'venvhook activate --force '
	assert_output $'alpha\nback\\\\slash\nbeta\\ two\nd\\$ollar\nit\\\'s'
	bash_complete 'venvhook activate --force ./my'
	assert_output './my dir'
	run "$VH_FISH" --no-config -c 'set -g __venvhook_exe $VENVHOOK
		source $VH_COMPLETIONS/venvhook.fish
		complete -C "venvhook allow ./my"; echo ==
		complete -C "venvhook deny proj pro"; echo ==
		complete -C "venvhook activate --force "; echo ==
		complete -C "venvhook activate alpha "'
	assert_success
	assert_output "./my dir/
==
pro2/
proj/
==
$ENVS
=="
}

@test "make install puts each file where its shell looks" {
	[[ -n ${VH_BUILDDIR:-} ]] || skip "VH_BUILDDIR is set by make check"
	local dest=$T/dest bashdir fishdir zshdir
	# make as a user runs it, not as a sub-make of make check's without its
	# jobserver's descriptors (which says so, and prints directory lines)
	unset MAKEFLAGS MFLAGS MAKELEVEL
	# install, not install-data: the binary too (not install-strip, so the
	# build's own binary is copied as it is)
	make -s --no-print-directory -C "$VH_BUILDDIR" install DESTDIR="$dest" >/dev/null
	bashdir=$(make -s --no-print-directory -C "$VH_BUILDDIR" -f - print <<<'include Makefile
print: ; @echo "$(bashcompletiondir)"')
	[[ -f $dest$bashdir/venvhook ]] || fail "bash: nothing at $bashdir/venvhook"
	run find "$dest" -type f
	assert_line --regexp '/bash-completion/completions/venvhook$'
	assert_line --regexp '/zsh/site-functions/_venvhook$'
	assert_line --regexp '/fish/vendor_completions.d/venvhook.fish$'
	# and the man page and the documents (doc/local.mk) and the binary
	assert_line --regexp '/share/man/man1/venvhook\.1$'
	assert_line --regexp '/share/doc/venvhook/trust\.md$'
	assert_line --regexp '/bin/venvhook$'
	assert_equal "${#lines[@]}" $((5 + $(find "$VH_SRCDIR/doc" -name '*.md' | wc -l)))
	local bin
	bin=$(grep '/bin/venvhook$' <<<"$output")
	run "$bin" --version
	assert_success
}

# --- drift: the completions say what the command table says ---

# The commands venvhook --help lists, one a line, sorted; export, the
# hook's own, is left out of the completions.
help_commands() {
	"$VENVHOOK" --help | sed -n '/^commands:$/,/^$/p' | sed -nE 's/^  ([a-z]+)( [^ ]+)*  +[^ ].*$/\1/p' |
		grep -vx export | sort
}
# The options in CMD's usage line (venvhook CMD --help), one a line, sorted:
# [--long] and [-X VALUE].
help_options() {
	"$VENVHOOK" "$1" --help | sed -n 1p | grep -oE '\[(--[a-z][a-z-]*|-[A-Za-z]( [A-Z]+)?)\]' |
		sed -E 's/^\[//; s/( [A-Z]+)?\]$//' | sort
}
help_shells() { "$VENVHOOK" --help | sed -n 's/^shells: //p' | tr -d ',' | tr ' ' '\n' | sort; }
# sorted words, one a line
words() { tr ' ' '\n' <<<"$1" | grep . | sort; }

@test "drift: every shell's completion offers exactly the commands, each one's options and the shells that venvhook --help names" {
	local cmds cmd opts shells got tcsh zsh_file=$VH_COMPLETIONS/_venvhook
	cmds=$(help_commands)
	shells=$(help_shells)
	# (parsed from --help, not written here: a command added later is covered)
	(($(grep -c . <<<"$cmds") >= 9)) || fail "--help not parsed: $cmds"
	[[ $shells == *bash* && $shells == *csh* ]] || fail "--help's shells not parsed: $shells"
	tcsh=$(init_body tcsh | grep '^complete venvhook ')
	# the commands
	bash_complete 'venvhook '
	assert_equal "$(grep -v '^--' <<<"$output")" "$cmds"
	run "$VH_FISH" --no-config -c 'set -g __venvhook_exe $VENVHOOK; source $VH_COMPLETIONS/venvhook.fish; complete -C "venvhook "'
	assert_equal "$(cut -f1 <<<"$output" | grep -v '^-' | sort)" "$cmds"
	assert_equal "$(sed -n "/__venvhook_cmds=(/,/)/p" "$zsh_file" | sed -nE "s/^ *'([a-z]+):.*/\\1/p" | sort)" "$cmds"
	assert_equal "$(sed -E 's|.*'\''p/1/\(([^)]*)\)/'\''.*|\1|' <<<"$tcsh" | tr ' ' '\n' | grep -v '^--' | sort)" "$cmds"
	# each one's options
	for cmd in $cmds; do
		opts=$(help_options "$cmd")
		bash_complete "venvhook $cmd -"
		assert_equal "$cmd: $output" "$cmd: $opts"
		run "$VH_FISH" --no-config -c 'set -g __venvhook_exe $VENVHOOK; source $VH_COMPLETIONS/venvhook.fish; complete -C "venvhook $argv[1] -"' "$cmd"
		assert_equal "$cmd: $(cut -f1 <<<"$output" | sort)" "$cmd: $opts"
		got=$(sed -nE "s/^ *\\($cmd\\) __venvhook_opts=\\((.*)\\) ;;\$/\\1/p" "$zsh_file")
		assert_equal "$cmd: $(words "$got")" "$cmd: $opts"
		# tcsh: in the list after the command (an env name's command has
		# a variable's list, which takes no options; a program's command
		# has tcsh's commands, and a rule for each of its options)
		if [[ $tcsh == *"'n/$cmd/\$"* ]]; then
			continue
		fi
		# (a command of paths has tcsh's directories: one list per word, so
		# its options, allow's --yes, are typed in full there)
		if [[ $tcsh == *"'n/$cmd/d/'"* ]]; then
			continue
		fi
		if [[ $tcsh == *"'n/$cmd/c/'"* ]]; then
			for got in $opts; do
				[[ $tcsh == *"'n/$got/"[cd]/\'* ]] || fail "tcsh: no rule after $cmd's $got: $tcsh"
			done
			continue
		fi
		got=$(sed -nE "s|.*'n/$cmd/\\(([^)]*)\\)/'.*|\\1|p" <<<"$tcsh")
		assert_equal "$cmd: $(words "$got" | grep '^-' || true)" "$cmd: $opts"
	done
	# the shells
	bash_complete 'venvhook init '
	assert_output "$shells"
	run "$VH_FISH" --no-config -c 'set -g __venvhook_exe $VENVHOOK; source $VH_COMPLETIONS/venvhook.fish; complete -C "venvhook init "'
	assert_equal "$(sort <<<"$output")" "$shells"
	assert_equal "$(words "$(sed -nE 's/.* shell compadd -- (.*)$/\1/p' "$zsh_file")")" "$shells"
	assert_equal "$(words "$(sed -nE "s|.*'n/init/\\(([^)]*)\\)/'.*|\\1|p" <<<"$tcsh")" | grep -v '^-')" "$shells"
}
