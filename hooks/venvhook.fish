# venvhook's fish hook. `venvhook init fish` prints this after a line that
# sets __venvhook_exe to the absolute path of the venvhook binary.

# Only an interactive shell gets the hook: `fish -c` (as prompts like tide
# run in the background) and scripts that load config.fish start no
# venvhook process and print nothing. init's guard checks `status
# is-interactive` before it evals this (a `return` here would end
# config.fish); the README's rc line also checks it first, so that init
# itself does not run there.

# What it keeps between prompts (venvhook's own, none exported):
#   __venvhook_pwd    the directory the last export resolved
#   __venvhook_ve     $VIRTUAL_ENV as the last export left it
#   __venvhook_path   "$PATH" as the last export left it
#   __venvhook_start  set while the shell starts (its rc file; in VS Code's
#                     terminal also its first command line, where the Python
#                     extension activates its env, unless a cd comes first): an
#                     env put on by then may be adopted (export's rule)
#   __venvhook_vsline the env VS Code's first command line put on (its Python
#                     extension's activate line), for doctor
#   __venvhook_watch  env paths (DIR/NAME/pyvenv.cfg) that export asked it to
#                     look for, because they were absent (see core/trust/watch.h)
#   __venvhook_key    the word export handed back with them
#   __venvhook_lines  the command lines run since the last export, from the
#                     one that was last then (it may have been running), as
#                     fish_preexec saw them, for the made-here rule
#                     (core/trust/madeby.h); __venvhook_cut when older ones
#                     were dropped (64 at most), __venvhook_lpwd where the
#                     last began, __venvhook_wfrom where the first began when
#                     it was running at the last export
#   __venvhook_r*     the region where export's answer holds (rtop, rnames,
#                     rgone, rkeep, rref, renv: see core/decide/region.h), and
#                     __venvhook_w{root,fix,rel} what to watch in it
#   __venvhook_went   the directory a cd went into by the region, with no
#                     export: the next export is told (it watched there, and
#                     the lines since began there)
#   __venvhook_recheck set by a line that names one of __venvhook_storecmds
#                     (init sets it: the commands that write a store's record
#                     of a project in place, virtualenvwrapper's
#                     setvirtualenvproject...; core/store/stores.h): the
#                     next prompt runs export

# What the hook keeps between prompts is this shell's own: a key, a watch
# list or a directory inherited from elsewhere (exported, universal, or
# given in the environment) proves nothing, so each load starts them
# afresh (one export more, when the file is loaded twice). The key's "none
# yet" is '-' (export takes the key as its last argument; without one it
# prints no watch list).
for __venvhook_p in __venvhook_key __venvhook_watch __venvhook_pwd __venvhook_ve __venvhook_rtop \
    __venvhook_rnames __venvhook_rgone __venvhook_rkeep __venvhook_rref __venvhook_renv \
    __venvhook_wroot __venvhook_wfix __venvhook_wrel __venvhook_went __venvhook_vsline
    builtin set -eg $__venvhook_p
end
builtin set -g __venvhook_rtop
builtin set -g __venvhook_went
builtin set -g __venvhook_key -
builtin set -g __venvhook_watch

# What the made-here rule reads begins here; nothing inherited counts.
builtin set -g __venvhook_lines
builtin set -g __venvhook_cut
builtin set -g __venvhook_wfrom
builtin set -g __venvhook_lpwd $PWD
builtin set -e __venvhook_more
builtin set -e __venvhook_mid
builtin set -g __venvhook_recheck
builtin set -q __venvhook_storecmds; or builtin set -g __venvhook_storecmds

# Before each command line runs (not at an idle prompt): the line, and where
# it starts, for the made-here rule; and whether it names a store command as
# a word (between blanks, ;&|(), quotes or backquotes), for the next prompt.
function __venvhook_preexec --on-event fish_preexec
    if builtin test (builtin count $__venvhook_lines) -ge 64
        builtin set -e __venvhook_lines[1]
        builtin set -g __venvhook_cut t
    end
    builtin set -ga __venvhook_lines "$argv[1]"
    builtin set -g __venvhook_lpwd $PWD
    builtin set -l __venvhook_w (builtin string split -n ' ' -- \
        (builtin string replace -ra -- '[\s;&|()\'"`]' ' ' "$argv[1]"))
    for __venvhook_c in $__venvhook_storecmds
        builtin contains -- $__venvhook_c $__venvhook_w; and builtin set -g __venvhook_recheck 1
    end
end

