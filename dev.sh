#!/usr/bin/env bash
# plaint's developer script: the README's two commands are `./dev.sh run` and `./dev.sh test`.
#   ./dev.sh deps    install the Debian packages the build and tests need (as root)
#   ./dev.sh run     deps, release build, then the main job
#   ./dev.sh test    deps, release build and every test (C++, C, Python), then the same
#                    under the address and undefined-behaviour sanitizers
#   ./dev.sh bench   deps, release build with the benchmarks, then run them
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 package names; nothing else is installed from anywhere.
packages=(
  build-essential cmake pkg-config
  libboost-date-time-dev libboost-serialization-dev nlohmann-json3-dev libeigen3-dev libhowardhinnant-date-dev tzdata
  catch2
  python3 python3-pytest python3-numpy python3-pandas
  chromium # headless rendering of plaint-report's HTML page (tests/scripts/check_report_html.sh)
)

deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "dev.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
  fi
}

jobs=$(nproc 2>/dev/null || echo 2)

build() {
  cmake --preset "$1" > /dev/null
  cmake --build --preset "$1" -j "$jobs"
}

case "${1:-}" in
  deps)
    deps ;;
  run)
    deps
    build release
    # The report program on the shipped sample month with the embedded default profile: it
    # prints a summary and writes plaint-report-out/report.{json,csv,html}.
    ./build/release/examples/plaint-report ;;
  test)
    deps
    build release
    ctest --preset release -j "$jobs"
    build asan
    ctest --preset asan -j "$jobs"
    # Eight threads on shared compiled objects and a locked ledger, under ThreadSanitizer.
    build tsan
    ctest --preset tsan ;;
  bench)
    packages+=(libbenchmark-dev)
    deps
    build bench
    for b in build/bench/tests/bench/bench_*; do [ -x "$b" ] && "$b"; done ;;
  *)
    echo "usage: $0 deps|run|test|bench" >&2
    exit 2 ;;
esac
