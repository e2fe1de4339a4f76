# venvhook's prompt segment for nushell, printed by `venvhook init nu
# --prompt` after the hook. It puts `(NAME) ` before your prompt while
# $env.VIRTUAL_ENV_PROMPT is set and non-empty and
# $env.VIRTUAL_ENV_DISABLE_PROMPT is unset or empty.
#
# $env.PROMPT_COMMAND (a closure or a string) is kept and still makes your
# prompt, after the name; the name is a string, shown as it is, but for
# each control character in it, which is '?' as in venvhook's own names
# (vh_msg_sanitize): C0, DEL, C1 and the bidi controls U+061C,
# U+200E-200F, U+202A-202E, U+2066-2069, which would reorder the rest of
# the line on the screen; other text (é, 日本) stays. Loading
# this again wraps only a prompt that is not already venvhook's. No
# process.
if not ($env.__venvhook_state.prompt_wrapped? | default false) {
    let __venvhook_user_prompt = ($env.PROMPT_COMMAND? | default '')
    $env.PROMPT_COMMAND = {||
        let name = ($env.VIRTUAL_ENV_PROMPT? | default '' | str replace --all --regex '[\x00-\x1f\x7f-\x{9f}\x{61c}\x{200e}\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}]' '?')
        let segment = (if $name != '' and ($env.VIRTUAL_ENV_DISABLE_PROMPT? | default '') == '' { $"\(($name)\) " } else { '' })
        let user = (if ($__venvhook_user_prompt | describe) == 'closure' { do $__venvhook_user_prompt } else { $__venvhook_user_prompt })
        $segment + ($user | default '' | into string)
    }
    $env.__venvhook_state.prompt_wrapped = true
}
