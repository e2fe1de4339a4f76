# venvhook's tcsh completion. Not installed as a file: `venvhook init tcsh`
# prints it after the hook, so the hook's rules hold here too: the rc line's
# eval joins all lines into one, every statement ends in ' ;' and init drops
# these comment lines.

# A backquote list in `complete` is split at blanks and globbed, so an env
# name holding a space would come out in pieces; a shell variable's list
# keeps each name whole. The hook keeps $__venvhook_envs: `venvhook export`
# sends a new list with the directory change that made it stale (another
# project, or a change in $WORKON_HOME), so no process of its own runs.

# Paths (a word with a '/') complete as directories, env names from the
# list above. The shell names are init's; `export` is the hook's own.
complete venvhook 'p/1/(init list activate deactivate allow deny status doctor config --help --version)/' 'n/init/(bash zsh fish tcsh csh)/' 'n/list/(--paths)/' 'n/status/(--json)/' 'C@*/@d@@' 'n/activate/$__venvhook_envs/' 'n/*/n/' ;
