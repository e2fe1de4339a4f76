#!/usr/bin/env bats
# The command line itself: usage, errors, exit codes, and what init/export print.

load helpers

setup() { vh_setup; }

@test "--help lists the commands and shells, exit 0" {
	run "$VENVHOOK" --help
	assert_success
	assert_output --partial "init [--prompt] SHELL"
	assert_output --partial "export SHELL"
	assert_output --partial "shells: ${VH_SHELLS// /, }"
	# the rc line of each, from its registry entry
	assert_line '  bash   ~/.bashrc                    eval "$(venvhook init bash)"'
	assert_line '  tcsh   ~/.tcshrc                    eval "`venvhook init tcsh`"'
}

@test "a mistyped command, shell or config key or value: did you mean" {
	run --separate-stderr "$VENVHOOK" stauts
	assert_failure 2
	assert_equal "$stderr" "venvhook: unknown command 'stauts' (did you mean 'status'?); see 'venvhook --help'"
	run --separate-stderr "$VENVHOOK" frobnicate
	assert_equal "$stderr" "venvhook: unknown command 'frobnicate'; see 'venvhook --help'"
	run --separate-stderr "$VENVHOOK" init zhs
	assert_failure 2
	assert_equal "$stderr" "venvhook: unknown shell 'zhs' (did you mean 'zsh'?; known: ${VH_SHELLS// /, })"
	mkdir -p "$HOME/.config/venvhook"
	printf 'quite = yes\ntrust = strick\nenvdirs = .venv\n' >"$HOME/.config/venvhook/config"
	run --separate-stderr "$VENVHOOK" config
	assert_equal "$stderr" "venvhook: $HOME/.config/venvhook/config:1: unknown key 'quite' (did you mean 'quiet'?); the line is ignored
venvhook: $HOME/.config/venvhook/config:2: trust is strict, owner or off (did you mean 'strict'?); the line is ignored
venvhook: $HOME/.config/venvhook/config:3: unknown key 'envdirs' (did you mean 'env_dirs'?); the line is ignored"
}

@test "--version prints the version" {
	run "$VENVHOOK" --version
	assert_success
	assert_output --regexp '^venvhook [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "no command: usage on stderr, exit 2" {
	run --separate-stderr "$VENVHOOK"
	assert_failure 2
	assert_equal "$output" ""
	[[ $stderr == usage:* ]]
}

@test "an unknown command: one line, exit 2" {
	run --separate-stderr "$VENVHOOK" frobnicate
	assert_failure 2
	assert_equal "$stderr" "venvhook: unknown command 'frobnicate'; see 'venvhook --help'"
}

@test "an unknown or missing shell: one line, exit 2" {
	run --separate-stderr "$VENVHOOK" init powershell
	assert_failure 2
	assert_equal "$stderr" "venvhook: unknown shell 'powershell' (known: ${VH_SHELLS// /, })"
	run --separate-stderr "$VENVHOOK" export
	assert_failure 2
	assert_equal "$stderr" "venvhook: usage: venvhook export SHELL (SHELL one of: ${VH_SHELLS// /, })"
	run --separate-stderr "$VENVHOOK" init $'\033]0;title\007'
	assert_failure 2
	[[ $stderr != *$'\033'* ]]
}

@test "a shell is found by name, login name or path" {
	for name in zsh -zsh /usr/bin/zsh /bin/bash -bash fish -tcsh /bin/csh; do
		run "$VENVHOOK" init "$name"
		assert_success
	done
}

# parses SHELL FILE WHAT: FILE (WHAT of init's output) is that shell's
# code, by the shell's own parser (the driver's drv_parse), and the same
# with a line no shell can parse appended fails it: the check can fail.
parses() {
	[[ -s $2 ]] && grep -q __venvhook_ "$2" || fail "$1: $3 is empty or no hook: $(head -c 300 "$2")"
	run drv_parse "$2"
	[[ $status == 0 ]] || fail "$1: $3 does not parse: $output"
	{ cat "$2"; printf '\n)\n'; } >"$2.bad"
	run drv_parse "$2.bad"
	[[ $status != 0 ]] || fail "$1: its parser passes $3 with an unmatched ')' appended: it checks nothing"
}

# Every shell of configure.ac's list, by its own parser (its driver's
# drv_parse: bash -n, zsh -n, fish --no-execute, tcsh -n, ksh93 -n, mksh
# -n, nu-check, xonsh's compilex, elvish -compileonly): init's output as
# its rc line feeds it (a one-line shell's eval joins the lines), and the
# hook its guard evals.
@test "init output parses in each shell and calls this binary by absolute path" {
	local self sh n=0
	self=$(readlink -f "$VENVHOOK")
	[[ -n ${VH_SHELLS:-} ]] || fail "VH_SHELLS is set by make check"
	for sh in $(vh_shells); do
		vh_use_driver "$sh"
		"$VENVHOOK" init "$sh" >"$T/init" || fail "$sh: venvhook init failed"
		if [[ " $VH_ONE_LINE_SHELLS " == *" $sh "* ]]; then
			tr '\n' ' ' <"$T/init" >"$T/rc"
		else
			cp "$T/init" "$T/rc"
		fi
		parses "$sh" "$T/rc" "init's output"
		unwrap "$sh" <"$T/init" >"$T/body"
		grep -qF -- "$self" "$T/body" || fail "$sh: the hook does not call $self"
		parses "$sh" "$T/body" "the hook init's guard evals"
		n=$((n + 1))
	done
	((n > 0)) || fail "no shell checked"
	# the line that gives the hook the binary, as one quoted word
	for sh in $(vh_shells); do
		run init_body "$sh"
		grep -F __venvhook_exe <<<"$output" | grep -qE "[\"']$self[\"']( ;)?\$" ||
			fail "$sh: no line gives __venvhook_exe the word '$self'"
	done
	# the csh family's as its eval joins them: no comment survives, every
	# line ends in ';' ($#name, a list's length, is no comment)
	for sh in $VH_ONE_LINE_SHELLS; do
		run init_body "$sh"
		assert_line "set __venvhook_exe = '$self' ;"
		refute_output --regexp '(^|[^$])#'
		assert_equal "$(grep -vc ' ;$' <<<"$output")" 0
	done
}