# Runs `venvhook export` and applies it. The lines go to export in the
# environment, never on its command line, and only when it asks for them
# (__venvhook_more: an env appeared), in core/trust/madeby.h's form; with no
# line seen (fish runs no fish_preexec for lines read from a pipe) it hands
# over nothing. __venvhook_mid: a cd inside a command line runs it, and that
# line goes on.
function __venvhook_export
    if builtin set -q __venvhook_unhooked; or not builtin test -x "$__venvhook_exe"
        __venvhook_gone
        builtin return 0
    end
    builtin set -g __venvhook_pwd $PWD
    __venvhook_cmdlines='?' __venvhook_went=$__venvhook_went command $__venvhook_exe export fish $__venvhook_key | builtin source
    if builtin set -q __venvhook_more
        builtin set -e __venvhook_more
        builtin set -l __venvhook_l ''
        if builtin test -n "$__venvhook_cut"
            # too many to keep: the last alone
            builtin set __venvhook_l t\x1e\x1e"$__venvhook_lines[-1]"\x1f\x1e
        else if builtin set -q __venvhook_lines[1]
            builtin set __venvhook_l \x1e"$__venvhook_wfrom"\x1e
            for __venvhook_p in $__venvhook_lines
                builtin set __venvhook_l "$__venvhook_l$__venvhook_p"\x1f
            end
            builtin set __venvhook_l "$__venvhook_l"\x1e
        end
        __venvhook_cmdlines=$__venvhook_l __venvhook_went=$__venvhook_went command $__venvhook_exe export fish $__venvhook_key | builtin source
        builtin set -e __venvhook_more
    end
    builtin set -g __venvhook_went
    # (a cd inside the line that named a store command ran before it did)
    builtin set -q __venvhook_mid; or builtin set -g __venvhook_recheck
    __venvhook_began
    # A watched path seen now is looked for no more: it starts one export,
    # not one at every prompt.
    builtin set -l __venvhook_w
    for __venvhook_p in $__venvhook_watch
        builtin test -e "$__venvhook_p"; or builtin set -a __venvhook_w $__venvhook_p
    end
    builtin set -g __venvhook_watch $__venvhook_w
    __venvhook_sync
end

# Where the lines export is next handed begin (after an export, or a cd
# into the region, which stands for one): with the one running (a cd
# inside it), else with the next.
function __venvhook_began
    if builtin set -q __venvhook_mid; and builtin set -q __venvhook_lines[1]
        builtin set -g __venvhook_lines $__venvhook_lines[-1]
        builtin set -g __venvhook_wfrom $__venvhook_lpwd
    else
        builtin set -g __venvhook_lines
        builtin set -g __venvhook_wfrom
    end
    builtin set -g __venvhook_cut
end

# 0 when $PWD lies in the region where the last export's answer holds
# (core/decide/region.h): at or below its top, a directory of the user's
# own, none between it and the top a symlink or unreadable, none of them
# holding any of the walk's names; nothing in rgone there, everything in
# rkeep there and no newer than rref, every variable in renv as it was.
# `path` tests a list at once and takes a directory's parent without
# cutting a name at a newline; a fish older than 3.5, which has none, asks
# export at each cd.
function __venvhook_inside --description 'venvhook: $PWD lies in the region'
    builtin -q path 2>/dev/null; or builtin return 1
    builtin test -n "$__venvhook_rtop" -a -O "$PWD"; or builtin return 1
    for __venvhook_p in $__venvhook_renv
        builtin set -l __venvhook_v (builtin string split -m 1 = -- $__venvhook_p)
        if builtin set -q __venvhook_v[2]
            builtin set -q $__venvhook_v[1]; or builtin return 1
            builtin test "x$$__venvhook_v[1]" = "x$__venvhook_v[2]"; or builtin return 1
        else
            builtin set -q $__venvhook_v[1]; and builtin return 1
        end
    end
    if builtin set -q __venvhook_rgone[1]
        builtin path filter -q -- $__venvhook_rgone; and builtin return 1
        builtin path filter -q -l -- $__venvhook_rgone; and builtin return 1
    end
    for __venvhook_p in $__venvhook_rkeep
        builtin test -f "$__venvhook_rref" -a -e "$__venvhook_p" -a ! "$__venvhook_p" -nt "$__venvhook_rref"
        or builtin return 1
    end
    builtin set -l __venvhook_d $PWD
    while builtin test "x$__venvhook_d" != "x$__venvhook_rtop"
        builtin test "x$__venvhook_d" != x/ -a ! -L "$__venvhook_d" -a -r "$__venvhook_d" -a -x "$__venvhook_d"
        or builtin return 1
        builtin path filter -q -- "$__venvhook_d/"$__venvhook_rnames; and builtin return 1
        builtin path filter -q -l -- "$__venvhook_d/"$__venvhook_rnames; and builtin return 1
        builtin set __venvhook_d (builtin path dirname -Z -- $__venvhook_d | builtin string split0)
    end
    builtin return 0
