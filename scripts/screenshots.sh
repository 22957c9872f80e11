#!/usr/bin/env bash
# Regenerates docs/screenshots/ from a build: the console on the simulated federation at 1920x1080,
# in English and in Simplified Chinese, and the national map in the window and in wall mode (--wall),
# in a real X server (Xvfb) with a throwaway settings folder; and an offline replay of a short snapshot
# recorded from the simulator with cpn-snapshot, alone and after a live run. `screenshots.sh site` shoots
# the console beside a real site's gateway (scripts/site-demo.sh), which needs root.
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
        "$bin/cpn-console" -qwindowgeometry 1920x1080+0+0 --screenshot "$out/$file" "$@"
    echo "wrote docs/screenshots/$file"
}

# Records 20 s of the simulated federation into $1.
record_snapshot() {
    local log=$settings/sim.log
    local token
    token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    CPN_DEV_TOKEN=$token "$bin/cpn-nodesim" --port 0 --seed 42 >"$log" 2>&1 &
    local sim=$!
    local url=
    for _ in $(seq 50); do
        url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" || true)
        [ -n "$url" ] && break
        sleep 0.1
    done
    CPN_TOKEN=$token "$bin/cpn-snapshot" record --connect "$url" --seconds 20 --out "$1" \
        --name "drill 1" --note "simulated federation, for the README"
    kill "$sim"
    wait "$sim" 2>/dev/null || true
}

# A dashboard of node, link and national charts beside the map, after a minute of live data; and its
# PDF report (vector charts) exported at the same moment, its first page drawn by pdftoppm.
shoot_charts() {
    local pdf
    pdf=$(mktemp --suffix=.pdf) # outside $settings, which shoot empties
    CPN_SCREENSHOT_DASHBOARD_PDF=$pdf shoot charts.png --demo --lang en --pin-demo-charts --screenshot-delay 60
    pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$pdf" "$out/dashboard-report"
    rm -f "$pdf"
    echo "wrote docs/screenshots/dashboard-report.png"
}
# `screenshots.sh charts` shoots the chart dashboard alone.
if [ "${1:-all}" = charts ]; then
    shoot_charts
    exit 0
fi

# Signed in as planner through the simulator's login page (scripts/screenshot-browser/xdg-open plays
# the system browser) with the Accounts dialog open; and the Connect to Federation dialog.
shoot_accounts() {
    PATH=$root/scripts/screenshot-browser:$PATH CPN_SCREENSHOT_DIALOG=accounts \
        shoot accounts.png --demo --lang en --sign-in --screenshot-delay 10
    CPN_SCREENSHOT_DIALOG=connect shoot connect.png --demo --lang en --screenshot-delay 8
    # A sign-in waiting for a browser that shows nothing: the window with the address to copy.
    local silent
    silent=$(mktemp -d) # outside $settings, which shoot empties
    printf '#!/bin/sh\nexit 0\n' >"$silent/xdg-open"
    chmod +x "$silent/xdg-open"
    PATH=$silent:$PATH shoot sign-in-wait.png --demo --lang en --sign-in --screenshot-delay 6
    rm -rf "$silent"
}
# The workload editor on the demo queue's first workload, its requirements with the live count.
shoot_planning() {
    CPN_SCREENSHOT_DIALOG=workload-editor shoot workload-editor.png --demo --lang en --screenshot-delay 12
}
# `screenshots.sh planning` shoots it alone.
if [ "${1:-all}" = planning ]; then
    shoot_planning
    exit 0
fi

# The 1+M+N hierarchy: the Hierarchy dock with the Guizhou hub chosen (its subtree in the table and on the
# map); Identifier Management with the demo's two applications pending; the Latency Targets matrix with a
# breach injected between Guizhou and the Yangtze River Delta (25 ms more on their link), and the latency
# rings from the Guizhou hub on the map.
shoot_hierarchy_tools() {
    CPN_SCREENSHOT_HIERARCHY=guizhou-hub shoot hierarchy.png --demo --lang en --screenshot-delay 12
    CPN_SCREENSHOT_DIALOG=identifiers shoot identifiers.png --demo --lang en --screenshot-delay 10
    CPN_SCREENSHOT_FAULT=link-latency:l-yrd-hub-guizhou-hub CPN_SCREENSHOT_LATENCY=guizhou-hub \
        shoot latency.png --demo --lang en --screenshot-delay 30
}
# `screenshots.sh hierarchy` shoots them alone.
if [ "${1:-all}" = hierarchy ]; then
    shoot_hierarchy_tools
    exit 0
fi

# `screenshots.sh accounts` shoots those two alone.
if [ "${1:-all}" = accounts ]; then
    shoot_accounts
    exit 0
fi

# A cluster that went down 40 s before the picture: offline on the map, its hover card giving its last
# known figures greyed with their age, and its one event in the Events dock.
shoot_node_down() {
    CPN_SCREENSHOT_FAULT=node-down:guizhou-hub CPN_SCREENSHOT_HOVER=guian \
        shoot node-down.png --demo --lang en --screenshot-delay 55
}
# `screenshots.sh node-down` shoots it alone.
if [ "${1:-all}" = node-down ]; then
    shoot_node_down
    exit 0
fi

