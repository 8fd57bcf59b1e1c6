#!/usr/bin/env bash
# Times `bpctl validate` (release) on the hostile inputs of issue 16 at two sizes, n and 4n, and
# prints t(4n)/t(n): about 4 means linear work (quadratic would be about 16). Start-up is
# measured in the same run (`bpctl validate` of the clean example) and subtracted.
# Usage: bench/hostile.sh [RUNS]   (default 5 runs of each; the minimum is used)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ -x .build/release/bpctl ] || swift build -c release --product bpctl >/dev/null
python3 - "$runs" <<'PY'
import json, os, subprocess, sys, tempfile, time
runs = int(sys.argv[1])
bpctl = os.path.abspath(".build/release/bpctl")
base = json.load(open("examples/clean/stack_config_template.json"))
work = tempfile.mkdtemp(prefix="bpctl-hostile-")

def blueprint(**config):
    b = json.loads(json.dumps(base)); b["Lambda"]["LambdaConfig"].update(config); return b

def unknown_keys(n):
    b = json.loads(json.dumps(base))
    for i in range(n): b["Lambda"]["k%d" % i] = 1
    return b

def ref_chain(n):
    defs = {"d%d" % i: {"$ref": "#/$defs/d%d" % (i + 1)} for i in range(n)}
    defs["d%d" % n] = {"type": "string"}
    return {"$ref": "#/$defs/d0", "$defs": defs}

cases = [  # name, n, build(n) -> (instance, schema or None)
    ("COMMAND with n {}", 25000, lambda n: (blueprint(COMMAND="{}" * n), None)),
    ("n unknown keys under Lambda", 7500, lambda n: (unknown_keys(n), None)),
    ("INSTANCE_TYPE of n é", 200000, lambda n: (blueprint(INSTANCE_TYPE="é" * n), None)),
    ("INSTANCE_TYPE of n x", 400000, lambda n: (blueprint(INSTANCE_TYPE="x" * n), None)),
    ("propertyNames: n failing keys", 5000, lambda n: ({"k%d" % i: 1 for i in range(n)}, {"propertyNames": {"const": "foo"}})),
    ("pattern ^a*$ on n characters", 500000, lambda n: ("a" * n, {"pattern": "^a*$"})),
    ("chain of n $refs", 2500, lambda n: ("x", ref_chain(n))),
    ("uniqueItems over n items", 100000, lambda n: (list(range(n)), {"uniqueItems": True})),
]

def timed(args):
    best = None
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run([bpctl] + args, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t
        if p.returncode not in (0, 1, 2): sys.exit("%s: exit %d" % (args, p.returncode))
        best = dt if best is None else min(best, dt)
    return best

startup = timed(["validate", os.path.abspath("examples/clean/stack_config_template.json")])
print("start-up (clean example): %.1f ms" % (startup * 1000))
for name, n, build in cases:
    times = []
    for size in (n, 4 * n):
        instance, schema = build(size)
        json.dump(instance, open(os.path.join(work, "i.json"), "w"), ensure_ascii=False)
        args = ["validate", "--fail-on", "never", "i.json"]
        if schema is not None:
            json.dump(schema, open(os.path.join(work, "s.json"), "w"))
            args = ["validate", "--fail-on", "never", "--no-rules", "--schema", "s.json", "i.json"]
        times.append(max(timed(args) - startup, 1e-4))
    print("%-32s n=%-6d %7.1f ms   4n %7.1f ms   ratio %.1f" % (name, n, times[0] * 1000, times[1] * 1000, times[1] / times[0]))
PY
