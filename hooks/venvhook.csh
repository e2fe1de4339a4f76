# venvhook's csh hook (BSD csh, which has no cwdcmd). `venvhook init csh`
# prints this after a line that sets __venvhook_exe, without these comment
# lines: the rc line `eval "`venvhook init csh`"` joins all lines into one,
# so every statement ends in ';' and no comment can stay.

# What it keeps between directory changes (venvhook's own, none exported):
#   __venvhook_pwd    the directory the last export resolved
#   __venvhook_veset  $?VIRTUAL_ENV and __venvhook_np $#path as the last
#                     export left them (see __venvhook_sync)
#   __venvhook_watch  env paths (DIR/NAME/pyvenv.cfg) that export asked it to
#                     look for, because they were absent (see core/trust/watch.h)
#   __venvhook_w      the first 8 of them that are still absent
#   __venvhook_key    the word export handed back with them
# Each load sets them afresh: a key, a watch list or a directory inherited
# from elsewhere (the environment) proves nothing.
set __venvhook_key = - ;
set __venvhook_pwd = /dev/null/x ;
set __venvhook_veset = 0 ;
set __venvhook_np = 0 ;
set __venvhook_watch = ( ) ;
set __venvhook_w = ( ) ;
# csh has no hook before each prompt, and hands export no command lines: an
# env made here needs venvhook allow (core/trust/madeby.h). None inherited
# counts either.
unsetenv __venvhook_cmdlines __venvhook_cmdfrom ;

# Runs `venvhook export` and applies it. A watched path seen now is looked
# for no more: it starts one export, not one at every prompt. (The list is
# padded with '/', which exists, so that every subscript exists.)
alias __venvhook_export 'if ( $?__venvhook_unhooked || ! -x $__venvhook_exe:q ) eval __venvhook_gone ; if ( ! $?__venvhook_unhooked ) eval "`$__venvhook_exe:q export csh $__venvhook_key:q`" ; set __venvhook_pwd = $cwd:q ; set __venvhook_p = ( $__venvhook_watch:q / / / / / / / / ) ; set __venvhook_w = ( ) ; if ( ! -e $__venvhook_p[1]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[1]:q ) ; if ( ! -e $__venvhook_p[2]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[2]:q ) ; if ( ! -e $__venvhook_p[3]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[3]:q ) ; if ( ! -e $__venvhook_p[4]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[4]:q ) ; if ( ! -e $__venvhook_p[5]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[5]:q ) ; if ( ! -e $__venvhook_p[6]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[6]:q ) ; if ( ! -e $__venvhook_p[7]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[7]:q ) ; if ( ! -e $__venvhook_p[8]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[8]:q ) ; if ( $#__venvhook_w == 0 ) alias __venvhook_hook __venvhook_h0 ; if ( $#__venvhook_w == 1 ) alias __venvhook_hook __venvhook_h1 ; if ( $#__venvhook_w == 2 ) alias __venvhook_hook __venvhook_h2 ; if ( $#__venvhook_w == 3 ) alias __venvhook_hook __venvhook_h3 ; if ( $#__venvhook_w == 4 ) alias __venvhook_hook __venvhook_h4 ; if ( $#__venvhook_w == 5 ) alias __venvhook_hook __venvhook_h5 ; if ( $#__venvhook_w == 6 ) alias __venvhook_hook __venvhook_h6 ; if ( $#__venvhook_w == 7 ) alias __venvhook_hook __venvhook_h7 ; if ( $#__venvhook_w == 8 ) alias __venvhook_hook __venvhook_h8 ; __venvhook_sync' ;

