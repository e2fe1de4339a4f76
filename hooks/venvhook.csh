# venvhook's csh hook (BSD csh, which has no cwdcmd). `venvhook init csh`
# prints this after a line that sets __venvhook_exe, without these comment
# lines: the rc line `eval "`venvhook init csh`"` joins all lines into one,
# so every statement ends in ';' and no comment can stay.

# Costs no process unless $cwd changed since the last time it resolved an env.
if ( ! $?__venvhook_key ) set __venvhook_key = - ;
alias __venvhook_hook 'if ( ! $?__venvhook_pwd ) set __venvhook_pwd ; if ( $__venvhook_pwd:q != $cwd:q ) eval "`$__venvhook_exe:q export csh $__venvhook_key:q`" ; set __venvhook_pwd = $cwd:q ; __venvhook_sync' ;

# `venvhook activate`, `deactivate`, `allow` and `deny` change this shell's
# environment, so the binary prints code for them (ending in
# __venvhook_sync) and this evals it; for anything else it prints the
# command line that runs it. A failed command prints nothing, and eval of
# nothing keeps the binary's $status.
alias venvhook 'eval "`$__venvhook_exe:q call csh \!*:q`"' ;

# `deactivate`, for the habit the activate scripts taught, exists while an
# env venvhook activated is active, as theirs does while theirs is. It is
# defined again on each activation because activate.csh's own deactivate
# removes the alias when it is done. One-line ifs only (an alias is one
# line), and an env variable that may be unset is read through eval: csh
# substitutes the whole line before the if decides.
alias __venvhook_sync 'set __venvhook_ve = ; if ( $?VIRTUAL_ENV ) eval set __venvhook_ve = \$VIRTUAL_ENV:q ; set __venvhook_me = ; if ( $?__VENVHOOK_ENV ) eval set __venvhook_me = \$__VENVHOOK_ENV:q ; set __venvhook_ours = 0 ; if ( $__venvhook_me:q != "" && $__venvhook_me:q == $__venvhook_ve:q ) set __venvhook_ours = 1 ; if ( $__venvhook_ours ) alias deactivate venvhook deactivate ; if ( $__venvhook_ours ) set __venvhook_owns_deactivate ; if ( $__venvhook_ve:q == "" && $?__venvhook_owns_deactivate ) unalias deactivate ; if ( $__venvhook_ve:q == "" && $?__venvhook_owns_deactivate ) unset __venvhook_owns_deactivate' ;

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

# `venvhook doctor` through the alias comes here (the binary prints this
# alias's name): it passes what only this shell can see.
alias __venvhook_doctor '$__venvhook_exe:q call csh doctor "loads=$__venvhook_loads" "hooks=`alias cd`"' ;
if ( ! $?__venvhook_loads ) set __venvhook_loads = 0 ;
@ __venvhook_loads++ ;

# The rc line's eval parses all of this as one line, before the alias above
# exists; eval looks it up when it runs.
eval __venvhook_hook ;
