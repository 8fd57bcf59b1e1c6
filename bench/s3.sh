#!/usr/bin/env bash
# Times 200 S3 GETs of a 4 KiB object against moto_server on 127.0.0.1: one after another, then
# 32 at a time. Usage: bench/s3.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200}
export AWS_EC2_METADATA_DISABLED=true
swift build -c release --static-swift-stdlib --product bpctl-bench >/dev/null
read -r port pid < <(scripts/start-moto.sh)
trap 'kill -9 $pid 2>/dev/null || true' EXIT
.build/release/bpctl-bench s3-get "http://127.0.0.1:$port" "$count" 1
.build/release/bpctl-bench s3-get "http://127.0.0.1:$port" "$count" 32
