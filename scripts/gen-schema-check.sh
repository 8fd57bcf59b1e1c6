#!/usr/bin/env bash
# Regenerates the Swift checks made from schemas: the bundled blueprint schema's
# (Sources/BlueprintKit/Schema/Generated/BlueprintSchemaCheck.swift) after
# schemas/blueprint.schema.json changes, and the test target's GeneratedCoverageCheck.swift.
# GeneratedSchemaCheckTests fail while either is stale. Usage: scripts/gen-schema-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/embed-schema.py
swift run schema-codegen
