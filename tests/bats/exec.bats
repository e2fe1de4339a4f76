#!/usr/bin/env bats
# venvhook exec and venvhook which (issue 27): the env of a directory for a
# process of its own, run from this non-interactive process with no hook
# loaded, with real envs (python3 -m venv; Poetry's and pipenv's made by the
# tools), checking the interpreter they run (sys.prefix). The recipes of
# doc/recipes.md are run as written there.

load helpers

setup() {
	vh_setup
	export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
	export GIT_CONFIG_NOSYSTEM=1
	# `venvhook` on PATH, as installed: the recipes and #! lines name it
	mkdir -p "$T/bin"
	ln -s "$VENVHOOK" "$T/bin/venvhook"
	export PATH=$T/bin:$BASE_PATH
}

# py [EXEC-ARGS...]: python3 through venvhook exec, printing prefix= and cwd=.
py() {
	run --separate-stderr "$VENVHOOK" exec "$@" -- python3 -c \
		'import os, sys; print("prefix=" + sys.prefix); print("cwd=" + os.getcwd())'
}

# marker: $T/mark, a program that leaves $T/RAN when it runs.
marker() {
	printf '#!/bin/sh\necho "$@" >"%s/RAN"\n' "$T" >"$T/mark"
	chmod +x "$T/mark"
}

# recipe NAME: the code block after <!-- recipe NAME --> in doc/recipes.md.
recipe() {
	awk -v want="<!-- recipe $1 -->" '
		$0 == want { found = 1; next }
		found == 1 && /^```/ { found = 2; next }
		found == 2 && /^```/ { exit }
		found == 2 { print }' "$VH_SRCDIR/doc/recipes.md" | grep . || fail "no recipe $1 in doc/recipes.md"
}

@test "exec: python3 runs in DIR's env, made at a real prompt, allowed, or found from a subdirectory; -C runs it there" {
	vh_use_driver bash
	export PATH=$T/bin:$BASE_PATH
	mkdir -p "$T/made/src"
	# made at an interactive bash with the hook: recorded as the user's
	session "cd made" "run /usr/bin/python3 -m venv --without-pip .venv" report
	assert_success
	assert_active 1 "$T/made/.venv" "$T/bin:$BASE_PATH"
	realenv "$T/allowed/.venv"
	allowed "$T/allowed"
	mkdir -p "$T/allowed/src/deep"
	cd /
	py -C "$T/made/src"
	assert_success
	assert_output "prefix=$T/made/.venv
cwd=$T/made/src"
	py -C "$T/allowed/src/deep"
	assert_success
	assert_output "prefix=$T/allowed/.venv
cwd=$T/allowed/src/deep"
	# no -C: the current directory's env, and it stays the current directory
	cd "$T/allowed/src"
	py
	assert_success
	assert_output "prefix=$T/allowed/.venv
cwd=$T/allowed/src"
	# a relative -C, from a PWD through a symlink: PWD keeps it, as a
	# shell's cd does, and the walk goes up the path as the hook's does;
	# the variables the hook sets, a caller's PYTHONHOME unset
	ln -s "$T/allowed" "$T/link"
	cd "$T/link/src"
	run --separate-stderr env PYTHONHOME=/nowhere "$VENVHOOK" exec -C ./deep/. -- "$VH_DUMPENV" \
		PWD VIRTUAL_ENV VIRTUAL_ENV_PROMPT PYTHONHOME __VENVHOOK_ENV __VENVHOOK_PYTHONHOME PATH
	assert_success
	assert_output "PWD=$T/link/src/deep
VIRTUAL_ENV=$T/link/.venv
VIRTUAL_ENV_PROMPT=link
PYTHONHOME unset
__VENVHOOK_ENV=$T/link/.venv
__VENVHOOK_PYTHONHOME=/nowhere
PATH=$T/link/.venv/bin:$T/bin:$BASE_PATH"
	# a -C with a "..": PWD where it names the directory that leads to,
	# else the system's name for it
	run --separate-stderr "$VENVHOOK" exec -C deep/.. -- "$VH_DUMPENV" PWD
	assert_output "PWD=$T/link/src"
	run --separate-stderr "$VENVHOOK" exec -C deep/../.. -- "$VH_DUMPENV" PWD
	assert_output "PWD=$T/allowed"
	# a -C that cannot be entered: nothing runs, 125
	marker
	run --separate-stderr "$VENVHOOK" exec -C "$T/nonexistent" -- "$T/mark"
	assert_failure 125
	assert_equal "$stderr" "venvhook: cannot enter $T/nonexistent: No such file or directory"
	[[ ! -e $T/RAN ]]
}

