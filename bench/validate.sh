#!/usr/bin/env bash
# Times, in one run, over every shared blueprint:
#   1. `bpctl validate` (bundled schema + all NeuroCAAS rules + fleet checks),
#   2. `bpctl validate --schema schemas/blueprint.schema.json --no-rules` (schema only),
#   3. `check-jsonschema --schemafile schemas/blueprint.schema.json` (schema only),
# and prints the ratios of 1 and 2 against 3.
# Usage: bench/validate.sh [RUNS]   (default 20 runs of each; median reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
shared=${BPCTL_SHARED:-../shared}
blueprints=$(find "$shared/blueprints" -name stack_config_template.json | sort)
[ -n "$blueprints" ] || { echo "no blueprints under $shared/blueprints" >&2; exit 2; }

scripts/bootstrap.sh >/dev/null
if ! command -v check-jsonschema >/dev/null 2>&1; then
  python3 -m pip install -q check-jsonschema >/dev/null
fi

python3 - "$runs" $blueprints <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1]); files = sys.argv[2:]
def measure(cmd, n):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times)
bp = [".build/release/bpctl", "validate", "--fail-on", "never", "--format", "json"] + files
bs = [".build/release/bpctl", "validate", "--fail-on", "never", "--format", "json", "--no-rules",
      "--schema", "schemas/blueprint.schema.json"] + files
cj = ["check-jsonschema", "--schemafile", "schemas/blueprint.schema.json"] + files
measure(bp, 2); measure(bs, 2); measure(cj, 1)  # warm the disk cache
b_med, b_min = measure(bp, runs)
s_med, s_min = measure(bs, runs)
c_med, c_min = measure(cj, max(3, runs // 4))
print(f"files: {len(files)}")
print(f"bpctl validate (schema + rules + fleet):  median {b_med*1000:.1f} ms, min {b_min*1000:.1f} ms")
print(f"bpctl validate --schema --no-rules:       median {s_med*1000:.1f} ms, min {s_min*1000:.1f} ms")
print(f"check-jsonschema (schema only):           median {c_med*1000:.1f} ms, min {c_min*1000:.1f} ms")
print(f"ratio (median): full validate {c_med/b_med:.1f}x faster, schema only {c_med/s_med:.1f}x faster")
PY
