#!/usr/bin/env bash
# `bpctl ami create` (CreateImage, wait, byte-preserving blueprint edit, two libgit2 commits)
# against moto, timed in the same run as the AWS CLI doing less: `aws ec2 create-image` then
# `aws ec2 wait image-available` (no blueprint, no commits). Also `bpctl fmt --check` over the
# shared blueprints against one Python process that json.dumps(indent=4) the same files.
# Usage: bench/ami.sh [ROUNDS]
source "$(dirname "$0")/lib.sh"
bench_build bpctl bpctl-full
bench_moto
rounds=${1:-5}
bpctl=$PWD/.build/release/bpctl
now() { python3 -c 'import time; print(time.perf_counter())'; }
ami=$(aws ec2 describe-images --owners amazon --query 'Images[0].ImageId' --output text)
instance=$(aws ec2 run-instances --image-id "$ami" --instance-type t2.micro --query 'Instances[0].InstanceId' --output text)

git -C "$work" init -q -b main
git -C "$work" config user.name bench; git -C "$work" config user.email bench@example.org
mkdir -p "$work/stack"
printf '{\n    "PipelineName": "bench-pipe",\n    "REGION": "us-east-1",\n    "Lambda": {"LambdaConfig": {"AMI": "ami-00000000000000001"}},\n    "UXData": {"Affiliates": []}\n}\n' > "$work/stack/stack_config_template.json"
git -C "$work" add -A; git -C "$work" commit -qm init

bp=0; cli=0
for i in $(seq "$rounds"); do
  t0=$(now)
  (cd "$work/stack" && "$bpctl" ami create --instance "$instance" --blueprint stack_config_template.json -m bench --poll-interval 0.2 >/dev/null 2>&1)
  t1=$(now)
  id=$(aws ec2 create-image --instance-id "$instance" --name "cli-$i-$RANDOM" --query ImageId --output text)
  aws ec2 wait image-available --image-ids "$id"
  t2=$(now)
  bp=$(python3 -c "print($bp + $t1 - $t0)"); cli=$(python3 -c "print($cli + $t2 - $t1)")
done
python3 - "$bp" "$cli" "$rounds" <<'PY'
import sys
bp, cli, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"ami create: bpctl {bp / n * 1000:.0f} ms per run (image + wait + blueprint + 2 commits); "
      f"aws CLI create-image + wait {cli / n * 1000:.0f} ms; ratio {cli / bp:.1f}x")
PY
[ "$(git -C "$work" rev-list --count HEAD)" = "$((1 + 2 * rounds))" ] || { echo "expected $((1 + 2 * rounds)) commits" >&2; exit 1; }

files=$(find ../shared/blueprints -name 'stack_config_template.json' | sort)
t0=$(now); for _ in $(seq 10); do "$bpctl" fmt --check $files >/dev/null 2>&1 || true; done; t1=$(now)
for _ in $(seq 10); do python3 -c 'import json, sys
for f in sys.argv[1:]: json.dumps(json.load(open(f)), indent=4)' $files; done; t2=$(now)
python3 - "$(python3 -c "print($t1 - $t0)")" "$(python3 -c "print($t2 - $t1)")" "$(echo "$files" | wc -l)" <<'PY'
import sys
bp, py, n = float(sys.argv[1]) / 10, float(sys.argv[2]) / 10, int(sys.argv[3])
print(f"fmt --check of {n} blueprints: bpctl {bp * 1000:.1f} ms, python3 json.dumps(indent=4) {py * 1000:.1f} ms; ratio {py / bp:.1f}x")
PY
