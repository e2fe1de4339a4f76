# venvhook's nushell hook. `venvhook init nu` prints this after the lines
# that give it the absolute path of the venvhook binary and the commands
# that change the shell (from its command table); env.nu saves it and
# config.nu sources it (nushell cannot eval text):
#     env.nu:     venvhook init nu | save -f ~/.venvhook.nu
#     config.nu:  source ~/.venvhook.nu
#
# nushell runs hooks only before a prompt: $env.config.hooks.env_change.PWD
# when the directory changed since the last one, pre_prompt before each.
# Neither starts a process unless something changed. A command on the same
# line as a cd runs before the env switches. pre_execution, before each
# command line runs, keeps the line for the made-here rule (no process).
#
# What it keeps, in $env.__venvhook_state (a record: nushell hands commands only
# strings, so none of it is exported):
#   __venvhook_exe      the binary          __venvhook_evals    its commands
#                                                               whose output is applied
#   pwd                 the directory the last export resolved
#   ve                  $env.VIRTUAL_ENV as the last export left it
#   __venvhook_watch    env paths (DIR/NAME, a store, .python-version) that export asked it to
#                       look for, because they were absent (core/trust/watch.h)
#   __venvhook_key      the word export handed back with them
#   lines               the command lines run since the last export, as
#                       pre_execution saw them, for the made-here rule
#                       (core/trust/madeby.h); cut when older ones were
#                       dropped (64 at most)
#   __venvhook_r*       the region where export's answer holds (rtop, rnames,
#                       rgone, rkeep, rref, renv: see core/decide/region.h),
#                       and __venvhook_w{root,fix,rel} what to watch in it
#   __venvhook_went     the directory a cd went into by the region, with no
#                       export: the next export is told (it watched there)
#   __venvhook_storecmds the commands that write a store's record of a
#                       project in place (virtualenvwrapper's
#                       setvirtualenvproject...; core/store/stores.h), from
#                       init; recheck: a line named one, and the next prompt
#                       runs export
#
# What the binary prints for nushell is one call of these commands a line
# (shells/nu.c): sourced, init's lines run as they are; export's are read
# as data by __venvhook_apply.

# The state, or a new one where there is none (a record: an environment
# variable of that name is not it).
def __venvhook_state [] {
    let s = ($env.__venvhook_state? | default {})
    if ($s | describe | str starts-with 'record') { $s } else { {} }
}

def --env __venvhook_local [name: string, value: string] {
    $env.__venvhook_state = (__venvhook_state | upsert $name $value)
}

def --env __venvhook_list [name: string, values: list<string>] {
    $env.__venvhook_state = (__venvhook_state | upsert $name $values)
}

def --env __venvhook_setenv [name: string, value: string] {
    if $name == 'PATH' {
        $env.PATH = (if $value == '' { [] } else { $value | split row (char esep) })
    } else {
        load-env {$name: $value}
    }
}

def --env __venvhook_unsetenv [name: string] {
    hide-env -i $name
}

# PATH as a list: the first entry equal to REMOVE taken out, PREPEND put
# first ('' for neither).
def --env __venvhook_editpath [remove: string, prepend: string] {
    mut p = (if ($env.PATH | describe) == 'string' { $env.PATH | split row (char esep) } else { $env.PATH })
    if $remove != '' {
        let at = ($p | enumerate | where item == $remove | get index)
        if ($at | length) > 0 {
            $p = ($p | drop nth ($at | first))
        }
    }
    if $prepend != '' {
        $p = ($p | prepend $prepend)
    }
    $env.PATH = $p
}

# Runs what the binary printed: each line a command above and its
# arguments, read as data, never as code.
def --env __venvhook_apply [text: string] {
    for line in ($text | lines) {
        let words = ($line | split row -n 2 ' ')
        let args = (if ($words | length) > 1 { $"[($words | get 1)]" | from nuon } else { [] })
        match ($words | first) {
            '__venvhook_setenv' => { __venvhook_setenv ($args | get 0) ($args | get 1) }
            '__venvhook_unsetenv' => { __venvhook_unsetenv ($args | get 0) }
            '__venvhook_editpath' => { __venvhook_editpath ($args | get 0) ($args | get 1) }
            '__venvhook_local' => { __venvhook_local ($args | get 0) ($args | get 1) }
            '__venvhook_list' => { __venvhook_list ($args | get 0) ($args | get 1) }
            '__venvhook_sync' => { __venvhook_sync }
            '__venvhook_doctor' => { __venvhook_doctor }
            _ => { }
        }
    }
}

