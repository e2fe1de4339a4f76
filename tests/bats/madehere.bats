#!/usr/bin/env bats
# The made-here rule (core/trust/madeby.h; man venvhook, Made here) at a real
# terminal, in each shell with a prompt hook (nushell, xonsh and elvish: the
# walk's core, made_here_core): tmux types the lines, the
# screen is read back. An env the user's own command makes is on at the
# next prompt with no command; an archive's, unpacked at the prompt with
# its files stamped "now", is not, even when something on the same line
# then works on it. The tools are the real ones (python3 -m venv,
# virtualenv, Poetry, pipenv; pyenv's store by its layout). Every archive env's bin/ls leaves a mark,
# and `ls` is typed after each unpack: the teardown fails on a mark.

load helpers

setup() {
	vh_setup
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	command -v virtualenv >/dev/null || fail "virtualenv is needed (apt-get install python3-virtualenv)"
	command -v poetry >/dev/null || fail "Poetry is needed (apt-get install python3-poetry)"
	command -v pipenv >/dev/null || fail "pipenv is needed (apt-get install pipenv)"
	unset WORKON_HOME PIPENV_VENV_IN_PROJECT PIPENV_CUSTOM_VENV_NAME PIPENV_PYTHON
	export PIPENV_VERBOSITY=-1
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
	mkdir -p "$T/a" "$T/b" "$T/new" "$T/ve/d1" "$T/ve/d2" "$T/proj/src" "$T/store"
	# A server that builds the archive on request: every file stamped the
	# moment it is fetched, the env's bin/ls a marker.
	mkdir -p "$T/tpl/.venv/bin"
	printf 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\n' >"$T/tpl/.venv/pyvenv.cfg"
	printf '#!/bin/sh\necho "$0" >>"%s/EXECUTED"\n' "$T" >"$T/tpl/.venv/bin/ls"
	chmod +x "$T/tpl/.venv/bin/ls"
	printf '#!/bin/sh\nfind "%s/tpl" -exec touch {} +\nexec tar -C "%s/tpl" -cf - .venv\n' "$T" "$T" >"$T/serve"
	chmod +x "$T/serve"
	# a project that is no git repository, whose Poetry keeps its env in
	# the project (its own poetry.toml says so), and one whose Poetry env
	# goes to the user's store
	poetry_project "$T/proj" inproj
	printf '[virtualenvs]\nin-project = true\n' >"$T/proj/poetry.toml"
	poetry_project "$T/store" storeproj
	# a project whose pipenv env goes to the user's store, not made yet
	mkdir -p "$T/pip"
	printf '[packages]\n\n[requires]\n' >"$T/pip/Pipfile"
	# a pyenv-virtualenv env in the user's pyenv store, ~/.pyenv (pyenv is
	# no Debian package: pyenv-virtualenv makes a Python 3 env with python
	# -m venv, under versions/), and a directory without a .python-version
	/usr/bin/python3 -m venv --without-pip "$HOME/.pyenv/versions/myenv" || fail "python3 -m venv failed"
	mkdir -p "$T/pye"
}

teardown() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	refute_executed
}

# wait_slow TEXT: as wait_for, for a tool that may take long on a loaded
# machine (Poetry, virtualenv): polls for up to a minute.
wait_slow() {
	local i
	for ((i = 0; i < 600; i++)); do
		screen=$(tmux_screen)
		screen_has "$1" && return 0
		sleep 0.1
	done
	fail "never saw '$1' on the screen:
$screen"
}

