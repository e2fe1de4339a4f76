#!/usr/bin/env bats
# The tools' env stores (core/store/stores.h) beyond activation, which
# scenarios.bats shows in every shell: the TOML reader against Python's
# tomllib, status, list and completion, activate by a store's name, the
# stores setting, what a directory change loads, and bad files; and
# virtualenvwrapper's commands typed at a real terminal.

load helpers
load term

setup() {
	vh_setup
	: "${VH_TOMLDUMP:=${VENVHOOK%/*}/tests/helpers/tomldump}"
}

# The strings, booleans and arrays of strings of a TOML file by key path,
# as tomllib reads them, in tomldump's format; "error" when tomllib
# refuses it.
tomllib_dump() {
	/usr/bin/python3 - "$1" <<'PY'
import json, sys, tomllib
def walk(path, v, out):
    if isinstance(v, dict):
        for k, x in v.items():
            walk(path + [k], x, out)
    elif isinstance(v, bool):
        out.append((path, "b", "true" if v else "false"))
    elif isinstance(v, str):
        out.append((path, "s", json.dumps(v, ensure_ascii=False)))
    elif isinstance(v, list) and all(isinstance(x, str) for x in v):
        out.append((path, "a", json.dumps(v, ensure_ascii=False)))
try:
    doc = tomllib.load(open(sys.argv[1], "rb"))
except Exception as e:
    print("error")
    sys.exit(0)
out = []
walk([], doc, out)
for path, t, v in out:
    print(".".join(json.dumps(k, ensure_ascii=False) for k in path) + "\t" + t + "\t" + v)
PY
}

# mine FILE: tomldump's strings, booleans and arrays of strings (or just
# "error"), sorted.
mine() {
	"$VH_TOMLDUMP" "$1" | awk -F '\t' '$1 == "error" { print "error"; exit } $2 != "o"' | sort
}