@test "exec: a store env (Poetry's, pipenv's, made by the tools) needs no allow" {
	poetry_env "$T/po" po
	pipenv_env "$T/pe"
	cd /
	py -C "$T/po"
	assert_success
	assert_line "prefix=$POETRY_ENV"
	py -C "$T/pe"
	assert_success
	assert_line "prefix=$PIPENV_ENV"
	run --separate-stderr "$VENVHOOK" which -C "$T/po"
	assert_output "$POETRY_ENV/bin/python"
}

@test "exec: a refused env (tracked by git, or made outside a prompt) runs nothing, exit 126, says why and what to allow" {
	marker
	realenv "$T/repo/.venv"
	git init -q "$T/repo"
	git -C "$T/repo" add -f .venv
	realenv "$T/script-made/.venv"
	cd /
	run --separate-stderr "$VENVHOOK" exec -C "$T/repo" -- "$T/mark" x
	assert_failure 126
	assert_output ""
	[[ ! -e $T/RAN ]] || fail "the command ran"
	assert_equal "$stderr" "venvhook: not activating $T/repo/.venv: its files are tracked by git in $T/repo (it came with the repository); 'venvhook allow' trusts it
venvhook: not running $T/mark: 'venvhook allow $T/repo' trusts that env"
	# an env no hook saw made: refused, and exec records nothing
	run --separate-stderr "$VENVHOOK" exec -C "$T/script-made" -- "$T/mark" x
	assert_failure 126
	[[ ! -e $T/RAN ]] || fail "the command ran"
	[[ $stderr == *"not activating $T/script-made/.venv: venvhook did not see you make it"* ]] || fail "$stderr"
	run "$VENVHOOK" exec -C "$T/script-made" -- true
	assert_failure 126
	# which and status --json agree
	run --separate-stderr "$VENVHOOK" which -C "$T/repo"
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "venvhook: not activating $T/repo/.venv: its files are tracked by git in $T/repo (it came with the repository); 'venvhook allow' trusts it"
	cd "$T/repo"
	run --separate-stderr "$VENVHOOK" status --json
	assert_output --partial ',"interpreter":null}'
	# allowed, it runs
	"$VENVHOOK" allow "$T/repo" 2>/dev/null
	cd /
	py -C "$T/repo"
	assert_success
	assert_line "prefix=$T/repo/.venv"
	# with no descriptor of venvhook's (git's answers come through a pipe)
	if [[ -d /proc/self/fd ]]; then
		rm -rf "$HOME/.cache"
		assert_equal "$("$VENVHOOK" exec -C "$T/repo" -- ls /proc/self/fd)" "$(ls /proc/self/fd)"
	fi
}

