#!/usr/bin/env bats
# The shell code venvhook ships is linted, and defines only prefixed names.

load helpers

setup() { vh_setup; }

# Every shell of configure.ac's list ($VH_SHELLS): its hook, its prompt
# segment where it has one, and init's output of both, through the check its
# driver names (drv_lint: shellcheck, zsh -n, fish --no-execute, tcsh -n,
# ksh93 -n, mksh -n).
@test "each shell's hook and prompt segment pass its checks, as written and as init prints them" {
	local sh f body
	[[ -n ${VH_SHELLS:-} ]] || fail "VH_SHELLS is set by make check"
	for sh in $(vh_shells); do
		vh_use_driver "$sh"
		for f in "$VH_SRCDIR/hooks/venvhook.$sh" "$VH_SRCDIR/hooks/prompt.$sh"; do
			[[ -e $f || $f == */prompt.* ]] || fail "$sh: no $f"
			[[ -e $f ]] || continue
			run drv_lint "$f"
			assert_success
		done
		# the hook init evals, and its guard: a one-line shell's whole
		# output as its eval joins it; the whole output of a shell whose
		# hook stands in it as it is (nushell's, xonsh's, elvish's guard
		# lines are theirs too); else the first line, before the hook
		# in one quoted word (whose quotes fish reads differently, on
		# purpose: shells/guard.c)
		init_body "$sh" >"$T/init.$sh"
		run drv_lint "$T/init.$sh"
		assert_success
		body=$(cat "$T/init.$sh")
		"$VENVHOOK" init "$sh" >"$T/init.$sh"
		if [[ " $VH_ONE_LINE_SHELLS " == *" $sh "* ]]; then
			tr '\n' ' ' <"$T/init.$sh" >"$T/init.$sh.joined"
			mv "$T/init.$sh.joined" "$T/init.$sh"
		elif [[ $(cat "$T/init.$sh") != *"$body"* ]]; then
			sed -i 2,\$d "$T/init.$sh"
		fi
		SHELLCHECK_OPTS='-e SC1003,SC2016' run drv_lint "$T/init.$sh"
		assert_success
		[[ -e $VH_SRCDIR/hooks/prompt.$sh ]] || continue
		init_body "$sh" --prompt >"$T/init.$sh"
		run drv_lint "$T/init.$sh"
		assert_success
	done
}

# shell_files_missing SRCDIR NAME...: what the tree SRCDIR lacks of each
# registered shell's files (HACKING.md, "Adding a shell"), one line each:
# its hook, its prompt segment exactly where init NAME --prompt gives one,
# its driver (naming it, with what helpers.bash and the loops over the
# shells call), its noproc scenario file, its own suite, its
# tests/pathedit file (tests/unit/test_pathedit.c).
DRV_FUNCTIONS='drv_write_rc drv_interactive drv_var drv_status drv_child_line drv_init_line drv_unwrap
drv_setenv drv_unsetenv drv_setvar drv_lint drv_parse'
DRV_VARIABLES='drv_name drv_exe drv_noise drv_own_names drv_completion'
shell_files_missing() {
	local src=$1 sh f name
	shift
	for sh in "$@"; do
		for f in hooks/venvhook.$sh tests/drivers/$sh.driver tests/noproc/$sh.noproc \
			tests/bats/$sh.bats tests/pathedit/$sh.pathedit; do
			[[ -s $src/$f ]] || echo "$sh: no $f"
		done
		if "$VENVHOOK" init "$sh" --prompt >/dev/null 2>&1; then
			[[ -s $src/hooks/prompt.$sh ]] || echo "$sh: init $sh --prompt works, but no hooks/prompt.$sh"
		elif [[ -e $src/hooks/prompt.$sh ]]; then
			echo "$sh: hooks/prompt.$sh, but init $sh --prompt gives none"
		fi
		# doctor's first answer, through call, is the call of this (asks_shell)
		if [[ -s $src/hooks/venvhook.$sh ]] &&
			! grep -qE '^(function |def |alias |set )?__venvhook_doctor\b' "$src/hooks/venvhook.$sh"; then
			echo "$sh: hooks/venvhook.$sh defines no __venvhook_doctor"
		fi
		if [[ -s $src/tests/pathedit/$sh.pathedit ]] &&
			! grep -qx '#@step' "$src/tests/pathedit/$sh.pathedit"; then
			echo "$sh: tests/pathedit/$sh.pathedit has no line #@step"
		fi
		[[ -s $src/tests/drivers/$sh.driver ]] || continue
		(
			# shellcheck source=/dev/null
			source "$src/tests/drivers/$sh.driver"
			[[ ${drv_name:-} == "$sh" ]] || echo "$sh: its driver names itself '${drv_name:-}'"
			for name in $DRV_FUNCTIONS; do
				declare -F "$name" >/dev/null || echo "$sh: its driver defines no $name"
			done
			for name in $DRV_VARIABLES; do
				[[ -v $name ]] || echo "$sh: its driver sets no $name"
			done
		)
	done
}

