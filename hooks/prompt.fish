# venvhook's prompt segment for fish, printed by `venvhook init fish --prompt`
# after the hook. It puts `(NAME) ` before your prompt while
# $VIRTUAL_ENV_PROMPT is set and non-empty and $VIRTUAL_ENV_DISABLE_PROMPT
# is unset or empty.
#
# Your fish_prompt is kept as __venvhook_user_prompt and still draws your
# prompt: fish_prompt prints the name, then calls it. It runs first, with
# its output collected, so it sees your $status and $pipestatus as they
# were. echo prints the name as it is: nothing in it runs.
if builtin functions -q fish_prompt
    and not builtin functions fish_prompt | string match -q '*__venvhook_user_prompt*'
    builtin functions -e __venvhook_user_prompt
    builtin functions -c fish_prompt __venvhook_user_prompt
end
if builtin functions -q __venvhook_user_prompt
    function fish_prompt --description 'venvhook: (env name) and your prompt'
        builtin set -l __venvhook_text (__venvhook_user_prompt | string collect -N)
        if builtin test -n "$VIRTUAL_ENV_PROMPT" -a -z "$VIRTUAL_ENV_DISABLE_PROMPT"
            builtin echo -n "($VIRTUAL_ENV_PROMPT) "
        end
        builtin echo -n "$__venvhook_text"
    end
end
