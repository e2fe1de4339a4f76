# shellcheck shell=bash
# The soak test (tests/bats/soak.bats): a seeded random walk of `cd`s through
# a generated tree of projects, envs, symlinks, git repositories and hostile
# names, run in one real interactive shell with the hook loaded. After every
# step the shell's exported state is checked against an oracle that knows
# only the tree it generated and the README's discovery rules; venvhook is
# never asked what to expect.
#
# VH_SOAK_SEED picks the tree and the walk (same seed, same run), and
# VH_SOAK_STEPS the number of `cd`s.
#
# shellcheck disable=SC2154 # drv_name, drv_var... come from the loaded driver

# make check's run: fixed, and sized to take a few seconds per shell.
soak_default_seed=20261126
soak_default_steps=300
soak_mut_default_steps=150

# A 31-bit LCG in shell arithmetic, not $RANDOM: bash 5.1 changed how
# $RANDOM follows a seed (see compat50 in bash(1)), and a seed must replay
# anywhere.
__soak_rand() { # N: sets __r to a number in [0, N)
	__soak_s=$(((__soak_s * 1103515245 + 12345) % 2147483648))
	__r=$(((__soak_s >> 8) % $1))
}

# Names a tree is built from. The hostile ones are those the scenario suite
# round-trips; a newline only where the shell can hold one (tcsh and csh
# refuse it, see the README; nushell none that is not UTF-8), and no ':'
# (never put on PATH: a refusal, not a walk).
__soak_names() {
	__soak_plain=(src lib pkg docs app core tools deep a b)
	# shellcheck disable=SC2016,SC1003 # names, not code
	__soak_hostile=("with space" "it's" 'say "hi"' '$(touch PWNED)' '`touch PWNED`'
		'bang!bang' '!!' '100%' '%s%n' 'back\slash\' $'tab\there' $'caf\xc3\xa9'
		$'bad\xff\xfeutf8' '${HOME}' '*' '[ab]' '~' '-n' 'a;b|c&d' $'\033[31mred' '{a,b}' '#x')
	__soak_hostile+=($'new\nline')
	# (only the names the shell can hold: see vh_cannot_hold)
	local h keep=()
	for h in "${__soak_hostile[@]}"; do vh_cannot_hold "$h" || keep+=("$h"); done
	__soak_hostile=("${keep[@]}")
	# shuffled (Fisher-Yates)
	__soak_deck=("${__soak_hostile[@]}")
	local i t
	for ((i = ${#__soak_deck[@]} - 1; i > 0; i--)); do
		__soak_rand $((i + 1))
		t=${__soak_deck[i]}
		__soak_deck[i]=${__soak_deck[__r]}
		__soak_deck[__r]=$t
	done
}

# __soak_name DIR: sets __n to a fresh name for a new entry of DIR, hostile
# about half the time: each hostile name once (__soak_deck), in an order
# the seed picks, then any.
__soak_name() {
	local base
	__soak_rand 2
	if ((__r)) && ((${#__soak_deck[@]})); then
		base=${__soak_deck[-1]}
		unset '__soak_deck[-1]'
	elif ((__r)); then
		__soak_rand ${#__soak_hostile[@]}
		base=${__soak_hostile[__r]}
	else
		__soak_rand ${#__soak_plain[@]}
		base=${__soak_plain[__r]}
	fi
	__soak_fresh "$1" "$base"
}

__soak_fresh() { # DIR BASE: sets __n to BASE, or BASE 2, BASE 3... if taken
	local k=1
	__n=$2
	while [[ -e $1/$__n || -L $1/$__n ]]; do
		k=$((k + 1))
		__n="$2 $k"
	done
}

# The fixture map: every real directory (__soak_dirs), what each holds
# (__soak_flag: e = holds pyvenv.cfg, d = .venv env, v = venv env, g = git
# work-tree root) and every symlink (__soak_link: link path -> target).
__soak_dir() { # DIR [FLAG]
	mkdir -p "$1"
	[[ -n ${__soak_flag[$1]+set} ]] || __soak_dirs+=("$1")
	__soak_flag[$1]+=${2:-}
}

__soak_env() { # DIR: an env as python -m venv lays it out (bin/ holds nothing to run)
	__soak_envs+=("$1")
	__soak_dir "$1" e
	__soak_dir "$1/bin"
	__soak_dir "$1/lib"
	printf 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\n' >"$1/pyvenv.cfg"
}

__soak_project() { # DIR .venv|venv|both
	__soak_dir "$1"
	case $2 in
	.venv) __soak_env "$1/.venv" && __soak_flag[$1]+=d ;;
	venv) __soak_env "$1/venv" && __soak_flag[$1]+=v ;;
	both) __soak_env "$1/.venv" && __soak_env "$1/venv" && __soak_flag[$1]+=dv ;;
	esac
}

__soak_repo() { # DIR
	__soak_dir "$1" g
	git init -q "$1" || return 1
}

__soak_link() { # LINK TARGET
	ln -s "$2" "$1"
	__soak_link[$1]=$2
	__soak_links+=("$1")
}

# Random subtrees under DIR, DEPTH levels at most.
__soak_grow() { # DIR DEPTH
	local dir=$1 depth=$2 i n child
	((depth > 0)) || return 0
	__soak_rand 4
	n=$__r
	for ((i = 0; i < n; i++)); do
		__soak_name "$dir"
		child=$dir/$__n
		__soak_rand 12
		case $__r in
		[0-5]) __soak_dir "$child" ;;
		6 | 7) __soak_project "$child" .venv ;;
		8) __soak_project "$child" venv ;;
		9) __soak_project "$child" both ;;
		10)
			__soak_env "$child"
			continue
			;;
		11)
			__soak_repo "$child" || return 1
			__soak_rand 2
			((__r)) && __soak_project "$child" .venv
			;;
		esac
		__soak_grow "$child" $((depth - 1)) || return 1
	done
}

