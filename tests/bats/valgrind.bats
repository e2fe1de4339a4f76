#!/usr/bin/env bats
# venvhook under valgrind's memcheck: no leak (definite or indirect) and no
# memory error, for init, list and export in each shell over the situations
# export meets. No suppression file: libgit2, once dlopen()ed, keeps its
# global state reachable until exit, which is not an error for these leak
# kinds, so nothing of ours can hide behind a suppression.
# Each run costs valgrind's start-up (~0.4 s): every shell runs init and the
# two transitions that reach all of its emitter (activate with PYTHONHOME
# set, deactivate restoring it); the situations that differ only in the
# shared code are dealt out among the shells.

load helpers

setup_file() {
	if ldd "$VENVHOOK" 2>/dev/null | grep -q libasan ||
		nm -D "$VENVHOOK" 2>/dev/null | grep -q ' __asan_init'; then
		export VH_VG_SKIP="$VENVHOOK is built with AddressSanitizer (--enable-sanitizers), which valgrind cannot run; ASan's leak check covers that build"
	fi
}

setup() {
	[[ -z ${VH_VG_SKIP:-} ]] || skip "$VH_VG_SKIP"
	command -v valgrind >/dev/null || fail "valgrind not found (apt-get install valgrind)"
	vh_setup
	VG_JOBS=()
	mkenv "$T/proj/.venv" "prompt = 'pr\\'oj \\u00e9'"
	mkenv "$T/other/.venv"
	mkdir -p "$T/empty"
}

# vg NAME DIR [VAR=VALUE...] -- ARGS...: runs venvhook ARGS in DIR under
# memcheck, in the background, with the environment changes given.
vg() {
	local name=$1 dir=$2
	shift 2
	local envs=()
	while [[ $1 != -- ]]; do
		envs+=("$1")
		shift
	done
	shift
	(
		rc=0
		cd "$dir" || exit 1
		export PWD=$dir
		env "${envs[@]}" valgrind -q --leak-check=full \
			--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
			--error-exitcode=86 --num-callers=30 --log-file="$T/$name.vg" \
			"$VENVHOOK" "$@" >"$T/$name.out" 2>"$T/$name.err" || rc=$?
		echo "$rc" >"$T/$name.rc"
	) &
	VG_JOBS+=("$name")
}

