# venvhook's prompt segment for fish, printed by `venvhook init fish --prompt`
# after the hook. It puts `(NAME) ` before your prompt while an env is on
# and $VIRTUAL_ENV_DISABLE_PROMPT is unset or empty. NAME is
# $VIRTUAL_ENV_PROMPT, or, for an env someone else put on with no name of
# its own (mise, direnv), the last part of $VIRTUAL_ENV; a name in the
# activate scripts' "(NAME) " form is shown once, and nothing is shown
# while an activate script of this shell shows the name itself.
#
# Your fish_prompt is kept as __venvhook_user_prompt and still draws your
# prompt: fish_prompt prints the name, then calls it. It runs first, with
# its output collected, so it sees your $status and $pipestatus as they
# were. echo prints the name as it is: nothing in it runs. Each control
# character in it is replaced by '?' as venvhook's own names are
# (vh_msg_sanitize): C0, DEL, C1 and the bidi controls U+061C,
# U+200E-200F, U+202A-202E, U+2066-2069, which would reorder the rest of
# the line on the screen. fish reads text as UTF-8 in every locale (in C
# too), so one class of code points does it; other text (é, 日本) stays.
if builtin functions -q fish_prompt
    and not builtin functions fish_prompt | string match -q '*__venvhook_user_prompt*'
    builtin functions -e __venvhook_user_prompt
    builtin functions -c fish_prompt __venvhook_user_prompt
end
if builtin functions -q __venvhook_user_prompt
    function fish_prompt --description 'venvhook: (env name) and your prompt'
        builtin set -l __venvhook_text (__venvhook_user_prompt | string collect -N)
        builtin set -l __venvhook_n $VIRTUAL_ENV_PROMPT
        if builtin test -z "$__venvhook_n" -a -n "$VIRTUAL_ENV"
            builtin set __venvhook_n (builtin string replace -r '.*/' '' -- $VIRTUAL_ENV)
        end
        # nothing while an activate script of this shell shows the name itself
        if builtin test -n "$__venvhook_n" -a -z "$VIRTUAL_ENV_DISABLE_PROMPT"
            and not builtin set -q _OLD_FISH_PROMPT_OVERRIDE
            builtin echo -n "("(builtin string replace -r '^\((.*)\) $' '$1' -- $__venvhook_n | builtin string replace -ra '[[:cntrl:]\x{80}-\x{9f}\x{61c}\x{200e}\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}]' '?')") "
        end
        builtin echo -n "$__venvhook_text"
    end
end