# `deactivate` and `pydoc`, for the habits the activate scripts taught,
# work while an env venvhook activated is active (nushell cannot define a
# command at run time: they are defined here, and say so otherwise). This
# notes the env they belong to.
def --env __venvhook_sync [] {
    $env.__venvhook_state.ve = ($env.VIRTUAL_ENV? | default '')
}

def __venvhook_ours_on [] {
    ($env.__VENVHOOK_ENV? | default '') != '' and ($env.VIRTUAL_ENV? | default '') == $env.__VENVHOOK_ENV
}

def --env --wrapped deactivate [...args] {
    if (__venvhook_ours_on) {
        venvhook deactivate ...$args
    } else {
        print -e 'deactivate: no env venvhook activated is active'
        ^/bin/sh -c 'exit 1'
    }
}

def --wrapped pydoc [...args] {
    if (__venvhook_ours_on) {
        ^python -m pydoc ...$args
    } else {
        print -e 'pydoc: no env venvhook activated is active'
        ^/bin/sh -c 'exit 127'
    }
}

# The binary is there and can run (an uninstall, an upgrade to another
# path take it away under a running shell): a file (its link followed)
# with an execute bit, asked with builtins.
def __venvhook_here [] {
    let f = (try { ls -l ($env.__venvhook_state.__venvhook_exe | path expand) | first } catch { null })
    $f != null and $f.type == 'file' and ($f.mode | str contains 'x')
}

# The binary is gone or cannot run: with builtins only, take the env
# venvhook activated off PATH (its first entry) and put the variables back
# as deactivating would, say so in one line, and unhook this shell (its
# hooks; nushell cannot remove a command at run time: venvhook says it is
# gone, deactivate that no env of venvhook's is active). Once.
def --env __venvhook_gone [] {
    if ($env.__venvhook_state.unhooked? | default false) { return }
    $env.__venvhook_state.unhooked = true
    mut what = 'unhooked this shell'
    let ve = ($env.__VENVHOOK_ENV? | default '')
    if $ve != '' {
        __venvhook_editpath $"($ve)/bin" ''
        if ($env.VIRTUAL_ENV? | default '') == $ve {
            hide-env -i VIRTUAL_ENV VIRTUAL_ENV_PROMPT
            $what = $"deactivated its env and ($what)"
        }
        if '__VENVHOOK_PYTHONHOME' in $env {
            load-env {PYTHONHOME: $env.__VENVHOOK_PYTHONHOME}
        }
        # a conda prefix's: conda's variables back as export puts them back
        # (core/output/plan.c), while CONDA_PREFIX is still its own
        if ($env.CONDA_PREFIX? | default null) == $ve {
            if '__VENVHOOK_CONDA_LEVEL' in $env {
                if ($env.CONDA_STACKED_2? | default '') == 'true' and ($env.CONDA_SHLVL? | default '') == '2' {
                    hide-env -i CONDA_PREFIX_1 CONDA_STACKED_2
                }
                if '__VENVHOOK_CONDA_SHLVL' in $env {
                    load-env {CONDA_SHLVL: $env.__VENVHOOK_CONDA_SHLVL}
                } else {
                    hide-env -i CONDA_SHLVL
                }
                if '__VENVHOOK_CONDA_PROMPT' in $env {
                    load-env {CONDA_PROMPT_MODIFIER: $env.__VENVHOOK_CONDA_PROMPT}
                } else {
                    hide-env -i CONDA_PROMPT_MODIFIER
                }
            }
            if '__VENVHOOK_CONDA_PREFIX' in $env {
                load-env {CONDA_PREFIX: $env.__VENVHOOK_CONDA_PREFIX}
            } else {
                hide-env -i CONDA_PREFIX
            }
            if '__VENVHOOK_CONDA_DEFAULT_ENV' in $env {
                load-env {CONDA_DEFAULT_ENV: $env.__VENVHOOK_CONDA_DEFAULT_ENV}
            } else {
                hide-env -i CONDA_DEFAULT_ENV
            }
        }
    }
    hide-env -i __VENVHOOK_ENV __VENVHOOK_PYTHONHOME __VENVHOOK_PIN __VENVHOOK_PAUSE __VENVHOOK_CONDA_PREFIX __VENVHOOK_CONDA_DEFAULT_ENV __VENVHOOK_CONDA_LEVEL __VENVHOOK_CONDA_SHLVL __VENVHOOK_CONDA_PROMPT
    __venvhook_sync
    print -e $"venvhook: ($env.__venvhook_state.__venvhook_exe) is gone: ($what)"
    $env.config = ($env.config | upsert hooks {|c|
        let hooks = ($c.hooks? | default {})
        let env_change = ($hooks.env_change? | default {})
        $hooks
        | upsert env_change ($env_change | upsert PWD (
            $env_change.PWD? | default [] | where {|h| not (__venvhook_ours [$h]) }))
        | upsert pre_prompt ($hooks.pre_prompt? | default [] | where {|h| not (__venvhook_ours [$h]) })
        | upsert pre_execution ($hooks.pre_execution? | default [] | where {|h| not (__venvhook_ours [$h]) })
    })
}

