#!/usr/bin/env bats
# Each tool's rules as its installed version has them (issue 26): the
# envs the real tools make where Debian has them (Poetry 1.3, pipenv
# 2022), and the layouts of their current releases reproduced from their
# source otherwise, each test naming the upstream file and commit it
# follows. macOS's paths are tested here through VENVHOOK_TEST_PLATFORM.

load helpers

setup() {
	vh_setup
}

# here DIR: the env `venvhook status` finds in DIR ("none" for none).
here() {
	local out
	out=$(cd "$1" && "$VENVHOOK" status --json 2>/dev/null) || return 1
	/usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["here"]["env"] or "none")' <<<"$out"
}

# fake_tool DIR DIST VERSION: a tool installed as pipx, uv tool and
# Poetry's installer install one (pipx src/pipx/venv.py, pypa/pipx
# 9bb766c055d47b44ea36c342b87ed569e7c442b1): a venv in DIR whose
# bin/DIST's first line names the venv's python, and the distribution's
# DIST-VERSION.dist-info in its site-packages. Nothing in it is ever run:
# bin/python links to the system's interpreter, never write through it.
fake_tool() {
	mkdir -p "$1/bin" "$1/lib/python3.11/site-packages/$2-$3.dist-info"
	ln -sf /usr/bin/python3.11 "$1/bin/python"
	printf '#!%s/bin/python\nimport sys\nsys.exit(1)\n' "$1" >"$1/bin/$2"
	chmod +x "$1/bin/$2"
}

# fake_python DIR X.Y: DIR/python, as python-is-python3 or pyenv's
# shims put it on PATH, a link to an interpreter named pythonX.Y (a
# stand-in that only fails: venvhook reads its name, never runs it).
fake_python() {
	mkdir -p "$1/real"
	printf '#!/bin/sh\nexit 1\n' >"$1/real/python$2"
	chmod +x "$1/real/python$2"
	ln -sf "real/python$2" "$1/python"
}

# --- Poetry (python-poetry/poetry f46702336862f30050d5c641d5ed6f7568ded793) ---

@test "Poetry on macOS: the store in ~/Library/Caches/pypoetry and the config in ~/Library/Application Support/pypoetry" {
	# src/poetry/locations.py: platformdirs' user_cache_path("pypoetry") and
	# user_config_path("pypoetry", roaming=True); platformdirs
	# src/platformdirs/macos.py (tox-dev/platformdirs b2f29d8e): on macOS,
	# ~/Library/Caches/pypoetry and ~/Library/Application Support/pypoetry.
	poetry_project "$T/mac" macproj
	local base
	base=$(poetry_name macproj "$T/mac")
	realenv "$HOME/Library/Caches/pypoetry/virtualenvs/$base-py3.11"
	export VENVHOOK_TEST_PLATFORM=macos
	assert_equal "$(here "$T/mac")" "$HOME/Library/Caches/pypoetry/virtualenvs/$base-py3.11"
	cd "$T/mac"
	run "$VENVHOOK" status
	assert_line "trust:  automatic activation may use it: it is in one of your env stores"
	# not the Linux paths there, nor the macOS ones on Linux
	VENVHOOK_TEST_PLATFORM=linux run here "$T/mac"
	assert_output none
	# the config file in Application Support moves the store
	mkdir -p "$HOME/Library/Application Support/pypoetry"
	printf '[virtualenvs]\npath = "%s/elsewhere"\n' "$T" >"$HOME/Library/Application Support/pypoetry/config.toml"
	realenv "$T/elsewhere/$base-py3.11"
	assert_equal "$(here "$T/mac")" "$T/elsewhere/$base-py3.11"
	run "$VENVHOOK" status
	assert_line "trust:  automatic activation may use it: it is in one of your env stores"
	# platformdirs 4.6 reads XDG_CACHE_HOME on macOS too: followed where it is there
	rm "$HOME/Library/Application Support/pypoetry/config.toml"
	realenv "$T/xdg/pypoetry/virtualenvs/$base-py3.11"
	XDG_CACHE_HOME=$T/xdg run here "$T/mac"
	assert_output "$T/xdg/pypoetry/virtualenvs/$base-py3.11"
	XDG_CACHE_HOME=$T/nothing-here run here "$T/mac"
	assert_output "$HOME/Library/Caches/pypoetry/virtualenvs/$base-py3.11"
}

