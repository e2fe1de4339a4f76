#!/usr/bin/env bats
# The behaviour every shell must have, run once per shell: make check runs
# this file under each tests/drivers/<shell>.driver (VH_DRIVER names it).

load helpers

setup_file() {
	: "${VH_DRIVER:?VH_DRIVER must name a tests/drivers/*.driver file}"
}

setup() {
	# VH_ONLY_TAG (run-noproc): only the tests tagged so run, the others
	# are skipped ("# bats test_tags=TAG" above them; where bats reads
	# the tags, run-scenarios has it start only those)
	if [[ -n ${VH_ONLY_TAG:-} ]] && ! BATS_TEST_DESCRIPTION=$BATS_TEST_DESCRIPTION awk 'prev == "# bats test_tags=" ENVIRON["VH_ONLY_TAG"] &&
		$0 == "@test \"" ENVIRON["BATS_TEST_DESCRIPTION"] "\" {" { found = 1 } { prev = $0 } END { exit !found }' \
		"$BATS_TEST_FILENAME"; then
		skip "not tagged $VH_ONLY_TAG"
	fi
	vh_use_driver "$VH_DRIVER"
	# a scenario the shell cannot express, named by its driver with the reason
	local why
	if declare -F drv_skip >/dev/null && why=$(drv_skip "$BATS_TEST_DESCRIPTION"); then
		skip "$drv_name: $why"
	fi
}

teardown() {
	refute_executed
}

# bats test_tags=noproc
@test "activates on cd into a project and a subdirectory, deactivates on leaving" {
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/src/pkg" "$T/elsewhere"
	session report "cd proj" report "cd proj/src/pkg" report "cd elsewhere" report
	assert_success
	assert_inactive 1
	assert_active 2 "$T/proj/.venv"
	assert_env 2 VIRTUAL_ENV_PROMPT proj
	assert_active 3 "$T/proj/.venv"
	assert_inactive 4
	assert_equal "$(grep -c . <<<"$stderr")" 2
	assert_stderr_contains "venvhook: activated proj (.venv)" "venvhook: deactivated proj"
}

# bats test_tags=noproc
@test "a shell started inside a project is active at its first prompt" {
	mkenv "$T/proj/.venv"
	cd "$T/proj"
	session report
	assert_active 1 "$T/proj/.venv"
}

# bats test_tags=noproc
@test "switches from project A to project B in one step" {
	mkenv "$T/a/.venv"
	mkenv "$T/b/venv" "prompt = 'Bee'"
	session "cd a" report "cd b" report "cd /" report
	assert_active 1 "$T/a/.venv"
	assert_active 2 "$T/b/venv"
	assert_env 2 VIRTUAL_ENV_PROMPT Bee
	assert_inactive 3
	assert_stderr_contains "venvhook: activated Bee (venv), deactivated a"
}

# bats test_tags=noproc
@test "the interpreter the user gets: python3 runs in the env on entering, switching and leaving (real envs)" {
	mkvenv "$T/a/.venv"
	mkvenv "$T/b/.venv"
	mkdir -p "$T/a/src"
	session "line $PREFIX_LINE" "cd a/src" "line $PREFIX_LINE" "cd b" "line $PREFIX_LINE" \
		"cd /" "line $PREFIX_LINE"
	assert_equal "$(grep '^prefix=' <<<"$output")" "prefix=/usr
prefix=$T/a/.venv
prefix=$T/b/.venv
prefix=/usr"
}

@test "pydoc is the env's python -m pydoc while venvhook's env is active, and is gone after" {
	mkvenv "$T/a/.venv"
	local site
	site=$(echo "$T"/a/.venv/lib/python3*/site-packages)
	# a module only the env's interpreter can find
	printf '"""venvhook-probe"""\n' >"$site/vhprobe.py"
	session "cd a" "run pydoc vhprobe" "cd /" "run pydoc vhprobe" "fail 0"
	assert_line --partial "vhprobe - venvhook-probe"
	assert_equal "$(grep -c 'venvhook-probe' <<<"$output")" 1
	[[ $stderr == *pydoc* ]] || fail "pydoc still ran after deactivation: $stderr"
}

@test "the nearest env wins: a subproject's env beats the repository's" {
	mkenv "$T/repo/.venv"
	mkenv "$T/repo/sub/.venv"
	mkdir -p "$T/repo/sub/x" "$T/repo/other"
	session "cd repo/sub/x" report "cd repo/other" report "cd repo/sub" report
	assert_active 1 "$T/repo/sub/.venv"
	assert_active 2 "$T/repo/.venv"
	assert_active 3 "$T/repo/sub/.venv"
}

@test "an env above the git work-tree root is not used" {
	mkenv "$T/outer/.venv"
	mkdir -p "$T/outer/repo/deep"
	git init -q "$T/outer/repo"
	session "cd outer/repo/deep" report "cd outer" report "cd outer/repo" report
	assert_inactive 1
	assert_active 2 "$T/outer/.venv"
	assert_inactive 3
}

@test "cd into the env directory itself activates that env" {
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/.venv/lib/site-packages"
	session "cd proj/.venv" report "cd proj/.venv/lib/site-packages" report "cd proj" report
	assert_active 1 "$T/proj/.venv"
	assert_env 1 VIRTUAL_ENV_PROMPT proj
	assert_active 2 "$T/proj/.venv"
	assert_active 3 "$T/proj/.venv"
	assert_equal "$(grep -c "^venvhook: activated" <<<"$stderr")" 1
}

@test "PYTHONHOME is saved on activation and restored on leaving" {
	mkenv "$T/a/.venv"
	mkenv "$T/b/.venv"
	export PYTHONHOME="/opt/py home"
	session report "cd a" report "cd b" report "cd /" report
	assert_env 1 PYTHONHOME "/opt/py home"
	assert_env 2 PYTHONHOME unset
	assert_env 3 PYTHONHOME unset
	assert_env 4 PYTHONHOME "/opt/py home"
	assert_inactive 4
}

@test "PYTHONHOME that was unset stays unset" {
	mkenv "$T/a/.venv"
	session "cd a" "cd /" report
	assert_env 1 PYTHONHOME unset
}

@test "a PATH entry the user added while active survives deactivation" {
	mkenv "$T/proj/.venv"
	export MINE=$T/my-tools:$T/proj/.venv/bin:$BASE_PATH
	session "cd proj" "setenv PATH MINE" report "cd /" report
	assert_env 1 PATH "$T/my-tools:$T/proj/.venv/bin:$BASE_PATH"
	assert_inactive 2 "$T/my-tools:$BASE_PATH"
}

# hostile_path: sets long to a 2,000-entry PATH: entries named after
# $names, a case variant of $T/a/.venv/bin, a pattern and a near miss of
# it, and that entry itself, already there; then BASE_PATH.
hostile_path() {
	local i
	long=""
	for ((i = 0; i < 2000; i++)); do
		case $((i % 500)) in
		7) long+="$T/A/.VENV/BIN:" ;;           # a case variant first
		9) long+="$T/*/.venv/bin:$T/a/.venv/bin2:" ;;
		300) long+="$T/a/.venv/bin:" ;;         # ours, already there
		*) long+="/opt/${names[i % ${#names[@]}]//$'\n'/ }/t$i/bin:" ;;
		esac
	done
	long+=$BASE_PATH
}

# A long PATH with entries that are patterns, case variants and duplicates
# of the env's bin/: entering puts the env first, switching and leaving
# take out exactly the first entry equal to venvhook's, and the shell does
# it with its own string operations (see shells/*.c, edit_path).
@test "a 2,000-entry PATH with hostile entries: only venvhook's entry comes and goes" {
	# BSD csh takes no word longer than about 8 KiB (and no eval'd command
	# output longer than about 4 KiB): it cannot hold this PATH at all.
	[[ $drv_name != csh ]] || skip "BSD csh's word limit: such a PATH cannot be set in it"
	mkenv "$T/a/.venv"
	mkenv "$T/b b/.venv"
	local long="" i names=()
	mapfile -d '' names < <(hostile_names)
	# tcsh (6.24's wide_read) drops up to 15 bytes of a command
	# substitution's output when a byte that is not UTF-8 lies that close
	# to the end of one of its 4 KiB reads, and leaving or switching sends
	# tcsh the whole PATH (it has no way to take one entry out): there,
	# this PATH's entries are UTF-8. Elsewhere, only the names the shell
	# can hold (vh_cannot_hold): nushell's PATH is UTF-8.
	for i in "${!names[@]}"; do
		if [[ $drv_name == tcsh ]] && ! LC_ALL=C.UTF-8 iconv -f UTF-8 -t UTF-8 <<<"${names[i]}" >/dev/null 2>&1; then
			unset 'names[i]'
		elif vh_cannot_hold "${names[i]}"; then
			unset 'names[i]'
		fi
	done
	names=("${names[@]}")
	vh_untraced hostile_path
	export PATH=$long
	session report "cd a" report "cd b b" report "cd /" report "cd a" report "cd /" report
	assert_inactive 1 "$long"
	assert_active 2 "$T/a/.venv" "$long"
	assert_active 3 "$T/b b/.venv" "$long"
	assert_inactive 4 "$long"
	assert_active 5 "$T/a/.venv" "$long"
	assert_inactive 6 "$long"
}

@test "the user's exit status survives the hook" {
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/sub"
	session "fail 3" "cd proj" "fail 7" "cd /" "fail 42" "cd proj/sub" "fail 0"
	assert_line "status=3"
	assert_line "status=7"
	assert_line "status=42"
	assert_line "status=0"
}

@test "loading the hook twice is harmless" {
	mkenv "$T/proj/.venv"
	drv_write_rc "" "$(drv_init_line)"
	session "cd proj" report "cd /" report "fail 5"
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_line "status=5"
	assert_equal "$(grep -c "^venvhook: activated" <<<"$stderr")" 1
}

@test "a child shell inherits the env and deactivates it on leaving" {
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/sub"
	session "cd proj" child report "cd proj/sub" report "cd /" report end report
	assert_active 1 "$T/proj/.venv"
	assert_active 2 "$T/proj/.venv"
	assert_inactive 3
	# the parent is untouched by what the child did
	assert_active 4 "$T/proj/.venv"
	assert_equal "$(grep -c "^venvhook: activated" <<<"$stderr")" 1
}

@test "an env activated by hand is left alone until it is gone" {
	mkenv "$T/proj/.venv"
	mkenv "$T/mine"
	export HAND=$T/mine
	session "setenv VIRTUAL_ENV HAND" "cd proj" report "unsetenv VIRTUAL_ENV" "cd /" "cd proj" report
	assert_env 1 VIRTUAL_ENV "$T/mine"
	assert_env 1 PATH "$BASE_PATH"
	assert_active 2 "$T/proj/.venv"
}

