#!/usr/bin/env bash
# Regenerates resources/map/cn-provinces.geojson, the default basemap: China's 34 provincial-level
# divisions from DCW-GMT 2.1.1 (Debian's gmt-dcw, LGPL-3.0-or-later), snapped and simplified.
#
#   tools/make-basemap.sh [output.geojson]
#
# Installs what it needs when missing: the Debian packages gmt and gmt-dcw, and mapshaper (pinned in
# tools/package-lock.json) under tools/node_modules. The same inputs give the same file, byte for byte.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="${1:-$root/resources/map/cn-provinces.geojson}"

missing=()
for p in gmt gmt-dcw; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "make-basemap: installing ${missing[*]}"
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        as_root=(sudo)
    fi
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

dcw_version="$(dpkg-query -W -f='${Version}' gmt-dcw)"
case "$dcw_version" in
    2.1.1*) ;;
    *) echo "make-basemap: warning: gmt-dcw $dcw_version, the shipped file was made from 2.1.1" >&2 ;;
esac

mapshaper="$here/node_modules/.bin/mapshaper"
if [ ! -x "$mapshaper" ]; then
    echo "make-basemap: installing mapshaper into tools/node_modules"
    (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# gmt writes gmt.history and its user directory next to where it runs; keep both in the scratch folder.
export GMT_USERDIR="$work/gmt-user"
mkdir -p "$GMT_USERDIR"
codes="$(awk '$1 == "CN" { print $2 }' /usr/share/gmt-dcw/dcw-states.txt)"
count=0
for code in $codes; do
    (cd "$work" && gmt coast -ECN."$code" -M >"$code.txt")
    count=$((count + 1))
done
if [ "$count" -ne 34 ]; then
    echo "make-basemap: expected 34 divisions of CN in DCW, found $count" >&2
    exit 1
fi
# The country outline, for the Xisha islands that CN.HI lacks.
(cd "$work" && gmt coast -ECN -M >CN.txt)

node "$here/dcw-to-geojson.mjs" "$work" "$root/models/domain/provinces.cpp" >"$work/raw.geojson"

# Each division was rounded to its own grid, so neighbours' shared borders differ by up to ~60 m:
# snap them together and let -clean give each remaining sliver to a neighbour, then simplify the
# shared arcs once (borders stay common). Hong Kong, Macao and the Xisha islands keep more of their
# points so that they stay recognisable shapes; each Xisha island survives as its own feature until
# the dissolve folds them into Hainan. Rings come out counter-clockwise (RFC 7946), ~11 m precision.
"$mapshaper" -i "$work/raw.geojson" \
    -snap interval=0.0006 fix-geometry \
    -clean \
    -simplify variable keep-shapes \
    percentage="part == 'xisha' ? '20%' : iso == 'CN-MO' ? '40%' : iso == 'CN-HK' ? '8%' : '5%'" \
    -dissolve iso copy-fields=gb,name_en,name_zh \
    -filter-fields iso,gb,name_en,name_zh \
    -o "$work/out.geojson" format=geojson rfc7946 precision=0.0001 -quiet

# Name the source inside the file too (a foreign member the console shows as the map's attribution).
node -e '
const fs = require("fs");
const [file, attribution] = process.argv.slice(1);
const head = "{\"type\":\"FeatureCollection\", ";
const text = fs.readFileSync(file, "utf8");
if (!text.startsWith(head)) throw new Error("unexpected mapshaper output: " + text.slice(0, 60));
fs.writeFileSync(file, head + "\"attribution\": " + JSON.stringify(attribution) + ", " + text.slice(head.length));
' "$work/out.geojson" "DCW-GMT 2.1.1 (Paul Wessel et al., LGPL-3.0-or-later), simplified"

mkdir -p "$(dirname "$out")"
mv "$work/out.geojson" "$out"
features="$(grep -c '"type":"Feature"' "$out")"
echo "make-basemap: wrote $out ($features features, $(stat -c %s "$out") bytes)"
