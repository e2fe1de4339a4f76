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
#                     rgone, rkeep, rref, renv: see core/decide/region.h), and
#                     __venvhook_w{root,fix,rel} what to watch in it;
#                     __venvhook_n, _g, _k: rnames, rgone, rkeep padded
#   __venvhook_went   the directory a cd went into by the region, with no
#                     export: the next export is told (it watched there)
# Each load sets them afresh: a key, a watch list or a directory inherited
# from elsewhere (the environment) proves nothing, and a region inherited
# would skip export.
set __venvhook_key = - ;
set __venvhook_pwd = /dev/null/x ;
set __venvhook_veset = 0 ;
set __venvhook_np = 0 ;
set __venvhook_watch = ( ) ;
set __venvhook_w = ( ) ;
set __venvhook_rtop = "" ;
set __venvhook_rref = "" ;
set __venvhook_wroot = "" ;
set __venvhook_went = "" ;
set __venvhook_rnames = ( ) ;
set __venvhook_rgone = ( ) ;
set __venvhook_rkeep = ( ) ;
set __venvhook_renv = ( ) ;
set __venvhook_wfix = ( ) ;
set __venvhook_wrel = ( ) ;
set __venvhook_n = ( ) ;
set __venvhook_g = ( ) ;
set __venvhook_k = ( ) ;
set __venvhook_slash = / ;
# csh has no hook before each prompt, and hands export no command lines: an
# env made here needs venvhook allow (core/trust/madeby.h). None inherited
# counts either.
unsetenv __venvhook_cmdlines __venvhook_cmdfrom __venvhook_went ;

# Runs `venvhook export` and applies it, telling it where the region took
# the shell (in the environment, for that process alone).
alias __venvhook_export 'if ( $?__venvhook_unhooked || ! -x $__venvhook_exe:q ) eval __venvhook_gone ; setenv __venvhook_went $__venvhook_went:q ; if ( ! $?__venvhook_unhooked ) eval "`$__venvhook_exe:q export csh $__venvhook_key:q`" ; unsetenv __venvhook_went ; set __venvhook_went = "" ; set __venvhook_pwd = $cwd:q ; __venvhook_pad ; __venvhook_pick ; __venvhook_sync' ;

# The watched paths still absent, the first 8 of them: a watched path seen
# now is looked for no more (it starts one export, not one at every
# prompt). The list is padded with '/', which exists, so that every
# subscript exists; the hook is the __venvhook_hN that tests that many.
alias __venvhook_pick 'set __venvhook_p = ( $__venvhook_watch:q / / / / / / / / ) ; set __venvhook_w = ( ) ; if ( ! -e $__venvhook_p[1]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[1]:q ) ; if ( ! -e $__venvhook_p[2]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[2]:q ) ; if ( ! -e $__venvhook_p[3]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[3]:q ) ; if ( ! -e $__venvhook_p[4]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[4]:q ) ; if ( ! -e $__venvhook_p[5]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[5]:q ) ; if ( ! -e $__venvhook_p[6]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[6]:q ) ; if ( ! -e $__venvhook_p[7]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[7]:q ) ; if ( ! -e $__venvhook_p[8]:q ) set __venvhook_w = ( $__venvhook_w:q $__venvhook_p[8]:q ) ; if ( $#__venvhook_w == 0 ) alias __venvhook_hook __venvhook_h0 ; if ( $#__venvhook_w == 1 ) alias __venvhook_hook __venvhook_h1 ; if ( $#__venvhook_w == 2 ) alias __venvhook_hook __venvhook_h2 ; if ( $#__venvhook_w == 3 ) alias __venvhook_hook __venvhook_h3 ; if ( $#__venvhook_w == 4 ) alias __venvhook_hook __venvhook_h4 ; if ( $#__venvhook_w == 5 ) alias __venvhook_hook __venvhook_h5 ; if ( $#__venvhook_w == 6 ) alias __venvhook_hook __venvhook_h6 ; if ( $#__venvhook_w == 7 ) alias __venvhook_hook __venvhook_h7 ; if ( $#__venvhook_w == 8 ) alias __venvhook_hook __venvhook_h8' ;

