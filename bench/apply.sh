#!/usr/bin/env bash
# An AMI change end to end against moto, timed in the same run as the equivalent AWS CLI
# sequence. bpctl: `ami create --instance` (CreateImage, wait, byte-preserving blueprint edit,
# two commits) then `apply --auto-approve` (plan with every live read, UpdateStack, wait).
# AWS CLI: create-image, wait image-available, get-template, update-stack, wait
# stack-update-complete (no blueprint, no commits, no plan). Then a new analysis: bpctl apply
# (plan, zip and upload CodeUri, CreateStack of the compiled template, wait) against aws
# cloudformation create-stack of the same compiled template + wait stack-create-complete
# (no plan, no packaging). Usage: bench/apply.sh [ROUNDS]
source "$(dirname "$0")/lib.sh"
bench_build bpctl bpctl-full
bench_moto
rounds=${1:-3}
bpctl=$PWD/.build/release/bpctl
now() { python3 -c 'import time; print(time.perf_counter())'; }
ami=$(aws ec2 describe-images --owners amazon --query 'Images[0].ImageId' --output text)
instance=$(aws ec2 run-instances --image-id "$ami" --instance-type t2.micro --query 'Instances[0].InstanceId' --output text)
aws iam create-role --role-name bench-lambda --assume-role-policy-document '{"Version":"2012-10-17","Statement":[]}' >/dev/null

# A deployed analysis: bucket and MainLambda, then one untimed apply so its environment is the
# blueprint's compiled LambdaConfig.
pipe=bench-apply
cat > "$work/template.json" <<JSON
{"Resources": {
  "PipelineMainBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "$pipe"}},
  "MainLambda": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "submit_start.handler_develop", "Runtime": "python3.12",
    "Timeout": 900, "Role": "arn:aws:iam::123456789012:role/bench-lambda", "Code": {"ZipFile": "def handler(e, c): pass"},
    "Environment": {"Variables": {"AMI": "$ami"}}}}}}
JSON
aws cloudformation create-stack --stack-name $pipe --template-body "file://$work/template.json" >/dev/null
aws cloudformation wait stack-create-complete --stack-name $pipe
git -C "$work" init -q -b main
git -C "$work" config user.name bench; git -C "$work" config user.email bench@example.org
mkdir -p "$work/stack"
cat > "$work/stack/stack_config_template.json" <<JSON
{
    "PipelineName": "$pipe",
    "REGION": "us-east-1",
    "STAGE": "develop",
    "Lambda": {
        "CodeUri": "../../protocols",
        "Handler": "submit_start.handler_develop",
        "LambdaConfig": {
            "AMI": "$ami",
            "INSTANCE_TYPE": "t2.micro",
            "REGION": "us-east-1",
            "IAM_ROLE": "SSMRole",
            "KEY_NAME": "testkeystack-custom-dev-key-pair",
            "WORKING_DIRECTORY": "~/bin",
            "COMMAND": "cd /home/ubuntu; neurocaas_contrib/run_main_cli.sh \"{}\" \"{}\" \"{}\" \"{}\" \"run.sh\"; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup"
        }
    },
    "UXData": {"Affiliates": []}
}
JSON
git -C "$work" add -A; git -C "$work" commit -qm init
(cd "$work/stack" && "$bpctl" apply --auto-approve --poll-interval 0.05 >/dev/null 2>&1)

bp=0; cli=0
for i in $(seq "$rounds"); do
  t0=$(now)
  (cd "$work/stack" && "$bpctl" ami create --instance "$instance" --blueprint stack_config_template.json -m bench --poll-interval 0.05 >/dev/null 2>&1 \
     && "$bpctl" apply --auto-approve --poll-interval 0.05 >/dev/null 2>&1)
  t1=$(now)
  id=$(aws ec2 create-image --instance-id "$instance" --name "cli-$i-$RANDOM" --query ImageId --output text)
  aws ec2 wait image-available --image-ids "$id"
  aws cloudformation get-template --stack-name $pipe --query TemplateBody --output json > "$work/deployed.json"
  python3 - "$work/deployed.json" "$id" <<'PY'
