#!/usr/bin/env bats
# The walk's cache of directories that hold none of the names discovery asks
# about (core/find/dircache.h, issue 15). A directory is recorded only once its
# times are VH_DIRCACHE_SETTLE (3) seconds old, so the trees here are made
# once for the file, in setup_file, and the file waits once; each test has
# its own tree and its own $HOME (so its own cache), and nothing changes a
# tree before the test has warmed its cache on it.

load helpers

NAMES=(venv dotvenv inside git bare pipfile pyversion pyproject)
ROOTS=(rootvenv head config gitconfig)

setup_file() {
	export GIT_CONFIG_NOSYSTEM=1
	local t
	for t in main settle halfway backdate hostile symlink "${NAMES[@]}" "${ROOTS[@]}"; do
		mkdir -p "$BATS_FILE_TMPDIR/$t/r/a/b/c/d"
		git init -q "$BATS_FILE_TMPDIR/$t/r"
	done
	mkdir -p "$BATS_FILE_TMPDIR/symlink/x/sub" "$BATS_FILE_TMPDIR/symlink/y/sub" \
		"$BATS_FILE_TMPDIR/deep/r/a/b/c/d/e/f"
	ln -s x "$BATS_FILE_TMPDIR/symlink/link"
	# the env above, at the repository's root: on until a nearer root hides it
	mkenv_unallowed "$BATS_FILE_TMPDIR/git/r/.venv"
	mkenv_unallowed "$BATS_FILE_TMPDIR/symlink/y/.venv"
	# an env above each root: on once the root no longer ends the walk
	for t in "${ROOTS[@]}"; do
		mkenv_unallowed "$BATS_FILE_TMPDIR/$t/.venv"
	done
	# names that are there, but not (yet) as an env
	mkdir "$BATS_FILE_TMPDIR/halfway/r/a/b/.venv"
	ln -s ../../../../elsewhere "$BATS_FILE_TMPDIR/halfway/r/a/b/c/venv"
	sleep 3.2
}

setup() {
	vh_use_driver bash
	F=$BATS_FILE_TMPDIR
	CACHE=$HOME/.cache/venvhook/dirs
}

# questions DIR CMD...: runs CMD under strace; prints how many of its stat
# and open calls asked about DIR/pyvenv.cfg (the first name asked in a
# directory; $NAME instead, when set), however the call named it (a whole
# path, or one relative to a descriptor of a directory above: strace -y
# shows the descriptor's path).
questions() {
	local dir=$1 log=$BATS_TEST_TMPDIR/trace
	shift
	command -v strace >/dev/null || fail "strace is needed (apt-get install strace)"
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		strace -qq -y -e trace=/stat,openat -o "$log" "$@" >/dev/null 2>&1
	python3 - "$log" "$dir/${NAME:-pyvenv.cfg}" <<'EOF'
import os, re, sys
want, n = sys.argv[2], 0
for line in open(sys.argv[1]):
    m = re.match(r'\w+\((?:AT_FDCWD|\d+)<([^>]*)>, "([^"]*)"', line)
    if m and os.path.normpath(os.path.join(m.group(1), m.group(2))) == want:
        n += 1
print(n)
EOF
}

# recorded DIR: 0 when the cache file holds a record of DIR as it is now.
recorded() {
	python3 - "$CACHE" "$1" <<'EOF'
import os, struct, sys
data = open(sys.argv[1], 'rb').read()
magic, version, size, order, zero = struct.unpack_from('=6sBBII', data, 0)
assert magic == b'VHdirs' and size == 48 and (len(data) - 16) % 48 == 0, (magic, size, len(data))
n = (len(data) - 16) // 48
st = os.lstat(sys.argv[2])
for i in range(n):
    dev, ino, key, cs, ms, cns, mns = struct.unpack_from('=QQQqqII', data, 16 + 48 * i)
    if (dev, ino, cs, cns, ms, mns) == (st.st_dev, st.st_ino, st.st_ctime_ns // 10**9,
                                         st.st_ctime_ns % 10**9, st.st_mtime_ns // 10**9,
                                         st.st_mtime_ns % 10**9):
        sys.exit(0)
sys.exit(1)
EOF
}

# warm MID: an export from MID/c/d, after which MID must be recorded.
warm() {
	cd "$1/c/d" || return 1
	"$VENVHOOK" export bash >/dev/null
	recorded "$1" || fail "${1##*/} is not recorded"
}

# cold CMD...: CMD with an empty cache of its own (the answer without one).
cold() {
	local c
	c=$(mktemp -d "$BATS_TEST_TMPDIR/cold.XXXXXX")
	XDG_CACHE_HOME=$c "$@" 2>&1
}

