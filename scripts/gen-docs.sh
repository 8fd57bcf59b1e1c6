#!/usr/bin/env bash
# Man pages and shell completions for bpctl and neurocaas-contrib, into OUTDIR (default
# .build/docs): man/bpctl.1 and man/neurocaas-contrib.1 from `swift package generate-manual`
# (argument-parser's plugin, from the same help text as --help), and completions/ for bash, zsh
# and fish from `--generate-completion-script`. Usage: scripts/gen-docs.sh [OUTDIR] [debug|release]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/docs}
config=${2:-debug}
mkdir -p "$out/man" "$out/completions"
swift build -c "$config" --product bpctl >/dev/null
swift build -c "$config" --product bpctl-full >/dev/null  # the front runs it for --help and completions
swift build -c "$config" --product neurocaas-contrib >/dev/null
swift build -c "$config" --product neurocaas-contrib-full >/dev/null  # the front runs it for --help
swift package generate-manual --configuration "$config" >/dev/null
cp .build/plugins/GenerateManual/outputs/bpctl-full/bpctl.1 .build/plugins/GenerateManual/outputs/neurocaas-contrib-full/neurocaas-contrib.1 "$out/man/"
bin=$(swift build -c "$config" --show-bin-path)
for tool in bpctl neurocaas-contrib; do
  "$bin/$tool" --generate-completion-script bash > "$out/completions/$tool.bash"
  "$bin/$tool" --generate-completion-script zsh > "$out/completions/_$tool"
  "$bin/$tool" --generate-completion-script fish > "$out/completions/$tool.fish"
done
echo "$out/man: $(ls "$out/man" | tr '\n' ' ')"
echo "$out/completions: $(ls "$out/completions" | tr '\n' ' ')"
