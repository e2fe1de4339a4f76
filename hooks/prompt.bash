# shellcheck shell=bash
# venvhook's prompt segment for bash, printed by `venvhook init bash --prompt`
# after the hook. It puts `(NAME) ` before your prompt while an env is on and
# $VIRTUAL_ENV_DISABLE_PROMPT is unset or empty. NAME is $VIRTUAL_ENV_PROMPT,
# or, for an env someone else put on with no name of its own (mise, direnv),
# the last part of $VIRTUAL_ENV; a name in the activate scripts' "(NAME) "
# form is shown once, and nothing is shown while an activate script of
# this shell shows the name itself (no "(.venv) ((.venv) )").
#
# The hook works the name out after each export (__venvhook_segment,
# which __venvhook_sync calls), control bytes replaced; PS1 gets one fixed
# prefix that refers to it. bash expands it at each prompt, after decoding
# the prompt's backslash escapes, and does not expand a value again, so a
# name holding \u, $(...) or backquotes shows as written and runs nothing.
# No process. The parentheses are substrings of length 0 or 1 because bash
# has no "if unset" form beside ${x:+...}; (0${x:+1}==0) is 1 when x is
# unset or empty (and works under set -u).
__venvhook_ps_open='('
__venvhook_ps_close=') '
# shellcheck disable=SC2016  # expanded by bash at each prompt, not here
__venvhook_ps_segment='${__venvhook_ps_name:+${__venvhook_ps_open:0:(0${VIRTUAL_ENV_DISABLE_PROMPT:+1}==0)}${__venvhook_ps_name:0:${#__venvhook_ps_name}*(0${VIRTUAL_ENV_DISABLE_PROMPT:+1}==0)}${__venvhook_ps_close:0:2*(0${VIRTUAL_ENV_DISABLE_PROMPT:+1}==0)}}'
__venvhook_segment() {
    local __venvhook_n=${VIRTUAL_ENV_PROMPT-}
    [[ -n $__venvhook_n || -z ${VIRTUAL_ENV-} ]] || __venvhook_n=${VIRTUAL_ENV##*/}
    # an activate script of this shell put the name in PS1 itself
    [[ -z ${_OLD_VIRTUAL_PS1+set} ]] || __venvhook_n=
    if [[ $__venvhook_n == '('*') ' ]]; then
        __venvhook_n=${__venvhook_n#'('}
        __venvhook_n=${__venvhook_n%') '}
    fi
    __venvhook_ps_name=${__venvhook_n//[[:cntrl:]]/?}
}
__venvhook_seg=1
__venvhook_segment
# Once, however often this is loaded; and only while bash expands
# parameters in prompts (shopt promptvars, on by default), or the prefix
# would show as the text above.
if builtin shopt -q promptvars; then
    case ${PS1-} in
        *"$__venvhook_ps_segment"*) ;;
        *) PS1=$__venvhook_ps_segment${PS1-} ;;
    esac
fi
