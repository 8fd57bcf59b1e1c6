#!/usr/bin/env bash
# Starts moto_server on a free port of 127.0.0.1, waits until it answers, and prints
# "PORT PID". Used by .ci/run and the benchmarks. Installs moto[server] if it is missing.
set -euo pipefail
if ! command -v moto_server >/dev/null 2>&1; then
  python3 -m pip install -q 'moto[server]' 2>/dev/null || python3 -m pip install -q --break-system-packages 'moto[server]'
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The real interpreter, not a wrapper (pyenv shims keep a parent process that `kill` would hit
# while the server lives on).
python=$(python3 -c 'import sys; print(sys.executable)')
"$python" -m moto.server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 150); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/data.json')" 2>/dev/null; then
    echo "$port $pid"
    exit 0
  fi
  sleep 0.2
done
kill "$pid" 2>/dev/null || true
echo "moto_server did not start" >&2
exit 1