@test "VIRTUAL_ENV changed behind venvhook's back, with no cd, is seen at the next prompt" {
	mkenv "$T/proj/.venv"
	mkenv "$T/mine"
	export HAND=$T/mine
	# another env's activate (VIRTUAL_ENV set), then its deactivate (unset),
	# each in the same directory: only the hook's VIRTUAL_ENV check sees them.
	# BSD csh has no prompt hook; fish, ksh93 and tcsh, as their drivers run
	# them (lines on stdin), run none between these lines (doc/THREATS.md,
	# "Known gaps": fish at a terminal does).
	case $drv_name in
	bash | zsh | mksh | nu | xonsh | elvish) ;;
	*) skip "$drv_name: no prompt hook between lines as its driver runs it" ;;
	esac
	session "cd proj" report "setenv VIRTUAL_ENV HAND" report "unsetenv VIRTUAL_ENV" report
	assert_active 1 "$T/proj/.venv"
	assert_env 2 VIRTUAL_ENV "$T/mine"
	assert_env 2 PATH "$BASE_PATH"
	assert_active 3 "$T/proj/.venv"
}

# --- other activators: venvhook's PATH entry against everyone else's ---
# (core/output/plan.h: the rule; doc/activators.md)

# py_prefixes: the prefix= lines python3 printed, joined by spaces.
py_prefixes() { grep '^prefix=' <<<"$output" | tr '\n' ' '; }

@test "an activate script in venvhook's project, a cd, its deactivate, a cd out: the system's python3, no env bin left on PATH" {
	# (the scripts' prompt changes would show in the output of some shells)
	export VIRTUAL_ENV_DISABLE_PROMPT=1
	mkvenv "$T/a/.venv"
	mkdir -p "$T/a/src" "$T/elsewhere"
	session "cd a" "source a/.venv/bin/$drv_activate" "$PY_PREFIX" "cd a/src" report "$PY_PREFIX" \
		deactivate "cd elsewhere" report "$PY_PREFIX"
	assert_equal "$(py_prefixes)" "prefix=$T/a/.venv prefix=$T/a/.venv prefix=/usr "
	assert_env 1 VIRTUAL_ENV "$T/a/.venv"
	assert_inactive 2
	refute_stderr_contains "command not found"
}

@test "an env injected at shell start (VS Code's Python extension): adopted, a cd switches it, leaving ends it" {
	mkvenv "$T/a/.venv"
	mkvenv "$T/b/.venv"
	# what the extension's environment-variable collection gives a new
	# terminal: its deactivate directory and the env's bin/ before PATH,
	# VIRTUAL_ENV and the activate script's VIRTUAL_ENV_PROMPT
	mkdir -p "$T/vsc/deactivate/bash"
	local D=$T/vsc/deactivate/bash
	export VIRTUAL_ENV=$T/a/.venv VIRTUAL_ENV_PROMPT="(.venv) " PATH=$D:$T/a/.venv/bin:$BASE_PATH
	cd "$T/a"
	session report "$PY_PREFIX" "cd b" report "$PY_PREFIX" "cd /" report "$PY_PREFIX"
	assert_env 1 VIRTUAL_ENV "$T/a/.venv"
	assert_env 1 VIRTUAL_ENV_PROMPT a
	assert_env 1 PATH "$D:$T/a/.venv/bin:$BASE_PATH"
	assert_active 2 "$T/b/.venv" "$D:$BASE_PATH"
	assert_inactive 3 "$D:$BASE_PATH"
	assert_equal "$(py_prefixes)" "prefix=$T/a/.venv prefix=$T/b/.venv prefix=/usr "
}

@test "an env the shell inherited that venvhook would not choose: gone on leaving its project; one activated by hand stays until deactivated" {
	export VIRTUAL_ENV_DISABLE_PROMPT=1
	# no consent: venvhook would not activate it itself
	realenv "$T/a/.venv"
	mkvenv "$T/b/.venv"
	mkdir -p "$T/a/src" "$T/c"
	export VIRTUAL_ENV=$T/a/.venv PATH=$T/a/.venv/bin:$BASE_PATH
	cd "$T/a/src"
	session report "cd a" report "cd c" report "$PY_PREFIX" \
		"source b/.venv/bin/$drv_activate" "cd /" report "$PY_PREFIX" deactivate "cd c" report
	assert_env 1 VIRTUAL_ENV "$T/a/.venv"
	assert_env 2 VIRTUAL_ENV "$T/a/.venv"
	assert_env 2 PATH "$T/a/.venv/bin:$BASE_PATH"
	assert_inactive 3
	assert_env 4 VIRTUAL_ENV "$T/b/.venv"
	assert_env 4 PATH "$T/b/.venv/bin:$BASE_PATH"
	assert_equal "$(py_prefixes)" "prefix=/usr prefix=$T/b/.venv "
	assert_inactive 5
	refute_stderr_contains "deactivated"
}

@test "a foreign env that sets VIRTUAL_ENV and no name of its own (mise), in venvhook's project: no stale name, no false \"deactivated\"" {
	mkenv "$T/alpha/.venv"
	# (where venvhook itself finds nothing: mise's venv = "../../menv")
	realenv "$T/menv"
	mkdir -p "$T/alpha/m/sub"
	export MISE_VE=$T/menv MISE_PATH=$T/menv/bin:$T/alpha/.venv/bin:$BASE_PATH \
		SAVED=$T/alpha/.venv/bin:$BASE_PATH
	# what mise's hook does at the prompt after entering alpha/m (its
	# mise.toml's _.python.venv), then at the prompt after leaving it: the
	# PATH it saved back
	session "cd alpha" report "cd alpha/m" "setenv VIRTUAL_ENV MISE_VE" "setenv PATH MISE_PATH" \
		"cd alpha/m/sub" report "cd /" "setenv PATH SAVED" "unsetenv VIRTUAL_ENV" "cd /" report
	assert_active 1 "$T/alpha/.venv"
	assert_env 2 VIRTUAL_ENV "$T/menv"
	assert_env 2 VIRTUAL_ENV_PROMPT unset
	assert_env 2 PATH "$T/menv/bin:$BASE_PATH"
	assert_inactive 3
	assert_equal "$(grep -c . <<<"$stderr")" 1
	assert_stderr_contains "venvhook: activated alpha (.venv)"
}

@test "pyvenv.cfg prompt is used; a long command line does not break it" {
	long=$(printf 'x%.0s' {1..400})
	mkenv "$T/proj/.venv" "prompt = 'my ; proj'
command = /usr/bin/python3 -m venv --prompt=evil $long prompt = evil"
	session "cd proj" report
	assert_active 1 "$T/proj/.venv"
	assert_env 1 VIRTUAL_ENV_PROMPT "my ; proj"
}

@test "VENVHOOK_QUIET=1 silences the activation lines" {
	mkenv "$T/proj/.venv"
	export VENVHOOK_QUIET=1
	session "cd proj" report "cd /"
	assert_active 1 "$T/proj/.venv"
	assert_equal "$stderr" ""
}

@test "an idle prompt does no work: no process, no output" {
	mkenv "$T/proj/.venv"
	# a venvhook that cannot run would print errors on any call
	export NOWHERE=/no-such-dir-venvhook-tests/venvhook
	session "cd proj" "setvar __venvhook_exe NOWHERE" \
		"line echo a" "line echo b" "line echo c" report
	assert_active 1 "$T/proj/.venv"
	assert_equal "$(grep -c . <<<"$stderr")" 1
}

# --- the region (core/decide/region.h): a cd that changes nothing starts no
# process, and every cd has the answer export would give ---

@test "the region: a cd within a project whose env is .conda or pixi's starts no process" {
	counting
	mkconda "$T/cproj/.conda"
	allowed "$T/cproj/.conda"
	mkpixi "$T/pproj"
	printf '[workspace]\nname = "pproj"\n' >"$T/pproj/pixi.toml"
	export PIXI_TOML=$T/pproj/pixi.toml
	allowed "$T/pproj/.pixi/envs/default"
	mkdir -p "$T/cproj/src/pkg" "$T/cproj/docs" "$T/pproj/src/pkg" "$T/pproj/docs"
	region_settled
	session "cd cproj" "setvar __venvhook_exe COUNTING" "cd cproj/src/pkg" "cd cproj/docs" \
		"cd cproj/src" report "cd pproj" "cd pproj/src/pkg" "cd pproj/docs" "cd pproj/src" report \
		'run rm $PIXI_TOML' "cd pproj/docs" report
	assert_success
	assert_active 1 "$T/cproj/.conda"
	assert_active 2 "$T/pproj/.pixi/envs/default"
	# without its manifest, .pixi is no project's: the region ends
	assert_inactive 3
	# two exports: into the pixi project, and the cd after its manifest
	# went (and each cd, in a shell that cannot compare times; every cd in
	# a shell with no shortcut)
	assert_equal "$(exports_in "$T/calls")" "$(region_want $((2 + ${drv_no_mtime:-0} * 6)) 8)"
}

@test "a cd within a project, and between directories outside any, starts no process" {
	counting
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/src/pkg/sub" "$T/proj/docs" "$T/out/a/b" "$T/out/c"
	region_settled
	session "cd proj" "setvar __venvhook_exe COUNTING" "cd proj/src/pkg/sub" "cd proj/src" \
		"cd proj/docs" "cd proj/src/pkg" "cd proj" report "cd proj/docs" report \
		"cd out/a/b" "cd out/c" "cd out" "cd out/a" report
	assert_success
	assert_active 1 "$T/proj/.venv"
	assert_active 2 "$T/proj/.venv"
	assert_inactive 3
	# one export: leaving the project (and each cd in it, in a shell that
	# cannot compare times; every cd in a shell with no shortcut)
	assert_equal "$(exports_in "$T/calls")" "$(region_want $((1 + ${drv_no_mtime:-0} * 6)) 10)"
	assert_equal "$(grep -c . <<<"$stderr")" 2
}

@test "the region asks export for a symlink, another user's directory, an unreadable parent" {
	counting
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/src/in" "$T/proj/theirs" "$T/proj/shut/in"
	ln -s "$T/proj/src" "$T/proj/link"
	region_settled
	chmod a-r "$T/proj/shut"
	# (root reads anything: the unreadable parent is judged as another user,
	# and root can give theirs to a third)
	local want=3
	if ((EUID == 0)); then
		unprivileged
		chown 1 "$T/proj/theirs"
		want=4
	fi
	[[ -z ${drv_no_mtime:-} ]] || want=6
	want=$(region_want "$want" 6)
	session "cd proj" "setvar __venvhook_exe COUNTING" "cd proj/link" "cd proj/link/in" \
		"cd proj/src" "cd proj/shut/in" "cd proj/src/in" "cd proj/theirs" report
	assert_success
	assert_active 1 "$T/proj/.venv"
	# through the link twice, the unreadable parent, and a directory the
	# user does not own
	assert_equal "$(exports_in "$T/calls")" "$want"
}