# made_here_walk ECHO-VE [QUIET [ECHO-WENT]]: the same walk in each shell,
# which starts in $T; ECHO-VE is the shell's line that shows VIRTUAL_ENV as
# ve=[...], QUIET its redirection of both outputs to /dev/null, ECHO-WENT
# (a shell whose hook takes the region's shortcut) its line that shows
# __venvhook_went as went=[...].
made_here_walk() {
	local ve=$1 quiet=${2:->/dev/null 2>&1} went=${3-}
	wait_prompt 'READY>'
	# an archive whose files are stamped now, unpacked where the shell sits
	type_line 'cd a'
	wait_prompt 'READY>'
	type_line "$T/serve | tar x"
	wait_for "venvhook: not activating $T/a/.venv: it appeared with tar (an env that may have come with files unpacked, fetched, cloned, copied or moved is not taken as yours), and its bin/ would shadow ls; 'venvhook allow' trusts it"
	type_line 'ls'
	type_line "$ve"
	wait_for "ve=[]"
	# the same, run by env -iC DIR (a cluster whose last letter takes the
	# next word: madeby.c reads it as getopt does), then what a uv sync
	# does to it on the same line
	type_line 'cd ../b'
	wait_prompt 'READY>'
	type_line "$T/serve | env -iC . tar x && /usr/bin/python3 -m venv --without-pip .venv"
	wait_for "venvhook: not activating $T/b/.venv: it appeared with tar"
	type_line 'ls'
	# python3 -m venv where the shell sits
	type_line 'cd ../new'
	wait_prompt 'READY>'
	type_line '/usr/bin/python3 -m venv --without-pip .venv'
	wait_for "venvhook: activated new (.venv; made here: yours from now on)"
	type_line "$ve"
	wait_for "ve=[$T/new/.venv]"
	# in a subdirectory, then cd there on the same line
	type_line 'cd ..'
	wait_for "venvhook: deactivated new"
	type_line '/usr/bin/python3 -m venv --without-pip sub/.venv && cd sub'
	wait_for "venvhook: activated sub (.venv; made here: yours from now on)"
	# virtualenv
	type_line 'cd ../ve'
	wait_for "venvhook: deactivated sub"
	type_line 'virtualenv -q .venv'
	wait_slow "venvhook: activated ve (.venv; made here: yours from now on)"
	type_line "$ve"
	wait_for "ve=[$T/ve/.venv]"
	local made=4 back=..
	if [[ -n $went ]]; then
		# a cd inside the project by the region's shortcut (no export: the
		# hook shows where it went), then an env made there: the watch and
		# the lines moved with the shell (core/trust/watch.h)
		region_settled
		type_line 'cd d1'
		type_line 'cd ../d2'
		type_line "$went"
		wait_for "went=[$T/ve/d2]"
		type_line '/usr/bin/python3 -m venv --without-pip .venv'
		wait_for "venvhook: activated d2 (.venv; made here: yours from now on)"
		type_line "$ve"
		wait_for "ve=[$T/ve/d2/.venv]"
		made=5 back=../..
	fi
	# Poetry, run from src/ of a project git does not hold, makes .venv at
	# the project's root
	type_line "cd $back/proj/src"
	wait_for "venvhook: deactivated"
	type_line "poetry env use /usr/bin/python3 $quiet"
	type_line "$ve"
	wait_slow "ve=[$T/proj/.venv]"
	assert_equal "$(grep -c 'made here: yours from now on' <<<"$screen")" "$made"
	# Poetry's env in the user's store
	type_line 'cd ../../store'
	wait_prompt 'READY>'
	type_line "poetry env use /usr/bin/python3 $quiet"
	type_line "$ve"
	wait_slow "ve=[$HOME/.cache/pypoetry/virtualenvs/storeproj-"
	# pipenv's env in the user's store, which its first env makes
	type_line 'cd ../pip'
	wait_prompt 'READY>'
	type_line "pipenv --python /usr/bin/python3 $quiet"
	type_line "$ve"
	wait_slow "ve=[$HOME/.local/share/virtualenvs/pip-"
	# pyenv: `pyenv local myenv` writes the name to .python-version where
	# the shell sits; the hook watches for that file (stores.h,
	# vh_stores_finish), and the env it names is the user's by location
	type_line 'cd ../pye'
	wait_prompt 'READY>'
	type_line 'echo myenv > .python-version'
	type_line "$ve"
	wait_for "ve=[$HOME/.pyenv/versions/myenv]"
	run find "$T" -name PWNED
	assert_output ""
}

@test "bash at a terminal: envs your commands make are on at the next prompt; an archive's is not" {
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init bash)"\n' >"$HOME/.bashrc"
	tmux_start 250 bash --rcfile "$HOME/.bashrc" -i
	made_here_walk 'echo "ve=[${VIRTUAL_ENV-}]"' '' 'echo "went=[${__venvhook_went-}]"'
}

@test "zsh at a terminal: envs your commands make are on at the next prompt; an archive's is not" {
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init zsh)"\n' >"$HOME/.zshrc"
	tmux_start 250 env ZDOTDIR="$HOME" zsh -i
	made_here_walk 'echo "ve=[${VIRTUAL_ENV-}]"' '' 'echo "went=[${__venvhook_went-}]"'
}

