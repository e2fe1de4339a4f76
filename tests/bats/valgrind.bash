# shellcheck shell=bash
# venvhook under valgrind's memcheck, for tests/bats/valgrind.bats (the
# runs that do not depend on the shell) and valgrind-shell.bats (each
# shell's, through its driver): no leak (definite or indirect) and no
# memory error. No suppression file: libgit2, once dlopen()ed, keeps its
# global state reachable until exit, which is not an error for these leak
# kinds, so nothing of ours can hide behind a suppression. Each run costs
# valgrind's start-up (~0.4 s): the runs of a test go in the background.

vg_setup_file() {
	if ldd "$VENVHOOK" 2>/dev/null | grep -q libasan ||
		nm -D "$VENVHOOK" 2>/dev/null | grep -q ' __asan_init'; then
		export VH_VG_SKIP="$VENVHOOK is built with AddressSanitizer (--enable-sanitizers), which valgrind cannot run; ASan's leak check covers that build"
	fi
}

vg_setup() {
	[[ -z ${VH_VG_SKIP:-} ]] || skip "$VH_VG_SKIP"
	command -v valgrind >/dev/null || fail "valgrind not found (apt-get install valgrind)"
	# (libgit2's child, under valgrind too, gets all the time it takes:
	# vh_setup's VENVHOOK_GIT_TIMEOUT_MS, for every test)
	VG_JOBS=()
	# the exit status a run is to end with, when not 0: VG_RC[NAME]=N
	declare -gA VG_RC=()
	mkenv "$T/proj/.venv" "prompt = 'pr\\'oj \\u00e9'"
	mkenv "$T/other/.venv"
	mkdir -p "$T/empty"
}

# vg NAME DIR [VAR=VALUE...] -- ARGS...: runs venvhook ARGS in DIR under
# memcheck, in the background, with the environment changes given.
vg() {
	local name=$1 dir=$2
	shift 2
	local envs=()
	while [[ $1 != -- ]]; do
		envs+=("$1")
		shift
	done
	shift
	(
		rc=0
		cd "$dir" || exit 1
		export PWD=$dir
		# git's answer comes from a child that valgrind slows down many
		# times over: on a loaded machine the default 2 s ran out (the
		# env is then refused for want of an answer, another path)
		export VENVHOOK_GIT_TIMEOUT_MS=${VENVHOOK_GIT_TIMEOUT_MS:-60000}
		env "${envs[@]}" valgrind -q --leak-check=full \
			--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
			--error-exitcode=86 --num-callers=30 --log-file="$T/$name.vg" \
			"$VENVHOOK" "$@" >"$T/$name.out" 2>"$T/$name.err" || rc=$?
		echo "$rc" >"$T/$name.rc"
	) &
	VG_JOBS+=("$name")
}

# vg_check NAME=RE...: waits for the runs; each must exit 0 (or
# ${VG_RC[NAME]}) with an empty valgrind log, and run NAME's stdout must
# match the regex RE (or be empty for NAME=), which shows it met the
# situation it was set up for.
vg_check() {
	wait
	local name pat bad=0
	for name in "${VG_JOBS[@]}"; do
		if [[ $(cat "$T/$name.rc" 2>/dev/null) != "${VG_RC[$name]:-0}" || -s $T/$name.vg ]]; then
			echo "# $name: exit $(cat "$T/$name.rc" 2>/dev/null), valgrind says:"
			sed 's/^/#   /' "$T/$name.vg" "$T/$name.err"
			bad=1
		fi
	done
	for pat in "$@"; do
		name=${pat%%=*} pat=${pat#*=}
		if [[ -z $pat ]]; then
			[[ -s $T/$name.out ]] || continue
		elif grep -Eq -- "$pat" "$T/$name.out"; then
			continue
		fi
		echo "# $name: stdout does not match /$pat/:"
		sed 's/^/#   /' "$T/$name.out" "$T/$name.err"
		bad=1
	done
	((bad == 0))
}