@test "Poetry 1 and 2 with several envs and no envs.toml entry: the Python each would use, not the newest" {
	# env_manager.py EnvManager.get: without an envs.toml entry, Poetry 2
	# takes the minor version of get_preferred_python (python/manager.py:
	# the `python` on PATH unless virtualenvs.use-poetry-python); Poetry 1
	# (tag 1.8.5, 1.3.0) its own interpreter's unless
	# virtualenvs.prefer-active-python.
	poetry_env "$T/p" several # Debian's Poetry 1.3 on Python 3.11
	local base=${POETRY_ENV%-py3.11}
	rm "${base%/*}/envs.toml" # what poetry env use recorded
	realenv "$base-py3.12" # a newer one: its name is what counts
	assert_equal "$(poetry_says "$T/p")" "$POETRY_ENV"
	fake_python "$T/onpath" 3.12
	PATH=$T/onpath:$PATH run here "$T/p"
	assert_output "$POETRY_ENV" # Poetry 1: its own 3.11, whatever python is
	POETRY_VIRTUALENVS_PREFER_ACTIVE_PYTHON=true PATH=$T/onpath:$PATH run here "$T/p"
	assert_output "$base-py3.12"
	# Poetry 2, installed as its installer and pipx do
	fake_tool "$T/poetry2" poetry 2.1.3
	export PATH=$T/poetry2/bin:$PATH
	run here "$T/p"
	assert_output "$POETRY_ENV" # no python on PATH (Debian has none): its own 3.11
	PATH=$T/onpath:$PATH run here "$T/p"
	assert_output "$base-py3.12"
	fake_python "$T/onpath" 3.11
	PATH=$T/onpath:$PATH run here "$T/p"
	assert_output "$POETRY_ENV"
	fake_python "$T/onpath" 3.13 # preferred, but not made: Poetry would make it
	PATH=$T/onpath:$PATH run here "$T/p"
	assert_output none
	POETRY_VIRTUALENVS_USE_POETRY_PYTHON=true PATH=$T/onpath:$PATH run here "$T/p"
	assert_output "$POETRY_ENV"
	# envs.toml still decides first
	printf '[%s]\nminor = "3.12"\npatch = "3.12.1"\n' "${base##*/}" >"${base%/*}/envs.toml"
	PATH=$T/onpath:$PATH run here "$T/p"
	assert_output "$base-py3.12"
}

@test "POETRY_VIRTUALENVS_IN_PROJECT=True: false for Poetry 1.3, true for Poetry 2.0.1 and later" {
	# config.py boolean_normalizer: val.lower() in ["true", "1"] since
	# 2.0.1 (commit f907d2d31); val in ["true", "1"] before.
	poetry_env "$T/p" inproj
	realenv "$T/p/.venv"
	allowed "$T/p/.venv"
	(cd "$T/p" && tool poetry config virtualenvs.in-project false)
	export POETRY_VIRTUALENVS_IN_PROJECT=True
	assert_equal "$(cd "$T/p" && tool POETRY_VIRTUALENVS_IN_PROJECT=True poetry env info -p)" "$POETRY_ENV"
	assert_equal "$(here "$T/p")" "$POETRY_ENV"
	fake_tool "$T/poetry2" poetry 2.0.1
	PATH=$T/poetry2/bin:$PATH run here "$T/p"
	assert_output "$T/p/.venv"
	fake_tool "$T/poetry20" poetry 2.0.0
	PATH=$T/poetry20/bin:$PATH run here "$T/p"
	assert_output "$POETRY_ENV"
	POETRY_VIRTUALENVS_IN_PROJECT=TRUE PATH=$T/poetry2/bin:$PATH run here "$T/p"
	assert_output "$T/p/.venv"
}