@test "the TOML reader keeps exactly the strings, booleans and arrays of strings Python's tomllib reads, and refuses what it refuses" {
	local d=$T/toml f
	mkdir -p "$d"
	cat >"$d/poetry.toml" <<'TOML'
# A Poetry project as poetry new writes it, and more.
[tool.poetry]
name = "My_Cool.Project"
version = "0.1.0"
description = """
A "multi-line" string \
   with a line-ending backslash; [tool.poetry] name = "no" """
authors = ["Ann <ann@example.org>", 'Bob <bob@example.org>']
readme = 'README.md'
packages = [{ include = "pkg", from = "src" }]
license = "MIT" # trailing comment

[tool.poetry.dependencies]
python = "^3.11"
requests = { version = "^2.31", extras = ["socks"], optional = true }

[[tool.poetry.source]]
name = "private"
url = "https://example.org/simple"
priority = "supplemental"

[tool.poetry.group.dev.dependencies]
pytest = "*"

[tool."quoted key".'lit key']
"a.b" = 'dotted in quotes'
empty = ""
esc = "tab\there \u00e9 \U0001F600 \\ \""
num = 0x1f
neg = -12_345
oct = 0o17
bin = 0b1010
exp = +1e10
float = 6.626e-34
date = 1979-05-27T07:32:00-08:00
local = 1979-05-27 07:32:00
inf = inf
arr = [ [1, 2], ["a", 'b'], { x = 1 }, ]

[build-system]
requires = ["poetry-core"]
build-backend = "poetry.core.masonry.api"
TOML
	cat >"$d/project.toml" <<'TOML'
[project]
name = "uv-app"
version = "1.0"
dependencies = [
    "a>=1", # comment inside an array
    "b",
]
optional-dependencies.test = ["pytest"]
urls = { Homepage = "https://example.org" }
classifiers = ['''x''', """y"""]

[tool.uv]
dev-dependencies = []
package = false
managed = true

[tool.uv.workspace]
members = ["packages/*", 'libs/[a-z]*', """multi
line"""]
exclude = [
  "packages/skip", # a comment
]
mixed = ["a", 1]
nested = [["a"], ["b"]]

[tool.hatch.envs.default]
path = ".venv"
TOML
	printf '[my-cool-project-hyM8hnWM]\nminor = "3.11"\npatch = "3.11.2"\n\n["caf\xc3\xa9-abcdefgh"]\nminor = "3.12"\n' >"$d/envs.toml"
	printf 'cache-dir = "/x/y"\n[virtualenvs]\nin-project = false\npath = "{cache-dir}/virtualenvs"\n[virtualenvs.options]\nno-pip = true\n' >"$d/config.toml"
	printf 'virtualenvs.in-project = true\r\nvirtualenvs.path = ".envs"\r\n' >"$d/poetry-local.toml"
	printf '[[source]]\nurl = "https://pypi.org/simple"\nverify_ssl = true\nname = "pypi"\n\n[packages]\nrequests = "*"\n\n[dev-packages]\n\n[requires]\npython_version = "3.11"\n' >"$d/Pipfile"
	printf 'a = """\n\n  two"""\nb = """""x"""""\nc = '"'''"'a\nb'"'''"'\n' >"$d/multiline.toml"
	# refused by both
	printf 'name = "unterminated\n' >"$d/bad1.toml"
	printf 'a = 1 b = 2\n' >"$d/bad2.toml"
	printf 'a = "\\q"\n' >"$d/bad3.toml"
	printf 'a = "caf\xff"\n' >"$d/bad4.toml"
	printf '[a\nb = 1\n' >"$d/bad5.toml"
	printf 'a = { b = 1,\n}\n' >"$d/bad6.toml"
	printf 'a = [1 2]\n' >"$d/bad7.toml"
	printf 'a = "x"\rb = 1\n' >"$d/bad8.toml"
	printf 'a = "\\ud800"\n' >"$d/bad9.toml"
	printf 'a = """"""""""\n' >"$d/bad10.toml"
	printf 'a = "x\001"\n' >"$d/bad11.toml"
	printf 'a = -0x1f\n' >"$d/bad12.toml"
	printf 'a = 01\n' >"$d/bad13.toml"
	printf 'a = 1__0\n' >"$d/bad14.toml"
	printf 'a = 1979-05-27T25\n' >"$d/bad15.toml"
	printf 'a = truex\n' >"$d/bad16.toml"
	for f in "$d"/*.toml "$d/Pipfile"; do
		assert_equal "$(mine "$f")" "$(tomllib_dump "$f" | sort)"
	done
	# and the refusals were refusals, the rest real documents
	assert_equal "$(for f in "$d"/bad*.toml; do mine "$f"; done | sort -u)" error
	[[ $(mine "$d/poetry.toml") == *'"tool"."poetry"."name"	s	"My_Cool.Project"'* ]]
}

@test "status names the rule and the file that chose the env, for each store" {
	export WORKON_HOME=$T/workon PYENV_ROOT=$T/pyenv UV_PROJECT_ENVIRONMENT=uvenv
	poetry_env "$T/po" po
	pipenv_env "$T/pi"
	[[ $PIPENV_ENV == "$WORKON_HOME/pi-"* ]] # pipenv's store is WORKON_HOME when it is set
	mkdir -p "$T/ve"
	vew mkvirtualenv -a "$T/ve" vewenv
	realenv "$PYENV_ROOT/versions/pyenvenv"
	mkdir -p "$T/py" "$T/uv"
	echo pyenvenv >"$T/py/.python-version"
	: >"$T/uv/uv.lock"
	realenv "$T/uv/uvenv"
	cd "$T/po" && run "$VENVHOOK" status
	assert_line "here:   $POETRY_ENV: the Poetry env of $T/po/pyproject.toml"
	cd "$T/pi" && run "$VENVHOOK" status
	assert_line "here:   $PIPENV_ENV: the pipenv env of $T/pi/Pipfile"
	cd "$T/ve" && run "$VENVHOOK" status
	assert_line "here:   $WORKON_HOME/vewenv: the virtualenvwrapper env of $WORKON_HOME/vewenv/.project, which names $T/ve"
	cd "$T/py" && run "$VENVHOOK" status
	assert_line "here:   $PYENV_ROOT/versions/pyenvenv: the pyenv-virtualenv env named by $T/py/.python-version"
	cd "$T/uv" && run "$VENVHOOK" status
	assert_line "here:   $T/uv/uvenv: UV_PROJECT_ENVIRONMENT of the uv project of $T/uv/uv.lock (placed by a project setting: an in-project env)"
	run "$VENVHOOK" status --json
	assert_output --partial "\"rule\":\"uv\",\"from\":\"$T/uv\",\"file\":\"$T/uv/uv.lock\","
}

@test "list names the stores' envs as their tools do, PREFIX filters, activate takes the names, completion offers them" {
	export WORKON_HOME=$T/workon PYENV_ROOT=$T/pyenv
	poetry_env "$T/po" "Some.Project"
	local poetry_name=${POETRY_ENV##*/}
	pipenv_env "$T/pi" # in WORKON_HOME, pipenv's store when it is set: listed once
	local pipenv_name=${PIPENV_ENV##*/}
	mkenv "$WORKON_HOME/mine"
	realenv "$PYENV_ROOT/versions/3.11.2/envs/venv311"
	ln -s "$PYENV_ROOT/versions/3.11.2/envs/venv311" "$PYENV_ROOT/versions/venv311"
	mkdir -p "$PYENV_ROOT/versions/3.12.0/bin" # an interpreter: no env
	cd "$T"
	run --separate-stderr "$VENVHOOK" list
	assert_success
	assert_output "$(printf '%s\n' 3.11.2/envs/venv311 mine "$pipenv_name" "$poetry_name" venv311 | LC_ALL=C sort)"
	run "$VENVHOOK" list --paths some-
	assert_output "$poetry_name	$POETRY_ENV"
	run "$VENVHOOK" list -- 3.11
	assert_output "3.11.2/envs/venv311"
	run "$VENVHOOK" list nothing-starts-so
	assert_output ""
	run "$VENVHOOK" call bash activate "$poetry_name"
	assert_success
	assert_output --partial "export VIRTUAL_ENV='$POETRY_ENV'"
	run "$VENVHOOK" call bash activate 3.11.2/envs/venv311
	assert_output --partial "is not an env" # a '/': a path, as before
	# bash's completion asks for the names that start with the word
	run "$VH_BASH" --norc -c '
		__venvhook_exe=$VENVHOOK
		source "$VH_COMPLETIONS/venvhook.bash"
		COMP_WORDS=(venvhook activate som) COMP_CWORD=2
		__venvhook_complete venvhook som activate
		printf "%s\n" "${COMPREPLY[@]}"'
	assert_output "$poetry_name"
	# a store turned off is not listed
	mkdir -p "$HOME/.config/venvhook"
	echo 'stores = pyenv' >"$HOME/.config/venvhook/config"
	run "$VENVHOOK" list
	assert_output "$(printf '%s\n' 3.11.2/envs/venv311 mine "$pipenv_name" venv311 | LC_ALL=C sort)"
}

