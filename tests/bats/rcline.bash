# shellcheck shell=bash
# For guard.bats and readme.bats: a real shell started with an rc line of
# the test's choosing, and what it defined.

# names SHELL: the command, in SHELL, that lists every function, alias and
# variable whose name holds "venvhook", one a line.
names() {
	case $1 in
	bash) echo 'compgen -A function -A variable -A alias | grep venvhook' ;;
	# shellcheck disable=SC2016  # zsh's, not ours
	zsh) echo 'print -l ${(k)functions} ${(k)parameters} ${(k)aliases} | grep venvhook' ;;
	ksh93 | mksh) echo '{ typeset +f; typeset +; alias; } | grep venvhook' ;;
	fish) echo 'begin; functions -a -n; set -n; end | grep venvhook' ;;
	tcsh | csh) echo '( alias ; set ) | grep venvhook' ;;
	# shellcheck disable=SC2016  # nushell's, not ours
	nu) echo '[...(scope commands | get name) ...($env | columns)] | where {|n| $n =~ venvhook } | str join (char nl) | print' ;;
	# (the hook's globals are those of the code execx ran: its aliases' functions show them)
	xonsh) echo "print('\\n'.join(n for n in [*globals(), *aliases, *(getattr(f, '__name__', '') for f in aliases.values())] if 'venvhook' in n))" ;;
	# (the hook's own names live in the namespace of the eval that loaded
	# it: the REPL has the commands it added, and the completer)
	# shellcheck disable=SC2016  # elvish's, not ours
	elvish) echo 'if (has-key $edit:completion:arg-completer venvhook) { echo "arg-completer[venvhook]" }' ;;
	*) fail "no names command for $1" ;;
	esac
}

# in_shell SHELL HOOK [LINE]: SHELL started interactively with its rc file
# as its driver writes it, but its init line naming HOOK (or LINE instead
# of it), with PATH $VH_RC_PATH when that is set; then lists what it
# defined. Sets $output (the names) and $stderr.
in_shell() {
	local sh=$1 hook=$2 rc
	vh_use_driver "$sh"
	[[ -z ${VH_RC_PATH:-} ]] || export PATH=$VH_RC_PATH
	drv_write_rc "" ""
	for rc in "$HOME/.bashrc" "$HOME/.zshrc" "$HOME/.config/fish/config.fish" "$HOME/.tcshrc" \
		"$HOME/.cshrc" "$HOME/.kshrc" "$HOME/.mkshrc" "$HOME/.config/nushell/env.nu" "$HOME/.xonshrc" \
		"$HOME/.config/elvish/rc.elv"; do
		[[ -f $rc ]] || continue
		if [[ -n ${3-} ]]; then
			VH_LINE=$3 awk -v sh="$sh" '/init / && index($0, "init " sh) { print ENVIRON["VH_LINE"]; next } { print }' \
				"$rc" >"$rc.new"
		else
			sed "s/init $sh\\b/init $hook/" "$rc" >"$rc.new"
		fi
		mv "$rc.new" "$rc"
	done
	{ names "$sh"; echo exit; } >"$T/stdin" # (a shell on a terminal ends at exit, not at its end)
	status=0
	drv_interactive <"$T/stdin" >"$T/out" 2>"$T/err" || status=$?
	output=$(grep -Ev "$drv_noise" "$T/out" || true)
	stderr=$(grep -Ev "$drv_noise" "$T/err" || true)
}
