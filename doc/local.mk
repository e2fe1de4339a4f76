# The manual page (issue 7), installed by make install; included from
# Makefile.am. tests/bats/lint.bats runs mandoc -Tlint on it.
dist_man_MANS = doc/venvhook.1
# exec and which in editors, make, cron, systemd, git hooks and pre-commit;
# tests/bats/exec.bats runs the recipes as written there. Where venvhook
# builds and runs, for the README to link.
EXTRA_DIST += doc/recipes.md doc/platforms.md
# The threat model (issue 22) and its lint (lint.bats runs it).
EXTRA_DIST += doc/THREATS.md tests/threats-lint
# venvhook beside other activators (issue 23); tests/bats/activators.bats
# runs the walks it describes.
EXTRA_DIST += doc/activators.md