@test "fish at a terminal: envs your commands make are on at the next prompt; an archive's is not" {
	mkdir -p "$HOME/.config/fish"
	printf '%s\n' "set -g fish_greeting" "function fish_prompt; echo -n 'READY> '; end" \
		'"$VENVHOOK" init fish | source' >"$HOME/.config/fish/config.fish"
	tmux_start 250 env XDG_CONFIG_HOME="$HOME/.config" fish -i
	made_here_walk 'echo "ve=[$VIRTUAL_ENV]"' '' 'echo "went=[$__venvhook_went]"'
}

@test "tcsh at a terminal: envs your commands make are on at the next prompt; an archive's is not" {
	printf '%s\n' "set prompt = 'READY> '" 'eval "`$VENVHOOK:q init tcsh`"' >"$HOME/.tcshrc"
	tmux_start 250 tcsh -i
	made_here_walk 'echo "ve=[`printenv VIRTUAL_ENV`]"' '>& /dev/null' 'echo "went=[$__venvhook_went]"'
}

@test "ksh93 at a terminal: envs your commands make are on at the next prompt; an archive's is not" {
	printf '%s\n' "PS1='READY> '" 'eval "$("$VENVHOOK" init ksh93)"' >"$HOME/.kshrc"
	tmux_start 250 "${VH_KSH93:-ksh93}" -i
	made_here_walk 'print -r -- "ve=[${VIRTUAL_ENV-}]"' '' 'print -r -- "went=[${__venvhook_went-}]"'
}

@test "mksh at a terminal: envs your commands make are on at the next prompt; an archive's is not" {
	printf '%s\n' "PS1='READY> '" 'eval "$("$VENVHOOK" init mksh)"' >"$HOME/.mkshrc"
	tmux_start 250 "${VH_MKSH:-mksh}" -i
	made_here_walk 'print -r -- "ve=[${VIRTUAL_ENV-}]"' '' 'print -r -- "went=[${__venvhook_went-}]"'
}

# made_here_core PRINT-VE LS THEN TAR [PRINT-WENT]: the walk's core in a
# shell whose hook hands export its lines from its own pre-command hook
# (nushell's pre_execution, xonsh's on_precommand, elvish's
# edit:after-readline), which starts in $T: an archive unpacked at the
# prompt, then the same with an env made on its line (THEN: the shell's
# way to run a command after another; TAR: its own way to run the program
# tar), are not on; python3 -m venv at the prompt is, with the interpreter
# the user gets; and in a subdirectory with a cd on its line. LS runs the
# program ls (an archive env's bin/ls would leave its mark). PRINT-WENT
# (a shell whose hook takes the region's shortcut) shows __venvhook_went
# as went=[...].
made_here_core() {
	local ve=$1 ls=$2 then=$3 tar=$4 went=${5-} made=2
	wait_prompt 'READY>'
	type_line 'cd a'
	wait_prompt 'READY>'
	type_line "$T/serve | tar x"
	wait_for "venvhook: not activating $T/a/.venv: it appeared with tar (an env that may have come with files unpacked, fetched, cloned, copied or moved is not taken as yours), and its bin/ would shadow ls; 'venvhook allow' trusts it"
	type_line "$ls"
	type_line "$ve"
	wait_for "ve=[]"
	type_line 'cd ../b'
	wait_prompt 'READY>'
	type_line "$T/serve | $tar x $then /usr/bin/python3 -m venv --without-pip .venv"
	wait_for "venvhook: not activating $T/b/.venv: it appeared with tar"
	type_line "$ls"
	type_line 'cd ../new'
	wait_prompt 'READY>'
	type_line '/usr/bin/python3 -m venv --without-pip .venv'
	wait_for "venvhook: activated new (.venv; made here: yours from now on)"
	type_line "$ve"
	wait_for "ve=[$T/new/.venv]"
	type_line "python3 -c \"import sys; print('prefix=[' + sys.prefix + ']')\""
	wait_for "prefix=[$T/new/.venv]"
	type_line 'cd ..'
	wait_for "venvhook: deactivated new"
	type_line "/usr/bin/python3 -m venv --without-pip sub/.venv $then cd sub"
	wait_for "venvhook: activated sub (.venv; made here: yours from now on)"
	type_line "$ve"
	wait_for "ve=[$T/sub/.venv]"
	if [[ -n $went ]]; then
		# into a project, then two cds inside it by the region's shortcut
		# (no export: the hook shows where it went), then an env made
		# there: the watch and the lines moved with the shell
		# (core/trust/watch.h)
		mkenv "$T/ve/.venv"
		region_settled
		type_line 'cd ../ve'
		wait_for "venvhook: activated ve (.venv)"
		type_line 'cd d1'
		type_line 'cd ../d2'
		type_line "$went"
		wait_for "went=[$T/ve/d2]"
		type_line '/usr/bin/python3 -m venv --without-pip .venv'
		wait_for "venvhook: activated d2 (.venv; made here: yours from now on)"
		type_line "$ve"
		wait_for "ve=[$T/ve/d2/.venv]"
		made=3
	fi
	assert_equal "$(grep -c 'made here: yours from now on' <<<"$screen")" "$made"
	# (new and sub only, and ve and d2)
	assert_equal "$(grep -c 'venvhook: activated' <<<"$screen")" "$((made == 2 ? 2 : 4))"
	run find "$T" -name PWNED
	assert_output ""
}

