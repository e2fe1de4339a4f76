#!/usr/bin/env bats
# Beyond glibc on Linux with /proc (issue 16): the binary finds itself with
# /proc hidden (tests/run-noproc runs the whole scenario list that way in
# every shell), the C sources build with only POSIX declared and against
# musl, and libgit2 that cannot be loaded is one clear line. The Debian package is built and
# installed by .ci/run (make deb, tests/deb-install-check).

load helpers

setup() {
	vh_setup
	NOPROC=$VH_SRCDIR/tests/helpers/noproc
	SELF=$(readlink -f "$VENVHOOK")
}

# Hiding /proc takes a mount namespace of our own, which takes root.
need_root() {
	((EUID == 0)) || skip "hiding /proc needs unshare --mount: run as root (CI does)"
	command -v unshare >/dev/null || fail "unshare (util-linux) is needed"
}

# ... and a binary that runs without it: the sanitizers' runtimes read their
# options from /proc/self/environ and LeakSanitizer walks /proc/PID/task.
need_root_no_sanitizers() {
	need_root
	if nm "$VENVHOOK" 2>/dev/null | grep -q __asan_init; then
		skip "an ASan build cannot run without /proc (the plain build's run covers this)"
	fi
}

@test "noproc hides /proc: /proc/self/exe is not there, /proc is empty" {
	need_root
	run "$NOPROC" sh -c 'ls -A /proc; test -e /proc/self/exe'
	assert_failure 1
	assert_output ""
}

@test "with /proc hidden, init finds this binary by an absolute or relative path, on PATH, and through a symlink" {
	need_root_no_sanitizers
	mkdir "$T/bin"
	ln -s "$VENVHOOK" "$T/bin/vh"
	run "$NOPROC" "$VENVHOOK" init bash
	assert_success
	run unwrap bash <<<"$output"
	assert_line --index 0 "__venvhook_exe='$SELF'"
	cd "${VENVHOOK%/*}"
	run "$NOPROC" "./${VENVHOOK##*/}" init fish
	assert_success
	run unwrap fish <<<"$output"
	assert_line --index 0 "builtin set -g __venvhook_exe '$SELF' ;"
	cd "$T"
	# found on PATH through a symlink: the hook names the symlink, which
	# leads to this binary (issue 25)
	PATH=$T/bin:$BASE_PATH run "$NOPROC" vh init tcsh
	assert_success
	run unwrap tcsh <<<"$output"
	assert_line --index 0 "set __venvhook_exe = '$T/bin/vh' ;"
	# the README's rc line, with venvhook found on PATH, in a real shell
	printf 'eval "$(vh init bash)"\nprintf "%%s\\n" "$__venvhook_exe"\n' >"$T/rc"
	PATH=$T/bin:$BASE_PATH run "$NOPROC" "$VH_BASH" --rcfile "$T/rc" -i </dev/null
	assert_line "$T/bin/vh"
}

@test "with /proc hidden, a made-up argv[0] is one clear line and exit 1, nothing on stdout" {
	need_root_no_sanitizers
	run --separate-stderr "$NOPROC" "$VH_BASH" -c 'exec -a no-such-venvhook "$VENVHOOK" init zsh'
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "venvhook: cannot find my own path (asked /proc/self/exe, argv[0]): load the hook with venvhook's absolute path (eval \"\$(/path/to/venvhook init zsh)\")"
}

@test "a libgit2 that cannot be loaded: one line naming it, and the prompt's state intact" {
	need_root
	mkdir -p "$T/repo/sub"
	git init -q "$T/repo"
	# a config that moves the work tree: only libgit2 can say where it is
	git -C "$T/repo" config core.worktree "$T/repo"
	cd "$T/repo/sub"
	# where this machine's libgit2 is, as the dynamic linker found it
	run_loaded "$VENVHOOK" export bash
	local lib
	lib=$(grep -m1 '/libgit2[.]' <<<"$loaded") || fail "libgit2 not loaded: $loaded"
	# an empty file in its place, as a broken install leaves it
	run --separate-stderr unshare --mount --propagation private -- \
		sh -c 'mount --bind /dev/null "$1" && exec "$VENVHOOK" export bash' sh "$lib"
	assert_success
	[[ $stderr == "venvhook: $T/repo/.git cannot be read (cannot load libgit2"*": "*"$lib"*"); not looking above it" ]] ||
		fail "stderr: $stderr"
	assert_equal "$(grep -c . <<<"$stderr")" 1
	"$VH_BASH" -n <<<"$output"
	# an env in the work tree: git cannot be asked whether it tracks it, so
	# it is refused (fail closed), in one line saying why
	mkenv_unallowed "$T/repo/.venv"
	cd "$T/repo"
	run --separate-stderr unshare --mount --propagation private -- \
		sh -c 'mount --bind /dev/null "$1" && exec "$VENVHOOK" export bash' sh "$lib"
	assert_success
	refute_output --partial "VIRTUAL_ENV="
	[[ $stderr == "venvhook: not activating $T/repo/.venv: cannot tell whether git tracks it (cannot load libgit2"*"); "* ]] ||
		fail "stderr: $stderr"
	assert_equal "$(grep -c . <<<"$stderr")" 1
}