@test "the csh family refuses what it cannot carry, and says which" {
	mkdir -p "$T/$(printf 'a\nb')/.venv"
	touch "$T/$(printf 'a\nb')/.venv/pyvenv.cfg"
	"$VENVHOOK" allow "$T/$(printf 'a\nb')" 2>/dev/null
	cd "$T/$(printf 'a\nb')"
	run --separate-stderr "$VENVHOOK" export tcsh
	assert_success
	assert_equal "$output" ""
	assert_equal "$stderr" "venvhook: not activating $T/a\x0ab/.venv: this shell cannot hold a newline in a variable safely"
	run --separate-stderr "$VENVHOOK" export fish
	assert_output --partial "builtin set -gx VIRTUAL_ENV '$T/a"
}

@test "export prints nothing where nothing changes" {
	run --separate-stderr "$VENVHOOK" export bash
	assert_success
	assert_equal "$output" ""
	assert_equal "$stderr" ""
	mkenv "$T/proj/.venv"
	cd "$T/proj"
	export VIRTUAL_ENV=$T/proj/.venv __VENVHOOK_ENV=$T/proj/.venv PATH=$T/proj/.venv/bin:$PATH
	run --separate-stderr "$VENVHOOK" export zsh
	assert_success
	assert_equal "$output" ""
	assert_equal "$stderr" ""
}

# key_of OUTPUT: the __venvhook_key bash was told to set.
key_of() { sed -n "s/^__venvhook_key='\\(.*\\)'\$/\\1/p" <<<"$1"; }

@test "export KEY: the watch list names the absent env paths of here and the project root (.conda and pixi's too); each export hands back its own moment" {
	mkdir -p "$T/repo/src" "$T/repo/.git"
	git init -q "$T/repo"
	cd "$T/repo/src"
	run --separate-stderr "$VENVHOOK" export bash -
	assert_success
	assert_line --index 0 "__venvhook_watch=('$T/repo/src/.venv' '$T/repo/src/venv' '$T/repo/src/.conda' '$T/repo/src/.pixi/envs/default' '$T/repo/.venv' '$T/repo/venv' '$T/repo/.conda' '$T/repo/.pixi/envs/default')"
	key=$(key_of "$output")
	[[ $key == w[0-9]*.[0-9]*:* ]]
	# the key holds no byte a shell would split or expand
	[[ $key =~ ^[0-9a-z.:/,_-]+$ ]]
	# the same again: nothing changes but the moment the key holds
	run --separate-stderr "$VENVHOOK" export bash "$key"
	assert_success
	assert_equal "${#lines[@]}" 2
	[[ $(key_of "$output") != "$key" && $(key_of "$output") == w[0-9]*.[0-9]*:* ]]
	# an env already there is not watched for, and the key notes what it is
	mkenv "$T/repo/.venv"
	cd "$T/repo"
	run --separate-stderr "$VENVHOOK" export bash "$key"
	assert_line "__venvhook_watch=('$T/repo/venv' '$T/repo/.conda' '$T/repo/.pixi/envs/default')"
	# a key that is not one is no watch: a fresh one
	run --separate-stderr "$VENVHOOK" export fish 'w12:zz/$(x)'
	assert_line "builtin set -g __venvhook_watch '$T/repo/venv' '$T/repo/.conda' '$T/repo/.pixi/envs/default'"
	[[ $(key_of "$output") == "" ]]
	assert_line --partial "builtin set -g __venvhook_key 'w"
}

@test "export: the names the region's watch takes wherever the shell goes are every env place" {
	mkenv "$T/p/.venv"
	cd "$T/p"
	"$VENVHOOK" allow >/dev/null 2>&1
	region_settled
	run --separate-stderr "$VENVHOOK" export bash -
	assert_success
	assert_line "__venvhook_watch=('$T/p/venv' '$T/p/.conda' '$T/p/.pixi/envs/default')"
	assert_line --partial "__venvhook_rtop='$T/p'"
	assert_line --partial "__venvhook_wrel=('.venv' 'venv' '.conda' '.pixi/envs/default')"
}

@test "export KEY: pixi.toml and environment.yml make their directory the project root the hook watches" {
	for f in pixi.toml environment.yml; do
		rm -rf "$T/p"
		mkdir -p "$T/p/src"
		: >"$T/p/$f"
		cd "$T/p/src"
		run --separate-stderr "$VENVHOOK" export bash -
		assert_success
		assert_line "__venvhook_watch=('$T/p/src/.venv' '$T/p/src/venv' '$T/p/src/.conda' '$T/p/src/.pixi/envs/default' '$T/p/.venv' '$T/p/venv' '$T/p/.conda' '$T/p/.pixi/envs/default')"
	done
}

@test "export never reads a relative or stale PWD" {
	mkenv "$T/proj/.venv"
	cd "$T/proj"
	PWD=relative run "$VENVHOOK" export bash
	assert_success
	assert_output --partial "VIRTUAL_ENV='$T/proj/.venv'"
	PWD=/ run "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/proj/.venv'"
}

@test "a symlinked path keeps the name the user cd'd through" {
	mkenv "$T/real/.venv"
	ln -s real "$T/link"
	cd "$T/link"
	PWD=$T/link run "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/link/.venv'"
}

