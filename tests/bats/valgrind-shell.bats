#!/usr/bin/env bats
# venvhook under valgrind's memcheck (see valgrind.bash) for one shell, run
# by its driver like the scenarios (tests/run-scenarios; VH_DRIVER names
# it): init, the transitions that reach every operation of its emitter,
# the shell function's way in, and a name it may not be able to say.

load helpers
load valgrind

setup_file() {
	: "${VH_DRIVER:?VH_DRIVER must name a tests/drivers/*.driver file}"
	vg_setup_file
}

setup() {
	vh_use_driver "$VH_DRIVER"
	vg_setup
}

@test "valgrind: init, activate and deactivate with PYTHONHOME, a switch, no env, the watch list, call, a newline in a path" {
	local sh=$drv_name proj=$T/proj/.venv nl=$T/$'a\nb'
	mkenv "$nl/.venv"
	vg init "$T" -- init "$sh"
	vg activate "$T/proj" PYTHONHOME=/opt/py -- export "$sh"
	vg deactivate "$T/empty" VIRTUAL_ENV="$proj" __VENVHOOK_ENV="$proj" \
		__VENVHOOK_PYTHONHOME=/opt/py PATH="$proj/bin:$BASE_PATH" -- export "$sh"
	vg switch "$T/other" VIRTUAL_ENV="$proj" __VENVHOOK_ENV="$proj" \
		PATH="$proj/bin:$BASE_PATH" -- export "$sh"
	vg noenv "$T/empty" -- export "$sh"
	vg watch "$T/empty" -- export "$sh" -
	vg call "$T" -- call "$sh" activate "$T/other/.venv"
	vg rerun "$T" -- call "$sh" list
	vg newline "$nl" -- export "$sh"
	# (each run's output shows it met its situation, in this shell's
	# syntax: the name, then its value in the shell's quotes)
	local q="['\"]"
	vg_check init=__venvhook activate="VIRTUAL_ENV.{0,5}$q$T/proj/.venv$q" \
		deactivate="VIRTUAL_ENV" switch="VIRTUAL_ENV.{0,5}$q$T/other/.venv$q" noenv= \
		watch=__venvhook_key call=__venvhook_sync rerun="${q}list$q"
	if [[ -n ${drv_no_newlines:-} ]]; then
		[[ ! -s $T/newline.out ]] || fail "a newline was said: $(cat "$T/newline.out")"
		grep -q 'cannot hold a newline' "$T/newline.err"
	else
		grep -q VIRTUAL_ENV "$T/newline.out"
	fi
}