import json, sys
body = json.load(open(sys.argv[1]))
t = json.loads(body) if isinstance(body, str) else body
t["Resources"]["MainLambda"]["Properties"]["Environment"]["Variables"]["AMI"] = sys.argv[2]
json.dump(t, open(sys.argv[1], "w"))
PY
  aws cloudformation update-stack --stack-name $pipe --template-body "file://$work/deployed.json" >/dev/null
  aws cloudformation wait stack-update-complete --stack-name $pipe
  t2=$(now)
  bp=$(python3 -c "print($bp + $t1 - $t0)"); cli=$(python3 -c "print($cli + $t2 - $t1)")
done
python3 - "$bp" "$cli" "$rounds" <<'PY'
import sys
bp, cli, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"AMI change end to end: bpctl ami create + apply {bp / n * 1000:.0f} ms; aws CLI create-image, wait, "
      f"get-template, update-stack, wait {cli / n * 1000:.0f} ms; ratio {cli / bp:.1f}x ({n} rounds)")
PY
[ "$(git -C "$work" rev-list --count HEAD)" = "$((1 + 2 * rounds))" ] || { echo "expected $((1 + 2 * rounds)) commits" >&2; exit 1; }

# A new analysis per round (no affiliates), bpctl against the AWS CLI with bpctl's own
# compiled template (read back from the first stack, renamed).
mkdir -p "$work/protocols"
printf 'def handler_develop(event, context):\n    return 0\n' > "$work/protocols/submit_start.py"
aws s3 mb s3://bench-artifacts >/dev/null
printf 'artifact_bucket: bench-artifacts\n' > "$work/.bpctl.yaml"
git -C "$work" add -A; git -C "$work" commit -qm protocols
bp=0; cli=0
for i in $(seq "$rounds"); do
  mkdir -p "$work/new/$i"
  sed -e "s/\"$pipe\"/\"bench-new-$i\"/" "$work/stack/stack_config_template.json" > "$work/new/$i/stack_config_template.json"
  t0=$(now)
  (cd "$work/new/$i" && "$bpctl" apply --auto-approve --poll-interval 0.05 >/dev/null 2>&1)
  t1=$(now)
  if [ "$i" = 1 ]; then
    aws cloudformation get-template --stack-name bench-new-1 --query TemplateBody --output json \
      | python3 -c 'import json, sys; b = json.load(sys.stdin); print(b if isinstance(b, str) else json.dumps(b))' > "$work/compiled.json"
  fi
  sed -e "s/bench-new-1/bench-cli-$i/g" "$work/compiled.json" > "$work/cli-$i.json"
  t2=$(now)
  aws cloudformation create-stack --stack-name "bench-cli-$i" --template-body "file://$work/cli-$i.json" --capabilities CAPABILITY_NAMED_IAM >/dev/null
  aws cloudformation wait stack-create-complete --stack-name "bench-cli-$i"
  t3=$(now)
  [ "$(aws cloudformation describe-stacks --stack-name "bench-new-$i" --query 'Stacks[0].StackStatus' --output text)" = CREATE_COMPLETE ] \
    || { echo "bpctl did not create bench-new-$i" >&2; exit 1; }
  bp=$(python3 -c "print($bp + $t1 - $t0)"); cli=$(python3 -c "print($cli + $t3 - $t2)")
done
python3 - "$bp" "$cli" "$rounds" <<'PY'
import sys
bp, cli, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"New analysis: bpctl apply (plan, zip, upload, create-stack, wait) {bp / n * 1000:.0f} ms; aws CLI create-stack + wait "
      f"{cli / n * 1000:.0f} ms; ratio {cli / bp:.1f}x ({n} rounds)")
PY