# What cd, pushd and popd check, with builtins only: the directory changed,
# an env appeared at a watched path, or something outside venvhook changed
# the env (VIRTUAL_ENV came or went, or PATH grew or shrank: an activate
# script, its deactivate; csh has no hook before each prompt, so that waits
# for the next cd). No process unless one of them holds. No operand may be
# an empty word, and no file test may follow a comparison (csh misparses
# the expression then): the paths start with '/', and the tests come first.
# __venvhook_hook is an alias of __venvhook_hN, the one that tests the N
# paths left (each export picks it): an alias is one line, it cannot loop,
# and every subscript it names must exist.
alias __venvhook_h0 'if ( $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_export' ;
alias __venvhook_h1 'if ( -e $__venvhook_w[1]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_export' ;
alias __venvhook_h2 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_export' ;
alias __venvhook_h3 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_export' ;
alias __venvhook_h4 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || -e $__venvhook_w[4]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_export' ;
alias __venvhook_h5 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || -e $__venvhook_w[4]:q || -e $__venvhook_w[5]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_export' ;
alias __venvhook_h6 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || -e $__venvhook_w[4]:q || -e $__venvhook_w[5]:q || -e $__venvhook_w[6]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_export' ;
alias __venvhook_h7 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || -e $__venvhook_w[4]:q || -e $__venvhook_w[5]:q || -e $__venvhook_w[6]:q || -e $__venvhook_w[7]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_export' ;
alias __venvhook_h8 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || -e $__venvhook_w[4]:q || -e $__venvhook_w[5]:q || -e $__venvhook_w[6]:q || -e $__venvhook_w[7]:q || -e $__venvhook_w[8]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_export' ;
alias __venvhook_hook __venvhook_h0 ;

# `venvhook activate`, `deactivate`, `allow` and `deny` change this shell's
# environment, so the binary prints code for them (ending in
# __venvhook_sync) and this evals it; for anything else it prints the
# command line that runs it. A failed command prints nothing, and eval of
# nothing keeps the binary's $status.
alias venvhook 'if ( $?__venvhook_unhooked || ! -x $__venvhook_exe:q ) eval __venvhook_gone ; if ( ! $?__venvhook_unhooked ) eval "`$__venvhook_exe:q call csh \!*:q`"' ;

# `deactivate` and `pydoc`, for the habits the activate scripts taught,
# exist while an env venvhook activated is active, as theirs do while
# theirs is (a pydoc alias of your own is replaced then: csh cannot read an
# alias without starting a process). They are defined again on each
# activation because activate.csh's own deactivate removes its aliases
# when it is done. While someone else's env is on (__VENVHOOK_ASIDE), its
# own deactivate is left in place. An env venvhook adopted from an activate
# script (at shell start) is venvhook's: the script's saved prompt comes
# back, as venvhook's activation would have left it. One-line ifs only (an
# alias is one line).
alias __venvhook_sync 'set __venvhook_veset = $?VIRTUAL_ENV ; set __venvhook_np = $#path ; set __venvhook_ve = ; if ( $?VIRTUAL_ENV ) eval set __venvhook_ve = \$VIRTUAL_ENV:q ; set __venvhook_me = ; if ( $?__VENVHOOK_ENV ) eval set __venvhook_me = \$__VENVHOOK_ENV:q ; set __venvhook_ours = 0 ; if ( $__venvhook_me:q != "" && $__venvhook_me:q == $__venvhook_ve:q ) set __venvhook_ours = 1 ; if ( $?__VENVHOOK_ASIDE ) set __venvhook_ours = 0 ; if ( $__venvhook_ours && $?_OLD_VIRTUAL_PROMPT && ! $?__venvhook_owns_deactivate ) eval set prompt = \$_OLD_VIRTUAL_PROMPT:q ; if ( $__venvhook_ours && $?_OLD_VIRTUAL_PROMPT && ! $?__venvhook_owns_deactivate ) unset _OLD_VIRTUAL_PROMPT _OLD_VIRTUAL_PATH ; if ( $__venvhook_ours ) alias deactivate venvhook deactivate ; if ( $__venvhook_ours ) alias pydoc python -m pydoc ; if ( $__venvhook_ours ) set __venvhook_owns_deactivate ; if ( $__venvhook_ve:q == "" && $?__venvhook_owns_deactivate ) unalias deactivate pydoc ; if ( $__venvhook_ve:q == "" && $?__venvhook_owns_deactivate ) unset __venvhook_owns_deactivate' ;
# The binary is gone (uninstalled, or upgraded to another path) or can no
# longer run (the export and venvhook aliases check, with -x): with
# builtins, take the env it activated off PATH (when it is PATH's first
# entry, where venvhook put it: csh has no way to take out another) and
# put the variables back as deactivating would, say so in one line (sh
# writes it to stderr: csh cannot), and unhook this shell: the aliases stay
# and do nothing more, so that no later prompt or cd tries to run it. Once.
set __venvhook_say = 'printf "%s\n" "$1" >&2' ;
alias __venvhook_gone 'if ( ! $?__venvhook_unhooked ) eval __venvhook_gone1 ; set __venvhook_unhooked' ;
alias __venvhook_gone1 'set __venvhook_me = ; if ( $?__VENVHOOK_ENV ) eval set __venvhook_me = \$__VENVHOOK_ENV:q ; set __venvhook_ve = ; if ( $?VIRTUAL_ENV ) eval set __venvhook_ve = \$VIRTUAL_ENV:q ; set __venvhook_p = ( $path:q "" ) ; set __venvhook_what = "unhooked this shell" ; if ( $__venvhook_me:q != "" && $__venvhook_p[1]:q == $__venvhook_me:q/bin ) eval __venvhook_gone2 ; if ( $__venvhook_me:q != "" && $__venvhook_ve:q == $__venvhook_me:q && $__venvhook_p[1]:q != $__venvhook_me:q/bin ) set __venvhook_what = "unhooked this shell; its env stays on PATH, where csh cannot take it off: open a new shell" ; if ( $?__VENVHOOK_PYTHONHOME && $__venvhook_what:q != "unhooked this shell; its env stays on PATH, where csh cannot take it off: open a new shell" ) eval setenv PYTHONHOME \$__VENVHOOK_PYTHONHOME:q ; unsetenv __VENVHOOK_ENV ; unsetenv __VENVHOOK_PYTHONHOME ; unsetenv __VENVHOOK_PIN ; unsetenv __VENVHOOK_PAUSE ; __venvhook_sync ; /bin/sh -c $__venvhook_say:q sh "venvhook: $__venvhook_exe:q is gone: $__venvhook_what:q"' ;
alias __venvhook_gone2 'shift path ; set path = ( $path:q ) ; rehash ; if ( $__venvhook_ve:q == $__venvhook_me:q ) unsetenv VIRTUAL_ENV ; if ( $__venvhook_ve:q == $__venvhook_me:q ) unsetenv VIRTUAL_ENV_PROMPT ; if ( $__venvhook_ve:q == $__venvhook_me:q ) set __venvhook_what = "deactivated its env and unhooked this shell"' ;

