#!/usr/bin/env bash
# Builds the Debian packages cpn-console, cpn-nodesim, cpn-snapshot and cpn-gateway (CPack; see
# docs/packaging.md) from the build in build/ (or $CPN_BUILD_DIR).
#
#   scripts/package.sh [OUTPUT_DIR]              installs what is missing, builds, packages (default
#                                                OUTPUT_DIR: <build>/packages)
#   scripts/package.sh --no-build [OUTPUT_DIR]   packages the build as it is (the package test's way)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CPN_BUILD_DIR:-$root/build}
if [ "${1:-}" = --no-build ]; then
    shift
else
    "$root/scripts/install-deps.sh"
    "$root/scripts/build.sh"
fi
out=$(mkdir -p "${1:-$build/packages}" && cd "${1:-$build/packages}" && pwd)
rm -f "$out"/cpn-*.deb
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1 || {
    cat "$out/cpack.log" >&2
    exit 1
}
rm -rf "$out/_CPack_Packages"
ls -1 "$out"/cpn-*.deb
