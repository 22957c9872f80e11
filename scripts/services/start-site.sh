#!/usr/bin/env bash
# Starts a real site's services under DIR, on free loopback ports, and writes DIR/site.env once every one of them
# answers: Prometheus (scraping node_exporter and tools/fake-dcgm-exporter.py each second, with alerting rules)
# and Alertmanager; munge, slurmctld, three slurmd (n1..n3, 8 fake h800 GPUs each) and slurmrestd (JWT, as nobody).
# Needs root (slurmd runs jobs as their user). Idempotent: a site already running in DIR is left as it is; a
# half-started one is stopped first. Stop it with scripts/services/stop-site.sh DIR. docs/site-services.md has the
# layout and the reasons behind the settings below.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
    # slurmd runs each job as its user, which only root can; a user with password-less sudo (CI) gets the site
    # files the tests rewrite handed back below
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        exec sudo -n "$0" "$@"
    fi
    echo "start-site: needs root (slurmd runs each job as its user)" >&2
    exit 1
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$1"
dir=$(cd "$1" && pwd)
source "$here/site-lib.sh"
# munged wants every directory above its socket open to all, and slurmrestd and the jobs run as nobody
if ! setpriv --reuid=nobody --regid=nogroup --clear-groups -- test -x "$dir"; then
    echo "start-site: $dir must be reachable by every user (a directory above it is closed, as /root is)" >&2
    exit 1
fi

if site_running "$dir"; then
    echo "start-site: already running in $dir"
    exit 0
fi
"$here/stop-site.sh" "$dir" >/dev/null
started=$(date +%s.%N)

# Everything this script starts carries the marker in its environment: stop-site.sh signals a recorded PID only
# while it has it (PIDs get reused), and finds by it what no PID file names (Slurm's job steps, which overwrite
# their environment, it finds by the files they hold under DIR).
export CPN_SITE_DIR=$dir
export SLURM_CONF=$dir/slurm/slurm.conf
rm -rf "$dir/munge" "$dir/slurm" "$dir/prometheus" "$dir/alertmanager" "$dir/dev" "$dir/jobs" "$dir/log" \
    "$dir/dcgm-values.json" "$dir/site.env" "$dir/pids"
mkdir -p "$dir/munge" "$dir/slurm/state" "$dir/prometheus/data" "$dir/alertmanager/data" "$dir/dev" "$dir/jobs" \
    "$dir/log"
# slurmrestd runs as nobody and reads slurm.conf; jobs run as nobody and write their output in jobs/
chmod 755 "$dir" "$dir/slurm"
chmod 1777 "$dir/jobs"
: >"$dir/pids"

read -r p_ctld p_n1 p_n2 p_n3 p_rest p_node p_dcgm p_prom p_am < <(free_ports 9)
host=$(hostname -s)

# start NAME COMMAND...: in its own session (a kill of the caller's process group must not take it down), with
# no terminal and no pipe of the caller's (CTest waits for its pipes to close), its PID recorded
start() {
    local name=$1
    shift
    setsid "$@" </dev/null >>"$dir/log/$name.out" 2>&1 &
    echo "$name $!" >>"$dir/pids"
}

