#!/usr/bin/env bats
# Issue 20: trust that survives an attacker who has read core/. Each test
# stages one attack with two real accounts (tests/bats/attack.bash): a
# victim with the README's rc line and an attacker, whose envs have a
# bin/ls that leaves a mark; the teardown fails if a mark was made. What
# is judged must be what is used, no file anyone else can write decides,
# nothing read can block, decisions hold, and state a shell inherits gives
# no trust.

load helpers
load attack

setup() {
	attack_setup
}

teardown() {
	attack_teardown
}

# ident DIR: the identity venvhook binds an allow to (core/trust/trust.h),
# as anyone who can look at DIR can compute it.
ident() {
	local w
	w=$(stat -c '%.9W' "$1")
	[[ $w != 0.000000000 ]] || skip "this file system keeps no birth time"
	printf 'b%s.%s.%s.%s' "$(stat -c %d "$1")" "$(stat -c %i "$1")" "${w%.*}" "$((10#${w#*.}))"
}

hexof() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n'; }

@test "a tarball's .venv links to the attacker's link to an env the victim allowed or keeps in WORKON_HOME: retargeted after activation, it changes nothing" {
	fake_env "$VHOME/envs/good"
	victim_allows "$VHOME/envs/good"
	export WORKON_HOME=$VHOME/.virtualenvs
	fake_env "$WORKON_HOME/named"
	chown "$VICTIM:$VICTIM" "$WORKON_HOME"
	# his links, in a directory of his own in the shared sticky one
	mkdir -p "$SHARED/att"
	evil_env "$SHARED/att/evil"
	ln -s "$VHOME/envs/good" "$SHARED/att/link1"
	ln -s "$WORKON_HOME/named" "$SHARED/att/link2"
	chown -h "$ATTACKER:$ATTACKER" "$SHARED/att" "$SHARED/att/link1" "$SHARED/att/link2"
	mkdir -p "$A/src/p1" "$A/src/p2"
	ln -s "$SHARED/att/link1" "$A/src/p1/.venv"
	ln -s "$SHARED/att/link2" "$A/src/p2/.venv"
	tar -C "$A/src" -cf "$SHARED/att/projects.tar" p1 p2
	export TARBALL=$SHARED/att/projects.tar
	attacker_on retarget1 ln -sfn "$SHARED/att/evil" "$SHARED/att/link1"
	attacker_on retarget2 ln -sfn "$SHARED/att/evil" "$SHARED/att/link2"
	session "run mkdir dl" "cd dl" "run tar -xf \$TARBALL" "cd dl/p1" report "$(signal retarget1)" "$RUN_LS" \
		"cd dl/p2" report "$(signal retarget2)" "$RUN_LS"
	assert_success
	[[ -e $SIG/retarget2.done ]] || fail "the attacker never retargeted"
	# what goes on PATH is what was judged: the env's real path
	assert_active 1 "$VHOME/envs/good"
	assert_active 2 "$WORKON_HOME/named"
}

@test "a cd into the victim's project through a directory symlink the attacker owns: his retargeting changes nothing" {
	fake_env "$VHOME/proj/.venv"
	victim_allows "$VHOME/proj/.venv"
	mkdir -p "$SHARED/att"
	evil_env "$SHARED/att/fake/.venv"
	ln -s "$VHOME/proj" "$SHARED/att/shortcut"
	chown -h "$ATTACKER:$ATTACKER" "$SHARED/att" "$SHARED/att/shortcut" "$SHARED/att/fake"
	attacker_on retarget ln -sfn "$SHARED/att/fake" "$SHARED/att/shortcut"
	session "cd $SHARED/att/shortcut" report "$(signal retarget)" "$RUN_LS"
	assert_success
	assert_active 1 "$VHOME/proj/.venv"
	# a link of the victim's own, in a directory only the victim can
	# write, is kept as the victim sees it
	ln -s "$VHOME/proj" "$VHOME/mine"
	chown -h "$VICTIM:$VICTIM" "$VHOME/mine"
	session "cd mine" report
	assert_active 1 "$VHOME/mine/.venv"
}