# soak_fixture ROOT: builds the tree from the seed in __soak_s. A fixed
# skeleton (random names) makes every seed meet each case the issue lists;
# random subtrees and symlinks come on top.
soak_fixture() {
	local root=$1 p s q g r e n m l1 l2 l3 l4 l5 i from to tries
	__soak_dirs=() __soak_envs=()
	declare -gA __soak_flag=() __soak_link=()
	__soak_links=() # the links in the order they were made: the walk must not
	# depend on the order of an associative array, which changes with $T
	__soak_names
	__soak_dir "$root"
	soak_start=$root/start
	__soak_dir "$soak_start"
	__soak_name "$root" && p=$root/$__n && __soak_project "$p" .venv
	__soak_name "$p" && s=$p/$__n && __soak_dir "$s"
	# a project nested in another, reached through a plain directory
	__soak_name "$s" && q=$s/$__n && __soak_project "$q" venv
	__soak_dir "$q/deep"
	# a repository inside a project: the project's env is not seen from it
	__soak_name "$p" && g=$p/$__n && __soak_repo "$g" || return 1
	__soak_dir "$g/x"
	# a repository that has its own env
	__soak_name "$root" && r=$root/$__n && __soak_repo "$r" && __soak_project "$r" .venv || return 1
	__soak_dir "$r/y"
	# an env entered directly, not named .venv or venv
	__soak_name "$root" && e=$root/$__n && __soak_env "$e"
	__soak_name "$root" && n=$root/$__n && __soak_dir "$n"
	__soak_name "$n" && m=$n/$__n && __soak_dir "$m"
	# to a project
	__soak_name "$root" && l1=$root/$__n && __soak_link "$l1" "$q"
	# inside a project, pointing out
	__soak_name "$s" && l2=$s/$__n && __soak_link "$l2" "$m"
	# to a bare env
	__soak_name "$root" && l3=$root/$__n && __soak_link "$l3" "$e"
	# out of a repository, into a project (and so into the repository in it)
	__soak_name "$r" && l4=$r/$__n && __soak_link "$l4" "$p"
	# out of a repository in a project: that .git is walked past
	__soak_name "$g" && l5=$g/$__n && __soak_link "$l5" "$n"
	# The walk visits each of these once, early, so a short run meets them all.
	soak_tour=("$p" "$p/.venv" "$p/.venv/lib" "$s" "$q" "$q/deep" "$g" "$g/x" "$r" "$r/y"
		"$e" "$e/lib" "$n" "$m" "$l1" "$l1/deep" "$l2" "$l3" "$l3/lib" "$l4" "$l4/${g##*/}"
		"$l4/${g##*/}/x" "$l5" "$l5/${m##*/}")
	__soak_grow "$root" 3 || return 1
	__soak_grow "$p" 2 || return 1
	# every hostile name in the path of some env
	while ((${#__soak_deck[@]})); do
		__soak_fresh "$root" "${__soak_deck[-1]}"
		unset '__soak_deck[-1]'
		__soak_project "$root/$__n" .venv
	done
	# a few more links, from anywhere to anywhere but an ancestor
	for ((i = 0; i < 4; i++)); do
		tries=0
		while ((tries++ < 20)); do
			__soak_rand ${#__soak_dirs[@]}
			from=${__soak_dirs[__r]}
			__soak_rand ${#__soak_dirs[@]}
			to=${__soak_dirs[__r]}
			[[ $from == "$to" || $from == "$to"/* ]] || break
		done
		__soak_name "$from" && __soak_link "$from/$__n" "$to"
	done
	# the user allowed every env once, as after setting venvhook up
	"$VENVHOOK" allow "${__soak_envs[@]}" >/dev/null 2>&1 || return 1
	# Where the walk goes: every directory, and every one again through
	# each link that leads to it.
	soak_places=("${__soak_dirs[@]}")
	local l t d
	for l in "${__soak_links[@]}"; do
		t=${__soak_link[$l]}
		for d in "${__soak_dirs[@]}"; do
			[[ $d == "$t" || $d == "$t"/* ]] && soak_places+=("$l${d#"$t"}")
		done
	done
	return 0
}

# __soak_phys PATH: sets __p to PATH with the fixture's links resolved.
__soak_phys() {
	local l n=0 again=1
	__p=$1
	while ((again && n++ < 20)); do
		again=0
		for l in "${__soak_links[@]}"; do
			if [[ $__p == "$l" || $__p == "$l"/* ]]; then
				__p=${__soak_link[$l]}${__p#"$l"}
				again=1
				break
			fi
		done
	done
}

# __soak_go K: the walk's step to place K: its cd line, the record of it,
# and cur, the directory the shell is then in (elvish's cd takes the
# directory's physical path).
__soak_go() {
	printf '%s\n' "${cds[$1]}"
	cur=${soak_places[$1]}
	soak_did+=("cd $cur")
	if [[ -n ${drv_physical_cd:-} ]]; then
		__soak_phys "$cur"
		cur=$__p
	fi
}

# __soak_expect PWD: sets __e to the env the README's rules name for the
# logical PWD, or to "" for none. Walking up PWD as a string: a directory
# holding pyvenv.cfg is the env; else its .venv, then its venv; a git
# work-tree root ends the walk. The root is the repository that holds the
# directory physically (libgit2 resolves links), so a .git met on the walk
# that is not that root is walked past.
__soak_expect() {
	local d=$1 f git="" pc
	__e=""
	__soak_phys "$d"
	pc=$__p
	while [[ -n $pc ]]; do
		if [[ ${__soak_flag[$pc]:-} == *g* ]]; then
			git=$pc
			break
		fi
		[[ $pc == */* ]] || break
		pc=${pc%/*}
	done
	while :; do
		__soak_phys "$d"
		f=${__soak_flag[$__p]:-}
		if [[ $f == *e* ]]; then
			__e=$d
			return
		elif [[ $f == *d* ]]; then
			__e=${d%/}/.venv
			return
		elif [[ $f == *v* ]]; then
			__e=${d%/}/venv
			return
		fi
		[[ -n $git && $__p == "$git" ]] && return
		[[ $d == / ]] && return
		d=${d%/*}
		[[ -n $d ]] || d=/
	done
}

# The oracle knows only the fixture: nothing above ROOT may hold an env or a
# repository.
__soak_check_above() { # ROOT
	local d=${1%/*}
	while [[ -n $d ]]; do
		if [[ -e $d/pyvenv.cfg || -e $d/.venv/pyvenv.cfg || -e $d/venv/pyvenv.cfg || -e $d/.git ]]; then
			echo "soak: $d holds an env or a .git: the fixture must not sit below it" >&2
			return 1
		fi
		d=${d%/*}
	done
}

# soak_script FILE STEPS: the walk as lines for the driver's shell; each
# place is passed in an exported variable (VH_SOAK_P<n>), never quoted into
# the script. soak_want holds the logical directory after each step (the
# first is the start), soak_did what the step was.
soak_script() {
	local file=$1 steps=$2 i k cur=$soak_start report cds=() chase=""
	report="$(__vh_head VH_DUMPENV) PWD VIRTUAL_ENV PATH"
	for k in "${!soak_places[@]}"; do
		export "VH_SOAK_P$k=${soak_places[k]}"
		cds[k]="cd $(drv_var "VH_SOAK_P$k")"
	done
	# tcsh and csh resolve a symlink that is the last part of $cwd before
	# they take its `..`: cd .. from a link goes to the parent of its target.
	[[ $drv_name == *csh ]] && chase=1
	# Most places lie in some project; a quarter of the steps go to one that
	# lies in none, so deactivation is walked as often as activation.
	local none=()
	for k in "${!soak_places[@]}"; do
		__soak_expect "${soak_places[k]}"
		[[ -n $__e ]] || none+=("$k")
	done
	# The tour first, in an order the seed picks.
	local -A at=()
	local tour=() t
	for k in "${!soak_places[@]}"; do
		at[${soak_places[k]}]=$k
	done
	for t in "${soak_tour[@]}"; do
		tour+=("${at[$t]:?soak: the tour goes outside the places}")
	done
	for ((k = ${#tour[@]} - 1; k > 0; k--)); do
		__soak_rand $((k + 1))
		t=${tour[k]}
		tour[k]=${tour[__r]}
		tour[__r]=$t
	done
	export VH_SOAK_START=$soak_start
	soak_want=("$cur") soak_did=("(start)")
	{
		printf '%s\n' "$report"
		for ((i = 1; i <= steps; i++)); do
			__soak_rand 5
			if ((__r == 0)) && [[ $cur == "$soak_root"/* ]]; then
				printf 'cd ..\n'
				__soak_phys "${cur%/*}"
				if [[ -n $chase && -n ${__soak_link["$__p/${cur##*/}"]:-} ]]; then
					cur=${__soak_link["$__p/${cur##*/}"]%/*}
				else
					cur=${cur%/*}
				fi
				soak_did+=("cd ..")
			else
				__soak_rand 4
				if ((${#tour[@]})); then
					k=${tour[-1]}
					unset 'tour[-1]'
				elif ((__r == 0)); then
					__soak_rand ${#none[@]}
					k=${none[__r]}
				else
					__soak_rand ${#soak_places[@]}
					k=$__r
				fi
				__soak_go "$k"
			fi
			soak_want+=("$cur")
			printf '%s\n' "$report"
		done
		printf 'cd %s\n%s\nexit\n' "$(drv_var VH_SOAK_START)" "$report"
		soak_did+=("cd $soak_start (back to the start)")
		soak_want+=("$soak_start")
	} >"$file"
}

# __soak_split PATH: sets entries to its colon-separated parts, empty ones
# and newlines included (read -a would stop at a newline).
__soak_split() {
	local s=$1:
	entries=()
	while [[ -n $s ]]; do
		entries+=("${s%%:*}")
		s=${s#*:}
	done
}

__soak_esc() { "$VH_DUMPENV" -e "$1"; }

# __soak_got LINE NAME: sets __g to the raw value of NAME in a dumpenv line
# (dumpenv writes every '\' as \x5c, so %b undoes exactly its escapes), and
# __gset to 1 if NAME was set.
__soak_got() {
	__gset=0 __g=""
	if [[ $1 == "$2="* ]]; then
		__gset=1
		printf -v __g '%b' "${1#"$2="}"
	elif [[ $1 != "$2 unset" ]]; then
		return 1
	fi
}

# soak_run: the whole test for the loaded driver. Prints the seed first.
soak_run() {
	local seed=${VH_SOAK_SEED:-$soak_default_seed} steps=${VH_SOAK_STEPS:-$soak_default_steps}
	if ! [[ $seed =~ ^[0-9]+$ && $steps =~ ^[0-9]+$ ]]; then
		echo "soak: VH_SOAK_SEED and VH_SOAK_STEPS must be numbers, not '$seed' and '$steps'" >&2
		return 1
	fi
	local script out err i n bad=0 want env path entry entries=() orig_n count why active=0 linked=0
	local -A seen=()
	printf '# soak %s: VH_SOAK_SEED=%s VH_SOAK_STEPS=%s\n' "$drv_name" "$seed" "$steps" >&3
	# bats' DEBUG trap runs on every command and would make the checks
	# below take seconds; it only serves the trace of a failure.
	trap - DEBUG
	__soak_s=$((seed % 2147483648))
	export VENVHOOK_QUIET=1
	# The harness works on bytes; the shell gets the UTF-8 locale.
	export LC_ALL=C
	soak_root=$T/soak
	__soak_check_above "$soak_root" || return 1
	soak_fixture "$soak_root" || return 1
	script=$BATS_TEST_TMPDIR/soak.$drv_name out=$BATS_TEST_TMPDIR/soak.out err=$BATS_TEST_TMPDIR/soak.err
	soak_script "$script" "$steps"
	local orig=$PATH
	drv_write_rc "" ""
	cd "$soak_start" || return 1
	LC_ALL=C.UTF-8 drv_interactive <"$script" >"$out" 2>"$err" || true
	# tcsh and csh say they have no tty on stdout too
	local lines=()
	mapfile -t lines < <(grep -Ev "$drv_noise" "$out")
	n=${#soak_want[@]}
	__soak_split "$orig"
	orig_n=${#entries[@]}
	__soak_fail() { # STEP WHAT
		bad=$((bad + 1))
		printf 'soak %s FAILED: VH_SOAK_SEED=%s step %d of %d: %s\n  %s\n' "$drv_name" "$seed" \
			"$1" "$((n - 1))" "$(__soak_esc "${soak_did[$1]}")" "$2" >&2
	}
	for ((i = 0; i < n && bad < 5; i++)); do
		want=${soak_want[i]}
		if ! __soak_got "${lines[3 * i]:-}" PWD || ! __soak_got "${lines[3 * i + 1]:-}" VIRTUAL_ENV ||
			! __soak_got "${lines[3 * i + 2]:-}" PATH; then
			__soak_fail "$i" "no report from the shell (it printed ${#lines[@]} lines); its stderr:"
			grep -Ev "$drv_noise" "$err" | head -20 >&2
			break
		fi
		__soak_got "${lines[3 * i]}" PWD
		if [[ $__g != "$want" ]]; then
			__soak_fail "$i" "the shell is in $(__soak_esc "$__g"), not $(__soak_esc "$want") (coming from $(__soak_esc "${soak_want[i > 0 ? i - 1 : 0]}")): the walk is off, stopping"
			break
		fi
		__soak_expect "$__g"
		if [[ -n $__e ]]; then
			active=$((active + 1))
			seen[$__e]=1
		fi
		__soak_phys "$__g"
		[[ $__p == "$__g" ]] || linked=$((linked + 1))
		__soak_got "${lines[3 * i + 1]}" VIRTUAL_ENV
		if ((!__gset)); then env=""; else env=${__g:-"(empty)"}; fi
		if [[ $env != "$__e" ]]; then
			local say_want=unset say_got=unset
			[[ -z $__e ]] || say_want=$(__soak_esc "$__e")
			[[ -z $env ]] || say_got=$(__soak_esc "$env")
			__soak_fail "$i" "VIRTUAL_ENV: expected $say_want, got $say_got"
		fi
		__soak_got "${lines[3 * i + 2]}" PATH
		path=$__g
		__soak_split "$path"
		# The first thing wrong with PATH, the issue's rules before the
		# README's exact form; the whole PATH follows.
		count=0 why=""
		for entry in "${entries[@]}"; do
			if [[ -n $__e && $entry == "$__e/bin" ]]; then
				count=$((count + 1))
			elif [[ -z $why && $entry == "$soak_root"/* ]]; then
				why="it holds $(__soak_esc "$entry"), not the expected env's bin"
			fi
		done
		if [[ -z $why && -n $__e ]] && ((count != 1)); then
			why="it holds $(__soak_esc "$__e/bin") $count times, not once"
		fi
		if [[ -z $why ]] && ((${#entries[@]} > orig_n + 1)); then
			why="it grew to ${#entries[@]} entries from $orig_n"
		fi
		if [[ -z $why && $path != "${__e:+$__e/bin:}$orig" ]]; then
			why="it is not what activation makes of the original: expected $(__soak_esc "${__e:+$__e/bin:}$orig")"
		fi
		[[ -z $why ]] || __soak_fail "$i" "PATH: $why; PATH=$(__soak_esc "$path")"
	done
	if ((bad == 0)) && [[ ${lines[3 * (n - 1) + 2]:-} != "PATH=$(__soak_esc "$orig")" ]]; then
		__soak_fail $((n - 1)) "back at the start, PATH is not the original byte for byte: ${lines[3 * (n - 1) + 2]:-}"
	fi
	if ((bad == 0)) && grep -Ev "$drv_noise" "$err" | grep -q .; then
		__soak_fail $((n - 1)) "the shell said on stderr:"
		grep -Ev "$drv_noise" "$err" | head -20 >&2
	fi
	if ((bad == 0)) && ((${#lines[@]} != 3 * n)); then
		__soak_fail $((n - 1)) "the shell printed ${#lines[@]} lines, not $((3 * n))"
	fi
	if [[ -e /PWNED ]] || find "$T" "$HOME" -name PWNED | grep -q .; then
		__soak_fail $((n - 1)) "a directory name was run as code (a file PWNED was made)"
	fi
	if ((bad)) && grep -Ev "$drv_noise" "$err" | grep -q .; then
		echo "the shell's stderr (first lines):" >&2
		grep -Ev "$drv_noise" "$err" | head -10 >&2
	fi
	if ((bad == 0)); then
		local -A phys_seen=()
		for env in "${!seen[@]}"; do
			__soak_phys "$env"
			phys_seen[$__p]=1
		done
		printf '# soak %s: %d steps; %d reports with an env active, %d envs by %d names; %d through a link\n' \
			"$drv_name" "$((n - 1))" "$active" "${#phys_seen[@]}" "${#seen[@]}" "$linked" >&3
		printf '# soak %s: the tree: %d places, %d links\n' "$drv_name" "${#soak_places[@]}" "${#__soak_links[@]}" >&3
	fi
	((bad == 0))
}

# --- the mutating walk (issue 29): the same tree, random cds with files
# appearing and disappearing between them, and after every cd the shell's
# state compared with what `venvhook export` says for it, so that the
# region's shortcut (core/decide/region.h) is proven against export itself.
# (After a change with no cd the shell may lag, by design: an idle prompt
# looks only for an env appearing at a watched path. The next cd must
# catch up.) Half the changes are near the shell, half of the trust and
# pyvenv.cfg changes are to its own env.

# The mutations, and where: a walk name made or removed in a directory, an
# env made or removed there, an env's pyvenv.cfg removed or written anew, a
# repository made or removed, an env denied or allowed from "another
# shell", the config changed, a pause past the region's settling time, or
# (by the shell itself) a variable discovery reads set or unset:
# UV_PROJECT_ENVIRONMENT, naming venv or .venv, or XDG_CONFIG_HOME, naming
# a directory whose config puts venv first. (A pause is 3.2 s of sleep: one
# weight, not two, halves what the walks in make check spend waiting.)
soak_mut_ops=(name name name name name name env env git cfg cfg deny deny allow config settle var var)
# (NAME:WHAT, issue 26's rules: a file with that content, written anew when
# one with other content is there, so a change of content is met too)
soak_mut_names=(pyvenv.cfg pyproject.toml poetry.toml uv.lock Pipfile .python-version HEAD venv
	hatch.toml .pdm-python .pdm.toml Pipfile:in-project pyproject.toml:workspace
	pyproject.toml:project hatch.toml:path .pdm-python:venv)

# __soak_mut_helpers DIR: the programs the shell runs: DIR/mutate (one
# mutation, its target a directory named by number: $VH_SOAK_D<n>) and
# DIR/export (what export says for the shell's environment, directory, key
# and moved directory: VIRTUAL_ENV and PATH, as dumpenv prints them).
__soak_mut_helpers() {
	cat >"$1/mutate" <<'EOS'
#!/bin/bash
# mutate OP N [NAME]: one change in the directory $VH_SOAK_D<N>.
d=VH_SOAK_D$2
d=${!d:?no directory $2}
old=$(date -d '-60 seconds' '+@%s')
case $1 in
name) # (a directory of that name, an env's, stays: the walk goes there)
	f=${3%%:*} text=
	case $3 in
	*:in-project) text=$'[pipenv]\nvenv_in_project = true\n' ;;
	*:workspace) text=$'[project]\nname = "root"\n[tool.uv.workspace]\nmembers = ["*", "*/*"]\n' ;;
	*:project) text=$'[project]\nname = "member"\n' ;;
	*:path) text=$'[envs.default]\npath = "venv"\n' ;;
	*:venv) text="${d%/*}/.venv/bin/python"$'\n' ;; # (the parent's, which env makes)
	esac
	if [[ -n $text && -f $d/$f && ! -L $d/$f && $(<"$d/$f")$'\n' != "$text" ]]; then
		printf '%s' "$text" >"$d/$f"
	elif [[ -f $d/$f || -L $d/$f ]]; then rm -f -- "$d/$f"; elif [[ ! -e $d/$f ]]; then
		printf '%s' "$text" >"$d/$f" && touch -d "$old" "$d/$f"
	fi ;;
env) # (one of the tree's own stays)
	if [[ -e $d/.venv/made ]]; then rm -rf -- "$d/.venv"; elif [[ ! -e $d/.venv && ! -L $d/.venv ]]; then
		mkdir -p "$d/.venv/bin" && printf 'home = /usr/bin\nversion = 3.11.2\n' >"$d/.venv/pyvenv.cfg" &&
			: >"$d/.venv/made" && touch -d "$old" "$d/.venv/pyvenv.cfg" "$d/.venv/made" "$d/.venv/bin" "$d/.venv"
	fi ;;
cfg)
	# (half of these, and of deny and allow, change the shell's own env)
	(($2 % 2)) || [[ -z ${VIRTUAL_ENV-} ]] || d=$VIRTUAL_ENV
	for e in "$d" "$d/.venv" "$d/venv"; do
		[[ -d $e/bin ]] || continue
		if [[ -e $e/pyvenv.cfg ]]; then rm -f -- "$e/pyvenv.cfg"; else printf 'home = /usr/bin\n' >"$e/pyvenv.cfg"; fi
		break
	done ;;
git)
	if [[ -e $d/.git ]]; then rm -rf -- "$d/.git"; else git init -q -- "$d"; fi ;;
deny | allow)
	(($2 % 2)) || [[ -z ${VIRTUAL_ENV-} ]] || d=$VIRTUAL_ENV
	for e in "$d" "$d/.venv" "$d/venv"; do
		[[ -e $e/pyvenv.cfg ]] && { "$VENVHOOK" "$1" "$e" >/dev/null 2>&1; break; }
	done ;;