@test "nu at a terminal: an env your command makes is on at the next prompt; an archive's is not" {
	vh_skip_uninstalled nu
	mkdir -p "$HOME/.config/nushell"
	printf '^$env.VENVHOOK init nu | save -f ~/.venvhook.nu\n' >"$HOME/.config/nushell/env.nu"
	printf '%s\n' '$env.config.show_banner = false' '$env.PROMPT_COMMAND = {|| "READY> " }' \
		'$env.PROMPT_COMMAND_RIGHT = ""' '$env.PROMPT_INDICATOR = ""' \
		'source ~/.venvhook.nu' 'source ~/.venvhook.nu' >"$HOME/.config/nushell/config.nu"
	tmux_start 250 env XDG_CONFIG_HOME="$HOME/.config" "$VH_NU" --no-history
	made_here_core 'print $"ve=[($env.VIRTUAL_ENV?)]"' '^ls' ';' '^tar' \
		'print $"went=[($env.__venvhook_state.__venvhook_went)]"'
}

@test "xonsh at a terminal: an env your command makes is on at the next prompt; an archive's is not" {
	vh_skip_uninstalled xonsh
	printf '%s\n' '$PROMPT = "READY> "' '$RIGHT_PROMPT = ""' '$BOTTOM_TOOLBAR = ""' \
		"exec(compile(__import__('subprocess').check_output([\$VENVHOOK, 'init', 'xonsh']), 'venvhook', 'exec'))" \
		"exec(compile(__import__('subprocess').check_output([\$VENVHOOK, 'init', 'xonsh']), 'venvhook', 'exec'))" \
		>"$HOME/.xonshrc"
	tmux_start 250 "$VH_XONSH" --rc "$HOME/.xonshrc" -i
	made_here_core 'echo @("ve=[%s]" % ${...}.get("VIRTUAL_ENV", ""))' 'ls' '&&' 'tar'
}

@test "elvish at a terminal: an env your command makes is on at the next prompt; an archive's is not" {
	vh_skip_uninstalled elvish
	mkdir -p "$HOME/.config/elvish" "$HOME/.run"
	printf '%s\n' 'set edit:prompt = { put "READY> " }' 'set edit:rprompt = { put "" }' \
		'eval ((external $E:VENVHOOK) init elvish | slurp)' \
		'eval ((external $E:VENVHOOK) init elvish | slurp)' >"$HOME/.config/elvish/rc.elv"
	tmux_start 250 env XDG_CONFIG_HOME="$HOME/.config" XDG_RUNTIME_DIR="$HOME/.run" "$VH_ELVISH"
	made_here_core "echo 've=['\$E:VIRTUAL_ENV']'" 'ls' ';' 'e:tar'
}

