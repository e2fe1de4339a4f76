# The soak test (issue: trust and fault tolerance). Included from Makefile.am.
# make check runs tests/bats/soak.bats as one more bats suite: a short walk
# with a fixed seed. `make soak` runs a long walk per shell with a random
# seed (or VH_SOAK_SEED, to replay one) and prints the seed first.
BATS_SUITES += tests/bats/soak.bats
EXTRA_DIST += tests/bats/soak.bash

VH_SOAK_LONG_STEPS = 3000
soak: all tests/helpers/dumpenv$(EXEEXT)
	@seed=$${VH_SOAK_SEED:-`od -An -N4 -tu4 /dev/urandom | tr -d ' '`}; \
	steps=$${VH_SOAK_STEPS:-$(VH_SOAK_LONG_STEPS)}; \
	echo "soak: VH_SOAK_SEED=$$seed VH_SOAK_STEPS=$$steps"; \
	$(AM_TESTS_ENVIRONMENT) \
	VH_SOAK_SEED=$$seed; export VH_SOAK_SEED; \
	VH_SOAK_STEPS=$$steps; export VH_SOAK_STEPS; \
	$(BATS) --tap $(srcdir)/tests/bats/soak.bats
.PHONY: soak
