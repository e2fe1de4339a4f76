#!/usr/bin/env bats
# What only BSD csh has: no directory-change hook at all, so venvhook aliases
# cd, pushd and popd to run the hook after a successful change, keeping a
# user's own alias for them.
#
# An error in a builtin (a failed cd, an empty directory stack) makes csh
# drop the rest of its buffered input, even with -i: a step that fails only
# ever comes last.

load helpers

setup() {
	vh_use_driver csh
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/src" "$T/away"
}

teardown() {
	refute_executed
}


@test "cd, a bare cd, pushd and popd activate and deactivate" {
	mkenv "$HOME/.venv"
	session "cd proj/src" 'line echo cd-status=$status' report "cd away" report \
		"line cd" report 'line pushd $T:q/proj' report "line popd" report \
		'line pushd $T:q/away' report "line pushd" report
	assert_line "cd-status=0"
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_active 3 "$HOME/.venv"
	assert_active 4 "$T/proj/.venv"
	assert_active 5 "$HOME/.venv"
	assert_inactive 6
	# pushd with no argument swaps the top two: back to $HOME
	assert_active 7 "$HOME/.venv"
}

@test "the user's own cd alias is kept and runs before the hook; loaded twice, the hook is appended once" {
	# the classic csh idiom: an alias cd that calls cd, then does more
	drv_write_rc "alias cd 'cd \\!*; echo \"user-cd \$cwd\" >> \$T:q/marks'
alias pushd 'pushd \\!* > /dev/null'" "$(drv_init_line)"
	session "line alias cd" "line alias pushd" "line alias popd" \
		"cd proj/src" report "cd away" report 'line pushd $T:q/proj' report
	assert_line 'cd !*; echo "user-cd $cwd" >> $T:q/marks && eval __venvhook_hook'
	assert_line 'pushd !* > /dev/null && eval __venvhook_hook'
	assert_line 'popd !* && eval __venvhook_hook'
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_active 3 "$T/proj/.venv"
	# the user's pushd alias still hides the stack
	refute_line --partial "$T/proj $T"
	assert_equal "$(cat "$T/marks")" "user-cd $T/proj/src
user-cd $T/away"
	assert_equal "$(grep -c '^venvhook: activated' <<<"$stderr")" 2
}

@test "cd . starts no process, and a failed cd does not run the hook" {
	counter
	export ELSEWHERE=/elsewhere
	# the env is active before venvhook is swapped for the counter; then the
	# hook's memory of the last directory is made stale, so that the hook
	# would call the counter if the failed cd ran it. The failed cd is the
	# last step: csh reads nothing after the error.
	session "cd proj" "setvar __venvhook_exe COUNTER" \
		"line cd ." "line cd ." "cd away" report \
		"setvar __venvhook_pwd ELSEWHERE" "line cd /no-such-dir-venvhook-tests"
	# only the real change (to away) called it; the counter prints nothing,
	# so the env stays active
	assert_active 1 "$T/proj/.venv"
	assert_equal "$(wc -l <"$T/calls")" 1
	[[ $(cat "$T/calls") == "export csh "* ]]
	assert_stderr_contains "/no-such-dir-venvhook-tests: No such file or directory"
}

@test "csh hands export no command lines, and drops any the environment brings: an env made at its prompt needs allow" {
	mkdir -p "$T/new"
	export __venvhook_cmdlines=$'\036\036python3 -m venv .venv\037\036'
	session "cd new" "run /usr/bin/python3 -m venv --without-pip .venv" "cd new" report
	assert_success
	assert_inactive 1
	assert_stderr_contains "venvhook: not activating $T/new/.venv: it appeared, but this shell did not tell venvhook which command made it; 'venvhook allow' trusts it"
}