# The registry: configure.ac's list (VH_SHELLS) and the shells the binary
# knows (vh_shells, as its errors list them), which must be the same.
@test "every registered shell has its hook, driver, noproc, suite and pathedit files; test_pathedit.c names none" {
	local known
	[[ -n ${VH_SHELLS:-} ]] || fail "VH_SHELLS is set by make check"
	run --separate-stderr "$VENVHOOK" init nosuchshell
	known=${stderr##*known: }
	known=${known%)}
	assert_equal "${known//, / }" "$VH_SHELLS"
	run shell_files_missing "$VH_SRCDIR" $VH_SHELLS
	assert_success
	assert_output ""
	# the tests that go over the registry name no shell: its files do
	run grep -nwiE "${VH_SHELLS// /|}|ksh|nushell" "$VH_SRCDIR/tests/unit/test_pathedit.c"
	assert_output ""
}

@test "the shell files' lint fails on a shell added to the registry without its files" {
	local sh none=""
	run shell_files_missing "$VH_SRCDIR" $VH_SHELLS fakesh
	assert_output "fakesh: no hooks/venvhook.fakesh
fakesh: no tests/drivers/fakesh.driver
fakesh: no tests/noproc/fakesh.noproc
fakesh: no tests/bats/fakesh.bats
fakesh: no tests/pathedit/fakesh.pathedit"
	# a driver that lacks what the loops call, a pathedit file without its
	# steps, a prompt segment init does not print
	mkdir -p "$T/src/hooks" "$T/src/tests"
	cp -R "$VH_SRCDIR/hooks/." "$T/src/hooks/"
	cp -R "$VH_SRCDIR/tests/drivers" "$VH_SRCDIR/tests/noproc" "$VH_SRCDIR/tests/bats" \
		"$VH_SRCDIR/tests/pathedit" "$T/src/tests/"
	sh=${VH_SHELLS%% *}
	sed -i 's/^drv_parse()/drv_parse_gone()/' "$T/src/tests/drivers/$sh.driver"
	sed -i '/^#@step$/d' "$T/src/tests/pathedit/$sh.pathedit"
	sed -i 's/__venvhook_doctor/__venvhook_dr/g' "$T/src/hooks/venvhook.$sh"
	run shell_files_missing "$T/src" "$sh"
	assert_output "$sh: hooks/venvhook.$sh defines no __venvhook_doctor
$sh: tests/pathedit/$sh.pathedit has no line #@step
$sh: its driver defines no drv_parse"
	for sh in $VH_SHELLS; do
		"$VENVHOOK" init "$sh" --prompt >/dev/null 2>&1 || none=$sh
	done
	[[ -n $none ]] || return 0 # (every shell has a prompt segment)
	touch "$T/src/hooks/prompt.$none"
	run shell_files_missing "$T/src" "$none"
	assert_output "$none: hooks/prompt.$none, but init $none --prompt gives none"
	rm "$T/src/hooks/prompt.$none"
	run shell_files_missing "$T/src" "$none"
	assert_output ""
}

