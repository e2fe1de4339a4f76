#!/usr/bin/env bats
# venvhook under valgrind's memcheck (see valgrind.bash): the runs that do
# not depend on the shell, over the situations export meets. Each shell's
# own (init, the transitions that reach all of its emitter) are in
# valgrind-shell.bats, which its driver runs.

load helpers
load valgrind

setup_file() { vg_setup_file; }

setup() {
	vh_setup
	vg_setup
}

@test "a garbage pyvenv.cfg, git repositories without an env (one read from its files, one by libgit2), a .git that is no repository" {
	mkdir -p "$T/garbage/.venv/bin"
	{
		head -c 3000 /dev/urandom
		printf '\nprompt = \0\n[x\nhome\n'
		printf 'prompt%*s= far\n' 300 ''
		printf 'version = %*s\n' 500 ''
	} >"$T/garbage/.venv/pyvenv.cfg"
	"$VENVHOOK" allow "$T/garbage" 2>/dev/null
	vg garbage "$T/garbage" -- export bash
	mkdir -p "$T/up/repo/a/b" "$T/up/wt/c" "$T/up/broken/sub"
	git -C "$T/up/repo" init -q
	# a config the files alone cannot answer for: libgit2, in its child
	git init -q "$T/up/wt"
	git -C "$T/up/wt" config core.worktree "$T/up/wt"
	echo "gitdir: /nonexistent" >"$T/up/broken/.git"
	# the env above the work-tree roots must not be taken
	mkenv "$T/up/.venv"
	vg git "$T/up/repo/a/b" -- export bash
	vg libgit2 "$T/up/wt/c" -- export bash
	vg broken "$T/up/broken/sub" -- export bash
	vg_check garbage="VIRTUAL_ENV='$T/garbage/.venv'" git= libgit2= broken=
	grep -q 'is not a usable repository' "$T/broken.err"
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
	# the line the hook hands over with the key (core/trust/madeby.h)
	__venvhook_cmdlines=$'\036'$T/made$'\036python3 -m venv .venv\037\036' \
		vg made "$T/made" -- export fish "$key"
	vg tracked "$T/repo" -- export tcsh -
	vg_check allow= refused= made="VIRTUAL_ENV '$T/made/.venv'" tracked="set __venvhook_key"
	! grep -q VIRTUAL_ENV "$T/tracked.out"
	grep -q 'would shadow ls' "$T/refused.err"
	grep -q 'made here' "$T/made.err"
	grep -q 'tracked by git' "$T/tracked.err"
}

@test "exec and which: an env, none, a refused one, no such command; a pin and another env in the caller; status --json" {
	mkenv_unallowed "$T/refused/.venv"
	printf '#!/usr/bin/env -S venvhook exec -- sh\n' >"$T/proj/script"
	vg which "$T/proj" -- which
	vg which3 "$T/proj" -- which -C "$T/other" python3
	vg whichnone "$T/empty" -- which
	vg whichrefused "$T/refused" -- which
	vg whichmissing "$T/proj" -- which no-such-program-here
	# exec's own work is checked up to execvp (valgrind follows no exec)
	vg exec "$T/empty" __VENVHOOK_PIN="$T/other/.venv" VIRTUAL_ENV="$T/other/.venv" \
		PATH="$T/other/.venv/bin:/usr/bin:/bin" -- exec -C "$T/proj" -- true
	vg execrefused "$T/proj" -- exec -C "$T/refused" -- true
	vg execmissing "$T/proj" -- exec -- no-such-program-here
	vg execrequire "$T/empty" -- exec --require-env -- true
	vg shebang "$T/empty" -- exec -- sh "$T/proj/script" arg
	vg json "$T/proj" -- status --json
	VG_RC[whichnone]=1 VG_RC[whichrefused]=1 VG_RC[whichmissing]=1
	VG_RC[execrefused]=126 VG_RC[execmissing]=127 VG_RC[execrequire]=125
	vg_check which="^$T/proj/.venv/bin/python\$" which3="^$T/other/.venv/bin/python3\$" whichnone= \
		whichrefused= whichmissing= exec= execrefused= execmissing= execrequire= shebang= \
		json="\"interpreter\":\"$T/proj/.venv/bin/python\""
	grep -q 'tracked\|did not see you make it' "$T/execrefused.err"
	grep -q 'command not found' "$T/execmissing.err"
}