# Before each command line runs (pre_execution; not at an idle prompt):
# the line, for the made-here rule. nushell runs its hooks only before a
# prompt, so no line is running when export runs: the lines since began
# where the last export stood. A line that names a store command as a word
# (between blanks, ;&|(), quotes or backquotes) has the next prompt run
# export.
def --env __venvhook_preexec [] {
    let line = (commandline)
    if ($line | str trim) == '' { return }
    mut lines = ($env.__venvhook_state.lines? | default [])
    if ($lines | length) >= 64 {
        $lines = ($lines | skip 1)
        $env.__venvhook_state.cut = 't'
    }
    $env.__venvhook_state.lines = ($lines | append $line)
    let cmds = ($env.__venvhook_state.__venvhook_storecmds? | default [])
    if ($line | split row -r "[\\s;&|()'\"`]+" | any {|w| $w in $cmds }) {
        $env.__venvhook_state.recheck = true
    }
}

# The lines as core/trust/madeby.h reads them: flags, no directory (no
# line was running at the last export), each line ended by the byte 037;
# '' when none was seen. A line holding 036 or 037 cannot be told apart
# ("b"); a value the system cannot pass to a program (128 KiB) neither.
def __venvhook_cmdlines [] {
    let s = (__venvhook_state)
    let lines = ($s.lines? | default [])
    if ($lines | is-empty) { return '' }
    let cut = (($s.cut? | default '') != '')
    let lines = (if $cut { $lines | last 1 } else { $lines })
    let rs = (char --integer 30)
    let us = (char --integer 31)
    let v = ([(if $cut { 't' } else { '' }) $rs $rs ($lines | each {|l| $l + $us } | str join) $rs] | str join)
    if ($lines | any {|l| ($l | str contains $rs) or ($l | str contains $us) }) or ($v | str length --utf-8-bytes) >= 131072 {
        ['b' $rs $rs $rs] | str join
    } else {
        $v
    }
}

