#!/usr/bin/env bats
# What only fish has: the hook is an event handler on the PWD variable, not a
# prompt hook, so it runs inside functions and blocks; PATH is a list that
# fish_user_paths rebuilds.

load helpers

setup() {
	vh_use_driver fish
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/src" "$T/away"
}

teardown() {
	refute_executed
}

# The lines fish lists under "Event variable" as "VAR FUNCTION", one each.
pwd_handlers() {
	printf '%s\n' "$output" | grep -E '^PWD ' | sort
}

@test "loaded twice, PWD has one __venvhook_hook handler and activation happens once" {
	drv_write_rc "" "$(drv_init_line)"
	session "line functions --handlers-type variable" "cd proj" report "cd /" report
	assert_equal "$(pwd_handlers)" "PWD __venvhook_hook"
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_equal "$(grep -c '^venvhook: activated' <<<"$stderr")" 1
	assert_equal "$(grep -c '^venvhook: deactivated' <<<"$stderr")" 1
}

@test "a cd inside a function or a begin block is seen by the next command on the line" {
	# One input line each: no prompt runs between the cd and what follows it.
	session \
		'line function goto; cd $argv[1]; and command -v python; end; goto "$T/proj/src"; goto "$T/away"; or echo no-python' \
		'line begin; cd "$T/proj"; and printenv VIRTUAL_ENV; cd /; printenv VIRTUAL_ENV; or echo no-env; end' \
		report
	assert_equal "${lines[0]}" "$T/proj/.venv/bin/python"
	assert_equal "${lines[1]}" "no-python"
	assert_equal "${lines[2]}" "$T/proj/.venv"
	assert_equal "${lines[3]}" "no-env"
	assert_inactive 1
}

@test "cd -, prevd, pushd and popd follow \$PWD too" {
	session "cd proj" "cd away" "line cd -" report "line prevd" report \
		"line pushd \"\$T/proj/src\"" report "line popd" report
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_active 3 "$T/proj/.venv"
	assert_inactive 4
}

@test "cd keeps its own status; a failed command's status survives the next line" {
	# fish runs no prompt when stdin is not a terminal (interactive.bats
	# checks the prompt's $status at a terminal): here only the lines count.
	session \
		'line cd /no-such-dir-venvhook-tests; echo cd-status=$status' \
		'line cd "$T/proj"; echo cd-status=$status' \
		'line builtin cd "$T/away"; echo builtin-cd-status=$status' \
		"fail 9" "cd proj" "fail 4" "cd /" "fail 0"
	assert_equal "${lines[0]}" "cd-status=1"
	assert_equal "${lines[1]}" "cd-status=0"
	assert_equal "${lines[2]}" "builtin-cd-status=0"
	assert_equal "${lines[3]}" "status=9"
	assert_equal "${lines[4]}" "status=4"
	assert_equal "${lines[5]}" "status=0"
	assert_equal "$(grep -c '^venvhook: activated proj' <<<"$stderr")" 2
	assert_equal "$(grep -c '^venvhook: deactivated proj' <<<"$stderr")" 2
}

@test "a user's own --on-variable PWD handlers still run" {
	drv_write_rc 'function mine_before --on-variable PWD; echo before $PWD >>$T/hooks; end' \
		'function mine_after --on-variable PWD; echo after $PWD >>$T/hooks; end'
	session "cd proj" report "cd away" report "line functions --handlers-type variable"
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_equal "$(pwd_handlers)" "PWD __venvhook_hook
PWD mine_after
PWD mine_before"
	assert_equal "$(cat "$T/hooks")" "before $T/proj
after $T/proj
before $T/away
after $T/away"
}

@test "PATH and fish_user_paths additions made while active survive deactivation" {
	mkdir -p "$T/my-tools" "$T/user-paths"
	export MINE=$T/my-tools UP=$T/user-paths
	session "cd proj" 'line set -gx PATH $MINE $PATH' report "cd away" report \
		"cd proj" 'line set -g fish_user_paths $UP' report "cd away" report
	assert_env 1 PATH "$T/my-tools:$T/proj/.venv/bin:$BASE_PATH"
	assert_inactive 2 "$T/my-tools:$BASE_PATH"
	assert_env 3 PATH "$T/user-paths:$T/proj/.venv/bin:$T/my-tools:$BASE_PATH"
	assert_inactive 4 "$T/user-paths:$T/my-tools:$BASE_PATH"
}