# conda_tools: stand-ins for conda and pixi, which are no Debian packages,
# in $T/tools: each lays its env out as the tool does, by mkconda's layout
# (tests/bats/helpers.bash: conda-meta/history as History.write_head
# writes it, conda/history.py at conda
# 0f64223fb8da4328457a69fe6483959dbb783152; bin/python3 a symlink to the
# system's interpreter, never written through; an etc/conda/activate.d
# script that leaves a mark if anything runs it). conda create -p PREFIX
# makes PREFIX (add_parser_prefix, conda/cli/helpers.py); pixi install
# makes .pixi/envs/default beside the manifest it finds from the directory
# it runs in, nearest first (crates/pixi_consts/src/consts.rs; the history
# create_history_file writes, crates/pixi_core/src/environment/
# conda_metadata.rs, at pixi 2b25fc76dd3b5cc50a235387d948474975c40d73).
# Also an archive server like $T/serve whose env is a conda prefix (its
# bin/ls leaves a mark).
conda_tools() {
	mkdir -p "$T/tools" "$T/ctpl"
	cat >"$T/tools/lay" <<SH
#!/bin/sh
# lay PREFIX HISTORY
mkdir -p "\$1/conda-meta" "\$1/bin" "\$1/etc/conda/activate.d" &&
	printf '%s' "\$2" >"\$1/conda-meta/history" &&
	ln -s /usr/bin/python3 "\$1/bin/python3" &&
	printf '#!/bin/sh\necho "\$0" >>"%s/EXECUTED"\n' "$T" >"\$1/etc/conda/activate.d/marker.sh"
SH
	cat >"$T/tools/conda" <<SH
#!/bin/sh
# conda run [OPTIONS] CMD...: as argparse reads run's options
# (conda/cli/main_run.py), --na shortened from --name as it allows
if [ "\$1" = run ]; then
	shift
	while :; do
		case \$1 in
		--) shift; break ;;
		-n|--name|--na|-p|--prefix|--cwd) shift 2 ;;
		-*) shift ;;
		*) break ;;
		esac
	done
	exec "\$@"
fi
# conda create [-y] -p PREFIX | --prefix PREFIX | --prefix=PREFIX SPECS...
p=
while [ \$# -gt 0 ]; do
	case \$1 in
	-p|--prefix) p=\$2; shift ;;
	--prefix=*) p=\${1#--prefix=} ;;
	esac
	shift
done
[ -n "\$p" ] || { echo "conda stand-in: no -p" >&2; exit 2; }
exec "$T/tools/lay" "\$p" "==> 2026-01-01 00:00:00 <==
# cmd: conda create -p \$p python=3.11
# conda version: 25.1.0
"
SH
	cat >"$T/tools/pixi" <<SH
#!/bin/sh
# pixi install: the nearest pixi.toml from here up
d=\$(pwd)
while [ ! -f "\$d/pixi.toml" ]; do
	[ "\$d" != / ] || { echo "pixi stand-in: no pixi.toml" >&2; exit 2; }
	d=\$(dirname "\$d")
done
exec "$T/tools/lay" "\$d/.pixi/envs/default" '// not relevant for pixi but for \`conda run -p\`'
SH
	chmod +x "$T/tools/lay" "$T/tools/conda" "$T/tools/pixi"
	"$T/tools/lay" "$T/ctpl/.conda" '==> 2026-01-01 00:00:00 <=='
	printf '#!/bin/sh\necho "$0" >>"%s/EXECUTED"\n' "$T" >"$T/ctpl/.conda/bin/ls"
	chmod +x "$T/ctpl/.conda/bin/ls"
	printf '#!/bin/sh\nfind "%s/ctpl" -exec touch {} +\nexec tar -C "%s/ctpl" -cf - .conda\n' "$T" "$T" >"$T/serve-conda"
	chmod +x "$T/serve-conda"
	mkdir -p "$T/cproj/src" "$T/pproj/src" "$T/carch"
	# a project whose environment.yml is conda's (its root: the watch's)
	printf 'channels:\n  - conda-forge\ndependencies:\n  - python=3.11\n' >"$T/cproj/environment.yml"
	printf '[workspace]\nname = "pix ws"\nchannels = ["conda-forge"]\nplatforms = ["linux-64"]\n' >"$T/pproj/pixi.toml"
}

