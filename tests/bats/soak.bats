#!/usr/bin/env bats
# The soak test: a seeded random walk of `cd`s in one shell (see soak.bash),
# run once per shell by its driver, like the scenarios (tests/run-scenarios;
# VH_DRIVER names it). make check runs a short walk with a fixed seed;
# `make soak` runs a long one with a random seed. To replay a run:
# VH_SOAK_SEED=<seed> VH_SOAK_STEPS=<n> make soak.

load helpers
load soak

setup_file() {
	: "${VH_DRIVER:?VH_DRIVER must name a tests/drivers/*.driver file}"
}

setup() {
	vh_use_driver "$VH_DRIVER"
}

teardown() {
	# bats shows this only when the test fails
	echo "replay: VH_SOAK_SEED=${VH_SOAK_SEED:-$soak_default_seed} VH_SOAK_STEPS=${VH_SOAK_STEPS:-$soak_default_steps} VH_SOAK_MUT_STEPS=${VH_SOAK_MUT_STEPS:-$soak_mut_default_steps} make soak"
}

@test "soak: the shell follows a random walk of cds" {
	soak_run
}

@test "soak: a random walk of cds and changes, each cd as export says" {
	soak_mut_run
}
