# The soak test (issue: trust and fault tolerance). Included from Makefile.am.
# make check runs tests/bats/soak.bats for each shell (tests/run-scenarios):
# a short walk with a fixed seed. `make soak` runs a long walk per shell
# with a random seed (or VH_SOAK_SEED, to replay one) and prints the seed
# first; the mutating walk (issue 29) too.
EXTRA_DIST += tests/bats/soak.bats tests/bats/soak.bash

# In make check, each shell's walks are a test of their own beside its
# driver's scenarios (so that -j2 runs the two side by side, not one after
# the other): tests/soak/SHELL.soak (configure.ac lists them, as automake
# takes no $(VAR:%=...) in TESTS; made here) only names the shell.
SHELL_SOAKS = @VH_SOAK_TESTS@
$(SHELL_SOAKS): Makefile
	$(AM_V_GEN)$(MKDIR_P) tests/soak && \
	echo '# make check: the soak walks of this shell (tests/run-scenarios)' >$@
CLEANFILES += $(SHELL_SOAKS)
SOAK_LOG_DRIVER = $(TAP_DRIVER)
SOAK_LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/run-scenarios

VH_SOAK_LONG_STEPS = 3000
VH_SOAK_MUT_LONG_STEPS = 1000
soak: all tests/helpers/dumpenv$(EXEEXT)
	@seed=$${VH_SOAK_SEED:-`od -An -N4 -tu4 /dev/urandom | tr -d ' '`}; \
	steps=$${VH_SOAK_STEPS:-$(VH_SOAK_LONG_STEPS)}; \
	msteps=$${VH_SOAK_MUT_STEPS:-$(VH_SOAK_MUT_LONG_STEPS)}; \
	echo "soak: VH_SOAK_SEED=$$seed VH_SOAK_STEPS=$$steps VH_SOAK_MUT_STEPS=$$msteps"; \
	$(AM_TESTS_ENVIRONMENT) \
	VH_SOAK_SEED=$$seed; export VH_SOAK_SEED; \
	VH_SOAK_STEPS=$$steps; export VH_SOAK_STEPS; \
	VH_SOAK_MUT_STEPS=$$msteps; export VH_SOAK_MUT_STEPS; \
	VH_DRIVER_SUITES=soak; export VH_DRIVER_SUITES; \
	rc=0; for d in $(SHELL_DRIVERS); do \
		$(SHELL) $(srcdir)/tests/run-scenarios $(srcdir)/$$d || rc=1; \
	done; exit $$rc
.PHONY: soak
