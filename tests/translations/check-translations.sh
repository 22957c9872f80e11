#!/usr/bin/env bash
# Fails when a user-visible string of the console has no Simplified Chinese translation: lupdate scans
# the sources into a copy of cpn_zh_CN.ts, and every message must come out finished.
set -euo pipefail
root=$1
lupdate=${2:-/usr/lib/qt6/bin/lupdate}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/translations/cpn_zh_CN.ts" "$work/cpn_zh_CN.ts"
"$lupdate" -silent -no-obsolete -locations none -extensions cpp,h -I "$root" -I "$root/models" -I "$root/app/console" \
    "$root/models" "$root/widgets" "$root/ui" "$root/app/console" -ts "$work/cpn_zh_CN.ts"
missing=$(grep -c 'type="unfinished"' "$work/cpn_zh_CN.ts" || true)
total=$(grep -c '<source>' "$work/cpn_zh_CN.ts" || true)
if [ "$missing" -ne 0 ]; then
    echo "cpn_zh_CN.ts: $missing of $total messages untranslated (run: cmake --build build --target update_translations, then translate):"
    grep -B3 'type="unfinished"' "$work/cpn_zh_CN.ts" | grep '<source>' | head -20
    exit 1
fi
echo "cpn_zh_CN.ts: all $total messages translated"
