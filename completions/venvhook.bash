# shellcheck shell=bash
# bash completion for venvhook, installed as `venvhook` in bash-completion's
# completions directory (loaded on the first Tab after `venvhook`), or
# sourced as it is. Needs bash >= 4.4.

# __venvhook_dequote WORD: sets __venvhook_word to WORD as the shell would
# pass it, for a word cut short by the cursor. When a quote is still open,
# __venvhook_q is that quote and __venvhook_pre the length of the word before
# it: readline completes only the text after that quote.
__venvhook_dequote() {
    local __venvhook_in=$1 __venvhook_c __venvhook_i
    __venvhook_word='' __venvhook_q='' __venvhook_pre=0
    for ((__venvhook_i = 0; __venvhook_i < ${#__venvhook_in}; __venvhook_i++)); do
        __venvhook_c=${__venvhook_in:__venvhook_i:1}
        case $__venvhook_q$__venvhook_c in
            \' | \")
                __venvhook_q=$__venvhook_c
                __venvhook_pre=${#__venvhook_word}
                ;;
            \'\' | \"\") __venvhook_q='' ;;
            \\ | \"\\)
                # outside quotes \ takes any character; inside "..." only these
                if [[ -z $__venvhook_q || ${__venvhook_in:__venvhook_i+1:1} == [\$\`\"\\] ]]; then
                    ((__venvhook_i++))
                    __venvhook_c=${__venvhook_in:__venvhook_i:1}
                fi
                __venvhook_word+=$__venvhook_c
                ;;
            *) __venvhook_word+=$__venvhook_c ;;
        esac
    done
}

# __venvhook_reply NAME: adds to COMPREPLY the text that, put in place of
# what readline completes, makes the word NAME: backslashes outside quotes,
# else the rest of NAME inside the open quote, closed.
__venvhook_reply() {
    local __venvhook_rest=${1:__venvhook_pre}
    case $__venvhook_q in
        \')
            COMPREPLY+=("${__venvhook_rest//\'/\'\\\'\'}'")
            ;;
        \")
            __venvhook_rest=${__venvhook_rest//\\/\\\\}
            __venvhook_rest=${__venvhook_rest//\$/\\\$}
            __venvhook_rest=${__venvhook_rest//\`/\\\`}
            COMPREPLY+=("${__venvhook_rest//\"/\\\"}\"")
            ;;
        *)
            printf -v __venvhook_rest %q "$1"
            COMPREPLY+=("$__venvhook_rest")
            ;;
    esac
}

__venvhook_complete() {
    local __venvhook_word __venvhook_q __venvhook_pre __venvhook_name __venvhook_names
    COMPREPLY=()
    if ((COMP_CWORD == 1)); then
        mapfile -t COMPREPLY < <(compgen -W 'init list activate deactivate allow deny status doctor config --help --version' -- "$2")
        return 0
    fi
    ((COMP_CWORD == 2)) || return 0
    case ${COMP_WORDS[1]} in
        init) mapfile -t COMPREPLY < <(compgen -W 'bash zsh fish tcsh csh' -- "$2") ;;
        list) mapfile -t COMPREPLY < <(compgen -W '--paths' -- "$2") ;;
        activate)
            __venvhook_dequote "${COMP_WORDS[COMP_CWORD]}"
            if [[ $__venvhook_word == */* ]]; then
                # directories: readline quotes file names itself
                compopt -o filenames
                mapfile -t COMPREPLY < <(compgen -d -- "$__venvhook_word")
                return 0
            fi
            # The names are venvhook's to know: it lists the envs that
            # start with the word ($WORKON_HOME, the tools' stores, the
            # current project), one a line (never a newline in one), read
            # in blocks (mapfile), not a byte at a time (read). They are
            # quoted here: readline would leave a $ bare in a name that is
            # no file in the current directory.
            mapfile -t __venvhook_names < <("${__venvhook_exe:-venvhook}" list -- "$__venvhook_word" 2>/dev/null)
            ((${#__venvhook_names[@]})) || return 0
            if [[ -z $__venvhook_q ]]; then
                # one printf for them all: %q quotes each as bash reads it back
                mapfile -t COMPREPLY < <(printf '%q\n' "${__venvhook_names[@]}")
            else
                for __venvhook_name in "${__venvhook_names[@]}"; do
                    __venvhook_reply "$__venvhook_name"
                done
            fi
            ;;
    esac
    return 0
}

complete -F __venvhook_complete venvhook
