#!/usr/bin/env bats
# The trust policy against an attacker's project (issue 11): each way
# someone else's bin/ could reach PATH, tried as a user (nobody, when the
# suite runs as root) at a real interactive bash. Every env here has a
# bin/ls that leaves a mark, and each session runs `ls` after the cd: the
# teardown fails if any mark appears. The policy is the binary's, the same
# for every shell; the scenarios run the shell-specific parts in all five.

load helpers

setup() {
	vh_use_driver bash
	export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
	export GIT_CONFIG_NOSYSTEM=1
}

teardown() {
	refute_executed
}

# evilenv DIR: an env an attacker ships, its bin/ls a marker.
evilenv() {
	mkenv_unallowed "$1" "command = /usr/bin/python3 -m venv $1"
	printf '#!/bin/sh\necho "$0" >>"%s/EXECUTED"\n' "$T" >"$1/bin/ls"
	chmod +x "$1/bin/ls"
}

# repo DIR: a git repository of the attacker's, with everything committed.
commit_all() {
	git -C "$1" add -Af . && git -C "$1" commit -qm x
}

# not_active N ENV: report N has no env on PATH, and ENV is not VIRTUAL_ENV.
not_active() {
	assert_inactive "$1"
}


@test "a tarball's env is refused on cd, naming what its bin/ would shadow; unpacked at the prompt it is still refused" {
	evilenv "$T/src/evil/.venv"
	mkdir -p "$T/src/evil/pkg"
	tar -C "$T/src" -cf "$T/evil.tar" evil
	tar -C "$T/src/evil" -cf "$T/bomb.tar" .venv pkg
	rm -rf "$T/src"
	mkdir -p "$T/home/dl" "$T/here"
	export TARBALL=$T/evil.tar BOMB=$T/bomb.tar
	unprivileged
	session "cd home/dl" "run tar -xf \$TARBALL" "cd home/dl/evil" report "run ls" \
		"cd here" "run tar -xf \$BOMB" "cd here/pkg" report "run ls"
	assert_success
	not_active 1
	not_active 2
	assert_stderr_contains "venvhook: not activating $T/home/dl/evil/.venv: it appeared with tar (an env that may have come with files unpacked, fetched, cloned, copied or moved is not taken as yours), and its bin/ would shadow ls; 'venvhook allow' trusts it"
	assert_stderr_contains "venvhook: not activating $T/here/.venv: it appeared with tar (an env that may have come with files unpacked, fetched, cloned, copied or moved is not taken as yours), and its bin/ would shadow ls; 'venvhook allow' trusts it"
	# and on coming back, what venvhook saw then
	assert_stderr_contains "venvhook: not activating $T/here/.venv: it was already here when you arrived, and its bin/ would shadow ls"
}

@test "a copy (cp -r) with a forged command line is refused; a copy that keeps times, into the directory you sit in, too" {
	evilenv "$T/usb/proj/.venv"
	mkdir -p "$T/src" "$T/sit"
	export FROM=$T/usb/proj FROMENV=$T/usb/proj/.venv
	unprivileged
	session "cd src" "run cp -r \$FROM ." "cd src/proj" report "run ls" \
		"cd sit" "run cp -rp \$FROMENV ." "cd sit/.venv/bin" report
	not_active 1
	not_active 2
	assert_stderr_contains "venvhook: not activating $T/src/proj/.venv: it appeared with cp "
	assert_stderr_contains "venvhook: not activating $T/sit/.venv: it appeared with cp "
}

@test "an env directory that looks like a bare repository cannot stand in for the clone's own .git" {
	evilenv "$T/up/.venv"
	# HEAD, objects/ and refs/: what libgit2 takes for a bare repository
	# (files inside, so that the clone has the directories too)
	mkdir -p "$T/up/.venv/objects/info" "$T/up/.venv/refs/heads"
	touch "$T/up/.venv/objects/info/packs" "$T/up/.venv/refs/heads/.keep"
	echo 'ref: refs/heads/main' >"$T/up/.venv/HEAD"
	git init -q "$T/up"
	commit_all "$T/up"
	git clone -q "$T/up" "$T/clone"
	unprivileged
	session "cd clone" report "run ls"
	not_active 1
	assert_stderr_contains "venvhook: not activating $T/clone/.venv: its files are tracked by git in $T/clone (it came with the repository)"
}

