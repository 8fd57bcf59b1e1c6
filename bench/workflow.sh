#!/usr/bin/env bash
# Times neurocaas-contrib (release build): start-up of single commands, then a whole
# run_main_cli.sh job (register, fetch, analysis, put-result, logs, cleanup) against moto_server
# on 127.0.0.1. Usage: bench/workflow.sh [RUNS]
source "$(dirname "$0")/lib.sh"
bench_build
bench_moto
runs=${1:-20}
python3 - "$port" "$work" "$runs" "$PWD" <<'PY'
import os, statistics, subprocess, sys, time, urllib.request
port, work, runs, repo = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
bin_dir = os.path.join(repo, ".build/release")
env = dict(os.environ, HOME=work, PATH=bin_dir + ":/usr/bin:/bin", AWS_ENDPOINT_URL=f"http://127.0.0.1:{port}",
           AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench", AWS_REGION="us-east-1",
           NEUROCAAS_JOB_DIR=os.path.join(work, "job"), NEUROCAAS_LOG_INTERVAL="1")
def timed(cmd, n):
    ts = []
    for _ in range(n):
        t = time.perf_counter(); subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        ts.append(time.perf_counter() - t)
    return statistics.median(ts) * 1000
c = os.path.join(bin_dir, "neurocaas-contrib")
os.makedirs(os.path.join(work, "job"), exist_ok=True)
subprocess.run([c, "workflow", "initialize-job", "-p", os.path.join(work, "job")], env=env, check=True)
open(os.path.join(work, "d.txt"), "w").write("x")
subprocess.run([c, "workflow", "register-dataset", "-l", os.path.join(work, "d.txt")], env=env, check=True)
subprocess.run([c, "workflow", "get-data", "-f"], env=env, check=True)
print(f"neurocaas-contrib --help:            {timed([c, '--help'], runs):.1f} ms median")
print(f"workflow get-datapath:               {timed([c, 'workflow', 'get-datapath'], runs):.1f} ms median")
print(f"workflow register-dataset -l:        {timed([c, 'workflow', 'register-dataset', '-l', os.path.join(work, 'd.txt')], runs):.1f} ms median")
# A whole job: bucket with data and config, an analysis that fetches, reads YAML and puts a result.
import boto3  # only for the set-up of the bench bucket
s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1", aws_access_key_id="b", aws_secret_access_key="b")
s3.create_bucket(Bucket="bench"); s3.put_object(Bucket="bench", Key="lab/inputs/d.bin", Body=b"abc"); s3.put_object(Bucket="bench", Key="lab/configs/c.yaml", Body=b"n: 1\n")
script = os.path.join(work, "analysis.sh")
open(script, "w").write("#!/bin/bash\nset -e\nneurocaas-contrib workflow get-data -f\nneurocaas-contrib workflow get-config -f\n"
                        "n=$(neurocaas-contrib scripting read-yaml -p $(neurocaas-contrib workflow get-configpath) -f n)\n"
                        "out=$(neurocaas-contrib workflow get-resultpath-tmp)\necho $n > $out/r.txt\nneurocaas-contrib workflow put-result -r $out/r.txt\n")
os.chmod(script, 0o755)
job = [os.path.join(repo, "scripts/run_main_cli.sh"), "bench", "lab/inputs/d.bin", "results/job__bench_1", "lab/configs/c.yaml", script]
print(f"run_main_cli.sh job (13 commands):   {timed(job, max(3, runs // 4)):.0f} ms median")
PY
