#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine with Swift 6: the C libraries bpctl uses (libcurl's
# header for the HTTP loader shim, and libcurl4 itself; libcrypto for SigV4; zlib; libgit2 for
# blueprint history and commits; libyaml, linked statically into neurocaas-contrib for read-yaml),
# then release builds with the Swift runtime linked statically. libcurl and libcrypto are opened
# with dlopen on the first request (docs/performance.md, "Start-up"), so `ldd` lists neither.
# bpctl and neurocaas-contrib are each two binaries that must be installed side by side: the
# fronts (`bpctl`: --version, validate, rules, schema, whoami; `neurocaas-contrib`: the getters
# and read-yaml) run `bpctl-full` and `neurocaas-contrib-full` for the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for pkg in libssl-dev libcurl4-openssl-dev zlib1g-dev libgit2-dev libyaml-dev; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then
  $( [ "$(id -u)" = 0 ] || echo sudo ) apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $( [ "$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq "${need[@]}"
fi
swift build -c release --static-swift-stdlib --product bpctl
swift build -c release --static-swift-stdlib --product bpctl-full
swift build -c release --static-swift-stdlib --product neurocaas-contrib
swift build -c release --static-swift-stdlib --product neurocaas-contrib-full