@test "stores = ... turns a store off for discovery; config says which are on" {
	poetry_env "$T/po" po
	mkdir -p "$HOME/.config/venvhook"
	cd "$T/po"
	run "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$POETRY_ENV'"
	printf 'stores = pipenv uv\n' >"$HOME/.config/venvhook/config"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	run "$VENVHOOK" config
	assert_line "stores = pipenv uv"
	printf 'stores = none\n' >"$HOME/.config/venvhook/config"
	run "$VENVHOOK" config
	assert_line "stores = none"
	printf 'stores = poetry conda\n' >"$HOME/.config/venvhook/config"
	run --separate-stderr "$VENVHOOK" config
	assert_line "stores = poetry pipenv pyenv uv virtualenvwrapper virtualfish autoswitch hatch pdm"
	assert_equal "$stderr" "venvhook: $HOME/.config/venvhook/config:1: stores takes none or some of: poetry pipenv pyenv uv virtualenvwrapper virtualfish autoswitch hatch pdm; the line is ignored"
}

@test "libmd is loaded only when a name is hashed: not for a project with a .venv or without a Poetry store" {
	poetry_env "$T/po" po
	mkdir -p "$T/uvlike"
	printf '[project]\nname = "uvlike"\n' >"$T/uvlike/pyproject.toml"
	realenv "$T/uvlike/.venv"
	allowed "$T/uvlike/.venv"
	cd "$T/uvlike"
	run_loaded "$VENVHOOK" export bash
	assert_output --partial "VIRTUAL_ENV='$T/uvlike/.venv'"
	[[ $loaded != *libmd* ]] || fail "libmd loaded: $loaded"
	rm -rf "$T/uvlike/.venv"
	mv "$HOME/.cache/pypoetry" "$HOME/.cache/moved"
	run_loaded "$VENVHOOK" export bash
	[[ $loaded != *libmd* ]] || fail "libmd loaded: $loaded"
	mv "$HOME/.cache/moved" "$HOME/.cache/pypoetry"
	cd "$T/po"
	run_loaded "$VENVHOOK" export bash
	[[ $loaded =~ libmd\.so\.[0-9] ]] || fail "libmd not loaded: $loaded"
	assert_output --partial "VIRTUAL_ENV='$POETRY_ENV'"
}