@test "the region: a name appearing between two cds, or the env going, asks export" {
	counting
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/sub/inner" "$T/proj/docs"
	region_settled
	session "cd proj" "setvar __venvhook_exe COUNTING" "cd proj/sub" \
		"run touch $T/proj/sub/Pipfile" "cd proj/sub/inner" report \
		"run rm $T/proj/sub/Pipfile" "cd proj/docs" \
		"run mkdir $T/proj/sub/inner/.venv" "cd proj/sub/inner" report \
		"run rm -r $T/proj/.venv" "cd proj/docs" report
	assert_success
	assert_active 1 "$T/proj/.venv"
	assert_active 2 "$T/proj/.venv"
	assert_inactive 3
	# Pipfile, .venv (no env: mkdir alone), the env gone
	assert_equal "$(exports_in "$T/calls")" "$(region_want $((3 + ${drv_no_mtime:-0} * 2)) 5)"
}

@test "the region: allow, deny, the trust file and the config changing ask export" {
	counting
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/src" "$T/proj/docs"
	region_settled
	export CONF=$HOME/.config/venvhook/config
	mkdir -p "${CONF%/*}"
	printf 'env_dirs = venv\n' >"$T/conf"
	# another shell's deny, a config that names other env directories
	session "cd proj" "setvar __venvhook_exe COUNTING" "cd proj/src" \
		"run $VENVHOOK deny $T/proj/.venv" "cd proj/docs" report \
		"run $VENVHOOK allow $T/proj/.venv" "cd proj/src" report \
		"run cp $T/conf $CONF" "cd proj/docs" report
	assert_success
	assert_inactive 1
	assert_active 2 "$T/proj/.venv"
	assert_inactive 3
	assert_equal "$(exports_in "$T/calls")" "$(region_want $((3 + ${drv_no_mtime:-0})) 4)"
}

@test "the region: a variable discovery reads, changed between two cds, asks export" {
	counting
	mkdir -p "$T/uvproj/src" "$T/uvproj/docs" "$T/out/a"
	printf '[project]\nname = "uvproj"\nversion = "0.1.0"\n' >"$T/uvproj/pyproject.toml"
	: >"$T/uvproj/uv.lock"
	mkenv "$T/uvproj/.venv"
	mkenv "$T/abs"
	export ABSENV=$T/abs PF2=.proj2 NOENVS=$T/no-envs NOENVS2=$T/no-envs2
	# read by virtualenvwrapper's rule, set as it is by default, while its
	# store is there
	export VIRTUALENVWRAPPER_PROJECT_FILENAME=.project WORKON_HOME=$T/workon
	mkdir "$WORKON_HOME"
	region_settled
	# uv's UV_PROJECT_ENVIRONMENT set, then unset, each between two cds
	# inside the project: the next cd has uv's env, then the .venv again;
	# then a variable that was set changed (the answer stays: one export);
	# outside any project, the store's place changed between two cds (the
	# answer stays: one export; then csh too takes the shortcut, with no
	# name over its 30 bytes left to compare), and changed again (csh
	# compares its value too: one export)
	session "cd uvproj" "setvar __venvhook_exe COUNTING" "cd uvproj/src" report \
		"setenv UV_PROJECT_ENVIRONMENT ABSENV" "cd uvproj/docs" report \
		"unsetenv UV_PROJECT_ENVIRONMENT" "cd uvproj/src" report "cd uvproj" report \
		"setenv VIRTUALENVWRAPPER_PROJECT_FILENAME PF2" "cd uvproj/docs" "cd uvproj/src" report \
		"cd out" "setenv WORKON_HOME NOENVS" "cd out/a" "cd out" report \
		"setenv WORKON_HOME NOENVS2" "cd out/a" report
	assert_success
	assert_active 1 "$T/uvproj/.venv"
	assert_active 2 "$T/abs"
	assert_active 3 "$T/uvproj/.venv"
	assert_active 4 "$T/uvproj/.venv"
	assert_active 5 "$T/uvproj/.venv"
	assert_inactive 6
	assert_inactive 7
	# the set, the unset and the change (the other cds inside the region,
	# but in a shell that cannot compare times), leaving, the two sets
	# outside
	assert_equal "$(exports_in "$T/calls")" "$(region_want $((6 + ${drv_no_mtime:-0} * 3)) 10)"
}

@test "the region under the tools' rules: a uv workspace made above asks export" {
	counting
	mkenv "$T/ws/member/.venv"
	mkdir -p "$T/ws/member/src" "$T/ws/member/docs"
	printf '[project]\nname = "member"\n' >"$T/ws/member/pyproject.toml"
	printf '[project]\nname = "root"\n[tool.uv.workspace]\nmembers = ["*"]\n' >"$T/wsroot"
	region_settled
	# a workspace root above the member: uv takes the root's env, and there
	# is none (the region watches the pyproject.toml files above the member)
	session "cd ws/member" "setvar __venvhook_exe COUNTING" "cd ws/member/src" report \
		"run cp $T/wsroot $T/ws/pyproject.toml" "cd ws/member/docs" report \
		"run rm $T/ws/pyproject.toml" "cd ws/member/src" report
	assert_success
	assert_active 1 "$T/ws/member/.venv"
	assert_inactive 2
	assert_active 3 "$T/ws/member/.venv"
	# the workspace made, and gone (with a member refused, no region)
	assert_equal "$(exports_in "$T/calls")" "$(region_want $((2 + ${drv_no_mtime:-0})) 3)"
}

@test "the region under the tools' rules: pipenv's and pdm's files at the root give none" {
	counting
	mkenv "$T/pp/.venv"
	mkenv "$T/pd/.venv"
	mkenv "$T/other/.venv"
	mv "$T/other/.venv/pyvenv.cfg" "$T/cfg"
	mkdir -p "$T/pp/src" "$T/pd/src"
	printf '[pipenv]\nvenv_in_project = true\n' >"$T/pp/Pipfile"
	: >"$T/pd/pyproject.toml"
	# pdm's saved interpreter, in a directory that is no env yet
	printf '%s\n' "$T/other/.venv/bin/python" >"$T/pd/.pdm-python"
	region_settled
	# pipenv's choice rests on its version, PIPENV_VENV_IN_PROJECT and its
	# store; pdm's on an interpreter anywhere: every cd asks export, and
	# sees the env pdm's file names become one
	session "cd pp" "setvar __venvhook_exe COUNTING" "cd pp/src" "cd pp" report \
		"cd pd" "cd pd/src" report "run cp $T/cfg $T/other/.venv/pyvenv.cfg" "cd pd" report
	assert_success
	assert_active 1 "$T/pp/.venv"
	assert_active 2 "$T/pd/.venv"
	assert_active 3 "$T/other/.venv"
	assert_equal "$(exports_in "$T/calls")" 5
}

