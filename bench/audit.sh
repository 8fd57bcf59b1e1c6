#!/usr/bin/env bash
# Times `bpctl audit affiliates` offline over synthetic trees of 100, 1,000 and 10,000 blueprints
# (5 users per blueprint in the pool: 500, 5,000 and 50,000 users; 3 affiliates of 5 users each,
# so every user is in 3 groups at every size and the work per blueprint is constant), and in the
# same run, as references, `bpctl --version` (process start-up) and `bpctl validate` of the same
# tree. Prints medians of wall time and of CPU time (user + sys of the child, all threads: on a
# shared, loaded machine wall time mostly measures the queue for a core, CPU time does not).
# Usage: bench/audit.sh [RUNS]   (default 10; median reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
swift build -c release --static-swift-stdlib --product bpctl >/dev/null
swift build -c release --static-swift-stdlib --product bpctl-full >/dev/null  # the front runs it for audit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$runs" "$work" <<'PY'
import json, os, resource, statistics, subprocess, sys, time
runs, work = int(sys.argv[1]), sys.argv[2]
bpctl = ".build/release/bpctl"

def tree(n):
    root = os.path.join(work, f"t{n}")
    users = 5 * n
    for i in range(n):
        d = os.path.join(root, f"p{i:05d}")
        os.makedirs(d)
        affiliates = [{"AffiliateName": f"lab{a}", "UserNames": [f"user{(i * 15 + a * 5 + k) % users}" for k in range(5)],
                       "UserInput": True, "ContactEmail": f"lab{a}@example.org"} for a in range(3)]
        bp = {"PipelineName": f"pipeline-{i}", "REGION": "us-east-1", "STAGE": "websubstack",
              "Lambda": {"CodeUri": "../../protocols", "Handler": "submit_start.handler_develop",
                         "LambdaConfig": {"AMI": "ami-0123456789abcdef0", "INSTANCE_TYPE": "m5.xlarge", "REGION": "us-east-1",
                                          "IAM_ROLE": "SSMRole", "KEY_NAME": "key", "SECURITY_GROUPS": "sg",
                                          "WORKING_DIRECTORY": "~/bin", "COMMAND": "cd ~; ./run.sh", "SHUTDOWN_BEHAVIOR": "terminate",
                                          "EXECUTION_TIMEOUT": 900, "SSM_TIMEOUT": 172000, "LAUNCH": True, "MONITOR": True,
                                          "DEPLOY_LIMIT": 100, "MAXCOST": "300"}},
              "UXData": {"Affiliates": affiliates}}
        with open(os.path.join(d, "stack_config_template.json"), "w") as f:
            json.dump(bp, f, indent=4)
    return root, users

def measure(cmd, n):
    """(median wall seconds, median CPU seconds)."""
    walls, cpus = [], []
    for _ in range(n):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        assert r.returncode in (0, 1), (cmd, r.returncode)
    return statistics.median(walls), statistics.median(cpus)

start, start_cpu = measure([bpctl, "--version"], runs * 2)
print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}, runs: {runs}")
print(f"bpctl --version (start-up): wall {start*1000:.1f} ms, cpu {start_cpu*1000:.1f} ms")
print("blueprints  users |  audit text wall/cpu |  audit json wall/cpu |    validate wall/cpu | audit/validate cpu | audit cpu per 1k bp")
for n in (100, 1000, 10000):
    root, users = tree(n)
    audit = [bpctl, "audit", "affiliates", "--fail-on", "never", root]
    reps = max(3, runs // 3) if n == 10000 else runs
    measure(audit, 1)  # warm the disk cache
    a, ac = measure(audit, reps)
    j, jc = measure(audit + ["--format", "json"], reps)
    v, vc = measure([bpctl, "validate", "--fail-on", "never", "--format", "json", root], reps)
    print(f"{n:>10} {users:>6} | {a*1000:>8.0f} {ac*1000:>7.0f} ms | {j*1000:>8.0f} {jc*1000:>7.0f} ms | {v*1000:>8.0f} {vc*1000:>7.0f} ms |"
          f" {ac/vc:>18.2f} | {(ac - start_cpu) * 1000 / (n / 1000):>16.0f} ms")
PY