@test "a huge pyproject.toml or .python-version, a Poetry config that is not TOML: one line, no env" {
	mkdir -p "$HOME/.cache/pypoetry/virtualenvs" "$T/big" "$T/bigpy" "$T/cfg"
	mkenv "$T/.venv"
	{ printf '[project]\nname = "big"\n'; head -c 1100000 /dev/zero | tr '\0' '#'; } >"$T/big/pyproject.toml"
	head -c 70000 /dev/zero | tr '\0' 'x' >"$T/bigpy/.python-version"
	cd "$T/big"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	assert_equal "$stderr" "venvhook: $T/big/pyproject.toml is larger than 1024 KiB; not activating an env for it"
	cd "$T/bigpy"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	assert_equal "$stderr" "venvhook: $T/bigpy/.python-version is larger than 64 KiB; not activating an env for it"
	printf '[project]\nname = "cfg"\n' >"$T/cfg/pyproject.toml"
	mkdir -p "$HOME/.config/pypoetry"
	printf '[virtualenvs\n' >"$HOME/.config/pypoetry/config.toml"
	cd "$T/cfg"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	assert_equal "$stderr" "venvhook: $HOME/.config/pypoetry/config.toml: line 1: ']' was expected to end a table header; so Poetry's env is not looked for"
}

@test "Poetry's settings as Poetry reads them: config.toml, POETRY_VIRTUALENVS_PATH, the project's poetry.toml (an in-project env then)" {
	poetry_project "$T/p" settings
	local base
	base=$(poetry_name settings "$T/p")
	# the user's config.toml, as poetry config writes it
	(cd "$T/p" && tool poetry config virtualenvs.path "$T/store one")
	realenv "$T/store one/$base-py3.11"
	assert_equal "$(poetry_says "$T/p")" "$T/store one/$base-py3.11"
	cd "$T/p"
	run "$VENVHOOK" status
	assert_line "here:   $T/store one/$base-py3.11: the Poetry env of $T/p/pyproject.toml"
	# the variable beats the file, ~ expanded
	mkdir -p "$HOME/store two"
	realenv "$HOME/store two/$base-py3.11"
	POETRY_VIRTUALENVS_PATH="~/store two" run "$VENVHOOK" status
	assert_line "here:   $HOME/store two/$base-py3.11: the Poetry env of $T/p/pyproject.toml"
	# the project's poetry.toml beats the user's file, and makes it the project's choice
	(cd "$T/p" && tool poetry config --local virtualenvs.path "$T/p/envs")
	realenv "$T/p/envs/$base-py3.11"
	assert_equal "$(poetry_says "$T/p")" "$T/p/envs/$base-py3.11"
	run "$VENVHOOK" status
	assert_line "here:   $T/p/envs/$base-py3.11: the Poetry env of $T/p/pyproject.toml (placed by a project setting: an in-project env)"
	run "$VENVHOOK" status --json
	assert_output --partial "\"rule\":\"poetry\""
	# envs.toml decides between two Pythons (poetry env use wrote it)
	realenv "$T/p/envs/$base-py3.9"
	printf '[%s]\nminor = "3.9"\npatch = "3.9.2"\n' "$base" >"$T/p/envs/envs.toml"
	run "$VENVHOOK" status
	assert_line "here:   $T/p/envs/$base-py3.9: the Poetry env of $T/p/pyproject.toml (placed by a project setting: an in-project env)"
	rm "$T/p/envs/envs.toml"
	run "$VENVHOOK" status
	assert_line --partial "here:   $T/p/envs/$base-py3.11: " # of two, the newest
	# a relative path is relative to where Poetry runs, the project
	(cd "$T/p" && tool poetry config --unset --local virtualenvs.path)
	mkdir -p "$T/p/rel"
	mv "$T/p/envs/$base-py3.11" "$T/p/rel/"
	POETRY_VIRTUALENVS_PATH=rel run "$VENVHOOK" status
	assert_line "here:   $T/p/rel/$base-py3.11: the Poetry env of $T/p/pyproject.toml (placed by a project setting: an in-project env)"
	assert_equal "$(cd "$T/p" && tool POETRY_VIRTUALENVS_PATH=rel poetry env info -p)" "rel/$base-py3.11"
}