# conda_made_walk: the same walk in each shell, which starts in $T. conda
# create -p run from src/ makes the project's .conda, and pixi install from
# src/ its .pixi/envs/default: each on at the next prompt, with no cd
# (the hook watches both, at here and at the project's root), with the
# interpreter the user gets; a conda prefix unpacked at the prompt is not.
conda_made_walk() {
	local show="sh -c 'echo \"cp=[\$CONDA_PREFIX] cde=[\$CONDA_DEFAULT_ENV]\"'"
	wait_prompt 'READY>'
	type_line 'cd cproj/src'
	wait_prompt 'READY>'
	type_line "$T/tools/conda create -y -p ../.conda python=3.11"
	wait_for "venvhook: activated cproj (.conda; made here: yours from now on)"
	type_line "$show"
	wait_for "cp=[$T/cproj/.conda] cde=[$T/cproj/.conda]"
	type_line "$EXE_LINE"
	wait_for "exe=$T/cproj/.conda/bin/python3"
	type_line 'cd ../../pproj/src'
	wait_for "venvhook: deactivated cproj"
	wait_prompt 'READY>'
	type_line "$T/tools/pixi install"
	wait_for "venvhook: activated pproj (default; made here: yours from now on)"
	type_line "$show"
	wait_for "cp=[$T/pproj/.pixi/envs/default] cde=[pix ws]"
	type_line "$EXE_LINE"
	wait_for "exe=$T/pproj/.pixi/envs/default/bin/python3"
	type_line 'cd ../../carch'
	wait_for "venvhook: deactivated pproj"
	wait_prompt 'READY>'
	type_line "$T/serve-conda | tar x"
	wait_for "venvhook: not activating $T/carch/.conda: it appeared with tar (an env that may have come with files unpacked, fetched, cloned, copied or moved is not taken as yours), and its bin/ would shadow ls; 'venvhook allow' trusts it"
	type_line 'ls'
	type_line "$show"
	wait_for "cp=[] cde=[]"
	assert_equal "$(grep -c 'made here: yours from now on' <<<"$screen")" 2
}

@test "bash at a terminal: conda create -p and pixi install, run from src/, are on at the next prompt; an unpacked prefix is not" {
	conda_tools
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init bash)"\n' >"$HOME/.bashrc"
	tmux_start 250 bash --rcfile "$HOME/.bashrc" -i
	conda_made_walk
}

@test "zsh at a terminal: conda create -p and pixi install, run from src/, are on at the next prompt; an unpacked prefix is not" {
	conda_tools
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init zsh)"\n' >"$HOME/.zshrc"
	tmux_start 250 env ZDOTDIR="$HOME" zsh -i
	conda_made_walk
}

@test "fish at a terminal: conda create -p and pixi install, run from src/, are on at the next prompt; an unpacked prefix is not" {
	conda_tools
	mkdir -p "$HOME/.config/fish"
	printf '%s\n' "set -g fish_greeting" "function fish_prompt; echo -n 'READY> '; end" \
		'"$VENVHOOK" init fish | source' >"$HOME/.config/fish/config.fish"
	tmux_start 250 env XDG_CONFIG_HOME="$HOME/.config" fish -i
	conda_made_walk
}

@test "tcsh at a terminal: conda create -p and pixi install, run from src/, are on at the next prompt; an unpacked prefix is not" {
	conda_tools
	printf '%s\n' "set prompt = 'READY> '" 'eval "`$VENVHOOK:q init tcsh`"' >"$HOME/.tcshrc"
	tmux_start 250 tcsh -i
	conda_made_walk
}

@test "ksh93 at a terminal: conda create -p and pixi install, run from src/, are on at the next prompt; an unpacked prefix is not" {
	conda_tools
	printf '%s\n' "PS1='READY> '" 'eval "$("$VENVHOOK" init ksh93)"' >"$HOME/.kshrc"
	tmux_start 250 "${VH_KSH93:-ksh93}" -i
	conda_made_walk
}

@test "mksh at a terminal: conda create -p and pixi install, run from src/, are on at the next prompt; an unpacked prefix is not" {
	conda_tools
	printf '%s\n' "PS1='READY> '" 'eval "$("$VENVHOOK" init mksh)"' >"$HOME/.mkshrc"
	tmux_start 250 "${VH_MKSH:-mksh}" -i
	conda_made_walk
}