# Directory names a shell could misread. Each must round-trip byte for byte,
# and nothing in one may ever run.
hostile_names() {
	printf '%s\0' \
		"with space" "it's" 'say "hi"' '$(touch PWNED)' '`touch PWNED`' 'bang!bang' '!!' \
		'100%' '%s%n' 'back\slash\' "$(printf 'tab\there')" "$(printf 'new\nline')" \
		"$(printf 'trailing\n\n')" "$(printf 'caf\xc3\xa9')" "$(printf 'bad\xff\xfeutf8')" \
		'${HOME}' '*' '[ab]' '~' '-n' 'a;b|c&d' "$(printf '\033[31mred')" '{a,b}' '#x'
}

@test "hostile directory names round-trip exactly and never run" {
	local names=() steps=() i
	mapfile -d '' names < <(hostile_names)
	# a name the shell cannot hold is refused instead: see the next tests
	for i in "${!names[@]}"; do vh_cannot_hold "${names[i]}" && unset 'names[i]'; done
	names=("${names[@]}")
	for i in "${!names[@]}"; do
		mkenv "$T/${names[i]}/.venv"
		steps+=("cd ${names[i]}" report "cd /" report)
	done
	cd /
	session "${steps[@]}"
	for i in "${!names[@]}"; do
		assert_active $((2 * i + 1)) "$T/${names[i]}/.venv"
		assert_env $((2 * i + 1)) VIRTUAL_ENV_PROMPT "$(shown "${names[i]}")"
		assert_inactive $((2 * i + 2))
	done
	[[ ! -e $T/PWNED && ! -e /PWNED && ! -e $HOME/PWNED ]]
	# notes on stderr are one line each, control bytes escaped
	assert_equal "$(grep -c . <<<"$stderr")" $((2 * ${#names[@]}))
	[[ $stderr != *$'\033'* ]]
}

@test "a newline in a name: carried exactly, or refused with one line where the shell cannot" {
	mkenv "$T/$(printf 'two\nlines')/.venv"
	mkenv "$T/ok/.venv"
	session "cd ok" "cd $(printf 'two\nlines')" report "fail 5"
	if [[ -n ${drv_no_newlines:-} ]]; then
		# the old env is still left, the new one is not half-applied
		assert_inactive 1
		assert_stderr_contains "venvhook: not activating $T/two\x0alines/.venv: this shell cannot hold a newline in a variable safely"
	else
		assert_active 1 "$T/$(printf 'two\nlines')/.venv"
	fi
	assert_line "status=5"
}

@test "a name that is not UTF-8: carried exactly, or refused with one line where the shell cannot" {
	local bad=$T/$'bad\xff\xfename'
	mkenv "$bad/env"
	mkenv "$T/ok/.venv"
	mkdir -p "$T/proj"
	# (a shell that cannot hold the name cannot stand in it either: the
	# name comes through a pointer file)
	printf '%s\n' "$bad/env" >"$T/proj/.venv"
	session "cd ok" "cd proj" report "fail 5"
	if vh_cannot_hold "$bad"; then
		# the old env is left, the new one is not half-applied
		assert_inactive 1
		assert_equal "$(grep -c 'not activating' <<<"$stderr")" 1
		assert_stderr_contains "venvhook: not activating $T/bad\xff\xfename/env: "
	else
		assert_active 1 "$bad/env"
	fi
	assert_line "status=5"
}

@test "a hostile prompt in pyvenv.cfg is carried as data" {
	mkenv "$T/p1/.venv" "prompt = '\$(touch PWNED) \`touch PWNED\` !! %s \\\\ \\'q\\''"
	mkenv "$T/p2/.venv" 'prompt = "dq $HOME"'
	session "cd p1" report "cd p2" report
	assert_env 1 VIRTUAL_ENV_PROMPT "\$(touch PWNED) \`touch PWNED\` !! %s \\ 'q'"
	assert_env 2 VIRTUAL_ENV_PROMPT 'dq $HOME'
	[[ ! -e $T/PWNED && ! -e $T/p1/PWNED ]]
}

@test "a name PATH cannot hold (':') is refused with one line" {
	mkenv "$T/a:b/.venv"
	mkenv "$T/ok/.venv"
	session "cd ok" report "cd a:b" report
	assert_active 1 "$T/ok/.venv"
	assert_inactive 2
	assert_stderr_contains "venvhook: not activating $T/a:b/.venv: PATH cannot hold a ':' in a directory name"
}

@test "garbage pyvenv.cfg: activates under the directory's name" {
	mkdir -p "$T/g1/.venv" "$T/g2/.venv" "$T/g3/.venv"
	head -c 3000 /dev/urandom >"$T/g1/.venv/pyvenv.cfg"
	: >"$T/g2/.venv/pyvenv.cfg"
	printf 'prompt = a\0b\r\nhome=/x\r\n' >"$T/g3/.venv/pyvenv.cfg"
	"$VENVHOOK" allow "$T/g1" "$T/g2" "$T/g3" 2>/dev/null
	session "cd g1" report "cd g2" report "cd g3" report "cd /" report
	assert_active 1 "$T/g1/.venv"
	assert_env 1 VIRTUAL_ENV_PROMPT g1
	assert_active 2 "$T/g2/.venv"
	assert_env 2 VIRTUAL_ENV_PROMPT g2
	assert_active 3 "$T/g3/.venv"
	assert_env 3 VIRTUAL_ENV_PROMPT g3
	assert_inactive 4
	assert_stderr_contains "venvhook: ignoring lines with NUL bytes in $T/g3/.venv/pyvenv.cfg"
}

@test "the active env deleted: leaving deactivates cleanly" {
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/sub"
	export GONE=$T/proj/.venv
	session "cd proj" "run rm -rf \$GONE" "cd proj/sub" report "cd /" report
	assert_inactive 1
	assert_inactive 2
	assert_stderr_contains "venvhook: deactivated proj"
}

@test "a shell started in a deleted directory keeps a working prompt" {
	mkenv "$T/proj/.venv"
	mkdir -p "$T/proj/sub"
	export GONE=$T/proj/sub
	session "cd proj/sub" "run rm -rf \$GONE" child report "fail 4" end "cd /" report
	assert_line "status=4"
	assert_inactive 2
	if [[ -n ${drv_leaves_deleted_cwd:-} ]]; then
		# tcsh and csh move to $HOME themselves; venvhook follows them there
		[[ "$output$stderr" == *"Trying to start from \"$HOME\""* ]]
		assert_inactive 1
	else
		assert_active 1 "$T/proj/.venv"
		assert_stderr_contains "venvhook: the current directory is gone; leaving the env as it is"
	fi
}

@test "a broken .git file: one line, and no env from above it" {
	mkenv "$T/outer/.venv"
	mkdir -p "$T/outer/wt/x"
	echo "gitdir: $T/nowhere" >"$T/outer/wt/.git"
	session "cd outer/wt/x" report "fail 6" "cd outer" report
	assert_inactive 1
	assert_line "status=6"
	assert_active 2 "$T/outer/.venv"
	assert_stderr_contains "venvhook: $T/outer/wt/.git is not a usable repository (" "); not looking above it"
}

@test "GIT_DIR and GIT_WORK_TREE do not change which project you are in" {
	mkenv "$T/proj/.venv"
	mkdir -p "$T/other"
	git init -q "$T/other"
	export GIT_DIR=$T/other/.git GIT_WORK_TREE=$T/other
	session "cd proj" report
	assert_active 1 "$T/proj/.venv"
}

@test "an unreadable directory on the walk up: one line, the prompt works" {
	mkenv "$T/top/.venv"
	mkdir -p "$T/top/mid/inner"
	export LOCK=$T/top/mid
	unprivileged
	# the shell stands in inner when mid is locked; a child shell starts there
	session "cd top/mid/inner" "run chmod 000 \$LOCK" child report "fail 3" end \
		"run chmod 755 \$LOCK"
	assert_active 1 "$T/top/.venv"
	assert_line "status=3"

	assert_stderr_contains "venvhook: cannot look into $T/top/mid/inner, looking further up"
	assert_equal "$(grep -c '^venvhook: cannot' <<<"$stderr")" 1
}

# The binary removed under a running shell (uninstalled, or upgraded to
# another path): the next cd or prompt puts PATH and the variables back
# with builtins, says so once, and the hook runs it no more.
gone_setup() {
	mkenv "$T/proj/.venv"
	mkenv "$T/two/.venv"
	mkdir -p "$T/bin" "$T/away"
	cp "$VENVHOOK" "$T/bin/venvhook"
	export VENVHOOK=$T/bin/venvhook GONE=$T/bin/venvhook
}

@test "the binary removed while the shell runs: one line, PATH and the variables back, unhooked, no error after" {
	gone_setup
	# (set in the shell: xonsh is a Python program, which a PYTHONHOME
	# pointing nowhere stops before it starts)
	export BEFORE=/before
	session "setenv PYTHONHOME BEFORE" "cd proj" report 'run rm -f $GONE' "cd away" report "cd two" report status "fail 3"
	assert_active 1 "$T/proj/.venv"
	assert_env 1 PYTHONHOME unset
	assert_inactive 2
	assert_env 2 PATH "$BASE_PATH"
	assert_env 2 PYTHONHOME /before
	assert_env 2 __VENVHOOK_PIN unset
	assert_inactive 3
	assert_env 3 PATH "$BASE_PATH"
	assert_line "status=0"
	assert_line "status=3"
	assert_equal "$(grep -c . <<<"$stderr")" 2
	assert_stderr_contains "venvhook: $GONE is gone: deactivated its env and unhooked this shell"
}

@test "the binary not executable, the env's PATH entry not first: it is taken out where it is (csh: says it cannot)" {
	gone_setup
	export NEWPATH=$T/front:$T/proj/.venv/bin:$BASE_PATH
	session "cd proj" 'run chmod -x $GONE' "setenv PATH NEWPATH" "cd away" report
	if [[ $drv_name == tcsh || $drv_name == csh ]]; then
		assert_env 1 VIRTUAL_ENV "$T/proj/.venv"
		assert_env 1 PATH "$NEWPATH"
		assert_stderr_contains "venvhook: $GONE is gone: unhooked this shell; its env stays on PATH, where csh cannot take it off: open a new shell"
	else
		assert_inactive 1 "$T/front:$BASE_PATH"
		assert_stderr_contains "venvhook: $GONE is gone: deactivated its env and unhooked this shell"
	fi
	assert_equal "$(grep -c . <<<"$stderr")" 2
}

@test "the binary removed while a conda prefix is on: conda's variables back as they were, with builtins" {
	gone_setup
	mkconda "$T/cp/.conda"
	allowed "$T/cp/.conda"
	# conda's base on (its own activation at shell start)
	export CONDA_PREFIX=$T/miniforge3 CONDA_DEFAULT_ENV=base CONDA_SHLVL=1 CONDA_PROMPT_MODIFIER='(base) '
	unset CONDA_PREFIX_1 CONDA_STACKED_2
	local vars="CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_SHLVL CONDA_PROMPT_MODIFIER CONDA_PREFIX_1 CONDA_STACKED_2 __VENVHOOK_CONDA_PREFIX __VENVHOOK_CONDA_LEVEL __VENVHOOK_CONDA_SHLVL"
	session "cd cp" report "run \$VH_DUMPENV $vars" 'run rm -f $GONE' "cd away" report \
		"run \$VH_DUMPENV $vars"
	assert_active 1 "$T/cp/.conda"
	assert_env 1 CONDA_SHLVL 2
	assert_env 1 __VENVHOOK_CONDA_LEVEL 1
	assert_inactive 2
	assert_env 2 PATH "$BASE_PATH"
	assert_env 2 CONDA_PREFIX "$T/miniforge3"
	assert_env 2 CONDA_DEFAULT_ENV base
	assert_env 2 CONDA_SHLVL 1
	assert_modifier 2 "(base) "
	local v
	for v in CONDA_PREFIX_1 CONDA_STACKED_2 __VENVHOOK_CONDA_PREFIX __VENVHOOK_CONDA_LEVEL __VENVHOOK_CONDA_SHLVL; do
		assert_env 2 "$v" unset
	done
	assert_stderr_contains "venvhook: $GONE is gone: deactivated its env and unhooked this shell"
}

@test "without the binary, deactivate still deactivates, with builtins" {
	gone_setup
	session "cd proj" 'run rm -f $GONE' deactivate status report "cd two" report
	assert_line "status=0"
	assert_inactive 1
	assert_env 1 PATH "$BASE_PATH"
	assert_inactive 2
	assert_equal "$(grep -c . <<<"$stderr")" 2
	assert_stderr_contains "venvhook: $GONE is gone: deactivated its env and unhooked this shell"
}

# --- manual activation (venvhook activate / deactivate) ---

# A $WORKON_HOME env whose name the shell must not read as code.
hostile_workon_env() {
	export WORKON_HOME=$T/workon NAME="it's \$(touch x) \`y\` \"q\" env"
	mkenv "$WORKON_HOME/$NAME"
}

# bats test_tags=noproc
@test "activate NAME from WORKON_HOME stays on across cd until deactivate, then automatic activation resumes" {
	hostile_workon_env
	mkenv "$T/proj/.venv"
	mkdir -p "$T/elsewhere"
	session "cd proj" report 'run venvhook activate $NAME' status report \
		"cd elsewhere" report "cd proj" report \
		"run venvhook deactivate" status report "cd elsewhere" report "cd proj" report
	assert_success
	assert_active 1 "$T/proj/.venv"
	assert_active 2 "$WORKON_HOME/$NAME"
	assert_env 2 VIRTUAL_ENV_PROMPT "$NAME"
	assert_env 2 __VENVHOOK_PIN "$WORKON_HOME/$NAME"
	assert_active 3 "$WORKON_HOME/$NAME"
	assert_active 4 "$WORKON_HOME/$NAME"
	assert_inactive 5
	assert_env 5 __VENVHOOK_PIN unset
	assert_inactive 6
	assert_active 7 "$T/proj/.venv"
	assert_equal "$(grep -c '^status=0$' <<<"$output")" 2
	[[ ! -e $T/x && ! -e $T/proj/x ]] || fail "a name was run as code"
	assert_stderr_contains "activated $NAME ($NAME), deactivated proj"
}

@test "activate PATH, relative or absolute, and a path that is no env is refused with one line" {
	mkenv "$T/envs/one"
	mkenv "$T/envs/two words"
	mkdir -p "$T/work" "$T/envs/empty"
	export ABS="$T/envs/two words"
	session "cd envs" 'run venvhook activate ./one' status report 'run venvhook activate $ABS' status report \
		'run venvhook activate empty/' status report
	assert_active 1 "$T/envs/one"
	assert_active 2 "$T/envs/two words"
	assert_env 2 VIRTUAL_ENV_PROMPT "two words"
	assert_active 3 "$T/envs/two words"
	assert_equal "$(grep '^status=' <<<"$output" | tr '\n' ' ')" "status=0 status=0 status=1 "
	assert_equal "$(grep -c 'empty/ .*is not an env: it holds no pyvenv.cfg' <<<"$stderr")" 1
}

@test "activate of a conda-meta/ without history is refused with one line that says so" {
	mkdir -p "$T/conda/envs/x/conda-meta" "$T/conda/envs/x/bin"
	export CONDA=$T/conda/envs/x
	session 'run venvhook activate $CONDA' status report
	assert_line "status=1"
	assert_inactive 1
	assert_equal "$(grep -c . <<<"$stderr")" 1
	assert_stderr_contains "$T/conda/envs/x is not an env: it holds conda-meta/ but no conda-meta/history, which every conda prefix has, and no pyvenv.cfg"
}

# assert_modifier N VALUE: report N shows CONDA_PROMPT_MODIFIER as VALUE,
# which ends in a blank; a shell whose output goes through a terminal
# (ptyshell: nushell, xonsh, elvish) loses that blank on the way.
assert_modifier() {
	case $drv_name in
	nu | xonsh | elvish)
		assert_equal "$(reported "$1" CONDA_PROMPT_MODIFIER)" "CONDA_PROMPT_MODIFIER=${2% }" ;;
	*) assert_env "$1" CONDA_PROMPT_MODIFIER "$2" ;;
	esac
}

@test "a project's conda prefix (.conda): its bin/ first, conda's variables as conda sets them, base's back on leaving" {
	mkconda "$T/proj/.conda"
	allowed "$T/proj/.conda"
	mkdir -p "$T/proj/src" "$T/out"
	# conda's base, on since the shell started (conda's own activation)
	export CONDA_PREFIX=$T/miniforge3 CONDA_DEFAULT_ENV=base CONDA_EXE=$T/miniforge3/bin/conda \
		CONDA_SHLVL=1 CONDA_PROMPT_MODIFIER='(base) '
	unset CONDA_PREFIX_1 CONDA_STACKED_2
	local vars="CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_SHLVL CONDA_PROMPT_MODIFIER CONDA_PREFIX_1 CONDA_STACKED_2 __VENVHOOK_CONDA_PREFIX"
	session "cd proj/src" report "run \$VH_DUMPENV $vars" \
		"line $EXE_LINE" "cd proj" "cd out" report "run \$VH_DUMPENV $vars"
	assert_active 1 "$T/proj/.conda"
	assert_env 1 VIRTUAL_ENV_PROMPT proj
	assert_env 1 CONDA_PREFIX "$T/proj/.conda"
	# a prefix env: conda's CONDA_DEFAULT_ENV is its path (Activator._default_env)
	assert_env 1 CONDA_DEFAULT_ENV "$T/proj/.conda"
	# conda's level one up, stacked on base (_build_activate_stack), and
	# its prompt as conda's default env_prompt makes it ("({default_env}) "),
	# conda/activate.py and conda/base/context.py at conda 0f64223f
	assert_env 1 CONDA_SHLVL 2
	assert_env 1 CONDA_PREFIX_1 "$T/miniforge3"
	assert_env 1 CONDA_STACKED_2 true
	assert_modifier 1 "($T/proj/.conda) "
	assert_env 1 __VENVHOOK_CONDA_PREFIX "$T/miniforge3"
	# the python3 PATH gives is the prefix's (its sys.prefix is the
	# system's: a symlink with no pyvenv.cfg)
	assert_line "exe=$T/proj/.conda/bin/python3"
	assert_inactive 2
	assert_env 2 CONDA_PREFIX "$T/miniforge3"
	assert_env 2 CONDA_DEFAULT_ENV base
	assert_env 2 CONDA_SHLVL 1
	assert_modifier 2 "(base) "
	assert_env 2 CONDA_PREFIX_1 unset
	assert_env 2 CONDA_STACKED_2 unset
	assert_env 2 __VENVHOOK_CONDA_PREFIX unset
	# its activation scripts are never run, and said once
	refute_executed
	assert_equal "$(grep -c 'proj/.conda: did not run its 2 conda activation scripts (etc/conda/activate.d)' <<<"$stderr")" 1
}

@test "a conda prefix with no conda on: CONDA_SHLVL 1 and the prompt modifier, all unset on leaving" {
	mkconda "$T/proj/.conda"
	allowed "$T/proj/.conda"
	mkdir -p "$T/out"
	unset CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_EXE CONDA_SHLVL CONDA_PROMPT_MODIFIER CONDA_PREFIX_1 CONDA_STACKED_2
	local vars="CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_SHLVL CONDA_PROMPT_MODIFIER CONDA_PREFIX_1"
	session "cd proj" report "run \$VH_DUMPENV $vars" "cd out" report "run \$VH_DUMPENV $vars"
	assert_active 1 "$T/proj/.conda"
	assert_env 1 CONDA_SHLVL 1
	assert_modifier 1 "($T/proj/.conda) "
	assert_env 1 CONDA_PREFIX_1 unset
	assert_inactive 2
	local v
	for v in $vars; do assert_env 2 "$v" unset; done
}

@test "pixi's default env beside pixi.toml: CONDA_DEFAULT_ENV is the workspace's name; none set before, none after" {
	mkpixi "$T/pix"
	printf '[workspace]\nname = "pix ws"\nchannels = ["conda-forge"]\nplatforms = ["linux-64"]\n' >"$T/pix/pixi.toml"
	allowed "$T/pix/.pixi/envs/default"
	mkdir -p "$T/pix/src"
	unset CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_EXE CONDA_SHLVL CONDA_PROMPT_MODIFIER
	session "cd pix/src" report "run \$VH_DUMPENV CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_SHLVL CONDA_PROMPT_MODIFIER" "line $EXE_LINE" \
		"cd /" report "run \$VH_DUMPENV CONDA_PREFIX CONDA_DEFAULT_ENV"
	# pixi's activation sets no CONDA_SHLVL or CONDA_PROMPT_MODIFIER
	# (get_static_environment_variables, crates/pixi_core/src/activation.rs)
	assert_env 1 CONDA_SHLVL unset
	assert_env 1 CONDA_PROMPT_MODIFIER unset
	assert_active 1 "$T/pix/.pixi/envs/default"
	assert_env 1 VIRTUAL_ENV_PROMPT pix
	assert_env 1 CONDA_PREFIX "$T/pix/.pixi/envs/default"
	assert_env 1 CONDA_DEFAULT_ENV "pix ws"
	assert_line "exe=$T/pix/.pixi/envs/default/bin/python3"
	assert_inactive 2
	assert_env 2 CONDA_PREFIX unset
	assert_env 2 CONDA_DEFAULT_ENV unset
	refute_executed
}

# own_vars_check: the walk both own-variables tests share. VH_OWN_A holds
# $hostile (set, or refused with one line where the shell cannot hold it),
# VH_OWN_B was "before" and is the env's while in it, PROMPT_COMMAND is
# refused with one line; on leaving, A is gone and B is "before" again.
own_vars_check() { # ENV FILE
	assert_active 1 "$1"
	if vh_cannot_hold "$hostile"; then
		assert_env 1 VH_OWN_A unset
		assert_stderr_contains "not setting VH_OWN_A: this shell cannot hold"
	else
		assert_env 1 VH_OWN_A "$hostile"
	fi
	assert_env 1 VH_OWN_B "the env's"
	# (nushell keeps an empty PROMPT_COMMAND of its own)
	__vh_reported 1 PROMPT_COMMAND
	[[ ${__vh_line-} != *EXECUTED* ]] || fail "PROMPT_COMMAND was set: $__vh_line"
	assert_equal "$(grep -c "$2: not setting PROMPT_COMMAND: a shell runs it as code" <<<"$stderr")" 1
	assert_inactive 2
	assert_env 2 VH_OWN_A unset
	assert_env 2 VH_OWN_B before
	assert_env 2 __CONDA_SHLVL_0_VH_OWN_B unset
	assert_env 2 __VENVHOOK_VARS unset
	# nothing in a value ran, nor the activate.d script
	refute_executed
}

@test "a conda prefix's own variables (conda-meta/state): set as they are, one refused, the values before back on leaving" {
	mkconda "$T/proj/.conda"
	allowed "$T/proj/.conda"
	mkdir -p "$T/out"
	unset CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_EXE CONDA_SHLVL CONDA_PROMPT_MODIFIER PROMPT_COMMAND
	hostile=$'two  words "dq" \'sq\' $(touch '"$T"'/EXECUTED) `touch '"$T"'/EXECUTED` \\ $HOME\nline two'
	# as `conda env config vars set` leaves it: PrefixData.
	# _write_environment_state_file, json.dumps(state, ensure_ascii=False)
	# (conda/core/prefix_data.py at conda 0f64223fb8da4328457a69fe6483959dbb783152)
	VH_T=$T VH_H=$hostile python3 -c 'import json, os, sys
sys.stdout.write(json.dumps({"env_vars": {"VH_OWN_A": os.environ["VH_H"], "VH_OWN_B": "the env'"'"'s",
    "PROMPT_COMMAND": "touch " + os.environ["VH_T"] + "/EXECUTED", "VH_OWN_C": "***unset***"}}, ensure_ascii=False))' \
		>"$T/proj/.conda/conda-meta/state"
	export VH_OWN_B=before
	local vars="VH_OWN_A VH_OWN_B VH_OWN_C PROMPT_COMMAND __CONDA_SHLVL_0_VH_OWN_B __VENVHOOK_VARS"
	session "cd proj" report "run \$VH_DUMPENV $vars" "cd out" report "run \$VH_DUMPENV $vars"
	own_vars_check "$T/proj/.conda" "$T/proj/.conda/conda-meta/state"
	# conda's unset mark is no value (CONDA_ENV_VARS_UNSET_VAR)
	assert_env 1 VH_OWN_C unset
	# the value before, saved as conda saves it (_build_activate_stack)
	assert_env 1 __CONDA_SHLVL_0_VH_OWN_B before
}

@test "pixi's [activation] env: set as plain strings, one refused, the values before back on leaving" {
	mkpixi "$T/pix"
	# Feature::activation_env (crates/pixi_manifest/src/feature.rs at pixi
	# 2b25fc76dd3b5cc50a235387d948474975c40d73): the default feature's table
	hostile=$'two  words "dq" \'sq\' $(touch '"$T"'/EXECUTED) `touch '"$T"'/EXECUTED` \\ $HOME\nline two'
	VH_T=$T VH_H=$hostile python3 -c 'import json, os, sys
sys.stdout.write("[workspace]\nname = \"pix\"\nchannels = []\nplatforms = [\"linux-64\"]\n\n[activation.env]\n"
    + "VH_OWN_A = " + json.dumps(os.environ["VH_H"]) + "\nVH_OWN_B = \"the env'"'"'s\"\n"
    + "PROMPT_COMMAND = \"touch " + os.environ["VH_T"] + "/EXECUTED\"\n")' >"$T/pix/pixi.toml"
	allowed "$T/pix/.pixi/envs/default"
	mkdir -p "$T/out"
	unset CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_EXE CONDA_SHLVL CONDA_PROMPT_MODIFIER PROMPT_COMMAND
	export VH_OWN_B=before
	local vars="VH_OWN_A VH_OWN_B PROMPT_COMMAND __CONDA_SHLVL_0_VH_OWN_B __VENVHOOK_VARS"
	session "cd pix" report "run \$VH_DUMPENV $vars" "cd out" report "run \$VH_DUMPENV $vars"
	own_vars_check "$T/pix/.pixi/envs/default" "$T/pix/pixi.toml"
}

@test "own variables under another env's activate script: leaving the project takes them off all the same" {
	export VIRTUAL_ENV_DISABLE_PROMPT=1
	mkconda "$T/proj/.conda"
	allowed "$T/proj/.conda"
	printf '{"env_vars": {"VH_OWN_A": "the env\x27s A", "VH_OWN_B": "the env\x27s"}}' >"$T/proj/.conda/conda-meta/state"
	# another tool's env, put on by hand over venvhook's (plan.c: stand_aside)
	realenv "$T/other/.venv"
	mkdir -p "$T/out"
	unset CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_EXE CONDA_SHLVL CONDA_PROMPT_MODIFIER
	export VH_OWN_B=before
	local vars="VH_OWN_A VH_OWN_B __CONDA_SHLVL_0_VH_OWN_B __VENVHOOK_VARS"
	session "cd proj" report "run \$VH_DUMPENV $vars" "source other/.venv/bin/$drv_activate" \
		"cd out" report "run \$VH_DUMPENV $vars" deactivate "cd proj" "cd out" report "run \$VH_DUMPENV $vars"
	assert_active 1 "$T/proj/.conda"
	assert_env 1 VH_OWN_A "the env's A"
	assert_env 1 VH_OWN_B "the env's"
	# out of the project, the other env still on: venvhook's env's are off
	assert_env 2 VIRTUAL_ENV "$T/other/.venv"
	assert_env 2 VH_OWN_A unset
	assert_env 2 VH_OWN_B before
	assert_env 2 __CONDA_SHLVL_0_VH_OWN_B unset
	assert_env 2 __VENVHOOK_VARS unset
	# the other env's deactivate, back in and out again: as before
	assert_inactive 3
	assert_env 3 VH_OWN_A unset
	assert_env 3 VH_OWN_B before
}

@test "own variables an older venvhook set, of a name this one refuses: unset on leaving, the save not put back" {
	mkvenv "$T/proj/.venv"
	mkdir -p "$T/out"
	# as an older venvhook, whose rule allowed EDITOR, left a shell's
	# environment (a child inherits it): the env on, its variables set
	export VIRTUAL_ENV=$T/proj/.venv __VENVHOOK_ENV=$T/proj/.venv PATH=$T/proj/.venv/bin:$BASE_PATH
	export __VENVHOOK_VARS=0:EDITOR:VH_OWN_B:HOME EDITOR="the env's" __CONDA_SHLVL_0_EDITOR="touch $T/EXECUTED"
	export VH_OWN_B="the env's" __CONDA_SHLVL_0_VH_OWN_B=before __CONDA_SHLVL_0_HOME=/nowhere
	cd "$T/out"
	local vars="EDITOR VH_OWN_B HOME __CONDA_SHLVL_0_EDITOR __CONDA_SHLVL_0_VH_OWN_B __VENVHOOK_VARS"
	session report "run \$VH_DUMPENV $vars"
	assert_inactive 1
	assert_env 1 EDITOR unset
	assert_env 1 __CONDA_SHLVL_0_EDITOR unset
	assert_env 1 VH_OWN_B before
	assert_env 1 __CONDA_SHLVL_0_VH_OWN_B unset
	assert_env 1 HOME "$HOME"
	assert_env 1 __VENVHOOK_VARS unset
}

@test "own variables: a value the user holds that the shell cannot (a newline in csh): that one left as it is, the env on" {
	mkconda "$T/proj/.conda"
	allowed "$T/proj/.conda"
	printf '{"env_vars": {"VH_OWN_A": "a", "VH_OWN_B": "the env\x27s"}}' >"$T/proj/.conda/conda-meta/state"
	mkdir -p "$T/out"
	unset CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_EXE CONDA_SHLVL CONDA_PROMPT_MODIFIER
	export VH_OWN_B=$'be\nfore'
	local vars="VH_OWN_A VH_OWN_B __CONDA_SHLVL_0_VH_OWN_B __VENVHOOK_VARS"
	session "cd proj" report "run \$VH_DUMPENV $vars" "cd out" report "run \$VH_DUMPENV $vars"
	assert_active 1 "$T/proj/.conda"
	assert_env 1 VH_OWN_A a
	if vh_cannot_hold "$VH_OWN_B"; then
		assert_env 1 VH_OWN_B "$VH_OWN_B"
		assert_env 1 __CONDA_SHLVL_0_VH_OWN_B unset
		assert_stderr_contains "$T/proj/.conda: not setting VH_OWN_B: its value now cannot be saved to put back"
		refute_stderr_contains "not activating"
	else
		assert_env 1 VH_OWN_B "the env's"
		assert_env 1 __CONDA_SHLVL_0_VH_OWN_B "$VH_OWN_B"
	fi
	assert_inactive 2
	assert_env 2 VH_OWN_A unset
	assert_env 2 VH_OWN_B "$VH_OWN_B"
	assert_env 2 __VENVHOOK_VARS unset
}

@test "pixi's own variables: a conda activate over the env, and its deactivate, do not change what leaving puts back" {
	mkpixi "$T/pix"
	printf '[workspace]\nname = "pix"\nchannels = []\nplatforms = ["linux-64"]\n\n[activation.env]\nVH_OWN_B = "the env\x27s"\n' >"$T/pix/pixi.toml"
	allowed "$T/pix/.pixi/envs/default"
	mkdir -p "$T/out"
	unset CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_EXE CONDA_SHLVL CONDA_PROMPT_MODIFIER
	export VH_OWN_B=before
	# what conda activate of a prefix that sets VH_OWN_B too leaves behind
	# after its deactivate: its save of the value it found, the pixi env's,
	# numbered by the level pixi left as it was (_build_activate_stack and
	# build_deactivate, conda/activate.py at conda 0f64223f, never unset it)
	export CONDA_LEFT="the env's"
	local vars="VH_OWN_B __CONDA_SHLVL_0_VH_OWN_B __VENVHOOK_SAVED_VH_OWN_B __VENVHOOK_VARS"
	session "cd pix" report "run \$VH_DUMPENV $vars" "setenv __CONDA_SHLVL_0_VH_OWN_B CONDA_LEFT" \
		"cd out" report "run \$VH_DUMPENV $vars"
	assert_active 1 "$T/pix/.pixi/envs/default"
	assert_env 1 VH_OWN_B "the env's"
	assert_inactive 2
	assert_env 2 VH_OWN_B before
	# (saved where conda never numbers a save)
	assert_env 1 __VENVHOOK_SAVED_VH_OWN_B before
	assert_env 1 __CONDA_SHLVL_0_VH_OWN_B unset
	assert_env 2 __VENVHOOK_SAVED_VH_OWN_B unset
	assert_env 2 __VENVHOOK_VARS unset
}

@test "own variables: a name the user holds read-only or as an array (zsh, bash) fails alone, the rest set and taken off" {
	case $drv_name in
	zsh) local own="typeset -r VH_OWN_R=mine; typeset -a VH_OWN_ARR; VH_OWN_ARR=(m y)" ;;
	bash) local own="readonly VH_OWN_R=mine; VH_OWN_ARR=(m y)" ;;
	*) skip "the name's kinds are zsh's and bash's" ;;
	esac
	mkconda "$T/proj/.conda"
	allowed "$T/proj/.conda"
	printf '{"env_vars": {"VH_OWN_A": "a", "VH_OWN_R": "env", "VH_OWN_ARR": "env", "VH_OWN_Z": "z"}}' \
		>"$T/proj/.conda/conda-meta/state"
	mkdir -p "$T/out"
	unset CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_EXE CONDA_SHLVL CONDA_PROMPT_MODIFIER
	local vars="VH_OWN_A VH_OWN_R VH_OWN_Z __VENVHOOK_VARS"
	session "line $own" "cd proj" report "run \$VH_DUMPENV $vars" "cd out" report "run \$VH_DUMPENV $vars"
	assert_active 1 "$T/proj/.conda"
	assert_env 1 VH_OWN_A a
	assert_env 1 VH_OWN_Z z
	assert_env 1 __VENVHOOK_VARS 0:VH_OWN_A:VH_OWN_R:VH_OWN_ARR:VH_OWN_Z
	assert_stderr_contains "VH_OWN_R"
	assert_inactive 2
	assert_env 2 VH_OWN_A unset
	assert_env 2 VH_OWN_Z unset
	assert_env 2 __VENVHOOK_VARS unset
}