# The region's lists padded to the sizes the tests below take: the names
# repeated, rgone with a path that cannot exist, rkeep with rref; no root
# of the watch is one that cannot exist (an operand cannot be empty).
alias __venvhook_pad 'if ( $__venvhook_wroot:q == "" ) set __venvhook_wroot = /dev/null/x ; set __venvhook_n = ( $__venvhook_rnames:q $__venvhook_rnames:q $__venvhook_rnames:q $__venvhook_rnames:q $__venvhook_rnames:q $__venvhook_rnames:q ) ; set __venvhook_g = ( $__venvhook_rgone:q /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x /dev/null/x ) ; set __venvhook_k = ( $__venvhook_rkeep:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q $__venvhook_rref:q )' ;

# The region (core/decide/region.h), as the other shells' hooks test it,
# unrolled: an alias is one line and cannot loop. __venvhook_st says how
# far it got: 1 walking up from $cwd, 3 at the top, 0 not in the region.
# A directory more than 16 below the top, more than 24 names, 40
# paths to be absent, 8 to stay as they are or 32 variables: export decides.
alias __venvhook_try 'set __venvhook_st = 0 ; set __venvhook_d = $cwd:q ; if ( -o $cwd:q && $#__venvhook_rnames >= 4 && $#__venvhook_rnames <= 24 && $#__venvhook_rgone <= 40 && $#__venvhook_rkeep <= 8 && $__venvhook_rtop:q != "" ) set __venvhook_st = 1 ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; __venvhook_lv ; if ( $__venvhook_st == 3 ) eval __venvhook_deps' ;
# One directory of the walk up: the top, or one that is no symlink,
# readable, and holds none of the names.
alias __venvhook_lv 'if ( $__venvhook_st == 1 ) if ( $__venvhook_d:q == $__venvhook_rtop:q ) set __venvhook_st = 3 ; if ( $__venvhook_st == 1 ) eval __venvhook_lvt' ;
alias __venvhook_lvt 'set __venvhook_t = ( $__venvhook_d:q/$__venvhook_n[1]:q $__venvhook_d:q/$__venvhook_n[2]:q $__venvhook_d:q/$__venvhook_n[3]:q $__venvhook_d:q/$__venvhook_n[4]:q $__venvhook_d:q/$__venvhook_n[5]:q $__venvhook_d:q/$__venvhook_n[6]:q $__venvhook_d:q/$__venvhook_n[7]:q $__venvhook_d:q/$__venvhook_n[8]:q $__venvhook_d:q/$__venvhook_n[9]:q $__venvhook_d:q/$__venvhook_n[10]:q $__venvhook_d:q/$__venvhook_n[11]:q $__venvhook_d:q/$__venvhook_n[12]:q $__venvhook_d:q/$__venvhook_n[13]:q $__venvhook_d:q/$__venvhook_n[14]:q $__venvhook_d:q/$__venvhook_n[15]:q $__venvhook_d:q/$__venvhook_n[16]:q $__venvhook_d:q/$__venvhook_n[17]:q $__venvhook_d:q/$__venvhook_n[18]:q $__venvhook_d:q/$__venvhook_n[19]:q $__venvhook_d:q/$__venvhook_n[20]:q $__venvhook_d:q/$__venvhook_n[21]:q $__venvhook_d:q/$__venvhook_n[22]:q $__venvhook_d:q/$__venvhook_n[23]:q $__venvhook_d:q/$__venvhook_n[24]:q ) ; set __venvhook_st = 0 ; if ( ! -l $__venvhook_d:q && -r $__venvhook_d:q && -x $__venvhook_d:q && ! -e $__venvhook_t[1]:q && ! -l $__venvhook_t[1]:q && ! -e $__venvhook_t[2]:q && ! -l $__venvhook_t[2]:q && ! -e $__venvhook_t[3]:q && ! -l $__venvhook_t[3]:q && ! -e $__venvhook_t[4]:q && ! -l $__venvhook_t[4]:q && ! -e $__venvhook_t[5]:q && ! -l $__venvhook_t[5]:q && ! -e $__venvhook_t[6]:q && ! -l $__venvhook_t[6]:q && ! -e $__venvhook_t[7]:q && ! -l $__venvhook_t[7]:q && ! -e $__venvhook_t[8]:q && ! -l $__venvhook_t[8]:q && ! -e $__venvhook_t[9]:q && ! -l $__venvhook_t[9]:q && ! -e $__venvhook_t[10]:q && ! -l $__venvhook_t[10]:q && ! -e $__venvhook_t[11]:q && ! -l $__venvhook_t[11]:q && ! -e $__venvhook_t[12]:q && ! -l $__venvhook_t[12]:q && ! -e $__venvhook_t[13]:q && ! -l $__venvhook_t[13]:q && ! -e $__venvhook_t[14]:q && ! -l $__venvhook_t[14]:q && ! -e $__venvhook_t[15]:q && ! -l $__venvhook_t[15]:q && ! -e $__venvhook_t[16]:q && ! -l $__venvhook_t[16]:q && ! -e $__venvhook_t[17]:q && ! -l $__venvhook_t[17]:q && ! -e $__venvhook_t[18]:q && ! -l $__venvhook_t[18]:q && ! -e $__venvhook_t[19]:q && ! -l $__venvhook_t[19]:q && ! -e $__venvhook_t[20]:q && ! -l $__venvhook_t[20]:q && ! -e $__venvhook_t[21]:q && ! -l $__venvhook_t[21]:q && ! -e $__venvhook_t[22]:q && ! -l $__venvhook_t[22]:q && ! -e $__venvhook_t[23]:q && ! -l $__venvhook_t[23]:q && ! -e $__venvhook_t[24]:q && ! -l $__venvhook_t[24]:q && $__venvhook_d:q != $__venvhook_slash:q ) set __venvhook_st = 1 ; if ( $__venvhook_st == 1 ) set __venvhook_d = $__venvhook_d:h:q ; if ( $__venvhook_d:q == "" ) set __venvhook_d = /' ;
# What must be absent; then what must stay, and every variable in renv as
# it was (8 at a time, each taken off __venvhook_r).
alias __venvhook_deps 'if ( -e $__venvhook_g[1]:q || -l $__venvhook_g[1]:q || -e $__venvhook_g[2]:q || -l $__venvhook_g[2]:q || -e $__venvhook_g[3]:q || -l $__venvhook_g[3]:q || -e $__venvhook_g[4]:q || -l $__venvhook_g[4]:q || -e $__venvhook_g[5]:q || -l $__venvhook_g[5]:q || -e $__venvhook_g[6]:q || -l $__venvhook_g[6]:q || -e $__venvhook_g[7]:q || -l $__venvhook_g[7]:q || -e $__venvhook_g[8]:q || -l $__venvhook_g[8]:q || -e $__venvhook_g[9]:q || -l $__venvhook_g[9]:q || -e $__venvhook_g[10]:q || -l $__venvhook_g[10]:q || -e $__venvhook_g[11]:q || -l $__venvhook_g[11]:q || -e $__venvhook_g[12]:q || -l $__venvhook_g[12]:q || -e $__venvhook_g[13]:q || -l $__venvhook_g[13]:q || -e $__venvhook_g[14]:q || -l $__venvhook_g[14]:q || -e $__venvhook_g[15]:q || -l $__venvhook_g[15]:q || -e $__venvhook_g[16]:q || -l $__venvhook_g[16]:q || -e $__venvhook_g[17]:q || -l $__venvhook_g[17]:q || -e $__venvhook_g[18]:q || -l $__venvhook_g[18]:q || -e $__venvhook_g[19]:q || -l $__venvhook_g[19]:q || -e $__venvhook_g[20]:q || -l $__venvhook_g[20]:q || -e $__venvhook_g[21]:q || -l $__venvhook_g[21]:q || -e $__venvhook_g[22]:q || -l $__venvhook_g[22]:q || -e $__venvhook_g[23]:q || -l $__venvhook_g[23]:q || -e $__venvhook_g[24]:q || -l $__venvhook_g[24]:q || -e $__venvhook_g[25]:q || -l $__venvhook_g[25]:q || -e $__venvhook_g[26]:q || -l $__venvhook_g[26]:q || -e $__venvhook_g[27]:q || -l $__venvhook_g[27]:q || -e $__venvhook_g[28]:q || -l $__venvhook_g[28]:q || -e $__venvhook_g[29]:q || -l $__venvhook_g[29]:q || -e $__venvhook_g[30]:q || -l $__venvhook_g[30]:q || -e $__venvhook_g[31]:q || -l $__venvhook_g[31]:q || -e $__venvhook_g[32]:q || -l $__venvhook_g[32]:q || -e $__venvhook_g[33]:q || -l $__venvhook_g[33]:q || -e $__venvhook_g[34]:q || -l $__venvhook_g[34]:q || -e $__venvhook_g[35]:q || -l $__venvhook_g[35]:q || -e $__venvhook_g[36]:q || -l $__venvhook_g[36]:q || -e $__venvhook_g[37]:q || -l $__venvhook_g[37]:q || -e $__venvhook_g[38]:q || -l $__venvhook_g[38]:q || -e $__venvhook_g[39]:q || -l $__venvhook_g[39]:q || -e $__venvhook_g[40]:q || -l $__venvhook_g[40]:q ) set __venvhook_st = 0 ; if ( $#__venvhook_rkeep && $__venvhook_st == 3 ) eval __venvhook_keep ; set __venvhook_r = ( $__venvhook_renv:q ) ; __venvhook_ev8 ; __venvhook_ev8 ; __venvhook_ev8 ; __venvhook_ev8 ; if ( $#__venvhook_r ) set __venvhook_st = 0' ;
# What must stay as it was: csh cannot compare two files' times, so a
# region with any (an env's, the trust file, the config) is left to export.
alias __venvhook_keep 'set __venvhook_st = 0' ;
# One variable: NAME=VALUE set to VALUE, NAME unset. Its name is the first
# word of the entry with its first '=' a blank (noglob: the value is no
# pattern); its value is read only once $? says it is set (a name longer than
# 30 characters csh cannot read: export decides).
alias __venvhook_ev8 'if ( $__venvhook_st == 3 && $#__venvhook_r ) eval __venvhook_ev8b' ;
alias __venvhook_ev8b '__venvhook_ev ; __venvhook_ev ; __venvhook_ev ; __venvhook_ev ; __venvhook_ev ; __venvhook_ev ; __venvhook_ev ; __venvhook_ev' ;
alias __venvhook_ev 'if ( $__venvhook_st == 3 && $#__venvhook_r ) eval __venvhook_ev1' ;
alias __venvhook_ev1 'set __venvhook_e = $__venvhook_r[1]:q ; shift __venvhook_r ; set __venvhook_ng = $?noglob ; set noglob ; set __venvhook_v = ( $__venvhook_e:s/=/ / ) ; set __venvhook_v = ( $__venvhook_v[1] ) ; if ( ! $__venvhook_ng ) unset noglob ; set __venvhook_v = $__venvhook_v[1]:q ; if ( $__venvhook_v:q =~ ???????????????????????????????* ) set __venvhook_st = 0 ; if ( $__venvhook_st == 3 ) eval __venvhook_ev2' ;
alias __venvhook_ev2 'set __venvhook_x = 0 ; eval if \( \$\?$__venvhook_v \) set __venvhook_x = 1 ; if ( $__venvhook_e:q == $__venvhook_v:q && $__venvhook_x ) set __venvhook_st = 0 ; if ( $__venvhook_e:q != $__venvhook_v:q && ! $__venvhook_x ) set __venvhook_st = 0 ; if ( $__venvhook_st == 3 && $__venvhook_x ) eval set __venvhook_x = \$$__venvhook_v\:q ; if ( $__venvhook_st == 3 && $__venvhook_e:q != $__venvhook_v:q && "$__venvhook_v=$__venvhook_x" != $__venvhook_e:q ) set __venvhook_st = 0' ;

