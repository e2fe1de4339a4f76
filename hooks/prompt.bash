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
# which __venvhook_sync calls), each control character replaced by '?' as
# venvhook's own names are (vh_msg_sanitize): C0, DEL, C1 and the bidi
# controls U+061C, U+200E-200F, U+202A-202E, U+2066-2069, which would
# reorder the rest of the line on the screen. C1 and bidi are matched as
# the bytes of their UTF-8 form, which match the character in a UTF-8
# locale and the same bytes in C (where [[:cntrl:]] knows no C1), so the
# rule holds in every locale and keeps other text (é, 日本) as it is. The
# same list is in each shell's segment (hooks/prompt.*); PS1 gets one fixed
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
    __venvhook_n=${__venvhook_n//[[:cntrl:]]/?}
    local __venvhook_c
    for __venvhook_c in \
        $'\xc2\x80' $'\xc2\x81' $'\xc2\x82' $'\xc2\x83' $'\xc2\x84' $'\xc2\x85' $'\xc2\x86' $'\xc2\x87' \
        $'\xc2\x88' $'\xc2\x89' $'\xc2\x8a' $'\xc2\x8b' $'\xc2\x8c' $'\xc2\x8d' $'\xc2\x8e' $'\xc2\x8f' \
        $'\xc2\x90' $'\xc2\x91' $'\xc2\x92' $'\xc2\x93' $'\xc2\x94' $'\xc2\x95' $'\xc2\x96' $'\xc2\x97' \
        $'\xc2\x98' $'\xc2\x99' $'\xc2\x9a' $'\xc2\x9b' $'\xc2\x9c' $'\xc2\x9d' $'\xc2\x9e' $'\xc2\x9f' \
        $'\xd8\x9c' $'\xe2\x80\x8e' $'\xe2\x80\x8f' $'\xe2\x80\xaa' $'\xe2\x80\xab' $'\xe2\x80\xac' $'\xe2\x80\xad' $'\xe2\x80\xae' \
        $'\xe2\x81\xa6' $'\xe2\x81\xa7' $'\xe2\x81\xa8' $'\xe2\x81\xa9'; do
        __venvhook_n=${__venvhook_n//"$__venvhook_c"/?}
    done
    __venvhook_ps_name=$__venvhook_n
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
