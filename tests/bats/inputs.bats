#!/usr/bin/env bats
# Inputs that exhaust, confuse or leak (issue 20): every file a project can
# hold is read in linear time and bounded memory, a huge bin/ costs one
# pass, a git question that cannot be answered is asked once, a tracked env
# on a case-insensitive file system counts as tracked, and every name
# printed is escaped (completion reads them through a form that round-trips).

load helpers

setup() {
	vh_setup
}

teardown() {
	# what a test mounted in $T (a tmpfs for the huge bin/, a FUSE file
	# system), whatever happened
	local m
	for m in "${T:-}/shm" "${CI_MOUNTED:-}"; do
		if [[ -n $m ]] && mountpoint -q "$m" 2>/dev/null; then
			cd / && umount "$m"
		fi
	done
}

# An ASan build reserves terabytes of address space: no ulimit -v fits it.
need_plain_build() {
	if nm "$VENVHOOK" 2>/dev/null | grep -q __asan_init; then
		skip "an ASan build cannot run under ulimit -v (the plain build's run covers this)"
	fi
}

# toml_shape SHAPE FILE: a pathological TOML document of just under 1 MiB
# (VH_READ_MAX), ending in a bad line, so that the one line the reader
# says names the last line: it read the whole file.
#   deep      a deep dotted header, then many keys under it (each key once
#             copied the whole path: over 1 GiB)
#   arrays    many [[x]] headers, then many [y] headers (each header was
#             compared with every array before it: quadratic)
#   dotted    deep dotted keys, each a new chain
#   samearray one [[x]] header again and again, with a table under it
toml_shape() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import sys
shape, path = sys.argv[1], sys.argv[2]
n = 1024 * 1024 - 64
out, size, i = [], 0, 0
def put(s):
    global size
    out.append(s)
    size += len(s)