@test "libgit2 is loaded only where a .git is met on the walk up" {
	run readelf -d "$VENVHOOK"
	refute_output --partial "libgit2"
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/deep/er" "$T/repo/sub"
	git init -q "$T/repo"
	cd "$T/proj/deep/er"
	run_loaded "$VENVHOOK" export bash
	assert_success
	[[ $loaded != *libgit2* ]] || fail "libgit2 loaded: $loaded"
	assert_output --partial "VIRTUAL_ENV='$T/proj/.venv'"
	# a plain repository: its files say where the root is, libgit2 stays out
	cd "$T/repo/sub"
	run_loaded "$VENVHOOK" export bash
	assert_success
	[[ $loaded != *libgit2* ]] || fail "libgit2 loaded: $loaded"
	# a submodule: its .git file and its repository's core.worktree say so
	export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
	git init -q "$T/inner" && git -C "$T/inner" commit -q --allow-empty -m x
	git -C "$T/repo" -c protocol.file.allow=always submodule -q add "$T/inner" mod 2>/dev/null
	mkdir -p "$T/repo/mod/a/b"
	cd "$T/repo/mod/a/b"
	run_loaded "$VENVHOOK" status --json
	assert_success
	assert_output --partial "\"git_root\":\"$T/repo/mod\""
	[[ $loaded != *libgit2* ]] || fail "libgit2 loaded in a submodule: $loaded"
	# its work tree moved elsewhere, or a .git file git and libgit2 could
	# read apart: libgit2 is asked
	git -C "$T/repo/mod" config core.worktree "$T/repo"
	run_loaded "$VENVHOOK" export bash
	[[ $loaded == *libgit2* ]] || fail "libgit2 not loaded: $loaded"
	git -C "$T/repo/mod" config core.worktree ../../../mod
	run_loaded "$VENVHOOK" export bash
	[[ $loaded != *libgit2* ]] || fail "libgit2 loaded in a submodule: $loaded"
	printf 'gitdir:  ../.git/modules/mod\n' >"$T/repo/mod/.git"
	run_loaded "$VENVHOOK" export bash
	[[ $loaded == *libgit2* ]] || fail "libgit2 not loaded: $loaded"
	cd "$T/repo/sub"
	# a config that moves the work tree: libgit2 is asked
	git -C "$T/repo" config core.worktree "$T/repo"
	run_loaded "$VENVHOOK" export bash
	assert_success
	[[ $loaded == *libgit2* ]] || fail "libgit2 not loaded: $loaded"
}

# git_root_of DIR: the git work-tree root venvhook's walk stops at from DIR
# ("null" for none), and git's own answer there ("null" when git has none).
git_roots() {
	local dir=$1 ours theirs
	ours=$(cd "$dir" && PWD=$dir "$VENVHOOK" status --json 2>/dev/null |
		sed -n 's/.*"git_root":\(null\|"[^"]*"\).*/\1/p')
	theirs=$(cd "$dir" && git rev-parse --show-toplevel 2>/dev/null) && theirs="\"$theirs\"" || theirs=null
	echo "$ours $theirs"
}

@test "the walk stops at git's own work-tree root: plain, linked worktree, submodule, core.worktree, bare, ceilings, sha256" {
	export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
	git init -q "$T/plain" && mkdir -p "$T/plain/a/b"
	git -C "$T/plain" commit -q --allow-empty -m x
	git -C "$T/plain" worktree add -q --detach "$T/linked" && mkdir -p "$T/linked/c"
	git init -q "$T/inner" && git -C "$T/inner" commit -q --allow-empty -m x
	git -C "$T/plain" -c protocol.file.allow=always submodule -q add "$T/inner" sub 2>/dev/null
	mkdir -p "$T/plain/sub/d"
	git init -q "$T/moved" && mkdir -p "$T/moved/e" "$T/elsewhere"
	git -C "$T/moved" config core.worktree "$T/elsewhere"
	git init -q "$T/bare" && mkdir -p "$T/bare/f" && git -C "$T/bare" config core.bare true
	git init -q "$T/ceil" && mkdir -p "$T/ceil/g/h"
	git init -q --object-format=sha256 "$T/s256" && mkdir -p "$T/s256/i"
	git init -q --separate-git-dir "$T/sepgit" "$T/sep" && mkdir -p "$T/sep/j"
	# a .git file with CRLF (git drops both), and one moved by hand whose
	# core.worktree, still the submodule's, names another directory
	mkdir -p "$T/crlf/k" && printf 'gitdir: ../sepgit\r\n' >"$T/crlf/.git"
	mkdir -p "$T/copy/l" && cp "$T/plain/sub/.git" "$T/copy/.git"
	sed -i "s|\.\./|$T/plain/|" "$T/copy/.git"
	local dir
	for dir in plain plain/a/b linked/c plain/sub/d bare/f s256/i sep/j crlf/k; do
		run git_roots "$T/$dir"
		read -r ours theirs <<<"$output"
		assert_equal "$dir: $ours" "$dir: $theirs"
	done
	# core.worktree elsewhere: git's root is that other directory, which
	# does not hold the shell's; the walk goes on past this repository
	run git_roots "$T/moved/e"
	assert_output "null \"$T/elsewhere\""
	run git_roots "$T/copy/l"
	assert_output "null \"$T/plain/sub\""
	# a ceiling at the root hides it; one above it does not
	GIT_CEILING_DIRECTORIES=$T/ceil run git_roots "$T/ceil/g/h"
	assert_output 'null null'
	GIT_CEILING_DIRECTORIES=$T run git_roots "$T/ceil/g/h"
	assert_output "\"$T/ceil\" \"$T/ceil\""
}

@test "list: envs in WORKON_HOME and the current project, sorted, --paths" {
	export WORKON_HOME=$T/workon
	mkenv "$WORKON_HOME/zeta"
	mkenv "$WORKON_HOME/with space"
	mkenv "$WORKON_HOME/it's \"q\""
	mkdir -p "$WORKON_HOME/not-an-env" "$WORKON_HOME/cfgdir/pyvenv.cfg"
	touch "$WORKON_HOME/a-file"
	mkenv "$T/proj/.venv"
	mkenv "$T/proj/venv"
	mkdir -p "$T/proj/src"
	cd "$T/proj/src"
	run --separate-stderr "$VENVHOOK" list
	assert_success
	assert_equal "$output" "$(printf '%s\n' .venv "it's \"q\"" venv "with space" zeta)"
	assert_equal "$stderr" ""
	run "$VENVHOOK" list --paths
	assert_line "$(printf '.venv\t%s' "$T/proj/.venv")"
	assert_line "$(printf 'with space\t%s' "$WORKON_HOME/with space")"
}