@test "environment.yml's name: a named conda env in conda's envs dirs; CONDA_DEFAULT_ENV is its name" {
	# conda's root from CONDA_EXE, writable: ROOT/envs first
	# (mockable_context_envs_dirs, conda/base/context.py at conda 0f64223f)
	mkconda "$T/miniforge3"
	mkconda "$T/miniforge3/envs/data sci"
	allowed "$T/miniforge3/envs/data sci"
	mkdir -p "$T/proj/src"
	printf 'name: data sci  # conda env create -f environment.yml\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n' >"$T/proj/environment.yml"
	export CONDA_PREFIX=$T/miniforge3 CONDA_DEFAULT_ENV=base CONDA_EXE=$T/miniforge3/bin/conda
	session "cd proj/src" report "run \$VH_DUMPENV CONDA_PREFIX CONDA_DEFAULT_ENV" "line $EXE_LINE" \
		"cd /" report "run \$VH_DUMPENV CONDA_PREFIX CONDA_DEFAULT_ENV"
	assert_active 1 "$T/miniforge3/envs/data sci"
	assert_env 1 CONDA_PREFIX "$T/miniforge3/envs/data sci"
	assert_env 1 CONDA_DEFAULT_ENV "data sci"
	assert_line "exe=$T/miniforge3/envs/data sci/bin/python3"
	assert_inactive 2
	assert_env 2 CONDA_PREFIX "$T/miniforge3"
	assert_env 2 CONDA_DEFAULT_ENV base
	refute_executed
}

