# venvhook's zsh hook. `venvhook init zsh` prints this after a line that
# sets __venvhook_exe to the absolute path of the venvhook binary.

# Runs on every directory change (chpwd) and once now, for a shell that
# starts inside a project. Costs no process unless $PWD changed since the
# last time it resolved an env, and leaves $? as it found it.
__venvhook_hook() {
    local __venvhook_status=$?
    builtin emulate -L zsh
    if (( ! ${+__venvhook_pwd} )) || [[ $__venvhook_pwd != "$PWD" ]]; then
        typeset -g __venvhook_pwd=$PWD
        builtin eval -- "$("${__venvhook_exe:-venvhook}" export zsh "${__venvhook_key:--}")"
        __venvhook_sync
    fi
    return $__venvhook_status
}

# `venvhook activate`, `deactivate`, `allow` and `deny` change this shell's
# environment, so they go through this function, which evals what the
# binary prints for them (ending in __venvhook_sync); everything else runs
# the binary.
venvhook() {
    builtin emulate -L zsh
    local __venvhook_code
    case ${1-} in
        (activate|deactivate|allow|deny)
            __venvhook_code=$("${__venvhook_exe:-venvhook}" call zsh "$@") || return
            builtin eval -- "$__venvhook_code"
            ;;
        (doctor)
            # what only this shell can see, for the binary to judge
            "${__venvhook_exe:-venvhook}" call zsh doctor "${@[2,-1]}" "loads=${__venvhook_loads-0}" \
                "hooks=chpwd: ${chpwd_functions[*]-} precmd: ${precmd_functions[*]-}" \
                "ps1_exported=$([[ ${(t)PS1} == *export* ]] && print 1 || print 0)"
            ;;
        (*) "${__venvhook_exe:-venvhook}" "$@" ;;
    esac
}

# `deactivate`, for the habit the activate scripts taught, exists while an
# env venvhook activated is active, as theirs does while theirs is. It is
# defined again on each activation because an activate script's own
# deactivate removes the function when it is done.
__venvhook_sync() {
    builtin emulate -L zsh
    if [[ -n ${__VENVHOOK_ENV-} && ${VIRTUAL_ENV-} == "$__VENVHOOK_ENV" ]]; then
        deactivate() { venvhook deactivate "$@"; }
        typeset -g __venvhook_owns_deactivate=1
    elif [[ -z ${VIRTUAL_ENV-} && -n ${__venvhook_owns_deactivate-} ]]; then
        builtin unfunction deactivate 2>/dev/null
        builtin unset __venvhook_owns_deactivate
    fi
}

builtin autoload -Uz add-zsh-hook
# add-zsh-hook adds a function once, however often this file is loaded.
add-zsh-hook chpwd __venvhook_hook
# counted for `venvhook doctor`
typeset -gi __venvhook_loads=$(( ${__venvhook_loads:-0} + 1 ))
__venvhook_hook