end

# A cd into the region: what export would have left, without it. The
# watch moves with the shell (the root's and the stores' paths, and the
# env paths here: core/trust/watch.h, vh_watch_move), and the lines export
# is next handed begin here.
function __venvhook_moveto
    builtin set -g __venvhook_pwd $PWD
    builtin set -g __venvhook_went $PWD
    builtin set -g __venvhook_watch $__venvhook_wfix
    __venvhook_began
    builtin test "x$PWD" = "x$__venvhook_wroot"; and builtin return 0
    for __venvhook_p in (builtin string trim -r -c / -- $PWD)/$__venvhook_wrel
        builtin test -e "$__venvhook_p"; or builtin set -a __venvhook_watch $__venvhook_p
    end
end

# What every trigger checks, with builtins only: the directory changed and
# left the region, an env appeared at a watched path, or someone else
# changed the env: VIRTUAL_ENV
# or PATH is not as the last export left it (an activate script or its
# deactivate, direnv's restore, an editor's injection, mise or conda), and
# export sorts out whose env is on (core/output/plan.h). No process unless
# one of them holds. Few commands, as fish runs each slowly: one test for
# the strings (each with an x in front, so that no value reads as an
# operator), and fish 3.5's `path filter -q` for all watched paths at once.
builtin set -q __venvhook_pwd; or builtin set -g __venvhook_pwd
builtin set -q __venvhook_ve; or builtin set -g __venvhook_ve
builtin set -q __venvhook_path; or builtin set -g __venvhook_path
builtin set -q __venvhook_start; or builtin set -g __venvhook_start
function __venvhook_changed --description "venvhook: the directory or env changed: export (0), or the region's shortcut"
    if builtin test "x$VIRTUAL_ENV" != "x$__venvhook_ve" -o "x$PATH" != "x$__venvhook_path" -o -n "$__venvhook_recheck"; or not __venvhook_inside
        # (VS Code's first command line put an env on, its bin/ first: the
        # Python extension's activate line, for doctor)
        if builtin test "x$__venvhook_start" = x1 -a -n "$VIRTUAL_ENV" -a "x$PATH[1]" = "x$VIRTUAL_ENV/bin" -a "x$TERM_PROGRAM" = xvscode
            and builtin test "x$VIRTUAL_ENV" != "x$__venvhook_ve" -o "x$PATH" != "x$__venvhook_path"
            builtin set -g __venvhook_vsline $VIRTUAL_ENV
        end
        __venvhook_start=$__venvhook_start __venvhook_export
        builtin return 0
    end
    __venvhook_moveto
    builtin return 1
end
if builtin -q path 2>/dev/null
    function __venvhook_precmd --on-event fish_prompt --description 'venvhook: before the prompt'
        if builtin test "x$__venvhook_pwd" != "x$PWD" -o "x$VIRTUAL_ENV" != "x$__venvhook_ve" -o "x$PATH" != "x$__venvhook_path" -o -n "$__venvhook_recheck"
            __venvhook_changed; and builtin return
        end
        if builtin path filter -q -- $__venvhook_watch
            __venvhook_start=$__venvhook_start __venvhook_export
        end
    end
else
    function __venvhook_precmd --on-event fish_prompt --description 'venvhook: before the prompt'
        if builtin test "x$__venvhook_pwd" != "x$PWD" -o "x$VIRTUAL_ENV" != "x$__venvhook_ve" -o "x$PATH" != "x$__venvhook_path" -o -n "$__venvhook_recheck"
            __venvhook_changed; and builtin return
        end
        for __venvhook_p in $__venvhook_watch
            if builtin test -e "$__venvhook_p"
                __venvhook_start=$__venvhook_start __venvhook_export
                builtin return
            end
        end
    end
end

# The shell's start ends at its first prompt (in VS Code's terminal, at the
# prompt after its first command line): this handler runs the check once
# more at each of those prompts (a second check changes nothing), then
# takes itself away.
function __venvhook_first --on-event fish_prompt --description 'venvhook: the first prompts'
    __venvhook_precmd
    builtin set -g __venvhook_start (builtin string replace -r '^1' '' -- $__venvhook_start)
    builtin test -n "$__venvhook_start"; or builtin functions -e __venvhook_first