@test "a walk through directories the cache knows asks one question of each; the root (it has .git) is asked in full" {
	cd "$F/main/r/a/b/c/d"
	run questions "$F/main/r/a/b" "$VENVHOOK" export bash
	[[ $output -ge 1 ]] || fail "the first walk did not ask about b: $output"
	[[ -s $CACHE ]] || fail "no cache file after the first walk"
	for d in a a/b a/b/c a/b/c/d; do
		recorded "$F/main/r/$d" || fail "$d is not recorded"
	done
	run questions "$F/main/r/a/b" "$VENVHOOK" export bash
	assert_output 0
	run questions "$F/main/r/a/b/c/d" "$VENVHOOK" export bash
	assert_output 0
	# the root, recorded by the second walk as holding none but .git
	run questions "$F/main/r" "$VENVHOOK" export bash
	assert_output 0
	NAME=.git/HEAD run questions "$F/main/r" "$VENVHOOK" export bash
	assert_output 1
}

@test "a walk records four directories at most, the nearest first; the next walk records the rest" {
	local d
	cd "$F/deep/r/a/b/c/d/e/f"
	"$VENVHOOK" export bash >/dev/null
	for d in a/b/c/d/e/f a/b/c/d/e a/b/c/d a/b/c; do
		recorded "$F/deep/r/$d" || fail "$d is not recorded by the first walk"
	done
	for d in a/b a; do
		run recorded "$F/deep/r/$d"
		assert_failure
	done
	"$VENVHOOK" export bash >/dev/null
	for d in a/b a; do
		recorded "$F/deep/r/$d" || fail "$d is not recorded by the second walk"
	done
}

@test "a directory changed less than 3 s ago is not recorded; nor is one holding any of the names" {
	mkdir "$F/settle/r/a/b/c/d/new"
	touch "$F/settle/r/a/Pipfile"
	cd "$F/settle/r/a/b/c/d/new"
	"$VENVHOOK" export bash >/dev/null
	run recorded "$F/settle/r/a/b/c/d/new"
	assert_failure
	run recorded "$F/settle/r/a/b/c/d"
	assert_failure
	run recorded "$F/settle/r/a"
	assert_failure
	recorded "$F/settle/r/a/b/c" || fail "c (3 s old, holding nothing) is not recorded"
	recorded "$F/settle/r/a/b" || fail "b is not recorded"
}

@test "an empty .venv or a dangling venv symlink keeps its directory out of the cache: an env made in them is found" {
	local h=$F/halfway
	cd "$h/r/a/b/c/d"
	"$VENVHOOK" export bash >/dev/null
	recorded "$h/r/a/b/c/d" || fail "d is not recorded"
	for d in a/b a/b/c; do
		run recorded "$h/r/$d"
		assert_failure
	done
	# filled in place: b's own times do not change
	mkenv "$h/r/a/b/.venv"
	run "$VENVHOOK" export bash
	assert_output --partial "$h/r/a/b/.venv/bin"
	mkenv "$h/elsewhere"
	run "$VENVHOOK" export bash
	assert_output --partial "$h/r/a/b/c/venv/bin"
}

