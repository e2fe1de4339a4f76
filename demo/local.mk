# make demo (issue 7): try venvhook in a throwaway shell, with the hook of
# this build and nothing of yours read or written (see demo/run). Not part
# of check; tests/bats/demo.bats runs it non-interactively.
demo: all
	VENVHOOK='$(abs_top_builddir)/venvhook' '$(BASH_SHELL)' '$(srcdir)/demo/run'
.PHONY: demo
EXTRA_DIST += demo/run
BATS_SUITES += tests/bats/demo.bats
