# Completion files, each where its shell looks (configure finds the dirs).
# tcsh's is not installed: `venvhook init tcsh` prints it after the hook.
dist_zshcompletion_DATA = completions/_venvhook
dist_fishcompletion_DATA = completions/venvhook.fish
EXTRA_DIST += completions/venvhook.bash completions/venvhook.tcsh

# bash-completion loads a command's completion from a file named after it.
install-data-local: install-bash-completion
uninstall-local: uninstall-bash-completion
install-bash-completion:
	$(MKDIR_P) '$(DESTDIR)$(bashcompletiondir)'
	$(INSTALL_DATA) $(srcdir)/completions/venvhook.bash '$(DESTDIR)$(bashcompletiondir)/venvhook'
uninstall-bash-completion:
	rm -f '$(DESTDIR)$(bashcompletiondir)/venvhook'
.PHONY: install-bash-completion uninstall-bash-completion
