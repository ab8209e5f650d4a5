#!/bin/sh
# Checks that a shared library exports exactly the symbols listed in symbols.txt, each in the
# version node of its 'Since' (PLAINT_x.y, from plaint.map), and that the list names exactly the
# functions the C headers declare with PLAINT_API (plaint.h and the concepts' plaint/c/*.h).
# usage: check_symbols.sh LIBRARY SYMBOLS_TXT HEADER_DIR
set -eu
lib=$1 list=$2 headers=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Everything the dynamic symbol table defines, whatever its kind, less the version node names.
nm -D --defined-only "$lib" | awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' | sort -u > "$tmp/exported"
grep -v '^#' "$list" | awk 'NF { print $1 }' | sort -u > "$tmp/listed"
# "name version" as the library has it (name@@PLAINT_0.2) and as the list says.
nm -D --defined-only "$lib" | awk '$2 != "A" { n = split($3, p, "@+"); print p[1], (n > 1 ? p[2] : "(none)") }' | sort -u > "$tmp/exported-versions"
grep -v '^#' "$list" | awk 'NF { print $1, "PLAINT_" $2 }' | sort -u > "$tmp/listed-versions"
# Function names declared with PLAINT_API (the name right before the first parenthesis).
cat "$headers"/plaint.h "$headers"/c/*.h | grep -v '^[[:space:]]*#' | tr '\n' ' ' | grep -o 'PLAINT_API [^;(]*(' | sed 's/($//; s/.*[ *]//' | sort -u > "$tmp/declared"
status=0
if ! diff -u "$tmp/listed" "$tmp/exported"; then
  echo "FAIL: exported symbols differ from $list (- listed, + exported)"; status=1
fi
if ! diff -u "$tmp/listed-versions" "$tmp/exported-versions"; then
  echo "FAIL: symbol versions differ from the 'Since' of $list (- listed, + exported)"; status=1
fi
if ! diff -u "$tmp/listed" "$tmp/declared"; then
  echo "FAIL: PLAINT_API declarations differ from $list (- listed, + declared)"; status=1
fi
if grep -v '^plaint_' "$tmp/exported"; then
  echo "FAIL: symbols above lack the plaint_ prefix"; status=1
fi
if awk '!/^#/ && NF && $2 !~ /^[0-9]+\.[0-9]+$/' "$list" | grep .; then
  echo "FAIL: entries above lack a 'Since' version"; status=1
fi
[ $status -eq 0 ] && echo "ok: $(wc -l < "$tmp/exported") symbols, all plaint_, all listed and declared"
exit $status
