#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine with Swift 6: the C libraries bpctl links
# (libcrypto for SigV4, libcurl for HTTPS in a static build, libgit2 for blueprint history and commits), then a release build of bpctl.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for pkg in libssl-dev libcurl4-openssl-dev zlib1g-dev libgit2-dev; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then
  $( [ "$(id -u)" = 0 ] || echo sudo ) apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $( [ "$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq "${need[@]}"
fi
swift build -c release --static-swift-stdlib --product bpctl
swift build -c release --static-swift-stdlib --product neurocaas-contrib
