#!/bin/sh
# Compares the shared library's ABI with the stored baseline (capi/abi/libplaint.so.1.abi, made by
# `abidw` from the library of release 0.6.0) and fails on any change to what users compiled
# against: a removed or changed function, a public struct's size or member offsets, an enum's
# values. Functions added since are allowed; changes to the opaque handles' insides (types not
# defined in the public headers) are not looked at. A deliberate compatible change abidiff cannot
# tell apart (a sized struct growing at its end) goes in capi/abi/suppressions.ini with its reason.
# usage: check_abi.sh LIBRARY BASELINE HEADERS_DIR [SUPPRESSIONS]
set -u
lib=$1 baseline=$2 headers=$3 suppressions=${4:-}
if ! command -v abidiff > /dev/null; then
  echo "FAIL: abidiff not found (Debian package abigail-tools; ./dev.sh deps installs it)"
  exit 1
fi
set -- --no-added-syms --drop-private-types --headers-dir2 "$headers"
[ -n "$suppressions" ] && [ -s "$suppressions" ] && set -- "$@" --suppressions "$suppressions"
abidiff "$@" "$baseline" "$lib"
rc=$?
if [ $rc -ne 0 ]; then
  # abidiff's status is a bit set: 1 error, 2 usage, 4 an ABI change, 8 an incompatible one.
  echo "FAIL: abidiff exited $rc: the ABI of $lib differs from $baseline (above)"
  exit 1
fi
echo "ok: the ABI of $lib matches $baseline (additions allowed)"