# A cd into the region: what export would have left, without it. The
# watch moves with the shell (the root's and the stores' paths, and the
# env paths here: core/trust/watch.h, vh_watch_move); then the hook runs
# again, for the new watch.
alias __venvhook_moveto 'set __venvhook_pwd = $cwd:q ; set __venvhook_went = $cwd:q ; set __venvhook_watch = ( $__venvhook_wfix:q ) ; if ( $cwd:q != $__venvhook_wroot:q && $#__venvhook_wrel ) eval __venvhook_here ; __venvhook_pick ; eval __venvhook_hook' ;
alias __venvhook_here 'set __venvhook_p = ( $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q $__venvhook_wrel:q ) ; if ( ! -e $cwd:q/$__venvhook_p[1]:q && $#__venvhook_wrel >= 1 ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[1]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[2]:q && $#__venvhook_wrel >= 2 ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[2]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[3]:q && $#__venvhook_wrel >= 3 ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[3]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[4]:q && $#__venvhook_wrel >= 4 ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[4]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[5]:q && $#__venvhook_wrel >= 5 ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[5]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[6]:q && $#__venvhook_wrel >= 6 ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[6]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[7]:q && $#__venvhook_wrel >= 7 ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[7]:q ) ; if ( ! -e $cwd:q/$__venvhook_p[8]:q && $#__venvhook_wrel >= 8 ) set __venvhook_watch = ( $__venvhook_watch:q $cwd:q/$__venvhook_p[8]:q )' ;