@test "a pin that names the victim's env through the attacker's link: his retargeting changes nothing" {
	fake_env "$VHOME/envs/good"
	victim_allows "$VHOME/envs/good"
	mkdir -p "$SHARED/att"
	evil_env "$SHARED/att/evil"
	ln -s "$VHOME/envs/good" "$SHARED/att/link"
	chown -h "$ATTACKER:$ATTACKER" "$SHARED/att" "$SHARED/att/link"
	attacker_on retarget ln -sfn "$SHARED/att/evil" "$SHARED/att/link"
	export __VENVHOOK_PIN=$SHARED/att/link
	session report "$(signal retarget)" "$RUN_LS"
	assert_success
	assert_active 1 "$VHOME/envs/good"
	assert_env 1 __VENVHOOK_PIN "$VHOME/envs/good"
}

# index_line NAME PROJECT: a line of virtualenvwrapper's index
# (core/store/store_vew.c) that gives PROJECT the env NAME in $WORKON_HOME.
index_line() {
	printf '%s - %s %s %s\n' "$(hexof "$1")" "$(hexof "$2")" "$(stat -c %d "$2")" "$(stat -c %i "$2")"
}

# index_head: the index's first lines, for $WORKON_HOME as it is now.
index_head() {
	printf 'venvhook projects 1\n%s %s %s:%s:%s:%s\n' "$(hexof "$WORKON_HOME")" "$(hexof .project)" \
		"$(stat -c %d "$WORKON_HOME")" "$(stat -c %i "$WORKON_HOME")" \
		"$(python3 -c 'import os,sys; s=os.stat(sys.argv[1]); print("%d.%09d" % divmod(s.st_mtime_ns, 10**9))' "$WORKON_HOME")" \
		"$(python3 -c 'import os,sys; s=os.stat(sys.argv[1]); print("%d.%09d" % divmod(s.st_ctime_ns, 10**9))' "$WORKON_HOME")"
}

@test "virtualenvwrapper's index: a name with ../ never leaves WORKON_HOME; an index in a shared XDG_CACHE_HOME is not believed" {
	fake_env "$VHOME/envs/good"
	victim_allows "$VHOME/envs/good"
	export WORKON_HOME=$VHOME/.virtualenvs
	mkdir -p "$WORKON_HOME" "$VHOME/proj" "$VHOME/proj2"
	chown "$VICTIM:$VICTIM" "$WORKON_HOME" "$VHOME/proj" "$VHOME/proj2"
	mkdir -p "$SHARED/att"
	evil_env "$SHARED/att/evil"
	ln -s "$VHOME/envs/good" "$SHARED/att/link"
	chown -h "$ATTACKER:$ATTACKER" "$SHARED/att" "$SHARED/att/link"
	local escape=../../shared/att/link
	# the victim's own index (as if a bug had written it), the name escaping
	mkdir -p "$VHOME/.cache/venvhook"
	{ index_head; index_line "$escape" "$VHOME/proj"; } >"$VHOME/.cache/venvhook/projects"
	chown -R "$VICTIM:$VICTIM" "$VHOME/.cache"
	chmod 700 "$VHOME/.cache" "$VHOME/.cache/venvhook"
	chmod 600 "$VHOME/.cache/venvhook/projects"
	session "cd proj" report
	assert_success
	assert_inactive 1
	# the attacker's index, in a cache directory the victim was told to use
	mkdir -p "$SHARED/att/cache/venvhook"
	{ index_head; index_line "$escape" "$VHOME/proj2"; } >"$SHARED/att/cache/venvhook/projects"
	chown -R "$ATTACKER:$ATTACKER" "$SHARED/att/cache"
	export XDG_CACHE_HOME=$SHARED/att/cache
	attacker_on retarget ln -sfn "$SHARED/att/evil" "$SHARED/att/link"
	session "cd proj2" report "$(signal retarget)" "$RUN_LS"
	assert_success
	assert_inactive 1
}

@test "an ACL on a store env's bin/ gives the attacker write: refused; a default ACL on the store too" {
	export WORKON_HOME=$VHOME/.virtualenvs
	fake_env "$WORKON_HOME/acl"
	fake_env "$WORKON_HOME/inherit"
	chown "$VICTIM:$VICTIM" "$WORKON_HOME"
	mkdir -p "$VHOME/p1" "$VHOME/p2"
	echo acl >"$VHOME/p1/.venv"
	echo inherit >"$VHOME/p2/.venv"
	chown -R "$VICTIM:$VICTIM" "$VHOME/p1" "$VHOME/p2"
	# with the victim's private group, the mode then shows g+w
	setfacl -m "u:$ATTACKER:rwx" "$WORKON_HOME/acl/bin"
	as_attacker sh -c 'printf "#!/bin/sh\necho acl-ls >>\"$1\"\n" >"$2/ls" && chmod 755 "$2/ls"' _ "$MARK" \
		"$WORKON_HOME/acl/bin"
	[[ -x $WORKON_HOME/acl/bin/ls ]] || fail "the ACL did not let the attacker write"
	setfacl -d -m "u:$ATTACKER:rwx" "$WORKON_HOME"
	session "cd p1" report "$RUN_LS" "cd p2" report
	assert_success
	assert_inactive 1
	assert_inactive 2
	assert_stderr_contains "venvhook: not activating $WORKON_HOME/acl: its bin/ is writable by another user through an ACL"
	assert_stderr_contains "venvhook: not activating $WORKON_HOME/inherit: the directory $WORKON_HOME above it has a default ACL that lets another user write what is made in it"
}

