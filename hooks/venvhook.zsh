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
        builtin eval -- "$("${__venvhook_exe:-venvhook}" export zsh)"
    fi
    return $__venvhook_status
}

builtin autoload -Uz add-zsh-hook
# add-zsh-hook adds a function once, however often this file is loaded.
add-zsh-hook chpwd __venvhook_hook
__venvhook_hook
