#!/usr/bin/env bash
# Command (b): install what is missing, build, and run every test headless.
#
#   scripts/test.sh [ctest arguments]     the plain build (build/), then a minute of fuzzing per parser
#   scripts/test.sh --sanitize [...]      the same suite built with AddressSanitizer and UBSan (build-asan/),
#                                         leak checking on (suppressions: tests/sanitizers/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sanitize=0
if [ "${1:-}" = --sanitize ]; then
    sanitize=1
    shift
fi
build=${CPN_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
if [ $sanitize = 1 ]; then
    build=${CPN_BUILD_DIR:-$root/build-asan}
    export CPN_BUILD_DIR=$build CMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo}
    export CXXFLAGS="${CXXFLAGS:-} -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
    export LDFLAGS="${LDFLAGS:-} -fsanitize=address,undefined"
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0}
    export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fi
"$root/scripts/build.sh"
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure -j2 "$@"
# Each parser of untrusted input fuzzed for a minute (from a fixed seed, so a run is repeatable); longer
# runs: scripts/fuzz.sh [SECONDS].
if [ $# -eq 0 ] && [ $sanitize = 0 ]; then
    CPN_FUZZ_SEED=${CPN_FUZZ_SEED:-1} "$root/scripts/fuzz.sh" 60
fi