@test "a shared XDG_DATA_HOME holding the attacker's trust file, or XDG_CONFIG_HOME his config (trust = off): neither is believed" {
	mkdir -p "$A/src/proj"
	evil_env "$A/src/proj/.venv"
	tar -C "$A/src" -cf "$SHARED/proj.tar" proj
	export TARBALL=$SHARED/proj.tar
	session "run tar -xf \$TARBALL"
	# his trust file allows the env the victim unpacked (anyone who can
	# look at it can compute its identity)
	mkdir -p "$SHARED/data/venvhook"
	chown -R "$ATTACKER:$ATTACKER" "$SHARED/data"
	local id
	id=$(ident "$VHOME/proj/.venv")
	as_attacker sh -c 'printf "allow %s %s - allowed 1\n" "$1" "$2" >"$3"' _ \
		"$(hexof "$VHOME/proj/.venv")" "$id" "$SHARED/data/venvhook/trust"
	export XDG_DATA_HOME=$SHARED/data
	session "cd proj" report "$RUN_LS"
	assert_success
	assert_inactive 1
	assert_stderr_contains "venvhook: ignoring your decisions: $SHARED/data belongs to another user; until that is fixed, no env is activated but by 'venvhook activate --force'"
	unset XDG_DATA_HOME
	mkdir -p "$SHARED/cfg/venvhook"
	echo 'trust = off' >"$SHARED/cfg/venvhook/config"
	chown -R "$ATTACKER:$ATTACKER" "$SHARED/cfg"
	export XDG_CONFIG_HOME=$SHARED/cfg
	session "cd proj" report "$RUN_LS"
	assert_success
	assert_inactive 1
	assert_stderr_contains "venvhook: ignoring $SHARED/cfg/venvhook/config: $SHARED/cfg belongs to another user; using the defaults"
}

@test "temporary files pre-linked to the victim's ~/.profile in a shared directory: neither allow nor a plain cd writes through them" {
	printf 'export PROFILE_OK=1\n' >"$VHOME/.profile"
	chown "$VICTIM:$VICTIM" "$VHOME/.profile"
	cp "$VHOME/.profile" "$A/profile.before"
	fake_env "$VHOME/proj/.venv"
	export WORKON_HOME=$VHOME/.virtualenvs
	fake_env "$WORKON_HOME/named"
	echo "$VHOME/proj" >"$WORKON_HOME/named/.project"
	chown -R "$VICTIM:$VICTIM" "$WORKON_HOME"
	# his venvhook directories, made before the victim's first use, and a
	# link for every process id likely to come next
	mkdir -p "$SHARED/data/venvhook" "$SHARED/cache/venvhook"
	chmod 0777 "$SHARED/data/venvhook" "$SHARED/cache/venvhook"
	local last max pid k
	last=$(cat /proc/sys/kernel/ns_last_pid) max=$(cat /proc/sys/kernel/pid_max)
	for ((k = 1; k <= 3000; k++)); do
		# (past pid_max the kernel starts again above 300)
		pid=$((last + k > max ? last + k - max + 300 : last + k))
		ln -s "$VHOME/.profile" "$SHARED/data/venvhook/trust.$pid.tmp"
		ln -s "$VHOME/.profile" "$SHARED/cache/venvhook/projects.$pid"
	done
	chown -hR "$ATTACKER:$ATTACKER" "$SHARED/data" "$SHARED/cache"
	export XDG_DATA_HOME=$SHARED/data XDG_CACHE_HOME=$SHARED/cache ENV_DIR=$VHOME/proj/.venv
	session "run venvhook allow \$ENV_DIR" "cd /" "cd proj/.." "cd proj"
	assert_success
	cmp "$VHOME/.profile" "$A/profile.before" || fail "~/.profile was written: $(cat "$VHOME/.profile")"
	[[ ! -e $SHARED/data/venvhook/trust ]] || fail "a trust file was written where the attacker can change it"
	assert_stderr_contains "venvhook: not writing where someone else could change it: $SHARED/data/venvhook/trust: Operation not permitted; nothing was recorded"
}

