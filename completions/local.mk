# Completion files, each where its shell looks (configure finds the dirs).
# Made at build time from completions/*.in and the command table, as
# build-aux/cmdtable prints it (build-aux/completion.sh), so that their
# commands, options and shells are the binary's. tcsh's is printed by
# `venvhook init tcsh` (shells/csh.c), from the same table.
noinst_PROGRAMS = build-aux/cmdtable
build_aux_cmdtable_SOURCES = build-aux/cmdtable.c
build_aux_cmdtable_LDADD = $(VH_LIBS)

COMPLETION_FILES = completions/venvhook.bash completions/_venvhook completions/venvhook.fish
nodist_zshcompletion_DATA = completions/_venvhook
nodist_fishcompletion_DATA = completions/venvhook.fish
noinst_DATA = completions/venvhook.bash
EXTRA_DIST += $(COMPLETION_FILES:%=%.in) build-aux/completion.sh
CLEANFILES += $(COMPLETION_FILES) completions/table

completions/table: build-aux/cmdtable$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) completions && build-aux/cmdtable$(EXEEXT) >$@-t && mv $@-t $@
$(COMPLETION_FILES): completions/table build-aux/completion.sh
	$(AM_V_GEN)$(SHELL) $(srcdir)/build-aux/completion.sh completions/table $(srcdir)/$@.in >$@-t && \
	mv $@-t $@
completions/venvhook.bash: completions/venvhook.bash.in
completions/_venvhook: completions/_venvhook.in
completions/venvhook.fish: completions/venvhook.fish.in

# bash-completion loads a command's completion from a file named after it.
install-data-local: install-bash-completion
uninstall-local: uninstall-bash-completion
install-bash-completion: completions/venvhook.bash
	$(MKDIR_P) '$(DESTDIR)$(bashcompletiondir)'
	$(INSTALL_DATA) completions/venvhook.bash '$(DESTDIR)$(bashcompletiondir)/venvhook'
uninstall-bash-completion:
	rm -f '$(DESTDIR)$(bashcompletiondir)/venvhook'
.PHONY: install-bash-completion uninstall-bash-completion