@test "PIPENV_CUSTOM_VENV_NAME names an env in pipenv's store, never one out of it (../)" {
	export WORKON_HOME=$T/workon
	mkdir -p "$WORKON_HOME/named" "$T/out" "$T/pc"
	printf 'home = /usr/bin\n' >"$WORKON_HOME/named/pyvenv.cfg"
	printf 'home = /usr/bin\n' >"$T/out/pyvenv.cfg"
	printf '[packages]\n' >"$T/pc/Pipfile"
	cd "$T/pc"
	PIPENV_CUSTOM_VENV_NAME=named run "$VENVHOOK" status
	assert_line "here:   $WORKON_HOME/named: the pipenv env of $T/pc/Pipfile"
	for name in ../out ../workon/../out /abs ..; do
		PIPENV_CUSTOM_VENV_NAME=$name run "$VENVHOOK" status
		refute_output --partial "pipenv env"
		refute_output --partial "out"
	done
}

# --- envs the tools make themselves, in a real shell ---
# Made by Poetry, pipenv and virtualenvwrapper, each run once here, in
# bash: what they cost is the tools' (seconds of Python each), and what
# they test is discovery, the same in every shell; how each shell applies
# an env from a store is in scenarios.bats (pyenv, uv, Poetry 2's layout).

@test "(bash) Poetry's env, made by Poetry, activates in its project and below; python3 is the env's; leaving deactivates" {
	vh_use_driver bash
	poetry_env "$T/my proj é" My_Proj.App
	mkdir -p "$T/my proj é/src/pkg" "$T/elsewhere"
	session "cd my proj é" report "cd my proj é/src/pkg" report "$PY_PREFIX" "cd elsewhere" report
	assert_success
	assert_active 1 "$POETRY_ENV"
	assert_active 2 "$POETRY_ENV"
	assert_line "prefix=$POETRY_ENV"
	assert_inactive 3
	[[ $POETRY_ENV == "$HOME/.cache/pypoetry/virtualenvs/my-proj-app-"????????"-py3.11" ]]
}

@test "(bash) Poetry: .venv beside the store env wins, as in Poetry, until virtualenvs.in-project is false" {
	vh_use_driver bash
	poetry_env "$T/both" both
	realenv "$T/both/.venv"
	allowed "$T/both/.venv"
	session "cd both" report "$PY_PREFIX"
	assert_active 1 "$T/both/.venv"
	assert_equal "$(poetry_says "$T/both")" "$T/both/.venv"
	(cd "$T/both" && tool poetry config virtualenvs.in-project false)
	assert_equal "$(poetry_says "$T/both")" "$POETRY_ENV"
	session "cd both" report "$PY_PREFIX"
	assert_active 1 "$POETRY_ENV"
	assert_line "prefix=$POETRY_ENV"
}