@test "exec: no env runs the command with the environment unchanged; --require-env runs nothing, exit 125" {
	mkdir -p "$T/plain"
	cd "$T/plain"
	export SOME_VAR=$'kept\nas is'
	env -0 | LC_ALL=C sort -z | tr '\0' '\n' | grep -v '^_=' >"$T/direct"
	"$VENVHOOK" exec -- env -0 | LC_ALL=C sort -z | tr '\0' '\n' | grep -v '^_=' >"$T/through"
	run diff "$T/direct" "$T/through"
	assert_success
	marker
	run --separate-stderr "$VENVHOOK" exec --require-env -- "$T/mark"
	assert_failure 125
	assert_equal "$stderr" "venvhook: no env for $T/plain"
	[[ ! -e $T/RAN ]]
	realenv "$T/proj/.venv"
	allowed "$T/proj"
	run --separate-stderr "$VENVHOOK" exec --require-env -C "$T/proj" -- "$T/mark" ok
	assert_success
	[[ -e $T/RAN ]]
}

@test "exec: an env active in the caller is replaced cleanly, whoever activated it; a pin or pause is ignored" {
	realenv "$T/a/.venv"
	realenv "$T/b/.venv"
	allowed "$T/a" "$T/b"
	mkdir -p "$T/plain"
	local show=("$VH_DUMPENV" VIRTUAL_ENV VIRTUAL_ENV_PROMPT PATH __VENVHOOK_ENV __VENVHOOK_PIN __VENVHOOK_PAUSE)
	# a's own activate script, in a non-interactive bash
	run --separate-stderr bash -c 'source "$1/a/.venv/bin/activate" && "$VENVHOOK" exec -C "$1/b" -- "${@:2}"' \
		_ "$T" "${show[@]}"
	assert_success
	assert_output "VIRTUAL_ENV=$T/b/.venv
VIRTUAL_ENV_PROMPT=b
PATH=$T/b/.venv/bin:$T/bin:$BASE_PATH
__VENVHOOK_ENV=$T/b/.venv
__VENVHOOK_PIN unset
__VENVHOOK_PAUSE unset"
	# ... and into a directory without an env: none is on
	run --separate-stderr bash -c 'source "$1/a/.venv/bin/activate" && "$VENVHOOK" exec -C "$1/plain" -- "${@:2}"' \
		_ "$T" "${show[@]}"
	assert_success
	assert_output "VIRTUAL_ENV unset
VIRTUAL_ENV_PROMPT unset
PATH=$T/bin:$BASE_PATH
__VENVHOOK_ENV unset
__VENVHOOK_PIN unset
__VENVHOOK_PAUSE unset"
	# a pinned a (venvhook activate) and a paused b in the caller decide nothing
	run --separate-stderr env VIRTUAL_ENV="$T/a/.venv" __VENVHOOK_ENV="$T/a/.venv" __VENVHOOK_PIN="$T/a/.venv" \
		__VENVHOOK_PAUSE="$T/b/.venv" PATH="$T/a/.venv/bin:$PATH" "$VENVHOOK" exec -C "$T/b" -- "${show[@]}"
	assert_success
	assert_output "VIRTUAL_ENV=$T/b/.venv
VIRTUAL_ENV_PROMPT=b
PATH=$T/b/.venv/bin:$T/bin:$BASE_PATH
__VENVHOOK_ENV=$T/b/.venv
__VENVHOOK_PIN unset
__VENVHOOK_PAUSE unset"
	# from the interactive shell the hook put a's env on: b's interpreter
	vh_use_driver bash
	export PATH=$T/bin:$BASE_PATH VH_B=$T/b
	session "cd a" report "run venvhook exec -C \$VH_B -- $PREFIX_LINE" report
	assert_success
	assert_active 1 "$T/a/.venv" "$T/bin:$BASE_PATH"
	assert_line "prefix=$T/b/.venv"
	# the calling shell keeps its own
	assert_active 2 "$T/a/.venv" "$T/bin:$BASE_PATH"
}