@test "a named conda env in a directory only .condarc names" {
	# conda reads envs_dirs from ~/.condarc (SEARCH_PATH in
	# conda/base/constants.py, Context._envs_dirs in conda/base/context.py,
	# at conda 0f64223fb8da4328457a69fe6483959dbb783152): `conda config
	# --append envs_dirs` writes a block list; conda's root (CONDA_EXE's)
	# and ~/.conda/envs hold no env by the name
	unset CONDA_ENVS_DIRS CONDA_ENVS_PATH CONDARC CONDA_ROOT CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_SHLVL
	mkconda "$T/miniforge3"
	mkconda "$HOME/big disk/envs/web"
	allowed "$HOME/big disk/envs/web"
	mkdir -p "$T/proj/src"
	printf 'name: web\ndependencies:\n  - python=3.11\n' >"$T/proj/environment.yml"
	printf 'channels:\n  - conda-forge\nenvs_dirs:\n  - "~/big disk/envs"   # moved\n' >"$HOME/.condarc"
	export CONDA_EXE=$T/miniforge3/bin/conda
	session "cd proj/src" report "run \$VH_DUMPENV CONDA_PREFIX CONDA_DEFAULT_ENV" "line $EXE_LINE" "cd /" report
	assert_active 1 "$HOME/big disk/envs/web"
	assert_env 1 CONDA_PREFIX "$HOME/big disk/envs/web"
	# its parent is named envs: conda names it by its own name
	# (Activator._default_env, conda/activate.py, same commit)
	assert_env 1 CONDA_DEFAULT_ENV web
	assert_line "exe=$HOME/big disk/envs/web/bin/python3"
	assert_inactive 2
	refute_stderr_contains condarc
	# a .condarc anyone can write names no place: no env, and one line says
	# why, once a shell (not at every cd, not for each environment.yml on
	# the way up), and again once it says something else
	chmod 666 "$HOME/.condarc"
	printf 'name: other\n' >"$T/proj/src/environment.yml"
	export RC=$HOME/.condarc
	session "cd proj/src" report "cd /" "cd proj/src" "cd proj" 'run chmod 644 $RC' "cd /" "cd proj" \
		'run chmod 606 $RC' "cd /" "cd proj/src"
	assert_inactive 1
	assert_equal "$(grep -c "$HOME/.condarc: is writable by anyone; its envs_dirs is not used" <<<"$stderr")" 2
	# one that sets no envs_dirs is not worth a line: the user may not be
	# able to fix it (a shared conda root's, /etc/conda/condarc)
	printf 'channels: [conda-forge]\n' >"$HOME/.condarc"
	session "cd proj/src" report
	assert_inactive 1
	refute_stderr_contains condarc
}

