# shellcheck shell=bash disable=SC2034  # vh_wrap, T, RUN_LS: for helpers.bash and the suite
# The attacks of issue 20, staged with real accounts: a victim (a non-root
# user with the README's rc line, in a home of its own) and an attacker
# (another user), both made for the test with useradd and removed after it
# with userdel. Every env the attacker ships has a bin/ls that leaves a
# mark in $MARK: the teardown fails when a mark was made.
#
# The layout, under $A (the test's own directory, root's, readable):
#   $VHOME    the victim's home (the victim's, 0755)
#   $AHOME    the attacker's home (the attacker's, 0755)
#   $SHARED   a sticky directory anyone can write, as /tmp
#   $SIG      where a session tells the attacker to act, and he says done
# Sessions (helpers.bash's `session`) run as the victim, in bash unless the
# test chooses another driver.

# attack_setup: the two accounts and the layout. Needs root.
attack_setup() {
	((EUID == 0)) || skip "staging a victim and an attacker account needs root"
	if ! sbin command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
		skip "needs useradd (passwd) and setpriv (util-linux)"
	fi
	vh_use_driver bash
	A=$BATS_TEST_TMPDIR
	local d=$A
	while [[ $d == "$BATS_RUN_TMPDIR"* ]]; do
		chmod o+rx "$d"
		d=${d%/*}
	done
	VHOME=$A/victim AHOME=$A/attacker SHARED=$A/shared SIG=$A/sig MARK=$A/marks/EXECUTED
	mkdir -p "$SHARED" "$SIG" "$A/marks"
	chmod 1777 "$SHARED" "$SIG" "$A/marks"
	local tag
	tag=$(printf '%04x%04x' "$RANDOM" "$RANDOM")
	VICTIM=vhv$tag ATTACKER=vha$tag
	add_user "$VICTIM" "$VHOME"
	add_user "$ATTACKER" "$AHOME"
	# the sessions' shells run as the victim, in the victim's home
	export HOME=$VHOME VHOME AHOME SHARED SIG MARK
	vh_wrap=(setpriv --reuid="$VICTIM" --regid="$VICTIM" --init-groups --)
	cd "$VHOME" || return 1
	T=$VHOME
}

# sbin CMD...: CMD from the administrator's directories too (the tests'
# PATH has none of them).
sbin() { PATH=$PATH:/usr/sbin:/sbin "$@"; }

# add_user NAME HOME: a throwaway account with a private group of its own
# (Debian's default), HOME made for it. useradd waits for no lock: it is
# tried again while another process holds /etc/passwd's.
add_user() {
	local i
	for ((i = 0; i < 50; i++)); do
		sbin useradd -M -U -d "$2" -s /bin/sh "$1" 2>/dev/null && break
		sleep 0.2
	done
	id "$1" >/dev/null 2>&1 || fail "useradd $1 failed"
	printf '%s\n' "$1" >>"$BATS_TEST_TMPDIR/users"
	mkdir -p "$2"
	chown "$1:$1" "$2"
	chmod 0755 "$2"
}

# attack_teardown: no mark; the watchers stopped; the accounts removed.
attack_teardown() {
	local pid user i
	while read -r pid; do
		kill "$pid" 2>/dev/null || true
	done < <(cat "$BATS_TEST_TMPDIR/watchers" 2>/dev/null)
	[[ -z ${SOCK:-} ]] || tmux -S "$SOCK" kill-server 2>/dev/null || true
	while read -r user; do
		for ((i = 0; i < 50; i++)); do
			sbin userdel "$user" 2>/dev/null && break
			id "$user" >/dev/null 2>&1 || break
			sleep 0.2
		done
		if getent group "$user" >/dev/null; then
			sbin groupdel "$user" 2>/dev/null || true
		fi
	done < <(cat "$BATS_TEST_TMPDIR/users" 2>/dev/null)
	[[ ! -e ${MARK:-/nonexistent} ]] || fail "the attacker's program ran: $(cat "$MARK")"
}

# as_attacker CMD...: CMD as the attacker, in his home.
as_attacker() {
	(cd "$AHOME" && HOME=$AHOME setpriv --reuid="$ATTACKER" --regid="$ATTACKER" --init-groups -- "$@")
}

# as_victim CMD...: CMD as the victim (outside any session).
as_victim() {
	(cd "$VHOME" && setpriv --reuid="$VICTIM" --regid="$VICTIM" --init-groups -- "$@")
}

# fake_env DIR [OWNER]: an env as python -m venv lays it out, its programs
# leaving a mark; OWNER's (default: the victim's).
fake_env() {
	mkdir -p "$1/bin"
	printf 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\n' >"$1/pyvenv.cfg"
	local prog
	for prog in python python3 pip; do
		printf '#!/bin/sh\necho "%s/bin/%s" >>"%s"\n' "$1" "$prog" "$MARK" >"$1/bin/$prog"
		chmod 755 "$1/bin/$prog"
	done
	chown -R "${2:-$VICTIM}:${2:-$VICTIM}" "$1"
}

# evil_env DIR [OWNER]: the attacker's env: its bin/ls leaves the mark.
evil_env() {
	fake_env "$1" "${2:-$ATTACKER}"
	printf '#!/bin/sh\necho "%s/bin/ls" >>"%s"\n' "$1" "$MARK" >"$1/bin/ls"
	chmod 755 "$1/bin/ls"
	chown "${2:-$ATTACKER}:${2:-$ATTACKER}" "$1/bin/ls"
}

# victim_allows PATH...: the victim's own `venvhook allow`.
victim_allows() {
	as_victim env HOME="$VHOME" "$VENVHOOK" allow "$@" >/dev/null 2>&1 || fail "venvhook allow $* failed"
}

# attacker_on NAME CMD...: the attacker runs CMD (as himself) when a
# session says so with the step from `signal NAME`; started now, in the
# background, for at most a minute.
attacker_on() {
	local name=$1
	shift
	(
		for ((i = 0; i < 600; i++)); do
			[[ -e $SIG/$name.go ]] && break
			sleep 0.1
		done
		as_attacker "$@"
		touch "$SIG/$name.done"
	) &
	echo "$!" >>"$BATS_TEST_TMPDIR/watchers"
}

# signal NAME: a bash session step that tells the attacker to act and
# waits (at most a minute) until he has.
signal() {
	# shellcheck disable=SC2016  # the session's shell expands it
	printf 'line touch "$SIG/%s.go"; i=0; while [ ! -e "$SIG/%s.done" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done' "$1" "$1"
}

# The step that runs ls (the attacker's, if his bin/ is first on PATH).
RUN_LS="run ls"