@test "each name the walk asks about, made in a directory the cache knows, is seen at once" {
	local t mid before warm want
	for t in "${NAMES[@]}"; do
		cd "$F/$t/r/a/b/c/d"
		"$VENVHOOK" allow "$F/$t/r" >/dev/null 2>&1 || true
		before=$("$VENVHOOK" export bash 2>&1)
		mid=$F/$t/r/a/b
		recorded "$mid" || fail "$t: b is not recorded"
		case $t in
		venv) mkenv "$mid/venv" ;;
		dotvenv) mkenv "$mid/.venv" ;;
		inside) mkenv_unallowed "$mid" && "$VENVHOOK" allow "$mid" >/dev/null 2>&1 ;;
		git) git init -q "$mid" ;;
		bare) git init -q --bare "$mid/x.git" && mv "$mid/x.git"/* "$mid/" ;;
		pipfile) printf '[packages]\n' >"$mid/Pipfile" ;;
		pyversion) printf 'someenv\n' >"$mid/.python-version" ;;
		pyproject) printf '[tool.poetry]\nname = "x"\n' >"$mid/pyproject.toml" ;;
		esac
		run questions "$mid" "$VENVHOOK" export bash
		[[ $output -ge 1 ]] || fail "$t: b was not asked again after it changed"
		warm=$("$VENVHOOK" export bash 2>&1)
		want=$(cold "$VENVHOOK" export bash)
		assert_equal "$warm" "$want"
		case $t in
		venv | dotvenv | inside | git)
			[[ $warm != "$before" ]] || fail "$t: the export did not change: the test proves nothing"
			;;
		esac
	done
}

@test "a work tree's root, its HEAD and its config, known to the cache, are asked again when they change" {
	local t r f before warm want
	for t in "${ROOTS[@]}"; do
		r=$F/$t/r
		"$VENVHOOK" allow "$F/$t/.venv" >/dev/null
		cd "$r/a/b/c/d"
		# four records a walk: the second records the root and its files
		before=$("$VENVHOOK" export bash 2>&1)
		"$VENVHOOK" export bash >/dev/null 2>&1
		for f in "$r" "$r/.git/HEAD" "$r/.git/config"; do
			recorded "$f" || fail "$t: $f is not recorded"
		done
		case $t in
		rootvenv) mkenv "$r/.venv" ;;
		# in place, as an editor or a script writes: .git itself is unchanged
		head) printf 'junk\n' >"$r/.git/HEAD" ;;
		config) printf '[core]\n\tworktree = /\n' >>"$r/.git/config" ;;
		gitconfig) git -C "$r" config core.bare true ;;
		esac
		case $t in
		head)
			# libgit2 still takes r for the root (git itself does not:
			# issue 15's note), so the answer stays; HEAD is read again
			NAME=.git/HEAD run questions "$r" "$VENVHOOK" export bash
			[[ $output -ge 2 ]] || fail "head: HEAD was not read again after it changed ($output)"
			;;
		esac
		warm=$("$VENVHOOK" export bash 2>&1)
		want=$(cold "$VENVHOOK" export bash)
		assert_equal "$warm" "$want"
		[[ $t == head || $warm != "$before" ]] ||
			fail "$t: the export did not change: the test proves nothing"
	done
}

@test "an env made in a directory the cache knows is found even when its mtime is set back: the ctime tells" {
	local mid=$F/backdate/r/a/b mtime
	warm "$mid"
	mtime=$(stat -c %.9Y "$mid")
	mkenv "$mid/.venv"
	touch -m -d "@$mtime" "$mid"
	[[ $(stat -c %.9Y "$mid") == "$mtime" ]] || fail "touch did not set the mtime back"
	run "$VENVHOOK" export bash
	assert_success
	assert_output --partial "$mid/.venv/bin"
}

@test "a cache file that says a directory holds nothing is used only when it is the user's own and no one else can write it" {
	local mid=$F/hostile/r/a/b
	warm "$mid"
	mkenv "$mid/.venv"
	# forge: b's record made to match b as it is now, its .venv in it
	python3 - "$CACHE" "$mid" <<'EOF'
import os, struct, sys
path, d = sys.argv[1], sys.argv[2]
data = bytearray(open(path, 'rb').read())
n = (len(data) - 16) // 48
st = os.lstat(d)
for i in range(n):
    off = 16 + 48 * i
    dev, ino, key, cs, ms, cns, mns = struct.unpack_from('=QQQqqII', data, off)
    if (dev, ino) == (st.st_dev, st.st_ino):
        struct.pack_into('=QQQqqII', data, off, dev, ino, key, st.st_ctime_ns // 10**9,
                         st.st_mtime_ns // 10**9, st.st_ctime_ns % 10**9, st.st_mtime_ns % 10**9)
open(path, 'wb').write(data)
EOF
	cp "$CACHE" "$BATS_TEST_TMPDIR/forged"
	# the user's own file is believed: the env is hidden (so the forgery works)
	run "$VENVHOOK" export bash
	refute_output --partial "$mid/.venv"
	chmod 0602 "$CACHE"
	run "$VENVHOOK" export bash
	assert_output --partial "$mid/.venv/bin"
	# another user's write through an ACL entry
	cp "$BATS_TEST_TMPDIR/forged" "$CACHE" && chmod 0600 "$CACHE"
	setfacl -m u:65534:rw "$CACHE"
	run "$VENVHOOK" export bash
	assert_output --partial "$mid/.venv/bin"
	if ((EUID == 0)); then
		cp "$BATS_TEST_TMPDIR/forged" "$CACHE" && chmod 0600 "$CACHE" && chown 65534 "$CACHE"
		run "$VENVHOOK" export bash
		assert_output --partial "$mid/.venv/bin"
	fi
	for bad in truncate garbage version; do
		cp "$BATS_TEST_TMPDIR/forged" "$CACHE" && chown "$(id -u)" "$CACHE" && chmod 0600 "$CACHE"
		case $bad in
		truncate) truncate -s 40 "$CACHE" ;;
		garbage) head -c 5000 /dev/urandom >"$CACHE" ;;
		version) printf '\x09' | dd of="$CACHE" bs=1 seek=6 conv=notrunc status=none ;;
		esac
		run "$VENVHOOK" export bash
		assert_success
		assert_output --partial "$mid/.venv/bin"
	done
}

@test "a walk through a symlink: retargeted, the directory behind it is asked anew" {
	"$VENVHOOK" allow "$F/symlink/y/.venv" >/dev/null
	session "cd $F/symlink/link/sub" report \
		"line ln -sfn y $F/symlink/link" \
		"cd $T" "cd $F/symlink/link/sub" report
	assert_success
	assert_inactive 1
	assert_env 2 VIRTUAL_ENV "$F/symlink/link/.venv"
}

@test "bash: an env made in a directory the cache knows goes on at the next cd, and python runs in it" {
	local mid=$F/main/r/a/b
	warm "$mid"
	mkvenv "$mid/.venv"
	session "cd $mid/c/d" report "line $PREFIX_LINE"
	assert_success
	assert_env 1 VIRTUAL_ENV "$mid/.venv"
	assert_line "prefix=$mid/.venv"
}
