# shellcheck shell=bash
# venvhook's bash hook. `venvhook init bash` prints this after a line that
# sets __venvhook_exe to the absolute path of the venvhook binary.
# Needs bash >= 4.4 (${var@a}, ${var@P}).
#
# What it keeps between prompts (all of it venvhook's own, none exported):
#   __venvhook_pwd    the directory the last export resolved
#   __venvhook_ve     $VIRTUAL_ENV as the last export left it
#   __venvhook_pl     ${#PATH} as the last export left it
#   __venvhook_start  set while the shell starts (its rc file; in VS Code's
#                     terminal also its first command line, where the Python
#                     extension activates its env, unless a cd comes first): an
#                     env put on by then may be adopted (export's rule)
#   __venvhook_vsline the env VS Code's first command line put on (its Python
#                     extension's activate line), for doctor
#   __venvhook_watch  env paths (DIR/NAME/pyvenv.cfg) that export asked it to
#                     look for, because they were absent (see core/trust/watch.h)
#   __venvhook_key    the word export handed back with them
#   __venvhook_lpwd   $PWD at the last prompt: where the line after it started
#   __venvhook_r*     the region where export's answer holds (rtop, rnames,
#                     rgone, rkeep, rref, renv: see core/decide/region.h), and
#                     __venvhook_w{root,fix,rel} what to watch in it
#   __venvhook_went   the directory a cd went into by the region, with no
#                     export: the next export is told (it watched there, and
#                     the lines since began there)
# and, for the made-here rule (core/trust/madeby.h), where the lines run
# since the last export begin: __venvhook_hn the history number of the
# first (the one a cd inside it exported from, else the next), its start
# __venvhook_wfrom (empty for the next), and __venvhook_dd the command number
# less the history number then (it changes when a line is kept out of the
# history).
#   __venvhook_recheck set by a line that names one of __venvhook_storecmds
#                     (init sets it: the commands that write a store's record
#                     of a project in place, virtualenvwrapper's
#                     setvirtualenvproject...; core/store/stores.h): the next
#                     prompt runs export. bash hands a prompt hook no line:
#                     only bash-preexec's preexec_functions see it (see
#                     __venvhook_preexec); without it, the next cd.

