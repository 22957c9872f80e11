#!/usr/bin/env bash
# Fuzzes the parsers of untrusted input with libFuzzer (tests/fuzz): protocol payloads, basemap GeoJSON,
# the workload queue file, the gateway configuration and snapshot files.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 600 s each, every target; two run at a time)
#   CPN_FUZZ_SEED=N makes a run repeatable (scripts/test.sh uses 1).
#
# Builds them with clang in build-sanitized (scripts/build-sanitized.sh: every library instrumented for
# libFuzzer, AddressSanitizer and UBSan), runs each from its seeds (tests/fuzz/corpus/<name>) for SECONDS,
# keeping what it learns in build-sanitized/corpus. A crash stops the run: its input is copied to tests/fuzz/regressions/<name>/, where
# the replay tests (ctest -R fuzz_) run it in every build once the bug is fixed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(protocol basemap workloadqueue gatewayconfig snapshot)
build=${CPN_SANITIZED_BUILD_DIR:-$root/build-sanitized}

if ! command -v clang++ >/dev/null; then
    echo "fuzz: clang++ is not installed (apt-get install clang); nothing fuzzed" >&2
    exit 2
fi
"$root/scripts/build-sanitized.sh" "${targets[@]/#/fuzz_}"

run_one() {
    local name=$1 corpus="$build/corpus/$1" crashes="$build/crashes/$1"
    mkdir -p "$corpus" "$crashes"
    # -rss_limit_mb: the parsers' own caps must hold well below it; a run past it is a finding.
    local seed=()
    [ -n "${CPN_FUZZ_SEED:-}" ] && seed=(-seed="$CPN_FUZZ_SEED")
    if "$build/bin/fuzz_$name" "${seed[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "$corpus" "$root/tests/fuzz/corpus/$name" >"$build/fuzz_$name.log" 2>&1; then
        echo "fuzz_$name: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz_$name.log" |
            grep -o '[0-9]*$') inputs in ${seconds} s, no finding"
        return 0
    fi
    echo "fuzz_$name: FOUND A CRASH; log $build/fuzz_$name.log" >&2
    mkdir -p "$root/tests/fuzz/regressions/$name"
    cp "$crashes"/* "$root/tests/fuzz/regressions/$name/" 2>/dev/null || true
    tail -40 "$build/fuzz_$name.log" >&2
    return 1
}

failed=0
running=()
for name in "${targets[@]}"; do
    run_one "$name" &
    running+=($!)
    if [ ${#running[@]} -ge 2 ]; then
        wait "${running[0]}" || failed=1
        running=("${running[@]:1}")
    fi
done
for pid in "${running[@]}"; do
    wait "$pid" || failed=1
done
exit $failed
