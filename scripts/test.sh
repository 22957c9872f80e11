#!/usr/bin/env bash
# Command (b): install what is missing, build, and run every test headless.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CPN_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure -j2 "$@"
# Each parser of untrusted input fuzzed for a minute (from a fixed seed, so a run is repeatable); longer
# runs: scripts/fuzz.sh [SECONDS].
if [ $# -eq 0 ]; then
    CPN_FUZZ_SEED=${CPN_FUZZ_SEED:-1} "$root/scripts/fuzz.sh" 60
fi
