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
#   __venvhook_r*     the region where export's answer holds (rtop, rnames,
#                     rgone, rkeep, rref: see core/decide/region.h), and
#                     __venvhook_w{root,fix,rel} what to watch in it;
#                     __venvhook_n, _g, _k: rnames, rgone, rkeep padded
#   __venvhook_went   the directory a cd went into by the region, with no
#                     export: the next export is told (it watched there)
if ( ! $?__venvhook_key ) set __venvhook_key = - ;
if ( ! $?__venvhook_pwd ) set __venvhook_pwd = /dev/null/x ;
if ( ! $?__venvhook_veset ) set __venvhook_veset = 0 ;
if ( ! $?__venvhook_np ) set __venvhook_np = 0 ;
if ( ! $?__venvhook_watch ) set __venvhook_watch = ( ) ;
if ( ! $?__venvhook_w ) set __venvhook_w = ( ) ;
if ( ! $?__venvhook_rtop ) set __venvhook_rtop = "" ;
if ( ! $?__venvhook_rref ) set __venvhook_rref = "" ;
if ( ! $?__venvhook_wroot ) set __venvhook_wroot = "" ;
if ( ! $?__venvhook_went ) set __venvhook_went = "" ;
if ( ! $?__venvhook_rnames ) set __venvhook_rnames = ( ) ;
if ( ! $?__venvhook_rgone ) set __venvhook_rgone = ( ) ;
if ( ! $?__venvhook_rkeep ) set __venvhook_rkeep = ( ) ;
if ( ! $?__venvhook_wfix ) set __venvhook_wfix = ( ) ;
if ( ! $?__venvhook_wrel ) set __venvhook_wrel = ( ) ;
if ( ! $?__venvhook_n ) set __venvhook_n = ( ) ;
if ( ! $?__venvhook_g ) set __venvhook_g = ( ) ;
if ( ! $?__venvhook_k ) set __venvhook_k = ( ) ;
set __venvhook_slash = / ;

# Runs `venvhook export` and applies it, telling it where the region took
# the shell (in the environment, for that process alone). A watched path
# seen now is looked for no more: it starts one export, not one at every
# prompt.
alias __venvhook_export 'setenv __venvhook_went $__venvhook_went:q ; eval "`$__venvhook_exe:q export csh $__venvhook_key:q`" ; unsetenv __venvhook_went ; set __venvhook_went = "" ; set __venvhook_pwd = $cwd:q ; __venvhook_pad ; __venvhook_pick ; __venvhook_sync' ;

# The watched paths still absent, the first 8 of them: the list is padded
# with '/', which exists, so that every subscript exists; the hook is the
# __venvhook_hN that tests that many.
alias __venvhook_pick 'set __venvhook_p = ( $__venvhook_watch:q / / / / / / / / ) ; set __venvhook_w = ( ) ; if ( ! -e $__venvhook_p[1]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[1]:q ) ; if ( ! -e $__venvhook_p[2]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[2]:q ) ; if ( ! -e $__venvhook_p[3]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[3]:q ) ; if ( ! -e $__venvhook_p[4]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[4]:q ) ; if ( ! -e $__venvhook_p[5]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[5]:q ) ; if ( ! -e $__venvhook_p[6]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[6]:q ) ; if ( ! -e $__venvhook_p[7]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[7]:q ) ; if ( ! -e $__venvhook_p[8]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[8]:q ) ; if ( $#__venvhook_w == 0 ) alias __venvhook_hook __venvhook_h0 ; if ( $#__venvhook_w == 1 ) alias __venvhook_hook __venvhook_h1 ; if ( $#__venvhook_w == 2 ) alias __venvhook_hook __venvhook_h2 ; if ( $#__venvhook_w == 3 ) alias __venvhook_hook __venvhook_h3 ; if ( $#__venvhook_w == 4 ) alias __venvhook_hook __venvhook_h4 ; if ( $#__venvhook_w == 5 ) alias __venvhook_hook __venvhook_h5 ; if ( $#__venvhook_w == 6 ) alias __venvhook_hook __venvhook_h6 ; if ( $#__venvhook_w == 7 ) alias __venvhook_hook __venvhook_h7 ; if ( $#__venvhook_w == 8 ) alias __venvhook_hook __venvhook_h8' ;

