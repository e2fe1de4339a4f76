#!/usr/bin/env bats
# The line every init output starts with (shells/guard.c): the wrong rc line
# (another shell's hook, as a newcomer copies it) says in one line which
# line to use in this shell and defines nothing; bash older than the hook
# needs says so; `init ksh` is ksh93's. Real shells, started interactively
# with the rc file as a user has it.

load helpers
load rcline

setup() { vh_setup; }

# rc_line SHELL: SHELL's rc line, as --help prints it.
rc_line() {
	"$VENVHOOK" --help | sed -n "s/^  $1 \+[^ ]\+ \+//p"
}

@test "the right rc line defines the hook (so that the tests below can fail)" {
	local sh
	for sh in $VH_SHELLS; do
		in_shell "$sh" "$sh"
		# (elvish's REPL does not show the hook's names: its completer shows)
		[[ $output == *__venvhook_* || ($sh == elvish && $output == *'arg-completer[venvhook]'*) ]] ||
			fail "$sh: its own hook defined nothing: $output $stderr"
		assert_equal "$stderr" ""
	done
}

@test "another shell's hook in a POSIX shell's rc line: one line naming the right line, nothing defined" {
	local sh hook n=0
	for sh in bash zsh ksh93 mksh; do
		[[ " $VH_SHELLS " == *" $sh "* ]] || continue
		for hook in $VH_SHELLS; do
			[[ $hook != "$sh" ]] || continue
			in_shell "$sh" "$hook"
			assert_equal "$output" ""
			assert_equal "$stderr" "venvhook: this is the $hook hook; in $sh use: $(rc_line "$sh")"
			n=$((n + 1))
		done
	done
	((n >= 24)) || fail "only $n pairs"
}

@test "the csh family's line (eval \"\`...\`\") in a POSIX shell's rc file: one line, nothing defined" {
	local sh hook
	for sh in bash zsh ksh93 mksh; do
		for hook in tcsh csh fish; do
			in_shell "$sh" "$hook" "eval \"\`\"\$VENVHOOK\" init $hook\`\""
			assert_equal "$output" ""
			assert_equal "$stderr" "venvhook: this is the $hook hook; in $sh use: $(rc_line "$sh")"
		done
	done
}

@test "in fish, a POSIX shell's hook, by fish's line or by the bash line: one line, nothing defined" {
	local hook
	for hook in bash zsh ksh93 mksh; do
		in_shell fish "$hook"
		assert_equal "$output" ""
		assert_equal "$stderr" "venvhook: this is the $hook hook; in fish use: $(rc_line fish)"
		in_shell fish "$hook" "eval \"\$(\"\$VENVHOOK\" init $hook)\""
		assert_equal "$output" ""
		assert_equal "$stderr" "venvhook: this is the $hook hook; in fish use: $(rc_line fish)"
	done
}

@test "tcsh's hook in csh and csh's in tcsh: one line naming the right line, nothing defined" {
	in_shell csh tcsh
	assert_equal "$output" ""
	assert_equal "$stderr" "venvhook: this is the tcsh hook; in csh use: $(rc_line csh)"
	in_shell tcsh csh
	assert_equal "$output" ""
	assert_equal "$stderr" "venvhook: this is the csh hook; in tcsh use: $(rc_line tcsh)"
}

@test "a POSIX shell's or fish's hook in tcsh or csh: csh's own one line, nothing defined" {
	local sh hook
	for sh in tcsh csh; do
		for hook in bash zsh fish; do
			in_shell "$sh" "$hook"
			assert_equal "$output" ""
			assert_equal "$(grep -c . <<<"$stderr")" 1
		done
	done
}

@test "fish's old line, eval (venvhook init fish), loads the hook: cd activates" {
	mkenv "$T/proj/.venv"
	vh_use_driver fish
	mkenv "$T/proj/.venv"
	drv_write_rc "" ""
	sed -i 's/^.*init fish.*$/eval (command $VENVHOOK init fish)/' "$HOME/.config/fish/config.fish"
	export PROJ=$T/proj
	printf 'cd $PROJ\necho "VE=$VIRTUAL_ENV"\n' | drv_interactive >"$T/out" 2>"$T/err"
	assert_equal "$(cat "$T/out")" "VE=$T/proj/.venv"
	assert_equal "$(grep -Ev "$drv_noise" "$T/err")" "venvhook: activated proj (.venv)"
}

# The first two lines of init bash (the guard, the eval behind it), with
# BASH_VERSINFO replaced by a stand-in array: no bash older than 4.4 can be
# built here, and BASH_VERSINFO is read-only.
old_bash() { # MAJOR MINOR
	"$VENVHOOK" init bash | sed 's/BASH_VERSINFO/__vh_versinfo/g' >"$T/init"
	grep -q __vh_versinfo "$T/init" || fail "init bash reads no BASH_VERSINFO"
	run --separate-stderr "$VH_BASH" --norc -c "__vh_versinfo=($1 $2 0 1 release x86_64)"'
		eval "$(cat "$T/init")"
		compgen -A function -A variable | grep venvhook' </dev/null
}

@test "bash older than 4.4 (a stand-in BASH_VERSINFO): one line saying so, nothing defined; 4.4 loads" {
	old_bash 3 2
	assert_output ""
	assert_equal "$stderr" "venvhook: the bash hook needs bash 4.4 or newer, and this is bash 3.2: install a newer bash, or use zsh"
	old_bash 4 3
	assert_output ""
	assert_equal "$stderr" "venvhook: the bash hook needs bash 4.4 or newer, and this is bash 4.3: install a newer bash, or use zsh"
	old_bash 4 4
	assert_output --partial __venvhook_exe
	assert_equal "$stderr" ""
	old_bash 5 0
	assert_output --partial __venvhook_exe
}

@test "init ksh is ksh93's hook, and a ksh93 loads it" {
	[[ " $VH_SHELLS " == *" ksh93 "* ]] || skip "no ksh93"
	assert_equal "$("$VENVHOOK" init ksh)" "$("$VENVHOOK" init ksh93)"
	assert_equal "$("$VENVHOOK" init /bin/ksh --prompt)" "$("$VENVHOOK" init ksh93 --prompt)"
	in_shell ksh93 ksh
	[[ $output == *__venvhook_* ]] || fail "init ksh defined nothing in ksh93: $output $stderr"
	assert_equal "$stderr" ""
}