# Runs `venvhook export` and applies it; the exit status the user's last
# command left is kept. A binary that is gone or fails changes nothing
# (it, or nushell, says why on stderr). The lines go to export in the
# environment, never on its command line, and only when it asks for them
# (__venvhook_more: an env appeared).
def --env __venvhook_export [] {
    let status = ($env.LAST_EXIT_CODE? | default 0)
    if not (__venvhook_here) {
        __venvhook_gone
        return
    }
    $env.__venvhook_state.pwd = $env.PWD
    $env.__venvhook_state.__venvhook_more = ''
    let went = ($env.__venvhook_state.__venvhook_went? | default '')
    $env.__venvhook_state.__venvhook_went = ''
    let text = (try { with-env {__venvhook_cmdlines: '?', __venvhook_went: $went} { ^($env.__venvhook_state.__venvhook_exe) export nu $env.__venvhook_state.__venvhook_key } } catch { '' })
    __venvhook_apply ($text | default '')
    if $env.__venvhook_state.__venvhook_more != '' {
        $env.__venvhook_state.__venvhook_more = ''
        let lines = (__venvhook_cmdlines)
        let text = (try { with-env {__venvhook_cmdlines: $lines, __venvhook_went: $went} { ^($env.__venvhook_state.__venvhook_exe) export nu $env.__venvhook_state.__venvhook_key } } catch { '' })
        __venvhook_apply ($text | default '')
        $env.__venvhook_state.__venvhook_more = ''
    }
    # the lines export is next handed begin with the next one
    $env.__venvhook_state.lines = []
    $env.__venvhook_state.cut = ''
    $env.__venvhook_state.recheck = false
    # A watched path seen now is looked for no more: it starts one export,
    # not one at every prompt.
    $env.__venvhook_state.__venvhook_watch = ($env.__venvhook_state.__venvhook_watch | where {|p| not ($p | path exists) })
    __venvhook_sync
    $env.LAST_EXIT_CODE = $status
}

# True when $env.PWD lies in the region where the last export's answer
# holds (core/decide/region.h), asked with builtins only: at or below its
# top; every directory from $PWD up to the top ($PWD alone at the top) a
# directory of the user's own, no symlink, that its owner may read and
# search (ls -l's owner and mode: nushell has no access(2), so a directory
# of someone else's there asks export), none of those below the top
# holding any of the walk's names; nothing in rgone there, everything in
# rkeep there and no newer than rref (links followed), every variable in
# renv as it was. A path with a name all dots, or an escape byte, asks
# export: nushell's path commands read the one as a way up, and ls takes
# the other out. Anything that fails asks export too.
def __venvhook_inside [] {
    let s = $env.__venvhook_state
    let d = $env.PWD
    let top = $s.__venvhook_rtop
    if $top == '' or not ($d == $top or ($d | str starts-with (($top | str trim -r -c '/') + '/'))) {
        return false
    }
    let paths = ([$d $s.__venvhook_rref ...$s.__venvhook_rgone ...$s.__venvhook_rkeep] | str join (char nl))
    if $paths =~ '/\.+(/|\n|$)|\x1b' { return false }
    try { __venvhook_holds $s $d $top } catch { false }
}

# The rest of __venvhook_inside's test (an error in it asks export).
# (`in`, `for` and list-wise commands, no closure: nushell copies the
# environment for each closure it runs, a twentieth of a millisecond.)
def __venvhook_holds [s: record, d: string, top: string] {
    let e = $env
    for v in $s.__venvhook_renv {
        let nv = ($v | split row -n 2 '=')
        let name = ($nv | first)
        let now = (if $name in $e { $e | get $name } else { null })
        if $now != (if ($nv | length) == 2 { $nv | last } else { null }) { return false }
    }
    if true in ($s.__venvhook_rgone | path exists -n) { return false }
    let keep = $s.__venvhook_rkeep
    if ($keep | is-not-empty) {
        if ($s.__venvhook_rref | path type) != 'file' or false in ($keep | path exists) { return false }
        let ref = (ls -D $s.__venvhook_rref | get modified | first)
        if (ls -D ...($keep | path expand) | get modified | math max) > $ref { return false }
    }
    mut below = []
    mut up = $d
    while $up != $top {
        $below = ($below | append $up)
        $up = ($up | path dirname)
    }
    let dirs = (ls -D -l ...(if ($below | is-empty) { [$d] } else { $below }))
    if ($dirs.type | uniq) != ['dir'] or ($dirs.user | uniq) != [(whoami)] or ($dirs.mode | str replace -r '^r.[xs].*' '' | uniq) != [''] {
        return false
    }
    for b in $below {
        if true in ($s.__venvhook_rnames | str replace -r -n '^' $"($b)/" | path exists -n) { return false }
    }
    true
}