@test "a repository libgit2 cannot read (sha256, split index) is 'cannot tell', and refused" {
	evilenv "$T/s256/.venv"
	git init -q --object-format=sha256 "$T/s256"
	commit_all "$T/s256"
	evilenv "$T/split/.venv"
	git init -q "$T/split"
	git -C "$T/split" config core.splitIndex true
	commit_all "$T/split"
	git -C "$T/split" update-index --split-index
	# even an env the user allowed there: consent is the way out
	mkenv "$T/split2/.venv"
	git init -q "$T/split2"
	git -C "$T/split2" config core.splitIndex true
	echo x >"$T/split2/x"
	git -C "$T/split2" add x
	git -C "$T/split2" update-index --split-index
	unprivileged
	session "cd s256" report "run ls" "cd split" report "run ls" "cd split2" report \
		"run venvhook allow" report
	not_active 1
	not_active 2
	not_active 3
	assert_active 4 "$T/split2/.venv"
	assert_stderr_contains "venvhook: not activating $T/s256/.venv: cannot tell whether git tracks it (cannot open the repository: unsupported extension name extensions.objectformat); 'venvhook allow' trusts it"
	assert_stderr_contains "venvhook: not activating $T/split/.venv: cannot tell whether git tracks it (cannot read its index: unsupported mandatory extension: 'link'); 'venvhook allow' trusts it"
}

@test "a tracked .pth under .venv: the env the user then makes over it is refused" {
	mkdir -p "$T/up/.venv/lib/python3.11/site-packages" "$T/up/src"
	echo 'import os; open(os.path.expanduser("~/PTH-RAN"), "w")' \
		>"$T/up/.venv/lib/python3.11/site-packages/zz.pth"
	touch "$T/up/src/app.py"
	git init -q "$T/up"
	commit_all "$T/up"
	git clone -q "$T/up" "$T/clone"
	unprivileged
	session "cd clone" "run /usr/bin/python3 -m venv --without-pip .venv" "cd clone/src" report
	not_active 1
	[[ -e $T/clone/.venv/pyvenv.cfg ]]
	assert_stderr_contains "venvhook: not activating $T/clone/.venv: its files are tracked by git in $T/clone (it came with the repository)"
	[[ ! -e $HOME/PTH-RAN ]]
}

@test "a tracked symlink for bin/ counts as tracked content of the env" {
	mkdir -p "$T/up/.venv" "$T/up/tools"
	printf '#!/bin/sh\necho "$0" >>"%s/EXECUTED"\n' "$T" >"$T/up/tools/ls"
	chmod +x "$T/up/tools/ls"
	ln -s ../tools "$T/up/.venv/bin"
	git init -q "$T/up"
	commit_all "$T/up"
	git clone -q "$T/up" "$T/clone"
	# the user's own pyvenv.cfg (untracked), as python -m venv would write it
	printf 'home = /usr/bin\n' >"$T/clone/.venv/pyvenv.cfg"
	unprivileged
	session "cd clone" report "run ls"
	not_active 1
	assert_stderr_contains "venvhook: not activating $T/clone/.venv: its files are tracked by git in $T/clone"
}

@test "a tracked symlink named .venv, to an env the user allowed outside the repository, is the project's choice: refused" {
	# (git is asked about the link as found in the clone and about the env
	# it leads to, in their own repositories: core/trust/tracked.c)
	mkenv "$T/mine/env"
	mkdir -p "$T/up/src" && touch "$T/up/src/app.py"
	ln -s "$T/mine/env" "$T/up/.venv"
	git init -q "$T/up"
	commit_all "$T/up"
	git clone -q "$T/up" "$T/clone"
	mkenv "$T/plain/env"
	ln -s "$T/plain/env" "$T/plain/.venv"
	unprivileged
	session "cd clone/src" report "cd plain" report
	not_active 1
	assert_stderr_contains "venvhook: not activating $T/clone/.venv: git tracks other files in it than when you allowed it"
	# the same link that no repository holds: the env itself
	assert_active 2 "$T/plain/.venv"
}