# The lines run since the last export, as core/trust/madeby.h reads them,
# into __venvhook_l: flags, the directory the first started in when it was
# running at the last export, the lines from that one on, each ended by
# the byte 037. Reading the history costs a subshell, which runs only when
# export asks (an env appeared). `history` marks where each entry's text
# begins with its HISTTIMEFORMAT (here the byte 037); fc could not list the
# line running.
__venvhook_lines() {
    local __venvhook_n=${__venvhook_nums@P} __venvhook_f='' __venvhook_a __venvhook_s
    local __venvhook_c=${__venvhook_n% *} __venvhook_h=${__venvhook_n#* } __venvhook_p
    local __venvhook_from=${__venvhook_wfrom-}
    local -a __venvhook_e=()
    # a line since that the history did not keep (HISTCONTROL, HISTIGNORE)
    ((__venvhook_c - __venvhook_h == ${__venvhook_dd:-__venvhook_c - __venvhook_h})) ||
        __venvhook_f=g
    __venvhook_a=${__venvhook_hn:-0}
    # too many to read, or not known where they begin: the last alone
    if [[ -z ${__venvhook_hn-} ]] || ((__venvhook_h - __venvhook_a >= 100)); then
        __venvhook_a=$__venvhook_h
        __venvhook_f+=t
        __venvhook_from=''
    fi
    if ((__venvhook_a <= __venvhook_h)); then
        __venvhook_s=$(HISTTIMEFORMAT=$'\037' builtin history "$((__venvhook_h - __venvhook_a + 1))")
        __venvhook_s=${__venvhook_s#*$'\037'}
        while [[ $__venvhook_s == *$'\037'* ]]; do
            __venvhook_p=${__venvhook_s%%$'\037'*}
            __venvhook_e+=("${__venvhook_p%$'\n'*}")
            __venvhook_s=${__venvhook_s#*$'\037'}
        done
        __venvhook_e+=("$__venvhook_s")
        # a line holding the byte 037 splits wrongly: say so
        ((${#__venvhook_e[@]} == __venvhook_h - __venvhook_a + 1)) || __venvhook_f+=b
    fi
    __venvhook_l=$__venvhook_f$'\036'$__venvhook_from$'\036'
    for __venvhook_s in ${__venvhook_e[@]+"${__venvhook_e[@]}"}; do
        __venvhook_l+=$__venvhook_s$'\037'
    done
    __venvhook_l+=$'\036'
}

# Runs `venvhook export` and applies it. In a subshell (`(cd proj && make)`)
# the env applies to the subshell only, so it is not announced there. The
# lines run since the last export go to export in the environment, never
# on its command line, and only when it asks for them (__venvhook_more).
# "mid": a cd inside a command line runs it, and that line goes on.
__venvhook_export() { # [mid]
    local __venvhook_code __venvhook_p __venvhook_w=() __venvhook_l='?'
    [[ -z ${__venvhook_unhooked-} && -x ${__venvhook_exe-} ]] || { __venvhook_gone; return 0; }
    __venvhook_pwd=$PWD
    while :; do
        if ((BASH_SUBSHELL)); then
            __venvhook_code=$(__venvhook_cmdlines=$__venvhook_l __venvhook_went=${__venvhook_went-} \
                VENVHOOK_QUIET=1 "${__venvhook_exe:-venvhook}" export bash "${__venvhook_key:--}")
        else
            __venvhook_code=$(__venvhook_cmdlines=$__venvhook_l __venvhook_went=${__venvhook_went-} \
                "${__venvhook_exe:-venvhook}" export bash "${__venvhook_key:--}")
        fi
        builtin eval -- "$__venvhook_code"
        [[ -n ${__venvhook_more-} ]] || break
        builtin unset -v __venvhook_more
        [[ $__venvhook_l == '?' ]] || break
        __venvhook_lines
    done
    __venvhook_went=
    # (a cd inside the line that named a store command ran before it did)
    [[ ${1-} == mid ]] || __venvhook_recheck=
    __venvhook_began "$@"
    # A watched path seen now is looked for no more: it starts one export,
    # not one at every prompt. One below $PWD is kept relative to it: the
    # check looks where $PWD is, and a name costs less to look up at every
    # prompt than a whole path.
    for __venvhook_p in ${__venvhook_watch[@]+"${__venvhook_watch[@]}"}; do
        [[ -e $__venvhook_p ]] || __venvhook_w+=("${__venvhook_p#"${PWD%/}/"}")
    done
    __venvhook_watch=(${__venvhook_w[@]+"${__venvhook_w[@]}"})
    __venvhook_sync
}

# Where the lines export is next handed begin (after an export, or a cd
# into the region, which stands for one): with the one running (a cd inside
# it), which started where the last prompt stood, else with the next one
# (not while the rc file loads: bash reads the history file after it).
__venvhook_began() { # [mid]
    local __venvhook_code
    if [[ -n ${__venvhook_ready-} ]]; then
        __venvhook_code=${__venvhook_nums@P}
        __venvhook_hn=${__venvhook_code#* }
        __venvhook_dd=$((${__venvhook_code% *} - __venvhook_hn))
        [[ ${1-} == mid ]] || ((__venvhook_hn += 1))
    fi
    __venvhook_wfrom=''
    [[ ${1-} == mid ]] && __venvhook_wfrom=${__venvhook_lpwd-}
    return 0
}

# 0 when $PWD lies in the region where the last export's answer holds
# (core/decide/region.h): at or below its top, a directory of the user's
# own, none between it and the top a symlink or unreadable, none of them
# holding any of the walk's names; nothing in rgone there, everything in
# rkeep there and no newer than rref, every variable in renv as it was.
# shellcheck disable=SC2154  # export sets the region (eval)
__venvhook_inside() {
    local __venvhook_d=$PWD __venvhook_n=${__venvhook_rtop%/} __venvhook_v
    [[ -n ${__venvhook_rtop-} ]] || return 1
    [[ $__venvhook_d == "$__venvhook_rtop" || $__venvhook_d == "$__venvhook_n"/* ]] || return 1
    [[ -O $__venvhook_d ]] || return 1
    for __venvhook_n in ${__venvhook_renv[@]+"${__venvhook_renv[@]}"}; do
        if [[ $__venvhook_n == *=* ]]; then
            __venvhook_v=${__venvhook_n%%=*}
            [[ -n ${!__venvhook_v+set} && ${!__venvhook_v} == "${__venvhook_n#*=}" ]] || return 1
        else
            [[ -z ${!__venvhook_n+set} ]] || return 1
        fi
    done
    for __venvhook_n in ${__venvhook_rgone[@]+"${__venvhook_rgone[@]}"}; do
        [[ -e $__venvhook_n || -L $__venvhook_n ]] && return 1
    done
    for __venvhook_n in ${__venvhook_rkeep[@]+"${__venvhook_rkeep[@]}"}; do
        [[ -f $__venvhook_rref && -e $__venvhook_n && ! $__venvhook_n -nt $__venvhook_rref ]] || return 1
    done
    while [[ $__venvhook_d != "$__venvhook_rtop" ]]; do
        [[ ! -L $__venvhook_d && -r $__venvhook_d && -x $__venvhook_d ]] || return 1
        for __venvhook_n in "${__venvhook_rnames[@]}"; do
            [[ -e $__venvhook_d/$__venvhook_n || -L $__venvhook_d/$__venvhook_n ]] && return 1
        done
        __venvhook_d=${__venvhook_d%/*}
        __venvhook_d=${__venvhook_d:-/}
    done
    return 0
}

# A cd into the region: what export would have left, without it. The
# watch moves with the shell (the root's and the stores' paths, and the
# env paths here: core/trust/watch.h, vh_watch_move), and the lines export
# is next handed begin here.
__venvhook_moveto() { # [mid]
    __venvhook_pwd=$PWD
    __venvhook_went=$PWD
    __venvhook_watch=(${__venvhook_wfix[@]+"${__venvhook_wfix[@]}"})
    __venvhook_began "$@"
    [[ $PWD == "${__venvhook_wroot-}" ]] && return 0
    for __venvhook_p in "${__venvhook_wrel[@]}"; do
        [[ -e $__venvhook_p ]] || __venvhook_watch+=("$__venvhook_p")
    done
}

# What every trigger checks, with builtins only: someone else changed the
# env (__venvhook_moved), the line just run named a store command, the
# directory changed and left the region, or an env appeared at a watched
# path. No process unless one of them holds.
__venvhook_check() { # [mid]
    # (__venvhook_moved's test, inline: at every prompt a call costs as much)
    if [[ ${VIRTUAL_ENV-} != "${__venvhook_ve-}" || ${PATH+${#PATH}} != "${__venvhook_pl-}" ||
        -n ${__venvhook_recheck-} ]]; then
        # (VS Code's first command line put an env on, its bin/ first: the
        # Python extension's activate line, for doctor)
        [[ ${__venvhook_start-} == 1 && -n ${VIRTUAL_ENV-} && ${PATH%%:*} == "$VIRTUAL_ENV/bin" &&
            ${TERM_PROGRAM-} == vscode ]] && __venvhook_moved && __venvhook_vsline=$VIRTUAL_ENV
        __venvhook_start=${__venvhook_start-} __venvhook_export "$@"
        return 0
    fi
    if [[ $PWD != "${__venvhook_pwd-}" ]]; then
        if ! __venvhook_inside; then
            __venvhook_start=${__venvhook_start-} __venvhook_export "$@"
            return 0
        fi
        __venvhook_moveto "$@"
    fi
    # (a global loop variable: cheaper than a local, and venvhook's own)
    for __venvhook_p in "${__venvhook_watch[@]}"; do
        if [[ -e $__venvhook_p ]]; then
            __venvhook_start=${__venvhook_start-} __venvhook_export "$@"
            return 0
        fi
    done
    return 0
}

# True when VIRTUAL_ENV or PATH is not as the last export left it: someone
# else changed them (an activate script or its deactivate, direnv's
# restore, an editor's injection, mise or conda), and export sorts out
# whose env is on (core/output/plan.h). PATH is compared by its length,
# which every activation and deactivation changes.
__venvhook_moved() {
    [[ ${VIRTUAL_ENV-} != "${__venvhook_ve-}" || ${PATH+${#PATH}} != "${__venvhook_pl-}" ]]
}
__venvhook_cmdno='\#'
__venvhook_nums='\# \!'

# First in PROMPT_COMMAND, as `__venvhook_hook&&:`: it returns the status it
# found, so that prompt code after it still reads the user's $?, and the
# `&&:` keeps a non-zero return from ending a shell that runs with set -e
# (a command before && is exempt from errexit). One word with no blank, as
# terminal integrations that split PROMPT_COMMAND at blanks need.
__venvhook_hook() {
    __venvhook_status=$?
    # the command number of the prompt this runs before, for `venvhook doctor`
    __venvhook_tick=${__venvhook_cmdno@P}
    __venvhook_check
    __venvhook_lpwd=$PWD
    return "$__venvhook_status"
}

# Last in PROMPT_COMMAND: a foreign env that another tool's prompt hook
# (pyenv-virtualenv's, which goes first) deactivated just now is replaced
# by the env of here at this same prompt, not the next one.
__venvhook_late() {
    __venvhook_status=$?
    # (__venvhook_moved's test, inline: at every prompt a call costs as much)
    [[ ${VIRTUAL_ENV-} != "${__venvhook_ve-}" || ${PATH+${#PATH}} != "${__venvhook_pl-}" ]] &&
        __venvhook_export
    # (in VS Code: two prompts, the shell's first and the one after its first line)
    __venvhook_start=${__venvhook_start#1}
    return "$__venvhook_status"
}

# First in precmd_functions, for bash-preexec (atuin, iTerm2, liquidprompt
# and many prompts), whose runner goes before everything else in
# PROMPT_COMMAND: prompts drawn there see the new env too. bash-preexec
# gives every precmd function the user's $? itself; a non-zero return here
# would only count as a failure.
__venvhook_precmd() {
    __venvhook_tick=${__venvhook_cmdno@P}
    __venvhook_check
    __venvhook_lpwd=$PWD
}

# Last in preexec_functions, for bash-preexec, which reads each command
# line from the history before it runs (a subshell it pays anyway): whether
# the line names a store command as a word (between blanks, ;&|(), quotes
# or backquotes), for the next prompt. Without bash-preexec nothing calls
# it: reading the line would cost a subshell at every command line.
__venvhook_preexec() {
    local __venvhook_c __venvhook_s=${1-}
    __venvhook_s=${__venvhook_s//[[:space:];&|()\'\"\`]/ }
    # shellcheck disable=SC2154  # init sets it, before this file
    for __venvhook_c in ${__venvhook_storecmds[@]+"${__venvhook_storecmds[@]}"}; do
        [[ " $__venvhook_s " == *" $__venvhook_c "* ]] && __venvhook_recheck=1
    done
    return 0
}

# cd, pushd and popd run the hook themselves, so the rest of the command
# line (`cd proj && pip install ...`), and every command of a function that
# cds, runs in the new env. CMD is what runs the change: the builtin, or
# the cd function or alias that was there before venvhook.
__venvhook_chdir() { # CMD...
    local __venvhook_rc=0
    "$@" || __venvhook_rc=$?
    __venvhook_start=
    __venvhook_check mid
    return "$__venvhook_rc"
}

# An alias's text run as the shell would run it, with the arguments after
# it. Aliases are off while it is parsed: its first word, when it names
# the command itself (`alias cd='cd -P'`), means the command, not the alias.
__venvhook_run_alias() { # TEXT ARGS...
    local __venvhook_aliases=0
    builtin shopt -q expand_aliases && __venvhook_aliases=1
    builtin shopt -u expand_aliases
    builtin eval -- "$1"' "${@:2}"'
    local __venvhook_rc=$?
    ((__venvhook_aliases)) && builtin shopt -s expand_aliases
    return "$__venvhook_rc"
}

# Wraps cd, pushd or popd, keeping what was there: a function is kept as
# __venvhook_user_NAME and called by the wrapper; an alias keeps its text
# in __venvhook_text_NAME and now calls __venvhook_alias_NAME, which runs
# it and then the hook. Wrapping twice
# adds nothing.
__venvhook_wrap() { # NAME
    local __venvhook_n=$1 __venvhook_def
    if [[ -n ${BASH_ALIASES[$__venvhook_n]+set} &&
        ${BASH_ALIASES[$__venvhook_n]} != "__venvhook_alias_$__venvhook_n" ]]; then
        builtin printf -v "__venvhook_text_$__venvhook_n" '%s' "${BASH_ALIASES[$__venvhook_n]}"
        builtin eval -- "__venvhook_alias_$__venvhook_n() {
            __venvhook_chdir __venvhook_run_alias \"\$__venvhook_text_$__venvhook_n\" \"\$@\"
        }"
        # shellcheck disable=SC2004  # BASH_ALIASES is associative: $ is needed
        BASH_ALIASES[$__venvhook_n]=__venvhook_alias_$__venvhook_n
    fi
    if builtin declare -F "$__venvhook_n" >/dev/null; then
        __venvhook_def=$(builtin declare -f "$__venvhook_n")
        [[ $__venvhook_def == *__venvhook_chdir* ]] && return 0
        builtin eval -- "__venvhook_user_$__venvhook_n ${__venvhook_def#"$__venvhook_n "}"
        __venvhook_def="__venvhook_chdir __venvhook_user_$__venvhook_n"
    else
        __venvhook_def="__venvhook_chdir builtin $__venvhook_n"
    fi
    # (`function NAME`: NAME is no command word, so an alias of it, which
    # stays in front, does not expand there)
    builtin eval -- "function $__venvhook_n { $__venvhook_def \"\$@\"; }"
}

# The commands that change this shell's environment (activate,
# deactivate, allow, deny) and those that judge what only the shell sees
# (doctor) go through this function, which evals what the binary prints for
# them (ending in __venvhook_sync, or the call of __venvhook_doctor):
# __venvhook_evals, which init sets from the binary's command table.
# Everything else runs the binary.
venvhook() {
    local __venvhook_code
    if [[ -n ${__venvhook_unhooked-} || ! -x ${__venvhook_exe-} ]]; then
        __venvhook_gone
        [[ ${1-} == deactivate ]] && return 0
        return 127
    fi
    # shellcheck disable=SC2154  # init sets it, before this file
    if __venvhook_has "${1-}" ${__venvhook_evals[@]+"${__venvhook_evals[@]}"}; then
        __venvhook_code=$("${__venvhook_exe:-venvhook}" call bash "$@") || return
        # (what the region rested on may have changed: the next cd asks)
        __venvhook_rtop=
        builtin eval -- "$__venvhook_code"
        return
    fi
    # status: run through the hook (it says when there is none)
    __VENVHOOK_SHELL=bash "${__venvhook_exe:-venvhook}" "$@"
}

# venvhook doctor's first answer calls this: what only this shell can see,
# for the binary to judge.
__venvhook_doctor() {
    local __venvhook_x=0 __venvhook_ran=unknown __venvhook_cd=1 __venvhook_now __venvhook_c
    [[ -n ${PS1+set} && ${PS1@a} == *x* ]] && __venvhook_x=1
    # the hook ran at the prompt this command line was typed at
    __venvhook_now=${__venvhook_cmdno@P}
    if [[ -n ${__venvhook_tick-} ]]; then
        __venvhook_ran=0
        ((__venvhook_tick + 1 == __venvhook_now)) && __venvhook_ran=1
    fi
    # whether cd, pushd and popd still run venvhook's wrapper: an alias or
    # a function defined after init runs instead of it
    for __venvhook_c in cd pushd popd; do
        if [[ -n ${BASH_ALIASES[$__venvhook_c]+set} ]] && builtin shopt -q expand_aliases; then
            [[ ${BASH_ALIASES[$__venvhook_c]} == "__venvhook_alias_$__venvhook_c" ]] && continue
            __venvhook_cd="alias $__venvhook_c"
            break
        fi
        [[ $(builtin declare -f "$__venvhook_c" 2>/dev/null) == *__venvhook_chdir* ]] && continue
        __venvhook_cd="function $__venvhook_c"
        break
    done
    "${__venvhook_exe:-venvhook}" doctor shell=bash "loads=${__venvhook_loads-0}" \
        "hooks=${PROMPT_COMMAND[*]-}" "ps1_exported=$__venvhook_x" "ran=$__venvhook_ran" \
        "precmd=${precmd_functions[*]-}" "cd=$__venvhook_cd" \
        "vscode=${__vsc_original_prompt_command[*]-}" "vscode_line=${__venvhook_vsline-}"
}

# `deactivate` and `pydoc`, for the habits the activate scripts taught,
# exist while an env venvhook activated is active, as theirs do while
# theirs is. They are defined again on each activation because an activate
# script's own deactivate removes its functions when it is done; a pydoc
# function that is not venvhook's is left alone. While someone else's env
# is on (__VENVHOOK_ASIDE), its own deactivate is left in place. An env
# venvhook adopted from an activate script (at shell start) is venvhook's:
# the script's saved prompt comes back, as venvhook's activation would
# have left it.
__venvhook_sync() {
    __venvhook_ve=${VIRTUAL_ENV-}
    __venvhook_pl=${PATH+${#PATH}}
    if [[ -n ${__VENVHOOK_ENV-} && ${VIRTUAL_ENV-} == "$__VENVHOOK_ENV" && -z ${__VENVHOOK_ASIDE-} ]]; then
        if [[ -n ${_OLD_VIRTUAL_PS1+set} && -z ${__venvhook_owns_deactivate-} ]]; then
            PS1=$_OLD_VIRTUAL_PS1
            builtin unset -v _OLD_VIRTUAL_PS1 _OLD_VIRTUAL_PATH _OLD_VIRTUAL_PYTHONHOME
        fi
        # shellcheck disable=SC2317  # the user calls it
        deactivate() { venvhook deactivate "$@"; }
        __venvhook_owns_deactivate=1
        if [[ -n ${__venvhook_owns_pydoc-} ]] || ! builtin declare -F pydoc >/dev/null; then
            # shellcheck disable=SC2317  # the user calls it
            pydoc() { command python -m pydoc "$@"; }
            __venvhook_owns_pydoc=1
        fi
    elif [[ -z ${VIRTUAL_ENV-} ]]; then
        if [[ -n ${__venvhook_owns_deactivate-} ]]; then
            builtin unset -f deactivate
            builtin unset -v __venvhook_owns_deactivate
        fi
        if [[ -n ${__venvhook_owns_pydoc-} ]]; then
            builtin unset -f pydoc
            builtin unset -v __venvhook_owns_pydoc
        fi
    fi
    # the --prompt segment's name (hooks/prompt.bash)
    [[ -z ${__venvhook_seg-} ]] || __venvhook_segment
}

# The binary is gone (uninstalled, or upgraded to another path) or can no
# longer run: with builtins only, take the env it activated off PATH and
# put the variables back as deactivating would, say so in one line, and
# unhook this shell (its prompt hooks, its cd, pushd and popd, the venvhook
# function), so that no later prompt or cd tries to run it. Once.
__venvhook_gone() {
    [[ -n ${__venvhook_unhooked-} ]] && return 0
    __venvhook_unhooked=1
    local __venvhook_e __venvhook_n __venvhook_case=0 __venvhook_what='unhooked this shell'
    local -a __venvhook_l
    builtin shopt -q nocasematch && __venvhook_case=1
    builtin shopt -u nocasematch
    if [[ -n ${__VENVHOOK_ENV-} ]]; then
        # the first PATH entry equal to it, as venvhook itself takes it out
        __venvhook_e=$__VENVHOOK_ENV/bin
        if [[ $PATH == "$__venvhook_e" ]]; then
            # shellcheck disable=SC2123  # PATH, emptied
            PATH=
        elif [[ $PATH == "$__venvhook_e":* ]]; then
            PATH=${PATH#"$__venvhook_e":}
        elif [[ $PATH == *:"$__venvhook_e":* ]]; then
            PATH=${PATH%%:"$__venvhook_e":*}:${PATH#*:"$__venvhook_e":}
        elif [[ $PATH == *:"$__venvhook_e" ]]; then
            PATH=${PATH%:"$__venvhook_e"}
        fi
        if [[ ${VIRTUAL_ENV-} == "$__VENVHOOK_ENV" ]]; then
            builtin unset -v VIRTUAL_ENV VIRTUAL_ENV_PROMPT
            __venvhook_what="deactivated its env and $__venvhook_what"
        fi
        # shellcheck disable=SC2034  # for the commands run from here
        [[ -n ${__VENVHOOK_PYTHONHOME+set} ]] && builtin export PYTHONHOME="$__VENVHOOK_PYTHONHOME"
        # a conda prefix's: conda's variables back as export puts them back
        # (core/output/plan.c), while CONDA_PREFIX is still its own
        # shellcheck disable=SC2034  # for the commands run from here
        if [[ ${CONDA_PREFIX-} == "$__VENVHOOK_ENV" ]]; then
            if [[ -n ${__VENVHOOK_CONDA_LEVEL-} ]]; then
                [[ ${CONDA_STACKED_2-} == true && ${CONDA_SHLVL-} == 2 ]] &&
                    builtin unset -v CONDA_PREFIX_1 CONDA_STACKED_2
                if [[ -n ${__VENVHOOK_CONDA_SHLVL+set} ]]; then
                    builtin export CONDA_SHLVL="$__VENVHOOK_CONDA_SHLVL"
                else
                    builtin unset -v CONDA_SHLVL
                fi
                if [[ -n ${__VENVHOOK_CONDA_PROMPT+set} ]]; then
                    builtin export CONDA_PROMPT_MODIFIER="$__VENVHOOK_CONDA_PROMPT"
                else
                    builtin unset -v CONDA_PROMPT_MODIFIER
                fi
            fi
            if [[ -n ${__VENVHOOK_CONDA_PREFIX+set} ]]; then
                builtin export CONDA_PREFIX="$__VENVHOOK_CONDA_PREFIX"
            else
                builtin unset -v CONDA_PREFIX
            fi
            if [[ -n ${__VENVHOOK_CONDA_DEFAULT_ENV+set} ]]; then
                builtin export CONDA_DEFAULT_ENV="$__VENVHOOK_CONDA_DEFAULT_ENV"
            else
                builtin unset -v CONDA_DEFAULT_ENV
            fi
        fi
        builtin hash -r
    fi
    ((__venvhook_case)) && builtin shopt -s nocasematch
    builtin unset -v __VENVHOOK_ENV __VENVHOOK_PYTHONHOME __VENVHOOK_PIN __VENVHOOK_PAUSE \
        __VENVHOOK_CONDA_PREFIX __VENVHOOK_CONDA_DEFAULT_ENV \
        __VENVHOOK_CONDA_LEVEL __VENVHOOK_CONDA_SHLVL __VENVHOOK_CONDA_PROMPT
    __venvhook_sync
    builtin printf 'venvhook: %s is gone: %s\n' "${__venvhook_exe-venvhook}" "$__venvhook_what" >&2
    # the prompt hooks
    if [[ -n ${PROMPT_COMMAND+set} && ${PROMPT_COMMAND@a} == *a* ]]; then
        for __venvhook_n in "${PROMPT_COMMAND[@]}"; do
            [[ $__venvhook_n == __venvhook_hook\&\&: || $__venvhook_n == __venvhook_late\&\&: ]] ||
                __venvhook_l+=("$__venvhook_n")
        done
        PROMPT_COMMAND=(${__venvhook_l[@]+"${__venvhook_l[@]}"})
    else
        # shellcheck disable=SC2128,SC2178  # the string form
        PROMPT_COMMAND=${PROMPT_COMMAND//$'\n''__venvhook_late&&:'/}
        # shellcheck disable=SC2128,SC2178
        PROMPT_COMMAND=${PROMPT_COMMAND//'__venvhook_hook&&:;'/}
        # shellcheck disable=SC2128,SC2178
        PROMPT_COMMAND=${PROMPT_COMMAND//'__venvhook_hook&&:'/}
    fi
    __venvhook_l=()
    for __venvhook_n in ${precmd_functions[@]+"${precmd_functions[@]}"}; do
        [[ $__venvhook_n == __venvhook_precmd ]] || __venvhook_l+=("$__venvhook_n")
    done
    [[ -n ${precmd_functions+set} ]] && precmd_functions=(${__venvhook_l[@]+"${__venvhook_l[@]}"})
    __venvhook_l=()
    for __venvhook_n in ${preexec_functions[@]+"${preexec_functions[@]}"}; do
        [[ $__venvhook_n == __venvhook_preexec ]] || __venvhook_l+=("$__venvhook_n")
    done
    [[ -n ${preexec_functions+set} ]] && preexec_functions=(${__venvhook_l[@]+"${__venvhook_l[@]}"})
    # cd, pushd and popd as they were before the hook
    for __venvhook_n in cd pushd popd; do
        if [[ ${BASH_ALIASES[$__venvhook_n]-} == "__venvhook_alias_$__venvhook_n" ]]; then
            __venvhook_e=__venvhook_text_$__venvhook_n
            # shellcheck disable=SC2004  # BASH_ALIASES is associative: $ is needed
            BASH_ALIASES[$__venvhook_n]=${!__venvhook_e}
        fi
        [[ $(builtin declare -f "$__venvhook_n" 2>/dev/null) == *__venvhook_chdir* ]] || continue
        if builtin declare -F "__venvhook_user_$__venvhook_n" >/dev/null; then
            __venvhook_e=$(builtin declare -f "__venvhook_user_$__venvhook_n")
            builtin eval -- "$__venvhook_n ${__venvhook_e#"__venvhook_user_$__venvhook_n "}"
        else
            builtin unset -f "$__venvhook_n"
        fi
    done
    builtin unset -f venvhook
    return 0
}

__venvhook_has() { # WORD LIST...: 0 when WORD is in LIST
    local __venvhook_w
    for __venvhook_w in "${@:2}"; do
        [[ $__venvhook_w == "$1" ]] && return 0
    done
    return 1
}

# First in PROMPT_COMMAND, so prompts drawn after it see the new env, last
# there too (see __venvhook_late), and first in precmd_functions (see
# __venvhook_precmd). PROMPT_COMMAND may be
# a string or (bash >= 5.1) an array; entries the user had stay, and
# loading this file twice adds nothing.
__venvhook_register() {
    if [[ -n ${PROMPT_COMMAND+set} && ${PROMPT_COMMAND@a} == *a* ]]; then
        __venvhook_has '__venvhook_hook&&:' "${PROMPT_COMMAND[@]}" ||
            PROMPT_COMMAND=('__venvhook_hook&&:' "${PROMPT_COMMAND[@]}")
        __venvhook_has '__venvhook_late&&:' "${PROMPT_COMMAND[@]}" ||
            PROMPT_COMMAND+=('__venvhook_late&&:')
    else
        # (a newline, not ';', before the last entry: the user's string may
        # end in a comment)
        # shellcheck disable=SC2128,SC2178,SC2179  # the string form, deliberately
        case ";${PROMPT_COMMAND-};" in
            *';__venvhook_hook&&:;'*) ;;
            *) PROMPT_COMMAND="__venvhook_hook&&:${PROMPT_COMMAND:+;$PROMPT_COMMAND}"$'\n''__venvhook_late&&:' ;;
        esac
    fi
    __venvhook_has __venvhook_precmd ${precmd_functions[@]+"${precmd_functions[@]}"} ||
        precmd_functions=(__venvhook_precmd ${precmd_functions[@]+"${precmd_functions[@]}"})
    __venvhook_has __venvhook_preexec ${preexec_functions[@]+"${preexec_functions[@]}"} ||
        preexec_functions+=(__venvhook_preexec)
    # arrays from here on, so that the check can read them under set -u
    __venvhook_watch=(${__venvhook_watch[@]+"${__venvhook_watch[@]}"})
    __venvhook_rnames=(${__venvhook_rnames[@]+"${__venvhook_rnames[@]}"})
    __venvhook_wrel=(${__venvhook_wrel[@]+"${__venvhook_wrel[@]}"})
    # what the made-here rule reads begins here; nothing inherited counts
    builtin unset -v __venvhook_hn __venvhook_dd __venvhook_wfrom __venvhook_more __venvhook_ready \
        __venvhook_recheck
    __venvhook_lpwd=$PWD
    __venvhook_wrap cd
    __venvhook_wrap pushd
    __venvhook_wrap popd
}

# Only an interactive shell gets the hook: a script that sources ~/.bashrc
# starts no venvhook process and prints nothing. A shell that starts inside
# a project is active before its first prompt, and before prompt code that
# runs ahead of the hook.
if [[ $- == *i* ]]; then
    # What the hook keeps between prompts is this shell's own: a key, a
    # watch list or a directory inherited from elsewhere (exported, or
    # given in the environment) proves nothing, so each load starts them
    # afresh (one export more, when the file is loaded twice).
    builtin unset -v __venvhook_key __venvhook_watch __venvhook_pwd __venvhook_ve \
        __venvhook_rtop __venvhook_rnames __venvhook_rgone __venvhook_rkeep __venvhook_rref \
        __venvhook_renv __venvhook_wroot __venvhook_wfix __venvhook_wrel __venvhook_went \
        __venvhook_vsline
    __venvhook_register
    # (in VS Code's terminal, where the Python extension types its activate
    # line first, through the first command line)
    __venvhook_start=1
    [[ ${TERM_PROGRAM-} == vscode ]] && __venvhook_start=11
    __venvhook_check
    __venvhook_ready=1
    # counted for `venvhook doctor`
    __venvhook_loads=$((${__venvhook_loads-0} + 1))
fi