# A cd into the region: what export would have left, without it. The
# watch moves with the shell (the root's and the stores' paths, and the
# env paths here: core/trust/watch.h, vh_watch_move), the next export is
# told where it went, and the lines it is handed begin with the next one.
def --env __venvhook_moveto [] {
    let s = $env.__venvhook_state
    let d = $env.PWD
    mut watch = $s.__venvhook_wfix
    if $d != $s.__venvhook_wroot {
        for p in ($s.__venvhook_wrel | str replace -r -n '^' $"($d | str trim -r -c '/')/") {
            if not ($p | path exists) { $watch = ($watch | append $p) }
        }
    }
    $env.__venvhook_state.pwd = $d
    $env.__venvhook_state.__venvhook_went = $d
    $env.__venvhook_state.lines = []
    $env.__venvhook_state.cut = ''
    $env.__venvhook_state.__venvhook_watch = $watch
}

# What every trigger checks, with builtins only: VIRTUAL_ENV changed behind
# venvhook's back (an activate script's deactivate, another tool's hook),
# the line just run named a store command, the directory changed and left
# the region, or an env appeared at a watched path. No process unless one
# of them holds.
def --env __venvhook_check [] {
    if ($env.__venvhook_state.unhooked? | default false) { return }
    if ($env.VIRTUAL_ENV? | default '') != $env.__venvhook_state.ve or ($env.__venvhook_state.recheck? | default false) {
        __venvhook_export
        return
    }
    if $env.PWD != $env.__venvhook_state.pwd {
        if not (__venvhook_inside) {
            __venvhook_export
            return
        }
        __venvhook_moveto
    }
    # (`in`, not a closure for each path: see __venvhook_holds)
    if true in ($env.__venvhook_state.__venvhook_watch | path exists) {
        __venvhook_export
    }
}

# venvhook doctor's first answer calls this: what only this shell can see,
# for the binary to judge: whether its hooks are still in the lists, and
# the code of the others.
def __venvhook_doctor [] {
    let pwd_hooks = ($env.config.hooks?.env_change?.PWD? | default [])
    let prompt_hooks = ($env.config.hooks?.pre_prompt? | default [])
    let others = ([...$pwd_hooks ...$prompt_hooks] | each {|h|
        try { view source (if ($h | describe) starts-with 'record' { $h.code } else { $h }) } catch { '' }
    } | str join "\n")
    (^$env.__venvhook_state.__venvhook_exe doctor shell=nu $"loads=($env.__venvhook_state.loads)"
        $"hooks=(if (__venvhook_ours $pwd_hooks) { 'env_change.PWD' } else { '' })"
        $"precmd=(if (__venvhook_ours $prompt_hooks) { 'pre_prompt' } else { '' })"
        $"made=($env.__venvhook_state.__venvhook_made? | default '')" $"rivals=($others)")
}

# The commands that change this shell's environment and those that judge
# what only the shell sees (__venvhook_evals, from the binary's command
# table) go through this command, which applies what the binary prints for
# them (ending in __venvhook_sync, or the call of __venvhook_doctor);
# anything else runs the binary. A command nushell does not run last on its
# line reports its failure as a nushell error; so the binary's messages are
# passed on as they are, and a failure ends in a command that exits with
# its status (the one process a failure costs).
def --env --wrapped venvhook [...args: string@__venvhook_complete] {
    let exe = $env.__venvhook_state.__venvhook_exe
    if ($env.__venvhook_state.unhooked? | default false) or not (__venvhook_here) {
        __venvhook_gone
        if ($args | length) == 0 or ($args | first) != 'deactivate' {
            print -e $"venvhook: ($exe) is gone"
            ^/bin/sh -c 'exit 127'
        }
    } else if ($args | length) > 0 and ($args | first) in $env.__venvhook_state.__venvhook_evals {
        let r = (^$exe call nu ...$args | complete)
        print -e -n $r.stderr
        if $r.exit_code == 0 {
            # (what the region rested on may have changed: the next cd asks)
            $env.__venvhook_state.__venvhook_rtop = ''
            __venvhook_apply $r.stdout
        } else {
            ^/bin/sh -c $"exit ($r.exit_code)"
        }
    } else {
        # (the binary is told the shell it runs in: status knows the hook is loaded)
        with-env {__VENVHOOK_SHELL: nu} { ^$exe ...$args }
    }
}