end

# The check runs before each prompt: it is the handler of the fish_prompt
# event, which comes before fish_prompt draws the prompt (fish keeps $status
# for the prompt across event handlers). __venvhook_hook runs it when $PWD
# changes (on the variable itself, so also for a cd inside a function or
# script, before the next command of the line), and once now, for a shell
# that starts inside a project; it leaves $status as it found it. Defining a
# function again replaces it, so loading this file twice adds no second
# handler.
function __venvhook_hook --on-variable PWD --description 'venvhook: follow $PWD'
    builtin set -l __venvhook_status $status
    builtin set -g __venvhook_mid 1
    # a directory change ends the shell's start too (fish reading commands
    # from a pipe draws no prompt)
    builtin set -g __venvhook_start
    __venvhook_precmd
    builtin set -e __venvhook_mid
    builtin return $__venvhook_status
end

# The commands that change this shell's environment (activate,
# deactivate, allow, deny) and those that judge what only the shell sees
# (doctor) go through this function, which sources what the binary prints
# for them (ending in __venvhook_sync, or the call of __venvhook_doctor):
# __venvhook_evals, which init sets from the binary's command table.
# Everything else runs the binary.
function venvhook --description 'venvhook: Python envs that follow $PWD'
    if builtin set -q __venvhook_unhooked; or not builtin test -x "$__venvhook_exe"
        __venvhook_gone
        builtin test "$argv[1]" = deactivate; and builtin return 0
        builtin return 127
    end
    if builtin set -q argv[1]; and builtin contains -- $argv[1] $__venvhook_evals
        # (what the region rested on may have changed: the next cd asks)
        builtin set -g __venvhook_rtop
        command $__venvhook_exe call fish $argv | builtin source
        # the binary's failure, else what it handed on (doctor's report)
        builtin set -l __venvhook_s $pipestatus
        builtin test $__venvhook_s[1] -ne 0; and builtin return $__venvhook_s[1]
        builtin return $__venvhook_s[2]
    end
    # status: run through the hook (it says when there is none)
    __VENVHOOK_SHELL=fish command $__venvhook_exe $argv
end

# venvhook doctor's first answer calls this: what only this shell can see,
# for the binary to judge.
function __venvhook_doctor
    # (which functions run on which event: a function defined again without
    # its --on-event no longer runs at the prompt)
    builtin set -l __venvhook_h (builtin functions --handlers 2>/dev/null)
    and builtin set __venvhook_h handlers_known=1 "handlers="(builtin string join ';' -- $__venvhook_h)";"
    or builtin set __venvhook_h
    command $__venvhook_exe doctor shell=fish loads=$__venvhook_loads \
        "hooks="(builtin string join ' ' (builtin functions --all --names)) \
        "vscode_line=$__venvhook_vsline" "rcfile=$__fish_config_dir/config.fish" $__venvhook_h
end

# `deactivate` and `pydoc`, for the habits the activate scripts taught,
# exist while an env venvhook activated is active, as theirs do while
# theirs is. They are defined again on each activation because an activate
# script's own deactivate removes its functions when it is done; a pydoc
# function that is not venvhook's is left alone. While someone else's env
# is on (__VENVHOOK_ASIDE), its own deactivate is left in place. An env
# venvhook adopted from an activate script (at shell start) is venvhook's:
# the script's saved prompt comes back, as venvhook's activation would
# have left it.
function __venvhook_sync
    builtin set -g __venvhook_ve "$VIRTUAL_ENV"
    builtin set -g __venvhook_path "$PATH"
    if builtin set -q __VENVHOOK_ENV; and builtin set -q VIRTUAL_ENV
        and builtin test "$VIRTUAL_ENV" = "$__VENVHOOK_ENV"; and not builtin set -q __VENVHOOK_ASIDE
        if builtin set -q _OLD_FISH_PROMPT_OVERRIDE; and builtin functions -q _old_fish_prompt
            and not builtin set -q __venvhook_owns_deactivate
            builtin functions -e fish_prompt
            builtin functions -c _old_fish_prompt fish_prompt
            builtin functions -e _old_fish_prompt
            builtin set -e _OLD_FISH_PROMPT_OVERRIDE
            builtin set -e _OLD_VIRTUAL_PATH
            builtin set -e _OLD_VIRTUAL_PYTHONHOME
        end
        function deactivate --description 'venvhook: deactivate the env'
            venvhook deactivate $argv
        end
        builtin set -g __venvhook_owns_deactivate 1
        if builtin set -q __venvhook_owns_pydoc; or not builtin functions -q pydoc
            function pydoc --description 'venvhook: python -m pydoc'
                command python -m pydoc $argv
            end
            builtin set -g __venvhook_owns_pydoc 1
        end
    else if builtin test -z "$VIRTUAL_ENV"
        if builtin set -q __venvhook_owns_deactivate
            builtin functions -e deactivate
            builtin set -e __venvhook_owns_deactivate
        end
        if builtin set -q __venvhook_owns_pydoc
            builtin functions -e pydoc
            builtin set -e __venvhook_owns_pydoc
        end
    end
