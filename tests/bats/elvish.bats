#!/usr/bin/env bats
# What only elvish has: $after-chdir inside cd, $edit:before-readline, the
# eval's namespace the hook lives in, exceptions for statuses, and, at a
# real terminal (tmux), the hook and the --prompt segment as the user meets
# them. (The scenarios run it through tests/helpers/ptyshell, its editor
# on a terminal.)

load helpers
load term

setup() { term_setup elvish; }
teardown() { term_teardown; }

@test "a cd inside a command line, or in a function, activates before the next command runs" {
	drv_write_rc 'fn goto {|d| cd $d; printenv VIRTUAL_ENV }' ""
	session 'line cd $E:T/proj; printenv VIRTUAL_ENV' "line cd /" 'line goto $E:T/proj'
	assert_equal "$(grep -c "^$T/proj/.venv$" <<<"$output")" 2
}

@test "a failing venvhook command fails as elvish commands do; the hook's names stay out of the REPL" {
	session 'run venvhook activate nosuch' status 'line echo [(has-env __venvhook_key)]' \
		'line try { put $__venvhook_key } catch { echo no-key }'
	assert_line "status=1"
	assert_equal "$(grep -c '^venvhook: ' <<<"$stderr")" 1
	assert_stderr_contains "venvhook: no env named 'nosuch'"
	# (a compile error: the hook's variables are not the user's)
	assert_stderr_contains 'variable $__venvhook_key not found'
	assert_line "[\$false]"
}

@test "loaded twice: one hook in each list, one activation line" {
	drv_write_rc "" "$(drv_init_line)"
	session "cd proj" report 'line echo hooks=(count $after-chdir) (count $edit:before-readline)'
	assert_active 1 "$T/proj/.venv"
	# (and rc.elv's own before-readline, which marks the prompt for the test)
	assert_line "hooks=1 2"
	assert_equal "$(grep -c '^venvhook: activated' <<<"$stderr")" 1
}

@test "doctor: a hook list set again after the init line is a problem; another tool's hook is named" {
	session "run venvhook doctor" status
	assert_line "ok       the hook runs on directory changes"
	assert_line "ok       the hook runs before each prompt"
	assert_line "status=0"
	drv_write_rc "" 'set after-chdir = []'
	session "run venvhook doctor" status
	assert_line --partial 'problem  $after-chdir no longer holds venvhook'"'"'s hook'
	assert_line "status=1"
	# direnv's hook for elvish (direnv hook elvish) runs `direnv export elvish`
	drv_write_rc 'set edit:before-readline = [$@edit:before-readline { try { direnv export elvish } catch { } }]' ""
	session "run venvhook doctor" status
	assert_line --partial "problem  direnv also switches envs"
}

@test "deactivate and pydoc exist while venvhook's env is active; a pydoc of the user's is left alone" {
	drv_write_rc 'fn pydoc {|@a| echo users-pydoc }' ""
	session "cd proj" "line pydoc x" "cd /" "line pydoc y"
	assert_equal "$(grep -c '^users-pydoc$' <<<"$output")" 2
}

@test "completion: commands, a command's options, init's shells, the env names, paths" {
	export WORKON_HOME=$T/workon
	mkdir "$T/path-here"
	mkenv "$WORKON_HOME/alpha"
	mkenv "$WORKON_HOME/beta two"
	local c='for c [($edit:completion:arg-completer[venvhook]'
	session "line $c venvhook '')] { echo c=\$c }" "line $c venvhook de)] { echo c=\$c }" \
		"line $c venvhook init '')] { echo c=\$c }" "line $c venvhook list -)] { echo c=\$c }" \
		"line $c venvhook activate '')] { echo c=\$c }" \
		"line $c venvhook allow $T/pa)] { echo c=\$c[stem] }" \
		"line $c venvhook activate --force $T/pa)] { echo c=\$c[stem] }"
	# a path after allow, deny and activate --force (elvish's own)
	assert_equal "$(grep -c "^c=$T/path-here/\$" <<<"$output")" 2
	assert_line "c=init"
	assert_line "c=--version"
	assert_line "c=deny"
	assert_equal "$(grep -c '^c=init$' <<<"$output")" 1 # not among de...
	assert_line "c=elvish"
	assert_line "c=nu"
	assert_line "c=--paths"
	assert_line "c=beta two"
	assert_line "c=alpha"
}