on_failure() {
    echo "start-site: failed; the logs are in $dir/log" >&2
    tail -n 5 "$dir"/log/* >&2 || true
    env -u CPN_SITE_DIR "$here/stop-site.sh" "$dir" >&2 || true
}
trap on_failure ERR

# --- the Prometheus family, started first: Prometheus takes seconds to its first scrape ---
start dcgm-exporter python3 "$root/tools/fake-dcgm-exporter.py" --init --port "$p_dcgm" \
    --values "$dir/dcgm-values.json" --hosts n1,n2,n3 --gpus 8 --model "NVIDIA H800"
# the systemd collector fails where systemd does not run
start node-exporter prometheus-node-exporter --web.listen-address="127.0.0.1:$p_node" --no-collector.systemd

cat >"$dir/alertmanager/alertmanager.yml" <<EOF
route:
  receiver: keep
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 1h
receivers:
  - name: keep
EOF
# an empty cluster address: no gossip listener on every interface
start alertmanager prometheus-alertmanager --config.file="$dir/alertmanager/alertmanager.yml" \
    --storage.path="$dir/alertmanager/data" --web.listen-address="127.0.0.1:$p_am" --cluster.listen-address=

cat >"$dir/prometheus/rules.yml" <<'EOF'
groups:
  - name: site
    interval: 1s
    rules:
      - alert: GpuSaturated
        expr: DCGM_FI_DEV_GPU_UTIL >= 95
        labels: {severity: warning}
        annotations: {summary: "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} at {{ $value }} %"}
      - alert: ExporterDown
        expr: up == 0
        for: 3s
        labels: {severity: critical}
        annotations: {summary: "{{ $labels.job }} exporter at {{ $labels.instance }} does not answer"}
EOF
cat >"$dir/prometheus/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files: [$dir/prometheus/rules.yml]
alerting:
  alertmanagers:
    - static_configs: [{targets: ['127.0.0.1:$p_am']}]
scrape_configs:
  - job_name: node
    static_configs: [{targets: ['127.0.0.1:$p_node']}]
  - job_name: dcgm
    static_configs: [{targets: ['127.0.0.1:$p_dcgm']}]
EOF
# resend delay: alerts firing in the first seconds otherwise reach Alertmanager a minute late;
# flush deadline: a stop otherwise can wait a minute
start prometheus prometheus --config.file="$dir/prometheus/prometheus.yml" --storage.tsdb.path="$dir/prometheus/data" \
    --web.listen-address="127.0.0.1:$p_prom" --web.enable-lifecycle --rules.alert.resend-delay=1s \
    --storage.remote.flush-deadline=2s

# --- munge, then Slurm ---
mungekey --create --keyfile="$dir/munge/munge.key" 2>/dev/null
chmod 755 "$dir/munge"
chmod 600 "$dir/munge/munge.key"
start munged munged --foreground --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/munge/munged.pid" --seed-file="$dir/munge/munged.seed" --log-file="$dir/log/munged.log"

head -c 32 /dev/urandom >"$dir/slurm/jwt.key"
chmod 600 "$dir/slurm/jwt.key"
# fake GPUs: Slurm binds a GPU only to a device file it can stat (without File= a node goes INVAL)
for i in 0 1 2 3 4 5 6 7; do
    mknod "$dir/dev/nvidia$i" c 195 "$i"
done
cat >"$dir/slurm/gres.conf" <<EOF
AutoDetect=off
NodeName=n[1-3] Name=gpu Type=h800 File=$dir/dev/nvidia[0-7]
EOF
nodes=""
for n in 1 2 3; do
    port_var=p_n$n
    nodes+="NodeName=n$n NodeHostname=$host NodeAddr=127.0.0.1 Port=${!port_var} CPUs=16 RealMemory=65536 Gres=gpu:h800:8 State=UNKNOWN"$'\n'
done
cat >"$SLURM_CONF" <<EOF
ClusterName=cpnsite
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$p_ctld
CommunicationParameters=NoInAddrAny
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$dir/slurm/jwt.key
StateSaveLocation=$dir/slurm/state
SlurmdSpoolDir=$dir/slurm/spool-%n
SlurmctldPidFile=$dir/slurm/slurmctld.pid
SlurmdPidFile=$dir/slurm/slurmd-%n.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=1024
SlurmdParameters=config_overrides
ReturnToService=2
GresTypes=gpu
MinJobAge=300
$nodes
PartitionName=gpu Nodes=n[1-3] Default=YES MaxTime=INFINITE State=UP
EOF
chmod 644 "$SLURM_CONF" "$dir/slurm/gres.conf"

wait_for "munged" 5 munge_answers "$dir/munge/munge.socket"
start slurmctld slurmctld -D -f "$SLURM_CONF"
for n in 1 2 3; do
    start "slurmd-n$n" slurmd -D -f "$SLURM_CONF" -N "n$n"
done
# slurmrestd refuses to run as root; SLURM_JWT=daemon: it passes each request's token on to slurmctld
SLURM_JWT=daemon start slurmrestd setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
    slurmrestd -f "$SLURM_CONF" -a rest_auth/jwt -s openapi/v0.0.38 "127.0.0.1:$p_rest"

# --- ready: every service answers what the tests ask of it ---
wait_for "slurmctld" 10 ctld_up
wait_for "three idle Slurm nodes" 15 nodes_idle 3
token=$(scontrol token username=nobody lifespan=31536000 | sed -n 's/^SLURM_JWT=//p')
wait_for "slurmrestd" 10 restd_pings "http://127.0.0.1:$p_rest" nobody "$token"
wait_for "Alertmanager" 10 http_ok "http://127.0.0.1:$p_am/-/ready"
wait_for "Prometheus scraping both exporters" 20 targets_up "http://127.0.0.1:$p_prom" 2

# started through sudo: the caller rewrites the GPU figures (through a temporary file beside them)
if [ -n "${SUDO_UID:-}" ]; then
    chown "$SUDO_UID:$SUDO_GID" "$dir" "$dir/dcgm-values.json"
fi

pid_of() { awk -v n="$1" '$1 == n { print $2 }' "$dir/pids"; }
cat >"$dir/site.env.tmp" <<EOF
# Written by scripts/services/start-site.sh; source it. Stop with scripts/services/stop-site.sh $dir
SITE_DIR='$dir'
PROMETHEUS_URL='http://127.0.0.1:$p_prom'
ALERTMANAGER_URL='http://127.0.0.1:$p_am'
SLURMRESTD_URL='http://127.0.0.1:$p_rest'
SLURM_JWT_TOKEN='$token'
SLURM_USER='nobody'
SLURM_PARTITION='gpu'
SLURM_JOB_DIR='$dir/jobs'
SLURM_CONF='$SLURM_CONF'
DCGM_EXPORTER_URL='http://127.0.0.1:$p_dcgm/metrics'
DCGM_VALUES_FILE='$dir/dcgm-values.json'
NODE_EXPORTER_URL='http://127.0.0.1:$p_node/metrics'
PROMETHEUS_PID=$(pid_of prometheus)
ALERTMANAGER_PID=$(pid_of alertmanager)
NODE_EXPORTER_PID=$(pid_of node-exporter)
DCGM_EXPORTER_PID=$(pid_of dcgm-exporter)
MUNGED_PID=$(pid_of munged)
SLURMCTLD_PID=$(pid_of slurmctld)
SLURMD_PIDS='$(pid_of slurmd-n1) $(pid_of slurmd-n2) $(pid_of slurmd-n3)'
SLURMRESTD_PID=$(pid_of slurmrestd)
SITE_PIDS='$(awk '{ print $2 }' "$dir/pids" | xargs)'
EOF
mv "$dir/site.env.tmp" "$dir/site.env"
trap - ERR
awk -v a="$started" -v b="$(date +%s.%N)" -v f="$dir/site.env" 'BEGIN { printf "start-site: ready in %.1f s; source %s\n", b - a, f }'