@test "a FIFO as the config file: one line, and every prompt goes on" {
	fake_env "$VHOME/proj/.venv"
	victim_allows "$VHOME/proj/.venv"
	as_victim mkdir -p "$VHOME/.config/venvhook"
	as_victim mkfifo "$VHOME/.config/venvhook/config"
	# a hang fails the test instead of stopping the suite
	vh_wrap=(timeout 60 "${vh_wrap[@]}")
	session "cd proj" report "fail 3"
	assert_success
	assert_active 1 "$VHOME/proj/.venv"
	assert_line "status=3"
	assert_stderr_contains "venvhook: ignoring $VHOME/.config/venvhook/config: it is not a regular file; using the defaults"
}

@test "an unreadable trust file that holds a deny: nothing it might deny is activated (fail closed)" {
	export WORKON_HOME=$VHOME/.virtualenvs
	evil_env "$WORKON_HOME/named" "$VICTIM"
	chown "$VICTIM:$VICTIM" "$WORKON_HOME"
	mkdir -p "$VHOME/proj"
	echo named >"$VHOME/proj/.venv"
	chown -R "$VICTIM:$VICTIM" "$VHOME/proj"
	as_victim env HOME="$VHOME" WORKON_HOME="$WORKON_HOME" "$VENVHOOK" deny "$WORKON_HOME/named" 2>/dev/null
	as_victim chmod 000 "$VHOME/.local/share/venvhook/trust"
	session "cd proj" report "$RUN_LS" "run venvhook activate named" status report
	assert_success
	assert_inactive 1
	assert_inactive 2
	assert_line "status=1"
	assert_stderr_contains "venvhook: ignoring your decisions: $VHOME/.local/share/venvhook/trust cannot be read (Permission denied); until that is fixed, no env is activated but by 'venvhook activate --force'" \
		"venvhook: not activating $WORKON_HOME/named: your decisions cannot be read, so a deny of it could not be honoured" \
		"venvhook: not activating $WORKON_HOME/named: your decisions cannot be read, so a deny of it could not be honoured; activate --force uses it anyway"
}

@test "a denied env: activate needs --force, which holds for this shell only; a cd back, a child shell, do not take it" {
	evil_env "$VHOME/proj/.venv" "$VICTIM"
	mkdir -p "$VHOME/away"
	chown "$VICTIM:$VICTIM" "$VHOME/away"
	as_victim env HOME="$VHOME" "$VENVHOOK" deny "$VHOME/proj/.venv" 2>/dev/null
	export ENV_DIR=$VHOME/proj/.venv
	session "cd proj" report "run venvhook activate \$ENV_DIR" status report \
		"run venvhook activate --force \$ENV_DIR" status report "cd away" report \
		child report "$RUN_LS" end \
		deactivate "cd proj" report "cd away" "cd proj" report
	assert_success
	assert_inactive 1
	assert_inactive 2
	assert_active 3 "$VHOME/proj/.venv"
	assert_active 4 "$VHOME/proj/.venv"
	# the child inherits the pin, not the force: the env leaves
	assert_inactive 5
	assert_inactive 6
	assert_inactive 7
	assert_equal "$(grep '^status=' <<<"$output" | tr '\n' ' ')" "status=1 status=0 "
	assert_stderr_contains "venvhook: not activating $VHOME/proj/.venv: you denied it; 'venvhook allow' undoes that, or use activate --force" \
		"venvhook: leaving the env you activated, $VHOME/proj/.venv: you denied it; 'venvhook allow' undoes that; back to automatic activation ('venvhook activate' chooses it again)"
	# the force was not recorded: the deny alone stands
	run grep -c '^allow ' "$VHOME/.local/share/venvhook/trust"
	assert_output 0
}

