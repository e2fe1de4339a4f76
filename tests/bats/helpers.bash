# Shared by the bats suites: a clean sandbox per test, env fixtures, and
# `session`, which runs a real interactive shell over a list of steps.

bats_require_minimum_version 1.5.0

# vh_load_library NAME: bats_load_library NAME, without the dirname process
# its load.bash starts for each file it sources (some 15 a test: bats loads
# the libraries again for every test). Where load.bash says more than
# `source "$(dirname "${BASH_SOURCE[0]}")/FILE"`, bats' own loader.
vh_load_library() {
	local dir line files=()
	for dir in ${BATS_LIB_PATH//:/ } /usr/lib/bats; do
		[[ -f $dir/$1/load.bash ]] && break
	done
	if [[ -f $dir/$1/load.bash ]]; then
		while IFS= read -r line; do
			[[ -z $line || $line == \#* ]] && continue
			if [[ $line =~ ^source\ \"\$\(dirname\ \"\$\{BASH_SOURCE\[0\]\}\"\)/([^\"\$]*)\"$ ]]; then
				files+=("$dir/$1/${BASH_REMATCH[1]}")
			else
				files=()
				break
			fi
		done <"$dir/$1/load.bash"
	fi
	if ((${#files[@]})); then
		for line in "${files[@]}"; do
			# shellcheck source=/dev/null
			source "$line" || return
		done
	else
		bats_load_library "$1"
	fi
}
vh_load_library bats-support
vh_load_library bats-assert

: "${VENVHOOK:?run through make check, or set VENVHOOK to the binary}"
: "${VH_DUMPENV:=${VENVHOOK%/*}/tests/helpers/dumpenv}"
: "${VH_SRCDIR:=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)}"
: "${VH_LOADED_SO:=${VENVHOOK%/*}/tests/helpers/vh-loaded.so}"
# the completion files, made at build time from completions/*.in
: "${VH_COMPLETIONS:=${VH_BUILDDIR:-${VENVHOOK%/*}}/completions}"
export VENVHOOK VH_DUMPENV VH_SRCDIR VH_LOADED_SO VH_COMPLETIONS

vh_setup() {
	T=$BATS_TEST_TMPDIR/t
	mkdir -p "$T" "$BATS_TEST_TMPDIR/home"
	export HOME=$BATS_TEST_TMPDIR/home T
	export BASE_PATH=/usr/local/bin:/usr/bin:/bin
	export PATH=$BASE_PATH
	unset VIRTUAL_ENV VIRTUAL_ENV_PROMPT PYTHONHOME __VENVHOOK_ENV __VENVHOOK_PYTHONHOME \
		__VENVHOOK_PIN __VENVHOOK_PAUSE WORKON_HOME
	unset PROMPT_COMMAND VENVHOOK_QUIET GIT_DIR GIT_WORK_TREE GIT_CEILING_DIRECTORIES
	unset ZDOTDIR ENV BASH_ENV XDG_DATA_HOME XDG_CACHE_HOME XDG_CONFIG_HOME PYENV_ROOT
	export LC_ALL=C.UTF-8
	# libgit2's child gets 2 s by default: plenty on a quiet machine, not
	# under valgrind or on a loaded one, and no test may depend on how fast
	# the machine is. The tests of the limit itself set their own, with a
	# stand-in that never answers (a FIFO as .git/config, trust.bats).
	export VENVHOOK_GIT_TIMEOUT_MS=600000
	# A shell may close every descriptor up to the limit before each
	# command it starts: BSD csh does, asking the limit for each one, which
	# at 20,000 (this machine's) is 40,000 system calls a command and
	# nearly three quarters of what a csh session costs. 1024, the usual
	# default, as test_pathedit.c has it: no test may cost what the
	# machine's limit says.
	ulimit -Sn 1024 2>/dev/null || :
	# VH_SESSION_WRAP: a command the sessions' shells run under
	# (tests/helpers/noproc hides /proc from them).
	vh_wrap=(${VH_SESSION_WRAP:+"$VH_SESSION_WRAP"})
	cd "$T" || return 1
}

# vh_installed NAME: 0 unless NAME is one of configure.ac's optional
# shells (nushell) and is not installed here, which run-scenarios and the
# shell's own suite skip with one line (CI, which sets
# VH_REQUIRE_ALL_SHELLS, fails instead).
vh_installed() {
	local var=VH_${1^^}
	[[ -n ${VH_REQUIRE_ALL_SHELLS:-} || " ${VH_OPTIONAL_SHELLS:-} " != *" $1 "* ]] && return 0
	[[ ${!var:-no} != no && -x ${!var:-no} ]]
}

# vh_shells: the shells the loops over every shell go through: configure's
# list, less an optional one that is not installed.
vh_shells() {
	local sh
	for sh in ${VH_SHELLS:?VH_SHELLS is set by make check}; do
		vh_installed "$sh" && printf '%s\n' "$sh"
	done
}

# vh_skip_uninstalled NAME: skips the test (or, in setup_file, the file)
# when vh_installed says so.
vh_skip_uninstalled() {
	local var=VH_${1^^}_GET
	vh_installed "$1" || skip "$1 is not installed (${!var:-see configure.ac})"
}

# vh_use_driver NAME|FILE: loads a tests/drivers/*.driver and a clean sandbox.
vh_use_driver() {
	vh_driver_only "$1"
	export VH_SHELL_EXE=$drv_exe
	vh_setup
}

# vh_driver_only SHELL|FILE: the driver's functions and variables, with
# nothing set up.
vh_driver_only() {
	local driver=$1
	[[ $driver == */* ]] || driver=$VH_SRCDIR/tests/drivers/$driver.driver
	# shellcheck source=/dev/null
	source "$driver"
}

# counter: $COUNTER names a stand-in for the venvhook binary that only logs
# its arguments to $T/calls and prints nothing, so the shell's state stays
# as it was; point __venvhook_exe at it to count the processes a hook starts.
counter() {
	printf '#!/bin/sh\necho "$*" >>"%s/calls"\n' "$T" >"$T/counter"
	chmod +x "$T/counter"
	export COUNTER=$T/counter
}

# counting: $COUNTING names a stand-in for the venvhook binary that logs
# its arguments to $T/calls and then runs the real one, so the shell
# behaves as with venvhook and the calls can be counted.
counting() {
	printf '#!/bin/sh\necho "$*" >>"%s/calls"\nexec "%s" "$@"\n' "$T" "$VENVHOOK" >"$T/counting"
	chmod +x "$T/counting"
	export COUNTING=$T/counting
}

# region_settled: the region's reference file (core/decide/region.h) made
# half a minute ago, and everything under $T and $HOME a minute ago, as if
# the user had set up long before: else the shortcut waits its
# VH_REGION_SETTLE seconds after an export first makes the file.
region_settled() {
	local now dir=${XDG_CACHE_HOME:-$HOME/.cache}/venvhook
	now=$(date +%s)
	mkdir -p "$dir"
	rm -f "$dir"/region*
	: >"$dir/region.$((now - 30)).0"
	ln -s "region.$((now - 30)).0" "$dir/region"
	touch -d "@$((now - 30))" "$dir/region.$((now - 30)).0"
	find "$T" "$HOME" ! -path "$dir/region*" -exec touch -h -d "@$((now - 60))" {} +
}

# region_want N CDS: the exports a region scenario wants, N, or one per cd
# (CDS) in a shell whose hook has no shortcut (drv_no_region says why).
region_want() {
	if [[ -n ${drv_no_region:-} ]]; then echo "$2"; else echo "$1"; fi
}

# exports_in FILE: how many `venvhook export` calls a counting log holds.
exports_in() {
	[[ -e $1 ]] || { echo 0; return; }
	grep -c '^export ' "$1" || true
}

# Sessions after this run as an unprivileged user: permission faults cannot
# be staged as root, and CI runs as root.
unprivileged() {
	((EUID == 0)) || return 0
	command -v setpriv >/dev/null || fail "setpriv (util-linux) is needed to drop root"
	local d=$BATS_TEST_TMPDIR
	while [[ $d == "$BATS_RUN_TMPDIR"* ]]; do
		chmod o+rx "$d"
		d=${d%/*}
	done
	chown -R 65534:65534 "$BATS_TEST_TMPDIR"
	vh_wrap+=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
}

# mkenv DIR [PROMPT-LINE]: a virtual env as python -m venv lays it out, but
# every program in bin/ only leaves a marker: the hook must never run one.
# The user consents to it (venvhook allow), as to an env made before
# venvhook was set up; mkenv_unallowed makes one nobody consented to.
mkenv() {
	mkenv_unallowed "$@"
	"$VENVHOOK" allow "$1" >/dev/null 2>&1 || fail "venvhook allow $1 failed"
}

mkenv_unallowed() {
	local dir=$1
	mkdir -p "$dir/bin"
	{
		printf 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\n'
		[[ -n ${2:-} ]] && printf '%s\n' "$2"
		printf 'command = /usr/bin/python3 -m venv %s\n' "$dir"
	} >"$dir/pyvenv.cfg"
	local prog
	for prog in python python3 python3.11 pip pip3 activate activate.fish activate.csh Activate.ps1; do
		printf '#!/bin/sh\necho "$0" >>"%s/EXECUTED"\n' "$T" >"$dir/bin/$prog"
	done
	chmod +x "$dir"/bin/*
}

# mkvenv DIR: a real env, made as users make them (python3 -m venv,
# Debian's python3-venv; no pip, there is no network), and allowed, so that
# venvhook activates it on entering its project. Its bin/python is a
# symlink to the system's interpreter: never write to it or through it.
mkvenv() {
	__vh_venv "$1" || fail "python3 -m venv failed (apt-get install python3-venv)"
	"$VENVHOOK" allow "$1" >/dev/null 2>&1 || fail "venvhook allow $1 failed"
}

# The line that makes python3 say which env it runs in, the same in every
# shell: prefix=<sys.prefix>.
PREFIX_LINE="python3 -c 'import sys; print(\"prefix=\" + sys.prefix)'"
# The python3 PATH gives, the same in every shell: exe=<sys.executable>,
# the path it was found by (symlinks kept). A conda prefix mkconda makes
# has no pyvenv.cfg, so its bin/python3, a symlink to the system's, says
# the system's sys.prefix: what the user gets shows in this instead.
EXE_LINE="python3 -c 'import sys; print(\"exe=\" + sys.executable)'"

# mkconda DIR [HISTORY]: a conda prefix as conda lays it out, made without
# conda (no Debian package): conda-meta/history as History.write_head and
# write_specs write it (conda/history.py, and PrefixData.is_environment in
# conda/core/prefix_data.py, which tells a prefix by that file alone, at
# conda 0f64223fb8da4328457a69fe6483959dbb783152), or HISTORY as given;
# bin/python3 and bin/python symlinks to the system's interpreter (never
# write to them or through them); and an etc/conda/activate.d script that
# leaves a marker if anything runs it (Activator._get_activate_scripts,
# conda/activate.py, same commit). No pyvenv.cfg.
mkconda() {
	local dir=$1
	mkdir -p "$dir/conda-meta" "$dir/bin" "$dir/etc/conda/activate.d"
	if [[ -n ${2:-} ]]; then
		printf '%s' "$2" >"$dir/conda-meta/history"
	else
		printf '==> 2026-01-01 00:00:00 <==\n# cmd: /opt/conda/bin/conda create -p %s python=3.11\n# conda version: 25.1.0\n+conda-forge/linux-64::python-3.11.2-h0_0_cpython\n# update specs: ['"'"'python=3.11'"'"']\n' \
			"$dir" >"$dir/conda-meta/history"
	fi
	ln -s /usr/bin/python3 "$dir/bin/python3"
	ln -s python3 "$dir/bin/python"
	printf '#!/bin/sh\necho "$0" >>"%s/EXECUTED"\n' "$T" >"$dir/etc/conda/activate.d/marker.sh"
	printf 'echo "$0" >>"%s/EXECUTED"\n' "$T" >"$dir/etc/conda/activate.d/marker.fish"
}

# mkpixi PROJECT: pixi's default env of PROJECT, as pixi lays it out:
# .pixi/envs/default (PIXI_DIR, ENVIRONMENTS_DIR, DEFAULT_ENVIRONMENT_NAME in
# crates/pixi_consts/src/consts.rs) holding the conda-meta/history that
# create_history_file writes (crates/pixi_core/src/environment/
# conda_metadata.rs), at pixi 2b25fc76dd3b5cc50a235387d948474975c40d73; the
# manifest is the caller's.
mkpixi() {
	mkconda "$1/.pixi/envs/default" '// not relevant for pixi but for `conda run -p`'
}

# shown NAME: NAME as VIRTUAL_ENV_PROMPT shows it, for the names the tests
# use: C0 controls and DEL become '?' (C1 and bidi controls have their own
# test, with the expected text written out).
shown() { printf '%s' "$1" | LC_ALL=C tr '\001-\037\177' '?'; }

# other_group: a group that is not the user's private group (nogroup).
other_group() { getent group nogroup >/dev/null && echo nogroup || echo 65534; }

# run_loaded CMD...: `run`s CMD with tests/helpers/vh-loaded.so preloaded;
# then $loaded holds the paths of the shared objects it (or a child) loaded
# (dl_iterate_phdr: glibc, musl and the BSDs, where LD_DEBUG is glibc's).
run_loaded() {
	local log=$BATS_TEST_TMPDIR/loaded
	[[ -f $VH_LOADED_SO ]] || fail "no $VH_LOADED_SO: make check builds it"
	: >"$log"
	VH_LOADED_LOG=$log LD_PRELOAD=$VH_LOADED_SO \
		ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 run "$@"
	loaded=$(cat "$log")
	[[ $loaded != unsupported ]] || skip "this system has no dl_iterate_phdr"
	[[ $loaded == *"(main program)"* ]] || fail "the preloaded helper reported nothing: $loaded"
}

# unwrap SHELL: the hook that `venvhook init SHELL` (on stdin) evals behind
# its guard (shells/guard.c), as the shell evals it: the shell's driver
# says which of the guard's forms below is its own (drv_unwrap).
unwrap() {
	(
		vh_driver_only "$1"
		drv_unwrap
	)
}

# The guard's forms, on stdin. One quoted word after `&& eval` on the
# lines after the first (the POSIX family's and fish's).
vh_unwrap_word() {
	local line
	line=$(sed -n '2,$p')
	eval "printf '%s' ${line#*&& eval }"
}
# Each line's quoted word after `) eval` (the csh family's).
vh_unwrap_lines() {
	local line
	while IFS= read -r line; do
		[[ $line == 'if ( '*' ) eval '* ]] || continue
		line=${line#*) eval }
		eval "printf '%s\n' ${line% ;}"
	done
}
# The lines between the first and the here-document's end (nu's, elvish's).
vh_unwrap_heredoc() { sed -e '1d' -e '$d'; }
# The lines after the docstring, to the here-document's end (xonsh's).
vh_unwrap_docstring() { sed -e "1,/^'''\$/d" -e '$d'; }

# init_body SHELL [ARG...]: the hook `venvhook init SHELL ARG...` evals.
init_body() {
	"$VENVHOOK" init "$@" | unwrap "$1"
}

# esc VALUE: VALUE as dumpenv prints it.
esc() { "$VH_DUMPENV" -e "$1"; }

# What a driver may leave out, when its shell writes these as most do:
#   drv_head VAR      VAR's value as the first word of a command (the
#                     program it names): drv_var VAR
#   drv_command TEXT  a command line of the session's steps (cd, run, fail,
#                     deactivate), as the shell is to run it: TEXT (elvish
#                     wraps it to keep its status: it has no $?)
#   drv_status_line   a line that prints "status=" and the last status:
#                     echo "status=$(drv_status)"
#   drv_cannot_hold NAME  0 when the shell cannot hold NAME at all (it is
#                     refused, with one line, where the name is tested):
#                     a newline where drv_no_newlines is set
__vh_head() { if declare -F drv_head >/dev/null; then drv_head "$1"; else drv_var "$1"; fi; }
__vh_command() { if declare -F drv_command >/dev/null; then drv_command "$1"; else printf '%s\n' "$1"; fi; }
__vh_status_line() {
	if declare -F drv_status_line >/dev/null; then drv_status_line; else printf 'echo "status=%s"\n' "$(drv_status)"; fi
}
vh_cannot_hold() { # NAME
	[[ -n ${drv_no_newlines:-} && $1 == *$'\n'* ]] && return 0
	declare -F drv_cannot_hold >/dev/null && drv_cannot_hold "$1"
}

# session STEP...: starts the driver's shell interactively with the hook
# loaded and feeds it one line per step. Paths reach the shell only through
# environment variables (VH_ARG1, VH_ARG2, ...), never through quoting.
#   cd PATH        cd there (PATH relative to $T unless absolute)
#   report         dumpenv of the variables venvhook manages
#   fail N         run a command that exits N, then show the status
#   status         show the status of the step before
#   source FILE    source FILE (relative to $T unless absolute): ENV/bin/$drv_activate
#                  is an env's activate script for the shell
#   setenv NAME VAR    export NAME with the value of the variable VAR
#   unsetenv NAME      remove NAME from the environment
#   setvar NAME VAR    a shell variable NAME (not exported) with VAR's value
#   run WORD...        a command; a WORD written $VAR is that variable's value
#   line TEXT      TEXT as it is (a shell-specific line)
#   child ... end  the steps between run in a child shell started at that point
# Sets $output (stdout) and $stderr (stderr without the shell's own noise).
session() {
	local script=$BATS_TEST_TMPDIR/script.$drv_name
	[[ -f $HOME/.${drv_name}rc ]] || drv_write_rc "" ""
	__vh_args=0 __vh_children=0
	__vh_script "$script" "$@" || return 1
	local outfile=$BATS_TEST_TMPDIR/stdout.$drv_name errfile=$BATS_TEST_TMPDIR/stderr.$drv_name
	# not `run`: it would mix stderr into $output
	status=0
	drv_interactive <"$script" >"$outfile" 2>"$errfile" || status=$?
	output=$(cat "$outfile")
	mapfile -t lines <"$outfile"
	stderr=$(grep -Ev "$drv_noise" "$errfile" || true)
}

__vh_script() { # FILE STEP...
	local file=$1 step arg var name depth child=()
	shift
	: >"$file"
	while (($#)); do
		step=$1
		shift
		case $step in
		cd\ *)
			arg=${step#cd }
			[[ $arg == /* ]] || arg=$T/$arg
			__vh_args=$((__vh_args + 1))
			var=VH_ARG$__vh_args
			export "$var=$arg"
			__vh_command "cd $(drv_var "$var")" >>"$file"
			;;
		report)
			printf '%s VIRTUAL_ENV VIRTUAL_ENV_PROMPT PYTHONHOME PATH __VENVHOOK_PIN __VENVHOOK_PAUSE\n' \
				"$(__vh_head VH_DUMPENV)" >>"$file"
			;;
		fail\ *)
			__vh_command "sh -c \"exit ${step#fail }\"" >>"$file"
			__vh_status_line >>"$file"
			;;
		status)
			__vh_status_line >>"$file"
			;;
		deactivate)
			__vh_command deactivate >>"$file"
			;;
		source\ *)
			arg=${step#source }
			[[ $arg == /* ]] || arg=$T/$arg
			__vh_args=$((__vh_args + 1))
			var=VH_ARG$__vh_args
			export "$var=$arg"
			drv_source "$var" >>"$file"
			;;
		setenv\ *)
			read -r name var <<<"${step#setenv }"
			drv_setenv "$name" "$var" >>"$file"
			;;
		unsetenv\ *)
			drv_unsetenv "${step#unsetenv }" >>"$file"
			;;
		setvar\ *)
			read -r name var <<<"${step#setvar }"
			drv_setvar "$name" "$var" >>"$file"
			;;
		run\ *)
			local word words=() text="" head=1
			read -ra words <<<"${step#run }"
			for word in "${words[@]}"; do
				if [[ $word == \$* ]] && ((head)); then
					text+="$(__vh_head "${word#\$}") "
				elif [[ $word == \$* ]]; then
					text+="$(drv_var "${word#\$}") "
				else
					text+="$word "
				fi
				head=0
			done
			__vh_command "$text" >>"$file"
			;;
		line\ *)
			printf '%s\n' "${step#line }" >>"$file"
			;;
		child)
			depth=1 child=()
			while (($#)); do
				[[ $1 == child ]] && depth=$((depth + 1))
				[[ $1 == end ]] && depth=$((depth - 1))
				((depth == 0)) && break
				child+=("$1")
				shift
			done
			shift
			__vh_children=$((__vh_children + 1))
			var=VH_CHILD$__vh_children
			export "$var=$BATS_TEST_TMPDIR/child$__vh_children.$drv_name"
			__vh_script "${!var}" "${child[@]}" || return 1
			drv_child_line "$var" >>"$file"
			;;
		*)
			echo "session: unknown step '$step'" >&2
			return 1
			;;
		esac
	done
	printf 'exit\n' >>"$file"
}

# vh_untraced CMD...: runs CMD without bats' DEBUG trap, which runs on
# every command a test runs (to keep the trace of a failure: this one's is
# the line that called vh_untraced) and costs a fraction of a millisecond
# each time: a loop of a few thousand commands costs seconds with it. The
# trap is back when CMD returns; as elsewhere, under set -e a failing CMD
# ends the test.
vh_untraced() {
	if ((${__vh_untraced:-0})); then
		"$@"
		return
	fi
	# (bats sets the trap once per test: asked once, it costs no subshell
	# per call)
	[[ -n ${__vh_debug_trap+set} ]] || __vh_debug_trap=$(trap -p DEBUG)
	trap - DEBUG
	__vh_untraced=1
	"$@"
	local rc=$?
	__vh_untraced=0
	eval "$__vh_debug_trap"
	return "$rc"
}

# The Nth value of VAR in the session's reports (1-based), as dumpenv shows it.
reported() { # N VAR
	__vh_reported "$1" "$2"
	[[ -z ${__vh_line+set} ]] || printf '%s\n' "$__vh_line"
}

# __vh_reported N VAR: reported's answer in __vh_line (unset when there
# is none). (bash alone, and no $(...): a test asks this a few dozen
# times, sessions in every shell, and a subshell of bats' process costs
# milliseconds; the lines are indexed once, when they are not the lines
# indexed last)
__vh_reported() {
	local IFS=$'\n'
	if [[ ${#lines[@]} != "${__vh_rep_n-}" || "${lines[*]}" != "${__vh_rep_of-}" ]]; then
		vh_untraced __vh_index_reports
	fi
	unset __vh_line
	[[ -z ${__vh_rep["$1 $2"]+set} ]] || __vh_line=${__vh_rep["$1 $2"]}
}

# __vh_index_reports: __vh_rep["N VAR"], the Nth line of $lines that
# shows VAR ("VAR=..." or "VAR unset"), for __vh_reported.
__vh_index_reports() {
	local line name IFS=$'\n'
	local -A seen=()
	declare -gA __vh_rep=()
	for line in "${lines[@]}"; do
		if [[ $line == *=* ]]; then
			name=${line%%=*}
		elif [[ $line == *" unset" ]]; then
			name=${line% unset}
		else
			continue
		fi
		seen[$name]=$((${seen[$name]:-0} + 1))
		__vh_rep["${seen[$name]} $name"]=$line
	done
	__vh_rep_n=${#lines[@]} __vh_rep_of="${lines[*]}"
}

# assert_env N VAR VALUE: report N shows VAR with exactly VALUE (or unset).
# (untraced: a failure's trace is the line that called it)
assert_env() { vh_untraced __vh_assert_env "$@"; }
__vh_assert_env() {
	local want
	if [[ $3 == unset ]]; then
		want="$2 unset"
	else
		__vh_esc_fast "$3"
		want="$2=$__vh_esc"
	fi
	__vh_reported "$1" "$2"
	assert_equal "${__vh_line-}" "$want"
}

# esc_fast VALUE: esc VALUE, without a process for printable ASCII (which
# dumpenv leaves as it is, but for '\').
esc_fast() {
	__vh_esc_fast "$1"
	printf '%s\n' "$__vh_esc"
}

# __vh_esc_fast VALUE: esc_fast's answer in __vh_esc (no $(...) for
# printable ASCII).
__vh_esc_fast() {
	local LC_ALL=C
	if [[ $1 =~ ^[\ -~]*$ && $1 != *\\* ]]; then
		__vh_esc=$1
	else
		__vh_esc=$(esc "$1")
	fi
}

# assert_active N ENV: report N shows ENV active with its bin first on PATH
# and the rest of PATH as the test started it.
assert_active() {
	assert_env "$1" VIRTUAL_ENV "$2"
	assert_env "$1" PATH "$2/bin:${3:-$BASE_PATH}"
}

assert_inactive() {
	assert_env "$1" VIRTUAL_ENV unset
	assert_env "$1" VIRTUAL_ENV_PROMPT unset
	assert_env "$1" PATH "${2:-$BASE_PATH}"
}

# assert_stderr_contains TEXT...: $stderr holds each TEXT, in this order
# (text, not patterns); on failure the texts and $stderr are shown.
assert_stderr_contains() {
	local t rest=$stderr
	for t in "$@"; do
		if [[ $rest != *"$t"* ]]; then
			fail "stderr does not hold$( (($# > 1)) && echo " (after the texts before it)"): $t
stderr: $stderr"
		fi
		rest=${rest#*"$t"}
	done
}

# refute_stderr_contains TEXT: $stderr does not hold TEXT.
refute_stderr_contains() {
	[[ $stderr != *"$1"* ]] || fail "stderr holds what it must not: $1
stderr: $stderr"
}

refute_executed() {
	[[ ! -e $T/EXECUTED ]] || fail "the hook ran a program from an env: $(cat "$T/EXECUTED")"
}

# --- a real terminal: tmux on a private socket ($SOCK, set by the suite) ---

# tmux_screen: the pane's text, wrapped lines joined, with 200 lines of history.
tmux_screen() { tmux -S "$SOCK" capture-pane -p -J -S -200; }

# type_line TEXT: types TEXT as it is, then Enter.
# (the screen as it was, for wait_prompt: on a loaded machine the typed
# line may not be echoed yet when the next poll reads the pane)
type_line() {
	__vh_typed=$(tmux_screen 2>/dev/null || true)
	tmux -S "$SOCK" send-keys -l -- "$1" && tmux -S "$SOCK" send-keys Enter
}

# idle_lines TEXT N: N empty lines, each typed once the prompt before it
# (TEXT) shows: nushell leaves raw mode between lines, and an Enter that
# arrives then reaches it as a newline, Ctrl-J to reedline, not a line.
idle_lines() {
	local text=$1 n=$2 have k
	have=$(grep -oF -- "$text" <<<"$(tmux_screen)" | wc -l)
	for ((k = 1; k <= n; k++)); do
		type_line ''
		poll_screen "$((have + k)) prompts '$text'" screen_at_least "$text" $((have + k))
	done
}

# tmux_start WIDTH SHELL-COMMAND...: a detached session in $T (or
# $TMUX_CWD) running the command with a clean environment (but for the
# tests' git timeout).
tmux_start() {
	local width=$1
	shift
	__vh_typed= # (a new session: no line typed in it yet)
	tmux -S "$SOCK" -f /dev/null new-session -d -x "$width" -y 50 -c "${TMUX_CWD:-$T}" \
		env -i HOME="$HOME" PATH="$BASE_PATH" TERM=xterm LC_ALL=C.UTF-8 T="$T" VENVHOOK="$VENVHOOK" \
		${VENVHOOK_GIT_TIMEOUT_MS:+VENVHOOK_GIT_TIMEOUT_MS="$VENVHOOK_GIT_TIMEOUT_MS"} "$@"
}

# poll_screen WHAT TEST [ARG...]: reads the pane into $screen and runs TEST
# ARG... on it, again every 0.1 s until it succeeds, for at most
# $VH_SCREEN_WAIT seconds (60: a loaded machine may take many to start a
# shell; a passing test waits only as long as it must); then fails, saying
# WHAT was never seen, with the screen. The one polling loop of the
# terminal tests.
poll_screen() {
	local what=$1 end=$((SECONDS + ${VH_SCREEN_WAIT:-60}))
	shift
	while ((SECONDS < end)); do
		screen=$(tmux_screen)
		"$@" && return 0
		sleep 0.1
	done
	fail "never saw $what on the screen:
$screen"
}

# The tests poll_screen runs ($screen holds the pane).
screen_has() { [[ $screen == *"$1"* ]]; }                        # TEXT
screen_lines() { (($(grep -cF -- "$1" <<<"$screen") == $2)); }   # TEXT N: on exactly N lines
screen_at_least() { (($(grep -oF -- "$1" <<<"$screen" | wc -l) >= $2)); } # TEXT N: N times or more
screen_last_line() { # TEXT: the last non-blank line, trailing blanks cut, is TEXT
	local last
	last=$(printf '%s\n' "$screen" | grep -v '^[[:space:]]*$' | tail -n 1)
	[[ ${last%"${last##*[![:space:]]}"} == "$1" ]]
}

# wait_for TEXT: polls the screen until TEXT shows.
wait_for() { poll_screen "'$1'" screen_has "$1"; }

# wait_prompt TEXT: polls until the screen's last non-blank line is TEXT,
# that is, the shell is back at a prompt that shows TEXT, and the screen
# is no longer what it was before the last type_line (else the prompt
# seen could be the one the line was typed at, not yet echoed); once seen,
# the next wait_prompt asks no change until a line is typed again.
wait_prompt() { poll_screen "'$1' as the last line" screen_prompt_again "$1"; }
screen_prompt_again() {
	[[ -z ${__vh_typed-} || $screen != "$__vh_typed" ]] && screen_last_line "$1" && __vh_typed=
}

# wait_count TEXT N: polls until TEXT shows on exactly N lines of the screen.
wait_count() { poll_screen "'$1' on $2 lines" screen_lines "$1" "$2"; }

# tmux_next: ends the tmux server and moves to a fresh socket for the next
# tmux_start (a server that is still going away can take the next session
# down with it).
tmux_next() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	SOCK=$SOCK.n
}

# --- envs made by the tools themselves (Debian's Poetry 1.3, pipenv,
# virtualenvwrapper), as a user would run them: a clean environment with
# the sandbox's HOME, no network. Their envs hold a real bin/python that
# links to the system interpreter: never write to or through it.

# tool CMD...: runs CMD as the user would, in the current directory.
tool() {
	local keep=()
	[[ -z ${WORKON_HOME:-} ]] || keep+=("WORKON_HOME=$WORKON_HOME")
	env -i HOME="$HOME" PATH="$BASE_PATH" LC_ALL=C.UTF-8 TERM=dumb NO_COLOR=1 PIPENV_NOSPIN=1 \
		"${keep[@]}" "$@"
}

# poetry_project DIR NAME [TABLE]: a project named NAME (in [tool.poetry],
# or in TABLE) in DIR.
poetry_project() {
	mkdir -p "$1"
	printf '[%s]\nname = "%s"\nversion = "0.1.0"\ndescription = ""\nauthors = ["A <a@example.org>"]\n\n[tool.poetry.dependencies]\npython = "^3.11"\n' \
		"${3:-tool.poetry}" "$2" >"$1/pyproject.toml"
}

# poetry_env DIR NAME: Poetry's own env for the project (poetry env use);
# sets POETRY_ENV to the path Poetry says it made.
poetry_env() {
	poetry_project "$1" "$2"
	local out
	out=$(cd "$1" && tool poetry env use /usr/bin/python3 2>&1) || fail "poetry env use failed: $out"
	POETRY_ENV=$(sed -n 's/^Using virtualenv: //p' <<<"$out")
	[[ -f $POETRY_ENV/pyvenv.cfg ]] || fail "poetry made no env: $out"
}

# pipenv_env DIR [VAR=VALUE...]: pipenv's own env for a Pipfile in DIR
# (pipenv --python), with the settings given; sets PIPENV_ENV to the
# location pipenv reports.
pipenv_env() {
	local dir=$1 out
	shift
	mkdir -p "$dir"
	printf '[packages]\n\n[requires]\npython_version = "3.11"\n' >"$dir/Pipfile"
	out=$(cd "$dir" && tool "$@" pipenv --python /usr/bin/python3 2>&1 </dev/null) || fail "pipenv failed: $out"
	PIPENV_ENV=$(cd "$dir" && tool "$@" pipenv --venv 2>/dev/null)
	[[ -f $PIPENV_ENV/pyvenv.cfg ]] || fail "pipenv made no env: $out"
}

# vew CMD...: a virtualenvwrapper command (mkvirtualenv, setvirtualenvproject)
# in bash with virtualenvwrapper.sh loaded and $WORKON_HOME.
vew() {
	tool WORKON_HOME="$WORKON_HOME" VIRTUALENVWRAPPER_PYTHON=/usr/bin/python3 bash -c \
		'source /usr/share/virtualenvwrapper/virtualenvwrapper.sh && "$@"' _ "$@" >/dev/null 2>&1 ||
		fail "virtualenvwrapper: $* failed"
}

# poetry_says DIR: the env Poetry itself would use in DIR (poetry env info -p).
poetry_says() {
	(cd "$1" && tool poetry env info -p 2>/dev/null)
}

# poetry_name NAME DIR: {name}-{hash}, from Poetry's own EnvManager.
poetry_name() {
	/usr/bin/python3 -c 'import sys
from poetry.utils.env import EnvManager
from poetry.core.packages.project_package import ProjectPackage
print(EnvManager.generate_env_name(ProjectPackage(sys.argv[1], "0.1").name, sys.argv[2]))' "$1" "$2"
}

# The step that shows which interpreter `python3` runs, as prefix=...
PY_PREFIX="line python3 -c 'import sys; print(\"prefix=\" + sys.prefix)'"

# realenv DIR: an env as python -m venv makes it (a real interpreter).
realenv() {
	__vh_venv "$1" || fail "python3 -m venv $1 failed"
}

# __vh_venv DIR: what `python3 -m venv --without-pip DIR` makes, at a
# fraction of its cost (half a CPU second each, hundreds of times a
# suite): the first env of a name (and umask) in a test file is made so,
# in $BATS_FILE_TMPDIR, and copied afterwards, its path written into the
# four files that hold it (pyvenv.cfg's command line, the activate
# scripts). The copy's files are new (new birth and change times, as a
# fresh env's), its symlinks copied as symlinks (bin/python is never
# written through). A path venv would spell otherwise (relative, with
# . or .. or //), that is already there, or that the activate scripts
# would quote otherwise than the template's (shlex.quote: a path of its
# safe characters stays bare) gets the real command.
__vh_venv() {
	local dir=$1 tpl f c safe='^[A-Za-z0-9_@%+=:,./-]+$'
	local bare=0 tbare=0
	[[ $dir =~ $safe ]] && bare=1
	[[ ${dir##*/} =~ $safe ]] && tbare=1
	if [[ $dir != /* || $dir == *//* || $dir == */./* || $dir == */../* || $dir == */. ||
		$dir == */.. || $dir == */ || -e $dir || -L $dir || -z ${BATS_FILE_TMPDIR-} ||
		$dir =~ [^A-Za-z0-9_@%+=:,./\ -] || bare -ne tbare || ! $BATS_FILE_TMPDIR =~ $safe ]]; then
		/usr/bin/python3 -m venv --without-pip "$dir"
		return
	fi
	tpl=$BATS_FILE_TMPDIR/vh-venv/$(umask)/${dir##*/}
	if [[ ! -d $tpl ]]; then
		mkdir -p "${tpl%/*}" && /usr/bin/python3 -m venv --without-pip "$tpl" || return 1
	fi
	mkdir -p "${dir%/*}" && cp -R --preserve=mode "$tpl" "$dir" || return 1
	for f in pyvenv.cfg bin/activate bin/activate.csh bin/activate.fish; do
		[[ -f $dir/$f && ! -L $dir/$f ]] || continue
		IFS= read -r -d '' c <"$dir/$f" || :
		printf '%s' "${c//"$tpl"/"$dir"}" >"$dir/$f" || return 1
	done
}

# allowed DIR...: the user's consent (venvhook allow) to in-project envs
# a tool made outside any prompt of the shell under test; store envs need
# none, and their tests must not give it.
allowed() { "$VENVHOOK" allow "$@" >/dev/null 2>&1 || fail "venvhook allow $* failed"; }
