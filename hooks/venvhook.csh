# venvhook's csh hook (BSD csh, which has no cwdcmd). `venvhook init csh`
# prints this after a line that sets __venvhook_exe, without these comment
# lines: the rc line `eval "`venvhook init csh`"` joins all lines into one,
# so every statement ends in ';' and no comment can stay.

# Costs no process unless $cwd changed since the last time it resolved an env.
alias __venvhook_hook 'if ( ! $?__venvhook_pwd ) set __venvhook_pwd ; if ( $__venvhook_pwd:q != $cwd:q ) eval "`$__venvhook_exe:q export csh`" ; set __venvhook_pwd = $cwd:q' ;

# csh has no directory-change hook: cd, pushd and popd run it after
# a successful change. A user's own alias for one of them is kept, with the
# hook after it; loading this twice adds nothing. `eval` makes the hook's
# three statements one command, so the && guards all of them.
if ( "`alias cd`" == "" ) alias cd 'chdir \!* && eval __venvhook_hook' ;
if ( "`alias cd`" !~ *__venvhook_hook* ) alias cd "`alias cd` && eval __venvhook_hook" ;
if ( "`alias pushd`" == "" ) alias pushd 'pushd \!* && eval __venvhook_hook' ;
if ( "`alias pushd`" !~ *__venvhook_hook* ) alias pushd "`alias pushd` && eval __venvhook_hook" ;
if ( "`alias popd`" == "" ) alias popd 'popd \!* && eval __venvhook_hook' ;
if ( "`alias popd`" !~ *__venvhook_hook* ) alias popd "`alias popd` && eval __venvhook_hook" ;

# The rc line's eval parses all of this as one line, before the alias above
# exists; eval looks it up when it runs.
eval __venvhook_hook ;