@test "core/ and shells/ compile as strict C11 with config.h alone (POSIX 2008, XSI); only core/util/compat.c asks for more" {
	run grep -lE '^[[:space:]]*#[[:space:]]*define[[:space:]]+_(GNU|DEFAULT|BSD|SVID|DARWIN_C|NETBSD|ALL)_SOURCE' \
		"$VH_SRCDIR"/core/*.[ch] "$VH_SRCDIR"/core/*/*.[ch] "$VH_SRCDIR"/shells/*.[ch]
	assert_output "$VH_SRCDIR/core/util/compat.c"
	local f flags=(-std=c11 -pedantic -Wall -Wextra -Werror -include "$VH_BUILDDIR/config.h" -I"$VH_SRCDIR")
	# shellcheck disable=SC2046 # pkg-config's flags are words
	for f in "$VH_SRCDIR"/core/*.c "$VH_SRCDIR"/core/*/*.c "$VH_SRCDIR"/shells/*.c; do
		"${CC:-cc}" "${flags[@]}" $(pkg-config --cflags libgit2 inih) -fsyntax-only "$f" ||
			fail "$f needs more than C11 and POSIX 2008"
	done
}

@test "musl: core/ and shells/ build as strict C11 with musl's headers and libc; the binary and the unit tests run" {
	command -v musl-gcc >/dev/null || skip "musl-gcc not installed (apt-get install musl-tools; bootstrap does)"
	# musl-gcc sees only musl's headers: git2.h, ini.h and libmd's sha2.h and
	# sha256.h, the dependencies' headers, come in alone. No feature macro
	# and no -std=gnu: config.h asks for what the code uses (issue 25).
	# Debian's libgit2 is built against glibc (it calls __printf_chk), so a
	# musl process cannot dlopen it: the suite, whose git checks need it,
	# cannot run on this musl build, and this test checks what it can.
	mkdir -p "$T/inc" "$T/obj"
	ln -s /usr/include/git2 /usr/include/git2.h /usr/include/ini.h /usr/include/sha2.h /usr/include/sha256.h "$T/inc/"
	local f lib
	lib=$(pkg-config --variable=libdir inih)/libinih.a
	[[ -f $lib ]] || skip "no static $lib to link"
	for f in "$VH_SRCDIR"/core/*.c "$VH_SRCDIR"/core/*/*.c "$VH_SRCDIR"/shells/*.c "$VH_BUILDDIR/hooks/embedded.c"; do
		musl-gcc -std=c11 -pedantic -Wall -Wextra -Werror -include "$VH_BUILDDIR/config.h" \
			-I"$T/inc" -I"$VH_SRCDIR" -c -o "$T/obj/${f##*/}.o" "$f" || fail "$f does not build against musl"
	done
	musl-gcc -o "$T/venvhook" "$T"/obj/*.o "$lib"
	# The unit tests, but those that load Debian's glibc-built libraries
	# (test_stores: libmd; test_warnings, test_policy: libgit2), against the
	# same objects.
	local t n
	ar rcs "$T/libvh.a" $(find "$T/obj" -name '*.o' ! -name main.c.o)
	for t in "$VH_SRCDIR"/tests/unit/test_*.c; do
		n=${t##*/}
		n=${n%.c}
		[[ $n == test_stores || $n == test_warnings || $n == test_policy ]] && continue
		musl-gcc -std=c11 -pedantic -Wall -Wextra -Werror -include "$VH_BUILDDIR/config.h" \
			-I"$T/inc" -I"$VH_SRCDIR" -o "$T/$n" "$t" "$T/libvh.a" "$lib" || fail "$n does not build against musl"
		run "$T/$n"
		assert_success
		refute_line --partial "not ok"
	done
	run readelf -l "$T/venvhook"
	assert_output --partial "[Requesting program interpreter: /lib/ld-musl-"
	run "$T/venvhook" --version
	assert_success
	assert_output "$("$VENVHOOK" --version)"
	# allowed by this binary: the glibc build's record holds a birth time
	# (statx) that musl 1.2.3's fstatat cannot see
	mkenv_unallowed "$T/proj/.venv"
	"$T/venvhook" allow "$T/proj" 2>/dev/null
	cd "$T/proj"
	run --separate-stderr "$T/venvhook" export bash
	assert_success
	assert_line "builtin export VIRTUAL_ENV='$T/proj/.venv'"
	"$VH_BASH" -n <<<"$output"
	# libgit2 it cannot load: the one clear line
	mkdir -p "$T/repo/sub"
	git init -q "$T/repo"
	git -C "$T/repo" config core.worktree "$T/repo"
	cd "$T/repo/sub"
	run --separate-stderr "$T/venvhook" export bash
	assert_success
	[[ $stderr == "venvhook: $T/repo/.git cannot be read (cannot load libgit2"*"); not looking above it" ]] ||
		fail "stderr: $stderr"
	if ((EUID == 0)); then
		run "$NOPROC" "$T/venvhook" init bash
		run unwrap bash <<<"$output"
		assert_line --index 0 "__venvhook_exe='$T/venvhook'"
	fi
}

