#!/usr/bin/env bash
# Times 200 S3 GETs of a 4 KiB object against moto_server on 127.0.0.1: one after another, then
# 32 at a time. Usage: bench/s3.sh [COUNT]
source "$(dirname "$0")/lib.sh"
bench_build bpctl-bench
bench_moto
count=${1:-200}
.build/release/bpctl-bench s3-get "http://127.0.0.1:$port" "$count" 1
.build/release/bpctl-bench s3-get "http://127.0.0.1:$port" "$count" 32
