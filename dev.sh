#!/usr/bin/env bash
# plaint's developer script: the README's two commands are `./dev.sh run` and `./dev.sh test`.
#   ./dev.sh deps    install the Debian packages the build and tests need (as root)
#   ./dev.sh run     deps, release build, then the main job
#   ./dev.sh test    deps, release build and every test (C++, C, Python), then the same
#                    under the address and undefined-behaviour sanitizers
#   ./dev.sh bench   deps, release build with the benchmarks, then run them
#   ./dev.sh fuzz [SECONDS]  deps, the fuzz preset (clang, libFuzzer), then each fuzz target of
#                    tests/fuzz for SECONDS (60 by default), one after the other
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 package names; nothing else is installed from anywhere.
packages=(
  build-essential cmake pkg-config
  libboost-date-time-dev libboost-serialization-dev nlohmann-json3-dev libeigen3-dev libhowardhinnant-date-dev tzdata
  libopencc-dev libicu-dev # keywords in every written form: OpenCC's conversions, ICU's Unicode folding
  opencc # its command converts the sample month for the property test (test_keyword_forms.py)
  catch2
  python3 python3-pytest python3-numpy python3-pandas
  python3-venv python3-pip python3-setuptools python3-wheel # the package and its wheel, offline (tests/scripts/check_wheel.sh)
  chromium # headless rendering of plaint-report's HTML page (tests/scripts/check_report_html.sh)
  clang libclang-rt-14-dev # the sanitizer pass of `test` builds with clang; libFuzzer (`fuzz`)
  abigail-tools # abidiff: the library's ABI against capi/abi/ (tests/scripts/check_abi.sh)
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
  fuzz)
    # Each target starts from its seeds (tests/fuzz/corpus) and the inputs kept from earlier runs
    # (build/fuzz/corpus, where new ones go) and regressions; it keeps going past a failure
    # (fork mode) and writes every failing input (crash-, leak-, timeout-, oom-) to
    # build/fuzz/crashes/<target>/ and the whole output, stacks included, to build/fuzz/<target>.log.
    # Exits non-zero when any failing input was found.
    deps
    build fuzz
    secs=${2:-60}
    found=0
    # target:max_len (bytes): room for the seeds, small enough to keep executions fast.
    for spec in profile_json:65536 calendar_json:8192 complaint_json:16384 import_jsonl:65536 \
                import_csv:65536 survey_csv:16384 snapshot:65536 time:64 capi:4096; do
      t=${spec%%:*} len=${spec#*:}
      mkdir -p "build/fuzz/corpus/$t" "build/fuzz/crashes/$t"
      dirs=("build/fuzz/corpus/$t" "tests/fuzz/corpus/$t")
      [ -d "tests/fuzz/regressions/$t" ] && dirs+=("tests/fuzz/regressions/$t")
      echo "dev.sh: fuzzing $t for ${secs}s"
      (cd "build/fuzz/crashes/$t" && UBSAN_OPTIONS=print_stacktrace=1 \
        "../../tests/fuzz/fuzz_$t" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$secs" -max_len="$len" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=./ -print_final_stats=1 "${dirs[@]/#/../../../../}") > "build/fuzz/$t.log" 2>&1 || true
      grep -E "^#[0-9]+: " "build/fuzz/$t.log" | tail -n 1 || true
      if ls "build/fuzz/crashes/$t" | grep -qE '^(crash|leak|oom|timeout)-'; then
        echo "dev.sh: $t: failing inputs in build/fuzz/crashes/$t" >&2
        found=1
      fi
    done
    exit $found ;;
  *)
    echo "usage: $0 deps|run|test|bench|fuzz [SECONDS]" >&2
    exit 2 ;;
esac
