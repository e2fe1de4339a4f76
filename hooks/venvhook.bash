# shellcheck shell=bash
# venvhook's bash hook. `venvhook init bash` prints this after a line that
# sets __venvhook_exe to the absolute path of the venvhook binary.
# Needs bash >= 4.4 (${var@a}).

# Runs before each prompt. Costs no process unless $PWD changed since the
# last time it resolved an env, and leaves $? as it found it.
__venvhook_hook() {
    local __venvhook_status=$?
    if [[ -z ${__venvhook_pwd+set} || $__venvhook_pwd != "$PWD" ]]; then
        __venvhook_pwd=$PWD
        builtin eval -- "$("${__venvhook_exe:-venvhook}" export bash "${__venvhook_key:--}")"
        __venvhook_sync
    fi
    return "$__venvhook_status"
}

# `venvhook activate`, `deactivate`, `allow` and `deny` change this shell's
# environment, so they go through this function, which evals what the
# binary prints for them (ending in __venvhook_sync); everything else runs
# the binary.
venvhook() {
    local __venvhook_code
    case ${1-} in
        activate | deactivate | allow | deny)
            __venvhook_code=$("${__venvhook_exe:-venvhook}" call bash "$@") || return
            builtin eval -- "$__venvhook_code"
            ;;
        doctor)
            # what only this shell can see, for the binary to judge
            local __venvhook_x=0
            [[ -n ${PS1+set} && ${PS1@a} == *x* ]] && __venvhook_x=1
            "${__venvhook_exe:-venvhook}" call bash doctor "${@:2}" "loads=${__venvhook_loads-0}" \
                "hooks=${PROMPT_COMMAND[*]-}" "ps1_exported=$__venvhook_x"
            ;;
        *) "${__venvhook_exe:-venvhook}" "$@" ;;
    esac
}

# `deactivate`, for the habit the activate scripts taught, exists while an
# env venvhook activated is active, as theirs does while theirs is. It is
# defined again on each activation because an activate script's own
# deactivate removes the function when it is done.
__venvhook_sync() {
    if [[ -n ${__VENVHOOK_ENV-} && ${VIRTUAL_ENV-} == "$__VENVHOOK_ENV" ]]; then
        # shellcheck disable=SC2317  # the user calls it
        deactivate() { venvhook deactivate "$@"; }
        __venvhook_owns_deactivate=1
    elif [[ -z ${VIRTUAL_ENV-} && -n ${__venvhook_owns_deactivate-} ]]; then
        builtin unset -f deactivate
        builtin unset -v __venvhook_owns_deactivate
    fi
}

# First in PROMPT_COMMAND, so prompts drawn after it see the new env.
# PROMPT_COMMAND may be a string or (bash >= 5.1) an array; entries the user
# had stay, and loading this file twice adds nothing.
__venvhook_register() {
    local __venvhook_entry
    if [[ -n ${PROMPT_COMMAND+set} && ${PROMPT_COMMAND@a} == *a* ]]; then
        for __venvhook_entry in "${PROMPT_COMMAND[@]}"; do
            [[ $__venvhook_entry == __venvhook_hook ]] && return 0
        done
        PROMPT_COMMAND=(__venvhook_hook "${PROMPT_COMMAND[@]}")
    else
        case ";${PROMPT_COMMAND-};" in
            *";__venvhook_hook;"*) return 0 ;;
        esac
        # shellcheck disable=SC2128,SC2178  # the string form, deliberately
        PROMPT_COMMAND="__venvhook_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}"
    fi
}
__venvhook_register
# counted for `venvhook doctor`
__venvhook_loads=$((${__venvhook_loads-0} + 1))