@test "exec: exit statuses and signals pass through (the same process: execvp, no shell); 127 and 126 when COMMAND cannot run" {
	realenv "$T/p/.venv"
	allowed "$T/p"
	cd "$T/p"
	run "$VENVHOOK" exec -- sh -c 'exit 42'
	assert_failure 42
	run "$VENVHOOK" exec -- python3 -c 'import sys; sys.exit(3)'
	assert_failure 3
	run "$VENVHOOK" exec -- python3 -c 'import os, signal; os.kill(os.getpid(), signal.SIGTERM)'
	assert_failure 143
	# one process from start to end: the pid bash started is COMMAND's
	run bash -c 'echo $$; exec "$VENVHOOK" exec -- sh -c "echo \$\$"'
	assert_success
	assert_equal "${lines[0]}" "${lines[1]}"
	# a signal sent to the pid that was started reaches COMMAND, in the env
	"$VENVHOOK" exec -- python3 -c 'import signal, sys, time
signal.signal(signal.SIGUSR1, lambda *a: (print("got it in " + sys.prefix, flush=True), sys.exit(7)))
print("ready", flush=True)
time.sleep(60)' >"$T/sig.out" &
	local pid=$! i rc=0
	# (up to 60 s: python starts slowly on a loaded machine)
	for ((i = 0; i < 1200; i++)); do
		grep -q ready "$T/sig.out" && break
		sleep 0.05
	done
	kill -USR1 "$pid"
	wait "$pid" || rc=$?
	assert_equal "$rc" 7
	assert_equal "$(tail -n 1 "$T/sig.out")" "got it in $T/p/.venv"
	run -127 --separate-stderr "$VENVHOOK" exec -- no-such-program-here
	assert_equal "$stderr" "venvhook: no-such-program-here: command not found"
	printf '#!/bin/sh\n' >"$T/noexec"
	run --separate-stderr "$VENVHOOK" exec -- "$T/noexec"
	assert_failure 126
	assert_equal "$stderr" "venvhook: $T/noexec: cannot run it: Permission denied"
	# usage: no COMMAND, an unknown option before it
	run --separate-stderr "$VENVHOOK" exec --
	assert_failure 2
	run --separate-stderr "$VENVHOOK" exec --bogus true
	assert_failure 2
	assert_equal "$stderr" "venvhook: exec: no such option '--bogus'
venvhook: usage: venvhook exec [-C DIR] [--require-env] [--] COMMAND [ARG...]"
}

