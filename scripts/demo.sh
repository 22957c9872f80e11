#!/usr/bin/env bash
# Command (a): install what is missing, build, and start the console on the embedded simulator federation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
exec "${CPN_BUILD_DIR:-$root/build}/bin/cpn-console" --demo "$@"