@test "an allow is for that directory: a new clone at the same path, the same pyvenv.cfg, is refused" {
	evilenv "$T/up/.venv"
	git init -q "$T/up"
	commit_all "$T/up"
	git clone -q "$T/up" "$T/proj"
	"$VENVHOOK" allow "$T/proj" 2>/dev/null
	export PROJ=$T/proj UP=$T/up
	unprivileged
	session "cd proj" report "cd /" "run rm -rf \$PROJ" "run git -c safe.directory=* clone -q \$UP \$PROJ" \
		"cd proj" report "run ls"
	assert_active 1 "$T/proj/.venv"
	not_active 2
	assert_stderr_contains "venvhook: not activating $T/proj/.venv: it is not the env you allowed: that directory was replaced by another one since"
}

@test "an allowed env that git tracks asks again when a pull changes what is tracked in it" {
	evilenv "$T/up/.venv"
	git init -q -b main "$T/up"
	commit_all "$T/up"
	git clone -q "$T/up" "$T/proj"
	"$VENVHOOK" allow "$T/proj" 2>/dev/null
	# upstream changes a program in the env
	printf '#!/bin/sh\necho "$0 v2" >>"%s/EXECUTED"\n' "$T" >"$T/up/.venv/bin/ls"
	commit_all "$T/up"
	export PROJ=$T/proj
	unprivileged
	session "cd proj" report "cd /" "run git -c safe.directory=* -C \$PROJ pull -q" "cd proj" report
	assert_active 1 "$T/proj/.venv"
	not_active 2
	assert_stderr_contains "venvhook: not activating $T/proj/.venv: git tracks other files in it than when you allowed it; 'venvhook allow' trusts it"
}

@test "an env under a directory others can write to is refused, even allowed; activate --force takes it, saying who can change it" {
	mkdir -p "$T/team"
	mkenv_unallowed "$T/team/proj/.venv"
	mkdir -p "$T/team/proj/src"
	export ENV_DIR=$T/team/proj/.venv
	unprivileged
	# a team directory: group-writable, no sticky bit, a group of others
	chgrp "$(other_group)" "$T/team"
	chmod 2775 "$T/team"
	session "cd team/proj" report "run venvhook allow" "cd team/proj/src" report \
		"run venvhook activate \$ENV_DIR" report "run venvhook activate --force \$ENV_DIR" report \
		"cd /" report "deactivate" "cd team/proj" report
	assert_success
	not_active 1
	not_active 2
	not_active 3
	assert_active 4 "$T/team/proj/.venv"
	assert_active 5 "$T/team/proj/.venv"
	not_active 6
	local why="the directory $T/team above it is writable by its group, who could put another env in its place"
	assert_stderr_contains "venvhook: not activating $T/team/proj/.venv: $why; 'venvhook activate --force' uses it anyway" \
		"venvhook: allowed $T/team/proj/.venv, but $why: only 'venvhook activate --force' uses it" \
		"venvhook: not activating $T/team/proj/.venv: $why; 'venvhook activate --force' uses it anyway" \
		"venvhook: not activating $T/team/proj/.venv: $why; activate --force uses it anyway" \
		"venvhook: activating $T/team/proj/.venv although $why: they can change what runs" \
		"venvhook: not activating $T/team/proj/.venv: $why; 'venvhook activate --force' uses it anyway"
}

@test "a sticky directory others can write to (as /tmp) is fine" {
	mkdir -p "$T/shared"
	mkenv "$T/shared/proj/.venv"
	unprivileged
	chmod 1777 "$T/shared"
	session "cd shared/proj" report
	assert_active 1 "$T/shared/proj/.venv"
}