end

# The binary is gone (uninstalled, or upgraded to another path) or can no
# longer run: with builtins only, take the env it activated off PATH and
# put the variables back as deactivating would, say so in one line, and
# unhook this shell (its event handlers, the venvhook function), so that no
# later prompt or cd tries to run it. Once.
function __venvhook_gone
    builtin set -q __venvhook_unhooked; and builtin return 0
    builtin set -g __venvhook_unhooked 1
    builtin set -l __venvhook_what 'unhooked this shell'
    if builtin set -q __VENVHOOK_ENV
        # the first PATH entry equal to it, as venvhook itself takes it out
        builtin set -l __venvhook_i (builtin contains -i -- "$__VENVHOOK_ENV/bin" $PATH)
        and builtin set -e PATH[$__venvhook_i]
        if builtin test "$VIRTUAL_ENV" = "$__VENVHOOK_ENV"
            builtin set -e VIRTUAL_ENV VIRTUAL_ENV_PROMPT
            builtin set __venvhook_what "deactivated its env and $__venvhook_what"
        end
        builtin set -q __VENVHOOK_PYTHONHOME; and builtin set -gx PYTHONHOME $__VENVHOOK_PYTHONHOME
        # a conda prefix's: conda's variables back as export puts them back
        # (core/output/plan.c), while CONDA_PREFIX is still its own
        if builtin set -q CONDA_PREFIX; and builtin test "$CONDA_PREFIX" = "$__VENVHOOK_ENV"
            if builtin set -q __VENVHOOK_CONDA_LEVEL
                if builtin test "$CONDA_STACKED_2" = true -a "$CONDA_SHLVL" = 2
                    builtin set -e CONDA_PREFIX_1 CONDA_STACKED_2
                end
                if builtin set -q __VENVHOOK_CONDA_SHLVL
                    builtin set -gx CONDA_SHLVL $__VENVHOOK_CONDA_SHLVL
                else
                    builtin set -e CONDA_SHLVL
                end
                if builtin set -q __VENVHOOK_CONDA_PROMPT
                    builtin set -gx CONDA_PROMPT_MODIFIER $__VENVHOOK_CONDA_PROMPT
                else
                    builtin set -e CONDA_PROMPT_MODIFIER
                end
            end
            if builtin set -q __VENVHOOK_CONDA_PREFIX
                builtin set -gx CONDA_PREFIX $__VENVHOOK_CONDA_PREFIX
            else
                builtin set -e CONDA_PREFIX
            end
            if builtin set -q __VENVHOOK_CONDA_DEFAULT_ENV
                builtin set -gx CONDA_DEFAULT_ENV $__VENVHOOK_CONDA_DEFAULT_ENV
            else
                builtin set -e CONDA_DEFAULT_ENV
            end
        end
    end
    builtin set -e __VENVHOOK_ENV __VENVHOOK_PYTHONHOME __VENVHOOK_PIN __VENVHOOK_PAUSE \
        __VENVHOOK_CONDA_PREFIX __VENVHOOK_CONDA_DEFAULT_ENV __VENVHOOK_CONDA_LEVEL \
        __VENVHOOK_CONDA_SHLVL __VENVHOOK_CONDA_PROMPT
    __venvhook_sync
    builtin printf 'venvhook: %s is gone: %s\n' "$__venvhook_exe" "$__venvhook_what" >&2
    builtin functions -e __venvhook_precmd __venvhook_hook venvhook
    builtin return 0
end

# counted for `venvhook doctor`
if builtin set -q __venvhook_loads
    builtin set -g __venvhook_loads (builtin math $__venvhook_loads + 1)
else
    builtin set -g __venvhook_loads 1
end

# (in VS Code's terminal, where the Python extension types its activate
# line first, through the first command line)
builtin set -g __venvhook_start 1
builtin test "$TERM_PROGRAM" = vscode; and builtin set -g __venvhook_start 11
__venvhook_precmd
