#!/usr/bin/env bash
# Times `bpctl dev ls` and `neurocaas-contrib remote list-instances` on a pool of 4 dev instances
# against moto_server on 127.0.0.1, in the same run as `aws ec2 describe-instances` (pip's
# awscli) for the same filter (the 4 instance ids). Usage: bench/dev.sh [RUNS]
source "$(dirname "$0")/lib.sh"
bench_build
bench_moto
runs=${1:-20}
command -v aws >/dev/null 2>&1 || python3 -m pip install -q awscli
python3 - "$port" "$work" "$runs" "$PWD" <<'PY'
import json, os, statistics, subprocess, sys, time
port, work, runs, repo = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
env = dict(os.environ, HOME=work, AWS_ENDPOINT_URL=f"http://127.0.0.1:{port}", AWS_ACCESS_KEY_ID="bench",
           AWS_SECRET_ACCESS_KEY="bench", AWS_REGION="us-east-1", AWS_DEFAULT_REGION="us-east-1")
bpctl = os.path.join(repo, ".build/release/bpctl"); contrib = os.path.join(repo, ".build/release/neurocaas-contrib")
def run(cmd, cwd=work):
    return subprocess.run(cmd, env=env, cwd=cwd, check=True, capture_output=True, text=True).stdout
run(["aws", "iam", "create-instance-profile", "--instance-profile-name", "SSMRole"])
run(["aws", "ec2", "create-security-group", "--group-name", "bench-sg", "--description", "bench"])
analysis = os.path.join(work, "bench")
os.makedirs(analysis)
json.dump({"PipelineName": "bench", "REGION": "us-east-1", "STAGE": "webdev",
           "Lambda": {"CodeUri": "../../protocols", "Handler": "submit_start.handler_develop",
                      "LambdaConfig": {"AMI": "ami-03cf127a", "INSTANCE_TYPE": "t2.micro", "IAM_ROLE": "SSMRole",
                                       "KEY_NAME": "k", "SECURITY_GROUPS": "bench-sg", "COMMAND": "x {} {} {} {}"}}},
          open(os.path.join(analysis, "stack_config_template.json"), "w"), indent=4)
json.dump({"analysis_name": "bench", "location": work}, open(os.path.join(work, ".neurocaas_contrib_config.json"), "w"))
for n in range(4):
    run([bpctl, "dev", "launch", "-n", f"dev{n}", "--no-wait"], cwd=analysis)
ids = json.load(open(os.path.join(analysis, ".bpctl/dev.json")))["instances"]
ids = [i["id"] for i in ids]
def timed(cmd, cwd, n):
    ts = []
    for _ in range(n):
        t = time.perf_counter(); subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        ts.append(time.perf_counter() - t)
    return statistics.median(ts) * 1000
aws_cmd = ["aws", "ec2", "describe-instances", "--filters", "Name=instance-id,Values=" + ",".join(ids), "--output", "json"]
assert len(json.loads(run(aws_cmd))["Reservations"]) == 4
b = timed([bpctl, "dev", "ls"], analysis, runs)
c = timed([contrib, "remote", "list-instances"], work, runs)
a = timed(aws_cmd, work, max(3, runs // 2))
print(f"bpctl dev ls (4 instances):                  {b:.1f} ms median")
print(f"neurocaas-contrib remote list-instances:     {c:.1f} ms median")
print(f"aws ec2 describe-instances (same filter):    {a:.0f} ms median")
print(f"ratio aws / bpctl dev ls: {a / b:.1f}x; aws / remote list-instances: {a / c:.1f}x")
PY
