# The manual page (issue 7), installed by make install; included from
# Makefile.am. tests/bats/lint.bats runs mandoc -Tlint on it.
dist_man_MANS = doc/venvhook.1
EXTRA_DIST += doc/platforms.md