# vg_check NAME=RE...: waits for the runs; each must exit 0 with an empty
# valgrind log, and run NAME's stdout must match the regex RE (or be empty
# for NAME=), which shows it met the situation it was set up for.
vg_check() {
	wait
	local name pat bad=0
	for name in "${VG_JOBS[@]}"; do
		if [[ $(cat "$T/$name.rc" 2>/dev/null) != 0 || -s $T/$name.vg ]]; then
			echo "# $name: exit $(cat "$T/$name.rc" 2>/dev/null), valgrind says:"
			sed 's/^/#   /' "$T/$name.vg" "$T/$name.err"
			bad=1
		fi
	done
	for pat in "$@"; do
		name=${pat%%=*} pat=${pat#*=}
		if [[ -z $pat ]]; then
			[[ -s $T/$name.out ]] || continue
		elif grep -Eq -- "$pat" "$T/$name.out"; then
			continue
		fi
		echo "# $name: stdout does not match /$pat/:"
		sed 's/^/#   /' "$T/$name.out" "$T/$name.err"
		bad=1
	done
	((bad == 0))
}

# transitions SHELL: the runs every shell gets.
transitions() {
	local sh=$1 proj=$T/proj/.venv
	vg init "$T" -- init "$sh"
	vg activate "$T/proj" PYTHONHOME=/opt/py -- export "$sh"
	vg deactivate "$T/empty" VIRTUAL_ENV="$proj" __VENVHOOK_ENV="$proj" \
		__VENVHOOK_PYTHONHOME=/opt/py PATH="$proj/bin:$BASE_PATH" -- export "$sh"
}

@test "bash: init, transitions, a switch between envs and no env at all" {
	local proj=$T/proj/.venv
	transitions bash
	vg switch "$T/other" VIRTUAL_ENV="$proj" __VENVHOOK_ENV="$proj" \
		PATH="$proj/bin:$BASE_PATH" -- export bash
	vg noenv "$T/empty" -- export bash
	vg_check init=__venvhook activate="VIRTUAL_ENV='$T/proj/.venv'" \
		deactivate="unset -v VIRTUAL_ENV" switch="VIRTUAL_ENV='$T/other/.venv'" noenv=
}

@test "zsh: init, transitions and a garbage pyvenv.cfg" {
	transitions zsh
	mkdir -p "$T/garbage/.venv/bin"
	{
		head -c 3000 /dev/urandom
		printf '\nprompt = \0\n[x\nhome\n'
		printf 'prompt%*s= far\n' 300 ''
		printf 'version = %*s\n' 500 ''
	} >"$T/garbage/.venv/pyvenv.cfg"
	"$VENVHOOK" allow "$T/garbage" 2>/dev/null
	vg garbage "$T/garbage" -- export zsh
	vg_check init=__venvhook activate="VIRTUAL_ENV='$T/proj/.venv'" \
		deactivate="unset -v VIRTUAL_ENV" garbage="VIRTUAL_ENV='$T/garbage/.venv'"
}

@test "fish: init, transitions and git repositories without an env (one read from its files, one by libgit2)" {
	transitions fish
	mkdir -p "$T/up/repo/a/b" "$T/up/wt/c"
	git -C "$T/up/repo" init -q
	# a config the files alone cannot answer for: libgit2, in its child
	git init -q "$T/up/wt"
	git -C "$T/up/wt" config core.worktree "$T/up/wt"
	# the env above the work-tree root must not be taken
	mkenv "$T/up/.venv"
	vg git "$T/up/repo/a/b" -- export fish
	vg libgit2 "$T/up/wt/c" -- export fish
	vg_check init=__venvhook activate="set -gx VIRTUAL_ENV '$T/proj/.venv'" \
		deactivate="set -eg VIRTUAL_ENV" git= libgit2=
}

@test "tcsh: init, transitions and a .git that is no repository" {
	transitions tcsh
	mkdir -p "$T/up/broken/sub"
	echo "gitdir: /nonexistent" >"$T/up/broken/.git"
	mkenv "$T/up/.venv"
	vg broken "$T/up/broken/sub" -- export tcsh
	vg_check init=__venvhook activate="setenv VIRTUAL_ENV '$T/proj/.venv'" \
		deactivate="unsetenv VIRTUAL_ENV" broken=
	grep -q 'is not a usable repository' "$T/broken.err"
}

@test "csh: init, transitions and a newline in the project path (refused)" {
	transitions csh
	local nl=$T/$'a\nb'
	mkenv "$nl/.venv"
	vg refused "$nl" -- export csh
	vg_check init=__venvhook activate="setenv VIRTUAL_ENV '$T/proj/.venv'" \
		deactivate="unsetenv VIRTUAL_ENV" refused=
	grep -q 'cannot hold a newline' "$T/refused.err"
}

@test "list and list --paths" {
	mkdir -p "$BATS_TEST_TMPDIR/home/.virtualenvs"
	mkenv "$BATS_TEST_TMPDIR/home/.virtualenvs/alpha"
	mkenv "$BATS_TEST_TMPDIR/home/.virtualenvs/beta"
	vg list "$T/proj" -- list
	vg paths "$T/proj" -- list --paths
	vg_check list='^alpha$' paths=$'^alpha\t'"$BATS_TEST_TMPDIR/home/.virtualenvs/alpha$"
}

@test "trust: allow of several envs, a refusal naming what bin/ shadows, an env made at the prompt, a tracked env in a repository" {
	mkenv_unallowed "$T/a/.venv"
	mkenv_unallowed "$T/b/.venv"
	mkenv_unallowed "$T/theirs/.venv"
	printf '#!/bin/sh\n' >"$T/theirs/.venv/bin/ls"
	chmod +x "$T/theirs/.venv/bin/ls"
	mkenv_unallowed "$T/repo/.venv"
	git -C "$T/repo" init -q
	git -C "$T/repo" add -f .venv
	mkdir -p "$T/made"
	local key
	(cd "$T/made" && PWD=$T/made "$VENVHOOK" export bash -) >"$T/key.out" 2>/dev/null
	key=$(sed -n "s/^__venvhook_key='\(.*\)'$/\1/p" "$T/key.out")
	mkenv_unallowed "$T/made/.venv"
	vg allow "$T" -- allow "$T/a" "$T/b/.venv"
	vg refused "$T/theirs" -- export zsh
	vg made "$T/made" -- export fish "$key"
	vg tracked "$T/repo" -- export tcsh -
	vg_check allow= refused= made="VIRTUAL_ENV '$T/made/.venv'" tracked="set __venvhook_key"
	! grep -q VIRTUAL_ENV "$T/tracked.out"
	grep -q 'would shadow ls' "$T/refused.err"
	grep -q 'made here' "$T/made.err"
	grep -q 'tracked by git' "$T/tracked.err"
}