config)
	c=${XDG_CONFIG_HOME:-$HOME/.config}/venvhook/config
	mkdir -p "${c%/*}"
	if [[ -e $c ]]; then rm -f -- "$c"; else printf 'env_dirs = venv .venv\n' >"$c"; fi ;;
settle)
	sleep 3.2 ;;
esac
exit 0
EOS
	cat >"$1/export" <<'EOS'
#!/bin/bash
# export KEY [MOVED]: the state export leaves the shell's environment in.
code=$(__venvhook_went=${2-} "$VENVHOOK" export bash "$1" 2>/dev/null) || echo "export failed"
eval "$code"
exec "$VH_DUMPENV" VIRTUAL_ENV PATH
EOS
	chmod +x "$1/mutate" "$1/export"
}

# __soak_near PLACE: sets __k to a place under the same directory of the
# tree's top as PLACE, and reached through no link, picked by the seed; 1
# when there is none.
__soak_near() {
	local top=${1#"$soak_root"/} k near=()
	top=$soak_root/${top%%/*}
	for k in "${!soak_places[@]}"; do
		[[ ${soak_places[k]} == "$top" || ${soak_places[k]} == "$top"/* ]] &&
			[[ -n ${__soak_flag[${soak_places[k]}]+set} ]] && near+=("$k")
	done
	((${#near[@]})) || return 1
	__soak_rand ${#near[@]}
	__k=${near[__r]}
}

# __soak_own NAME: the value of the hook's own variable NAME, as an
# argument (drv_own: where the shell keeps it elsewhere than drv_var).
__soak_own() { if declare -F drv_own >/dev/null; then drv_own "$1"; else drv_var "$1"; fi; }

# __soak_near_dir PLACE: sets __k to the number of a directory of the tree
# (__soak_dirs) under the same directory of its top as PLACE, picked by the
# seed; 1 when there is none.
__soak_near_dir() {
	local top=${1#"$soak_root"/} k near=()
	top=$soak_root/${top%%/*}
	for k in "${!__soak_dirs[@]}"; do
		[[ ${__soak_dirs[k]} == "$top" || ${__soak_dirs[k]} == "$top"/* ]] && near+=("$k")
	done
	((${#near[@]})) || return 1
	__soak_rand ${#near[@]}
	__k=${near[__r]}
}

# soak_mut_script FILE STEPS: the walk for the shell; soak_did says what
# each step was, soak_want the logical directory after it.
soak_mut_script() {
	local file=$1 steps=$2 i k cur=$soak_start report cmp op arg cds=()
	report="$(__vh_head VH_DUMPENV) PWD VIRTUAL_ENV PATH"
	cmp="$(__vh_head VH_SOAK_CMP) $(__soak_own __venvhook_key)"
	# (where the region's shortcut moved the hook: a shell without the
	# shortcut has no such variable, and export is asked without it)
	[[ -n ${drv_no_region:-} ]] || cmp+=" $(__soak_own __venvhook_went)"
	for k in "${!soak_places[@]}"; do
		export "VH_SOAK_P$k=${soak_places[k]}"
		cds[k]="cd $(drv_var "VH_SOAK_P$k")"
	done
	for k in "${!__soak_dirs[@]}"; do
		export "VH_SOAK_D$k=${__soak_dirs[k]}"
	done
	# the values the variable steps set (uv's env of a project; a config
	# directory whose config puts venv before .venv)
	export VH_SOAK_START=$soak_start VH_SOAK_VENV=venv VH_SOAK_DOTVENV=.venv \
		VH_SOAK_ALTCONF=$BATS_TEST_TMPDIR/altconf
	mkdir -p "$VH_SOAK_ALTCONF/venvhook"
	printf 'env_dirs = venv .venv\n' >"$VH_SOAK_ALTCONF/venvhook/config"
	soak_want=("$cur") soak_did=("(start)")
	{
		printf '%s\n%s\n' "$report" "$cmp"
		for ((i = 1; i <= steps; i++)); do
			__soak_rand 3
			if ((__r == 0)); then
				__soak_rand ${#soak_mut_ops[@]}
				op=${soak_mut_ops[__r]}
				# half the time in a directory near the shell (under
				# the same directory of the tree's top), where a change
				# is one the shell's last answer may rest on
				__soak_rand 2
				if ((__r)) && __soak_near_dir "$cur"; then
					k=$__k
				else
					__soak_rand ${#__soak_dirs[@]}
					k=$__r
				fi
				arg=""
				if [[ $op == var ]]; then
					# a variable discovery reads, changed by the shell
					# itself: uv's env of a project (relative: venv
					# where .venv is, and the other way), or none; the
					# config's directory (one whose config puts venv
					# before .venv), or the default
					__soak_rand 5
					case $__r in
					0) drv_unsetenv UV_PROJECT_ENVIRONMENT ;;
					1) drv_setenv UV_PROJECT_ENVIRONMENT VH_SOAK_VENV ;;
					2) drv_setenv UV_PROJECT_ENVIRONMENT VH_SOAK_DOTVENV ;;
					3) drv_setenv XDG_CONFIG_HOME VH_SOAK_ALTCONF ;;
					4) drv_unsetenv XDG_CONFIG_HOME ;;
					esac
					[[ -z ${drv_prompt_line:-} ]] || printf '%s\n' "$drv_prompt_line"
					soak_did+=("var $__r (UV_PROJECT_ENVIRONMENT unset, venv, .venv; XDG_CONFIG_HOME alt, unset)")
					soak_want+=("$cur")
					printf '%s\n%s\n%s' "$report" "$cmp" "${VH_SOAK_DEBUG:+$VH_SOAK_DEBUG
}"
					continue
				fi
				if [[ $op == name ]]; then
					__soak_rand ${#soak_mut_names[@]}
					arg=${soak_mut_names[__r]}
				fi
				printf '%s %s %s %s\n' "$(__vh_head VH_SOAK_MUT)" "$op" "$k" "$arg"
				# (a shell that draws no prompt between lines it reads
				# from a file runs what its prompt would)
				[[ -z ${drv_prompt_line:-} ]] || printf '%s\n' "$drv_prompt_line"
				soak_did+=("$op $arg in ${__soak_dirs[k]}")
			else
				# half the time somewhere near (under the same directory
				# of the tree's top), where the last answer may hold
				__soak_rand 2
				if ((__r)) && __soak_near "$cur"; then
					k=$__k
				else
					__soak_rand ${#soak_places[@]}
					k=$__r
				fi
				__soak_go "$k"
			fi
			soak_want+=("$cur")
			# (VH_SOAK_DEBUG: a line of the shell's code after each
			# step, to print its state on stderr)
			printf '%s\n%s\n%s' "$report" "$cmp" "${VH_SOAK_DEBUG:+$VH_SOAK_DEBUG
}"
		done
		printf 'exit\n'
	} >"$file"
}

# soak_mut_run: the mutating walk for the loaded driver.
soak_mut_run() {
	local seed=${VH_SOAK_SEED:-$soak_default_seed} steps=${VH_SOAK_MUT_STEPS:-$soak_mut_default_steps}
	local script out err i k n bad=0 lines=() why exports=0 compared=0
	printf '# soak (mutating) %s: VH_SOAK_SEED=%s VH_SOAK_MUT_STEPS=%s\n' "$drv_name" "$seed" "$steps" >&3
	trap - DEBUG
	__soak_s=$(((seed + 1) % 2147483648))
	export VENVHOOK_QUIET=1 LC_ALL=C
	soak_root=$T/soak
	__soak_check_above "$soak_root" || return 1
	soak_fixture "$soak_root" || return 1
	__soak_mut_helpers "$BATS_TEST_TMPDIR"
	export VH_SOAK_MUT=$BATS_TEST_TMPDIR/mutate VH_SOAK_CMP=$BATS_TEST_TMPDIR/export
	script=$BATS_TEST_TMPDIR/soakm.$drv_name out=$BATS_TEST_TMPDIR/soakm.out err=$BATS_TEST_TMPDIR/soakm.err
	soak_mut_script "$script" "$steps"
	# counting: which steps the shell took without a process
	counting
	drv_write_rc "" "$(drv_setvar __venvhook_exe COUNTING)"
	region_settled
	cd "$soak_start" || return 1
	LC_ALL=C.UTF-8 drv_interactive <"$script" >"$out" 2>"$err" || true
	mapfile -t lines < <(grep -Ev "$drv_noise" "$out")
	n=${#soak_want[@]}
	for ((i = 0; i < n && bad < 5; i++)); do
		local base=$((5 * i))
		if ! __soak_got "${lines[base]:-}" PWD || ! __soak_got "${lines[base + 3]:-}" VIRTUAL_ENV ||
			! __soak_got "${lines[base + 4]:-}" PATH; then
			bad=$((bad + 1))
			printf 'soak %s FAILED: VH_SOAK_SEED=%s step %d: no report (the shell printed %d lines); its stderr:\n' \
				"$drv_name" "$seed" "$i" "${#lines[@]}" >&2
			grep -Ev "$drv_noise" "$err" | head -20 >&2
			break
		fi
		__soak_got "${lines[base]}" PWD
		if [[ $__g != "${soak_want[i]}" ]]; then
			bad=$((bad + 1))
			printf 'soak %s FAILED: VH_SOAK_SEED=%s step %d (%s): the shell is in %s, not %s\n' "$drv_name" \
				"$seed" "$i" "$(__soak_esc "${soak_did[i]}")" "$(__soak_esc "$__g")" \
				"$(__soak_esc "${soak_want[i]}")" >&2
			break
		fi
		# (a change with no cd is left to the next cd: an idle prompt
		# notices only an env appearing at a watched path, by design, and
		# the region is for cds)
		[[ ${soak_did[i]} == cd\ * || $i == 0 ]] || continue
		# (nor does a cd to where the shell already is: $PWD is as the
		# last check left it, and no hook asks export for it, by design)
		[[ $i == 0 || ${soak_want[i]} != "${soak_want[i - 1]}" ]] || continue
		compared=$((compared + 1))
		why=""
		[[ ${lines[base + 1]} == "${lines[base + 3]}" ]] ||
			why="the shell has $(__soak_esc "${lines[base + 1]}"), export says $(__soak_esc "${lines[base + 3]}")"
		[[ -n $why || ${lines[base + 2]} == "${lines[base + 4]}" ]] ||
			why="the shell has $(__soak_esc "${lines[base + 2]}"), export says $(__soak_esc "${lines[base + 4]}")"
		if [[ -n $why ]]; then
			bad=$((bad + 1))
			printf 'soak %s FAILED: VH_SOAK_SEED=%s step %d of %d (%s): %s\n' "$drv_name" "$seed" "$i" \
				"$((n - 1))" "$(__soak_esc "${soak_did[i]}")" "$why" >&2
			# the steps before it, for the replay
			for ((k = i > 8 ? i - 8 : 1; k < i; k++)); do
				printf '  step %d: %s\n' "$k" "$(__soak_esc "${soak_did[k]}")" >&2
			done
		fi
	done
	if ((bad == 0)) && ((${#lines[@]} != 5 * n)); then
		bad=1
		printf 'soak %s FAILED: the shell printed %d lines, not %d\n' "$drv_name" "${#lines[@]}" $((5 * n)) >&2
	fi
	# (venvhook's own lines say what the changes made of the envs; anything
	# else is the hook's fault)
	if ((bad == 0)) && grep -Ev "$drv_noise" "$err" | grep -v '^venvhook: ' | grep -q .; then
		bad=1
		echo "soak $drv_name FAILED: the shell said on stderr:" >&2
		grep -Ev "$drv_noise" "$err" | grep -v '^venvhook: ' | head -20 >&2
	fi
	if ((bad == 0)); then
		exports=$(exports_in "$T/calls")
		printf '# soak (mutating) %s: %d steps, %d cds compared with export, %d exports by the hook, %d variable changes\n' \
			"$drv_name" "$((n - 1))" "$((compared - 1))" "$exports" \
			"$(printf '%s\n' "${soak_did[@]}" | grep -c '^var ')" >&3
	fi
	((bad == 0))
}
