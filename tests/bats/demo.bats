#!/usr/bin/env bats
# make demo's script (demo/run), run non-interactively: its shell reads the
# commands from stdin. It must activate in the throwaway tree, remove it at
# exit, and leave the user's HOME, trust store and cache as they were.

load helpers

setup() {
	vh_setup
	mkdir -p "$BATS_TEST_TMPDIR/tmp"
	# what the demo must leave alone: the user's own rc files and stores
	export XDG_DATA_HOME=$T/data XDG_CACHE_HOME=$T/cache WORKON_HOME=$T/workon
	local rc
	for rc in .bashrc .zshrc .tcshrc .cshrc; do
		printf 'echo USER-RC-READ\n' >"$HOME/$rc"
	done
	mkdir -p "$HOME/.config/fish"
	printf 'echo USER-RC-READ\n' >"$HOME/.config/fish/config.fish"
	find "$HOME" -printf '%p %s %T@\n' | sort >"$BATS_TEST_TMPDIR/home.before"
}

# demo SHELL: runs demo/run with DEMO_SHELL=SHELL over a fixed session, the
# same lines in every shell; sets $output, $stderr, $status and $shown (the
# <...> markers the session printed, one a line).
demo() {
	run --separate-stderr env TMPDIR="$BATS_TEST_TMPDIR/tmp" DEMO_SHELL="$1" \
		"$BASH" "$VH_SRCDIR/demo/run" <<-'EOF'
		cd alpha/src/deep
		echo "<VE=$VIRTUAL_ENV>"
		cd ../../../gamma
		echo "<VE=$VIRTUAL_ENV>"
		cd ../delta
		venvhook allow
		echo "<VE=$VIRTUAL_ENV>"
		venvhook activate tools
		cd ../plain
		echo "<VE=$VIRTUAL_ENV>"
		venvhook deactivate
		echo "<PATH=$PATH>"
		exit
	EOF
	shown=$(grep -o '<[^>]*>' <<<"$output" || true)
}

# The session's results, whatever the shell.
assert_demo_worked() {
	local tree=$BATS_TEST_TMPDIR/tmp/venvhook-demo\.[A-Za-z0-9]+
	assert_success
	[[ $output != *USER-RC-READ* && $stderr != *USER-RC-READ* ]] || fail "the user's rc file was read"
	local want=(projects/alpha/\.venv workon/shared projects/delta/\.venv workon/tools) i
	for i in 0 1 2 3; do
		[[ $(sed -n "$((i + 1))p" <<<"$shown") =~ ^\<VE=$tree/${want[i]}\>$ ]] ||
			fail "step $((i + 1)): want ${want[i]}, got: $shown"
	done
	assert_equal "$(sed -n 5p <<<"$shown")" "<PATH=$BASE_PATH>"
	# the temp tree is gone, and nothing of the user's was touched
	assert_equal "$(ls -A "$BATS_TEST_TMPDIR/tmp")" ""
	find "$HOME" -printf '%p %s %T@\n' | sort >"$BATS_TEST_TMPDIR/home.after"
	diff "$BATS_TEST_TMPDIR/home.before" "$BATS_TEST_TMPDIR/home.after"
	[[ ! -e $XDG_DATA_HOME && ! -e $XDG_CACHE_HOME && ! -e $WORKON_HOME ]] ||
		fail "the demo wrote to the user's trust store, cache or WORKON_HOME"
}

@test "demo in bash: activates, switches, cleans up; an env of the caller's is dropped" {
	# an env the calling shell had active, venvhook's own
	mkenv_unallowed "$T/mine"
	export VIRTUAL_ENV=$T/mine __VENVHOOK_ENV=$T/mine PATH=$T/mine/bin:$BASE_PATH
	demo "$VH_BASH"
	assert_demo_worked
}

@test "demo in tcsh and csh: the same, with HOME kept out" {
	demo "$VH_TCSH"
	assert_demo_worked
	demo "$VH_CSH"
	assert_demo_worked
}

@test "demo: an unknown DEMO_SHELL is refused; an unknown SHELL falls back to bash" {
	run --separate-stderr env TMPDIR="$BATS_TEST_TMPDIR/tmp" DEMO_SHELL=/bin/ksh93 "$BASH" "$VH_SRCDIR/demo/run" </dev/null
	assert_failure 2
	assert_equal "$stderr" "demo: DEMO_SHELL=/bin/ksh93: not one of bash, zsh, fish, tcsh, csh"
	assert_equal "$(ls -A "$BATS_TEST_TMPDIR/tmp")" ""
	run --separate-stderr env TMPDIR="$BATS_TEST_TMPDIR/tmp" SHELL=/bin/ksh93 "$BASH" "$VH_SRCDIR/demo/run" </dev/null
	assert_success
	assert_line --regexp "^venvhook demo: a bash shell in "
	assert_equal "$(ls -A "$BATS_TEST_TMPDIR/tmp")" ""
}