@test "a pin and an inherited marker from the environment get the same checks as discovery" {
	evilenv "$T/other/.venv"
	evilenv "$T/clone/.venv"
	git init -q "$T/clone"
	commit_all "$T/clone"
	mkdir -p "$T/clone/src"
	unprivileged
	# another user's env, named by a pin nobody here set
	chown -R 4242:4242 "$T/other"
	export __VENVHOOK_PIN=$T/other/.venv
	session "cd /" report "run ls"
	not_active 1
	assert_stderr_contains "venvhook: leaving the env you activated, $T/other/.venv: the env directory belongs to uid 4242, not to you; back to automatic activation ('venvhook activate' chooses it again)"
	# a refused env the environment says venvhook activated
	unset __VENVHOOK_PIN
	export VIRTUAL_ENV=$T/clone/.venv __VENVHOOK_ENV=$T/clone/.venv
	export PATH=$T/clone/.venv/bin:$BASE_PATH
	session "cd clone/src" report "run ls"
	assert_env 1 VIRTUAL_ENV unset
	assert_env 1 PATH "$BASE_PATH"
	assert_stderr_contains "venvhook: not activating $T/clone/.venv: its files are tracked by git in $T/clone"
}

@test "a FIFO as .git/config, or named by include.path, cannot hang cd: git gets 2 s, then a refusal" {
	mkenv "$T/p/.venv"
	mkdir -p "$T/p/.git/objects" "$T/p/.git/refs" "$T/q/sub"
	echo 'ref: refs/heads/main' >"$T/p/.git/HEAD"
	mkfifo "$T/p/.git/config"
	git init -q "$T/q"
	git -C "$T/q" config include.path ../pipe
	mkfifo "$T/q/pipe"
	mkdir -p "$T/r/sub"
	git init -q "$T/r"
	git -C "$T/r" config include.path ../pipe
	mkfifo "$T/r/pipe"
	unprivileged
	# the default (the FIFOs never answer, however fast the machine)
	unset VENVHOOK_GIT_TIMEOUT_MS
	# timeout: a hang fails the test instead of stopping the suite (the
	# messages below, not the time taken, show the limit at work)
	vh_wrap=(timeout 300 "${vh_wrap[@]}")
	session "cd p" report "cd q/sub" report "fail 4"
	assert_success
	not_active 1
	not_active 2
	assert_line "status=4"
	assert_stderr_contains "venvhook: not activating $T/p/.venv: cannot tell whether git tracks it (git's files gave no answer within 2000 ms); 'venvhook allow' trusts it"
	assert_stderr_contains "venvhook: $T/q/.git cannot be read (git's files gave no answer within 2000 ms); not looking above it"
	# VENVHOOK_GIT_TIMEOUT_MS sets it (in a repository not asked before:
	# venvhook remembers q's answer)
	export VENVHOOK_GIT_TIMEOUT_MS=300
	session "cd r/sub"
	assert_stderr_contains "venvhook: $T/r/.git cannot be read (git's files gave no answer within 300 ms); not looking above it"
}

@test "no control or bidi byte reaches the terminal: the prompt name and every line are cleaned" {
	# pyvenv.cfg's prompt, as CPython writes it: repr(), escapes decoded
	mkenv "$T/p1/.venv" "prompt = '\\x1b]52;c;ZXZpbA==\\x07[\\x1b[2J\\u202egnp.exe\\x9b\\t\\n]'"
	mkenv "$T/$(printf 'd\033]2;title\007\342\200\256x')/.venv"
	export P2="$T/$(printf 'd\033]2;title\007\342\200\256x')"
	session "cd p1" report "run venvhook status" "cd /" "cd ${P2#"$T"/}" report "run venvhook status"
	assert_env 1 VIRTUAL_ENV_PROMPT "?]52;c;ZXZpbA==?[?[2J?gnp.exe???]"
	assert_env 2 VIRTUAL_ENV_PROMPT "d?]2;title??x"
	[[ $stderr != *$'\033'* && $stderr != *$'\007'* && $stderr != *$'\342\200\256'* ]] ||
		fail "a control byte reached stderr: $(printf '%q' "$stderr")"
	[[ $output != *$'\033'* && $output != *$'\342\200\256'* ]] ||
		fail "a control byte reached status: $(printf '%q' "$output")"
	assert_stderr_contains 'venvhook: activated ?]52;c;ZXZpbA==?[?[2J?gnp.exe???] (.venv)'
	assert_stderr_contains 'venvhook: activated d?]2;title??x (.venv)'
	assert_line --partial "active: $T/d\\x1b]2;title\\x07\\xe2\\x80\\xaex/.venv"
	# the exact path still reaches the shell: only what is shown is cleaned
	assert_env 2 VIRTUAL_ENV "$P2/.venv"
}

