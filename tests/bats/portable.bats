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
	PATH=$T/bin:$BASE_PATH run "$NOPROC" vh init tcsh
	assert_success
	run unwrap tcsh <<<"$output"
	assert_line --index 0 "set __venvhook_exe = '$SELF' ;"
	# the README's rc line, with venvhook found on PATH, in a real shell
	printf 'eval "$(vh init bash)"\nprintf "%%s\\n" "$__venvhook_exe"\n' >"$T/rc"
	PATH=$T/bin:$BASE_PATH run "$NOPROC" "$VH_BASH" --rcfile "$T/rc" -i </dev/null
	assert_line "$SELF"
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

@test "core/ and shells/ compile as C99 with only POSIX 2008 (XSI) declared; only core/util/compat.c asks for more" {
	run grep -lE '^[[:space:]]*#[[:space:]]*define[[:space:]]+_(GNU|DEFAULT|BSD|SVID|DARWIN_C|NETBSD|ALL)_SOURCE' \
		"$VH_SRCDIR"/core/*.[ch] "$VH_SRCDIR"/core/*/*.[ch] "$VH_SRCDIR"/shells/*.[ch]
	assert_output "$VH_SRCDIR/core/util/compat.c"
	local f flags=(-std=c99 -D_XOPEN_SOURCE=700 -Wall -Wextra -Werror -include "$VH_BUILDDIR/config.h" -I"$VH_SRCDIR")
	# shellcheck disable=SC2046 # pkg-config's flags are words
	for f in "$VH_SRCDIR"/core/*.c "$VH_SRCDIR"/core/*/*.c "$VH_SRCDIR"/shells/*.c; do
		"${CC:-cc}" "${flags[@]}" $(pkg-config --cflags libgit2 inih) -fsyntax-only "$f" ||
			fail "$f needs more than C99 and POSIX 2008"
	done
}

@test "musl: core/ and shells/ compile with musl's headers, link with its libc, and the binary runs" {
	command -v musl-gcc >/dev/null || skip "musl-gcc not installed (apt-get install musl-tools; bootstrap does)"
	# musl-gcc sees only musl's headers: git2.h, ini.h and libmd's sha2.h
	# come in alone.
	# Debian's libgit2 is built against glibc (it calls __printf_chk), so a
	# musl process cannot dlopen it: the suite, whose git checks need it,
	# cannot run on this musl build, and this test checks what it can.
	mkdir -p "$T/inc" "$T/obj"
	ln -s /usr/include/git2 /usr/include/git2.h /usr/include/ini.h /usr/include/sha2.h "$T/inc/"
	local f lib
	lib=$(pkg-config --variable=libdir inih)/libinih.a
	[[ -f $lib ]] || skip "no static $lib to link"
	for f in "$VH_SRCDIR"/core/*.c "$VH_SRCDIR"/core/*/*.c "$VH_SRCDIR"/shells/*.c "$VH_BUILDDIR/hooks/embedded.c"; do
		musl-gcc -std=c99 -D_XOPEN_SOURCE=700 -Wall -Wextra -Werror -include "$VH_BUILDDIR/config.h" \
			-I"$T/inc" -I"$VH_SRCDIR" -c -o "$T/obj/${f##*/}.o" "$f" || fail "$f does not build against musl"
	done
	musl-gcc -o "$T/venvhook" "$T"/obj/*.o "$lib"
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

@test "the packaging scripts pass shellcheck" {
	run shellcheck "$VH_SRCDIR/tests/helpers/noproc" "$VH_SRCDIR/tests/run-noproc" \
		"$VH_SRCDIR/tests/deb-install-check"
	assert_success
}
