#!/usr/bin/env bash
# Regenerates docs/screenshots/ from a build: the console on the simulated federation at 1920x1080,
# in English and in Simplified Chinese, and the national map in the window and in wall mode (--wall),
# in a real X server (Xvfb) with a throwaway settings folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${CPN_BUILD_DIR:-$root/build}/bin
out=$root/docs/screenshots
mkdir -p "$out"
settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT

shoot() { # file, extra console arguments...
    local file=$1
    shift
    rm -rf "${settings:?}"/*
    XDG_CONFIG_HOME=$settings XDG_CACHE_HOME=$settings/cache \
        xvfb-run -a -s "-screen 0 1920x1080x24" \
        "$bin/cpn-console" -qwindowgeometry 1920x1080+0+0 --demo --screenshot "$out/$file" "$@"
    echo "wrote docs/screenshots/$file"
}

shoot console.png --lang en
shoot console-zh_CN.png --lang zh_CN
shoot map.png --lang en
shoot map-wall.png --lang en --wall