# The demo's alarms (its access link down, and a hub down for a critical one) on the map, wall
# mode's band of open problems, and the Alarms dock with the link's alarm acknowledged with a comment.
shoot_alarms() {
    CPN_SCREENSHOT_FAULT=node-down:guizhou-hub shoot alarms-map.png --demo --lang en --screenshot-delay 14
    CPN_SCREENSHOT_FAULT=node-down:guizhou-hub shoot wall-alarms.png --demo --lang en --wall --screenshot-delay 14
    CPN_SCREENSHOT_FAULT=node-down:guizhou-hub,node-down:shaoguan \
        CPN_SCREENSHOT_ACK="guizhou-hub:Power feed B tripped; site team on the way, ETA 40 min" \
        shoot alarms-dock.png --demo --lang en --screenshot-delay 33
}
# `screenshots.sh alarms` shoots them alone.
if [ "${1:-all}" = alarms ]; then
    shoot_alarms
    exit 0
fi

# A real site beside the simulated federation (scripts/site-demo.sh: its Prometheus, Alertmanager and
# Slurm, cpn-gateway in front of them, the console connected to both), with a 2-GPU job placed on it
# through the Place a Job wizard running in its Slurm and selected in the Jobs dock, and the site's hover
# card on the map. Needs root, as the site demo does.
shoot_site() {
    rm -rf "${settings:?}"/*
    CPN_SCREENSHOT_JOB=wlcb-ai:h800:2 CPN_SCREENSHOT_HOVER=wlcb-ai \
        XDG_CONFIG_HOME=$settings XDG_CACHE_HOME=$settings/cache \
        xvfb-run -a -s "-screen 0 1920x1080x24" \
        "$root/scripts/site-demo.sh" -qwindowgeometry 1920x1080+0+0 --screenshot "$out/site-gateway.png" \
        --lang en --screenshot-delay 45
    echo "wrote docs/screenshots/site-gateway.png"
}
# `screenshots.sh site` shoots it alone; the whole run leaves it out (it needs root and installs services).
if [ "${1:-all}" = site ]; then
    shoot_site
    exit 0
fi

# A 4K wall (3840x2160) at twice the scale, in wall mode, with the demo's hub down: every layer, sprite
# and text drawn at device pixels.
shoot_4k_wall() {
    rm -rf "${settings:?}"/*
    CPN_SCREENSHOT_FAULT=node-down:guizhou-hub QT_SCALE_FACTOR=2 XDG_CONFIG_HOME=$settings XDG_CACHE_HOME=$settings/cache \
        xvfb-run -a -s "-screen 0 3840x2160x24" \
        "$bin/cpn-console" -qwindowgeometry 1920x1080+0+0 --screenshot "$out/wall-4k.png" --demo --lang zh_CN \
        --wall --screenshot-delay 14
    echo "wrote docs/screenshots/wall-4k.png"
}
# `screenshots.sh 4k` shoots it alone.
if [ "${1:-all}" = 4k ]; then
    shoot_4k_wall
    exit 0
fi

# `screenshots.sh offline` shoots the offline replay alone.
if [ "${1:-all}" != offline ]; then
    shoot console.png --demo --lang en
    shoot console-zh_CN.png --demo --lang zh_CN
    # Started in English, Place a Job open, switched to Simplified Chinese through View > Language (shown open).
    CPN_SCREENSHOT_LANGUAGE=zh_CN shoot language-switch.png --demo --lang en --screenshot-delay 12
    shoot map.png --demo --lang en
    shoot map-wall.png --demo --lang en --wall
    shoot_hierarchy_tools
    # 2,000 synthetic nodes fitted to the screen: their clusters and industry nodes grouped by place.
    shoot map-2000.png --demo --scenario synthetic:2000 --lang en --screenshot-delay 15
    shoot_charts
    # The resource selection wizard on its ranked offers, its candidates ringed on the map.
    shoot selection-wizard.png --demo --lang en --open-planning selection --screenshot-delay 16
    # A workload of the example queue held over the map mid-drag: where it fits (green), fits poorly
    # (amber) or cannot run (red), and the label of the node under it.
    CPN_SCREENSHOT_DRAG=med-imaging-finetune shoot map-drag.png --demo --lang en --screenshot-delay 16
    shoot_planning
    shoot_accounts
    shoot_node_down
    shoot_alarms
    shoot_4k_wall
fi

# Offline review 12 s into a 20 s recording: banner, replay bar and map, no network.
snapshot=$(mktemp -d)/drill.cpnsnap
record_snapshot "$snapshot"
shoot offline-replay.png --lang en --offline "$snapshot" --replay-at 12 --screenshot-delay 4
# The same review opened after a live run in the same settings: the live run's saved window state
# (its tool bars and docks) must not shape the review's banner and replay bar.
shoot_offline_after_live() {
    rm -rf "${settings:?}"/*
    XDG_CONFIG_HOME=$settings XDG_CACHE_HOME=$settings/cache \
        xvfb-run -a -s "-screen 0 1920x1080x24" \
        "$bin/cpn-console" -qwindowgeometry 1920x1080+0+0 --screenshot "$settings/live.png" \
        --demo --lang en --screenshot-delay 10
    XDG_CONFIG_HOME=$settings XDG_CACHE_HOME=$settings/cache \
        xvfb-run -a -s "-screen 0 1920x1080x24" \
        "$bin/cpn-console" -qwindowgeometry 1920x1080+0+0 --screenshot "$out/offline-after-live.png" \
        --lang en --offline "$snapshot" --replay-at 12 --screenshot-delay 4
    echo "wrote docs/screenshots/offline-after-live.png"
}
shoot_offline_after_live
rm -rf "$(dirname "$snapshot")"