@test "(bash) Poetry in-project (virtualenvs.in-project true): its .venv activates" {
	vh_use_driver bash
	poetry_project "$T/inproj" inproj
	(cd "$T/inproj" && tool poetry config --local virtualenvs.in-project true && tool poetry env use /usr/bin/python3 >/dev/null 2>&1)
	allowed "$T/inproj/.venv"
	mkdir -p "$T/inproj/sub"
	session "cd inproj/sub" report "$PY_PREFIX"
	assert_active 1 "$T/inproj/.venv"
	assert_line "prefix=$T/inproj/.venv"
}

@test "(bash) pipenv's env, made by pipenv, activates in its project and below; in-project too" {
	vh_use_driver bash
	pipenv_env "$T/pip proj é"
	mkdir -p "$T/pip proj é/sub"
	local store=$PIPENV_ENV
	pipenv_env "$T/inpip" PIPENV_VENV_IN_PROJECT=1
	allowed "$T/inpip/.venv"
	assert_equal "$PIPENV_ENV" "$T/inpip/.venv"
	session "cd pip proj é/sub" report "$PY_PREFIX" "cd inpip" report "cd /" report
	assert_active 1 "$store"
	assert_line "prefix=$store"
	assert_active 2 "$T/inpip/.venv"
	assert_inactive 3
	[[ $store == "$HOME/.local/share/virtualenvs/pip_proj_é-"???????? ]]
}

@test "(bash) virtualenvwrapper: the project of mkvirtualenv -a activates its env; setvirtualenvproject is noticed" {
	vh_use_driver bash
	export WORKON_HOME=$T/workon
	mkdir -p "$T/vewproj/sub" "$T/other place"
	vew mkvirtualenv -a "$T/vewproj" vewenv
	session "cd vewproj/sub" report "$PY_PREFIX" "cd /" report
	assert_active 1 "$WORKON_HOME/vewenv"
	assert_line "prefix=$WORKON_HOME/vewenv"
	assert_inactive 2
	vew setvirtualenvproject "$WORKON_HOME/vewenv" "$T/other place"
	session "cd vewproj" report "cd other place" report
	assert_inactive 1
	assert_active 2 "$WORKON_HOME/vewenv"
}

# --- virtualenvwrapper's commands at a real terminal ---
# setvirtualenvproject writes $WORKON_HOME/NAME/.project in place, at no
# path the hook watches: a hook that sees each command line runs export at
# the next prompt after one that names it (or mkvirtualenv, mkproject,
# cpvirtualenv: core/store/stores.h). tmux types the lines; the shell runs
# under strace, and an idle prompt is seen to start no process.

teardown() {
	[[ -z ${SOCK-} ]] || term_teardown
}

# vew_term SHELL-COMMAND...: the shell at a terminal in $T/proj, under
# strace, with WORKON_HOME ($T/workon) and virtualenvwrapper's python.
vew_term() {
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	command -v strace >/dev/null || fail "strace is needed (apt-get install strace)"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
	TMUX_CWD=$T/proj tmux_start 250 env WORKON_HOME="$WORKON_HOME" VIRTUALENVWRAPPER_PYTHON=/usr/bin/python3 \
		XDG_CONFIG_HOME="$HOME/.config" ASAN_OPTIONS=detect_leaks=0 \
		strace -f -qq -e trace=execve,fork,vfork,clone,clone3 -o "$T/trace" "$@"
}

# vew_idle: three empty lines draw three prompts, and the shell starts no
# process for them.
vew_idle() {
	local before n
	wait_prompt 'READY>'
	n=$(grep -oF 'READY>' <<<"$(tmux_screen)" | wc -l)
	before=$(wc -l <"$T/trace")
	idle_lines 'READY>' 3
	poll_screen "3 more prompts" screen_at_least 'READY>' $((n + 3))
	wait_prompt 'READY>'
	run processes_since "$T/trace" "$before"
	assert_output ""
}

