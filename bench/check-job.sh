#!/usr/bin/env bash
# Times, in one run, on the same real blueprint (contrib-templatestack):
#   1. `bpctl validate BLUEPRINT` (schema + all rules),
#   2. `bpctl check-job --blueprint BLUEPRINT SUBMIT CONFIG` (parse three files, all BP4nn
#      checks; a schema beside the blueprint),
# and prints check-job's time as a ratio of validate's (both pay the same process start-up).
# Usage: bench/check-job.sh [RUNS]   (default 40 runs of each; median reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-40}
shared=${BPCTL_SHARED:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$shared/blueprints/contrib-templatestack/stack_config_template.json" "$work/"
mkdir -p "$work/test_resources"
printf '{"dataname": ["traviscipermagroup/inputs/a.zip", "traviscipermagroup/inputs/b.zip"], "configname": "traviscipermagroup/configs/config.yaml", "timestamp": "t1"}\n' > "$work/test_resources/submit.json"
printf 'threshold: 0.5\n__duration__: 200\n__dataset_size__: 30\n' > "$work/test_resources/config.yaml"
printf '{"type": "object", "properties": {"threshold": {"type": "number", "maximum": 1}, "__duration__": {"type": "integer"}}}\n' > "$work/config.schema.json"

swift build -c release --product bpctl >/dev/null
swift build -c release --product bpctl-full >/dev/null  # the front runs it for check-job

python3 - "$runs" "$work" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1]); work = sys.argv[2]
def measure(cmd, n):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), r.returncode
bp = f"{work}/stack_config_template.json"
v = [".build/release/bpctl", "validate", "--fail-on", "never", bp]
c = [".build/release/bpctl", "check-job", "--fail-on", "never", "--blueprint", bp,
     f"{work}/test_resources/submit.json", f"{work}/test_resources/config.yaml"]
measure(v, 3); measure(c, 3)  # warm the disk cache
v_med, v_min, v_rc = measure(v, runs)
c_med, c_min, c_rc = measure(c, runs)
assert v_rc == 0 and c_rc == 0, (v_rc, c_rc)
print(f"bpctl validate (1 blueprint):                 median {v_med*1000:.1f} ms, min {v_min*1000:.1f} ms")
print(f"bpctl check-job (blueprint, submit, config):  median {c_med*1000:.1f} ms, min {c_min*1000:.1f} ms")
print(f"ratio (median): check-job / validate = {c_med/v_med:.2f}")
PY