# copy_link_walk: a copy through the project's own symlink (data -> .),
# ln with one operand, and a copy after a cd that fails, in the shells
# that type export (starts in $T):
# the env a maker made is then another's files, where the copy's text
# names no env (madeby.c: real_dest; ln TARGET links TARGET's last name
# here). The downloaded env was unpacked before the shell started.
copy_link_walk() {
	mkdir -p "$T/dl/ds" "$T/dl/ds2" "$T/sym" "$T/lnk" "$T/fail" "$T/gone"
	"$T/serve" | tar -C "$T/dl/ds" -x
	ln -s . "$T/sym/data"
	wait_prompt 'READY>'
	type_line 'cd sym'
	wait_prompt 'READY>'
	type_line "/usr/bin/python3 -m venv --without-pip .venv && cp -r $T/dl/ds/. data/"
	wait_for "venvhook: not activating $T/sym/.venv: it appeared with cp"
	type_line 'ls'
	type_line 'cd ../lnk'
	wait_prompt 'READY>'
	# (an env a browser unpacks meanwhile: its files are newer than the
	# last export, and no line names what brought them, so only the reading
	# of ln tells)
	"$T/serve" | tar -C "$T/dl/ds2" -x
	type_line "/usr/bin/python3 -m venv --without-pip .venv && rm -r .venv && ln -s $T/dl/ds2/.venv"
	wait_for "venvhook: not activating $T/lnk/.venv: it appeared with ln"
	type_line 'ls'
	# a cd that fails leaves the shell where it was: the copy after it
	# lands in the project
	type_line 'cd ../fail'
	wait_prompt 'READY>'
	type_line "/usr/bin/python3 -m venv --without-pip .venv; cd build; cp -r $T/dl/ds/. ."
	wait_for "venvhook: not activating $T/fail/.venv: it appeared with cp"
	type_line 'ls'
	# one into a directory gone by the next prompt (builtin cd: no hook
	# runs mid-line)
	type_line 'cd ../gone'
	wait_prompt 'READY>'
	type_line "/usr/bin/python3 -m venv --without-pip .venv && mkdir b && builtin cd b && cp -r $T/dl/ds/. ../.venv/ && builtin cd .. && rmdir b"
	wait_for "venvhook: not activating $T/gone/.venv: it appeared with cp"
	type_line 'ls'
	wait_prompt 'READY>'
	[[ $screen != *"made here: yours"* ]] || fail "an env was taken as made here:
$screen"
}

@test "bash at a terminal: a copy through the project's data -> ., ln -s TARGET, a cd that fails: not made here" {
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init bash)"\n' >"$HOME/.bashrc"
	tmux_start 250 bash --rcfile "$HOME/.bashrc" -i
	copy_link_walk
}

@test "zsh at a terminal: a copy through the project's data -> ., ln -s TARGET, a cd that fails: not made here" {
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init zsh)"\n' >"$HOME/.zshrc"
	tmux_start 250 env ZDOTDIR="$HOME" zsh -i
	copy_link_walk
}

# conda_closed_walk: lines venvhook cannot take as making the env, in the
# shells that type export (starts in $T). A tar that conda run runs after
# an option venvhook does not know (argparse's --na for --name: its value
# could have been the command) makes the lines unreadable; pixi install
# run in a nested project (pnest/inner, its own pixi.toml) installs the
# inner project's env, not the outer one that appeared beside it; and with
# PIXI_NO_INSTALL set pixi installs nothing (crates/pixi_cli/src/
# cli_config.rs, NoInstallConfig, at pixi 2b25fc76), so an env that
# appears is not its own.
conda_closed_walk() {
	local show="sh -c 'echo \"cp=[\$CONDA_PREFIX] cde=[\$CONDA_DEFAULT_ENV]\"'"
	"$T/serve-conda" >"$T/c.tar"
	mkdir -p "$T/cl1" "$T/pnest/inner/src" "$T/pnoi"
	cp "$T/pproj/pixi.toml" "$T/pnest/"
	cp "$T/pproj/pixi.toml" "$T/pnest/inner/"
	cp "$T/pproj/pixi.toml" "$T/pnoi/"
	wait_prompt 'READY>'
	type_line 'cd cl1'
	wait_prompt 'READY>'
	type_line "$T/tools/conda create -y -p .conda python=3.11 && $T/tools/conda run --na base tar xf $T/c.tar"
	wait_for "venvhook: not activating $T/cl1/.conda: it appeared after a command venvhook cannot read"
	type_line 'ls'
	type_line 'cd ../pnest'
	wait_prompt 'READY>'
	type_line "(cd inner/src && $T/tools/pixi install); $T/tools/lay .pixi/envs/default x"
	wait_for "venvhook: not activating $T/pnest/.pixi/envs/default: it appeared, but not from a command venvhook knows to make envs"
	type_line 'export PIXI_NO_INSTALL=1'
	type_line 'cd ../pnoi'
	wait_prompt 'READY>'
	type_line "$T/tools/pixi install"
	wait_for "venvhook: not activating $T/pnoi/.pixi/envs/default: it appeared, but not from a command venvhook knows to make envs"
	type_line "$show"
	wait_for "cp=[] cde=[]"
	[[ $screen != *"made here: yours"* ]] || fail "an env was taken as made here:
$screen"
}

@test "bash at a terminal: conda run --na's tar, pixi install in a nested project, pixi install with PIXI_NO_INSTALL: not made here" {
	conda_tools
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init bash)"\n' >"$HOME/.bashrc"
	tmux_start 250 bash --rcfile "$HOME/.bashrc" -i
	conda_closed_walk
}

