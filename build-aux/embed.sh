#!/bin/sh
# embed.sh [--one-line] NAME FILE: prints a C file defining `const char
# NAME[]` holding FILE's bytes, NUL-terminated. Uses od, so any byte
# survives and no tool beyond POSIX is needed at build time. --one-line
# leaves out FILE's comment and blank lines: the hook of a shell whose rc
# line evals init's output joined into one line (the csh family), where a
# comment would swallow everything after it. A byte past 0x7f is cast:
# char may be signed, and -Woverflow (strict builds) rejects 0xc3 there.
set -eu
one=
if [ "${1:-}" = --one-line ]; then
	one=1
	shift
fi
name=$1
file=$2
printf '/* Generated from %s by build-aux/embed.sh; do not edit. */\n' "$file"
printf 'extern const char %s[];\nconst char %s[] = {\n' "$name" "$name"
if [ -n "$one" ]; then
	sed -e '/^[[:space:]]*#/d' -e '/^[[:space:]]*$/d' "$file"
else
	cat "$file"
fi | od -An -v -tx1 | sed -e 's/[0-9a-f][0-9a-f]/0x&,/g' -e 's/0x[89a-f][0-9a-f]/(char)&/g' -e 's/^ */\t/'
printf '\t0x00\n};\n'
