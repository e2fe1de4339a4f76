# venvhook's prompt segment for tcsh, printed by `venvhook init tcsh --prompt`
# after the hook, without these comment lines (one joined line, as there).
# It puts `(NAME) ` before your prompt while an env is on and
# $VIRTUAL_ENV_DISABLE_PROMPT is unset or empty. NAME is $VIRTUAL_ENV_PROMPT,
# or, for an env someone else put on with no name of its own (mise, direnv),
# the last part of $VIRTUAL_ENV; either only when it is printable ASCII
# (tcsh has no builtin that replaces characters by class, and a bidi or C1
# control must not reach the terminal, so a name holding anything else is
# not shown, and the next choice is tried); a name in the
# activate scripts' "(NAME) " form is shown once, and nothing is shown while
# an activate script of this shell shows the name itself.

# tcsh's prompt has no conditional, and %$var reads the value as prompt
# text, so precmd builds $prompt from a copy of yours, taken again whenever
# $prompt is not what it last set (you or your own precmd changed it). In
# the name, \ % ! ^ become the octal escapes \134 \045 \041 \136, which the
# prompt prints as those characters and reads no further; substituted
# values are not parsed again, so $(...) and backquotes run nothing. All
# builtins: no process. An env variable that may be unset is read through
# eval, as in the hook.
alias __venvhook_prompt 'if ( ! $?__venvhook_ps_last ) set __venvhook_ps_last = ; if ( ! $?__venvhook_ps_user ) set __venvhook_ps_user = ; if ( $prompt:q != $__venvhook_ps_last:q ) set __venvhook_ps_user = $prompt:q ; set __venvhook_ps_name = ; if ( $?VIRTUAL_ENV_PROMPT ) eval set __venvhook_ps_name = \$VIRTUAL_ENV_PROMPT:q ; if ( $__venvhook_ps_name:q =~ *[^\ -~]* ) set __venvhook_ps_name = ; set __venvhook_ps_t = ; if ( $__venvhook_ps_name:q == "" && $?VIRTUAL_ENV ) eval set __venvhook_ps_t = \$VIRTUAL_ENV:t:q ; if ( $__venvhook_ps_t:q =~ *[^\ -~]* ) set __venvhook_ps_t = ; if ( $__venvhook_ps_t:q != "" ) set __venvhook_ps_name = $__venvhook_ps_t:q ; if ( $__venvhook_ps_name:q =~ "(*) " ) set __venvhook_ps_name = "$__venvhook_ps_name:s/(//:s/) //" ; if ( $?_OLD_VIRTUAL_PROMPT ) set __venvhook_ps_name = ; set __venvhook_ps_off = ; if ( $?VIRTUAL_ENV_DISABLE_PROMPT ) eval set __venvhook_ps_off = \$VIRTUAL_ENV_DISABLE_PROMPT:q ; if ( $__venvhook_ps_off:q != "" ) set __venvhook_ps_name = ; set __venvhook_ps_name = $__venvhook_ps_name:as/\\/\\134/:as/%/\\045/:as/\!/\\041/:as/^/\\136/:q ; set prompt = $__venvhook_ps_user:q ; if ( $__venvhook_ps_name:q != "" ) set prompt = "("$__venvhook_ps_name:q") "$__venvhook_ps_user:q ; set __venvhook_ps_last = $prompt:q' ;

# Chained after your own precmd, once however often this is loaded; noted
# for `venvhook doctor`, which checks that precmd still runs it.
set __venvhook_seg = 1 ;
if ( "`alias precmd`" == "" ) alias precmd __venvhook_prompt ;
if ( "`alias precmd`" !~ *__venvhook_prompt* ) alias precmd "`alias precmd` ; __venvhook_prompt" ;