@test "Poetry 1 with both [project] name and [tool.poetry] name: Poetry 1 names its env after the second, Poetry 2 after the first" {
	poetry_project "$T/both" toolname
	printf '\n[project]\nname = "projname"\nversion = "0.1.0"\n' >>"$T/both/pyproject.toml"
	local out
	out=$(cd "$T/both" && tool poetry env use /usr/bin/python3 2>&1) || fail "$out"
	POETRY_ENV=$(sed -n 's/^Using virtualenv: //p' <<<"$out")
	[[ ${POETRY_ENV##*/} == toolname-* ]] || fail "Poetry 1.3 made $POETRY_ENV"
	assert_equal "$(here "$T/both")" "$POETRY_ENV"
	# Poetry 2 (poetry-core's Factory: [project] name first) names it projname-*
	local p2
	p2=$HOME/.cache/pypoetry/virtualenvs/$(poetry_name projname "$T/both")-py3.11
	realenv "$p2"
	fake_tool "$T/poetry2" poetry 2.1.3
	PATH=$T/poetry2/bin:$PATH run here "$T/both"
	assert_output "$p2"
}

# --- pipenv (pypa/pipenv 3f1b272abd51d7d7ab7f5935bb6b25da86e93e8b and Debian's 2022.12.19) ---

# pipenv_2026: pipenv 2026.8.0 installed as pipx installs it.
pipenv_2026() {
	fake_tool "$T/pipenv26" pipenv 2026.8.0
	export PATH=$T/pipenv26/bin:$PATH
}

# pipenv_name PIPFILE: {name}-{hash} as pipenv/utils/venv_locator.py's
# _sanitize and _get_virtualenv_hash make it, for the Pipfile path given.
pipenv_name() {
	/usr/bin/python3 -c 'import base64, hashlib, os, re, sys
p = sys.argv[1]
name = re.sub(r"[ &$`!*@\"()\[\]\\\r\n\t]", "_", os.path.basename(os.path.dirname(p)))[0:42]
print(name + "-" + base64.urlsafe_b64encode(hashlib.sha256(p.encode()).digest()[:6]).decode()[:8])' "$1"
}

@test "pipenv 2026: its store env beats a .venv made beside it; pipenv 2022 takes the .venv" {
	# venv_locator.py get_location (commit 7b59919d0, pipenv 2026.2): with
	# .venv a directory and neither setting true, the WORKON_HOME env wins
	# when it exists.
	pipenv_env "$T/pp"
	realenv "$T/pp/.venv"
	allowed "$T/pp/.venv"
	assert_equal "$(cd "$T/pp" && tool pipenv --venv 2>/dev/null)" "$T/pp/.venv" # 2022
	assert_equal "$(here "$T/pp")" "$T/pp/.venv"
	pipenv_2026
	assert_equal "$(here "$T/pp")" "$PIPENV_ENV"
	cd "$T/pp"
	run "$VENVHOOK" status
	assert_line "here:   $PIPENV_ENV: the pipenv env of $T/pp/Pipfile"
	assert_line "trust:  automatic activation may use it: it is in one of your env stores"
	# without the store env, .venv
	mv "$PIPENV_ENV" "$T/moved"
	assert_equal "$(here "$T/pp")" "$T/pp/.venv"
}

@test "PIPENV_VENV_IN_PROJECT=0 and [pipenv] venv_in_project: pipenv 2026 follows them, pipenv 2022 knows the variable only" {
	# is_venv_in_project (commit 62356a706, 2026.2): the variable, then the
	# Pipfile's [pipenv] venv_in_project, then whether .venv is a directory.
	pipenv_env "$T/pp"
	realenv "$T/pp/.venv"
	allowed "$T/pp/.venv"
	assert_equal "$(cd "$T/pp" && tool PIPENV_VENV_IN_PROJECT=0 pipenv --venv 2>/dev/null)" "$T/pp/.venv" # 2022
	PIPENV_VENV_IN_PROJECT=0 run here "$T/pp"
	assert_output "$T/pp/.venv"
	pipenv_2026
	PIPENV_VENV_IN_PROJECT=0 run here "$T/pp"
	assert_output "$PIPENV_ENV"
	PIPENV_VENV_IN_PROJECT=1 run here "$T/pp"
	assert_output "$T/pp/.venv"
	printf '\n[pipenv]\nvenv_in_project = true\n' >>"$T/pp/Pipfile"
	assert_equal "$(here "$T/pp")" "$T/pp/.venv"
	PIPENV_VENV_IN_PROJECT=false run here "$T/pp" # the variable first
	assert_output "$PIPENV_ENV"
	# asked for in-project without a .venv: pipenv 2026 has no env; 2022 the store's
	rm -rf "$T/pp/.venv"
	mkenv "$T/.venv" # above: never used instead
	assert_equal "$(here "$T/pp")" none
	PATH=$BASE_PATH run here "$T/pp"
	assert_output "$PIPENV_ENV"
	sed -i 's/= true/= false/' "$T/pp/Pipfile"
	assert_equal "$(here "$T/pp")" "$PIPENV_ENV"
	# PIPENV_VENV_IN_PROJECT=0 with the store env gone: that env or none, never .venv
	realenv "$T/pp/.venv"
	allowed "$T/pp/.venv"
	rm -rf "$PIPENV_ENV"
	PIPENV_VENV_IN_PROJECT=0 run here "$T/pp"
	assert_output none
}

@test "pipenv looks for the Pipfile 3 directories up (2022) or 10 (2024 and later), PIPENV_MAX_DEPTH, PIPENV_NO_INHERIT" {
	# environments.py PIPENV_MAX_DEPTH (commit 0e8e40d21: default 10, was 3)
	# and utils/pipfile.py find_pipfile.
	pipenv_env "$T/deep"
	mkdir -p "$T/deep/a/b/c/d"
	assert_equal "$(cd "$T/deep/a/b" && tool pipenv --venv 2>/dev/null)" "$PIPENV_ENV"
	run bash -c "cd '$T/deep/a/b/c' && env -i HOME='$HOME' PATH='$BASE_PATH' PIPENV_NOSPIN=1 pipenv --venv"
	assert_failure # 2022: no Pipfile 4 directories up
	assert_equal "$(here "$T/deep/a/b")" "$PIPENV_ENV"
	assert_equal "$(here "$T/deep/a/b/c")" none
	pipenv_2026
	assert_equal "$(here "$T/deep/a/b/c/d")" "$PIPENV_ENV"
	PIPENV_MAX_DEPTH=2 run here "$T/deep/a/b"
	assert_output none
	PIPENV_MAX_DEPTH=2 run here "$T/deep/a"
	assert_output "$PIPENV_ENV"
	PIPENV_NO_INHERIT=1 run here "$T/deep/a"
	assert_output none
	PIPENV_NO_INHERIT=1 run here "$T/deep"
	assert_output "$PIPENV_ENV"
}

@test "pipenv takes the nearest Pipfile: an inner project without its env has none, never the outer's" {
	# utils/pipfile.py find_pipfile walks up and stops at the first Pipfile.
	pipenv_env "$T/outer"
	mkdir -p "$T/outer/inner/src"
	printf '[packages]\n' >"$T/outer/inner/Pipfile"
	run bash -c "cd '$T/outer/inner/src' && env -i HOME='$HOME' PATH='$BASE_PATH' PIPENV_NOSPIN=1 pipenv --venv"
	assert_failure # the inner project's env is not made yet
	assert_equal "$(here "$T/outer/inner/src")" none
	assert_equal "$(here "$T/outer")" "$PIPENV_ENV"
}

@test "a symlinked Pipfile: pipenv 2026.4 hashes the link's path, 2022 its target's" {
	# environments.py normalize_pipfile_path (commit 4e0c1722c, 2026.4):
	# os.path.abspath, symlinks kept.
	mkdir -p "$T/shared" "$T/proj"
	pipenv_env "$T/shared"
	ln -s ../shared/Pipfile "$T/proj/Pipfile"
	local real_env=$PIPENV_ENV link_env
	assert_equal "$(cd "$T/proj" && tool pipenv --venv 2>/dev/null)" "$real_env" # 2022
	assert_equal "$(here "$T/proj")" "$real_env"
	link_env=$HOME/.local/share/virtualenvs/$(pipenv_name "$T/proj/Pipfile")
	realenv "$link_env"
	pipenv_2026
	assert_equal "$(here "$T/proj")" "$link_env"
	fake_tool "$T/pipenv262" pipenv 2026.2.0
	PATH=$T/pipenv262/bin:$PATH run here "$T/proj"
	assert_output "$real_env"
}

# --- pointer files: a .venv file naming an env, in each tool's home ---

@test "a .venv file naming an env: virtualfish's VIRTUALFISH_HOME, zsh-autoswitch's AUTOSWITCH_VIRTUAL_ENV_DIR, pipenv's store" {
	# virtualfish/virtual.fish (justinmayer/virtualfish 341a88b7): `vf
	# connect` writes `basename $VIRTUAL_ENV` to .venv, auto_activation.fish
	# activates $VIRTUALFISH_HOME/NAME; autoswitch_virtualenv.plugin.zsh
	# (MichaelAquilina/zsh-autoswitch-virtualenv 9020833b): mkvenv writes
	# "NAME\n" to .venv (mode 600), check_venv activates
	# $AUTOSWITCH_VIRTUAL_ENV_DIR/NAME.
	export VIRTUALFISH_HOME=$T/vf AUTOSWITCH_VIRTUAL_ENV_DIR=$T/as
	realenv "$VIRTUALFISH_HOME/fishenv"
	realenv "$AUTOSWITCH_VIRTUAL_ENV_DIR/zshenv"
	mkdir -p "$T/fishproj/sub" "$T/zshproj"
	basename "$VIRTUALFISH_HOME/fishenv" >"$T/fishproj/.venv"
	printf 'zshenv\n' >"$T/zshproj/.venv"
	chmod 600 "$T/zshproj/.venv"
	assert_equal "$(here "$T/fishproj/sub")" "$VIRTUALFISH_HOME/fishenv"
	assert_equal "$(here "$T/zshproj")" "$AUTOSWITCH_VIRTUAL_ENV_DIR/zshenv"
	cd "$T/zshproj"
	run "$VENVHOOK" status
	assert_line "here:   $AUTOSWITCH_VIRTUAL_ENV_DIR/zshenv: named by the pointer file $T/zshproj/.venv"
	assert_line "trust:  automatic activation may use it: it is in one of your env stores"
	# WORKON_HOME first, as before
	export WORKON_HOME=$T/workon
	realenv "$WORKON_HOME/zshenv"
	assert_equal "$(here "$T/zshproj")" "$WORKON_HOME/zshenv"
	# the config's stores line turns a home off
	mkdir -p "$HOME/.config/venvhook"
	echo 'stores = virtualfish' >"$HOME/.config/venvhook/config"
	rm -rf "$WORKON_HOME/zshenv"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	assert_equal "$stderr" "venvhook: $T/zshproj/.venv points to $WORKON_HOME/zshenv, which holds no pyvenv.cfg; not looking above it"
	assert_equal "$(here "$T/fishproj")" "$VIRTUALFISH_HOME/fishenv"
}

@test "a .venv file beside a Pipfile names an env in pipenv's store, as pipenv reads it" {
	# pipenv/utils/venv_locator.py get_location: a .venv file's name is
	# looked up in get_workon_home() ($XDG_DATA_HOME/virtualenvs).
	realenv "$HOME/.local/share/virtualenvs/shared-env"
	mkdir -p "$T/pp"
	printf '[packages]\n' >"$T/pp/Pipfile"
	printf 'shared-env\n' >"$T/pp/.venv"
	assert_equal "$(cd "$T/pp" && tool pipenv --venv 2>/dev/null)" "$HOME/.local/share/virtualenvs/shared-env"
	assert_equal "$(here "$T/pp")" "$HOME/.local/share/virtualenvs/shared-env"
	# and its other homes after it
	realenv "$HOME/.virtualenvs/shared-env"
	assert_equal "$(here "$T/pp")" "$HOME/.local/share/virtualenvs/shared-env"
	rm "$T/pp/Pipfile"
	assert_equal "$(here "$T/pp")" "$HOME/.virtualenvs/shared-env"
}

# --- envs the tools keep for themselves, and moved envs ---

@test "entering tox's, nox's, pipx's and uv's own envs says nothing and activates nothing" {
	vh_use_driver bash
	mkdir -p "$T/proj"
	printf '[tox]\nenvlist = py311\nskipsdist = true\n[testenv]\ncommands = python -c "pass"\n' >"$T/proj/tox.ini"
	printf 'import nox\n\n@nox.session\ndef lint(session):\n    pass\n' >"$T/proj/noxfile.py"
	local out
	out=$(cd "$T/proj" && tool tox -e py311 2>&1) || fail "tox: $out"
	out=$(cd "$T/proj" && tool nox -s lint 2>&1) || fail "nox: $out"
	[[ -f $T/proj/.tox/py311/pyvenv.cfg && -f $T/proj/.nox/lint/pyvenv.cfg ]] || fail "no tox or nox env"
	# pipx src/pipx/paths.py (pypa/pipx 9bb766c0): $PIPX_HOME/venvs/PACKAGE;
	# uv crates/uv-tool (astral-sh/uv 26a9dd4b): $UV_TOOL_DIR/PACKAGE
	export PIPX_HOME=$T/pipx UV_TOOL_DIR=$T/uvtools
	realenv "$PIPX_HOME/venvs/black"
	realenv "$UV_TOOL_DIR/ruff"
	session "cd proj/.tox/py311/lib" report "cd proj/.nox/lint" report "cd pipx/venvs/black/bin" report \
		"cd uvtools/ruff" report
	assert_inactive 1
	assert_inactive 2
	assert_inactive 3
	assert_inactive 4
	assert_equal "$stderr" ""
	# pipx's home on macOS: platformdirs' ~/Library/Application Support/pipx
	unset PIPX_HOME
	realenv "$HOME/Library/Application Support/pipx/venvs/httpie"
	VENVHOOK_TEST_PLATFORM=macos session "cd ../home/Library/Application Support/pipx/venvs/httpie" report
	assert_inactive 1
	assert_equal "$stderr" ""
	# status still says why not
	cd "$T/proj/.tox/py311"
	run "$VENVHOOK" status
	assert_line --partial "trust:  refused: venvhook did not see you make it"
	# an env of the same layout elsewhere is refused aloud, as before
	realenv "$T/other/black"
	session "cd other/black" report
	assert_inactive 1
	assert_stderr_contains "venvhook: not activating $T/other/black: it was already here when you arrived"
}

@test "an env moved from where it was made: activated, and one line says its scripts point elsewhere" {
	vh_use_driver bash
	/usr/bin/python3 -m venv "$T/old/.venv" || fail "python3 -m venv failed"
	[[ $(head -1 "$T/old/.venv/bin/pip") == "#!$T/old/.venv/bin/python"* ]] || fail "pip's first line: $(head -1 "$T/old/.venv/bin/pip")"
	mv "$T/old" "$T/new"
	allowed "$T/new/.venv"
	mkdir -p "$T/new/sub"
	session "cd new" report "cd new/sub" report "$PY_PREFIX"
	assert_active 1 "$T/new/.venv"
	assert_active 2 "$T/new/.venv"
	assert_line "prefix=$T/new/.venv"
	assert_equal "$(grep -c 'was made as' <<<"$stderr")" 1
	assert_stderr_contains "venvhook: $T/new/.venv was made as $T/old/.venv: its scripts (pip, ...) name that path's python and fail to run; recreate it ('python3 -m venv --clear $T/new/.venv', then install its packages again)"
	# an env where it was made says nothing of the kind
	/usr/bin/python3 -m venv "$T/fresh/.venv" || fail "python3 -m venv failed"
	allowed "$T/fresh/.venv"
	session "cd fresh" report
	assert_active 1 "$T/fresh/.venv"
	refute_stderr_contains "was made as"
}

# --- uv workspaces (astral-sh/uv 26a9dd4b2125bc271b47855e1fa0c49af3365db5,
# crates/uv-workspace/src/workspace.rs: Workspace::discover,
# find_workspace, is_included_in_workspace, WorkspaceExclusions,
# environment_selection), and the walk past the git root ---

# uv_workspace DIR: a workspace as `uv init` and `uv init packages/NAME`
# lay it out: the root's pyproject.toml with [tool.uv.workspace], members
# under packages/, one excluded, and the root's .venv (`uv sync`).
uv_workspace() {
	mkdir -p "$1/packages/a/src" "$1/packages/skip" "$1/other/b"
	printf '[project]\nname = "root"\nversion = "0.1.0"\n\n[tool.uv.workspace]\nmembers = ["packages/*", "./other/../other/*"]\nexclude = ["packages/skip"]\n' >"$1/pyproject.toml"
	: >"$1/uv.lock"
	local m
	for m in packages/a packages/skip other/b; do
		printf '[project]\nname = "%s"\nversion = "0.1.0"\n' "${m##*/}" >"$1/$m/pyproject.toml"
	done
	realenv "$1/.venv"
	allowed "$1/.venv"
}

@test "uv: a workspace member's own .venv is not uv's env: the workspace root's is" {
	vh_use_driver bash
	uv_workspace "$T/ws"
	# `uv venv` run inside members
	realenv "$T/ws/packages/a/.venv"
	realenv "$T/ws/packages/skip/.venv"
	realenv "$T/ws/other/b/.venv"
	allowed "$T/ws/packages/a/.venv" "$T/ws/packages/skip/.venv" "$T/ws/other/b/.venv"
	assert_equal "$(here "$T/ws/packages/a/src")" "$T/ws/.venv"
	assert_equal "$(here "$T/ws/other/b")" "$T/ws/.venv" # ./other/../other/* normalised
	assert_equal "$(here "$T/ws/packages/skip")" "$T/ws/packages/skip/.venv" # excluded
	assert_equal "$(here "$T/ws/packages")" "$T/ws/.venv"
	cd "$T/ws/packages/a"
	run "$VENVHOOK" status
	assert_line "here:   $T/ws/.venv: the env uv uses for the workspace of $T/ws/pyproject.toml (placed by a project setting: an in-project env)"
	run "$VENVHOOK" status --json
	assert_output --partial "\"rule\":\"uv\",\"from\":\"$T/ws/packages/a\",\"file\":\"$T/ws/pyproject.toml\","
	session "cd ws/packages/a/src" report "$PY_PREFIX"
	assert_active 1 "$T/ws/.venv"
	assert_line "prefix=$T/ws/.venv"
	# a project that is not a member keeps its own; the root without an
	# env: uv would make it there, so no env for the member
	sed -i 's|"packages/\*", ||' "$T/ws/pyproject.toml"
	assert_equal "$(here "$T/ws/packages/a")" "$T/ws/packages/a/.venv"
	sed -i 's|members = \[|members = ["packages/*", |' "$T/ws/pyproject.toml"
	rm -rf "$T/ws/.venv"
	mkenv "$T/.venv" # above everything: never taken instead
	assert_equal "$(here "$T/ws/packages/a")" none
	# UV_PROJECT_ENVIRONMENT is relative to the workspace root
	realenv "$T/ws/envs/uvenv"
	allowed "$T/ws/envs/uvenv"
	UV_PROJECT_ENVIRONMENT=envs/uvenv run here "$T/ws/packages/a"
	assert_output "$T/ws/envs/uvenv"
}

@test "uv past the git root: a member that is a git submodule, a submodule without a pyproject.toml of its own" {
	uv_workspace "$T/ws"
	git -C "$T/ws" init -q
	git -C "$T/ws/packages/a" init -q # a repository of its own, as a submodule is
	realenv "$T/ws/packages/a/.venv"
	allowed "$T/ws/packages/a/.venv"
	mkdir -p "$T/ws/vendor/lib/src"
	git -C "$T/ws/vendor/lib" init -q
	assert_equal "$(here "$T/ws/packages/a")" "$T/ws/.venv"
	assert_equal "$(here "$T/ws/vendor/lib/src")" "$T/ws/.venv"
	cd "$T/ws/vendor/lib/src"
	run "$VENVHOOK" status
	assert_line "here:   $T/ws/.venv: the env uv uses for the workspace of $T/ws/pyproject.toml (placed by a project setting: an in-project env)"
	assert_line "trust:  automatic activation may use it: you allowed it on $(date +%F)"
	# the same trust checks: an env git tracks up there is refused
	git -C "$T/ws" add .venv/pyvenv.cfg
	run "$VENVHOOK" status
	assert_line --partial "trust:  refused: git tracks other files in it than when you allowed it"
	git -C "$T/ws" rm -q --cached .venv/pyvenv.cfg
	# a project above that is not uv's (no uv.lock, no [tool.uv]): the walk ends at the root
	rm "$T/ws/uv.lock"
	printf '[project]\nname = "plain"\n' >"$T/ws/pyproject.toml"
	assert_equal "$(here "$T/ws/vendor/lib/src")" none
	run "$VENVHOOK" status
	assert_line "here:   none: no env from here up to $T/ws/vendor/lib, the git work-tree root"
}

@test "pyenv: a .python-version above the git root names the env of the repositories below it" {
	# pyenv libexec/pyenv-version-file (pyenv/pyenv bec9a562a59e): from
	# $PWD up to /, whatever repositories it passes.
	export PYENV_ROOT=$T/pyenv
	mkdir -p "$PYENV_ROOT/versions/3.11.2/bin"
	realenv "$PYENV_ROOT/versions/3.11.2/envs/work"
	ln -s "$PYENV_ROOT/versions/3.11.2/envs/work" "$PYENV_ROOT/versions/work"
	mkdir -p "$T/work/repo1/src" "$T/work/repo2"
	echo work >"$T/work/.python-version"
	git -C "$T/work/repo1" init -q
	git -C "$T/work/repo2" init -q
	assert_equal "$(here "$T/work/repo1/src")" "$PYENV_ROOT/versions/work"
	assert_equal "$(here "$T/work/repo2")" "$PYENV_ROOT/versions/work"
	# the nearest still decides: a plain interpreter in the repository is no env
	echo 3.11.2 >"$T/work/repo2/.python-version"
	assert_equal "$(here "$T/work/repo2")" none
	# and an env directory inside the repository comes first
	realenv "$T/work/repo1/.venv"
	allowed "$T/work/repo1/.venv"
	assert_equal "$(here "$T/work/repo1/src")" "$T/work/repo1/.venv"
}

# --- hatch (pypa/hatch ed8e30bebf98f2fe4d70c18a32a50a8160c391cb) ---

# hatch_env ROOT DATA: where src/hatch/env/virtual.py puts the default env
# of the project at ROOT (its real path) under DATA/env/virtual:
# NAME/ID/NAME, ID from src/hatch/utils/fs.py Path.id (the path
# case-folded on macOS: FOLD=1), NAME hatchling's normalize_project_name.
hatch_env() {
	FOLD=${FOLD:-0} /usr/bin/python3 -c 'import base64, hashlib, os, re, sys
root, data, name = os.path.realpath(sys.argv[1]), sys.argv[2], sys.argv[3]
if os.environ["FOLD"] == "1":
    root = root.casefold()
pid = base64.urlsafe_b64encode(hashlib.sha256(root.encode()).digest()).decode()[:8]
name = re.sub(r"[-_.]+", "-", name).lower()
print(f"{data}/env/virtual/{name}/{pid}/{name}")' "$1" "$2" "$3"
}

@test "hatch: the default env in hatch's data directory (Linux and macOS), HATCH_DATA_DIR, and its path option" {
	mkdir -p "$T/Hatch Proj"
	printf '[project]\nname = "My_Hatch.App"\nversion = "0.1"\n' >"$T/Hatch Proj/pyproject.toml"
	local env
	env=$(hatch_env "$T/Hatch Proj" "$HOME/.local/share/hatch" My_Hatch.App)
	realenv "$env"
	realenv "$T/Hatch Proj/.venv" # hatch does not use it
	allowed "$T/Hatch Proj/.venv"
	assert_equal "$(here "$T/Hatch Proj")" "$env"
	cd "$T/Hatch Proj"
	run "$VENVHOOK" status
	assert_line "here:   $env: the hatch env of $T/Hatch Proj/pyproject.toml"
	assert_line "trust:  automatic activation may use it: it is in one of your env stores"
	# platformdirs on macOS: ~/Library/Application Support/hatch, the path case-folded
	env=$(FOLD=1 hatch_env "$T/Hatch Proj" "$HOME/Library/Application Support/hatch" My_Hatch.App)
	realenv "$env"
	VENVHOOK_TEST_PLATFORM=macos run here "$T/Hatch Proj"
	assert_output "$env"
	# HATCH_DATA_DIR, as `hatch --data-dir` takes it
	env=$(hatch_env "$T/Hatch Proj" "$T/hatchdata" My_Hatch.App)
	realenv "$env"
	HATCH_DATA_DIR=$T/hatchdata run here "$T/Hatch Proj"
	assert_output "$env"
	# [tool.hatch.envs.default] path: the project's choice (an in-project env)
	printf '\n[tool.hatch.envs.default]\npath = ".hatch-env"\n' >>"$T/Hatch Proj/pyproject.toml"
	realenv "$T/Hatch Proj/.hatch-env"
	assert_equal "$(here "$T/Hatch Proj")" "$T/Hatch Proj/.hatch-env"
	run "$VENVHOOK" status
	assert_line "here:   $T/Hatch Proj/.hatch-env: the hatch env of $T/Hatch Proj/pyproject.toml (placed by a project setting: an in-project env)"
	assert_line --partial "trust:  refused: venvhook did not see you make it"
	# a path into one of the user's stores is still the project's choice:
	# it needs consent, as an in-project env does
	realenv "$HOME/.virtualenvs/mine"
	printf '[envs.default]\npath = "%s"\n' "$HOME/.virtualenvs/mine" >"$T/Hatch Proj/hatch.toml"
	run "$VENVHOOK" status
	assert_line "here:   $HOME/.virtualenvs/mine: the hatch env of $T/Hatch Proj/hatch.toml (placed by a project setting: an in-project env)"
	assert_line --partial "trust:  refused: venvhook did not see you make it"
	# hatch.toml's [envs.default] beats pyproject.toml's
	printf '[envs.default]\npath = "other"\n' >"$T/Hatch Proj/hatch.toml"
	realenv "$T/Hatch Proj/other"
	assert_equal "$(here "$T/Hatch Proj")" "$T/Hatch Proj/other"
	# another type of environment: not hatch's virtual env; the .venv then
	printf '[envs.default]\ntype = "conda"\n' >"$T/Hatch Proj/hatch.toml"
	assert_equal "$(here "$T/Hatch Proj")" "$T/Hatch Proj/.venv"
}

# pdm_hash DIR: pdm's hash_path of the directory's real path (the 8
# characters after its name in a venv pdm venv create names).
pdm_hash() {
	/usr/bin/python3 -c 'import base64, hashlib, os, sys
print(base64.urlsafe_b64encode(hashlib.md5(os.path.realpath(sys.argv[1]).encode()).digest()).decode()[:8])' "$1"
}

# hatch's and pdm's own config.toml (their config directory, or the file
# HATCH_CONFIG / PDM_CONFIG_FILE names): where each keeps its envs; one that
# cannot be parsed is refused with one line, and no env is then taken from
# the walk there, as for Poetry's (hatch: src/hatch/config/model.py, dirs.data; pdm:
# src/pdm/project/config.py, venv.location).
@test "hatch's and pdm's config files place their stores; a broken one is one line and no env" {
	mkdir -p "$T/hp" "$T/pp"
	printf '[project]\nname = "hp"\nversion = "0.1"\n' >"$T/hp/pyproject.toml"
	printf '[project]\nname = "pp"\nversion = "0.1"\n[tool.pdm]\n' >"$T/pp/pyproject.toml"
	local env
	env=$(hatch_env "$T/hp" "$T/hdata" hp)
	realenv "$env"
	printf '[dirs]\ndata = "%s"\n' "$T/hdata" >"$T/hatch.toml.cfg"
	HATCH_CONFIG=$T/hatch.toml.cfg run here "$T/hp"
	assert_output "$env"
	# the same file in hatch's own config directory
	mkdir -p "$HOME/.config/hatch"
	cp "$T/hatch.toml.cfg" "$HOME/.config/hatch/config.toml"
	assert_equal "$(here "$T/hp")" "$env"
	printf '[dirs\n' >"$HOME/.config/hatch/config.toml"
	cd "$T/hp"
	run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	assert_equal "$stderr" "venvhook: $HOME/.config/hatch/config.toml: line 1: ']' was expected to end a table header; so hatch's env is not looked for"
	rm "$HOME/.config/hatch/config.toml"
	# pdm: venv.location
	mkdir -p "$T/pdmvenvs"
	realenv "$T/pdmvenvs/pp-$(pdm_hash "$T/pp")-py3.11"
	printf '[venv]\nlocation = "%s"\n' "$T/pdmvenvs" >"$T/pdm.cfg"
	PDM_CONFIG_FILE=$T/pdm.cfg run here "$T/pp"
	assert_output "$T/pdmvenvs/pp-$(pdm_hash "$T/pp")-py3.11"
	printf '[venv\n' >"$T/pdm.cfg"
	cd "$T/pp"
	PDM_CONFIG_FILE=$T/pdm.cfg run --separate-stderr "$VENVHOOK" export bash
	assert_output ""
	assert_equal "$stderr" "venvhook: $T/pdm.cfg: line 1: ']' was expected to end a table header; so pdm's env is not looked for"
}

# --- pdm (pdm-project/pdm a7e9d0015b4d5ca5d1b0c558582f9bf41b2fdf54, and Debian's pdm 2.2.1) ---

pdm_tool() { tool PDM_CHECK_UPDATE=false "$@"; }

@test "pdm: the central venv pdm venv create makes, the interpreter pdm use saves (.pdm.toml, .pdm-python)" {
	mkdir -p "$T/pdmproj/src"
	printf '[project]\nname = "pdmproj"\nversion = "0.1.0"\nrequires-python = ">=3.11"\n' >"$T/pdmproj/pyproject.toml"
	local out venv
	out=$(cd "$T/pdmproj" && pdm_tool pdm config venv.in_project false 2>&1 && pdm_tool pdm venv create 2>&1) ||
		fail "pdm venv create: $out"
	venv=$(echo "$HOME"/.local/share/pdm/venvs/pdmproj-*)
	[[ -f $venv/pyvenv.cfg ]] || fail "pdm made no venv: $out"
	assert_equal "$(here "$T/pdmproj/src")" "$venv"
	# on macOS, platformdirs' ~/Library/Application Support/pdm/venvs
	local mac
	mac="$HOME/Library/Application Support/pdm/venvs/${venv##*/}"
	realenv "$mac"
	VENVHOOK_TEST_PLATFORM=macos run here "$T/pdmproj"
	assert_output "$mac"
	cd "$T/pdmproj"
	run "$VENVHOOK" status
	assert_line "here:   $venv: the pdm env of $T/pdmproj/pyproject.toml"
	assert_line "trust:  automatic activation may use it: it is in one of your env stores"
	# an in-project .venv comes first (iter_venvs)...
	realenv "$T/pdmproj/.venv"
	allowed "$T/pdmproj/.venv"
	assert_equal "$(here "$T/pdmproj")" "$T/pdmproj/.venv"
	# ...unless pdm use saved another interpreter: pdm 2.2's .pdm.toml
	out=$(cd "$T/pdmproj" && pdm_tool pdm use -f "$venv/bin/python" 2>&1) || fail "pdm use: $out"
	[[ -f $T/pdmproj/.pdm.toml ]] || fail "pdm use saved nothing"
	assert_equal "$(here "$T/pdmproj")" "$venv"
	run "$VENVHOOK" status
	assert_line "here:   $venv: the pdm env of $T/pdmproj/.pdm.toml"
	# current pdm's .pdm-python (src/pdm/project/core.py _saved_python) first
	printf '%s/.venv/bin/python\n' "$T/pdmproj" >"$T/pdmproj/.pdm-python"
	assert_equal "$(here "$T/pdmproj")" "$T/pdmproj/.venv"
	# a system interpreter saved: no env of pdm's, the ordinary rules
	printf '/usr/bin/python3\n' >"$T/pdmproj/.pdm-python"
	assert_equal "$(here "$T/pdmproj")" "$T/pdmproj/.venv"
	# a .pdm-python that names an env elsewhere brings no trust with it
	rm -rf "$T/pdmproj/.venv"
	realenv "$T/elsewhere"
	printf '%s/elsewhere/bin/python' "$T" >"$T/pdmproj/.pdm-python"
	run "$VENVHOOK" status
	assert_line "here:   $T/elsewhere: the pdm env of $T/pdmproj/.pdm-python"
	assert_line --partial "trust:  refused: venvhook did not see you make it"
}
