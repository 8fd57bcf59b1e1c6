#!/usr/bin/env bash
# Times, in one run against the same moto_server:
#   1. `bpctl plan` of a 10-affiliate blueprint whose analysis is deployed in moto (all live reads:
#      stack, resources, MainLambda, 10 nested stacks, 10 groups + policies, 50 folders, users,
#      AMI, instance type), JSON output;
#   2. one `aws cloudformation describe-stacks` of the same stack (pip's awscli);
#   3. `bpctl diff REV1:path REV2:path` between two git revisions (offline, libgit2);
# and prints plan / describe-stacks as a ratio. Goals: plan faster than the one AWS CLI call;
# diff under 10 ms.
# Usage: bench/plan.sh [RUNS]   (default 20 runs of each; median reported)
source "$(dirname "$0")/lib.sh"
bench_build bpctl bpctl-full
bench_moto
runs=${1:-20}
command -v aws >/dev/null 2>&1 || python3 -m pip install -q awscli >/dev/null

python3 - "$work" "$runs" <<'PY'
import json, os, statistics, subprocess, sys, time
import boto3
work, runs = sys.argv[1], int(sys.argv[2])
pipeline = "bench-plan"
affiliates = [(f"lab{i}", [f"user{i}a", f"user{i}b"]) for i in range(10)]
bp = {
    "PipelineName": pipeline, "REGION": "us-east-1", "STAGE": "websubstack",
    "Lambda": {"CodeUri": "../../protocols", "Handler": "submit_start.handler_develop", "LambdaConfig": {
        "AMI": "ami-0123456789abcdef0", "INSTANCE_TYPE": "t2.micro", "REGION": "us-east-1", "IAM_ROLE": "SSMRole",
        "KEY_NAME": "testkeystack-custom-dev-key-pair", "SECURITY_GROUPS": "sg", "WORKING_DIRECTORY": "~/bin",
        "COMMAND": 'cd /home/ubuntu; neurocaas_contrib/run_main_cli.sh "{}" "{}" "{}" "{}" "epi/run.sh"; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup',
        "SHUTDOWN_BEHAVIOR": "terminate", "EXECUTION_TIMEOUT": 900, "SSM_TIMEOUT": 172000, "LAUNCH": True, "MONITOR": True,
        "DEPLOY_LIMIT": 100, "MAXCOST": "300"}},
    "UXData": {"Affiliates": [{"AffiliateName": a, "UserNames": u, "UserInput": True, "ContactEmail": "lab@example.org"} for a, u in affiliates]},
}
path = os.path.join(work, "stack_config_template.json")
json.dump(bp, open(path, "w"), indent=4)

# Deploy as tests/PlannerTests/DeployedAnalysis.swift does: stack (bucket, MainLambda, nested
# stacks), then users, groups, memberships, policies and folders through the APIs.
kw = dict(endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
s3, cfn, iam = boto3.client("s3", **kw), boto3.client("cloudformation", **kw), boto3.client("iam", **kw)
s3.create_bucket(Bucket="bench-artifacts")
s3.put_object(Bucket="bench-artifacts", Key="sub.json", Body=json.dumps({
    "Parameters": {k: {"Type": "String"} for k in ["Name", "BucketName", "UserNames"]},
    "Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}))
iam.create_role(RoleName="bench-lambda", AssumeRolePolicyDocument="{}")
env = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in bp["Lambda"]["LambdaConfig"].items()}
resources = {"PipelineMainBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": pipeline}},
             "MainLambda": {"Type": "AWS::Lambda::Function", "Properties": {
                 "Handler": "submit_start.handler_develop", "Runtime": "python3.12", "Timeout": 900,
                 "Role": "arn:aws:iam::123456789012:role/bench-lambda", "Code": {"ZipFile": "def h(e, c): pass"},
                 "Environment": {"Variables": env}}}}
for i, (a, users) in enumerate(affiliates):
    resources[f"UserSubstack{i}"] = {"Type": "AWS::CloudFormation::Stack", "Properties": {
        "TemplateURL": "https://bench-artifacts.s3.amazonaws.com/sub.json",
        "Parameters": {"Name": a, "BucketName": pipeline, "UserNames": ",".join(u + "us-east-1" for u in users)}}}
cfn.create_stack(StackName=pipeline, TemplateBody=json.dumps({"Resources": resources}))
for a, users in affiliates:
    group = a + pipeline.replace("-", "") + "substackgroup"
    iam.create_group(GroupName=group)
    for u in users:
        iam.create_user(UserName=u + "us-east-1")
        iam.add_user_to_group(GroupName=group, UserName=u + "us-east-1")
    iam.put_group_policy(GroupName=group, PolicyName=a + "policy", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": "Inputfolderwrite", "Effect": "Allow", "Action": ["s3:PutObject"], "Resource": [f"arn:aws:s3:::{pipeline}/{a}/inputs/*"]}]}))
    for f in ["", "inputs/", "results/", "submissions/", "configs/"]:
        s3.put_object(Bucket=pipeline, Key=f"{a}/{f}", Body=b"")

# Two revisions of a blueprint for `bpctl diff`.
repo = os.path.join(work, "repo")
os.makedirs(os.path.join(repo, "stacks/epi"))
git = lambda *a: subprocess.run(["git", "-C", repo, "-c", "user.name=b", "-c", "user.email=b@example.org", *a], check=True, capture_output=True)
git("init", "-q")
target = os.path.join(repo, "stacks/epi/stack_config_template.json")
json.dump(bp, open(target, "w"), indent=4); git("add", "-A"); git("commit", "-qm", "one")
bp["Lambda"]["LambdaConfig"]["AMI"] = "ami-0fedcba9876543210"
json.dump(bp, open(target, "w"), indent=4); git("add", "-A"); git("commit", "-qm", "two")

def measure(cmd, n, cwd=None):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), r.returncode

bpctl = os.path.abspath(".build/release/bpctl")
plan = [bpctl, "plan", path, "--json"]
describe = ["aws", "cloudformation", "describe-stacks", "--stack-name", pipeline]
diff = [bpctl, "diff", "HEAD~1:stacks/epi/stack_config_template.json", "HEAD:stacks/epi/stack_config_template.json"]
version = [bpctl, "--version"]
for cmd, cwd in [(plan, None), (describe, None), (diff, repo), (version, None)]:
    measure(cmd, 2, cwd)  # warm caches and moto
p_med, p_min, p_rc = measure(plan, runs)
d_med, d_min, d_rc = measure(describe, runs)
g_med, g_min, g_rc = measure(diff, runs, repo)
v_med, v_min, _ = measure(version, runs)
calls = subprocess.run(plan, capture_output=True, text=True)
facts = json.loads(calls.stdout)["live"]["fingerprints"]
print(f"plan: 10 affiliates, {len(facts)} live facts; exit codes plan {p_rc} (1: moto lacks the AMI), aws {d_rc}, diff {g_rc}")
print(f"bpctl plan (all live reads):           median {p_med*1000:.1f} ms, min {p_min*1000:.1f} ms")
print(f"aws cloudformation describe-stacks:    median {d_med*1000:.1f} ms, min {d_min*1000:.1f} ms")
print(f"bpctl diff REV1:path REV2:path:        median {g_med*1000:.1f} ms, min {g_min*1000:.1f} ms")
print(f"bpctl --version (process start-up):     median {v_med*1000:.1f} ms, min {v_min*1000:.1f} ms")
print(f"ratio (median): the whole plan takes {p_med/d_med:.2f}x the time of one describe-stacks call")
print(f"diff beyond start-up (median): {(g_med - v_med)*1000:.1f} ms")
PY
