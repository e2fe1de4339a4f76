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
__venvhook_prompt() {
    builtin emulate -L zsh
    local __venvhook_n=${VIRTUAL_ENV_PROMPT:-${VIRTUAL_ENV:t}}
    # an activate script of this shell put the name in PS1 itself
    [[ -n ${VIRTUAL_ENV_DISABLE_PROMPT-} || -n ${_OLD_VIRTUAL_PS1+set} ]] && __venvhook_n=
    if [[ -n $__venvhook_n ]]; then
        [[ $__venvhook_n == '('*') ' ]] && __venvhook_n=${${__venvhook_n#'('}%') '}
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
