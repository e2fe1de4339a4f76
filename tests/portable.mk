# Beyond glibc on Linux with /proc (issue 16); included from Makefile.am.
BATS_SUITES += tests/bats/portable.bats
EXTRA_DIST += tests/helpers/noproc