# The region's lists padded to the sizes the tests below take: the names
# repeated, rgone with a path that cannot exist, rkeep with rref; no root
# of the watch is one that cannot exist (an operand cannot be empty).
alias __venvhook_pad 'if ( $__venvhook_wroot:q == "" ) set __venvhook_wroot = /dev/null/x ; set __venvhook_n = ( $__venvhook_rnames:q $__venvhook_rnames:q $__venvhook_rnames:q $__venvhook_rnames:q ) ; set __venvhook_g = ( $__venvhook_rgone:q /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x ) ; set __venvhook_k = ( $__venvhook_rkeep:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q )' ;

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
alias __venvhook_h0 'if ( $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_changed' ;
alias __venvhook_h1 'if ( -e $__venvhook_w[1]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_changed' ;
alias __venvhook_h2 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_changed' ;
alias __venvhook_h3 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_changed' ;
alias __venvhook_h4 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || -e $__venvhook_w[4]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_changed' ;
alias __venvhook_h5 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || -e $__venvhook_w[4]:q || -e $__venvhook_w[5]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_changed' ;
alias __venvhook_h6 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || -e $__venvhook_w[4]:q || -e $__venvhook_w[5]:q || -e $__venvhook_w[6]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_changed' ;
alias __venvhook_h7 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || -e $__venvhook_w[4]:q || -e $__venvhook_w[5]:q || -e $__venvhook_w[6]:q || -e $__venvhook_w[7]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_changed' ;
alias __venvhook_h8 'if ( -e $__venvhook_w[1]:q || -e $__venvhook_w[2]:q || -e $__venvhook_w[3]:q || -e $__venvhook_w[4]:q || -e $__venvhook_w[5]:q || -e $__venvhook_w[6]:q || -e $__venvhook_w[7]:q || -e $__venvhook_w[8]:q || $cwd:q != $__venvhook_pwd:q || $?VIRTUAL_ENV != $__venvhook_veset || $#path != $__venvhook_np ) eval __venvhook_changed' ;
if ( ! $?__venvhook_loads ) alias __venvhook_hook __venvhook_h0 ;

# The region (core/decide/region.h), as the other shells' hooks test it,
# unrolled: an alias is one line and cannot loop. __venvhook_st says how
# far it got: 1 walking up from $cwd, 3 at the top, 0 not in the region.
# A directory more than 12 below the top, more than 16 names, 32
# paths to be absent or 8 to stay as they are: export decides.
alias __venvhook_try 'set __venvhook_st = 0 ; set __venvhook_d = $cwd:q ; if ( -o $cwd:q && $#__venvhook_rnames >= 4 && $#__venvhook_rnames <= 16 && $#__venvhook_rgone <= 32 && $#__venvhook_rkeep <= 8 && $__venvhook_rtop:q != "" ) set __venvhook_st = 1 ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; if ( $__venvhook_st == 3 ) eval __venvhook_deps' ;
# One directory of the walk up: the top, or one that is no symlink,
# readable, and holds none of the names.
alias __venvhook_lv 'if ( $__venvhook_st == 1 ) if ( $__venvhook_d:q == $__venvhook_rtop:q ) set __venvhook_st = 3 ; if ( $__venvhook_st == 1 ) eval __venvhook_lvt' ;
alias __venvhook_lvt 'set __venvhook_t = ( $__venvhook_d:q/$__venvhook_n[1]:q $__venvhook_d:q/$__venvhook_n[2]:q $__venvhook_d:q/$__venvhook_n[3]:q $__venvhook_d:q/$__venvhook_n[4]:q $__venvhook_d:q/$__venvhook_n[5]:q $__venvhook_d:q/$__venvhook_n[6]:q $__venvhook_d:q/$__venvhook_n[7]:q $__venvhook_d:q/$__venvhook_n[8]:q $__venvhook_d:q/$__venvhook_n[9]:q $__venvhook_d:q/$__venvhook_n[10]:q $__venvhook_d:q/$__venvhook_n[11]:q $__venvhook_d:q/$__venvhook_n[12]:q $__venvhook_d:q/$__venvhook_n[13]:q $__venvhook_d:q/$__venvhook_n[14]:q $__venvhook_d:q/$__venvhook_n[15]:q $__venvhook_d:q/$__venvhook_n[16]:q ) ; set __venvhook_st = 0 ; if ( ! -l $__venvhook_d:q && -r $__venvhook_d:q && -x $__venvhook_d:q && ! -e $__venvhook_t[1]:q && ! -l $__venvhook_t[1]:q && ! -e $__venvhook_t[2]:q && ! -l $__venvhook_t[2]:q && ! -e $__venvhook_t[3]:q && ! -l $__venvhook_t[3]:q && ! -e $__venvhook_t[4]:q && ! -l $__venvhook_t[4]:q && ! -e $__venvhook_t[5]:q && ! -l $__venvhook_t[5]:q && ! -e $__venvhook_t[6]:q && ! -l $__venvhook_t[6]:q && ! -e $__venvhook_t[7]:q && ! -l $__venvhook_t[7]:q && ! -e $__venvhook_t[8]:q && ! -l $__venvhook_t[8]:q && ! -e $__venvhook_t[9]:q && ! -l $__venvhook_t[9]:q && ! -e $__venvhook_t[10]:q && ! -l $__venvhook_t[10]:q && ! -e $__venvhook_t[11]:q && ! -l $__venvhook_t[11]:q && ! -e $__venvhook_t[12]:q && ! -l $__venvhook_t[12]:q && ! -e $__venvhook_t[13]:q && ! -l $__venvhook_t[13]:q && ! -e $__venvhook_t[14]:q && ! -l $__venvhook_t[14]:q && ! -e $__venvhook_t[15]:q && ! -l $__venvhook_t[15]:q && ! -e $__venvhook_t[16]:q && ! -l $__venvhook_t[16]:q && $__venvhook_d:q != $__venvhook_slash:q ) set __venvhook_st = 1 ; if ( $__venvhook_st == 1 ) set __venvhook_d = $__venvhook_d:h:q ; if ( $__venvhook_d:q == "" ) set __venvhook_d = /' ;
# What must be absent.
alias __venvhook_deps 'if ( -e $__venvhook_g[1]:q || -l $__venvhook_g[1]:q || -e $__venvhook_g[2]:q || -l $__venvhook_g[2]:q || -e $__venvhook_g[3]:q || -l $__venvhook_g[3]:q || -e $__venvhook_g[4]:q || -l $__venvhook_g[4]:q || -e $__venvhook_g[5]:q || -l $__venvhook_g[5]:q || -e $__venvhook_g[6]:q || -l $__venvhook_g[6]:q || -e $__venvhook_g[7]:q || -l $__venvhook_g[7]:q || -e $__venvhook_g[8]:q || -l $__venvhook_g[8]:q || -e $__venvhook_g[9]:q || -l $__venvhook_g[9]:q || -e $__venvhook_g[10]:q || -l $__venvhook_g[10]:q || -e $__venvhook_g[11]:q || -l $__venvhook_g[11]:q || -e $__venvhook_g[12]:q || -l $__venvhook_g[12]:q || -e $__venvhook_g[13]:q || -l $__venvhook_g[13]:q || -e $__venvhook_g[14]:q || -l $__venvhook_g[14]:q || -e $__venvhook_g[15]:q || -l $__venvhook_g[15]:q || -e $__venvhook_g[16]:q || -l $__venvhook_g[16]:q || -e $__venvhook_g[17]:q || -l $__venvhook_g[17]:q || -e $__venvhook_g[18]:q || -l $__venvhook_g[18]:q || -e $__venvhook_g[19]:q || -l $__venvhook_g[19]:q || -e $__venvhook_g[20]:q || -l $__venvhook_g[20]:q || -e $__venvhook_g[21]:q || -l $__venvhook_g[21]:q || -e $__venvhook_g[22]:q || -l $__venvhook_g[22]:q || -e $__venvhook_g[23]:q || -l $__venvhook_g[23]:q || -e $__venvhook_g[24]:q || -l $__venvhook_g[24]:q || -e $__venvhook_g[25]:q || -l $__venvhook_g[25]:q || -e $__venvhook_g[26]:q || -l $__venvhook_g[26]:q || -e $__venvhook_g[27]:q || -l $__venvhook_g[27]:q || -e $__venvhook_g[28]:q || -l $__venvhook_g[28]:q || -e $__venvhook_g[29]:q || -l $__venvhook_g[29]:q || -e $__venvhook_g[30]:q || -l $__venvhook_g[30]:q || -e $__venvhook_g[31]:q || -l $__venvhook_g[31]:q || -e $__venvhook_g[32]:q || -l $__venvhook_g[32]:q ) set __venvhook_st = 0 ; if ( $#__venvhook_rkeep && $__venvhook_st == 3 ) eval __venvhook_keep' ;
# What must stay as it was: csh cannot compare two files' times, so a
# region with any (an env's, the config's) is left to export.
alias __venvhook_keep 'set __venvhook_st = 0' ;

