#!/bin/sh
# The C++, C and Python examples walk the same complaint: their output must be identical.
# usage: compare_faces.sh CPP_EXAMPLE C_EXAMPLE PY_EXAMPLE LIBPLAINT PYTHON_PACKAGE_DIR [PYTHON]
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$1" > "$tmp/cpp.txt"
"$2" > "$tmp/c.txt"
PLAINT_LIBRARY="$4" PYTHONPATH="$5" "${6:-/usr/bin/python3}" "$3" > "$tmp/py.txt"
diff -u "$tmp/cpp.txt" "$tmp/c.txt"
diff -u "$tmp/cpp.txt" "$tmp/py.txt"
[ "$(wc -l < "$tmp/cpp.txt")" -eq 9 ] || { echo "expected 9 lines"; exit 1; }
echo "ok: the three faces print the same $(wc -l < "$tmp/cpp.txt") lines"