@test "list: WORKON_HOME defaults to ~/.virtualenvs; a missing one holds nothing" {
	mkenv "$HOME/.virtualenvs/home-env"
	run "$VENVHOOK" list
	assert_success
	assert_output "home-env"
	# still virtualfish's and zsh-autoswitch-virtualenv's home
	WORKON_HOME=$T/nowhere run "$VENVHOOK" list
	assert_output "home-env"
	WORKON_HOME=$T/nowhere VIRTUALFISH_HOME=$T/nowhere AUTOSWITCH_VIRTUAL_ENV_DIR=$T/nowhere \
		run --separate-stderr "$VENVHOOK" list
	assert_success
	assert_equal "$output" ""
	assert_equal "$stderr" ""
}

@test "list: a name a line cannot hold is left out, with one line saying so" {
	export WORKON_HOME=$T/workon
	mkenv "$WORKON_HOME/ok"
	mkenv "$WORKON_HOME/$(printf 'two\nlines')"
	run --separate-stderr "$VENVHOOK" list
	assert_success
	assert_equal "$output" "ok"
	assert_equal "$stderr" "venvhook: left out 1 env whose name holds a newline or tab"
	run --separate-stderr "$VENVHOOK" list --bogus
	assert_failure 2
}

@test "activate and deactivate run directly say they need the shell function, exit 2" {
	local cmd
	for cmd in "activate x" deactivate; do
		run --separate-stderr "$VENVHOOK" $cmd
		assert_failure 2
		assert_equal "$output" ""
		[[ $stderr == "venvhook: venvhook ${cmd% *} changes your shell's environment, so it works through the 'venvhook' shell function: load it from your rc file"* ]]
	done
	run "$VENVHOOK" --help
	assert_output --partial "activate [--force] NAME|PATH"
	refute_line --regexp '^  call '
}

@test "call: usage errors exit 2; other commands come back as a command line to run" {
	run --separate-stderr "$VENVHOOK" call
	assert_failure 2
	run --separate-stderr "$VENVHOOK" call bash activate
	assert_failure 2
	assert_equal "$stderr" "venvhook: usage: venvhook activate [--force] NAME|PATH"
	run --separate-stderr "$VENVHOOK" call bash deactivate please
	assert_failure 2
	# the activate scripts clear a previous env with `deactivate nondestructive`
	run --separate-stderr "$VENVHOOK" call bash deactivate nondestructive
	assert_failure 1
	assert_equal "$stderr" "venvhook: no env is active"
	run --separate-stderr "$VENVHOOK" call tcsh list "it's a b"
	assert_success
	assert_equal "$output" "env __VENVHOOK_SHELL=tcsh '$(readlink -f "$VENVHOOK")' 'list' 'it'\"'\"'s a b' ;"
	run --separate-stderr "$VENVHOOK" call csh list "$(printf 'a\nb')"
	assert_failure 1
	assert_equal "$stderr" "venvhook: cannot pass that argument: this shell cannot hold a newline in a variable safely"
}

@test "activate's output ends by telling the shell to sync its deactivate" {
	mkenv "$T/e"
	run --separate-stderr "$VENVHOOK" call fish activate "$T/e"
	assert_success
	assert_line --index 0 --partial "builtin set -gx"
	assert_equal "${lines[-1]}" "__venvhook_sync"
	[[ $stderr == "venvhook: activated e (e)" ]]
}

# --- the trust store ---

trust_file() { printf '%s' "$HOME/.local/share/venvhook/trust"; }

@test "allow and deny record decisions as hex lines; two dozen allows at once lose none" {
	local i
	for i in $(seq 1 24); do mkenv "$T/e$i"; done
	for i in $(seq 1 24); do "$VENVHOOK" allow "$T/e$i" 2>/dev/null & done
	wait
	assert_equal "$(grep -c '^allow ' "$(trust_file)")" 24
	for i in $(seq 1 24); do
		grep -q "^allow $(printf '%s' "$T/e$i" | od -An -tx1 | tr -d ' \n') " "$(trust_file)" ||
			fail "the allow of e$i was lost"
	done
	run --separate-stderr "$VENVHOOK" deny "$T/e3"
	assert_success
	assert_equal "$stderr" "venvhook: denied $T/e3"
	assert_equal "$(grep -c '^allow ' "$(trust_file)")" 23
	assert_equal "$(grep -c '^deny ' "$(trust_file)")" 1
	assert_equal "$(find "${HOME}/.local/share/venvhook" -name '*.tmp' | wc -l)" 0
}

@test "allow: a directory without env, or run where nothing is found, says so" {
	mkdir -p "$T/plain"
	run --separate-stderr "$VENVHOOK" allow "$T/plain"
	assert_failure 1
	assert_equal "$stderr" "venvhook: no env for $T/plain: nothing to decide about"
	[[ ! -e $(trust_file) ]]
}

