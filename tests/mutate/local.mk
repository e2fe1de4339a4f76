# make mutate (issue 22): the trust rules' one-line mutations, each built
# and run against the tests that must catch it; fails naming a survivor.
# In-tree builds only: it edits the sources (and restores them). Not part
# of check. MUTATE_ONLY=REGEX runs the mutations whose name matches.
mutate: all
	@test '$(srcdir)' = . || { echo 'make mutate: needs an in-tree build' >&2; exit 1; }
	bash $(srcdir)/tests/mutate/run $(srcdir)/tests/mutate/mutations
.PHONY: mutate

EXTRA_DIST += tests/mutate/run tests/mutate/bats-filter tests/mutate/mutations