@test "a .venv that links to /dev/tty is not read: the line typed ahead still runs" {
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	SOCK=$A/tmux.sock
	mkdir -p "$VHOME/proj"
	ln -s /dev/tty "$VHOME/proj/.venv"
	chown -h "$VICTIM:$VICTIM" "$VHOME/proj" "$VHOME/proj/.venv"
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init bash)"\n' >"$VHOME/.bashrc"
	tmux_start 200 "${vh_wrap[@]}" bash --rcfile "$VHOME/.bashrc" -i
	wait_for 'READY>'
	# typed while the line before runs: waiting in the terminal's input
	type_line 'sleep 2; cd proj'
	type_line 'echo "ahead-$((6 * 7))"'
	wait_for 'ahead-42'
	wait_for "venvhook: $VHOME/proj/.venv is not a regular file; not looking above it"
}

# The state each shell's hook keeps between prompts, forged in the
# environment of a new shell: a key that says .venv was absent when the
# watch began long ago, so that an env copied in since would count as made
# at the prompt.
@test "a __venvhook_key inherited from the environment gives no 'made here', in every shell" {
	local drv
	for drv in $VH_SHELLS; do
		[[ -f $VH_SRCDIR/tests/drivers/$drv.driver ]] || continue
		# shellcheck source=/dev/null
		source "$VH_SRCDIR/tests/drivers/$drv.driver"
		export VH_SHELL_EXE=$drv_exe
		rm -rf "$VHOME/p-$drv"
		mkdir -p "$VHOME/p-$drv"
		chown "$VICTIM:$VICTIM" "$VHOME/p-$drv"
		# copied in (cp without -p: new times) before the shell starts
		mkdir -p "$A/evil-$drv"
		evil_env "$A/evil-$drv/.venv"
		as_victim cp -r "$A/evil-$drv/.venv" "$VHOME/p-$drv/.venv"
		export __venvhook_key="w$(($(date +%s) - 600)).000000000:$(hexof "$VHOME/p-$drv")/x/x"
		drv_write_rc "" ""
		chown -R "$VICTIM:$VICTIM" "$VHOME"
		# the new shell starts in the project the key names
		cd "$VHOME/p-$drv"
		session report "$RUN_LS"
		assert_success
		assert_inactive 1
		assert_stderr_contains "not activating $VHOME/p-$drv/.venv: venvhook did not see you make it"
	done
	unset __venvhook_key
}

@test "an env the victim allowed under a directory the attacker's group can write: never activated, so his swap cannot reach PATH" {
	mkdir -p "$A/team"
	fake_env "$A/team/proj/.venv"
	chown "$VICTIM:$VICTIM" "$A/team/proj"
	chgrp "$ATTACKER" "$A/team"
	chmod 2775 "$A/team"
	victim_allows "$A/team/proj/.venv"
	mkdir -p "$AHOME/p/.venv"
	evil_env "$AHOME/p/.venv"
	attacker_on swap sh -c 'mv "$1/proj" "$1/old" && cp -r "$2" "$1/proj"' _ "$A/team" "$AHOME/p"
	session "cd $A/team/proj" report "$(signal swap)" "$RUN_LS"
	assert_success
	[[ -e $SIG/swap.done && -d $A/team/old ]] || fail "the attacker's swap did not happen"
	assert_inactive 1
	assert_stderr_contains "venvhook: not activating $A/team/proj/.venv: the directory $A/team above it is writable by its group, who could put another env in its place; 'venvhook activate --force' uses it anyway"
}

@test "what worked keeps working for the victim: an env made at the prompt, allow of several paths, a store env" {
	export WORKON_HOME=$VHOME/.virtualenvs
	fake_env "$WORKON_HOME/named"
	chown "$VICTIM:$VICTIM" "$WORKON_HOME"
	fake_env "$VHOME/a/.venv"
	fake_env "$VHOME/b/venv"
	mkdir -p "$VHOME/made" "$VHOME/ptr"
	echo named >"$VHOME/ptr/.venv"
	chown -R "$VICTIM:$VICTIM" "$VHOME/made" "$VHOME/ptr"
	export AB="$VHOME/a $VHOME/b"
	session "cd made" "run /usr/bin/python3 -m venv --without-pip .venv" "cd made/.." "cd made" report \
		"run venvhook allow $VHOME/a $VHOME/b" status "cd a" report "cd b" report "cd ptr" report
	assert_success
	assert_active 1 "$VHOME/made/.venv"
	assert_line "status=0"
	assert_active 2 "$VHOME/a/.venv"
	assert_active 3 "$VHOME/b/venv"
	assert_active 4 "$WORKON_HOME/named"
}

# Found by a review as an attacker (issue 20): each failed on 6ed6ef7.

