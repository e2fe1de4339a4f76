#!/usr/bin/env bats
# The soak test: a seeded random walk of `cd`s per shell (see soak.bash).
# make check runs a short walk with a fixed seed; `make soak` runs a long one
# with a random seed. To replay a run: VH_SOAK_SEED=<seed> VH_SOAK_STEPS=<n>.

load helpers
load soak

teardown() {
	# bats shows this only when the test fails
	echo "replay: VH_SOAK_SEED=${VH_SOAK_SEED:-$soak_default_seed} VH_SOAK_STEPS=${VH_SOAK_STEPS:-$soak_default_steps} make soak"
}

@test "soak: bash follows a random walk of cds" {
	vh_use_driver bash
	soak_run
}

@test "soak: zsh follows a random walk of cds" {
	vh_use_driver zsh
	soak_run
}

@test "soak: fish follows a random walk of cds" {
	vh_use_driver fish
	soak_run
}

@test "soak: tcsh follows a random walk of cds" {
	vh_use_driver tcsh
	soak_run
}

@test "soak: csh follows a random walk of cds" {
	vh_use_driver csh
	soak_run
}