@test "allow of several: an env git tracks needs --yes (or a y at a terminal) and says why; one allowed again is said so" {
	mkenv_unallowed "$T/src/mine/.venv"
	mkenv_unallowed "$T/src/clone/.venv"
	git -C "$T/src/clone" init -q
	git -C "$T/src/clone" add -f .venv
	mkdir -p "$T/src/plain"
	run --separate-stderr "$VENVHOOK" allow "$T/src/mine" "$T/src/clone" "$T/src/plain" </dev/null
	assert_success
	assert_equal "$stderr" "venvhook: allowed $T/src/mine/.venv
venvhook: not allowing $T/src/clone/.venv: git tracks its files (it came with its repository); allow it by itself, or add --yes
venvhook: no env for $T/src/plain: nothing to decide about"
	assert_equal "$(grep -c '^allow ' "$(trust_file)")" 1
	# again, with --yes: the first is already allowed, the tracked one now is
	run --separate-stderr "$VENVHOOK" allow --yes "$T/src/mine" "$T/src/clone"
	assert_success
	assert_equal "$stderr" "venvhook: already allowed $T/src/mine/.venv
venvhook: allowed $T/src/clone/.venv (git tracks its files: a change to them asks again)"
	# one path by itself needs no --yes, and an allow again says so
	run --separate-stderr "$VENVHOOK" allow "$T/src/clone"
	assert_equal "$stderr" "venvhook: already allowed $T/src/clone/.venv"
	mkenv_unallowed "$T/one/.venv"
	git -C "$T/one" init -q
	git -C "$T/one" add -f .venv
	run --separate-stderr "$VENVHOOK" allow "$T/one"
	assert_success
	assert_equal "$stderr" "venvhook: allowed $T/one/.venv (git tracks its files: a change to them asks again)"
}

@test "allow of several at a terminal asks about an env git tracks: y allows, anything else does not" {
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
	mkenv_unallowed "$T/mine/.venv"
	mkenv_unallowed "$T/clone/.venv"
	git -C "$T/clone" init -q
	git -C "$T/clone" add -f .venv
	mkenv_unallowed "$T/other/.venv"
	git -C "$T/other" init -q
	git -C "$T/other" add -f .venv
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init bash)"\n' >"$HOME/.bashrc"
	tmux_start 250 bash --rcfile "$HOME/.bashrc" -i
	wait_prompt 'READY>'
	type_line 'venvhook allow mine clone'
	wait_for "venvhook: allow $T/clone/.venv? git tracks its files (it came with its repository) [y/N]"
	type_line 'y'
	wait_for "venvhook: allowed $T/clone/.venv (git tracks its files: a change to them asks again)"
	type_line 'venvhook allow mine other'
	wait_for "venvhook: already allowed $T/mine/.venv"
	wait_for "venvhook: allow $T/other/.venv? git tracks its files (it came with its repository) [y/N]"
	type_line ''
	wait_for "venvhook: not allowing $T/other/.venv"
	tmux -S "$SOCK" kill-server
	assert_equal "$(grep -c '^allow ' "$(trust_file)")" 2
}

@test "a corrupt trust file: one line naming it, and its good decisions still hold" {
	mkenv "$T/good/.venv"
	mkenv "$T/bad/.venv"
	chmod g+w "$T/good/.venv/bin" "$T/bad/.venv/bin"
	"$VENVHOOK" allow "$T/good" 2>/dev/null
	{ printf 'garbage\n\0\377allow zz yy\n'; cat "$(trust_file)"; } >"$T/trust" && mv "$T/trust" "$(trust_file)"
	cd "$T/good"
	run --separate-stderr "$VENVHOOK" export bash
	assert_success
	assert_output --partial "VIRTUAL_ENV='$T/good/.venv'"
	assert_equal "$stderr" "venvhook: $(trust_file): ignoring 2 lines that are no decision (first: line 1)
venvhook: activated good (.venv)"
}

@test "an unwritable trust file or a full disk: one line, exit 1, the old file whole" {
	mkenv "$T/a"
	# (not allowed yet: an allow again writes nothing)
	mkenv_unallowed "$T/b"
	"$VENVHOOK" allow "$T/a" 2>/dev/null
	cp "$(trust_file)" "$T/before"
	# a write that fails as on a full disk (a file size limit: EFBIG); the
	# limit applies to stderr too when it is a file, so it goes to a pipe
	run bash -c 'ulimit -f 0; "$VENVHOOK" allow "$1" 2>&1 | cat; exit "${PIPESTATUS[0]}"' _ "$T/b"
	assert_failure 1
	assert_output "venvhook: cannot write $(trust_file): File too large; nothing was recorded"
	cmp "$(trust_file)" "$T/before"
	assert_equal "$(find "$HOME/.local/share/venvhook" -name '*.tmp' | wc -l)" 0
	# a directory of the user's that cannot be written
	unprivileged
	chmod 555 "$HOME/.local/share/venvhook"
	run --separate-stderr "${vh_wrap[@]}" "$VENVHOOK" allow "$T/b"
	assert_failure 1
	assert_equal "$stderr" "venvhook: cannot write $(trust_file): Permission denied; nothing was recorded"
	cmp "$(trust_file)" "$T/before"
	# one that someone else (root, here) could change: not written, and
	# its decisions not believed (issue 20)
	chown -R 0:0 "$HOME/.local/share/venvhook"
	run --separate-stderr "${vh_wrap[@]}" "$VENVHOOK" allow "$T/b"
	assert_failure 1
	assert_equal "$stderr" "venvhook: ignoring your decisions: $HOME/.local/share/venvhook belongs to another user; until that is fixed, no env is activated but by 'venvhook activate --force'
venvhook: not writing where someone else could change it: $(trust_file): Operation not permitted; nothing was recorded"
	cmp "$(trust_file)" "$T/before"
}

@test "an env that belongs to another user is refused (needs root to stage)" {
	((EUID == 0)) || skip "staging another user's files needs root"
	mkenv_unallowed "$T/proj/.venv"
	chown -R 4242:4242 "$T/proj/.venv"
	cd "$T/proj"
	run --separate-stderr "$VENVHOOK" export bash
	assert_success
	assert_output ""
	assert_equal "$stderr" "venvhook: not activating $T/proj/.venv: the env directory belongs to uid 4242, not to you; 'venvhook activate --force' uses it anyway"
}

@test "init for csh and tcsh refuses a binary whose path holds a blank, with one line" {
	mkdir -p "$T/has blank"
	cp "$VENVHOOK" "$T/has blank/venvhook"
	run --separate-stderr "$T/has blank/venvhook" init tcsh
	assert_failure 1
	assert_equal "$output" ""
	assert_equal "$stderr" "venvhook: cannot write a hook that calls $T/has blank/venvhook: csh and tcsh would split that path at its blank; install venvhook in a directory without one"
	run --separate-stderr "$T/has blank/venvhook" init bash
	assert_success
}

