#!/usr/bin/env bash
# The Debian packages as a user gets them (CTest label `package`):
#   1. scripts/package.sh makes them from this build;
#   2. lintian (no error), desktop-file-validate and appstreamcli validate check them;
#   3. apt-get installs them; the installed console runs --demo for 10 s under Xvfb and must draw the map with
#      the simulator, translations and icon from the installed paths; the installed cpn-snapshot records and
#      verifies a snapshot of the installed simulator;
#   4. apt-get purges them, and nothing they installed is left.
# Needs root (apt-get, dpkg); installs into this machine, so CTest runs it alone (RUN_SERIAL).
#
#   install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
packages=(cpn-console cpn-nodesim cpn-snapshot cpn-gateway)
work=$(mktemp -d)
step() { echo "--- $*"; }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
purge() { DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${packages[@]}" >"$work/purge.log" 2>&1; }
cleanup() {
    local rc=$?
    pkill -f "^/usr/bin/cpn-nodesim" 2>/dev/null || true
    for p in "${packages[@]}"; do
        if installed "$p"; then
            purge || true
            break
        fi
    done
    rm -rf "$work"
    exit $rc
}
trap cleanup EXIT

[ "$(id -u)" -eq 0 ] || fail "installing packages needs root"
for p in "${packages[@]}"; do
    if installed "$p"; then
        step "removing $p, installed before this test"
        purge
    fi
done

step "packaging"
CPN_BUILD_DIR=$build "$source/scripts/package.sh" --no-build "$work/debs"
debs=("$work"/debs/cpn-*.deb)
[ ${#debs[@]} -eq 4 ] || fail "expected 4 packages, got ${#debs[@]}"

step "lintian"
lintian_ok=1
lintian --fail-on error "${debs[@]}" >"$work/lintian.log" 2>&1 || lintian_ok=0
grep -v "running with root privileges" "$work/lintian.log" || true
[ $lintian_ok -eq 1 ] || fail "lintian found errors"

step "desktop entry and AppStream metadata"
dpkg-deb -x "$work/debs/cpn-console_"*.deb "$work/console-root"
desktop-file-validate "$work/console-root/usr/share/applications/cn.cpn.ControlCenter.desktop"
appstreamcli validate --no-net "$work/console-root/usr/share/metainfo/cn.cpn.ControlCenter.metainfo.xml"

step "installing"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debs[@]}" >"$work/install.log" 2>&1 ||
    { cat "$work/install.log"; fail "apt-get install"; }
for p in "${packages[@]}"; do installed "$p" || fail "$p is not installed"; done
for f in /usr/bin/cpn-console /usr/share/man/man1/cpn-console.1.gz /usr/share/cpn-console/translations/cpn_zh_CN.qm \
    /usr/share/icons/hicolor/scalable/apps/cn.cpn.ControlCenter.svg /usr/share/icons/hicolor/48x48/apps/cn.cpn.ControlCenter.png \
    /etc/cpn-gateway/gateway.conf.example /usr/lib/systemd/system/cpn-gateway.service; do
    [ -e "$f" ] || fail "$f was not installed"
done
man -l /usr/share/man/man1/cpn-snapshot.1.gz 2>/dev/null | grep -q "verify FILE" || fail "cpn-snapshot's man page"

step "the installed console, 10 s of --demo under Xvfb"
home=$work/home
mkdir -p "$home"
log=$work/console.log
# A user's fresh account: its own settings and cache, the installed programs only (PATH without the build).
env -i HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" XDG_DATA_HOME="$home/.local/share" \
    XDG_RUNTIME_DIR="$home/run" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    timeout 90 xvfb-run -a -s "-screen 0 1920x1080x24" \
    /usr/bin/cpn-console --demo --lang zh_CN --screenshot "$work/shot.png" --screenshot-delay 10 >"$log" 2>&1 ||
    { cat "$log"; fail "the installed console did not run"; }
cat "$log"
grep -q 'starting "/usr/bin/cpn-nodesim"' "$log" || fail "the console did not start the installed simulator"
grep -q 'user interface language zh_CN from /usr/share/cpn-console/translations/cpn_zh_CN.qm' "$log" ||
    fail "the console did not load its installed translation"
grep -q "window icon: the icon theme's cn.cpn.ControlCenter" "$log" || fail "the console did not find its installed icon"
grep -q 'map: first frame with data drawn ([1-9][0-9]* nodes, [1-9][0-9]* with metrics' "$log" || fail "the console did not draw the map with data"
[ -s "$work/shot.png" ] || fail "no screenshot"

step "the installed cpn-snapshot: record and verify a snapshot of the installed simulator"
token=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
CPN_DEV_TOKEN=$token /usr/bin/cpn-nodesim --port 0 >"$work/sim.log" 2>&1 &
sim=$!
url=
for _ in $(seq 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/sim.log" | head -1 || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$work/sim.log"; fail "the installed simulator did not start"; }
CPN_TOKEN=$token /usr/bin/cpn-snapshot record --connect "$url" --seconds 3 --out "$work/drill.cpnsnap" --name drill
kill "$sim"
wait "$sim" 2>/dev/null || true
/usr/bin/cpn-snapshot verify "$work/drill.cpnsnap"

step "purging"
files=()
for deb in "${debs[@]}"; do
    while IFS= read -r f; do files+=("$f"); done < <(dpkg-deb --fsys-tarfile "$deb" | tar -t | sed 's|^\./|/|' | grep -v '/$')
done
purge || { cat "$work/purge.log"; fail "apt-get purge"; }
for p in "${packages[@]}"; do installed "$p" && fail "$p is still installed"; done
left=0
for f in "${files[@]}" /usr/share/cpn-console /etc/cpn-gateway /usr/share/doc/cpn-console /usr/share/doc/cpn-gateway; do
    if [ -e "$f" ]; then
        echo "left behind: $f" >&2
        left=1
    fi
done
[ $left -eq 0 ] || fail "the packages left files behind"
echo "packages built, checked, installed, run and removed: ${#files[@]} files, none left"