# alias_bodies FILE: the body of every alias FILE (an init output for the
# csh family) defines, one a line, with each '!' escaped as the alias
# definition had it; tcsh -n checks no alias body where it is defined.
alias_bodies() {
	# not interactive: the aliases of cwdcmd, precmd and cd are the user's
	"$VH_TCSH" -f -c 'eval "`cat $1:q`" ; alias' "$1" | sed -e 's/^[^	]*	//' -e 's/!/\\!/g'
}

@test "the one-line shells' alias bodies parse (tcsh -n on each body, as it is defined)" {
	local sh n prompt=()
	[[ -n ${VH_ONE_LINE_SHELLS:-} ]] || fail "VH_ONE_LINE_SHELLS is set by make check"
	for sh in $VH_ONE_LINE_SHELLS; do
		if "$VENVHOOK" init "$sh" --prompt >/dev/null 2>&1; then prompt+=("$sh --prompt"); fi
	done
	for sh in $VH_ONE_LINE_SHELLS "${prompt[@]}"; do
		# shellcheck disable=SC2086  # "SHELL --prompt" is two words
		init_body $sh >"$T/init"
		alias_bodies "$T/init" >"$T/bodies"
		n=$(grep -c . "$T/bodies")
		((n >= 10)) || fail "$sh: only $n alias bodies: $(cat "$T/bodies")"
		run "$VH_TCSH" -n "$T/bodies"
		assert_success
		assert_output ""
	done
}

@test "each completion file passes its shell's checks (drv_lint), and every one is a shell's" {
	local sh f n=0 own=" "
	for f in "$VH_SRCDIR"/tests/drivers/*.driver; do
		own+="$(vh_driver_only "$f" && echo "$drv_completion") "
	done
	for f in "$VH_COMPLETIONS"/*; do
		case $f in *.in | *.mk | */table) continue ;; esac
		[[ $own == *" ${f##*/} "* ]] || fail "${f##*/}: no driver names it as its shell's (drv_completion)"
	done
	# (the others' come with the hook, which the first test checks)
	for sh in $(vh_shells); do
		vh_driver_only "$sh"
		[[ -n $drv_completion ]] || continue
		run drv_lint "$VH_COMPLETIONS/$drv_completion"
		assert_success
		n=$((n + 1))
	done
	((n > 0)) || fail "no completion file checked"
}