@test "zsh at a terminal: conda run --na's tar, pixi install in a nested project, pixi install with PIXI_NO_INSTALL: not made here" {
	conda_tools
	printf 'PS1="READY> "\neval "$("$VENVHOOK" init zsh)"\n' >"$HOME/.zshrc"
	tmux_start 250 env ZDOTDIR="$HOME" zsh -i
	conda_closed_walk
}

# conda_deactivate_walk RC: conda deactivate typed over the conda prefix
# venvhook activated, in a shell whose rc (RC, then venvhook's init line)
# has conda's base on and a conda function that does what conda's
# deactivate has the shell do for a prefix stacked on base (_deactivate in
# conda/activate.py at conda 0f64223fb8da4328457a69fe6483959dbb783152: the
# prefix's bin/ off PATH, CONDA_PREFIX_1 back as CONDA_PREFIX, the level
# one down; VIRTUAL_ENV, which conda does not know, left). The prefix stays
# off, in its project, as venvhook's own deactivate leaves it, until the
# shell leaves the project.
conda_deactivate_rc() {
	mkdir -p "$T/base/bin" "$T/base/conda-meta" "$T/base/condabin"
	: >"$T/base/conda-meta/history"
	: >"$T/base/condabin/conda"
	cat <<RC
export PATH="$T/base/bin:\$PATH" CONDA_PREFIX="$T/base" CONDA_EXE="$T/base/bin/conda" CONDA_SHLVL=1 CONDA_DEFAULT_ENV=base CONDA_PROMPT_MODIFIER='(base) '
conda() {
	[ "\$1" = deactivate ] || return 2
	r="\$PATH:" n=
	while [ -n "\$r" ]; do
		p=\${r%%:*} r=\${r#*:}
		[ "\$p" = "\$CONDA_PREFIX/bin" ] || n=\${n:+\$n:}\$p
	done
	PATH=\$n
	export CONDA_PREFIX="\$CONDA_PREFIX_1" CONDA_SHLVL=\$((CONDA_SHLVL - 1)) CONDA_DEFAULT_ENV=base CONDA_PROMPT_MODIFIER='(base) '
	unset CONDA_PREFIX_1 CONDA_STACKED_2
}
RC
}

conda_deactivate_walk() {
	local show="sh -c 'case :\$PATH: in *\"/.conda/bin:\"*) o=ON;; *) o=OFF;; esac; echo \"\$o ve=[\$VIRTUAL_ENV] cp=[\$CONDA_PREFIX] lvl=[\$CONDA_SHLVL]\"'"
	wait_prompt 'READY>'
	type_line 'cd cproj/src'
	wait_prompt 'READY>'
	type_line "$T/tools/conda create -y -p ../.conda python=3.11"
	wait_for "venvhook: activated cproj (.conda; made here: yours from now on)"
	type_line "$show"
	wait_for "ON ve=[$T/cproj/.conda] cp=[$T/cproj/.conda] lvl=[2]"
	type_line 'conda deactivate'
	wait_prompt 'READY>'
	type_line "$show"
	wait_for "OFF ve=[] cp=[$T/base] lvl=[1]"
	type_line 'cd ..'
	wait_prompt 'READY>'
	type_line "$show"
	wait_count "OFF ve=[] cp=[$T/base] lvl=[1]" 2
	type_line 'cd .. && cd cproj'
	wait_count "venvhook: activated cproj" 2
	type_line "$show"
	wait_count "ON ve=[$T/cproj/.conda] cp=[$T/cproj/.conda] lvl=[2]" 2
}

@test "bash at a terminal: conda deactivate typed over venvhook's conda prefix keeps it off in its project" {
	conda_tools
	{ conda_deactivate_rc; printf 'PS1="READY> "\neval "$("$VENVHOOK" init bash)"\n'; } >"$HOME/.bashrc"
	tmux_start 250 bash --rcfile "$HOME/.bashrc" -i
	conda_deactivate_walk
}

@test "zsh at a terminal: conda deactivate typed over venvhook's conda prefix keeps it off in its project" {
	conda_tools
	{ conda_deactivate_rc; printf 'PS1="READY> "\neval "$("$VENVHOOK" init zsh)"\n'; } >"$HOME/.zshrc"
	tmux_start 250 env ZDOTDIR="$HOME" zsh -i
	conda_deactivate_walk
}
