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
