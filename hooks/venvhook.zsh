# venvhook's zsh hook. `venvhook init zsh` prints this after a line that
# sets __venvhook_exe to the absolute path of the venvhook binary.
#
# What it keeps between prompts (venvhook's own, none exported):
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
#   __venvhook_lines  the command lines run since the last export (from the
#                     one a cd inside it exported from), as preexec saw them,
#                     for the made-here rule (core/trust/madeby.h);
#                     __venvhook_cut when older ones were dropped (64 at
#                     most), __venvhook_lpwd where the last began,
#                     __venvhook_wfrom where the first began when it was
#                     running at the last export
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

# Runs `venvhook export` and applies it; "quiet" leaves out the line that
# says what was activated; "mid": a cd inside a command line runs it, and
# that line goes on.
__venvhook_export() { # [quiet|mid]
    builtin emulate -L zsh
    local __venvhook_code __venvhook_p __venvhook_l='?' __venvhook_from
    local -a __venvhook_w
    [[ -z ${__venvhook_unhooked-} && -x ${__venvhook_exe-} ]] || { __venvhook_gone; return 0; }
    typeset -g __venvhook_pwd=$PWD
    # The lines go to export in the environment, never on its command line,
    # and only when it asks for them (__venvhook_more: an env appeared), in
    # core/trust/madeby.h's form.
    while :; do
        if [[ ${1-} == quiet ]]; then
            # start-up: nothing on the terminal now; a refusal or warning is
            # kept in __venvhook_later for the first prompt
            __venvhook_code=$(__venvhook_cmdlines=$__venvhook_l __venvhook_went=${__venvhook_went-} \
                VENVHOOK_QUIET=1 VENVHOOK_LATER=1 "${__venvhook_exe:-venvhook}" export zsh "${__venvhook_key:--}")
        else
            __venvhook_code=$(__venvhook_cmdlines=$__venvhook_l __venvhook_went=${__venvhook_went-} \
                "${__venvhook_exe:-venvhook}" export zsh "${__venvhook_key:--}")
        fi
        builtin eval -- "$__venvhook_code"
        [[ -n ${__venvhook_more-} ]] || break
        builtin unset __venvhook_more
        [[ $__venvhook_l == '?' ]] || break
        if [[ -n ${__venvhook_cut-} ]]; then
            # too many to keep: the last alone
            __venvhook_l=t$'\036\036'${__venvhook_lines[-1]-}$'\037\036'
        elif (( ${#__venvhook_lines} )); then
            __venvhook_l=$'\036'${__venvhook_wfrom-}$'\036'${(pj:\037:)__venvhook_lines}$'\037\036'
        else
            __venvhook_l=$'\036\036\036'
        fi
    done
    typeset -g __venvhook_went=
    # (a cd inside the line that named a store command ran before it did)
    [[ ${1-} == mid ]] || typeset -g __venvhook_recheck=
    __venvhook_began "$@"
    # A watched path seen now is looked for no more: it starts one export,
    # not one at every prompt. One below $PWD is kept relative to it: the
    # check looks where $PWD is, and a name costs less to look up at every
    # prompt than a whole path.
    for __venvhook_p in "${__venvhook_watch[@]}"; do
        [[ -e $__venvhook_p ]] || __venvhook_w+=("${__venvhook_p#"${PWD%/}/"}")
    done
    typeset -ga __venvhook_watch
    __venvhook_watch=("${__venvhook_w[@]}")
    __venvhook_sync
}

# Where the lines export is next handed begin (after an export, or a cd
# into the region, which stands for one): with the one running (a cd
# inside it exported), else with the next.
__venvhook_began() { # [quiet|mid]
    builtin emulate -L zsh
    if [[ ${1-} == mid ]] && (( ${#__venvhook_lines} )); then
        typeset -ga __venvhook_lines=("${__venvhook_lines[-1]}")
        typeset -g __venvhook_wfrom=${__venvhook_lpwd-}
    else
        typeset -ga __venvhook_lines=()
        typeset -g __venvhook_wfrom=
    fi
    typeset -g __venvhook_cut=
}

# 0 when $PWD lies in the region where the last export's answer holds
# (core/decide/region.h): at or below its top, a directory of the user's
# own, none between it and the top a symlink or unreadable, none of them
# holding any of the walk's names; nothing in rgone there, everything in
# rkeep there and no newer than rref, every variable in renv as it was.
# (Like the check, without emulate.)
__venvhook_inside() {
    local __venvhook_d=$PWD __venvhook_n=${__venvhook_rtop-} __venvhook_v
    [[ -n $__venvhook_n ]] || return 1
    __venvhook_n=${__venvhook_n%/}
    [[ $__venvhook_d == "$__venvhook_rtop" || $__venvhook_d == "$__venvhook_n"/* ]] || return 1
    [[ -O $__venvhook_d ]] || return 1
    for __venvhook_n in "${__venvhook_renv[@]}"; do
        if [[ $__venvhook_n == *=* ]]; then
            __venvhook_v=${__venvhook_n%%=*}
            [[ ${(P)+__venvhook_v} == 1 && ${(P)__venvhook_v} == "${__venvhook_n#*=}" ]] || return 1
        else
            [[ ${(P)+__venvhook_n} == 0 ]] || return 1
        fi
    done
    for __venvhook_n in "${__venvhook_rgone[@]}"; do
        [[ -e $__venvhook_n || -L $__venvhook_n ]] && return 1
    done
    for __venvhook_n in "${__venvhook_rkeep[@]}"; do
        [[ -f ${__venvhook_rref-} && -e $__venvhook_n && ! $__venvhook_n -nt ${__venvhook_rref-} ]] || return 1
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
__venvhook_moveto() { # [quiet|mid]
    builtin emulate -L zsh
    local __venvhook_p
    typeset -g __venvhook_pwd=$PWD __venvhook_went=$PWD
    typeset -ga __venvhook_watch
    __venvhook_watch=("${__venvhook_wfix[@]}")
    __venvhook_began "$@"
    [[ $PWD == "${__venvhook_wroot-}" ]] && return 0
    for __venvhook_p in "${__venvhook_wrel[@]}"; do
        [[ -e $__venvhook_p ]] || __venvhook_watch+=("$__venvhook_p")
    done
}

# What every trigger checks, with builtins only: someone else changed the
# env (VIRTUAL_ENV, or PATH by its length), the line just run named a
# store command (__venvhook_recheck), the directory changed and left the
# region, or an env appeared at a watched path. No process unless one of
# them holds. It runs before
# every prompt, so it does without `emulate -L zsh` (a third of its cost):
# every expansion is quoted and defaulted, so the user's options
# (ksh_arrays, no_unset, glob_subst, sh_word_split, err_exit) read it as
# zsh's defaults do.
__venvhook_check() { # [quiet|mid]
    local __venvhook_p
    if [[ ${VIRTUAL_ENV-} != "${__venvhook_ve-}" || ${#PATH} != "${__venvhook_pl-}" ||
          -n ${__venvhook_recheck-} ]]; then
        # (VS Code's first command line put an env on, its bin/ first: the
        # Python extension's activate line, for doctor)
        [[ ${__venvhook_start-} == 1 && -n ${VIRTUAL_ENV-} && ${PATH%%:*} == "$VIRTUAL_ENV/bin" &&
            ${TERM_PROGRAM-} == vscode ]] && __venvhook_moved && typeset -g __venvhook_vsline=$VIRTUAL_ENV
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
    for __venvhook_p in "${__venvhook_watch[@]}"; do
        if [[ -e $__venvhook_p ]]; then
            __venvhook_start=${__venvhook_start-} __venvhook_export "${${1-}:#quiet}"
            return 0
        fi
    done
    return 0
}

# True when VIRTUAL_ENV or PATH is not as the last export left it: someone
# else changed them (an activate script or its deactivate, direnv's
# restore, an editor's injection, mise or conda), and export sorts out
# whose env is on (core/output/plan.h). PATH is compared by its length,
# which every activation and deactivation changes. (The check above says
# the same inline: a call less before each prompt.)
__venvhook_moved() {
    [[ ${VIRTUAL_ENV-} != "${__venvhook_ve-}" || ${#PATH} != "${__venvhook_pl-}" ]]
}

# On every directory change (chpwd, so also a cd inside a function, before
# the next command of the line), and first before each prompt (precmd, so
# prompt code after it sees the new env). zsh gives each hook function and
# the next command the user's $? itself, and a non-zero return would end a
# shell that runs with err_exit: they return 0.
__venvhook_hook() {
    __venvhook_start=
    __venvhook_check mid
}
# (a second name for the same function: one call less before each prompt)
functions[__venvhook_precmd]=${functions[__venvhook_check]}
# Before each command line runs (not at an idle prompt): the text that runs
# ($3: aliases expanded; else $1, the line as typed), and where it starts,
# for the made-here rule; and whether it names a store command as a word
# (between blanks, ;&|(), quotes or backquotes), for the next prompt.
__venvhook_preexec() {
    local __venvhook_c __venvhook_s
    if (( ${#__venvhook_lines} >= 64 )); then
        __venvhook_lines[1]=()
        __venvhook_cut=t
    fi
    __venvhook_lines+=("${3:-${1-}}")
    __venvhook_lpwd=$PWD
    __venvhook_s=${${3:-${1-}}//[[:space:];&|()\'\"\`]/ }
    for __venvhook_c in "${__venvhook_storecmds[@]}"; do
        [[ " $__venvhook_s " == *" $__venvhook_c "* ]] && __venvhook_recheck=1
    done
    return 0
}
# Last before each prompt: a foreign env that another tool's precmd
# (pyenv-virtualenv's, which goes first) deactivated just now is replaced
# by the env of here at this same prompt.
__venvhook_late() {
    # (__venvhook_moved's test, inline: at every prompt a call costs as much)
    [[ ${VIRTUAL_ENV-} != "${__venvhook_ve-}" || ${#PATH} != "${__venvhook_pl-}" ]] &&
        __venvhook_export
    # (in VS Code: two prompts, the shell's first and the one after its first line)
    __venvhook_start=${__venvhook_start#1}
    # what start-up had to say, now that the prompt is drawn
    if (( ${#__venvhook_later} )); then
        builtin print -ru2 -- "${__venvhook_later[@]}"
        __venvhook_later=()
    fi
    return 0
}

# The commands that change this shell's environment (activate,
# deactivate, allow, deny) and those that judge what only the shell sees
# (doctor) go through this function, which evals what the binary prints for
# them (ending in __venvhook_sync, or the call of __venvhook_doctor):
# __venvhook_evals, which init sets from the binary's command table.
# Everything else runs the binary.
venvhook() {
    builtin emulate -L zsh
    local __venvhook_code
    if [[ -n ${__venvhook_unhooked-} || ! -x ${__venvhook_exe-} ]]; then
        __venvhook_gone
        [[ ${1-} == deactivate ]] && return 0
        return 127
    fi
    if (( ${+__venvhook_evals} && ${__venvhook_evals[(Ie)${1-}]} )); then
        __venvhook_code=$("${__venvhook_exe:-venvhook}" call zsh "$@") || return
        # (what the region rested on may have changed: the next cd asks)
        typeset -g __venvhook_rtop=
        builtin eval -- "$__venvhook_code"
        return
    fi
    # status: run through the hook (it says when there is none)
    __VENVHOOK_SHELL=zsh "${__venvhook_exe:-venvhook}" "$@"
}

# venvhook doctor's first answer calls this: what only this shell can see,
# for the binary to judge.
__venvhook_doctor() {
    builtin emulate -L zsh
    local __venvhook_c
    local -a __venvhook_f
    # cd, pushd and popd as aliases or functions: their text (one that
    # changes directory with -q runs no chpwd hook)
    for __venvhook_c in cd pushd popd; do
        (( ${+aliases[$__venvhook_c]} )) && __venvhook_f+=("alias_$__venvhook_c=${aliases[$__venvhook_c]}")
        (( ${+functions[$__venvhook_c]} )) && __venvhook_f+=("func_$__venvhook_c=${functions[$__venvhook_c]}")
    done
    "${__venvhook_exe:-venvhook}" doctor shell=zsh "loads=${__venvhook_loads-0}" \
        "hooks=chpwd: ${chpwd_functions[*]-} precmd: ${precmd_functions[*]-}" \
        "ps1_exported=$([[ ${(t)PS1} == *export* ]] && print 1 || print 0)" \
        "vscode_line=${__venvhook_vsline-}" "${__venvhook_f[@]}"
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
    builtin emulate -L zsh
    typeset -g __venvhook_ve=${VIRTUAL_ENV-} __venvhook_pl=${#PATH}
    if [[ -n ${__VENVHOOK_ENV-} && ${VIRTUAL_ENV-} == "$__VENVHOOK_ENV" && -z ${__VENVHOOK_ASIDE-} ]]; then
        if [[ -n ${_OLD_VIRTUAL_PS1+set} && -z ${__venvhook_owns_deactivate-} ]]; then
            PS1=$_OLD_VIRTUAL_PS1
            builtin unset _OLD_VIRTUAL_PS1 _OLD_VIRTUAL_PATH _OLD_VIRTUAL_PYTHONHOME
        fi
        deactivate() { venvhook deactivate "$@"; }
        typeset -g __venvhook_owns_deactivate=1
        if [[ -n ${__venvhook_owns_pydoc-} ]] || (( ! ${+functions[pydoc]} )); then
            pydoc() { command python -m pydoc "$@"; }
            typeset -g __venvhook_owns_pydoc=1
        fi
    elif [[ -z ${VIRTUAL_ENV-} ]]; then
        if [[ -n ${__venvhook_owns_deactivate-} ]]; then
            builtin unfunction deactivate 2>/dev/null
            builtin unset __venvhook_owns_deactivate
        fi
        if [[ -n ${__venvhook_owns_pydoc-} ]]; then
            builtin unfunction pydoc 2>/dev/null
            builtin unset __venvhook_owns_pydoc
        fi
    fi
}

# Only an interactive shell gets the hook: a script or `zsh -c` that loads
# the rc file starts no venvhook process and prints nothing. A shell that
# starts inside a project is active at its first prompt; that start-up
# activation says nothing (powerlevel10k's instant prompt flags any output
# during start-up), and the prompt shows the env anyway; a refusal or a

# The binary is gone (uninstalled, or upgraded to another path) or can no
# longer run: with builtins only, take the env it activated off PATH and
# put the variables back as deactivating would, say so in one line, and
# unhook this shell (its chpwd and precmd hooks, the venvhook function), so
# that no later prompt or cd tries to run it. Once.
__venvhook_gone() {
    builtin emulate -L zsh
    [[ -n ${__venvhook_unhooked-} ]] && return 0
    typeset -g __venvhook_unhooked=1
    local __venvhook_e __venvhook_what='unhooked this shell'
    if [[ -n ${__VENVHOOK_ENV-} ]]; then
        # the first PATH entry equal to it, as venvhook itself takes it out
        __venvhook_e=$__VENVHOOK_ENV/bin
        if [[ $PATH == "$__venvhook_e" ]]; then
            PATH=
        elif [[ $PATH == "$__venvhook_e":* ]]; then
            PATH=${PATH#"$__venvhook_e":}
        elif [[ $PATH == *:"$__venvhook_e":* ]]; then
            PATH=${PATH%%:"$__venvhook_e":*}:${PATH#*:"$__venvhook_e":}
        elif [[ $PATH == *:"$__venvhook_e" ]]; then
            PATH=${PATH%:"$__venvhook_e"}
        fi
        if [[ ${VIRTUAL_ENV-} == "$__VENVHOOK_ENV" ]]; then
            builtin unset VIRTUAL_ENV VIRTUAL_ENV_PROMPT
            __venvhook_what="deactivated its env and $__venvhook_what"
        fi
        [[ -n ${__VENVHOOK_PYTHONHOME+set} ]] && builtin export PYTHONHOME="$__VENVHOOK_PYTHONHOME"
        # a conda prefix's: conda's variables back as export puts them back
        # (core/output/plan.c), while CONDA_PREFIX is still its own
        if [[ ${CONDA_PREFIX-} == "$__VENVHOOK_ENV" ]]; then
            if [[ -n ${__VENVHOOK_CONDA_LEVEL-} ]]; then
                [[ ${CONDA_STACKED_2-} == true && ${CONDA_SHLVL-} == 2 ]] &&
                    builtin unset CONDA_PREFIX_1 CONDA_STACKED_2
                if [[ -n ${__VENVHOOK_CONDA_SHLVL+set} ]]; then
                    builtin export CONDA_SHLVL="$__VENVHOOK_CONDA_SHLVL"
                else
                    builtin unset CONDA_SHLVL
                fi
                if [[ -n ${__VENVHOOK_CONDA_PROMPT+set} ]]; then
                    builtin export CONDA_PROMPT_MODIFIER="$__VENVHOOK_CONDA_PROMPT"
                else
                    builtin unset CONDA_PROMPT_MODIFIER
                fi
            fi
            if [[ -n ${__VENVHOOK_CONDA_PREFIX+set} ]]; then
                builtin export CONDA_PREFIX="$__VENVHOOK_CONDA_PREFIX"
            else
                builtin unset CONDA_PREFIX
            fi
            if [[ -n ${__VENVHOOK_CONDA_DEFAULT_ENV+set} ]]; then
                builtin export CONDA_DEFAULT_ENV="$__VENVHOOK_CONDA_DEFAULT_ENV"
            else
                builtin unset CONDA_DEFAULT_ENV
            fi
        fi
        builtin rehash
    fi
    builtin unset __VENVHOOK_ENV __VENVHOOK_PYTHONHOME __VENVHOOK_PIN __VENVHOOK_PAUSE \
        __VENVHOOK_CONDA_PREFIX __VENVHOOK_CONDA_DEFAULT_ENV \
        __VENVHOOK_CONDA_LEVEL __VENVHOOK_CONDA_SHLVL __VENVHOOK_CONDA_PROMPT
    __venvhook_sync
    builtin print -ru2 -- "venvhook: ${__venvhook_exe-venvhook} is gone: $__venvhook_what"
    builtin autoload -Uz add-zsh-hook
    add-zsh-hook -d chpwd __venvhook_hook
    add-zsh-hook -d precmd __venvhook_late
    precmd_functions=("${precmd_functions[@]:#__venvhook_precmd}")
    builtin unfunction venvhook 2>/dev/null
    return 0
}

# warning then is printed before the first prompt, by __venvhook_late.
__venvhook_register() {
    builtin emulate -L zsh
    builtin autoload -Uz add-zsh-hook
    # Each once, however often this file is loaded; add-zsh-hook appends,
    # and the first precmd hook goes in front by hand.
    add-zsh-hook chpwd __venvhook_hook
    precmd_functions=(__venvhook_precmd "${precmd_functions[@]:#__venvhook_precmd}")
    add-zsh-hook precmd __venvhook_late
    add-zsh-hook preexec __venvhook_preexec
    # counted for `venvhook doctor`
    typeset -gi __venvhook_loads=$(( ${__venvhook_loads:-0} + 1 ))
    # declared, so that the check can read it under no_unset
    typeset -ga __venvhook_watch __venvhook_later __venvhook_rnames __venvhook_rgone \
        __venvhook_rkeep __venvhook_renv __venvhook_wfix __venvhook_wrel __venvhook_storecmds
    # what the made-here rule reads begins here; nothing inherited counts
    typeset -ga __venvhook_lines=()
    typeset -g __venvhook_cut= __venvhook_wfrom= __venvhook_lpwd=$PWD __venvhook_recheck=
    builtin unset __venvhook_more
}
if [[ -o interactive ]]; then
    # What the hook keeps between prompts is this shell's own: a key, a
    # watch list or a directory inherited from elsewhere (exported, or
    # given in the environment) proves nothing, so each load starts them
    # afresh (one export more, when the file is loaded twice).
    builtin unset __venvhook_key __venvhook_watch __venvhook_pwd __venvhook_ve __venvhook_rtop \
        __venvhook_rnames __venvhook_rgone __venvhook_rkeep __venvhook_rref __venvhook_renv \
        __venvhook_wroot __venvhook_wfix __venvhook_wrel __venvhook_went __venvhook_vsline 2>/dev/null
    __venvhook_register
    # (in VS Code's terminal, where the Python extension types its activate
    # line first, through the first command line)
    typeset -g __venvhook_start=1
    [[ ${TERM_PROGRAM-} == vscode ]] && __venvhook_start=11
    __venvhook_check quiet
fi
