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
        command $__venvhook_exe export fish | builtin source
    end
    builtin return $__venvhook_status
end

__venvhook_hook
