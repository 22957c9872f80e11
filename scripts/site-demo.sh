#!/usr/bin/env bash
# A real site beside the simulated federation: installs what is missing, builds, starts the site's services
# (scripts/services/start-site.sh: Prometheus, node_exporter, a fake dcgm-exporter, Alertmanager, a 3-node Slurm),
# writes a gateway configuration from their site.env, starts cpn-gateway on it, then the console on the simulated
# federation and connected to the gateway. Closing the console stops the gateway and the site.
#
#   scripts/site-demo.sh [--site-dir DIR] [console arguments...]      (needs root, as start-site.sh)
#
# The site is an industry node in Ulanqab, Inner Mongolia (wlcb-ai, beside the simulated nm-hub); its GPU figures
# are DIR/dcgm-values.json (see tools/fake-dcgm-exporter.py), its gateway's log DIR/log/gateway.log.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=
if [ "${1:-}" = --site-dir ]; then
    dir=$2
    shift 2
fi
"$root/scripts/install-deps.sh"
build=${CPN_BUILD_DIR:-$root/build}
bin=$build/bin
# a configured build only brings the three programs used here up to date
if [ -f "$build/build.ninja" ]; then
    cmake --build "$build" -j"$(nproc)" --target cpn-console cpn-gateway cpn-nodesim
else
    "$root/scripts/build.sh"
fi
if [ -z "$dir" ]; then
    dir=$(mktemp -d /tmp/cpn-site.XXXXXX)
    chmod 755 "$dir" # slurmrestd and the jobs run as nobody
fi

gateway_pid=
stop_all() {
    if [ -n "$gateway_pid" ]; then
        kill "$gateway_pid" 2>/dev/null || true
        wait "$gateway_pid" 2>/dev/null || true
    fi
    "$root/scripts/services/stop-site.sh" "$dir" >/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

"$root/scripts/services/start-site.sh" "$dir"
# shellcheck source=/dev/null
source "$dir/site.env"

token=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
# The site's uplink to nm-hub: this machine's busiest interface as node_exporter sees it; its latency a real
# round trip (Prometheus scraping node_exporter) where a real site probes its hub with blackbox_exporter.
uplink=$(curl -s "$PROMETHEUS_URL/api/v1/query" --data-urlencode 'query=topk(1, node_network_transmit_bytes_total)' |
    python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["result"]; print(r[0]["metric"]["device"] if r else "")')
mkdir -p "$dir/gateway-state"
cat >"$dir/gateway.conf" <<EOF
# Written by scripts/site-demo.sh from $dir/site.env
[site]
id = wlcb-ai
name = Ulanqab Intelligent Computing Center
name_zh = 乌兰察布智算中心
compute_id = CPN-I15-GEN-00042-8
tier = industry
role = industry
parent = nm-hub
province = CN-NM
city = Ulanqab
sector = GEN
lat = 41.03
lon = 113.13

[server]
port = 0
dev_token = $token

[prometheus]
url = $PROMETHEUS_URL

[models]
"NVIDIA H800" = h800

[links]
uplink.peer = nm-hub
uplink.interfaces = device="${uplink:-eth0}"
uplink.capacity_gbps = 10
uplink.kind = access
uplink.latency = scrape_duration_seconds{job="node"} * 1000

[alertmanager]
url = $ALERTMANAGER_URL
interval = 1

[slurm]
url = $SLURMRESTD_URL
user = $SLURM_USER
token = $SLURM_JWT_TOKEN
partition = $SLURM_PARTITION
job_directory = $SLURM_JOB_DIR

[prices]
cpu_core_hour = 0.12
memory_gib_hour = 0.01
accelerator.h800 = 18.5

[state]
directory = $dir/gateway-state
EOF

# The gateway prints `cpn-gateway listening on URL` once it listens.
: >"$dir/log/gateway.out"
"$bin/cpn-gateway" --config "$dir/gateway.conf" >"$dir/log/gateway.out" 2>"$dir/log/gateway.log" &
gateway_pid=$!
url=
for _ in $(seq 100); do
    url=$(sed -n 's/^cpn-gateway listening on //p' "$dir/log/gateway.out")
    [ -n "$url" ] && break
    kill -0 "$gateway_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "site-demo: cpn-gateway did not start:" >&2
    cat "$dir/log/gateway.log" >&2
    exit 1
fi
echo "site-demo: gateway for the site at $url (config $dir/gateway.conf)"

CPN_TOKEN=$token "$bin/cpn-console" --demo --connect "$url" "$@"
