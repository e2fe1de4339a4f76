# shellcheck shell=bash
# venvhook's prompt segment for bash, printed by `venvhook init bash --prompt`
# after the hook. It puts `(NAME) ` before your prompt while
# $VIRTUAL_ENV_PROMPT is set and non-empty and $VIRTUAL_ENV_DISABLE_PROMPT
# is unset or empty.
#
# PS1 gets one fixed prefix that refers to the variables; bash expands it
# at each prompt, after decoding the prompt's backslash escapes, and does
# not expand a value again, so a name holding \u, $(...) or backquotes
# shows as written and runs nothing. No function, no PROMPT_COMMAND entry,
# no process. The parentheses are substrings of length 0 or 1 because bash
# has no "if unset" form beside ${x:+...}; (0${x:+1}==0) is 1 when x is
# unset or empty (and works under set -u).
__venvhook_ps_open='('
__venvhook_ps_close=') '
# shellcheck disable=SC2016  # expanded by bash at each prompt, not here
__venvhook_ps_segment='${VIRTUAL_ENV_PROMPT:+${__venvhook_ps_open:0:(0${VIRTUAL_ENV_DISABLE_PROMPT:+1}==0)}${VIRTUAL_ENV_PROMPT:0:${#VIRTUAL_ENV_PROMPT}*(0${VIRTUAL_ENV_DISABLE_PROMPT:+1}==0)}${__venvhook_ps_close:0:2*(0${VIRTUAL_ENV_DISABLE_PROMPT:+1}==0)}}'
# Once, however often this is loaded; and only while bash expands
# parameters in prompts (shopt promptvars, on by default), or the prefix
# would show as the text above.
if builtin shopt -q promptvars; then
    case ${PS1-} in
        *"$__venvhook_ps_segment"*) ;;
        *) PS1=$__venvhook_ps_segment${PS1-} ;;
    esac
fi
