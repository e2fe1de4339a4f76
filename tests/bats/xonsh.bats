#!/usr/bin/env bats
# What only xonsh has: events.on_chdir inside cd, on_pre_prompt, $PATH as
# an EnvPath, Python for what venvhook prints, vox and autovox, and, at a
# real terminal (tmux), the hook and the --prompt segment as the user meets
# them. (The scenarios run its prompt_toolkit shell through
# tests/helpers/ptyshell.)

load helpers
load term

setup() { term_setup xonsh; }
teardown() { term_teardown; }

@test "a cd inside a command line, or in a function, activates before the next command runs" {
	drv_write_rc $'def goto(d):\n    cd @(d)\n    printenv VIRTUAL_ENV\n' ""
	session 'line cd $T/proj && printenv VIRTUAL_ENV' "line cd /" 'line goto($T + "/proj")'
	assert_equal "$(grep -c "^$T/proj/.venv$" <<<"$output")" 2
}

@test "\$PATH stays an EnvPath; the hook's names are not exported" {
	session "cd proj" 'line print(type($PATH).__name__, $PATH[0])' \
		'line print("exported=%d" % len([k for k in __xonsh__.env.detype() if k.startswith("__venvhook")]))'
	assert_line "EnvPath $T/proj/.venv/bin"
	assert_line "exported=0"
}

@test "vox: an env it activates is left alone until vox deactivates it; doctor names it while it is on, and autovox while loaded" {
	mkdir -p "$T/venvs"
	/usr/bin/python3 -m venv --without-pip "$T/venvs/mine" || fail "python3 -m venv failed"
	drv_write_rc "\$VIRTUALENV_HOME = '$T/venvs'" 'xontrib load vox'
	session "cd proj" report "line vox activate mine" "cd /" report "run venvhook doctor" \
		"line vox deactivate" "cd proj" report
	assert_active 1 "$T/proj/.venv"
	assert_env 2 VIRTUAL_ENV "$T/venvs/mine"
	assert_line --partial "problem  xonsh's vox also switches envs"
	assert_active 3 "$T/proj/.venv"
	drv_write_rc "" 'xontrib load autovox'
	session "run venvhook doctor" status
	assert_line --partial "problem  xonsh's autovox also switches envs"
	assert_line "status=1"
}

@test "loaded twice: one handler for each event, one activation line" {
	drv_write_rc "" "$(drv_init_line)"
	session "cd proj" report \
		'line print("handlers=%d" % len([h for h in list(events.on_chdir) + list(events.on_pre_prompt) if h.__name__.startswith("__venvhook")] + [h for h in events.on_pre_prompt_format if h.__name__.startswith("__venvhook")]))'
	assert_active 1 "$T/proj/.venv"
	# (on_chdir, on_pre_prompt_format and on_pre_prompt)
	assert_line "handlers=3"
	assert_equal "$(grep -c '^venvhook: activated' <<<"$stderr")" 1
}

@test "doctor: a handler removed after the init line is a problem" {
	session "run venvhook doctor" status
	assert_line "ok       the hook runs on directory changes"
	assert_line "ok       the hook runs before each prompt"
	assert_line "status=0"
	# (what a later part of an rc file may do)
	drv_write_rc "" 'events.on_pre_prompt.clear(); events.on_pre_prompt_format.clear()'
	session "run venvhook doctor" status
	assert_line --partial "problem  events.on_pre_prompt no longer holds venvhook's handler"
	assert_line "status=1"
}

@test "completion, through xonsh's completer: commands, a command's options, init's shells, the env names, paths" {
	export WORKON_HOME=$T/workon
	mkdir "$T/path-here"
	mkenv "$WORKON_HOME/alpha"
	mkenv "$WORKON_HOME/beta two"
	drv_write_rc "" $'from xonsh.completer import Completer\ndef __vh_c(line):\n    w = line.split(" ")[-1]\n    for c in sorted(Completer().complete(w, line, len(line) - len(w), len(line), {}, multiline_text=line, cursor_index=len(line))[0]):\n        print("c=" + c)\n'
	session 'line __vh_c("venvhook ")' 'line __vh_c("venvhook de")' 'line __vh_c("venvhook init ")' \
		'line __vh_c("venvhook list -")' 'line __vh_c("venvhook activate ")' \
		"line __vh_c(\"venvhook allow $T/pa\")" "line __vh_c(\"venvhook activate --force $T/pa\")"
	# a path after allow, deny and activate --force (xonsh's own completer)
	assert_equal "$(grep -c "^c=$T/path-here/\$" <<<"$output")" 2
	assert_line "c=init"
	assert_line "c=--version"
	assert_line "c=deny"
	assert_equal "$(grep -c '^c=init$' <<<"$output")" 1 # not among de...
	assert_line "c=elvish"
	assert_line "c=nu"
	assert_line "c=--paths"
	assert_line "c='beta two'"
	assert_line "c=alpha"
}

@test "xonsh at a terminal: started in a project, --prompt, idle prompts, an env made at the prompt" {
	printf '%s\n' '$PROMPT = "READY> "' '$RIGHT_PROMPT = ""' '$BOTTOM_TOOLBAR = ""' \
		"exec(compile(__import__('subprocess').check_output([\$VENVHOOK, 'init', 'xonsh', '--prompt']), 'venvhook', 'exec'))" \
		"exec(compile(__import__('subprocess').check_output([\$VENVHOOK, 'init', 'xonsh', '--prompt']), 'venvhook', 'exec'))" \
		>"$HOME/.xonshrc"
	term_walk 'echo @("ve=[%s]" % ${...}.get("VIRTUAL_ENV", ""))' -- "$VH_XONSH" --rc "$HOME/.xonshrc" -i
}

# (the value as printed: the bytes 036 and 037 as <RS> and <US>; the hook's
# handler called as on_precommand calls it)
@test "the lines handed to export: the format, 64 at most, a line holding 036, 037 or NUL or too large is unreadable" {
	printf '%s\n' "exec(compile(__import__('subprocess').check_output([\$VENVHOOK, 'init', 'xonsh']), 'venvhook', 'exec'))" \
		"def show(): print(__venvhook_cmdlines().replace('\\x1e', '<RS>').replace('\\x1f', '<US>'))" \
		'show()' \
		"__venvhook_preexec(cmd='echo a\\n'); __venvhook_preexec(cmd='  \\n'); __venvhook_preexec(cmd='python3 -m venv .venv\\n'); show()" \
		"__venvhook_preexec(cmd='x\\x1fy'); show()" \
		"__venvhook_lines.clear(); __venvhook_preexec(cmd='x\\x1e'); show()" \
		"__venvhook_lines.clear(); __venvhook_preexec(cmd='x\\0y'); show()" \
		"__venvhook_lines.clear(); __venvhook_preexec(cmd='x' * 131072); show()" \
		"__venvhook_lines.clear()" \
		"for i in range(1, 71): __venvhook_preexec(cmd='l%d' % i)" "" 'show()' >"$T/t.xsh"
	run "$VH_XONSH" --no-rc "$T/t.xsh"
	assert_success
	assert_output "
<RS><RS>echo a<US>python3 -m venv .venv<US><RS>
b<RS><RS><RS>
b<RS><RS><RS>
b<RS><RS><RS>
b<RS><RS><RS>
t<RS><RS>l70<US><RS>"
}