@test "init for csh and tcsh refuses a binary whose path holds a '!', with one line; bash takes it" {
	mkdir -p "$T/ba!ng"
	cp "$VENVHOOK" "$T/ba!ng/venvhook"
	for sh in tcsh csh; do
		run --separate-stderr "$T/ba!ng/venvhook" init $sh
		assert_failure 1
		assert_equal "$output" ""
		assert_equal "$stderr" "venvhook: cannot write a hook that calls $T/ba!ng/venvhook: csh and tcsh would take its '!' for history substitution; install venvhook in a directory without one"
	done
	# the rc line's eval gets nothing, and the rc file goes on (with init's status)
	# (the binary found on PATH, as the README's line has it: no '!' in the rc file)
	printf 'eval "`venvhook init tcsh`"\necho "after=$status"\n' >"$T/rc"
	PATH="$T/ba!ng:$PATH" run --separate-stderr "$VH_TCSH" -f "$T/rc"
	assert_output "after=1"
	[[ $stderr == *"for history substitution"* && $stderr != *"Event not found"* ]]
	run --separate-stderr "$BASH" --norc -c 'eval "$("$1" init bash)" && cd / && echo "ok=$__venvhook_exe"' _ "$T/ba!ng/venvhook"
	assert_output "ok=$T/ba!ng/venvhook"
}

# --- faults: one line at most, and PATH and VIRTUAL_ENV agree afterwards ---

# exported_after CMD...: runs `venvhook export bash` under CMD in a bash and
# prints VIRTUAL_ENV and PATH as the shell has them after eval.
exported_after() {
	run --separate-stderr "$@" "$BASH" --norc --noprofile -c \
		'eval "$("$VENVHOOK" export bash)"; printf "VE=%s\nPATH=%s\n" "${VIRTUAL_ENV-unset}" "${PATH-unset}"'
}

@test "HOME or PATH unset or empty: the env still activates, PATH is just its bin" {
	mkenv "$T/proj/.venv"
	cd "$T/proj"
	# without HOME, the allow is found through XDG_DATA_HOME
	exported_after env -u HOME XDG_DATA_HOME="$HOME/.local/share"
	assert_success
	assert_line "VE=$T/proj/.venv"
	exported_after env HOME= XDG_DATA_HOME="$HOME/.local/share"
	assert_line "VE=$T/proj/.venv"
	# ...and with neither, no consent can be found: refused, in one line
	exported_after env -u HOME
	assert_success
	assert_line "VE=unset"
	assert_equal "$stderr" "venvhook: not activating $T/proj/.venv: venvhook did not see you make it; 'venvhook allow' trusts it"
	exported_after env PATH=
	assert_line "VE=$T/proj/.venv"
	assert_line "PATH=$T/proj/.venv/bin"
	exported_after env -u PATH
	assert_line "PATH=$T/proj/.venv/bin"
	assert_equal "$stderr" "venvhook: activated proj (.venv)"
}

@test "pyvenv.cfg empty, binary, with NULs, CRLF, a 1 MiB line or no home: activates under the directory's name" {
	local kind
	for kind in empty binary nul crlf huge nohome; do
		mkdir -p "$T/$kind/.venv/bin"
		case $kind in
		empty) : ;;
		binary) head -c 4096 /dev/urandom ;;
		nul) printf 'home = /usr\0bin\nprompt = x\0y\n' ;;
		crlf) printf 'home = /usr/bin\r\nprompt = crlf\r\n' ;;
		huge) printf 'prompt = '; head -c 1048576 /dev/zero | tr '\0' a; printf '\n' ;;
		nohome) printf 'version = 3.11\n' ;;
		esac >"$T/$kind/.venv/pyvenv.cfg"
		"$VENVHOOK" allow "$T/$kind" 2>/dev/null
		cd "$T/$kind"
		exported_after env
		assert_success
		assert_line "VE=$T/$kind/.venv"
		assert_line "PATH=$T/$kind/.venv/bin:$BASE_PATH"
		[[ $(grep -c . <<<"$stderr") -le 2 ]] || fail "$kind: more than a line of complaint: $stderr"
	done
}

@test "a .git with garbage HEAD: one line, no env from above it, the shell's state unchanged" {
	mkenv "$T/outer/.venv"
	mkdir -p "$T/outer/repo/.git"
	printf '\377\376garbage\n' >"$T/outer/repo/.git/HEAD"
	cd "$T/outer/repo"
	exported_after env
	assert_success
	assert_line "VE=unset"
	assert_line "PATH=$BASE_PATH"
	assert_equal "$(grep -c . <<<"$stderr")" 1
	[[ $stderr == "venvhook: $T/outer/repo/.git is not a usable repository ("*"); not looking above it" ]]
}

# --- per-command help ---

# The usage column of `venvhook --help`'s command list, one a line.
help_usages() {
	"$VENVHOOK" --help | sed -n '/^commands:$/,/^$/p' | sed -nE 's/^  ([^ ]+( [^ ]+)*)  +[^ ].*$/\1/p'
}