# A cd into the region: what export would have left, without it. The
# watch moves with the shell: the root's paths, and the env paths here
# (core/trust/watch.h, vh_watch_move); then the hook runs again, for them.
alias __venvhook_moveto 'set __venvhook_pwd = $cwd:q ; set __venvhook_went = $cwd:q ; set __venvhook_watch = ( $__venvhook_wfix:q ) ; if ( $cwd:q != $__venvhook_wroot:q && $#__venvhook_wrel ) eval __venvhook_here ; __venvhook_pick ; eval __venvhook_hook' ;
alias __venvhook_here 'set __venvhook_p = ( $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q ) ; if ( ! -e $cwd:q/$__venvhook_p[1]:q ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[1]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[2]:q ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[2]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[3]:q ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[3]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[4]:q ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[4]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[5]:q ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[5]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[6]:q ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[6]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[7]:q ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[7]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[8]:q ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[8]:q )' ;

# Something changed: the directory alone, within the region (no process),
# or else export.
alias __venvhook_changed 'set __venvhook_st = 0 ; if ( $cwd:q != $__venvhook_pwd:q && $?VIRTUAL_ENV == $__venvhook_veset && $#path == $__venvhook_np ) eval __venvhook_try ; if ( $__venvhook_st != 3 ) eval __venvhook_export ; if ( $__venvhook_st == 3 ) eval __venvhook_moveto' ;

# `venvhook activate`, `deactivate`, `allow` and `deny` change this shell's
# environment, so the binary prints code for them (ending in
# __venvhook_sync) and this evals it; for anything else it prints the
# command line that runs it. A failed command prints nothing, and eval of
# nothing keeps the binary's $status. (What the region rested on may have
# changed: the next cd asks export.)
alias venvhook 'set __venvhook_rtop = "" ; eval "`$__venvhook_exe:q call csh \!*:q`"' ;

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
