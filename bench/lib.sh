# The preamble the bench scripts share; sourced, not run:
#   source "$(dirname "$0")/lib.sh"
#   bench_build [PRODUCT...]   release build with the static Swift runtime, as scripts/bootstrap.sh
#                              builds it (all of its products when none is named)
#   bench_moto                 moto_server on a free port of 127.0.0.1: exports AWS_ENDPOINT_URL
#                              and test-only credentials; sets $port and $moto_pid
# Sourcing it moves to the repository root, puts the toolchain on PATH, keeps the SDKs away
# from the instance-metadata address and makes $work, a temporary directory; moto and $work
# are removed when the script exits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then export PATH=/opt/swift/usr/bin:$PATH; fi
export AWS_EC2_METADATA_DISABLED=true
work=$(mktemp -d)
moto_pid=""
trap '[ -n "$moto_pid" ] && kill -9 "$moto_pid" 2>/dev/null; rm -rf "$work"' EXIT

bench_build() {
  if [ $# -eq 0 ]; then scripts/bootstrap.sh >/dev/null; return; fi
  for product in "$@"; do swift build -c release --static-swift-stdlib --disable-local-rpath --product "$product" >/dev/null; done
}

bench_moto() {
  read -r port moto_pid < <(scripts/start-moto.sh)
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
}