@test "elvish at a terminal: started in a project, --prompt, idle prompts, an env made at the prompt" {
	mkdir -p "$HOME/.config/elvish"
	printf '%s\n' 'set edit:prompt = { put "READY> " }' 'set edit:rprompt = { put "" }' \
		'eval ((external $E:VENVHOOK) init elvish --prompt | slurp)' \
		'eval ((external $E:VENVHOOK) init elvish --prompt | slurp)' >"$HOME/.config/elvish/rc.elv"
	term_walk "echo 've=['\$E:VIRTUAL_ENV']'" -- env XDG_RUNTIME_DIR="$HOME/.run" "$VH_ELVISH"
}

# (the value as printed: the bytes 036 and 037 as <RS> and <US>; the hook's
# functions taken from the namespace its eval leaves, the after-readline
# one called as the editor calls it)
@test "the lines handed to export: the format, 64 at most, a line holding 036 or 037 or too large is unreadable" {
	printf '%s\n' 'use str' 'eval ((external $E:VENVHOOK) init elvish | slurp) &on-end={|ns|' \
		'  var typed = $ns[__venvhook_preexec~]' \
		'  var show = { echo (str:replace "\x1f" "<US>" (str:replace "\x1e" "<RS>" ($ns[__venvhook_cmdlines~]))) }' \
		'  $show' \
		'  $typed "echo a"; $typed "  "; $typed "python3 -m venv .venv"; $show' \
		'  $typed "x\x1fy"; $show' \
		'}' >"$T/t.elv"
	printf '%s\n' 'use str' 'eval ((external $E:VENVHOOK) init elvish | slurp) &on-end={|ns|' \
		'  var show = { echo (str:replace "\x1f" "<US>" (str:replace "\x1e" "<RS>" ($ns[__venvhook_cmdlines~]))) }' \
		'  $ns[__venvhook_preexec~] "x\x1e"; $show' \
		'}' >"$T/t2.elv"
	printf '%s\n' 'use str' 'eval ((external $E:VENVHOOK) init elvish | slurp) &on-end={|ns|' \
		'  var show = { echo (str:replace "\x1f" "<US>" (str:replace "\x1e" "<RS>" ($ns[__venvhook_cmdlines~]))) }' \
		'  $ns[__venvhook_preexec~] (str:join "" [(repeat 131072 x)]); $show' \
		'}' >"$T/t3.elv"
	printf '%s\n' 'use str' 'eval ((external $E:VENVHOOK) init elvish | slurp) &on-end={|ns|' \
		'  var show = { echo (str:replace "\x1f" "<US>" (str:replace "\x1e" "<RS>" ($ns[__venvhook_cmdlines~]))) }' \
		'  for i [(range 1 71)] { $ns[__venvhook_preexec~] l$i }; $show' \
		'}' >"$T/t4.elv"
	run "$VH_ELVISH" -norc "$T/t.elv"
	assert_success
	assert_output "
<RS><RS>echo a<US>python3 -m venv .venv<US><RS>
b<RS><RS><RS>"
	run "$VH_ELVISH" -norc "$T/t2.elv"
	assert_output "b<RS><RS><RS>"
	run "$VH_ELVISH" -norc "$T/t3.elv"
	assert_output "b<RS><RS><RS>"
	run "$VH_ELVISH" -norc "$T/t4.elv"
	assert_output "t<RS><RS>l70<US><RS>"
}
