# venvhook's prompt segment for zsh, printed by `venvhook init zsh --prompt`
# after the hook. It puts `(NAME) ` before your prompt while
# $VIRTUAL_ENV_PROMPT is set and non-empty and $VIRTUAL_ENV_DISABLE_PROMPT
# is unset or empty.
#
# The name travels in psvar[9] and PS1 gets one fixed prefix, %(9V.(%9v) .):
# zsh inserts %v's value as it is, so a name holding %, $(...) or
# backquotes shows as written and runs nothing, with or without
# prompt_subst. The precmd function is a few assignments: no process.
__venvhook_prompt() {
    builtin emulate -L zsh
    if [[ -n ${VIRTUAL_ENV_PROMPT-} && -z ${VIRTUAL_ENV_DISABLE_PROMPT-} ]]; then
        psvar[9]=$VIRTUAL_ENV_PROMPT
    elif (( ${#psvar} >= 9 )); then
        psvar[9]=
    fi
}
builtin autoload -Uz add-zsh-hook
# add-zsh-hook and the pattern test add each once, however often this is
# loaded.
add-zsh-hook precmd __venvhook_prompt
[[ $PS1 == *'%(9V.(%9v) .)'* ]] || PS1='%(9V.(%9v) .)'$PS1