@test "every command venvhook --help lists answers --help and -h: its usage line, exit 0" {
	local usages u flag
	mapfile -t usages < <(help_usages)
	# (the list is parsed, not written here: a command added later is covered)
	((${#usages[@]} >= 7)) || fail "parsed only: ${usages[*]}"
	for u in "${usages[@]}"; do
		for flag in --help -h; do
			run --separate-stderr "$VENVHOOK" "${u%% *}" "$flag"
			assert_success
			assert_equal "${lines[0]}" "usage: venvhook $u"
			assert_equal "$stderr" ""
			((${#lines[@]} >= 2)) || fail "${u%% *} $flag: no description"
		done
	done
	# only right after the command: elsewhere -h is a name or a path
	run --separate-stderr "$VENVHOOK" allow ./-h
	assert_failure 1
	assert_equal "$stderr" "venvhook: no env for $T/./-h: nothing to decide about"
}

@test "one parser for every command: options on either side of the operands, -- ends them, a wrong word named" {
	mkenv "$T/proj/.venv"
	mkdir "$T/-dash"
	mkenv_unallowed "$T/-dash/.venv"
	cd "$T/proj"
	# directly: a flag after the operand, a mistyped one, one too many
	run "$VENVHOOK" init bash --prompt
	assert_success
	run --separate-stderr "$VENVHOOK" status --jsn
	assert_failure 2
	assert_equal "$stderr" "venvhook: status: no such option '--jsn' (did you mean '--json'?)
venvhook: usage: venvhook status [--json]"
	run --separate-stderr "$VENVHOOK" which python3 python
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "venvhook: which: one argument too many: 'python'"
	run --separate-stderr "$VENVHOOK" list --paths --paths
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "venvhook: list: given twice: '--paths'"
	# exec: its options come first, the rest is the program's
	run "$VENVHOOK" exec -C "$T/proj" printf '%s\n' --require-env
	assert_success
	assert_output "--require-env"
	# through the shell function: activate PATH --force as activate --force
	# PATH; allow -- -dir names the directory
	"$VENVHOOK" deny "$T/proj/.venv" 2>/dev/null
	run --separate-stderr "$VH_BASH" --norc --noprofile -c '
		eval "$("$VENVHOOK" init bash)"
		venvhook activate "$T/proj/.venv" --force 2>/dev/null
		printf "VE=%s\n" "${VIRTUAL_ENV-unset}"
		venvhook deactivate 2>/dev/null
		cd "$T"
		venvhook allow -- -dash && echo allowed'
	assert_success
	assert_output "VE=$T/proj/.venv
allowed"
	grep -q "$(printf %s "$T/-dash/.venv" | od -An -tx1 | tr -d ' \n')" "$HOME/.local/share/venvhook/trust"
}

@test "through the shell function, activate/deactivate/allow/deny --help print on stderr and change nothing" {
	mkenv "$T/proj/.venv"
	cd "$T/proj"
	local cmd
	for cmd in activate deactivate allow deny; do
		"$VENVHOOK" "$cmd" --help >"$T/want.$cmd"
	done
	# in bash: the env stays active, nothing reaches stdout (the function
	# evals it), the help reaches stderr
	run --separate-stderr "$VH_BASH" --norc --noprofile -c '
		eval "$("$VENVHOOK" init bash)"
		eval "$("$VENVHOOK" export bash)" 2>/dev/null
		cp "$HOME/.local/share/venvhook/trust" "$T/trust.before"
		for cmd in activate deactivate allow deny; do
			venvhook "$cmd" --help 2>"$T/got.$cmd" || echo "status $?"
		done
		venvhook list --help | head -n 1
		printf "VE=%s\n" "${VIRTUAL_ENV-unset}"'
	assert_success
	assert_output "usage: venvhook list [--paths] [--null] [--] [PREFIX]
VE=$T/proj/.venv"
	for cmd in activate deactivate allow deny; do
		cmp "$T/want.$cmd" "$T/got.$cmd"
	done
	cmp "$T/trust.before" "$HOME/.local/share/venvhook/trust" || fail "allow --help recorded a decision"
	# in tcsh, through the alias: the same, and `list --help` comes back
	# through the command line the alias runs
	# (lines from stdin: an alias is not known on the line that defines it)
	run --separate-stderr "$VH_TCSH" -f <<-'EOF'
		eval "`$VENVHOOK:q init tcsh`"
		venvhook deactivate --help
		echo "status $status"
		venvhook list --help
		echo "VE=$VIRTUAL_ENV"
	EOF
	assert_success
	assert_line --index 0 "status 0"
	assert_line --index 1 "usage: venvhook list [--paths] [--null] [--] [PREFIX]"
	assert_line "VE=$T/proj/.venv"
	assert_equal "$stderr" "venvhook: activated proj (.venv)
$(cat "$T/want.deactivate")"
}

# --- the config file ---

config() { mkdir -p "$HOME/.config/venvhook" && printf '%s\n' "$@" >"$HOME/.config/venvhook/config"; }

@test "config: the defaults, printed as a config file would say them" {
	run --separate-stderr "$VENVHOOK" config
	assert_success
	assert_equal "$output" "# $HOME/.config/venvhook/config (not found: the defaults)
env_dirs = .venv venv
stop_at_git_root = yes
quiet = no
follow_pointer_files = yes
trust = strict
stores = poetry pipenv pyenv uv virtualenvwrapper virtualfish autoswitch hatch pdm"
	assert_equal "$stderr" ""
	XDG_CONFIG_HOME=$T/xdg run "$VENVHOOK" config
	assert_line --index 0 "# $T/xdg/venvhook/config (not found: the defaults)"
}

@test "config: each bad line gets one warning naming file and line, and the rest applies" {
	config 'env_dirs = .env venv' 'bogus line' 'quiet = maybe' 'colour = blue' '[section]' \
		"env_dirs = $(printf 'x%.0s' {1..250})" 'env_dirs = a/b' 'trust = sometimes' 'trust = owner'
	run --separate-stderr "$VENVHOOK" config
	assert_success
	assert_line "env_dirs = .env venv"
	assert_line "trust = owner"
	assert_line "quiet = no"
	local f=$HOME/.config/venvhook/config
	assert_equal "$stderr" "venvhook: $f:2: not a 'key = value' line; the line is ignored
venvhook: $f:3: quiet is yes or no; the line is ignored
venvhook: $f:4: unknown key 'colour'; the line is ignored
venvhook: $f:5: sections are not used; the line is ignored
venvhook: $f:6: line too long; the line is ignored
venvhook: $f:7: env_dirs takes up to 16 names without '/'; the line is ignored
venvhook: $f:8: trust is strict, owner or off; the line is ignored"
}

@test "config: env_dirs, stop_at_git_root, follow_pointer_files and quiet change what export does" {
	mkenv "$T/a/.env"
	mkenv "$T/outer/.venv"
	mkdir -p "$T/outer/repo" "$T/ptr"
	git init -q "$T/outer/repo"
	mkenv "$T/target"
	printf '%s\n' "$T/target" >"$T/ptr/.venv"
	config 'env_dirs = .env' 'stop_at_git_root = no' 'follow_pointer_files = no' 'quiet = yes'
	cd "$T/a"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/a/.env'"
	assert_equal "$stderr" ""
	config 'stop_at_git_root = no'
	cd "$T/outer/repo"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/outer/.venv'"
	config 'follow_pointer_files = no'
	cd "$T/ptr"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	# VENVHOOK_QUIET, when set, wins over the file
	config 'quiet = yes'
	cd "$T/a"
	mkenv "$T/a/.venv"
	VENVHOOK_QUIET=0 run --separate-stderr "$VENVHOOK" export bash
	assert_equal "$stderr" "venvhook: activated a (.venv)"
}

@test "config: trust = owner needs no consent but checks owner, mode and git; trust = off checks nothing; a deny still holds" {
	mkenv_unallowed "$T/clone/.venv"
	mkenv_unallowed "$T/mine/.venv"
	git -C "$T/clone" init -q
	git -C "$T/clone" add -f .venv
	cd "$T/mine"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	assert_equal "$stderr" "venvhook: not activating $T/mine/.venv: venvhook did not see you make it; 'venvhook allow' trusts it"
	config 'trust = owner'
	run --separate-stderr "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/mine/.venv'"
	cd "$T/clone"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	assert_equal "$stderr" "venvhook: not activating $T/clone/.venv: its files are tracked by git in $T/clone (it came with the repository); 'venvhook allow' trusts it"
	git -C "$T/clone" rm -rq --cached .venv
	run --separate-stderr "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/clone/.venv'"
	chmod o+w "$T/clone/.venv/bin"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	config 'trust = off'
	run --separate-stderr "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/clone/.venv'"
	"$VENVHOOK" deny 2>/dev/null
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	assert_stderr_contains "you denied it"
}

@test "status --json: one object, strings escaped, non-UTF-8 bytes as \\u00XX" {
	local p=$T/$'q"\\\x01\xff'
	mkenv "$p/.venv"
	cd "$p"
	run --separate-stderr env VIRTUAL_ENV="$p/.venv" __VENVHOOK_ENV="$p/.venv" "$VENVHOOK" status --json
	assert_success
	local e='q\"\\\u0001\u00ff'
	assert_output "{\"hook\":null,\"active\":{\"env\":\"$T/$e/.venv\",\"by\":\"auto\"},\"here\":{\"dir\":\"$T/$e\",\"env\":\"$T/$e/.venv\",\"rule\":\"child\",\"from\":\"$T/$e\",\"file\":null,\"git_root\":null},\"python\":\"3.11.2\",\"trust\":{\"ok\":true,\"why\":null,\"basis\":\"allowed\"},\"pinned\":null,\"paused\":null,\"config\":{\"file\":\"$HOME/.config/venvhook/config\",\"found\":false},\"interpreter\":\"$T/$e/.venv/bin/python\"}"
	run --separate-stderr "$VENVHOOK" status --yaml
	assert_failure 2
}

@test "the cache of git's answers is read only when it is the user's and no one else can write it" {
	mkenv "$T/repo/.venv"
	git init -q "$T/repo"
	cd "$T/repo"
	"$VENVHOOK" export bash >/dev/null 2>&1
	run_loaded "$VENVHOOK" export bash
	[[ $loaded != *libgit2* ]] || fail "the cache did not answer: $loaded"
	# writable by anyone: its answers are not taken, libgit2 is asked
	chmod o+w "$HOME/.cache/venvhook/checked"
	run_loaded "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/repo/.venv'"
	[[ $loaded == *libgit2* ]] || fail "a cache anyone can write was read: $loaded"
	# and the next write starts it over as the user's own
	[[ $(stat -c %a "$HOME/.cache/venvhook/checked") == 600 ]] || fail "not started over"
	# writable by another user through an ACL entry (the mode shows g+w:
	# the ACL's mask), as with `setfacl -m u:nobody:rw`
	"$VENVHOOK" export bash >/dev/null 2>&1
	run_loaded "$VENVHOOK" export bash
	[[ $loaded != *libgit2* ]] || fail "the cache did not answer: $loaded"
	setfacl -m u:65534:rw "$HOME/.cache/venvhook/checked"
	run_loaded "$VENVHOOK" export bash
	[[ $loaded == *libgit2* ]] || fail "a cache another user can write through an ACL was read: $loaded"
	if ((EUID == 0)); then
		chown 65534 "$HOME/.cache/venvhook/checked"
		run_loaded "$VENVHOOK" export bash
		[[ $loaded == *libgit2* ]] || fail "another user's cache was read: $loaded"
	fi
}

@test "entering a project in a repository asks libgit2 once per env identity, then the cache answers" {
	mkenv "$T/repo/.venv"
	git init -q "$T/repo"
	cd "$T/repo"
	run_loaded "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/repo/.venv'"
	[[ $loaded == *libgit2* ]] || fail "libgit2 not loaded: $loaded"
	[[ -s $HOME/.cache/venvhook/checked ]] || fail "no cache entry written"
	run_loaded "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/repo/.venv'"
	[[ $loaded != *libgit2* ]] || fail "libgit2 loaded: $loaded"
	# something new in bin/ is a new identity: asked again
	touch "$T/repo/.venv/bin/new-script"
	run_loaded "$VENVHOOK" export bash
	[[ $loaded == *libgit2* ]] || fail "libgit2 not loaded: $loaded"
	# and a tracked env is never cached as trusted
	git -C "$T/repo" add -f .venv
	touch "$T/repo/.venv/bin/another"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
}
