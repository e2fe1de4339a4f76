#!/usr/bin/env bats
# What only tcsh has: the hook rides the cwdcmd special alias, chained after
# the user's own; it runs on cd, pushd and popd, even when the directory did
# not change, so it must not start a process then.
#
# tcsh prints its "no access to tty" warning on stdout, so these tests look
# for lines by content, not by index. An error (a failed cd, an empty
# directory stack) makes tcsh drop the rest of its buffered input: such a
# step only ever comes last.

load helpers

setup() {
	vh_use_driver tcsh
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/src" "$T/away"
}

teardown() {
	refute_executed
}


@test "the user's own cwdcmd still runs, before the hook; loaded twice, the hook is chained once" {
	# tcsh ignores redirections inside cwdcmd, so the user's alias prints.
	drv_write_rc "alias cwdcmd 'echo \"user-cwdcmd \$cwd\"'" "$(drv_init_line)"
	session "line alias cwdcmd" "cd proj/src" report "cd away" report
	assert_line 'echo "user-cwdcmd $cwd" ; set __venvhook_mid ; __venvhook_hook ; unset __venvhook_mid'
	assert_line "user-cwdcmd $T/proj/src"
	assert_line "user-cwdcmd $T/away"
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_equal "$(grep -c '^venvhook: activated' <<<"$stderr")" 1
}

@test "no cwdcmd of the user's: cwdcmd is exactly the hook, however often loaded" {
	session "line alias cwdcmd"
	assert_line "set __venvhook_mid ; __venvhook_hook ; unset __venvhook_mid"
	drv_write_rc "" "$(drv_init_line)
$(drv_init_line)"
	session "line alias cwdcmd"
	assert_line "set __venvhook_mid ; __venvhook_hook ; unset __venvhook_mid"
	refute_line --partial "unset __venvhook_mid ; set __venvhook_mid"
}

@test "pushd and popd into and out of a project activate and deactivate" {
	# stack after each: src T / away src T / src away T (swap) / away T
	session 'line pushd $T:q/proj/src' report 'line pushd $T:q/away' report \
		"line pushd" report "line popd" report
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_active 3 "$T/proj/.venv"
	assert_inactive 4
	assert_equal "$(grep -c '^venvhook: activated proj' <<<"$stderr")" 2
	assert_equal "$(grep -c '^venvhook: deactivated proj' <<<"$stderr")" 2
}

@test "cd into a project keeps \$status 0, and a failed command's status survives it" {
	session "cd proj" 'line echo cd-status=$status' \
		"line sh -c 'exit 5' ; cd \$T:q/away" 'line echo cd-status=$status' \
		"line cd \$T:q/proj ; sh -c 'exit 6'" 'line echo last-status=$status' report
	assert_line "cd-status=0"
	refute_line "cd-status=5"
	assert_line "last-status=6"
	assert_active 1 "$T/proj/.venv"
	assert_equal "$(grep -c '^venvhook: activated proj' <<<"$stderr")" 2
}

@test "cd ., pushd . and popd to the same directory start no process" {
	counter
	# the env is active before venvhook is swapped for the counter
	session "cd proj" "setvar __venvhook_exe COUNTER" \
		"line cd ." "line cd ." 'line cd $cwd:q' "line pushd ." "line popd" "line cd ." report \
		"cd /" "line cd /no-such-dir-venvhook-tests"
	assert_active 1 "$T/proj/.venv"
	# only the last real change ran it (with the key of the env names the
	# shell holds for its completion); the failed cd (last: tcsh stops
	# reading after the error) did not
	assert_equal "$(wc -l <"$T/calls")" 1
	[[ $(cat "$T/calls") == "export tcsh "* ]]
	assert_stderr_contains "/no-such-dir-venvhook-tests: No such file or directory."
}