# vew_walk PRINT-VE SET: in $T/proj, which has no env, with the env vewenv
# in $WORKON_HOME naming no project: an idle prompt starts no process; SET,
# a line that runs setvirtualenvproject for vewenv and the directory here,
# puts vewenv on at the next prompt, with no cd, as venvhook's (leaving
# takes it off); then idle prompts start no process again.
vew_walk() {
	local ve=$1 set=$2
	wait_prompt 'READY>'
	type_line "$ve"
	wait_for 've=[]'
	vew_idle
	type_line "$set"
	wait_for 'venvhook: activated vewenv'
	type_line "$ve"
	wait_for "ve=[$WORKON_HOME/vewenv]"
	vew_idle
	type_line 'cd ..'
	wait_for 'venvhook: deactivated vewenv'
	assert_equal "$(grep -c 'venvhook: activated' <<<"$screen")" 1
}

# The line the shells that cannot run virtualenvwrapper themselves type.
VEW_SET="bash -c '. /usr/share/virtualenvwrapper/virtualenvwrapper.sh && setvirtualenvproject vewenv .'"

@test "(zsh) virtualenvwrapper at a terminal: setvirtualenvproject at the prompt puts its env on at the next prompt, with no cd; idle prompts start no process" {
	export WORKON_HOME=$T/workon
	mkdir -p "$T/proj"
	printf '%s\n' 'PS1="READY> "' 'source /usr/share/virtualenvwrapper/virtualenvwrapper.sh' \
		'eval "$("$VENVHOOK" init zsh)"' >"$HOME/.zshrc"
	vew_term env ZDOTDIR="$HOME" zsh -i
	wait_prompt 'READY>'
	# made by mkvirtualenv, which activates it (virtualenvwrapper's own
	# activation: venvhook stands aside), and deactivated
	type_line 'mkvirtualenv -p /usr/bin/python3 vewenv >/dev/null 2>&1; echo "made=[$VIRTUAL_ENV]"'
	wait_for "made=[$WORKON_HOME/vewenv]"
	type_line 'deactivate'
	vew_walk 'echo "ve=[${VIRTUAL_ENV-}]"' 'setvirtualenvproject vewenv .'
}

# rmvirtualenv refuses the active env only where VIRTUAL_ENV is spelt
# "$WORKON_HOME/NAME"; with a trailing / in WORKON_HOME it removes the env
# venvhook has on, and the next prompt takes it off PATH, with no cd.
@test "(zsh) virtualenvwrapper at a terminal: rmvirtualenv of the env venvhook has on takes it off at the next prompt" {
	export WORKON_HOME=$T/workon/
	mkdir -p "$T/proj"
	printf '%s\n' 'PS1="READY> "' 'source /usr/share/virtualenvwrapper/virtualenvwrapper.sh' \
		'eval "$("$VENVHOOK" init zsh)"' >"$HOME/.zshrc"
	vew mkvirtualenv -a "$T/proj" vewenv
	vew_term env ZDOTDIR="$HOME" zsh -i
	wait_prompt 'READY>'
	type_line 'print -r -- "ve=[${VIRTUAL_ENV-}]"'
	wait_for "ve=[$T/workon/vewenv]"
	type_line 'rmvirtualenv vewenv'
	wait_for 'venvhook: deactivated vewenv'
	wait_prompt 'READY>'
	[[ ! -e $T/workon/vewenv ]] || fail "rmvirtualenv left the env: $screen"
	type_line 'print -r -- "ve=[${VIRTUAL_ENV-}] on=[${path[(r)*vewenv*]}]"'
	wait_for 've=[] on=[]'
}

@test "(bash) virtualenvwrapper at a terminal with bash-preexec: setvirtualenvproject at the prompt puts its env on at the next prompt" {
	export WORKON_HOME=$T/workon
	mkdir -p "$T/proj"
	printf '%s\n' 'PS1="READY> "' ". '$VH_SRCDIR/tests/fixtures/bash-preexec/bash-preexec.sh'" \
		'source /usr/share/virtualenvwrapper/virtualenvwrapper.sh' \
		'eval "$("$VENVHOOK" init bash)"' >"$HOME/.bashrc"
	vew mkvirtualenv vewenv
	vew_term bash --rcfile "$HOME/.bashrc" -i
	vew_walk 'echo "ve=[${VIRTUAL_ENV-}]"' 'setvirtualenvproject vewenv .'
}