if shape == "deep":
    put("[a" + ".a" * (n // 4) + "]\n")
    while size < n:
        put('k%d = "v"\n' % i); i += 1
elif shape == "arrays":
    while size < n // 2:
        put("[[x%d]]\n" % i); i += 1
    while size < n:
        put("[y%d]\nk = 1\n" % i); i += 1
elif shape == "dotted":
    while size < n:
        put("k%d" % i + ".a" * 24 + " = 1\n"); i += 1
elif shape == "samearray":
    while size < n:
        put('[[x]]\nname = "a"\n[x.sub]\nk = true\n')
open(path, "w").write("".join(out) + "[\n")
print(sum(s.count("\n") for s in out) + 1)
PY
}

@test "pathological Pipfile, poetry.toml and pyproject.toml of up to 1 MiB: a real cd under a 192 MiB limit, one line each, the prompt survives" {
	need_plain_build
	vh_use_driver bash
	mkdir -p "$HOME/.cache/pypoetry/virtualenvs"
	local file shape d line steps=("line ulimit -v 196608") want=()
	for file in Pipfile poetry.toml pyproject.toml; do
		for shape in deep arrays dotted samearray; do
			d=$T/$file-$shape
			mkdir -p "$d"
			line=$(toml_shape "$shape" "$d/$file")
			# poetry.toml is read for a Poetry project
			[[ $file == poetry.toml ]] && printf '[tool.poetry]\nname = "p"\n' >"$d/pyproject.toml"
			steps+=("cd $d" status)
			want+=("venvhook: $d/$file: line $line: a key was expected")
		done
	done
	steps+=("cd /" report)
	session "${steps[@]}"
	local n=${#want[@]}
	# every cd succeeded, and said one line, about its file's last line
	assert_equal "$(grep -c '^status=0$' <<<"$output")" "$n"
	assert_equal "$(grep -c . <<<"$stderr")" "$n"
	local w
	for w in "${want[@]}"; do
		assert_stderr_contains "$w"
	done
	assert_inactive 1
	# just over 1 MiB: refused unread, with one line
	d=$T/big
	mkdir -p "$d"
	toml_shape deep "$d/Pipfile" >/dev/null
	head -c 4096 /dev/zero | tr '\0' '#' >>"$d/Pipfile"
	session "line ulimit -v 196608" "cd $d" status
	assert_output "status=0"
	assert_equal "$stderr" "venvhook: $d/Pipfile is larger than 1024 KiB; not activating an env for it"
}

# syscalls NAME... : how many calls of those names $T/trace (strace -o) holds.
syscalls() {
	local re
	re=$(IFS='|'; echo "$*")
	grep -Ec "^[0-9]+ +($re)\(" "$T/trace" || true
}

@test "an env whose bin/ holds 200,000 names: one pass over at most 10,000 of them, the PATH directories read once, one line" {
	command -v strace >/dev/null || fail "strace is needed (bootstrap installs it)"
	local base=$T n=30000
	# tmpfs makes 200,000 files in seconds (not possible unprivileged:
	# then 30,000, still three times what is looked at)
	if ((EUID == 0)) && mkdir -p "$T/shm" && mount -t tmpfs -o size=512m tmpfs "$T/shm"; then
		base=$T/shm n=200000
	fi
	mkenv_unallowed "$base/p/.venv"
	/usr/bin/python3 -c '
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    os.mknod("%s/n%06d" % (d, i))
os.mknod(d + "/ls", 0o755)' "$base/p/.venv/bin" "$n"
	cd "$base/p"
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 run --separate-stderr \
		strace -f -qq -o "$T/trace" -e trace=getdents64,access,faccessat,faccessat2 "$VENVHOOK" export bash
	# each name asked in each PATH directory was 600,000 questions
	local asks reads
	asks=$(syscalls access faccessat faccessat2)
	reads=$(syscalls getdents64)
	((asks < 100)) || fail "$asks access() calls"
	# 10,000 names of bin/ and the PATH directories (/usr/bin...) take a
	# few dozen reads; all 200,000 names would take some 200
	((reads < 100)) || fail "$reads getdents64() calls"
	assert_success
	assert_output ""
	assert_equal "$(grep -c . <<<"$stderr")" 1
	assert_regex "$stderr" "^venvhook: not activating $base/p/.venv: venvhook did not see you make it(, and its bin/ would shadow ls \(of the first 10000 names in its bin/, which holds more\))?; 'venvhook allow' trusts it\$"
}

@test "the refusal names a few of what bin/ would shadow, then 'and N more'" {
	# 70 names that /usr/bin holds: more than are asked one by one
	mkenv_unallowed "$T/p/.venv"
	local names
	names=$(find /usr/bin -maxdepth 1 -type f -perm -u+x -name '[a-o]*' -printf '%f\n' |
		grep -Ev '^(python|pip|pydoc|activate|deactivate|easy_install|wheel|idle|2to3)' |
		LC_ALL=C sort | head -n 70)
	assert_equal "$(wc -l <<<"$names")" 70
	(cd "$T/p/.venv/bin" && xargs touch <<<"$names")
	cd "$T/p"
	run --separate-stderr "$VENVHOOK" export bash
	local first six
	first=$(head -n 6 <<<"$names" | paste -sd, | sed 's/,/, /g')
	assert_equal "$stderr" "venvhook: not activating $T/p/.venv: venvhook did not see you make it, and its bin/ would shadow $first and 64 more; 'venvhook allow' trusts it"
	# three: each asked by name
	rm -r "$T/p/.venv/bin"
	mkenv_unallowed "$T/p/.venv"
	touch "$T/p/.venv/bin/ls" "$T/p/.venv/bin/cat" "$T/p/.venv/bin/no-such-program-here"
	run --separate-stderr "$VENVHOOK" export bash
	assert_equal "$stderr" "venvhook: not activating $T/p/.venv: venvhook did not see you make it, and its bin/ would shadow cat, ls; 'venvhook allow' trusts it"
}

# A name with a control of every kind: ESC (CSI), DEL, C1 (U+0085), and the
# bidi controls U+202E, U+2066, U+200F and U+061C.
CONTROLS=$'e\e[31m\x7f\xc2\x85\xe2\x80\xae\xe2\x81\xa6\xe2\x80\x8f\xd8\x9cz'

# raw_controls: fails when stdin holds a byte a terminal would act on or a
# bidi control (a newline ends a line and a tab separates fields: fine).
raw_controls() {
	/usr/bin/python3 -c '
import re, sys
b = sys.stdin.buffer.read()
t = b.decode("utf-8", "surrogateescape")
bad = re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", t)
sys.exit(1 if bad else 0)'
}

@test "list, list --paths and status --json show no control byte: escaped as \\xHH, in JSON as \\uXXXX" {
	export WORKON_HOME=$T/w
	mkenv "$WORKON_HOME/$CONTROLS"
	mkenv "$T/$CONTROLS/.venv"
	run "$VENVHOOK" list
	assert_success
	assert_output 'e\x1b[31m\x7f\xc2\x85\xe2\x80\xae\xe2\x81\xa6\xe2\x80\x8f\xd8\x9cz'
	run "$VENVHOOK" list --paths
	assert_output "e\\x1b[31m\\x7f\\xc2\\x85\\xe2\\x80\\xae\\xe2\\x81\\xa6\\xe2\\x80\\x8f\\xd8\\x9cz	$T/w/e\\x1b[31m\\x7f\\xc2\\x85\\xe2\\x80\\xae\\xe2\\x81\\xa6\\xe2\\x80\\x8f\\xd8\\x9cz"
	"$VENVHOOK" list --paths | raw_controls || fail "list --paths printed a control"
	# --null: exactly the name, then a NUL
	run bash -c '"$VENVHOOK" list --null | od -An -tx1 | tr -d " \n"'
	assert_output "$(printf '%s\0' "$CONTROLS" | od -An -tx1 | tr -d ' \n')"
	cd "$T/$CONTROLS"
	run --separate-stderr "$VENVHOOK" status --json
	assert_success
	"$VENVHOOK" status --json | raw_controls || fail "status --json printed a control"
	assert_output --partial '"dir":"'"$T"'/e\u001b[31m\u007f\u0085\u202e\u2066\u200f\u061cz"'
	# and it is JSON that says the name exactly
	run /usr/bin/python3 -c 'import json, os, sys
d = json.loads(sys.stdin.read())["here"]["dir"]
sys.exit(0 if os.fsencode(d) == os.fsencode(sys.argv[1]) else 1)' "$T/$CONTROLS" < <("$VENVHOOK" status --json)
	assert_success
	# the text form, and doctor, escape it as every message does
	"$VENVHOOK" status | raw_controls || fail "status printed a control"
	WORKON_HOME="$T/$CONTROLS/none" run "$VENVHOOK" doctor
	assert_output --partial "WORKON_HOME ($T/e\\x1b[31m"
	"$VENVHOOK" doctor 2>&1 | raw_controls || fail "doctor printed a control"
}

@test "the config file: ten bad lines named, then one line counting the rest; over 1 MiB, one line and the defaults" {
	local f=$HOME/.config/venvhook/config i
	mkdir -p "${f%/*}"
	{
		echo 'trust = owner'
		for ((i = 0; i < 5000; i++)); do echo 'no equals sign here'; done
	} >"$f"
	run --separate-stderr "$VENVHOOK" config
	assert_success
	assert_equal "$(grep -c . <<<"$stderr")" 11
	assert_line 'trust = owner'
	assert_equal "$(sed -n 11p <<<"$stderr")" "venvhook: $f: 4990 more bad lines are ignored"
	{ echo 'trust = off'; head -c 1100000 /dev/zero | tr '\0' '#'; } >"$f"
	run --separate-stderr "$VENVHOOK" config
	assert_equal "$stderr" "venvhook: $f is larger than 1024 KiB; using the defaults"
	assert_line 'trust = strict'
}

# forks_of CMD...: runs CMD (in the current directory) under strace, with
# its stdout and stderr in $output and $stderr; $forks is how many
# processes it started: each is a child asking libgit2.
forks_of() {
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 run --separate-stderr \
		strace -f -qq -o "$T/trace" -e trace=clone,clone3,fork,vfork "$@"
	forks=$(grep -Ec '^[0-9]+ +(clone|clone3|fork|vfork)\(.*= [1-9][0-9]*$' "$T/trace" || true)
}

@test "a git question that cannot be answered is asked once, then 'cannot tell' from memory until the repository changes: still refused" {
	command -v strace >/dev/null || fail "strace is needed (bootstrap installs it)"
	# p: an env in a repository whose config is a FIFO (libgit2 waits on
	# it); q: a repository whose config includes a FIFO
	mkenv "$T/p/.venv"
	mkdir -p "$T/p/.git/objects" "$T/p/.git/refs" "$T/q/sub"
	echo 'ref: refs/heads/main' >"$T/p/.git/HEAD"
	mkfifo "$T/p/.git/config"
	git init -q "$T/q"
	git -C "$T/q" config include.path ../pipe
	mkfifo "$T/q/pipe"
	# short: the answers are counted, not timed
	export VENVHOOK_GIT_TIMEOUT_MS=200
	local refused="venvhook: not activating $T/p/.venv: cannot tell whether git tracks it (git's files gave no answer within 200 ms); 'venvhook allow' trusts it"
	local stopped="venvhook: $T/q/.git cannot be read (git's files gave no answer within 200 ms); not looking above it"
	cd "$T/p"
	forks_of "$VENVHOOK" export bash
	assert_equal "$forks" 1
	assert_output ""
	assert_equal "$stderr" "$refused"
	# the next cds: the same refusal, no child
	forks_of "$VENVHOOK" export bash
	assert_equal "$forks" 0
	assert_equal "$stderr" "$refused"
	forks_of "$VENVHOOK" status
	assert_equal "$forks" 0
	assert_line "trust:  refused: ${refused#*"$T/p/.venv: "}"
	# a repository that changed is asked again
	echo 'ref: refs/heads/other' >"$T/p/.git/HEAD"
	forks_of "$VENVHOOK" export bash
	assert_equal "$forks" 1
	assert_equal "$stderr" "$refused"
	forks_of "$VENVHOOK" export bash
	assert_equal "$forks" 0
	# ... and so is one remembered longer ago than VH_GIT_UNKNOWN_TTL
	sed -i -E 's/ u[0-9]+\./ u1000./' "$HOME/.cache/venvhook/checked"
	forks_of "$VENVHOOK" export bash
	assert_equal "$forks" 1
	# the walk's question: where the work tree of q/sub is
	cd "$T/q/sub"
	forks_of "$VENVHOOK" export bash
	assert_equal "$forks" 1
	assert_equal "$stderr" "$stopped"
	forks_of "$VENVHOOK" export bash
	assert_equal "$forks" 0
	assert_equal "$stderr" "$stopped"
}

# ci_mount DIR: a case-insensitive, case-preserving file system at DIR
# (tests/helpers/cifs.py over FUSE: this kernel has no casefold), or skip
# the test, saying why, where FUSE cannot be had.
ci_mount() {
	[[ -e /dev/fuse ]] || skip "no /dev/fuse: no case-insensitive file system to test on"
	/usr/bin/python3 -c 'import fusepy' 2>/dev/null || fail "python3-fusepy is needed (bootstrap installs it)"
	mkdir -p "$1.back" "$1"
	/usr/bin/python3 "$VH_SRCDIR/tests/helpers/cifs.py" "$1.back" "$1" 2>"$T/cifs.log" &
	local i
	# (up to 60 s: python and FUSE start slowly on a loaded machine)
	for ((i = 0; i < 600; i++)); do
		mountpoint -q "$1" && break
		kill -0 $! 2>/dev/null || skip "cannot mount FUSE here: $(tail -n 1 "$T/cifs.log")"
		sleep 0.1
	done
	mountpoint -q "$1" || fail "the FUSE file system did not come up: $(cat "$T/cifs.log")"
	CI_MOUNTED=$1
}

# tracked_venv_repo DIR: a repository that tracks an env as .VENV/ (what
# a clone made on a case-insensitive system can hold), its bin/ls a marker.
tracked_venv_repo() {
	mkenv_unallowed "$1/.VENV"
	git -C "$1" init -q
	git -C "$1" add -A
	git -C "$1" -c user.name=a -c user.email=a@b commit -qm env
}

@test "case-insensitive file system: a clone that tracks .VENV/, found as .venv, counts as tracked" {
	ci_mount "$T/ci"
	tracked_venv_repo "$T/src"
	git clone -q "$T/src" "$T/ci/clone"
	# git saw the file system fold case
	assert_equal "$(git -C "$T/ci/clone" config core.ignorecase)" true
	# and another clone where the config says nothing of it: the file
	# system itself says that .VENV is .venv
	git clone -q "$T/src" "$T/ci/clone2"
	git -C "$T/ci/clone2" config core.ignorecase false
	vh_use_driver bash
	session "cd $T/ci/clone" report "cd $T/ci/clone2" report "run ls"
	assert_inactive 1
	assert_inactive 2
	refute_executed
	assert_stderr_contains "venvhook: not activating $T/ci/clone/.venv: its files are tracked by git in $T/ci/clone (it came with the repository)"
	assert_stderr_contains "venvhook: not activating $T/ci/clone2/.venv: its files are tracked by git in $T/ci/clone2 (it came with the repository)"
	# trust = owner needs no consent: the git check is all that refuses it
	mkdir -p "$HOME/.config/venvhook"
	echo 'trust = owner' >"$HOME/.config/venvhook/config"
	session "cd $T/ci/clone2" report "run ls"
	assert_inactive 1
	refute_executed
	cd /
	umount "$T/ci"
}

@test "case-sensitive file system: the user's own .venv beside a tracked .VENV/ is not tracked" {
	tracked_venv_repo "$T/p"
	[[ $(git -C "$T/p" config core.ignorecase) != true ]] || fail "git takes this file system for case-insensitive"
	mkenv "$T/p/.venv"
	vh_use_driver bash
	session "cd p" report
	assert_active 1 "$T/p/.venv"
	# ... unless git is told to fold case (core.ignorecase): then, as for
	# git, .venv is the tracked .VENV/
	git -C "$T/p" config core.ignorecase true
	session "cd p" report
	assert_inactive 1
	assert_stderr_contains "venvhook: not activating $T/p/.venv: git tracks other files in it than when you allowed it"
}

@test "a .python-version of 10,000 names none installed: pyenv's versions read once, not once a line" {
	command -v strace >/dev/null || fail "strace is needed (bootstrap installs it)"
	export PYENV_ROOT=$T/pyenv
	local i
	for ((i = 0; i < 50; i++)); do mkdir -p "$PYENV_ROOT/versions/3.$i.1"; done
	mkdir -p "$T/p"
	for ((i = 0; i < 10000; i++)); do echo "n$i"; done >"$T/p/.python-version"
	cd "$T/p"
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 run --separate-stderr \
		strace -f -qq -o "$T/trace" -e trace=openat,getdents64,newfstatat,stat,statx "$VENVHOOK" export bash
	assert_success
	assert_output ""
	assert_equal "$stderr" ""
	# a read of versions/ a line was 10,000 opens of it
	local opens asks
	opens=$(grep -c "openat(.*$PYENV_ROOT/versions\"" "$T/trace" || true)
	asks=$(syscalls newfstatat stat statx)
	((opens <= 2)) || fail "versions/ opened $opens times"
	((asks < 1000)) || fail "$asks stat() calls"
}
