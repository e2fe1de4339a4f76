#!/usr/bin/env bats
# What only nushell has: hooks that run only before a prompt, no eval (init
# saved by env.nu, sourced by config.nu; export read as data), the state in
# a record, and, at a real terminal (tmux), the hook and the --prompt
# segment as the user meets them. (The scenarios run it through
# tests/helpers/ptyshell: it reads only a terminal.)

load helpers
load term

setup_file() { vh_skip_uninstalled nu; }
setup() { term_setup nu; }
teardown() { term_teardown; }

@test "init takes nushell as well as nu; what it prints parses in the nushell installed (nu-check)" {
	run "$VENVHOOK" init nushell
	assert_success
	[[ $output == "$("$VENVHOOK" init nu)" ]]
	"$VENVHOOK" init nu --prompt >"$T/init.nu"
	run drv_lint "$T/init.nu"
	assert_success
	run "$VH_NU" --version
	echo "# nushell $output" >&3
}

@test "a cd switches the env at the next prompt: the rest of its line runs before it" {
	session 'line cd ($env.T | path join proj); print $"ve=($env.VIRTUAL_ENV? | default none)"' \
		'line print $"ve=($env.VIRTUAL_ENV? | default none)"'
	assert_equal "$output" "ve=none
ve=$T/proj/.venv"
}

@test "the hook's state is a record nushell hands no command; what a parent left is reset" {
	session "cd proj" 'line ^printenv | lines | where {|l| $l starts-with "__venvhook" } | length | print $"exported=($in)"' \
		'line print ($env.__venvhook_state | describe)'
	assert_line "exported=0"
	assert_line --partial "record<"
	# a __venvhook_state in the environment a shell starts with is not its state
	export __venvhook_state=junk
	session report
	assert_inactive 1
	assert_equal "$stderr" ""
}

@test "doctor: a saved init from another venvhook, or hooks set again after it, are problems" {
	session "run venvhook doctor" status
	assert_line "ok       the hook loaded from ~/.venvhook.nu is this venvhook's"
	assert_line "ok       the hook runs on directory changes"
	assert_line "ok       the hook runs before each prompt"
	assert_line "status=0"
	# the file saved once, by an older venvhook: its version differs
	printf '$env.config.show_banner = false\n' >"$HOME/.config/nushell/env.nu"
	sed -i 's/^__venvhook_local "__venvhook_made" .*/__venvhook_local "__venvhook_made" "0.0.1-0000"/' "$HOME/.venvhook.nu"
	session "run venvhook doctor" status
	assert_line --partial "problem  the hook loaded from ~/.venvhook.nu was made by another venvhook (0.0.1-0000; this one is "
	assert_line --partial "'venvhook init nu | save -f ~/.venvhook.nu' in ~/.config/nushell/env.nu makes it at each start"
	assert_line "status=1"
	drv_write_rc "" '$env.config.hooks.pre_prompt = []'
	session "run venvhook doctor" status
	assert_line --partial 'problem  $env.config.hooks.pre_prompt no longer holds venvhook'"'"'s hook'
	assert_line "status=1"
}

@test "loaded twice: one hook in each list, one activation line" {
	drv_write_rc "" "$(drv_init_line)"
	session "cd proj" report 'line print $"hooks=($env.config.hooks.env_change.PWD | length) ($env.config.hooks.pre_prompt | length)"'
	assert_active 1 "$T/proj/.venv"
	assert_line "hooks=1 1"
	assert_equal "$(grep -c '^venvhook: activated' <<<"$stderr")" 1
}

@test "completion: commands, a command's options, init's shells, the env names" {
	export WORKON_HOME=$T/workon
	mkenv "$WORKON_HOME/alpha"
	mkenv "$WORKON_HOME/beta two"
	session 'line __venvhook_complete "venvhook " | each {|c| print $"c=($c)" } | ignore' \
		'line __venvhook_complete "venvhook de" | each {|c| print $"c=($c)" } | ignore' \
		'line __venvhook_complete "venvhook init " | each {|c| print $"c=($c)" } | ignore' \
		'line __venvhook_complete "venvhook list -" | each {|c| print $"c=($c)" } | ignore' \
		'line __venvhook_complete "venvhook activate " | each {|c| print $"c=($c)" } | ignore'
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

@test "nu at a terminal: started in a project, --prompt, idle prompts, an env made at the prompt" {
	mkdir -p "$HOME/.config/nushell"
	printf '^$env.VENVHOOK init nu --prompt | save -f ~/.venvhook.nu\n' >"$HOME/.config/nushell/env.nu"
	printf '%s\n' '$env.config.show_banner = false' '$env.PROMPT_COMMAND = {|| "READY" }' \
		'$env.PROMPT_COMMAND_RIGHT = ""' '$env.PROMPT_INDICATOR = "> "' \
		'source ~/.venvhook.nu' 'source ~/.venvhook.nu' >"$HOME/.config/nushell/config.nu"
	term_walk 'print $"ve=[($env.VIRTUAL_ENV?)]"' -- "$VH_NU" --no-history
}

# (the value as printed: the bytes 036 and 037 as <RS> and <US>; nushell's
# commandline, which a script has not, stands in for by a command of that
# name defined before the hook)
@test "the lines handed to export: the format, 64 at most, a line holding 036 or 037 or too large is unreadable" {
	"$VENVHOOK" init nu >"$T/vh.nu"
	printf '%s\n' 'def commandline [] { $env.__vh_line }' "source $T/vh.nu" \
		'def show [] { print (__venvhook_cmdlines | str replace -a (char --integer 30) "<RS>" | str replace -a (char --integer 31) "<US>") }' \
		'def --env typed [l: string] { $env.__vh_line = $l; __venvhook_preexec }' \
		'show' \
		'typed "echo a"; typed "  "; typed "python3 -m venv .venv"; show' \
		'typed ("x" + (char --integer 31) + "y"); show' \
		'$env.__venvhook_state.lines = []; typed ("x" + (char --integer 30)); show' \
		'$env.__venvhook_state.lines = []; typed (1..131072 | each { "x" } | str join); show' \
		'$env.__venvhook_state.lines = []; for i in 1..70 { typed $"l($i)" }; show' >"$T/t.nu"
	run "$VH_NU" --no-config-file "$T/t.nu"
	assert_success
	assert_output "
<RS><RS>echo a<US>python3 -m venv .venv<US><RS>
b<RS><RS><RS>
b<RS><RS><RS>
b<RS><RS><RS>
t<RS><RS>l70<US><RS>"
}
