# venvhook's fish hook. `venvhook init fish` prints this after a line that
# sets __venvhook_exe to the absolute path of the venvhook binary.

# Runs when $PWD changes (on the variable itself, so also for a cd inside a
# function or script) and once now, for a shell that starts inside a
# project. Costs no process unless $PWD changed since the last time it
# resolved an env, and leaves $status as it found it. Defining the function
# again replaces it, so loading this file twice adds no second handler.
function __venvhook_hook --on-variable PWD --description 'venvhook: follow $PWD'
    builtin set -l __venvhook_status $status
    if not builtin set -q __venvhook_pwd; or builtin test "$__venvhook_pwd" != "$PWD"
        builtin set -g __venvhook_pwd $PWD
        builtin set -q __venvhook_key[1]; or builtin set -g __venvhook_key -
        command $__venvhook_exe export fish $__venvhook_key | builtin source
        __venvhook_sync
    end
    builtin return $__venvhook_status
end

# `venvhook activate`, `deactivate`, `allow` and `deny` change this shell's
# environment, so they go through this function, which sources what the
# binary prints for them (ending in __venvhook_sync); everything else runs
# the binary.
function venvhook --description 'venvhook: Python envs that follow $PWD'
    switch "$argv[1]"
        case activate deactivate allow deny
            command $__venvhook_exe call fish $argv | builtin source
            builtin return $pipestatus[1]
        case doctor
            # what only this shell can see, for the binary to judge
            builtin set -l __venvhook_rest $argv
            builtin set -e __venvhook_rest[1]
            command $__venvhook_exe call fish doctor $__venvhook_rest loads=$__venvhook_loads \
                "hooks="(builtin string join ' ' (builtin functions --all --names))
        case '*'
            command $__venvhook_exe $argv
    end
end

# `deactivate`, for the habit the activate scripts taught, exists while an
# env venvhook activated is active, as theirs does while theirs is. It is
# defined again on each activation because an activate script's own
# deactivate removes the function when it is done.
function __venvhook_sync
    if builtin set -q __VENVHOOK_ENV; and builtin set -q VIRTUAL_ENV
        and builtin test "$VIRTUAL_ENV" = "$__VENVHOOK_ENV"
        function deactivate --description 'venvhook: deactivate the env'
            venvhook deactivate $argv
        end
        builtin set -g __venvhook_owns_deactivate 1
    else if not builtin set -q VIRTUAL_ENV; and builtin set -q __venvhook_owns_deactivate
        builtin functions -e deactivate
        builtin set -e __venvhook_owns_deactivate
    end
end

# counted for `venvhook doctor`
if builtin set -q __venvhook_loads
    builtin set -g __venvhook_loads (builtin math $__venvhook_loads + 1)
else
    builtin set -g __venvhook_loads 1
end

__venvhook_hook