@test "a tarball made just now, unpacked where the victim sits, is not taken as made here" {
	mkdir -p "$VHOME/proj"
	chown "$VICTIM:$VICTIM" "$VHOME/proj"
	mkdir -p "$AHOME/src"
	evil_env "$AHOME/src/.venv"
	chown "$ATTACKER:$ATTACKER" "$AHOME/src"
	export TARBALL=$SHARED/fresh.tar
	# served on demand: every member stamped with the moment it is made,
	# as a server that builds its archive per request does (pax keeps
	# nanoseconds)
	attacker_on serve sh -c 'find "$1/.venv" -exec touch {} + && tar --format=posix -C "$1" -cf "$2" .venv' \
		_ "$AHOME/src" "$TARBALL"
	session "cd proj" "$(signal serve)" "run tar -xf \$TARBALL" "cd proj" report "$RUN_LS"
	assert_success
	[[ -e $SIG/serve.done ]] || fail "the attacker never served"
	assert_inactive 1
}

@test "an env whose real path holds ':' reached through a path others can change: PATH gets no relative entry" {
	fake_env "$VHOME/w:x/proj/.venv"
	chown -R "$VICTIM:$VICTIM" "$VHOME/w:x"
	victim_allows "$VHOME/w:x/proj/.venv"
	# a drop directory anyone can write (not sticky), the victim's link in it
	mkdir -p "$A/drop"
	chown "$ATTACKER:$ATTACKER" "$A/drop"
	chmod 0777 "$A/drop"
	ln -s "$VHOME/w:x/proj" "$A/drop/proj"
	chown -h "$VICTIM:$VICTIM" "$A/drop/proj"
	session "cd $A/drop/proj" report
	assert_success
	# never "x/proj/.venv/bin", a PATH entry relative to wherever the shell is
	assert_inactive 1
	assert_stderr_contains "PATH cannot hold a ':' in a directory name"
}

@test "an env whose bin/ is a dangling symlink into a place the attacker can write: not judged as absent" {
	fake_env "$VHOME/proj/.venv"
	rm -rf "$VHOME/proj/.venv/bin"
	# nothing there yet: 'ls .venv/bin/' shows nothing, nothing would be shadowed
	ln -s "$SHARED/bin-of-nobody" "$VHOME/proj/.venv/bin"
	chown -h "$VICTIM:$VICTIM" "$VHOME/proj" "$VHOME/proj/.venv/bin"
	# the victim's allow (refusing it, as a fixed venvhook may, is fine too)
	as_victim env HOME="$VHOME" "$VENVHOOK" allow "$VHOME/proj/.venv" >/dev/null 2>&1 || true
	# shellcheck disable=SC2016  # the attacker's sh expands them
	attacker_on plant sh -c 'mkdir "$1" && printf "#!/bin/sh\necho \"$1/ls\" >>\"$2\"\n" >"$1/ls" && chmod 755 "$1/ls"' \
		_ "$SHARED/bin-of-nobody" "$MARK"
	session "cd proj" report "$(signal plant)" "$RUN_LS"
	assert_success
	[[ -e $SIG/plant.done ]] || fail "the attacker never planted"
	assert_inactive 1
}


@test "an ACL on an env's site-packages gives the attacker what python runs: refused as one on bin/ is" {
	mkdir -p "$VHOME/proj"
	chown "$VICTIM:$VICTIM" "$VHOME/proj"
	# shellcheck disable=SC2016  # the victim's sh expands it
	as_victim sh -c 'cd "$1" && /usr/bin/python3 -m venv --without-pip .venv' _ "$VHOME/proj" ||
		fail "python3 -m venv failed"
	local sp
	sp=$(echo "$VHOME"/proj/.venv/lib/python3*/site-packages)
	[[ -d $sp ]] || fail "no site-packages in $VHOME/proj/.venv"
	victim_allows "$VHOME/proj/.venv"
	setfacl -m "u:$ATTACKER:rwx" "$sp"
	# every python start executes a .pth file's import lines
	# shellcheck disable=SC2016  # the attacker's sh expands them
	as_attacker sh -c 'printf "import os; open(\"%s\", \"a\").write(\"pth ran\")\n" "$2" >"$1/zz.pth"' _ "$sp" "$MARK"
	[[ -f $sp/zz.pth ]] || fail "the ACL did not let the attacker write"
	session "cd proj" report "run python3 -c pass"
	assert_success
	assert_inactive 1
	assert_stderr_contains "site-packages/ is writable by another user through an ACL"
}
