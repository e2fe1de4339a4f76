# venvhook's tcsh hook. `venvhook init tcsh` prints this after a line that
# sets __venvhook_exe to the absolute path of the venvhook binary, without
# these comment lines: the rc line `eval "`venvhook init tcsh`"` joins all
# lines into one, so every statement ends in ';' and no comment can stay.

# Runs on each directory change (cwdcmd) and once now, for a shell that
# starts inside a project. Costs no process unless $cwd changed since the
# last time it resolved an env; cwdcmd does not touch cd's $status.
alias __venvhook_hook 'if ( ! $?__venvhook_pwd ) set __venvhook_pwd ; if ( $__venvhook_pwd:q != $cwd:q ) eval "`$__venvhook_exe:q export tcsh`" ; set __venvhook_pwd = $cwd:q' ;

# Chained after the user's own cwdcmd, once however often this is loaded.
if ( "`alias cwdcmd`" == "" ) alias cwdcmd __venvhook_hook ;
if ( "`alias cwdcmd`" !~ *__venvhook_hook* ) alias cwdcmd "`alias cwdcmd` ; __venvhook_hook" ;

# The rc line's eval parses all of this as one line, before the alias above
# exists; eval looks it up when it runs.
eval __venvhook_hook ;