@test "allow takes several paths at once, and survives a new program in bin/ (pip install)" {
	mkenv_unallowed "$T/a/.venv"
	mkenv_unallowed "$T/b/.venv"
	mkenv_unallowed "$T/c/venv"
	export A=$T/a B=$T/b/.venv C=$T/c
	unprivileged
	session "run venvhook allow \$A \$B \$C" status "cd a" report "cd b" report "cd c" report \
		"line printf '#!/bin/sh\\n' >\"\$A/.venv/bin/newtool\"" "cd /" "cd a" report
	assert_line "status=0"
	assert_active 1 "$T/a/.venv"
	assert_active 2 "$T/b/.venv"
	assert_active 3 "$T/c/venv"
	assert_active 4 "$T/a/.venv"
	assert_stderr_contains "venvhook: allowed $T/a/.venv"
	assert_stderr_contains "venvhook: allowed $T/b/.venv"
	assert_stderr_contains "venvhook: allowed $T/c/venv"
}

@test "allow of every project directory at once: one without an env is said, not a failure, and the env here is on at once" {
	mkenv_unallowed "$T/src/a/.venv"
	mkdir -p "$T/src/plain"
	unprivileged
	session "cd src/a" report "run venvhook allow \$T/src/a/ \$T/src/plain/" status report \
		"run venvhook allow \$T/src/plain" status
	not_active 1
	assert_line "status=0"
	assert_active 2 "$T/src/a/.venv"
	assert_line "status=1"
	assert_stderr_contains "venvhook: allowed $T/src/a/.venv" \
		"venvhook: no env for $T/src/plain/: nothing to decide about" \
		"venvhook: no env for $T/src/plain: nothing to decide about"
}

@test "an allow from an older venvhook (bound to pyvenv.cfg only) lets nothing in, and says so" {
	evilenv "$T/proj/.venv"
	mkdir -p "$HOME/.local/share/venvhook"
	printf 'allow %s %s\n' "$(printf '%s' "$T/proj/.venv" | od -An -tx1 -v | tr -d ' \n')" \
		"$(od -An -tx1 -v "$T/proj/.venv/pyvenv.cfg" | tr -d ' \n')" >"$HOME/.local/share/venvhook/trust"
	unprivileged
	session "cd proj" report "run ls"
	not_active 1
	assert_stderr_contains "venvhook: not activating $T/proj/.venv: venvhook did not see you make it, and your allow of it is from an older venvhook, which bound it to pyvenv.cfg only"
}