# core/ goes through shells/ (the registry) for everything a shell knows:
# no shell's name, and none of the syntax core used to write (statement
# ends, command substitution, eval, the shells' assignment builtins) in
# its string literals (comments and all for the names; the two other
# tools named after zsh are names, not shells).
@test "core/ names no shell and writes no shell syntax" {
	local names f
	[[ -n ${VH_SHELLS:-} ]] || fail "VH_SHELLS is set by make check"
	names=$(tr ' ' '|' <<<"$VH_SHELLS|ksh")
	run bash -c 'grep -nEw "$1" "$2"/core/*.[ch] "$2"/core/*/*.[ch] | grep -v -e zsh-autoswitch-virtualenv -e oh-my-zsh' _ "$names" "$VH_SRCDIR"
	assert_output ""
	for f in "$VH_SRCDIR"/core/*.[ch] "$VH_SRCDIR"/core/*/*.[ch]; do
		# (madeby.c reads the user's command lines: the commands it
		# knows, eval and builtin among them, are words it reads, not
		# syntax it writes)
		[[ ${f##*/} == madeby.c ]] && continue
		gcc -fpreprocessed -dD -E -P "$f" | grep -o '"\([^"\\]\|\\.\)*"' |
			grep -E '\$\(|`[a-z$"]| ;\\n|\<eval\>|\<(un)?setenv\>|\<builtin\>|set -[gxeA]|\<export [A-Za-z_]+=|\<unset -|\<alias\>|\<source\>' |
			sed "s|^|${f##*/}: |"
	done >"$T/syntax"
	run cat "$T/syntax"
	assert_output ""
}

# The layout (HACKING.md's map): every source under core/ and shells/ is
# in Makefile.am's lists (a file left out would not be built or shipped),
# and core/util/, the base, includes nothing of the layers above it.
@test "every source of core/ and shells/ is built, and core/util/ includes only core/util/" {
	local f missing=""
	for f in "$VH_SRCDIR"/core/*.[ch] "$VH_SRCDIR"/core/*/*.[ch] "$VH_SRCDIR"/shells/*.[ch]; do
		f=${f#"$VH_SRCDIR"/}
		grep -qE "(^|[[:space:]=])$f([[:space:]\\]|\$)" "$VH_SRCDIR/Makefile.am" || missing+=" $f"
	done
	assert_equal "$missing" ""
	run bash -c 'grep -Hn "#include \"" "$1"/core/util/*.[ch] | grep -v "#include \"core/util/"' _ "$VH_SRCDIR"
	assert_output ""
}

# HACKING.md's "Errors": a failure returns a named code from core/util/err.h
# (VH_ENOMEM, VH_EIO...), never a bare -1, and an answer of more than two
# outcomes a named enum, never a bare 2. Prints each offending line.
bare_codes() {
	local files
	files=$(find "$1/core" "$1/shells" -name '*.c' | sort)
	# shellcheck disable=SC2086  # the sources' paths hold no blank
	grep -nE 'return -[0-9]+;|\<(rc|r) = -[0-9]+[;,]' $files
	# a bare 2 and up, in a function that returns int (a size_t is a count)
	awk '/^[a-z].*\(/ && !/;[ \t]*$/ { sig = $0 }
	     /^\{/ { in_int = sig ~ /^(static )?int / }
	     /^\}/ { in_int = 0 }
	     in_int && /return [2-9];/ { print FILENAME ":" FNR ":" $0 }' $files
}

@test "core/ and shells/ return named codes: no bare return -1, no bare 2" {
	run bare_codes "$VH_SRCDIR"
	assert_output ""
}

@test "every command entry a cmd_*.c defines is in the table, and declared once in cmd.h" {
	local name missing=""
	for name in $(sed -n 's/^const struct vh_cmd \(vh_cmd_[a-z_]*\) = {$/\1/p' "$VH_SRCDIR"/core/cmd/cmd_*.c); do
		grep -q "&$name,\$" "$VH_SRCDIR/core/cmd/cmds.c" || missing+=" $name (table)"
		grep -qE "[[:space:],]$name[,;]" "$VH_SRCDIR/core/cmd/cmd.h" || missing+=" $name (cmd.h)"
	done
	[[ -n $name ]] || fail "no entry found: the pattern is stale"
	assert_equal "$missing" ""
}

@test "no C function in core/ or shells/ is longer than 80 lines" {
	run bash -c 'awk '\''/^[a-zA-Z].*\(/ && !/;[ \t]*$/ { sig = $0 }
		/^\{/ { start = FNR; name = sig }
		/^\}/ && start { if (FNR - start - 1 > 80) print FILENAME ": " FNR - start - 1 " lines: " name; start = 0 }'\'' \
		$(find "$1/core" "$1/shells" -name "*.c" | sort)' _ "$VH_SRCDIR"
	assert_output ""
}

@test "the named-code lint fails on a bare return -1 added to core/" {
	local t="$BATS_TEST_TMPDIR/tree"
	mkdir -p "$t/core/find" "$t/shells"
	cp "$VH_SRCDIR"/core/find/*.c "$t/core/find/"
	cp "$VH_SRCDIR"/shells/*.c "$t/shells/"
	run bare_codes "$t"
	assert_output ""
	printf 'static int f(void)\n{\n\treturn -1;\n}\n' >>"$t/core/find/discover.c"
	run bare_codes "$t"
	assert_output --partial "discover.c"
	assert_output --partial "return -1;"
}

# HACKING.md's "What trust rests on": files are made in one place
# (core/util/fileio.c: mkstemp and rename, or an O_NOFOLLOW open of the
# user's own file), and who can write a file is judged in one place
# (core/util/writers.c, with compat.c's ACLs): no other source creates a
# file or reads a mode's write bits.
@test "only fileio.c creates files, and only writers.c and compat.c judge write bits" {
	run bash -c 'grep -nE "O_CREAT|mkstemp|S_IW(GRP|OTH|USR)|S_IRWX[GO]|[&|] *0?0?2[02]\>" "$1"/core/*/*.c |
		grep -vE "^$1/core/util/(fileio|writers|compat)\.c:"' _ "$VH_SRCDIR"
	assert_output ""
}

@test "the project's own scripts pass shellcheck" {
	run shellcheck "$VH_SRCDIR/bootstrap" "$VH_SRCDIR/.ci/run" "$VH_SRCDIR/tests/run-scenarios" \
		"$VH_SRCDIR/tests/bats/soak.bash" "$VH_SRCDIR/tests/bats/valgrind.bash" "$VH_SRCDIR/fuzz/smoke" \
		"$VH_SRCDIR/build-aux/embed.sh" "$VH_SRCDIR/build-aux/completion.sh" "$VH_SRCDIR/demo/run" \
		"$VH_SRCDIR/tests/check-builds" "$VH_SRCDIR/fuzz/longseeds" "$VH_SRCDIR/tests/bats/attack.bash"
	assert_success
}

# One pattern per way a name gets defined, for the shells of the sh
# family, fish and csh: sh name() and name=, ksh and fish function,
# fish/csh/ksh set, sh local/typeset, csh alias. A shell of another kind
# gives its own (its driver's drv_def_patterns); a pattern's last word is
# the name.
DEF_PATTERNS='^[[:space:]]*[A-Za-z_][A-Za-z0-9_]*(\(\)|=)
(^|[[:space:]])function[[:space:]]+[A-Za-z_][A-Za-z0-9_]*
(^|[[:space:];\\])set([[:space:]]+-[A-Za-z]+)*([[:space:]]+--)?[[:space:]]+[A-Za-z_][A-Za-z0-9_]*
(^|[[:space:];])(local|typeset)([[:space:]]+-[a-z]+)*[[:space:]]+[A-Za-z_][A-Za-z0-9_]*
(^|[[:space:];)])alias[[:space:]]+[A-Za-z_][A-Za-z0-9_]*'

# defined CODE PATTERNS: the names CODE defines by PATTERNS that are not
# venvhook's own (prefixed) nor in $own.
defined() {
	local pattern
	while IFS= read -r pattern; do
		[[ -n $pattern ]] || continue
		grep -oE "$pattern" <<<"$1" | sed -E 's/(\(\)|=)$//; s/[^A-Za-z0-9_~:-]+$//' |
			grep -oE '[A-Za-z_][A-Za-z0-9_:-]*~?$' |
			grep -vE "^(__venvhook_[A-Za-z0-9_]*~?|$own)\$" || true
	done <<<"$2"
}

@test "every function, alias and variable the hooks define is prefixed __venvhook_" {
	local code bad="" own="venvhook~?|deactivate~?|pydoc~?|__VENVHOOK_[A-Z_]+|PATH|path|VIRTUAL_ENV|VIRTUAL_ENV_PROMPT|PYTHONHOME|CONDA_PREFIX|CONDA_DEFAULT_ENV|CONDA_SHLVL|CONDA_PROMPT_MODIFIER|CONDA_PREFIX_1|CONDA_STACKED_2" sh
	# venvhook and deactivate are the two commands the user types, and
	# pydoc the one the activate scripts define; the variables venvhook
	# sets in the environment (its own exported __VENVHOOK_ names, and
	# those activation changes, which the hook puts back when the binary
	# is gone: PATH, csh's path list, VIRTUAL_ENV, conda's...); the names each shell's
	# own interfaces go by, which the hooks join, chain onto or wrap, each
	# driver lists (drv_own_names: PROMPT_COMMAND, cwdcmd, PS1...).
	[[ -n ${VH_SHELLS:-} ]] || fail "VH_SHELLS is set by make check"
	for sh in $VH_SHELLS; do
		vh_use_driver "$sh"
		own+="|${drv_own_names// /|}"
	done
	for sh in $VH_SHELLS; do
		vh_use_driver "$sh"
		# (fish's `set -q NAME` only asks whether NAME is set, and `set -e
		# NAME` erases it: what an activate script left, once venvhook
		# adopted its env)
		code=$(cat "$VH_SRCDIR/hooks/venvhook.$sh" "$VH_SRCDIR"/hooks/prompt."$sh" 2>/dev/null |
			grep -v '^[[:space:]]*#' | sed -E 's/set -[qe] [A-Za-z_]+//g')
		bad+=$(defined "$code" "${drv_def_patterns:-$DEF_PATTERNS}")
		[[ -n $drv_completion ]] || continue
		code=$(grep -v '^[[:space:]]*#' "$VH_COMPLETIONS/$drv_completion" | sed -E 's/set -q [A-Za-z_]+//g')
		bad+=$(defined "$code" "$DEF_PATTERNS")
	done
	assert_equal "$bad" ""
}

# loaded_names SHELL [PROMPT]: the names loading the hook (with --prompt
# too, when PROMPT is set) adds in SHELL, as its driver lists them
# (drv_names), one a line, less those the shell itself changes by then
# (drv_names_noise).
loaded_names() {
	local sh=$1 line="" out
	vh_use_driver "$sh"
	if [[ -n ${2:-} ]]; then
		line=$(drv_init_line)
		line=${line/init $sh/init $sh --prompt}
	fi
	drv_write_rc "$(drv_names B)" "$line
$(drv_names A)"
	out=$(printf 'exit\n' | drv_interactive 2>/dev/null | tr -d '\r')
	comm -13 <(sed -n 's/^B //p' <<<"$out" | sort -u) <(sed -n 's/^A //p' <<<"$out" | sort -u) |
		grep -vxE "${drv_names_noise:-}" || true
}

@test "loading init, and init --prompt, defines nothing unprefixed, in each shell that can list its names" {
	local sh added bad="" n=0 own
	for sh in $(vh_shells); do
		# (a driver's optional names: not what the one before left)
		unset -f drv_names
		unset drv_names_noise
		vh_use_driver "$sh"
		declare -F drv_names >/dev/null || continue
		own="__venvhook_.*|venvhook|${drv_own_names// /|}"
		added=$(loaded_names "$sh")
		[[ $added == *__venvhook_* ]] || fail "$sh: loading the hook added no __venvhook_ name: '$added'"
		bad+=$(grep -vxE "$own" <<<"$added" | sed "s/^/$sh: /; s/\$/ ;/")
		added=$(loaded_names "$sh" prompt)
		bad+=$(grep -vxE "$own" <<<"$added" | sed "s/^/$sh --prompt: /; s/\$/ ;/")
		n=$((n + 1))
	done
	assert_equal "$bad" ""
	((n >= 2)) || fail "only $n shells list their names"
}

@test "the man page passes mandoc -Tlint; its SYNOPSIS is venvhook --help's usage lines, word for word" {
	command -v mandoc >/dev/null || fail "mandoc is needed (apt-get install mandoc)"
	run mandoc -Tlint -Wwarning "$VH_SRCDIR/doc/venvhook.1"
	assert_success
	assert_output ""
	# the SYNOPSIS as man shows it, overstrikes and indentation removed
	local synopsis want u
	synopsis=$(mandoc -Tascii -Owidth=200 "$VH_SRCDIR/doc/venvhook.1" | sed $'s/.\b//g' |
		sed -n '/^SYNOPSIS$/,/^DESCRIPTION$/p' | sed -e '1d' -e '$d' -e '/^$/d' -e 's/^ *//')
	# (the usage column of --help; commands without usage, like call, are not listed)
	want=$("$VENVHOOK" --help | sed -n '/^commands:$/,/^$/p' |
		sed -nE 's/^  ([^ ]+( [^ ]+)*)  +[^ ].*$/venvhook \1/p')
	[[ $want == *"venvhook activate [--force] NAME|PATH"* ]] || fail "--help not parsed: $want"
	assert_equal "$synopsis" "$want
venvhook COMMAND --help
venvhook --help
venvhook --version"
}

# rc_lines_help: the rc line table of --help, one "SHELL|FILE|LINE" a line.
rc_lines_help() {
	"$VENVHOOK" --help | sed -n '/^Load the hook from/,/^$/p' | sed -e '1d' -e '/^$/d' |
		sed -E 's/^  ([^ ]+) +([^ ]+) +(.*)$/\1|\2|\3/'
}

@test "the README fits a screen: under 12 KB" {
	local size
	size=$(wc -c <"$VH_SRCDIR/README.md")
	((size < 12 * 1024)) || fail "README.md is $size bytes: documentation goes to doc/venvhook.1 or doc/, with at most a link line in the README"
}

@test "the rc line tables of the README and the man page are --help's, row for row" {
	local want readme man
	want=$(rc_lines_help)
	[[ $want == *'bash|~/.bashrc|eval "$(venvhook init bash)"'* ]] || fail "--help not parsed: $want"
	[[ $(cut -d'|' -f1 <<<"$want" | uniq | tr '\n' ' ') == "$VH_SHELLS " ]] || fail "--help has not the lines of each shell of $VH_SHELLS, in order: $want"
	# the README's table: | shell | `file` | `line` |, '|' escaped in a cell
	readme=$(sed -n '/^| shell | file | line |$/,/^$/p' "$VH_SRCDIR/README.md" | sed -e '1,2d' -e '/^$/d' |
		sed -E -e 's/^\| (.*) \|$/\1/' -e 's/ \| /|/g' -e 's/\\\|/|/g' -e 's/(^|\|)`+ ?/\1/g' -e 's/ ?`+(\||$)/\1/g')
	assert_equal "$readme" "$want"
	# the man page's Shell setup list: "SHELL, FILE" and the line below it
	man=$(mandoc -Tascii -Owidth=200 "$VH_SRCDIR/doc/venvhook.1" | sed $'s/.\b//g' |
		sed -n '/^   Shell setup$/,/^   Discovery$/p' | sed -n '/^     [a-z0-9]*, /,$p' |
		awk '/^     [a-z0-9]+, / { sub(/^ +/, ""); sub(/, /, "|"); head = $0; next }
			/^             / && head != "" { sub(/^ +/, ""); print head "|" $0; head = ""; next }
			/^$/ { next } { exit }')
	assert_equal "$man" "$want"
}

@test "the man page's config keys and defaults are what venvhook config prints" {
	local man want
	want=$(env -u XDG_CONFIG_HOME HOME="$T" "$VENVHOOK" config | grep -v '^#')
	[[ $want == *"trust = strict"* ]] || fail "config not parsed: $want"
	man=$(sed -n '/^\.Sh CONFIGURATION$/,/^\.Sh /p' "$VH_SRCDIR/doc/venvhook.1" |
		sed -nE 's/^\.It Ic ([a-z_]+) No = Li (.*)$/\1 = \2/p')
	assert_equal "$man" "$want"
}

# doc/THREATS.md (issue 22): every input core/ names has a row, and every
# row names a test that exists (tests/threats-lint says how it looks).
@test "the threat model names every input core/ reads, and every test it names exists" {
	run bash "$VH_SRCDIR/tests/threats-lint" "$VH_SRCDIR"
	assert_success
	assert_output ""
}

@test "the threat model's lint fails on an input added without its row, and on a test that does not exist" {
	mkdir -p "$T/src/core/find" "$T/src/doc" "$T/src/tests/unit"
	cp "$VH_SRCDIR/core/find/discover.c" "$T/src/core/find/"
	cp "$VH_SRCDIR/doc/THREATS.md" "$T/src/doc/"
	printf 'int x;\n' >"$T/src/tests/unit/test_policy.c"
	# a row for the names discover.c asks, a made-up test named in it
	printf '| `pyvenv.cfg` `pyproject.toml` `uv.lock` `Pipfile` `.python-version` `.git` `HEAD` `PWD` `.venv` | x | x | `tests/unit/test_policy.c` "no such test" |\n' \
		>"$T/src/doc/THREATS.md"
	printf '%s\n' '#include <stdlib.h>' '/* "COMMENT_ONLY" */' \
		'const char *f(void) { return getenv("VH_NEW_INPUT") ? "newconf.toml" : ".newdot"; }' \
		>"$T/src/core/find/new.c"
	run bash "$VH_SRCDIR/tests/threats-lint" "$T/src"
	assert_failure
	assert_line "threats-lint: core/ reads 'VH_NEW_INPUT' but no row of THREATS.md names it"
	assert_line "threats-lint: core/ reads 'newconf.toml' but no row of THREATS.md names it"
	assert_line "threats-lint: core/ reads '.newdot' but no row of THREATS.md names it"
	assert_line 'threats-lint: tests/unit/test_policy.c has no test named "no such test"'
	refute_output --partial COMMENT_ONLY
	# and a test file that is not there
	printf '| `x` | x | x | `tests/unit/test_gone.c` |\n' >>"$T/src/doc/THREATS.md"
	run bash "$VH_SRCDIR/tests/threats-lint" "$T/src"
	assert_line "threats-lint: no such test file: tests/unit/test_gone.c"
}

# make mutate's list (tests/mutate/mutations) still applies: each original
# line is in its file exactly once and each test it names exists, so moved
# code fails here, in check, and not only in a make mutate run.
@test "every mutation make mutate applies still finds its line, and its tests exist" {
	run env MUTATE_LINT=1 bash "$VH_SRCDIR/tests/mutate/run"
	assert_success
	refute_output --partial STALE
	# and a mutation whose line has moved is named
	printf 'name: moved\nfile: core/trust/policy.c\nfrom: no such line\nto: x\ntest: tests/unit/test_policy\n' >"$T/list"
	run env MUTATE_LINT=1 bash "$VH_SRCDIR/tests/mutate/run" "$T/list"
	assert_failure
	assert_line "STALE     moved: 'no such line' is in core/trust/policy.c 0 times, not once"
}

# A test that needs a program says which package has it ("apt-get install
# P"); bootstrap, which CI runs on a fresh machine, must install each P, or
# CI fails where a developer's machine, which happens to have it, passes.
@test "every package a test asks for is one bootstrap installs" {
	local p missing=()
	while read -r p; do
		grep -qE "(^|[[:space:]\"])$p([[:space:]\"]|$)" "$VH_SRCDIR/bootstrap" || missing+=("$p")
	done < <(grep -rhoP 'apt-get install \K[a-z0-9][a-z0-9.+-]*(?![a-z0-9.+:-])' "$VH_SRCDIR/tests" | sort -u)
	assert_equal "${missing[*]}" ""
}

@test "the prompt segments replace exactly the characters venvhook's own names lose (msg.c), one list each" {
	# C1 (U+0080-U+009F) and the bidi controls of core/util/msg.c's
	# bidi_control, as the UTF-8 byte escapes the sh-family segments list
	local cps=() cp want file got
	for ((cp = 0x80; cp < 0xa0; cp++)); do cps+=("$cp"); done
	# read the bidi code points from msg.c itself, so the two cannot part
	local ranges
	ranges=$(sed -n '/^static int bidi_control/,/^}/p' "$VH_SRCDIR/core/util/msg.c")
	while read -r lo hi; do
		for ((cp = lo; cp <= hi; cp++)); do cps+=("$cp"); done
	done < <(grep -oE 'cp >= 0x[0-9a-f]+ && cp <= 0x[0-9a-f]+' <<<"$ranges" | sed -E 's/cp >= (0x[0-9a-f]+) && cp <= (0x[0-9a-f]+)/\1 \2/')
	while read -r cp; do cps+=("$cp"); done < <(grep -oE 'cp == 0x[0-9a-f]+' <<<"$ranges" | sed 's/cp == //')
	want=$(python3 -c 'import sys
for c in sorted(set(int(a, 0) for a in sys.argv[1:])):
    print("".join("\\x%02x" % b for b in chr(c).encode()))' "${cps[@]}" | sort)
	assert_equal "$(wc -l <<<"$want")" 44
	for file in prompt.bash prompt.zsh prompt.ksh93 prompt.mksh; do
		got=$(grep -oE "\\\$'(\\\\x[0-9a-f]{2})+'" "$VH_SRCDIR/hooks/$file" | tr -d "\$'" | sort)
		assert_equal "$got" "$want"
	done
}
