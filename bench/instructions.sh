#!/usr/bin/env bash
# Instruction counts (valgrind callgrind, stable to ~0.1% even on a loaded machine) of the
# start-up commands that bench/startup.sh times, and of a static Foundation hello built now.
# Use it to compare two builds of the same change; task-clock ratios come from startup.sh.
# Usage: bench/instructions.sh [BUILD_DIR]   (default .build/release; build it first, e.g.
#        swift build -c release --static-swift-stdlib)
#   BPCTL_PROFILE=DIR keeps each callgrind.out in DIR for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release}
shared=${BPCTL_SHARED:-../shared}
export AWS_EC2_METADATA_DISABLED=true
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then export PATH=/opt/swift/usr/bin:$PATH; fi
command -v valgrind >/dev/null || { echo "valgrind is needed (Debian: apt-get install valgrind)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
keep=${BPCTL_PROFILE:-$work}
mkdir -p "$keep"

# valgrind 3.19 cannot read the toolchain's DWARF 5, so it runs on copies without debug info.
# bpctl-full beside the front as installed (an older build has none: the front answered all).
for p in bpctl bpctl-full neurocaas-contrib neurocaas-contrib-full; do
  [ -e "$bin/$p" ] || continue
  cp "$bin/$p" "$work/$p" && strip --strip-debug "$work/$p"
done
printf 'import Foundation\nprint("hello \\(ProcessInfo.processInfo.processIdentifier > 0)")\n' >"$work/hello.swift"
swiftc -O -static-stdlib "$work/hello.swift" -o "$work/hello" 2>/dev/null

home="$work/home"
mkdir -p "$home/job"
echo x >"$home/data.txt"
printf 'mode: fast\nthreads: 4\n' >"$home/config.yaml"
HOME=$home "$work/neurocaas-contrib" workflow initialize-job -p "$home/job" >/dev/null
HOME=$home "$work/neurocaas-contrib" workflow register-dataset -l "$home/data.txt" >/dev/null
HOME=$home "$work/neurocaas-contrib" workflow get-data -f >/dev/null
mapfile -t blueprints < <(find "$shared/blueprints" -name stack_config_template.json | sort)

count() {  # name, command...
  local name=$1; shift
  HOME=$home valgrind --tool=callgrind --callgrind-out-file="$keep/$name.callgrind" "$@" >/dev/null 2>"$work/vg.err" || true
  local n; n=$(grep -o 'Collected : [0-9]*' "$work/vg.err" | grep -o '[0-9]*$')
  printf '  %-44s %12s instructions\n' "$name" "$n"
}
echo "instructions (callgrind), build $bin:"
count hello "$work/hello"
count version "$work/bpctl" --version
count validate "$work/bpctl" validate --fail-on never "${blueprints[@]}"
count validate-json "$work/bpctl" validate --fail-on never --format json "${blueprints[@]}"
count read-yaml "$work/neurocaas-contrib" scripting read-yaml -p "$home/config.yaml" -f mode -d x
count get-dataname "$work/neurocaas-contrib" workflow get-dataname
