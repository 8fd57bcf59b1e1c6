#!/usr/bin/env bash
# Times `neurocaas-contrib scripting read-yaml` (release build) against the Python tool's reader
# (python3 + PyYAML full_load and its printing) on the same files in the same run: a typical
# config, configs of 2,000 and 20,000 keys (linearity), and a 9-level alias bomb read for a plain
# field. Medians of RUNS process runs. Usage: bench/read-yaml.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
swift build -c release --product neurocaas-contrib >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$runs" "$PWD/.build/release/neurocaas-contrib" <<'PY'
import os, statistics, subprocess, sys, time
work, runs, contrib = sys.argv[1], int(sys.argv[2]), sys.argv[3]
reference = """
import json, sys, yaml
d = yaml.full_load(open(sys.argv[1]))
out = d[sys.argv[2]]
if type(out) is dict: print(json.dumps(out))
elif type(out) is list: print("".join(f"{o} " for o in out))
else: print(out)
"""
def write(name, text):
    p = os.path.join(work, name); open(p, "w").write(text); return p
typical = write("typical.yaml", "scale: 2\nchannels: [1, 2, 3]\nmodel: {name: dgp, layers: [64, 128], lr: 1.0e-3}\n"
                "date: 2021-01-02\nverbose: yes\nout: results/\n" + "".join(f"param{i}: {i * 0.5}\n" for i in range(20)))
small = write("keys2k.yaml", "".join(f"k{i}: {{a: {i}, b: [x, {i}.5, yes]}}\n" for i in range(2000)))
large = write("keys20k.yaml", "".join(f"k{i}: {{a: {i}, b: [x, {i}.5, yes]}}\n" for i in range(20000)))
bomb = "plain: ok\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"l{i}: &l{i} [" + ", ".join([f"*l{i-1}"] * 10) + "]\n" for i in range(1, 10))
bomb = write("bomb.yaml", bomb)
def timed(cmd):
    ts = []
    for _ in range(runs):
        t = time.perf_counter(); r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        ts.append(time.perf_counter() - t)
    return statistics.median(ts) * 1000, r.stdout
rows = []
for label, path, field in [("typical config", typical, "model"), ("2,000 keys", small, "k1999"),
                           ("20,000 keys", large, "k19999"), ("alias bomb, plain field", bomb, "plain")]:
    ours, a = timed([contrib, "scripting", "read-yaml", "-p", path, "-f", field])
    py, b = timed(["python3", "-c", reference, path, field])
    assert a == b, (label, a, b)
    rows.append((label, ours, py))
print("| file | neurocaas-contrib | python3 + PyYAML | ratio |")
print("|---|---|---|---|")
for label, ours, py in rows:
    print(f"| {label} | {ours:.1f} ms | {py:.1f} ms | {py / ours:.1f}x faster |")
print(f"\n20,000 / 2,000 keys: {rows[2][1] / rows[1][1]:.1f}x the time for 10x the input (Python {rows[2][2] / rows[1][2]:.1f}x)")
PY