# csh has no directory-change hook: cd, pushd and popd run it after
# a successful change. A user's own alias for one of them is kept, with the
# hook after it; loading this twice adds nothing. `eval` makes the hook's
# statements one command, so the && guards all of them. Only in an
# interactive shell ($prompt is set): a csh script that reads ~/.cshrc
# starts no venvhook process and prints nothing.
if ( $?prompt && "`alias cd`" == "" ) alias cd 'chdir \!* && eval __venvhook_hook' ;
if ( $?prompt && "`alias cd`" !~ *__venvhook_hook* ) alias cd "`alias cd` && eval __venvhook_hook" ;
if ( $?prompt && "`alias pushd`" == "" ) alias pushd 'pushd \!* && eval __venvhook_hook' ;
if ( $?prompt && "`alias pushd`" !~ *__venvhook_hook* ) alias pushd "`alias pushd` && eval __venvhook_hook" ;
if ( $?prompt && "`alias popd`" == "" ) alias popd 'popd \!* && eval __venvhook_hook' ;
if ( $?prompt && "`alias popd`" !~ *__venvhook_hook* ) alias popd "`alias popd` && eval __venvhook_hook" ;

# `venvhook doctor` through the alias comes here (the binary prints this
# alias's name): it passes what only this shell can see.
alias __venvhook_doctor '$__venvhook_exe:q call csh doctor "loads=$__venvhook_loads" "hooks=`alias cd`"' ;
if ( ! $?__venvhook_loads ) set __venvhook_loads = 0 ;
@ __venvhook_loads++ ;

# The rc line's eval parses all of this as one line, before the alias above
# exists; eval looks it up when it runs.
# While the shell starts, an env someone else put on may be adopted
# (export's rule: core/output/plan.h).
if ( $?prompt ) setenv __venvhook_start 1 ;
if ( $?prompt ) eval __venvhook_hook ;
unsetenv __venvhook_start ;