# Completion, from the command table's lists init gives the state
# (__venvhook_commands...): the commands, a command's options, init's
# shells, and the env names `venvhook list` prints. CONTEXT: the command
# line up to the cursor.
def __venvhook_complete [context: string] {
    let s = $env.__venvhook_state
    let words = ($context | split row -r '\s+')
    let cur = ($words | last)
    let all = (if ($words | length) == 2 {
        $s.__venvhook_commands
    } else if ($cur | str starts-with '-') {
        $s.__venvhook_options | each {|o| $o | split row ' ' } | where {|p| ($p | first) == ($words | get 1) } | each {|p| $p | last }
    } else if ($words | get 1) in $s.__venvhook_shell_commands {
        $s.__venvhook_shells
    } else if ($words | get 1) in $s.__venvhook_env_commands {
        try { ^($s.__venvhook_exe) list | lines } catch { [] }
    } else {
        []
    })
    $all | where {|c| $c | str starts-with $cur }
}

# 1 when a list of hooks holds one of venvhook's (a record marked
# __venvhook, as zoxide marks its own).
def __venvhook_ours [hooks: list<any>] {
    $hooks | any {|h| ($h | describe) starts-with 'record' and ($h.__venvhook? | default false) }
}

# The state, reset at each load (what a parent left is not trusted), but
# for what init's lines above set; then the hooks, replacing any an
# earlier load added; then the check, so that a shell that starts inside a
# project is active before its first prompt.
let __venvhook_old = (__venvhook_state)
$env.__venvhook_state = {
    __venvhook_exe: $__venvhook_old.__venvhook_exe
    __venvhook_evals: $__venvhook_old.__venvhook_evals
    __venvhook_storecmds: ($__venvhook_old.__venvhook_storecmds? | default [])
    __venvhook_made: ($__venvhook_old.__venvhook_made? | default '')
    __venvhook_commands: ($__venvhook_old.__venvhook_commands? | default [])
    __venvhook_options: ($__venvhook_old.__venvhook_options? | default [])
    __venvhook_shell_commands: ($__venvhook_old.__venvhook_shell_commands? | default [])
    __venvhook_env_commands: ($__venvhook_old.__venvhook_env_commands? | default [])
    __venvhook_program_commands: ($__venvhook_old.__venvhook_program_commands? | default [])
    __venvhook_shells: ($__venvhook_old.__venvhook_shells? | default [])
    __venvhook_watch: []
    __venvhook_key: '-'
    __venvhook_more: ''
    # (a region inherited would skip export)
    __venvhook_rtop: ''
    __venvhook_rnames: []
    __venvhook_rgone: []
    __venvhook_rkeep: []
    __venvhook_rref: ''
    __venvhook_renv: []
    __venvhook_wroot: ''
    __venvhook_wfix: []
    __venvhook_wrel: []
    __venvhook_went: ''
    lines: []
    cut: ''
    recheck: false
    pwd: ''
    ve: ''
    loads: (($__venvhook_old.loads? | default 0) + 1)
    unhooked: false
    prompt_wrapped: ($__venvhook_old.prompt_wrapped? | default false)
}
$env.config = ($env.config | upsert hooks {|c|
    let hooks = ($c.hooks? | default {})
    let env_change = ($hooks.env_change? | default {})
    $hooks
    | upsert env_change ($env_change | upsert PWD (
        $env_change.PWD? | default [] | where {|h| not (__venvhook_ours [$h]) }
        | append {__venvhook: true, code: {|before, after| __venvhook_check }}))
    | upsert pre_prompt (
        $hooks.pre_prompt? | default [] | where {|h| not (__venvhook_ours [$h]) }
        | append {__venvhook: true, code: {|| __venvhook_check }})
    | upsert pre_execution (
        $hooks.pre_execution? | default [] | where {|h| not (__venvhook_ours [$h]) }
        | append {__venvhook: true, code: {|| __venvhook_preexec }})
})
__venvhook_check