@test "exec: arguments with blanks, quotes, newlines and any byte reach COMMAND unchanged, options after it included" {
	realenv "$T/p/.venv"
	allowed "$T/p"
	local args=('a b' "it's" '"dq"' $'two\nlines' $'\x01\xff\t\e[31m' '' -C -- --require-env '*' '$HOME' '\' ' ')
	printf '%s\0' "${args[@]}" >"$T/want"
	# python3 in the env writes back its argv, NUL after each
	"$VENVHOOK" exec -C "$T/p" -- python3 -c 'import os, sys
sys.stdout.buffer.write(b"".join(os.fsencode(a) + b"\0" for a in sys.argv[1:]))
sys.stderr.write(sys.prefix)' "${args[@]}" >"$T/got" 2>"$T/prefix"
	cmp "$T/want" "$T/got"
	assert_equal "$(cat "$T/prefix")" "$T/p/.venv"
	# COMMAND itself may be any word after --, even one like an option
	printf '#!/bin/sh\nprintf "<%%s>" "$@"\n' >"$T/bin/-C"
	chmod +x "$T/bin/-C"
	run "$VENVHOOK" exec -C "$T/p" -- -C -C x
	assert_success
	assert_output "<-C><x>"
}

@test "which: ENV/bin/python as a PATH lookup gives it (no symlink followed), any COMMAND; one line and exit 1 otherwise; no process" {
	realenv "$T/p/.venv"
	allowed "$T/p"
	mkdir -p "$T/p/src" "$T/plain" "$T/p/rel"
	cd /
	run --separate-stderr "$VENVHOOK" which -C "$T/p"
	assert_success
	assert_output "$T/p/.venv/bin/python"
	[[ -L $T/p/.venv/bin/python ]]
	run --separate-stderr "$VENVHOOK" which -C "$T/p" python3
	assert_output "$T/p/.venv/bin/python3"
	cd "$T/p/src"
	run --separate-stderr "$VENVHOOK" which
	assert_output "$T/p/.venv/bin/python"
	# what the env lacks comes from the rest of PATH, as a lookup gives it
	run --separate-stderr "$VENVHOOK" which sh
	assert_output "$(PATH=$BASE_PATH command -v sh)"
	# a relative PATH entry is taken from DIR
	printf '#!/bin/sh\n' >"$T/p/rel/tool"
	chmod +x "$T/p/rel/tool"
	run --separate-stderr env PATH="rel:$BASE_PATH" "$VENVHOOK" which -C "$T/p" tool
	assert_output "$T/p/rel/tool"
	# the failures: empty stdout, one line, exit 1
	run --separate-stderr "$VENVHOOK" which -C "$T/plain"
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "venvhook: no env for $T/plain"
	run --separate-stderr "$VENVHOOK" which -C "$T/p" no-such-program-here
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "venvhook: no no-such-program-here on PATH with the env of $T/p on"
	run --separate-stderr "$VENVHOOK" which -C "$T/p" ./python
	assert_failure 2
	# status --json names the same interpreter
	run --separate-stderr "$VENVHOOK" status --json
	assert_output --partial ",\"interpreter\":\"$T/p/.venv/bin/python\"}"
	# no process: one execve (venvhook's own), no fork (LeakSanitizer cannot
	# run under ptrace: the sanitizer build's other runs check leaks)
	command -v strace >/dev/null || fail "strace is needed (apt-get install strace)"
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		strace -f -qq -e trace=execve,fork,vfork,clone,clone3 -o "$T/trace" "$VENVHOOK" which -C "$T/p" >/dev/null
	run grep -cE 'execve|fork|clone' "$T/trace"
	assert_output 1
}

@test "which: a path that would drive the terminal is escaped for it, and one holding a newline is not printed" {
	local d=$T/$'p\e]0;x\a'
	realenv "$d/.venv"
	allowed "$d"
	run --separate-stderr "$VENVHOOK" which -C "$d"
	assert_success
	assert_output "$d/.venv/bin/python"
	command -v script >/dev/null || fail "script (util-linux) is needed"
	# script(1) runs its command with $SHELL: CI's is sh, which has no $'...'
	SHELL=/bin/bash script -qec "$(printf '%q ' "$VENVHOOK" which -C "$d")" /dev/null >"$T/tty.out"
	grep -qF 'p\x1b]0;x\x07/.venv/bin/python' "$T/tty.out" || fail "not escaped: $(cat -v "$T/tty.out")"
	local nl=$T/$'new\nline'
	realenv "$nl/.venv"
	allowed "$nl"
	run --separate-stderr "$VENVHOOK" which -C "$nl"
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "venvhook: not printing $T/new\\x0aline/.venv/bin/python: its name holds a newline"
}

@test "a #! script kept in a project gets the project's env when run from elsewhere, by path, by a symlink on PATH or through exec" {
	realenv "$T/proj/.venv"
	realenv "$T/other/.venv"
	allowed "$T/proj" "$T/other"
	mkdir -p "$T/proj/tools" "$T/plain" "$T/elsewhere"
	{
		recipe shebang
		printf '%s\n' 'import os, sys' 'print("prefix=" + sys.prefix)' 'print("cwd=" + os.getcwd())' \
			'print("args=" + repr(sys.argv[1:]))'
	} >"$T/proj/tools/show.py"
	chmod +x "$T/proj/tools/show.py"
	head -n 1 "$T/proj/tools/show.py" | grep -qx '#!/usr/bin/env -S venvhook exec -- python3'
	cd "$T/elsewhere"
	run --separate-stderr "$T/proj/tools/show.py" 'a b' -C
	assert_success
	assert_output "prefix=$T/proj/.venv
cwd=$T/elsewhere
args=['a b', '-C']"
	# from another project: still the script's, not the caller's
	cd "$T/other"
	run --separate-stderr ../proj/tools/show.py
	assert_line "prefix=$T/proj/.venv"
	# a symlink on PATH to it
	ln -s "$T/proj/tools/show.py" "$T/bin/show"
	run --separate-stderr show
	assert_line "prefix=$T/proj/.venv"
	assert_line "cwd=$T/other"
	# given to exec by hand, with the same words: the same
	run --separate-stderr "$VENVHOOK" exec -- python3 "$T/proj/tools/show.py"
	assert_line "prefix=$T/proj/.venv"
	# the same script where there is no env: none, even from a project
	cp "$T/proj/tools/show.py" "$T/plain/show.py"
	run --separate-stderr "$T/plain/show.py"
	assert_line "prefix=/usr"
	# a file that is not run as exec's script decides nothing: other words
	# in its #! line, or none
	printf '#!/usr/bin/env -S venvhook exec -- python3 -u\nimport sys\nprint("prefix=" + sys.prefix)\n' >"$T/proj/tools/u.py"
	chmod +x "$T/proj/tools/u.py"
	run --separate-stderr "$VENVHOOK" exec -- python3 "$T/proj/tools/u.py"
	assert_line "prefix=$T/other/.venv"
	run --separate-stderr "$T/proj/tools/u.py"
	assert_line "prefix=$T/proj/.venv"
	# -C in the #! line wins over the script's directory
	printf '#!/usr/bin/env -S venvhook exec -C %s -- python3\nimport sys\nprint("prefix=" + sys.prefix)\n' "$T/other" >"$T/proj/tools/c.py"
	chmod +x "$T/proj/tools/c.py"
	cd "$T/elsewhere"
	run --separate-stderr "$T/proj/tools/c.py"
	assert_line "prefix=$T/other/.venv"
}

@test "recipes: a git hook, a make target and make's PYTHON, cron's line, pre-commit's local hook" {
	command -v pre-commit >/dev/null || fail "pre-commit is needed (apt-get install pre-commit)"
	local repo=$T/repo
	git init -q "$repo"
	realenv "$repo/.venv"
	allowed "$repo"
	printf '.venv/\n' >"$repo/.gitignore"
	# a stand-in pytest, in the env only: python3 -m pytest finds it there
	mkdir -p "$repo/.venv/lib/python3.11/site-packages/pytest"
	printf 'import os, sys\nopen(os.environ["LOG"], "a").write(sys.prefix + "\\n")\n' \
		>"$repo/.venv/lib/python3.11/site-packages/pytest/__main__.py"
	: >"$repo/.venv/lib/python3.11/site-packages/pytest/__init__.py"
	export LOG=$T/log
	cd "$T"
	# git hook
	recipe git-hook >"$repo/.git/hooks/pre-commit"
	chmod +x "$repo/.git/hooks/pre-commit"
	git -C "$repo" add .gitignore
	git -C "$repo" commit -qm one
	assert_equal "$(cat "$LOG")" "$repo/.venv"
	rm "$repo/.git/hooks/pre-commit" "$LOG"
	# make, from elsewhere, as a user runs it: not as a sub-make of make
	# check's (whose jobserver descriptors it does not have: "jobserver
	# unavailable", and directory lines, depending on the fds it got)
	unset MAKEFLAGS MFLAGS MAKELEVEL
	recipe make >"$repo/Makefile"
	run make -s --no-print-directory -C "$repo" check
	assert_success
	assert_equal "$(cat "$LOG")" "$repo/.venv"
	run make -s --no-print-directory -C "$repo" version
	assert_success
	assert_output "$(/usr/bin/python3 --version)"
	run make -s --no-print-directory -C "$repo" -p version
	assert_line "PYTHON := $repo/.venv/bin/python"
	rm "$LOG"
	# cron's line, as cron runs it: /bin/sh in HOME, HOME set, PATH=/usr/bin:/bin
	# (plus venvhook's directory); the project under HOME
	mkdir -p "$HOME/src"
	realenv "$HOME/src/myproj/.venv"
	allowed "$HOME/src/myproj"
	mkdir -p "$HOME/src/myproj/myproj"
	printf 'import os, sys\nopen(os.environ["LOG"], "a").write(sys.prefix + " " + os.getcwd() + "\\n")\n' \
		>"$HOME/src/myproj/myproj/sync.py"
	local line
	line=$(recipe cron | sed -E 's/^([^ ]+ ){5}//')
	(cd "$HOME" && env -i HOME="$HOME" LOGNAME=t SHELL=/bin/sh PATH="$T/bin:/usr/bin:/bin" LOG="$LOG" /bin/sh -c "$line")
	assert_equal "$(cat "$LOG")" "$HOME/src/myproj/.venv $HOME/src/myproj"
	rm "$LOG"
	# pre-commit's local hook, with pre-commit's own git hook installed
	recipe pre-commit >"$repo/.pre-commit-config.yaml"
	git -C "$repo" add .pre-commit-config.yaml
	(cd "$repo" && pre-commit install >/dev/null && git commit -qm two) >"$T/pc.out" 2>&1 ||
		fail "pre-commit: $(cat "$T/pc.out")"
	assert_equal "$(cat "$LOG")" "$repo/.venv"
}

@test "recipes: Neovim loads the lspconfig snippet headless; its hooks set the env's interpreter and a command in the env" {
	command -v nvim >/dev/null || fail "nvim is needed (apt-get install neovim)"
	realenv "$T/proj/.venv"
	allowed "$T/proj"
	mkdir -p "$T/plain" "$T/rtp/lua"
	recipe nvim >"$T/recipe.lua"
	# a stand-in for nvim-lspconfig (not in Debian): it keeps each setup's table
	printf '%s\n' 'local M = {}' 'for _, name in ipairs({ "pyright", "ruff" }) do' \
		'  M[name] = { setup = function(cfg) _G.lsp_setups[name] = cfg end }' 'end' 'return M' \
		>"$T/rtp/lua/lspconfig.lua"
	cat >"$T/check.lua" <<'LUA'
local out = io.open(os.getenv("T") .. "/nvim.out", "w")
for _, root in ipairs({ os.getenv("T") .. "/proj", os.getenv("T") .. "/plain" }) do
  local cfg = vim.deepcopy(_G.lsp_setups.pyright)
  cfg.root_dir = root
  cfg.before_init({}, cfg)
  out:write("pythonPath=" .. tostring(cfg.settings and cfg.settings.python.pythonPath) .. "\n")
end
local ruff = vim.deepcopy(_G.lsp_setups.ruff)
ruff.on_new_config(ruff, os.getenv("T") .. "/proj")
out:write("cmd=" .. table.concat(ruff.cmd, " ") .. "\n")
out:close()
LUA
	run nvim --headless -u NONE -i NONE --cmd "set rtp^=$T/rtp" --cmd 'lua _G.lsp_setups = {}' \
		-c "luafile $T/recipe.lua" -c "luafile $T/check.lua" -c 'qa!'
	assert_success
	assert_equal "$(cat "$T/nvim.out")" "pythonPath=$T/proj/.venv/bin/python
pythonPath=nil
cmd=venvhook exec -C $T/proj -- ruff server"
	# that command runs in the env (a stand-in ruff in its bin/)
	printf '#!/bin/sh\necho "ruff $* $VIRTUAL_ENV"\n' >"$T/proj/.venv/bin/ruff"
	chmod +x "$T/proj/.venv/bin/ruff"
	cd "$T/plain"
	run venvhook exec -C "$T/proj" -- ruff server
	assert_output "ruff server $T/proj/.venv"
}
