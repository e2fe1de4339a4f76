#!/bin/sh
# embed.sh NAME FILE: prints a C file defining `const char NAME[]` holding
# FILE's bytes, NUL-terminated. Uses od, so any byte survives and no tool
# beyond POSIX is needed at build time.
set -eu
name=$1
file=$2
printf '/* Generated from %s by build-aux/embed.sh; do not edit. */\n' "$file"
printf 'extern const char %s[];\nconst char %s[] = {\n' "$name" "$name"
od -An -v -tx1 "$file" | sed -e 's/[0-9a-f][0-9a-f]/0x&,/g' -e 's/^ */\t/'
printf '\t0x00\n};\n'
