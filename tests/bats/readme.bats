#!/usr/bin/env bats
# Every command the README shows is run here, as the README writes it, but
# those that need a package manager or root, and those CI itself runs
# (.ci/run), listed below. A command added to the README fails the first
# test until it is run here or listed.

load helpers
load rcline

setup() { vh_setup; }

README=${VH_SRCDIR:?}/README.md

# readme_commands: each command the README shows, one a line: the lines of
# its ```sh blocks (a trailing "  # comment" cut), the commands after the
# "$ " prompts of its ```console blocks, its rc lines, and the code spans
# of its prose that start with a command word.
readme_commands() {
	awk '
		function spans(text,    span) {
			while (match(text, /`[^`]+`/)) {
				span = substr(text, RSTART + 1, RLENGTH - 2)
				text = substr(text, RSTART + RLENGTH)
				if (span ~ /^(venvhook |make |sudo |man |rm |python3 |cd |\.\/|fpath|DEMO_SHELL=|eval |status )/)
					print span
			}
		}
		# prose: a paragraph at a time (a span may run over a line end)
		function flush() { spans(para); para = "" }
		/^```sh$/ { flush(); block = "sh"; next }
		/^```console$/ { flush(); block = "console"; next }
		/^```/ { flush(); block = ""; next }
		block == "sh" && NF { sub(/  +#.*$/, ""); print; next }
		block == "console" && /\$ / { sub(/^[^$]*\$ /, ""); print; next }
		block != "" { next }
		/^\| [a-z0-9]+ \| `/ {
			flush()
			line = $0; sub(/^\| [^|]* \| [^|]* \| /, "", line); sub(/ \|$/, "", line)
			gsub(/\\\|/, "|", line); gsub(/^`+ ?| ?`+$/, "", line); print line; next
		}
		!NF { flush(); next }
		{ para = para " " $0 }
		END { flush() }' "$README" | sort -u
}

# The commands this file runs (each test below names the ones it runs).
RUN=(
	# the transcript
	'python3 -m venv .venv' 'command -v python' 'cd ../other' 'venvhook allow' 'cd ../myproj'
	# everyday use
	'venvhook allow ~/src/*/' 'venvhook activate tools' 'venvhook deactivate' 'venvhook status'
	'venvhook doctor' 'venvhook --help'
	# install as a user, and what it puts where
	'./configure --prefix="$HOME/.local" && make && make install'
	'fpath+=(~/.local/share/zsh/site-functions)' 'man venvhook'
	# the demo
	'make demo' 'DEMO_SHELL=zsh make demo'
	# uninstall
	'rm -rf ~/.local/share/venvhook ~/.cache/venvhook ~/.config/venvhook'
)
# Need a package manager or root.
EXEMPT=(
	'./bootstrap' 'sudo make install' 'sudo make uninstall'
	'sudo apt-get install ./venvhook_0.1.0_amd64.deb' 'sudo apt-get purge venvhook'
)
# What CI's own script runs (.ci/run, which must hold each as written).
BY_CI=('make check -j2' 'make deb')

@test "every command in the README is run by a test here, or listed as needing root or run by CI" {
	local cmd known n=0 rc_lines
	rc_lines=$("$VENVHOOK" --help | sed -n '/^Load the hook from/,/^$/p' | sed -e '1d' -e '/^$/d' |
		sed -E 's/^  [^ ]+ +[^ ]+ +//')
	known=$(printf '%s\n' "${RUN[@]}" "${EXEMPT[@]}" "${BY_CI[@]}" "$rc_lines")
	while IFS= read -r cmd; do
		n=$((n + 1))
		grep -qxF -- "$cmd" <<<"$known" ||
			fail "README runs '$cmd', which no test runs: run it in tests/bats/readme.bats, or list it there as needing root or run by CI"
	done < <(readme_commands)
	((n >= 25)) || fail "only $n commands found in the README: $(readme_commands)"
	# and the lists name only what the README shows
	for cmd in "${RUN[@]}" "${EXEMPT[@]}" "${BY_CI[@]}"; do
		grep -qxF -- "$cmd" < <(readme_commands) || fail "'$cmd' is listed here but not in the README"
	done
	for cmd in "${BY_CI[@]}"; do
		grep -qF -- "$cmd" "$VH_SRCDIR/.ci/run" || fail ".ci/run does not run '$cmd'"
	done
}

@test "the README's rc line for each shell loads the hook there, venvhook found on PATH" {
	local sh line
	export VH_RC_PATH=${VENVHOOK%/*}:$BASE_PATH
	[[ $(PATH=$VH_RC_PATH command -v venvhook) == "$VENVHOOK" ]] || fail "the build's venvhook is not first on PATH"
	for sh in $VH_SHELLS; do
		# (nushell's second line, source ~/.venvhook.nu, is its driver's)
		line=$(sed -n "s/^| $sh | [^|]* | //p" "$README" | head -n 1 | sed -E -e 's/ \|$//' -e 's/\\\|/|/g' -e 's/^`+ ?| ?`+$//g')
		[[ -n $line ]] || fail "no rc line for $sh in the README"
		in_shell "$sh" "$sh" "$line"
		# (elvish's REPL does not show the hook's names: its completer shows)
		[[ $output == *__venvhook_* || ($sh == elvish && $output == *'arg-completer[venvhook]'*) ]] ||
			fail "$sh: '$line' loaded no hook: $output $stderr"
		# (xonsh's hook adds the venvhook alias at its end: all of init's output ran)
		[[ $sh != xonsh || $output == *__venvhook_alias* ]] || fail "xonsh: '$line' loaded a part: $output"
		assert_equal "$stderr" ""
	done
}

@test "the transcript at the top of the README is what bash shows, at a terminal" {
	command -v tmux >/dev/null || fail "tmux is needed (apt-get install tmux)"
	local want got cmd n=1
	mkdir -p "$HOME/src/myproj"
	/usr/bin/python3 -m venv --without-pip "$HOME/src/other/.venv"
	printf '%s\n' 'PS1='"'"'\w$ '"'"'' 'eval "$(venvhook init bash)"' >"$HOME/.bashrc"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
	tmux -S "$SOCK" -f /dev/null new-session -d -x 250 -y 50 -c "$HOME/src/myproj" \
		env -i HOME="$HOME" PATH="${VENVHOOK%/*}:$BASE_PATH" TERM=xterm LC_ALL=C.UTF-8 \
		VENVHOOK_GIT_TIMEOUT_MS="$VENVHOOK_GIT_TIMEOUT_MS" bash --rcfile "$HOME/.bashrc" -i
	# the transcript, its /home/ann this HOME
	want=$(sed -n '/^```console$/,/^```$/p' "$README" | sed -e '1d' -e '$d' | sed "s|/home/ann|$HOME|g")
	wait_prompt '~/src/myproj$'
	# each command, then its output and the next prompt (n prompts on
	# the screen, the last one bare)
	while IFS= read -r cmd; do
		tmux -S "$SOCK" send-keys -l -- "$cmd" </dev/null
		tmux -S "$SOCK" send-keys Enter </dev/null
		n=$((n + 1))
		poll_screen "the prompt after '$cmd'" prompts_then_bare "$n" </dev/null
	done < <(sed -n 's/^[^$]*\$ //p' <<<"$want")
	got=$(tmux_screen | grep -v '^[[:space:]]*$' | sed -e 's/[[:space:]]*$//')
	# (the last line is the prompt the last command left)
	assert_equal "$(sed '$d' <<<"$got")" "$want"
}

teardown() { [[ -z ${SOCK:-} ]] || tmux -S "$SOCK" kill-server 2>/dev/null || true; }

# prompts_then_bare N: the screen holds N prompts, and the last line is one
# with nothing typed after it.
prompts_then_bare() {
	(($(grep -c '^~/src/[a-z]*\$' <<<"$screen") == $1)) && screen_last_line "$(printf '%s\n' "$screen" |
		grep -v '^[[:space:]]*$' | tail -n 1 | sed 's/[[:space:]]*$//' | grep -x '~/src/[a-z]*\$')"
}

@test "everyday use: allow the projects you have, activate by name, deactivate, status, doctor" {
	vh_use_driver bash
	mkdir -p "$HOME/src/a" "$HOME/src/b" "$HOME/src/plain"
	mkenv_unallowed "$HOME/src/a/.venv"
	mkenv_unallowed "$HOME/src/b/.venv"
	mkenv_unallowed "$HOME/.virtualenvs/tools"
	session 'line venvhook allow ~/src/*/' status 'line venvhook activate tools' status report \
		"cd $HOME/src/a" report 'line venvhook deactivate' status report 'line venvhook status' \
		'line venvhook doctor' status 'line venvhook --help | head -n 1'
	assert_stderr_contains "venvhook: allowed $HOME/src/a/.venv" "venvhook: allowed $HOME/src/b/.venv"
	assert_stderr_contains "$HOME/src/plain"
	assert_env 1 VIRTUAL_ENV "$HOME/.virtualenvs/tools"
	assert_env 2 VIRTUAL_ENV "$HOME/.virtualenvs/tools"
	assert_inactive 3
	assert_line "active: none"
	assert_line "no problem found"
	assert_equal "$(grep -c '^status=0$' <<<"$output")" 4
	assert_line "usage: venvhook COMMAND [ARGS]"
}

@test "the README's user install: no root, everything under ~/.local, each shell finds its completion, man finds the page" {
	[[ -n ${VH_BUILDDIR:-} ]] || skip "VH_BUILDDIR is set by make check"
	command -v setpriv >/dev/null || fail "setpriv (util-linux) is needed"
	local line src=$T/src home=$T/user
	line=$(readme_commands | grep -xF './configure --prefix="$HOME/.local" && make && make install') ||
		fail "the README has no user install line"
	# the source tree, copied as ./bootstrap leaves it; where it is the
	# build's tree too and the build a plain one, its objects come along
	# (configure leaves config.h as it is, so make rebuilds little), else
	# (make distcheck's tree apart, the sanitizers' flags) it builds anew
	# (the build's own flags: the fuzz harnesses' always name -fsanitize)
	local keep=(--exclude='*.o' --exclude='*.a' --exclude=./venvhook --exclude=./hooks/embedded.c)
	[[ $VH_BUILDDIR -ef $VH_SRCDIR ]] && ! grep -q -- '^VH_CFLAGS = .*-fsanitize' "$VH_BUILDDIR/Makefile" && keep=()
	mkdir -p "$src" "$home"
	(cd "$VH_SRCDIR" && tar --exclude=./.git --exclude='./tests/*/*.log' --exclude='./tests/*/*.trs' \
		--exclude=./config.status --exclude=./config.log ${keep[@]+"${keep[@]}"} -cf - .) |
		(cd "$src" && tar -xf -)
	# (make distcheck's source tree is read-only; a user's unpacked one is not)
	chmod -R u+w "$src"
	# a user who is not root: nobody, with a home of its own here
	chmod 755 "$T"
	local d=$BATS_TEST_TMPDIR
	while [[ $d == "$BATS_RUN_TMPDIR"* ]]; do
		chmod o+rx "$d"
		d=${d%/*}
	done
	chown -R 65534:65534 "$src" "$home"
	run setpriv --reuid=65534 --regid=65534 --clear-groups -- env -i HOME="$home" PATH="$BASE_PATH" \
		LC_ALL=C.UTF-8 bash -c "cd \"\$1\" && { $line; } >\"\$HOME/out\" 2>\"\$HOME/err\"" _ "$src"
	assert_success
	# configure said nothing of a directory named core (its tests' rm)
	run grep -c 'cannot remove' "$home/err"
	assert_output 0
	run find "$home/.local" -type f
	assert_line "$home/.local/bin/venvhook"
	assert_line "$home/.local/share/man/man1/venvhook.1"
	assert_line "$home/.local/share/bash-completion/completions/venvhook"
	assert_line "$home/.local/share/zsh/site-functions/_venvhook"
	assert_line "$home/.local/share/fish/vendor_completions.d/venvhook.fish"
	# each shell finds it where the README says it looks
	local user_env=(env -i HOME="$home" PATH="$home/.local/bin:$BASE_PATH" LC_ALL=C.UTF-8)
	# shellcheck disable=SC2016
	run "${user_env[@]}" bash --norc -c '. /usr/share/bash-completion/bash_completion
		__load_completion venvhook && complete -p venvhook'
	assert_output --partial ' venvhook'
	run "${user_env[@]}" "$VH_FISH" --no-config -c 'source /usr/share/fish/config.fish; complete -C "venvhook sta"'
	assert_output --partial status
	local fpath_line
	fpath_line=$(readme_commands | grep '^fpath+=')
	run "${user_env[@]}" "$VH_ZSH" -f -c "$fpath_line"'; autoload -Uz compinit && compinit -u -d "$HOME/.zcd"; print -r -- $_comps[venvhook]'
	assert_output _venvhook
	# man venvhook: man-db finds ~/.local/share/man from ~/.local/bin on PATH
	run "${user_env[@]}" MANPAGER=cat MANWIDTH=80 man venvhook
	assert_success
	assert_output --partial "venvhook init [--prompt] SHELL"
}

@test "make demo and DEMO_SHELL=zsh make demo start a shell with the hook, in a throwaway tree" {
	[[ -n ${VH_BUILDDIR:-} ]] || skip "VH_BUILDDIR is set by make check"
	mkdir -p "$BATS_TEST_TMPDIR/tmp"
	local make=(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL TMPDIR="$BATS_TEST_TMPDIR/tmp" make -s --no-print-directory -C "$VH_BUILDDIR")
	run "${make[@]}" demo <<<'cd alpha/src/deep
echo "VE=$VIRTUAL_ENV"'
	assert_success
	assert_output --regexp 'VE=.*/alpha/\.venv'
	run env DEMO_SHELL=zsh "${make[@]}" demo <<<'cd alpha/src/deep
echo "VE=$VIRTUAL_ENV"'
	assert_success
	assert_output --regexp 'VE=.*/alpha/\.venv'
}

@test "the uninstall line removes venvhook's files, and works when they are not there" {
	local line
	line=$(readme_commands | grep '^rm -rf ')
	mkdir -p "$HOME/.local/share/venvhook" "$HOME/.cache/venvhook"
	: >"$HOME/.local/share/venvhook/trust"
	run env HOME="$HOME" bash -c "$line"
	assert_success
	[[ ! -e $HOME/.local/share/venvhook && ! -e $HOME/.cache/venvhook ]] || fail "left behind"
	run env HOME="$HOME" bash -c "$line"
	assert_success
}