@test "(ksh93) virtualenvwrapper at a terminal: a line that runs setvirtualenvproject puts its env on at the next prompt" {
	export WORKON_HOME=$T/workon
	mkdir -p "$T/proj"
	printf '%s\n' "PS1='READY> '" 'eval "$("$VENVHOOK" init ksh93)"' >"$HOME/.kshrc"
	vew mkvirtualenv vewenv
	vew_term "${VH_KSH93:-ksh93}" -i
	vew_walk 'print -r -- "ve=[${VIRTUAL_ENV-}]"' "$VEW_SET"
}

@test "(fish) virtualenvwrapper at a terminal: a line that runs setvirtualenvproject puts its env on at the next prompt" {
	export WORKON_HOME=$T/workon
	mkdir -p "$T/proj" "$HOME/.config/fish"
	# as after fish's first start: no background fish_update_completions
	# (python3, man) in the process count (prompt.bats)
	printf '%s\n' '# This file contains fish universal variable definitions.' '# VERSION: 3.0' \
		'SETUVAR __fish_initialized:3400' >"$HOME/.config/fish/fish_variables"
	mkdir -p "$HOME/.local/share/fish/generated_completions"
	printf '%s\n' "set -g fish_greeting" "function fish_prompt; echo -n 'READY> '; end" \
		'"$VENVHOOK" init fish | source' >"$HOME/.config/fish/config.fish"
	vew mkvirtualenv vewenv
	vew_term fish -i
	vew_walk 'echo "ve=[$VIRTUAL_ENV]"' "$VEW_SET"
}

@test "(nu) virtualenvwrapper at a terminal: a line that runs setvirtualenvproject puts its env on at the next prompt" {
	vh_skip_uninstalled nu
	export WORKON_HOME=$T/workon
	mkdir -p "$T/proj" "$HOME/.config/nushell"
	printf '^$env.VENVHOOK init nu | save -f ~/.venvhook.nu\n' >"$HOME/.config/nushell/env.nu"
	printf '%s\n' '$env.config.show_banner = false' '$env.PROMPT_COMMAND = {|| "READY> " }' \
		'$env.PROMPT_COMMAND_RIGHT = ""' '$env.PROMPT_INDICATOR = ""' \
		'source ~/.venvhook.nu' >"$HOME/.config/nushell/config.nu"
	vew mkvirtualenv vewenv
	vew_term "$VH_NU" --no-history
	vew_walk 'print $"ve=[($env.VIRTUAL_ENV?)]"' "$VEW_SET"
}

@test "(xonsh) virtualenvwrapper at a terminal: a line that runs setvirtualenvproject puts its env on at the next prompt" {
	vh_skip_uninstalled xonsh
	export WORKON_HOME=$T/workon
	mkdir -p "$T/proj"
	printf '%s\n' '$PROMPT = "READY> "' '$RIGHT_PROMPT = ""' '$BOTTOM_TOOLBAR = ""' \
		"exec(compile(__import__('subprocess').check_output([\$VENVHOOK, 'init', 'xonsh']), 'venvhook', 'exec'))" \
		>"$HOME/.xonshrc"
	vew mkvirtualenv vewenv
	vew_term "$VH_XONSH" --rc "$HOME/.xonshrc" -i
	vew_walk 'print("ve=[%s]" % ${...}.get("VIRTUAL_ENV", ""))' "$VEW_SET"
}

@test "(elvish) virtualenvwrapper at a terminal: a line that runs setvirtualenvproject puts its env on at the next prompt" {
	vh_skip_uninstalled elvish
	export WORKON_HOME=$T/workon
	mkdir -p "$T/proj" "$HOME/.config/elvish" "$HOME/.run"
	printf '%s\n' 'set edit:prompt = { put "READY> " }' 'set edit:rprompt = { put "" }' \
		'eval ((external $E:VENVHOOK) init elvish | slurp)' >"$HOME/.config/elvish/rc.elv"
	vew mkvirtualenv vewenv
	vew_term env XDG_RUNTIME_DIR="$HOME/.run" "$VH_ELVISH"
	vew_walk "echo 've=['\$E:VIRTUAL_ENV']'" "$VEW_SET"
}
