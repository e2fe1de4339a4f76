# venvhook's tcsh completion. Not installed as a file: `venvhook init tcsh`
# prints it after the hook, so the hook's rules hold here too: the rc line's
# eval joins all lines into one, every statement ends in ' ;' and init drops
# these comment lines.

# A backquote list in `complete` is split at blanks and globbed, so an env
# name holding a space would come out in pieces; a shell variable's list
# keeps each name whole. It is filled from `venvhook list` before a prompt,
# and only when $cwd or the mtime of the WORKON_HOME directory (where a new
# env appears as a new entry) changed since the last time: builtins decide,
# no process runs at an ordinary prompt.
set __venvhook_envs = ( ) ;
set __venvhook_envs_key = ( ) ;
# ($WORKON_HOME is read in an alias of its own: an if's command in an alias
# is expanded even when the variable is unset and the test false.)
alias __venvhook_envs_workon 'set __venvhook_envs_dir = $WORKON_HOME:q' ;
alias __venvhook_envs_refresh 'set __venvhook_envs_dir = ~/.virtualenvs ; if ( $?WORKON_HOME ) eval __venvhook_envs_workon ; if ( $__venvhook_envs_dir:q == "" ) set __venvhook_envs_dir = ~/.virtualenvs ; @ __venvhook_envs_mtime = -M $__venvhook_envs_dir:q ; if ( "$__venvhook_envs_key:q" != "$__venvhook_envs_mtime $cwd:q" ) set __venvhook_envs = ( "`$__venvhook_exe:q list`" ) ; set __venvhook_envs_key = ( "$__venvhook_envs_mtime $cwd:q" )' ;

# Chained after the user's own precmd, once however often this is loaded.
if ( "`alias precmd`" == "" ) alias precmd __venvhook_envs_refresh ;
if ( "`alias precmd`" !~ *__venvhook_envs_refresh* ) alias precmd "`alias precmd` ; __venvhook_envs_refresh" ;

# Paths (a word with a '/') complete as directories, env names from the
# list above. The shell names are init's; `export` is the hook's own.
complete venvhook 'p/1/(init list activate deactivate --help --version)/' 'n/init/(bash zsh fish tcsh csh)/' 'n/list/(--paths)/' 'C@*/@d@@' 'n/activate/$__venvhook_envs/' 'n/*/n/' ;
