# Helpers for start-site.sh and stop-site.sh (sourced, not run).

# free_ports N: N distinct loopback ports nobody listens on now (held together while chosen, so they differ)
free_ports() {
    python3 - "$1" <<'EOF'
import socket, sys
held = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in held:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in held))
EOF
}

# wait_for WHAT SECONDS CHECK ARGS...: polls CHECK until it succeeds; fails naming WHAT after SECONDS
wait_for() {
    local what=$1 seconds=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if [ $SECONDS -ge $deadline ]; then
            echo "start-site: $what not ready after $seconds s" >&2
            return 1
        fi
        sleep 0.1
    done
}

munge_answers() { munge -n -S "$1" | unmunge -S "$1" >/dev/null; }

# scontrol, sinfo and squeue retry for a long time while slurmctld is down: bound them
ctld_up() { timeout 3 scontrol ping | grep -q ' is UP'; }

nodes_idle() { [ "$(timeout 3 sinfo -h -N -o '%N %t' | grep -c ' idle$')" -eq "$1" ]; }

http_ok() { curl -sf -o /dev/null --max-time 2 "$1"; }

# restd_pings URL USER TOKEN: slurmrestd accepts the token and slurmctld answers its ping
restd_pings() {
    curl -sf --max-time 2 -H "X-SLURM-USER-NAME: $2" -H "X-SLURM-USER-TOKEN: $3" "$1/slurm/v0.0.38/ping" |
        python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["pings"][0]["ping"] == "UP" else 1)'
}

# targets_up URL N: Prometheus has scraped all N targets twice, so that rates have samples (its /-/ready
# answers seconds before the first scrape)
targets_up() {
    curl -sf --max-time 2 "$1/api/v1/query" --data-urlencode 'query=count(up == 1 and count_over_time(up[1m]) >= 2)' |
        python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; sys.exit(0 if r and r[0]["value"][1] == sys.argv[1] else 1)' "$2"
}

# ours PID DIR: PID is alive and was started for the site in DIR (not a reused PID)
ours() { tr "\0" "\n" 2>/dev/null <"/proc/$1/environ" | grep -qxF "CPN_SITE_DIR=$2"; }

# site_running DIR: the site in DIR finished starting and every one of its processes still runs
site_running() {
    [ -f "$1/site.env" ] && [ -f "$1/pids" ] || return 1
    local name pid
    while read -r name pid; do
        ours "$pid" "$1" || return 1
    done <"$1/pids"
}

# slurmd's job steps: a slurmstepd still writing to a file under DIR (it overwrites its own environment with
# its process title, so the marker is gone)
job_step_of() {
    [ "$(cat "/proc/$1/comm" 2>/dev/null)" = slurmstepd ] && find "/proc/$1/fd" -lname "$2/*" 2>/dev/null | grep -q .
}

# site_processes DIR: every process started for the site in DIR: its daemons, their job steps, and everything
# those started (a job's processes)
site_processes() {
    local p pid roots=()
    for p in /proc/[0-9]*; do
        pid=${p#/proc/}
        [ "$pid" = "$$" ] || [ "$pid" = "$BASHPID" ] && continue
        if ours "$pid" "$1" || job_step_of "$pid" "$1"; then
            roots+=("$pid")
        fi
    done
    [ ${#roots[@]} -gt 0 ] || return 0
    ps -eo pid=,ppid= | awk -v roots="${roots[*]}" '
        BEGIN { n = split(roots, r, " "); for (i = 1; i <= n; i++) keep[r[i]] = 1 }
        { parent[$1] = $2 }
        END {
            do { grew = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; grew = 1 } } while (grew)
            for (p in keep) if (p in parent) print p
        }'
}

# alive PID: runs (a zombie only waits for its parent to collect it)
alive() { [ -r "/proc/$1/stat" ] && ! grep -q ') Z ' "/proc/$1/stat" 2>/dev/null; }
