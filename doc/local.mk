# The manual page (issue 7), installed by make install; included from
# Makefile.am. tests/bats/lint.bats runs mandoc -Tlint on it.
dist_man_MANS = doc/venvhook.1
# The documents the README links to, installed beside it (share/doc/venvhook):
# among them recipes.md (exec and which in editors, make, cron, systemd, git
# hooks and pre-commit; tests/bats/exec.bats runs the recipes as written
# there) and platforms.md (where venvhook builds and runs).
dist_doc_DATA = doc/install.md doc/platforms.md doc/recipes.md doc/shells.md doc/activators.md \
	doc/THREATS.md doc/trust.md doc/discovery.md doc/speed.md doc/comparison.md
# The threat model's lint (lint.bats runs it; issue 22).
EXTRA_DIST += tests/threats-lint
