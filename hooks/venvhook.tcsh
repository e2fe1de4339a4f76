# venvhook's tcsh hook. `venvhook init tcsh` prints this after a line that
# sets __venvhook_exe to the absolute path of the venvhook binary, without
# these comment lines: the rc line `eval "`venvhook init tcsh`"` joins all
# lines into one, so every statement ends in ';' and no comment can stay.

# Runs on each directory change (cwdcmd) and once now, for a shell that
# starts inside a project. Costs no process unless $cwd changed since the
# last time it resolved an env; cwdcmd does not touch cd's $status. It also
# keeps the env names for the completion (completions/venvhook.tcsh):
# export prints a new list when the key of the one held here is stale.
if ( ! $?__venvhook_envs ) set __venvhook_envs = ( ) ;
if ( ! $?__venvhook_key ) set __venvhook_key = - ;
alias __venvhook_hook 'if ( ! $?__venvhook_pwd ) set __venvhook_pwd ; if ( $__venvhook_pwd:q != $cwd:q ) eval "`$__venvhook_exe:q export tcsh $__venvhook_key:q`" ; set __venvhook_pwd = $cwd:q ; __venvhook_sync' ;

# `venvhook activate`, `deactivate`, `allow` and `deny` change this shell's
# environment, so the binary prints code for them (ending in
# __venvhook_sync) and this evals it; for anything else it prints the
# command line that runs it. A failed command prints nothing, and eval of
# nothing keeps the binary's $status.
alias venvhook 'eval "`$__venvhook_exe:q call tcsh \!*:q`"' ;

# `deactivate`, for the habit the activate scripts taught, exists while an
# env venvhook activated is active, as theirs does while theirs is. It is
# defined again on each activation because activate.csh's own deactivate
# removes the alias when it is done. One-line ifs only (an alias is one
# line), and an env variable that may be unset is read through eval: csh
# substitutes the whole line before the if decides.
alias __venvhook_sync 'set __venvhook_ve = ; if ( $?VIRTUAL_ENV ) eval set __venvhook_ve = \$VIRTUAL_ENV:q ; set __venvhook_me = ; if ( $?__VENVHOOK_ENV ) eval set __venvhook_me = \$__VENVHOOK_ENV:q ; set __venvhook_ours = 0 ; if ( $__venvhook_me:q != "" && $__venvhook_me:q == $__venvhook_ve:q ) set __venvhook_ours = 1 ; if ( $__venvhook_ours ) alias deactivate venvhook deactivate ; if ( $__venvhook_ours ) set __venvhook_owns_deactivate ; if ( $__venvhook_ve:q == "" && $?__venvhook_owns_deactivate ) unalias deactivate ; if ( $__venvhook_ve:q == "" && $?__venvhook_owns_deactivate ) unset __venvhook_owns_deactivate' ;

# Chained after the user's own cwdcmd, once however often this is loaded.
if ( "`alias cwdcmd`" == "" ) alias cwdcmd __venvhook_hook ;
if ( "`alias cwdcmd`" !~ *__venvhook_hook* ) alias cwdcmd "`alias cwdcmd` ; __venvhook_hook" ;

# `venvhook doctor` through the alias comes here (the binary prints this
# alias's name): it passes what only this shell can see.
alias __venvhook_doctor '$__venvhook_exe:q call tcsh doctor "loads=$__venvhook_loads" "hooks=`alias cwdcmd`"' ;
if ( ! $?__venvhook_loads ) set __venvhook_loads = 0 ;
@ __venvhook_loads++ ;

# The rc line's eval parses all of this as one line, before the alias above
# exists; eval looks it up when it runs.
eval __venvhook_hook ;