@test "the Debian package and the Homebrew formula say configure's version" {
	local version
	version=$("$VENVHOOK" --version)
	version=${version#venvhook }
	run sed -n '1s/^venvhook (\([^)]*\)).*/\1/p' "$VH_SRCDIR/debian/changelog"
	assert_output "$version"
	run grep -c "venvhook-$version\.tar\.gz\"" "$VH_SRCDIR/contrib/homebrew/venvhook.rb"
	assert_output 1
}

# What brew test runs, here: the formula's test block holds no Ruby this
# machine could run without Homebrew, so the formula is parsed (ruby -c)
# and the commands of its test are run as it runs them.
@test "the Homebrew formula parses, and the steps of its test pass here" {
	command -v ruby >/dev/null || skip "ruby not installed (apt-get install ruby; bootstrap does)"
	run ruby -c "$VH_SRCDIR/contrib/homebrew/venvhook.rb"
	assert_output "Syntax OK"
	# libgit2 loaded (core.worktree: only libgit2 can tell the root), and
	# answering; the formula matches this line
	git init -q "$T/repo"
	git -C "$T/repo" config core.worktree "$T/repo"
	mkdir "$T/repo/sub"
	cd "$T/repo/sub"
	run_loaded "$VENVHOOK" status
	assert_output --partial "$T/repo, the git work-tree root"
	[[ $loaded == *libgit2* ]] || fail "libgit2 not loaded: $loaded"
}

@test "the packaging scripts pass shellcheck" {
	run shellcheck "$VH_SRCDIR/tests/helpers/noproc" "$VH_SRCDIR/tests/run-noproc" \
		"$VH_SRCDIR/tests/deb-install-check"
	assert_success
}

# Issue 25: a package manager that keeps versions side by side (Homebrew's
# Cellar, nix's store) puts a stable symlink on PATH; the hook names that,
# so an upgrade (the symlink retargeted, the old version removed) breaks
# neither the rc line nor the shells already open.
# (The output is bash's to read: its first lines guard against the wrong
# shell, so bash itself says what the variable holds.)
hook_exe() { bash --norc --noprofile -c 'eval "$("$@" init bash)" && printf "%s\n" "$__venvhook_exe"' bash "$@"; }

@test "init names the symlink on PATH it was found by, and an upgrade behind it keeps an open shell working" {
	mkdir -p "$T/cellar/1" "$T/cellar/2" "$T/bin"
	cp "$VENVHOOK" "$T/cellar/1/venvhook"
	ln -s ../cellar/1/venvhook "$T/bin/venvhook"
	run hook_exe env PATH="$T/bin:$PATH" venvhook
	assert_output "$T/bin/venvhook"
	# started by that path, not found on PATH
	run hook_exe "$T/bin/venvhook"
	assert_output "$T/bin/venvhook"
	# the resolved path where nothing better is known
	run hook_exe "$T/cellar/1/venvhook"
	assert_output "$T/cellar/1/venvhook"

	mkvenv "$T/proj/.venv"
	cat >"$T/rc" <<-'SH'
		eval "$(venvhook init bash)"
		cd "$T/proj"; echo "before=$VIRTUAL_ENV"
		# the upgrade: a new version beside the old, the link moved, the old removed
		cp "$T/cellar/1/venvhook" "$T/cellar/2/venvhook"
		ln -sfn ../cellar/2/venvhook "$T/bin/venvhook"
		rm -r "$T/cellar/1"
		cd /; echo "after=${VIRTUAL_ENV-}"
		cd "$T/proj"; echo "again=$VIRTUAL_ENV"
	SH
	run --separate-stderr env PATH="$T/bin:$PATH" bash --norc -i "$T/rc"
	assert_success
	assert_line "before=$T/proj/.venv"
	assert_line "after="
	assert_line "again=$T/proj/.venv"
	[[ $stderr != *"No such file"* && $stderr != *"not found"* ]] || fail "stderr: $stderr"
}

@test "init names no symlink that someone else could make lead elsewhere" {
	mkdir -p "$T/bin" "$T/open"
	ln -s "$VENVHOOK" "$T/bin/venvhook"
	SELF=$(readlink -f "$VENVHOOK")
	# the link another user's
	chown -h 65534 "$T/bin/venvhook"
	run hook_exe env PATH="$T/bin:$PATH" venvhook
	assert_output "$SELF"
	# the link the user's, in a directory anyone can write
	chown -h 0 "$T/bin/venvhook"
	chmod o+w "$T/bin"
	run hook_exe env PATH="$T/bin:$PATH" venvhook
	assert_output "$SELF"
	chmod o-w "$T/bin"
	# through a directory symlink that is another user's
	ln -s "$T/bin" "$T/open/bin"
	chown -h 65534 "$T/open/bin"
	run hook_exe env PATH="$T/open/bin:$PATH" venvhook
	assert_output "$SELF"
	chown -h 0 "$T/open/bin"
	run hook_exe env PATH="$T/open/bin:$PATH" venvhook
	assert_output "$T/open/bin/venvhook"
}
