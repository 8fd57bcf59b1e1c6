#!/usr/bin/env bash
# Times 200 S3 GETs of a 4 KiB object against moto_server on 127.0.0.1: one after another, then
# 32 at a time. Usage: bench/s3.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200}
export AWS_EC2_METADATA_DISABLED=true
command -v moto_server >/dev/null 2>&1 || python3 -m pip install -q 'moto[server]'
swift build -c release --static-swift-stdlib --product bpctl-bench >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/data.json')" 2>/dev/null && break
  sleep 0.2
done
.build/release/bpctl-bench s3-get "http://127.0.0.1:$port" "$count" 1
.build/release/bpctl-bench s3-get "http://127.0.0.1:$port" "$count" 32
