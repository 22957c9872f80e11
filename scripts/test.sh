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