@test "a named conda env only a .condarc directory holds needs an allow" {
	# a .condarc only says where to look: the env found there is no
	# store's (no basis by location), and one venvhook did not see made
	# waits for consent, whatever placed the file
	unset CONDA_ENVS_DIRS CONDA_ENVS_PATH CONDARC CONDA_ROOT CONDA_PREFIX CONDA_DEFAULT_ENV CONDA_SHLVL
	mkconda "$T/miniforge3"
	mkconda "$T/shared/envs/web"
	mkdir -p "$T/proj"
	printf 'name: web\n' >"$T/proj/environment.yml"
	printf 'envs_dirs:\n  - %s/shared/envs\n' "$T" >"$HOME/.condarc"
	export CONDA_EXE=$T/miniforge3/bin/conda
	session "cd proj" report
	assert_inactive 1
	assert_stderr_contains "not activating $T/shared/envs/web: " "'venvhook allow' trusts it"
	refute_stderr_contains condarc
}

@test "activate .venv or venv inside a project, from a subdirectory too, as list offers them" {
	export WORKON_HOME=$T/workon
	mkenv_unallowed "$T/proj/venv"
	mkenv "$T/two/.venv"
	mkdir -p "$T/proj/src"
	session "cd proj/src" report "run venvhook activate venv" status report \
		"cd two" report "run venvhook activate .venv" status report
	assert_inactive 1
	assert_active 2 "$T/proj/venv"
	assert_env 2 __VENVHOOK_PIN "$T/proj/venv"
	assert_active 3 "$T/proj/venv"
	assert_active 4 "$T/two/.venv"
	assert_env 4 __VENVHOOK_PIN "$T/two/.venv"
	assert_equal "$(grep '^status=' <<<"$output" | tr '\n' ' ')" "status=0 status=0 "
	refute_stderr_contains "no env named"
}

@test "an unknown name or no name changes nothing and fails with one line" {
	export WORKON_HOME=$T/workon
	mkenv "$T/proj/.venv"
	session "cd proj" "run venvhook activate nosuch" status report
	assert_active 1 "$T/proj/.venv"
	assert_line "status=1"
	assert_equal "$(grep -c . <<<"$stderr")" 2
	assert_stderr_contains "no env named 'nosuch' in $WORKON_HOME (see venvhook list)"
}

# bats test_tags=noproc
@test "deactivate inside a project pauses it until you leave, subdirectories included" {
	mkenv "$T/proj/.venv"
	mkenv "$T/other/.venv"
	mkdir -p "$T/proj/src"
	session "cd proj" "run venvhook deactivate" status report "cd proj/src" report \
		"cd other" report "cd proj" report
	assert_line "status=0"
	assert_inactive 1
	assert_env 1 __VENVHOOK_PAUSE "$T/proj/.venv"
	assert_inactive 2
	assert_active 3 "$T/other/.venv"
	assert_env 3 __VENVHOOK_PAUSE unset
	assert_active 4 "$T/proj/.venv"
	assert_stderr_contains "automatic activation is off in $T/proj until you leave it"
}

# bats test_tags=noproc
@test "the deactivate habit: deactivate works while venvhook's env is active, and only then" {
	hostile_workon_env
	mkenv "$T/proj/.venv"
	mkdir -p "$T/plain"
	session "cd proj" deactivate status report 'run venvhook activate $NAME' "cd plain" \
		deactivate status report deactivate status
	assert_inactive 1
	assert_env 1 __VENVHOOK_PAUSE "$T/proj/.venv"
	assert_inactive 2
	assert_env 2 __VENVHOOK_PIN unset
	mapfile -t st < <(grep '^status=' <<<"$output")
	assert_equal "${st[*]:0:2}" "status=0 status=0"
	[[ ${st[2]} != status=0 ]] || fail "deactivate still exists with no env active"
	assert_stderr_contains "deactivated $NAME"
}

@test "activate refuses while VIRTUAL_ENV was set outside venvhook, and leaves it alone" {
	mkenv "$T/mine"
	mkenv "$T/proj/.venv"
	export OTHER=$T/mine
	session "setenv VIRTUAL_ENV OTHER" "run venvhook activate $T/proj/.venv" status report
	assert_line "status=1"
	assert_env 1 VIRTUAL_ENV "$T/mine"
	assert_env 1 PATH "$BASE_PATH"
	assert_stderr_contains "was set outside venvhook; use that env's own deactivate first"
}

@test "the activated env deleted while active: the next cd goes back to automatic activation" {
	export WORKON_HOME=$T/workon
	mkenv "$WORKON_HOME/gone"
	mkenv "$T/proj/.venv"
	session "run venvhook activate gone" report "run rm -rf $WORKON_HOME/gone" "cd proj" report
	assert_active 1 "$WORKON_HOME/gone"
	assert_active 2 "$T/proj/.venv"
	assert_env 2 __VENVHOOK_PIN unset
	assert_stderr_contains "the env you activated, $WORKON_HOME/gone, is gone; back to automatic activation"
}

# --- .venv pointer files ---

@test "a .venv file naming an env in WORKON_HOME, or holding a path, is followed" {
	export WORKON_HOME=$T/workon
	mkenv "$WORKON_HOME/shared env"
	mkenv "$T/envs/p"
	mkdir -p "$T/byname/src" "$T/bypath"
	printf 'shared env\n' >"$T/byname/.venv"
	printf '../envs/p\r\n' >"$T/bypath/.venv"
	session "cd byname/src" report "cd bypath" report "cd /" report
	assert_active 1 "$WORKON_HOME/shared env"
	assert_env 1 VIRTUAL_ENV_PROMPT "shared env"
	assert_active 2 "$T/envs/p"
	assert_inactive 3
}

@test "a .venv file pointing nowhere gives one clear line and activates nothing" {
	export WORKON_HOME=$T/workon
	mkenv "$T/outer/.venv"
	mkdir -p "$T/outer/proj"
	printf 'missing\n' >"$T/outer/proj/.venv"
	session "cd outer/proj" report
	assert_inactive 1
	assert_equal "$(grep -c . <<<"$stderr")" 1
	assert_stderr_contains "$T/outer/proj/.venv points to $WORKON_HOME/missing, which holds no pyvenv.cfg; not looking above it"
}

# --- trust: automatic activation only of envs the user made ---

@test "an env git tracks is refused with one line per directory change; allow lets it in, until what git tracks in it changes" {
	mkenv_unallowed "$T/clone/.venv"
	mkdir -p "$T/clone/src"
	git -C "$T/clone" init -q
	git -C "$T/clone" add -f .venv
	session "cd clone" report "cd clone/src" report "run venvhook allow" status report \
		"cd /" "cd clone" report
	assert_inactive 1
	assert_inactive 2
	assert_line "status=0"
	assert_active 3 "$T/clone/.venv"
	assert_active 4 "$T/clone/.venv"
	assert_equal "$(grep -c "^venvhook: not activating $T/clone/.venv: its files are tracked by git in $T/clone (it came with the repository); 'venvhook allow' trusts it$" <<<"$stderr")" 2
	# what a pull would do: another tracked file in the env
	printf '#!/bin/sh\n' >"$T/clone/.venv/bin/ls"
	git -C "$T/clone" add -f .venv/bin/ls
	session "cd clone" report
	assert_inactive 1
	assert_stderr_contains "not activating $T/clone/.venv: git tracks other files in it than when you allowed it; 'venvhook allow' trusts it"
}

@test "an env others can write to is refused, on cd and by activate; activate --force takes it, and it stays across cd" {
	mkenv_unallowed "$T/a/.venv"
	mkenv_unallowed "$T/b/.venv"
	# a group of others (the user's own private group would be harmless)
	chgrp "$(other_group)" "$T/a/.venv/bin"
	chmod g+w "$T/a/.venv/bin"
	chmod o+w "$T/b/.venv/pyvenv.cfg"
	session "cd a" report "cd b" report "run venvhook activate $T/a/.venv" status report \
		"run venvhook activate --force $T/a/.venv" status report "cd /" report \
		"run venvhook activate $T/b/.venv" status report "run venvhook activate --force $T/b/.venv" status \
		report "cd a" report
	assert_inactive 1
	assert_inactive 2
	assert_inactive 3
	assert_active 4 "$T/a/.venv"
	# (the force is the shell's own: its hook's key carries it to this export)
	assert_active 5 "$T/a/.venv"
	assert_active 6 "$T/a/.venv"
	assert_active 7 "$T/b/.venv"
	assert_active 8 "$T/b/.venv"
	assert_equal "$(grep '^status=' <<<"$output" | tr '\n' ' ')" "status=1 status=0 status=1 status=0 "
	assert_stderr_contains "not activating $T/a/.venv: its bin/ is writable by its group; 'venvhook activate --force' uses it anyway" \
		"not activating $T/b/.venv: its pyvenv.cfg is writable by anyone; 'venvhook activate --force' uses it anyway" \
		"not activating $T/a/.venv: its bin/ is writable by its group; activate --force uses it anyway" \
		"activating $T/a/.venv although its bin/ is writable by its group: they can change what runs" \
		"not activating $T/b/.venv: its pyvenv.cfg is writable by anyone; activate --force uses it anyway" \
		"activating $T/b/.venv although its pyvenv.cfg is writable by anyone: they can change what runs"
}

