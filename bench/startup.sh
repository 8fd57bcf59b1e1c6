#!/usr/bin/env bash
# Start-up cost of bpctl and neurocaas-contrib (release build, static Swift runtime), as ratios to
# two reference programs built in the same run: a static Swift program that imports Foundation
# and prints a line ("hello"), and the same program also linking FoundationNetworking ("hello +
# networking", never calling it). CPU time per run is `perf stat` task-clock (falls back to the
# child's user+system time from wait4 when perf cannot count); the median of RUNS interleaved
# rounds is printed.
# Usage: bench/startup.sh [RUNS]   (default 15)
#   BPCTL_BASELINE=DIR also times DIR/bpctl and DIR/neurocaas-contrib (an older build) the same way.
source "$(dirname "$0")/lib.sh"
runs=${1:-15}
shared=${BPCTL_SHARED:-../shared}

# perf (Debian: linux-perf) for task-clock; without it the wait4 fallback is used.
if ! command -v perf >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf) >/dev/null 2>&1 || true
fi

bench_build
bench_moto

# The reference programs, built now with the same toolchain and flags as the release build.
cat >"$work/hello.swift" <<'EOF'
import Foundation
print("hello \(ProcessInfo.processInfo.processIdentifier > 0)")
EOF
cat >"$work/hello-net.swift" <<'EOF'
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
if CommandLine.arguments.count > 99 { _ = URLSession.shared }  // linked, never called
print("hello \(ProcessInfo.processInfo.processIdentifier > 0)")
EOF
swiftc -O -static-stdlib "$work/hello.swift" -o "$work/hello" 2>/dev/null
swiftc -O -static-stdlib "$work/hello-net.swift" -o "$work/hello-net" 2>/dev/null

# A job folder for the workflow getters, a YAML file for read-yaml.
home="$work/home"
mkdir -p "$home/job"
echo x >"$home/data.txt"
printf 'mode: fast\nthreads: 4\n' >"$home/config.yaml"
contrib=.build/release/neurocaas-contrib
HOME=$home $contrib workflow initialize-job -p "$home/job" >/dev/null
HOME=$home $contrib workflow register-dataset -l "$home/data.txt" >/dev/null
HOME=$home $contrib workflow get-data -f >/dev/null

python3 - "$runs" "$work" "$port" "$shared" "${BPCTL_BASELINE:-}" <<'PY'
import os, shutil, statistics, subprocess, sys, tempfile
runs, work, port, shared, baseline = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
home = os.path.join(work, "home")
env = dict(os.environ, HOME=home, AWS_ENDPOINT_URL=f"http://127.0.0.1:{port}", AWS_ACCESS_KEY_ID="AKIABENCH0000000000",
           AWS_SECRET_ACCESS_KEY="bench", AWS_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true")
perf = shutil.which("perf")
out = os.path.join(work, "perf.out")

def perf_works():
    if not perf:
        return False
    r = subprocess.run([perf, "stat", "-x,", "-e", "task-clock", "-o", out, "--", "true"], capture_output=True)
    return r.returncode == 0 and "task-clock" in open(out).read()

use_perf = perf_works()

def cpu_ms(cmd):
    if use_perf:
        subprocess.run([perf, "stat", "-x,", "-e", "task-clock", "-o", out, "--"] + cmd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for line in open(out):
            if "task-clock" in line:
                return float(line.split(",")[0])
        raise SystemExit(f"perf printed no task-clock for {cmd}")
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return (usage.ru_utime + usage.ru_stime) * 1000

blueprints = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(shared, "blueprints")) for f in fs
                    if f == "stack_config_template.json")
def programs(bin_dir, tag):
    b, c = os.path.join(bin_dir, "bpctl"), os.path.join(bin_dir, "neurocaas-contrib")
    return [
        (f"bpctl --version{tag}", [b, "--version"], 1.5),
        (f"bpctl validate ({len(blueprints)} shared blueprints){tag}", [b, "validate", "--fail-on", "never"] + blueprints, 3.0),
        (f"neurocaas-contrib scripting read-yaml{tag}", [c, "scripting", "read-yaml", "-p", os.path.join(home, "config.yaml"), "-f", "mode", "-d", "x"], 1.5),
        (f"neurocaas-contrib workflow get-dataname{tag}", [c, "workflow", "get-dataname"], 1.5),
        (f"bpctl whoami (moto){tag}", [b, "whoami"], None),
    ]

rows = [("static hello (Foundation)", [os.path.join(work, "hello")], None),
        ("static hello + FoundationNetworking", [os.path.join(work, "hello-net")], None)]
rows += programs(".build/release", "")
if baseline:
    rows += programs(baseline, " [baseline]")
# Interleaved: every round runs each program once, so a burst of load from elsewhere on the VM
# lands on all of them alike instead of on whichever program was being timed.
for _, cmd, _ in rows:
    cpu_ms(cmd)  # warm the page cache
samples = [[] for _ in rows]
for _ in range(runs):
    for i, (_, cmd, _) in enumerate(rows):
        samples[i].append(cpu_ms(cmd))
medians = [statistics.median(s) for s in samples]
hello = medians[0]
print(f"CPU time per run ({'perf stat task-clock' if use_perf else 'wait4 user+system'}), median of {runs} interleaved rounds:")
for (name, _, goal), ms in zip(rows, medians):
    verdict = "" if goal is None or "[baseline]" in name else (f"  (goal <= {goal}x: {'met' if ms / hello <= goal else 'NOT met'})")
    print(f"  {name:52} {ms:7.2f} ms  {ms / hello:5.2f}x{verdict}")
PY