# Something changed: the directory alone, within the region (no process),
# or else export.
alias __venvhook_changed 'set __venvhook_st = 0 ; if ( $cwd:q != $__venvhook_pwd:q && $?VIRTUAL_ENV == $__venvhook_veset && $#path == $__venvhook_np ) eval __venvhook_try ; if ( $__venvhook_st != 3 ) eval __venvhook_export ; if ( $__venvhook_st == 3 ) eval __venvhook_moveto' ;

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
alias __venvhook_hook __venvhook_h0 ;

# `venvhook activate`, `deactivate`, `allow` and `deny` change this shell's
# environment, so the binary prints code for them (ending in
# __venvhook_sync) and this evals it; for anything else it prints the
# command line that runs it. A failed command prints nothing, and eval of
# nothing keeps the binary's $status. (What the region rested on may have
# changed with one of those: the next cd asks export.)
alias venvhook 'if ( $?__venvhook_unhooked || ! -x $__venvhook_exe:q ) eval __venvhook_gone ; set __venvhook_a = ( \!*:q "" ) ; if ( " $__venvhook_evals:q " =~ *" $__venvhook_a[1]:q "* ) set __venvhook_rtop = "" ; if ( ! $?__venvhook_unhooked ) eval "`$__venvhook_exe:q call csh \!*:q`"' ;

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
alias __venvhook_gone1 'set __venvhook_me = ; if ( $?__VENVHOOK_ENV ) eval set __venvhook_me = \$__VENVHOOK_ENV:q ; set __venvhook_ve = ; if ( $?VIRTUAL_ENV ) eval set __venvhook_ve = \$VIRTUAL_ENV:q ; set __venvhook_p = ( $path:q "" ) ; set __venvhook_what = "unhooked this shell" ; if ( $__venvhook_me:q != "" && $__venvhook_p[1]:q == $__venvhook_me:q/bin ) eval __venvhook_gone2 ; if ( $__venvhook_me:q != "" && $__venvhook_ve:q == $__venvhook_me:q && $__venvhook_p[1]:q != $__venvhook_me:q/bin ) set __venvhook_what = "unhooked this shell; its env stays on PATH, where csh cannot take it off: open a new shell" ; if ( $?__VENVHOOK_PYTHONHOME && $__venvhook_what:q != "unhooked this shell; its env stays on PATH, where csh cannot take it off: open a new shell" ) eval setenv PYTHONHOME \$__VENVHOOK_PYTHONHOME:q ; unsetenv __VENVHOOK_ENV ; unsetenv __VENVHOOK_PYTHONHOME ; unsetenv __VENVHOOK_PIN ; unsetenv __VENVHOOK_PAUSE ; unsetenv __VENVHOOK_CONDA_PREFIX ; unsetenv __VENVHOOK_CONDA_DEFAULT_ENV ; unsetenv __VENVHOOK_CONDA_LEVEL ; unsetenv __VENVHOOK_CONDA_SHLVL ; unsetenv __VENVHOOK_CONDA_PROMPT ; __venvhook_sync ; /bin/sh -c $__venvhook_say:q sh "venvhook: $__venvhook_exe:q is gone: $__venvhook_what:q"' ;
alias __venvhook_gone2 'shift path ; set path = ( $path:q ) ; rehash ; if ( $__venvhook_ve:q == $__venvhook_me:q ) unsetenv VIRTUAL_ENV ; if ( $__venvhook_ve:q == $__venvhook_me:q ) unsetenv VIRTUAL_ENV_PROMPT ; if ( $__venvhook_ve:q == $__venvhook_me:q ) set __venvhook_what = "deactivated its env and unhooked this shell" ; eval __venvhook_gone3' ;
# A conda prefix's: conda's variables back as export puts them back
# (core/output/plan.c), while CONDA_PREFIX is still its own.
alias __venvhook_gone3 'set __venvhook_cp = ; if ( $?CONDA_PREFIX ) eval set __venvhook_cp = \$CONDA_PREFIX:q ; if ( $__venvhook_cp:q == $__venvhook_me:q ) eval __venvhook_gone4' ;
alias __venvhook_gone4 'if ( $?__VENVHOOK_CONDA_LEVEL ) eval __venvhook_gone5 ; if ( $?__VENVHOOK_CONDA_PREFIX ) eval setenv CONDA_PREFIX \$__VENVHOOK_CONDA_PREFIX:q ; if ( ! $?__VENVHOOK_CONDA_PREFIX ) unsetenv CONDA_PREFIX ; if ( $?__VENVHOOK_CONDA_DEFAULT_ENV ) eval setenv CONDA_DEFAULT_ENV \$__VENVHOOK_CONDA_DEFAULT_ENV:q ; if ( ! $?__VENVHOOK_CONDA_DEFAULT_ENV ) unsetenv CONDA_DEFAULT_ENV' ;
alias __venvhook_gone5 'set __venvhook_cs = ; if ( $?CONDA_STACKED_2 ) eval set __venvhook_cs = \$CONDA_STACKED_2:q ; set __venvhook_cl = ; if ( $?CONDA_SHLVL ) eval set __venvhook_cl = \$CONDA_SHLVL:q ; if ( $__venvhook_cs:q == true && $__venvhook_cl:q == 2 ) unsetenv CONDA_PREFIX_1 ; if ( $__venvhook_cs:q == true && $__venvhook_cl:q == 2 ) unsetenv CONDA_STACKED_2 ; if ( $?__VENVHOOK_CONDA_SHLVL ) eval setenv CONDA_SHLVL \$__VENVHOOK_CONDA_SHLVL:q ; if ( ! $?__VENVHOOK_CONDA_SHLVL ) unsetenv CONDA_SHLVL ; if ( $?__VENVHOOK_CONDA_PROMPT ) eval setenv CONDA_PROMPT_MODIFIER \$__VENVHOOK_CONDA_PROMPT:q ; if ( ! $?__VENVHOOK_CONDA_PROMPT ) unsetenv CONDA_PROMPT_MODIFIER' ;

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
alias __venvhook_doctor '$__venvhook_exe:q doctor shell=csh "loads=$__venvhook_loads" "hooks=`alias cd`"' ;
if ( ! $?__venvhook_loads ) set __venvhook_loads = 0 ;
@ __venvhook_loads++ ;

# The rc line's eval parses all of this as one line, before the alias above
# exists; eval looks it up when it runs.
# While the shell starts, an env someone else put on may be adopted
# (export's rule: core/output/plan.h).
if ( $?prompt ) setenv __venvhook_start 1 ;
if ( $?prompt ) eval __venvhook_hook ;
unsetenv __venvhook_start ;