# as_upg_user: sessions after this run as uid 4243, whose primary group 4243
# is named as the user and has no other member (a user private group, as
# on Fedora and RHEL), and who is also in group 4244, a team's. A copy of
# /etc with those in its user and group files is bind-mounted over /etc in
# a mount namespace of the session's own: the machine's are not touched.
# (The whole directory: a mount over a file alone is taken off when
# another namespace renames a new file onto it, Linux 3.18 on, as useradd
# and userdel do to /etc/passwd and /etc/group for attack.bats, which a
# -j2 run may run meanwhile; the user then was no one's, and the env made
# at the prompt "writable by its group".) Needs root.
as_upg_user() {
	((EUID == 0)) || skip "staging a user private group needs root"
	command -v unshare >/dev/null && command -v setpriv >/dev/null || skip "needs unshare and setpriv (util-linux)"
	local etc=$BATS_TEST_TMPDIR/etc d=$BATS_TEST_TMPDIR
	while [[ $d == "$BATS_RUN_TMPDIR"* ]]; do
		chmod o+rx "$d"
		d=${d%/*}
	done
	chown -R 4243:4243 "$BATS_TEST_TMPDIR"
	cp -a /etc "$etc" || fail "could not copy /etc"
	{ cat /etc/passwd; echo "vhupg:x:4243:4243::$HOME:/bin/sh"; } >"$etc/passwd"
	{ cat /etc/group; echo "vhupg:x:4243:"; echo "vhteam:x:4244:vhupg,someone"; } >"$etc/group"
	vh_wrap=(unshare -m -- "$BASH" -c 'mount --bind "$1" /etc && shift &&
		exec setpriv --reuid=4243 --regid=4243 --groups=4244 -- "$@"' _ "$etc")
}

@test "umask 002 with a user private group: the env made at the prompt is on; a team group's write bit is not" {
	mkdir -p "$T/proj/src" "$T/team"
	mkenv_unallowed "$T/team/.venv"
	as_upg_user
	chgrp -R 4244 "$T/team/.venv"
	chmod -R g+w "$T/team/.venv"
	session "line umask 002" "cd proj" "run /usr/bin/python3 -m venv --without-pip .venv" \
		"cd proj/src" report "run stat -c %A:%G \$T/proj/.venv/bin" "cd team" report
	assert_success
	# (shown only when the test fails: what venvhook said; it failed
	# now and then in whole -j2 runs, never alone)
	printf 'stderr: %s\n' "$stderr"
	assert_active 1 "$T/proj/.venv"
	assert_line "drwxrwxr-x:vhupg"
	not_active 2
	assert_stderr_contains "venvhook: not activating $T/team/.venv: the env directory is writable by its group"
}

@test "a repository another user owns is still read (a read-only question): its untracked env is allowed as untracked" {
	((EUID == 0)) || skip "staging a repository of another user needs root"
	mkenv_unallowed "$T/rootrepo/.venv"
	git init -q "$T/rootrepo"
	echo x >"$T/rootrepo/file"
	git -C "$T/rootrepo" add file
	unprivileged
	# the repository (and its .git) stays root's; the env is the user's
	chown -R 0:0 "$T/rootrepo"
	chown -R 65534:65534 "$T/rootrepo/.venv"
	export TRUST=$HOME/.local/share/venvhook/trust
	session "cd rootrepo" "run venvhook allow" report "run cat \$TRUST"
	assert_active 1 "$T/rootrepo/.venv"
	# git answered "nothing tracked" ('-'), not "cannot tell" ('?')
	assert_line --regexp '^allow [0-9a-f]+ [bi][0-9.]+ - allowed [0-9]+$'
}

@test "an env in the user's own store is theirs by location; one a project's own setting chose needs consent" {
	export WORKON_HOME=$T/workon
	evilenv "$WORKON_HOME/named"
	mkdir -p "$T/ptr" "$T/uvp"
	printf 'named\n' >"$T/ptr/.venv"
	# uv: UV_PROJECT_ENVIRONMENT relative to the project root is the
	# project's choice; it can point anywhere inside the project
	printf '[project]\nname = "uvp"\nversion = "0.1.0"\n' >"$T/uvp/pyproject.toml"
	: >"$T/uvp/uv.lock"
	evilenv "$T/uvp/shipped"
	unprivileged
	export UV_PROJECT_ENVIRONMENT=shipped
	session "cd ptr" report "cd uvp" report "run ls"
	assert_active 1 "$WORKON_HOME/named"
	not_active 2
	assert_stderr_contains "venvhook: not activating $T/uvp/shipped: it was already here when you arrived, and its bin/ would shadow ls"
	# even where that setting lands in the user's store, the project chose it
	export UV_PROJECT_ENVIRONMENT=../workon/named
	session "cd uvp" report "run ls"
	not_active 1
	assert_stderr_contains "venvhook: not activating $T/uvp/../workon/named: it was already here when you arrived"
}

@test "an env made at the prompt when the trust file cannot be written: on now, and one line says it will need allow" {
	mkdir -p "$T/proj/src" "$T/ro"
	export XDG_DATA_HOME=$T/ro
	unprivileged
	chmod 555 "$T/ro"
	# (made, it is on at the next prompt; not remembered, the next export
	# finds it was there before)
	session "cd proj" "run /usr/bin/python3 -m venv --without-pip .venv" report "cd proj/src" report
	assert_active 1 "$T/proj/.venv"
	not_active 2
	assert_stderr_contains "venvhook: cannot create the directory of $T/ro/venvhook/trust: Permission denied; the env you made is on now, but will need 'venvhook allow' from the next cd on" \
		"venvhook: not activating $T/proj/.venv: it was already here when you arrived"
}

# --- the made-here rule against what an attacker can set up (core/trust/madeby.h) ---

@test "an env unpacked before venvhook last looked stays refused when a later line makes an env over it" {
	evilenv "$T/src/proj/.venv"
	tar -C "$T/src" -cf "$T/proj.tar" proj
	rm -rf "$T/src"
	mkdir -p "$T/dl" "$T/elsewhere"
	export TARBALL=$T/proj.tar
	unprivileged
	# unpacked (refused), looked at again from elsewhere, then the user
	# makes an env at its path, which keeps the archive's bin/ls: it was
	# there before, whatever the line that names it now
	session "cd dl" "run tar -xf \$TARBALL" "cd elsewhere" "cd dl" \
		"run /usr/bin/python3 -m venv --without-pip proj/.venv" "line cd proj" report "run ls"
	assert_success
	not_active 1
	# (why depends on whether a cd exported on arriving: then "it was
	# already here when you arrived"; a cd the region's shortcut took
	# leaves the last export before the unpack, and the lines since hold
	# the tar, or cannot all be read: refused either way)
	assert_stderr_contains "venvhook: not activating $T/dl/proj/.venv: "
	refute_stderr_contains "made here"
}

@test "bash: a line kept out of the history (HISTCONTROL=ignorespace) is no line venvhook can vouch for" {
	evilenv "$T/src/proj/.venv"
	tar -C "$T/src" -cf "$T/proj.tar" proj
	rm -rf "$T/src"
	mkdir -p "$T/dl"
	export TARBALL=$T/proj.tar
	drv_write_rc 'HISTCONTROL=ignorespace' ''
	unprivileged
	# the unpack starts with a blank: bash keeps it out of the history
	session "cd dl" "line  tar -xf \"\$TARBALL\"" \
		"line /usr/bin/python3 -m venv --without-pip proj/.venv && cd proj" report "run ls"
	assert_success
	not_active 1
	assert_stderr_contains "venvhook: not activating $T/dl/proj/.venv: it appeared, but a command you ran since is not in the shell's history, so venvhook cannot tell what made it"
}

@test "lines from the environment are never read: a forged __venvhook_cmdlines counts for nothing" {
	mkdir -p "$T/proj"
	# a script the user runs, which makes an env with a bin/ls of its own
	printf '#!/bin/sh\nmkdir -p .venv/bin\nprintf "home = /usr/bin\\n" >.venv/pyvenv.cfg\nprintf "#!/bin/sh\\necho \\"\\$0\\" >>%s/EXECUTED\\n" >.venv/bin/ls\nchmod +x .venv/bin/ls\n' "$T" >"$T/mk"
	chmod +x "$T/mk"
	export __venvhook_cmdlines=$'\036\036python3 -m venv .venv\037\036' __venvhook_cmdfrom=$T/proj
	unprivileged
	session "cd proj" "run \$T/mk" "line cd ." report "run ls"
	assert_success
	not_active 1
	# (the script, named by a variable, is a command venvhook cannot read)
	assert_stderr_contains "venvhook: not activating $T/proj/.venv: it appeared after a command venvhook cannot read"
}
