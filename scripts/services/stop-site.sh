#!/usr/bin/env bash
# Stops the site that scripts/services/start-site.sh started in DIR and leaves none of its processes behind:
# Slurm's jobs are cancelled first (their steps outlive slurmd), then every daemon is stopped by its PID.
# Idempotent: nothing running is not an error. DIR's files stay for reading the logs.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
[ -d "$1" ] || exit 0
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    exec sudo -n "$0" "$@" # the site's daemons run as root (see start-site.sh)
fi
here=$(cd "$(dirname "$0")" && pwd)
dir=$(cd "$1" && pwd)
source "$here/site-lib.sh"

export SLURM_CONF=$dir/slurm/slurm.conf
if [ -f "$SLURM_CONF" ] && ctld_up; then
    jobs=$(timeout 5 squeue -h -o %A || true)
    if [ -n "$jobs" ]; then
        # shellcheck disable=SC2086 # one argument per job id
        timeout 5 scancel $jobs || true
        # a cancelled job is gone from the queue once its steps have ended
        for _ in $(seq 50); do
            [ -z "$(timeout 3 squeue -h -o %A || true)" ] && break
            sleep 0.1
        done
    fi
fi

# stop_all SIGNAL PIDS...: signals the PIDs that still run, then waits up to 5 s for them to end
stop_all() {
    local signal=$1 pid
    shift
    for pid in "$@"; do
        alive "$pid" && kill "-$signal" "$pid" 2>/dev/null || true
    done
    for _ in $(seq 50); do
        local running=0
        for pid in "$@"; do
            alive "$pid" && running=1
        done
        [ $running -eq 0 ] && return 0
        sleep 0.1
    done
    return 1
}

# the daemons by their recorded PIDs (those still ours: a PID can be reused), then whatever else the site left:
# job steps and their jobs, or daemons of a start that failed before recording them
daemons=()
if [ -f "$dir/pids" ]; then
    while read -r _ pid; do
        ours "$pid" "$dir" && daemons+=("$pid")
    done <"$dir/pids"
fi
if [ ${#daemons[@]} -gt 0 ]; then
    stop_all TERM "${daemons[@]}" || stop_all KILL "${daemons[@]}" || true
fi
mapfile -t rest < <(site_processes "$dir")
if [ ${#rest[@]} -gt 0 ]; then
    stop_all TERM "${rest[@]}" || stop_all KILL "${rest[@]}" || true
fi
rm -f "$dir/site.env" "$dir/pids"

mapfile -t left < <(site_processes "$dir")
if [ ${#left[@]} -gt 0 ]; then
    echo "stop-site: still running: ${left[*]}" >&2
    exit 1
fi
echo "stop-site: stopped $dir"