# bats test_tags=noproc
@test "deny switches the env off here and now and keeps it off; allow undoes it" {
	mkenv "$T/proj/.venv"
	session "cd proj" report "run venvhook deny" status report "cd /" "cd proj" report \
		"run venvhook allow" status report
	assert_active 1 "$T/proj/.venv"
	assert_inactive 2
	assert_inactive 3
	assert_active 4 "$T/proj/.venv"
	assert_equal "$(grep '^status=' <<<"$output" | tr '\n' ' ')" "status=0 status=0 "
	assert_stderr_contains "venvhook: denied $T/proj/.venv"
	assert_stderr_contains "not activating $T/proj/.venv: you denied it; 'venvhook allow' undoes that"
	refute_stderr_contains "undoes that; 'venvhook allow' trusts it"
	assert_stderr_contains "venvhook: allowed $T/proj/.venv"
}

@test "a bad config line is said once in a shell, not at every cd, and again once the file changes" {
	mkenv "$T/proj/.venv"
	mkdir -p "$HOME/.config/venvhook" "$T/a" "$T/b"
	printf 'quite = yes\n' >"$HOME/.config/venvhook/config"
	export CFG=$HOME/.config/venvhook/config
	session "cd a" "cd proj" "cd b" "cd a" 'run touch -d 2001-02-03 $CFG' "cd proj" "cd b"
	assert_equal "$(grep -c "unknown key 'quite'" <<<"$stderr")" 2
	assert_stderr_contains "venvhook: activated proj (.venv)"
}

@test "a config file's env_dirs names the env directories discovery looks for" {
	mkdir -p "$HOME/.config/venvhook"
	printf 'env_dirs = .env\n' >"$HOME/.config/venvhook/config"
	mkenv "$T/a/.env"
	mkenv "$T/b/.venv"
	session "cd a" report "cd b" report
	assert_active 1 "$T/a/.env"
	assert_inactive 2
}

# --- status: what is active, who activated it, and why ---

# bats test_tags=noproc
@test "status says who activated the env and why, in each situation" {
	export WORKON_HOME=$T/workon
	mkenv "$WORKON_HOME/named"
	mkenv "$T/proj/.venv"
	mkenv "$T/theirs"
	mkenv_unallowed "$T/clone/.venv"
	git -C "$T/clone" init -q
	git -C "$T/clone" add -f .venv
	mkdir -p "$T/plain/repo"
	git init -q "$T/plain/repo"
	export THEIRS=$T/theirs
	session "cd plain/repo" "run venvhook status" "cd proj" "run venvhook status" \
		"run venvhook activate named" "run venvhook status" "run venvhook deactivate" "run venvhook status" \
		"cd clone" "run venvhook status" "cd /" "setenv VIRTUAL_ENV THEIRS" "run venvhook status"
	assert_line "here:   none: no env from here up to $T/plain/repo, the git work-tree root"
	assert_line "active: $T/proj/.venv, activated by venvhook on entering its project"
	assert_line "here:   $T/proj/.venv: the env directory of $T/proj"
	assert_line "python: 3.11.2 (from $T/proj/.venv/pyvenv.cfg)"
	assert_line "trust:  automatic activation may use it: you allowed it on $(date +%Y-%m-%d)"
	assert_line "active: $WORKON_HOME/named, chosen with venvhook activate (kept across cd)"
	assert_line "paused: $T/proj/.venv (venvhook deactivate: off until you leave its project)"
	assert_line "trust:  refused: its files are tracked by git in $T/clone (it came with the repository); 'venvhook allow' trusts it"
	assert_line "active: $T/theirs, activated outside venvhook (left alone)"
	assert_equal "$(grep -c '^active: none$' <<<"$output")" 3
}

# bats test_tags=noproc
@test "status through the hook says nothing of it; the binary run directly, as in a shell without the rc line, says the hook is not loaded and the line to add" {
	mkenv "$T/proj/.venv"
	export SHELL=/bin/bash
	session "cd proj" "run venvhook status" 'run $VENVHOOK status' 'run $VENVHOOK status --json'
	# through the hook: active, here, ...; directly: hook, active, ...
	assert_equal "$(grep -oE '^(hook|active):' <<<"$output" | tr '\n' ' ')" "active: hook: active: "
	assert_line "active: $T/proj/.venv, activated by venvhook on entering its project"
	assert_line "hook:   not loaded in this shell: add the init line for your shell to its rc file (bash: eval \"\$(venvhook init bash)\" in ~/.bashrc), then open a new shell; venvhook --help lists each shell's"
	assert_line --partial '{"hook":null,"active":'
}

# --- trust: envs the user makes are on at once; what arrives is asked about ---

# bats test_tags=noproc
@test "an env made at a prompt in its project is activated, with the real interpreter, and remembered as yours" {
	mkdir -p "$T/proj/src" "$T/clone-src/.venv/bin" "$T/empty" "$T/pth-src/.venv/lib/python3.11/site-packages"
	# the user's own env, made where the shell sits
	export PY=/usr/bin/python3
	# a repository that brings its env, cloned into the directory the shell sits in
	printf 'home = /usr/bin\n' >"$T/clone-src/.venv/pyvenv.cfg"
	git -C "$T/clone-src" init -q
	git -C "$T/clone-src" add -f .venv
	git -C "$T/clone-src" -c user.name=t -c user.email=t@t commit -qm x
	export UPSTREAM=$T/clone-src
	# a repository that tracks a file where the user's own env will go
	echo 'import os' >"$T/pth-src/.venv/lib/python3.11/site-packages/zz.pth"
	mkdir -p "$T/pth-src/src" && touch "$T/pth-src/src/app.py"
	git -C "$T/pth-src" init -q
	git -C "$T/pth-src" add -f .
	git -C "$T/pth-src" -c user.name=t -c user.email=t@t commit -qm x
	git clone -q "$T/pth-src" "$T/pth"
	session "cd proj" "run /usr/bin/python3 -m venv --without-pip .venv" "cd proj/src" report \
		"run python3 -c 'import sys; print(\"prefix=\" + sys.prefix)'" "cd /" report "cd proj" report \
		"cd empty" "run git clone -q \$UPSTREAM ." "cd empty/.venv" report \
		"cd pth" "run /usr/bin/python3 -m venv --without-pip .venv" "cd pth/src" report
	assert_success
	if [[ -n ${drv_no_lines:-} ]]; then
		# the driver says why this shell hands export no command lines
		# here: venvhook cannot see what made the env, so it asks
		assert_inactive 1
		assert_inactive 3
		assert_stderr_contains "venvhook: not activating $T/proj/.venv: it appeared, but this shell did not tell venvhook which command made it; 'venvhook allow' trusts it"
	else
		assert_active 1 "$T/proj/.venv"
		assert_line "prefix=$T/proj/.venv"
		assert_active 3 "$T/proj/.venv"
		assert_stderr_contains "venvhook: activated proj (.venv; made here: yours from now on)"
	fi
	assert_inactive 2
	assert_inactive 4
	assert_inactive 5
	assert_stderr_contains "venvhook: not activating $T/empty/.venv: its files are tracked by git in $T/empty (it came with the repository); 'venvhook allow' trusts it"
	assert_stderr_contains "venvhook: not activating $T/pth/.venv: its files are tracked by git in $T/pth (it came with the repository); 'venvhook allow' trusts it"
}

# --- the tools' env stores (core/store/stores.h): envs the real tools made ---

@test "Poetry 2's [project] name, the env laid out by hand as Poetry names it" {
	poetry_project "$T/p2 app" "Poetry2.App" project
	local name
	name=$(poetry_name "Poetry2.App" "$T/p2 app")
	realenv "$HOME/.cache/pypoetry/virtualenvs/$name-py3.11"
	session "cd p2 app" report "$PY_PREFIX"
	assert_active 1 "$HOME/.cache/pypoetry/virtualenvs/$name-py3.11"
	assert_line "prefix=$HOME/.cache/pypoetry/virtualenvs/$name-py3.11"
}

@test "pyenv-virtualenv: .python-version naming an env activates it; a plain interpreter changes nothing" {
	export PYENV_ROOT=$T/pyenv
	# as pyenv install and pyenv virtualenv 3.11.2 myenv lay them out
	mkdir -p "$PYENV_ROOT/versions/3.11.2/bin"
	realenv "$PYENV_ROOT/versions/3.11.2/envs/myenv"
	ln -s "$PYENV_ROOT/versions/3.11.2/envs/myenv" "$PYENV_ROOT/versions/myenv"
	mkdir -p "$T/pyproj/deep" "$T/pyproj/plain"
	printf '# pyenv local myenv\nmyenv 3.11.2\n' >"$T/pyproj/.python-version"
	printf '3.11.2\n' >"$T/pyproj/plain/.python-version"
	session "cd pyproj/deep" report "$PY_PREFIX" "cd pyproj/plain" report
	assert_active 1 "$PYENV_ROOT/versions/myenv"
	assert_line "prefix=$PYENV_ROOT/versions/myenv"
	assert_inactive 2
	# the interpreter was never a candidate: activated, deactivated, nothing else
	assert_equal "$(grep -c . <<<"$stderr")" 2
}

@test "uv: UV_PROJECT_ENVIRONMENT, relative to the project root or absolute, beats .venv" {
	mkdir -p "$T/uvproj/src"
	printf '[project]\nname = "uvproj"\nversion = "0.1.0"\n' >"$T/uvproj/pyproject.toml"
	: >"$T/uvproj/uv.lock"
	realenv "$T/uvproj/.venv"
	realenv "$T/uvproj/build env"
	realenv "$T/abs env"
	# a relative UV_PROJECT_ENVIRONMENT is the project's setting: consent
	allowed "$T/uvproj/build env"
	export UV_PROJECT_ENVIRONMENT="build env"
	session "cd uvproj/src" report "$PY_PREFIX"
	assert_active 1 "$T/uvproj/build env"
	assert_line "prefix=$T/uvproj/build env"
	export UV_PROJECT_ENVIRONMENT="$T/abs env"
	session "cd uvproj" report
	assert_active 1 "$T/abs env"
}

@test "a garbage pyproject.toml, Pipfile or .python-version: one line, no env, the prompt works" {
	mkdir -p "$HOME/.cache/pypoetry/virtualenvs" "$T/top/g1" "$T/top/g2" "$T/top/g3"
	printf '[tool.poetry]\nname = "x\n' >"$T/top/g1/pyproject.toml"
	head -c 2000 /dev/urandom >"$T/top/g2/Pipfile"
	printf 'a\0b\n' >"$T/top/g3/.python-version"
	mkenv "$T/top/.venv" # above them all: must not be used instead
	session "cd top/g1" report "fail 3" "cd top/g2" report "cd top/g3" report
	assert_inactive 1
	assert_inactive 2
	assert_inactive 3
	assert_line "status=3"
	assert_equal "$(grep -c . <<<"$stderr")" 3
	assert_stderr_contains "venvhook: $T/top/g1/pyproject.toml: line 2: a string that does not end on its line; not activating an env for it"
	assert_stderr_contains "venvhook: $T/top/g2/Pipfile: line " "; not activating an env for it"
	assert_stderr_contains "venvhook: $T/top/g3/.python-version is not text (it holds a NUL byte); not activating an env for it"
}
