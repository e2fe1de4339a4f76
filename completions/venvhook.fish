# fish completion for venvhook, installed in fish's vendor_completions.d.
# fish escapes each candidate as it inserts it.

# __venvhook_complete_after WORD: true when the word being completed is the
# first argument of the subcommand WORD.
function __venvhook_complete_after
    builtin set -l __venvhook_tokens (commandline -opc)
    builtin test (builtin count $__venvhook_tokens) -eq 2; and builtin test "$__venvhook_tokens[2]" = $argv[1]
end

# The env names are venvhook's to know, one a line (never a newline in
# one): those that start with the token as typed, its quoting removed.
function __venvhook_complete_envs
    builtin set -l __venvhook_cmd venvhook
    builtin set -q __venvhook_exe[1]; and builtin set __venvhook_cmd $__venvhook_exe
    if builtin string match -q -- '*/*' (commandline -ct)
        __fish_complete_directories (commandline -ct)
    else
        builtin set -l __venvhook_prefix (commandline -ct | builtin string unescape)
        command $__venvhook_cmd list -- "$__venvhook_prefix" 2>/dev/null
    end
end

complete -c venvhook -f
complete -c venvhook -n __fish_use_subcommand -a init -d 'Print the hook for a shell rc file'
complete -c venvhook -n __fish_use_subcommand -a list -d 'Print the names of the envs'
complete -c venvhook -n __fish_use_subcommand -a activate -d 'Activate an env by name or path'
complete -c venvhook -n __fish_use_subcommand -a deactivate -d 'Deactivate the env'
complete -c venvhook -n __fish_use_subcommand -a allow -d 'Trust the env here'
complete -c venvhook -n __fish_use_subcommand -a deny -d 'Never activate the env here'
complete -c venvhook -n __fish_use_subcommand -a status -d 'Say what is active and why'
complete -c venvhook -n __fish_use_subcommand -a doctor -d 'Check this shell setup'
complete -c venvhook -n __fish_use_subcommand -a config -d 'Print the settings in force'
complete -c venvhook -n '__venvhook_complete_after status' -l json -d 'As one JSON object'
complete -c venvhook -n __fish_use_subcommand -l help -d 'Show the help'
complete -c venvhook -n __fish_use_subcommand -l version -d 'Show the version'
complete -c venvhook -n '__venvhook_complete_after init' -a 'bash zsh fish tcsh csh'
complete -c venvhook -n '__venvhook_complete_after list' -l paths -d 'Also print each env path'
complete -c venvhook -n '__venvhook_complete_after activate' -a '(__venvhook_complete_envs)'
