#!/usr/bin/env bash
# Command (b): install what is missing, build, and run every test headless.
#
#   scripts/test.sh [ctest arguments]     the plain build (build/), then a minute of fuzzing per parser
#   scripts/test.sh --sanitize [...]      the same suite built with clang, AddressSanitizer and UBSan
#                                         (build-sanitized/, shared with the fuzz targets), leak checking on
#                                         (suppressions: tests/sanitizers/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sanitize=0
if [ "${1:-}" = --sanitize ]; then
    sanitize=1
    shift
fi
"$root/scripts/install-deps.sh"
if [ $sanitize = 1 ]; then
    build=${CPN_SANITIZED_BUILD_DIR:-$root/build-sanitized}
    "$root/scripts/build-sanitized.sh"
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0}
    export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
else
    build=${CPN_BUILD_DIR:-$root/build}
    "$root/scripts/build.sh"
fi
export QT_QPA_PLATFORM=offscreen
cd "$build"
if ! ctest --output-on-failure -j2 "$@"; then
    # A failing test's output can be long: its failed checks and sanitizer reports again, last.
    echo "--- what failed (from $build/Testing/Temporary/LastTest.log) ---" >&2
    grep -E -A1 '^(FAIL!|XPASS)|^==[0-9]+==ERROR|runtime error:|SUMMARY: .*Sanitizer' Testing/Temporary/LastTest.log >&2 || true
    exit 8
fi
# Each parser of untrusted input fuzzed for a minute (from a fixed seed, so a run is repeatable); longer
# runs: scripts/fuzz.sh [SECONDS].
if [ $# -eq 0 ] && [ $sanitize = 0 ]; then
    CPN_FUZZ_SEED=${CPN_FUZZ_SEED:-1} "$root/scripts/fuzz.sh" 60
fi
