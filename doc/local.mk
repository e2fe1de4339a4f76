# The manual page (issue 7), installed by make install; included from
# Makefile.am. tests/bats/lint.bats runs mandoc -Tlint on it.
dist_man_MANS = doc/venvhook.1
# The documents the README links to, installed beside it (share/doc/venvhook).
dist_doc_DATA = doc/install.md doc/shells.md doc/trust.md doc/discovery.md \
	doc/speed.md doc/comparison.md
