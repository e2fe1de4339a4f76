# Beyond glibc on Linux with /proc (issue 16); included from Makefile.am.
BATS_SUITES += tests/bats/portable.bats
EXTRA_DIST += tests/helpers/noproc tests/run-noproc $(NOPROC_DRIVERS)

# The scenario list once more per shell, with /proc hidden from the
# sessions: one test each, so that make -j spreads them.
NOPROC_DRIVERS = @VH_NOPROC_DRIVERS@
TEST_EXTENSIONS += .noproc
NOPROC_LOG_DRIVER = $(TAP_DRIVER)
NOPROC_LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/run-noproc
TESTS += $(NOPROC_DRIVERS)

# The release tarball built with SHA-256 from nettle and as strict C11
# (issue 25); not part of check: .ci/run runs it.
check-builds: dist-gzip
	$(SHELL) $(srcdir)/tests/check-builds $(distdir).tar.gz '$(UNIT_TESTS)'
.PHONY: check-builds
EXTRA_DIST += tests/check-builds
