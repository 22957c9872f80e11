#!/usr/bin/env bash
# Builds the sanitized tree (build-sanitized/, or $CPN_SANITIZED_BUILD_DIR): clang, every target
# instrumented with AddressSanitizer and UBSan (and for libFuzzer's coverage), without the benchmarks.
# One tree serves both the fuzz targets (scripts/fuzz.sh) and the sanitized test suite
# (scripts/test.sh --sanitize): the libraries are compiled once for both.
#
#   scripts/build-sanitized.sh [TARGET...]     (default: everything)
#
# -O1 with line tables only: about half the compile time of -O2 -g, and reports still name the line.
# Sources compiled in batches (a unity build) unless CPN_UNITY_BUILD=OFF, as scripts/build.sh does.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CPN_SANITIZED_BUILD_DIR:-$root/build-sanitized}
if ! command -v clang++ >/dev/null; then
    echo "build-sanitized: clang++ is not installed (apt-get install clang libclang-rt-14-dev)" >&2
    exit 2
fi
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only -fno-omit-frame-pointer" -DCPN_FUZZ=ON -DCPN_BENCHMARKS=OFF \
    -DBUILD_TESTING=ON -DCMAKE_UNITY_BUILD=${CPN_UNITY_BUILD:-ON} -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 >/dev/null
targets=()
for target in "$@"; do
    targets+=(--target "$target")
done
cmake --build "$build" -j"$(nproc)" "${targets[@]}"
