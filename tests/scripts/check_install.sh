#!/bin/sh
# Installs the build tree into a scratch prefix, then builds and runs two consumers against it:
# a CMake project using find_package(plaint) and plaint::plaint, and a C program built with
# nothing but `pkg-config --cflags --libs plaint`.
# usage: check_install.sh BUILD_DIR CONSUMER_SOURCES WORK_DIR
set -eu
build=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"

echo "== CMake consumer (find_package(plaint CONFIG REQUIRED), plaint::plaint)"
cmake -S "$src/cmake" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release > "$work/cmake-configure.log"
cmake --build "$work/cmake-build" > "$work/cmake-build.log"
out=$("$work/cmake-build/consumer")
echo "$out"
[ "$out" = "consumer: 0.6.0 closed 2026-03-02T09:15:00+08:00" ] || { echo "FAIL: unexpected output"; exit 1; }

echo "== C consumer (pkg-config --cflags --libs plaint)"
pc=$(dirname "$(find "$work/prefix" -name plaint.pc | head -n 1)")
flags=$(PKG_CONFIG_PATH="$pc" pkg-config --cflags --libs plaint)
echo "flags: $flags"
cc -std=c99 -Wall -Wextra -pedantic -Werror "$src/c/main.c" $flags -o "$work/c-consumer"
libdir=$(PKG_CONFIG_PATH="$pc" pkg-config --variable=libdir plaint)
out=$(LD_LIBRARY_PATH="$libdir" "$work/c-consumer")
echo "$out"
[ "$out" = "c-consumer: 0.6.0 state=closed events=10" ] || { echo "FAIL: unexpected output"; exit 1; }
echo "ok"
