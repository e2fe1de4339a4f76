# venvhook's prompt segment for zsh, printed by `venvhook init zsh --prompt`
# after the hook. It puts `(NAME) ` before your prompt while an env is on
# and $VIRTUAL_ENV_DISABLE_PROMPT is unset or empty. NAME is
# $VIRTUAL_ENV_PROMPT, or, for an env someone else put on with no name of
# its own (mise, direnv), the last part of $VIRTUAL_ENV; a name in the
# activate scripts' "(NAME) " form is shown once, and nothing is shown
# while an activate script of this shell shows the name itself.
#
# The name travels in psvar[9] and PS1 gets one fixed prefix, %(9V.(%9v) .):
# zsh inserts %v's value as it is, so a name holding %, $(...) or
# backquotes shows as written and runs nothing, with or without
# prompt_subst. The precmd function is a few assignments: no process.
# Each control character in the name is replaced by '?' as venvhook's own
# names are (vh_msg_sanitize): C0, DEL, C1 and the bidi controls U+061C,
# U+200E-200F, U+202A-202E, U+2066-2069, which would reorder the rest of
# the line on the screen. C1 and bidi are matched as the bytes of their
# UTF-8 form, which match the character in a UTF-8 locale and the same
# bytes in C, so the rule holds in every locale and keeps other text (é,
# 日本) as it is; hooks/prompt.bash has the same list. Every one of these
# has a byte in 0x80-0x9f, which is no letter in any locale: a plain name
# skips the list.
__venvhook_prompt() {
    builtin emulate -L zsh
    local __venvhook_n=${VIRTUAL_ENV_PROMPT:-${VIRTUAL_ENV:t}} __venvhook_c
    # an activate script of this shell put the name in PS1 itself
    [[ -n ${VIRTUAL_ENV_DISABLE_PROMPT-} || -n ${_OLD_VIRTUAL_PS1+set} ]] && __venvhook_n=
    if [[ -n $__venvhook_n ]]; then
        [[ $__venvhook_n == '('*') ' ]] && __venvhook_n=${${__venvhook_n#'('}%') '}
        __venvhook_n=${__venvhook_n//[[:cntrl:]]/?}
        # (a name of letters, digits, '.', '_', '-' and spaces has none)
        if [[ $__venvhook_n == *[![:alnum:]._\ -]* ]]; then
            for __venvhook_c in \
                $'\xc2\x80' $'\xc2\x81' $'\xc2\x82' $'\xc2\x83' $'\xc2\x84' $'\xc2\x85' $'\xc2\x86' $'\xc2\x87' \
                $'\xc2\x88' $'\xc2\x89' $'\xc2\x8a' $'\xc2\x8b' $'\xc2\x8c' $'\xc2\x8d' $'\xc2\x8e' $'\xc2\x8f' \
                $'\xc2\x90' $'\xc2\x91' $'\xc2\x92' $'\xc2\x93' $'\xc2\x94' $'\xc2\x95' $'\xc2\x96' $'\xc2\x97' \
                $'\xc2\x98' $'\xc2\x99' $'\xc2\x9a' $'\xc2\x9b' $'\xc2\x9c' $'\xc2\x9d' $'\xc2\x9e' $'\xc2\x9f' \
                $'\xd8\x9c' $'\xe2\x80\x8e' $'\xe2\x80\x8f' $'\xe2\x80\xaa' $'\xe2\x80\xab' $'\xe2\x80\xac' $'\xe2\x80\xad' $'\xe2\x80\xae' \
                $'\xe2\x81\xa6' $'\xe2\x81\xa7' $'\xe2\x81\xa8' $'\xe2\x81\xa9'; do
                __venvhook_n=${__venvhook_n//$__venvhook_c/?}
            done
        fi
        psvar[9]=$__venvhook_n
    elif (( ${#psvar} >= 9 )); then
        psvar[9]=
    fi
}
builtin autoload -Uz add-zsh-hook
# add-zsh-hook and the pattern test add each once, however often this is
# loaded.
add-zsh-hook precmd __venvhook_prompt
[[ $PS1 == *'%(9V.(%9v) .)'* ]] || PS1='%(9V.(%9v) .)'$PS1
