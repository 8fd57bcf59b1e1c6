#!/usr/bin/env bash
# Regenerates Sources/BlueprintKit/Schema/Generated/BlueprintSchemaCheck.swift, the Swift check
# of the bundled blueprint schema, after schemas/blueprint.schema.json changes (run
# scripts/embed-schema.py first). GeneratedSchemaCheckTests fail while the file is stale.
# Usage: scripts/gen-schema-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/embed-schema.py
swift run schema-codegen Sources/BlueprintKit/Schema/Generated/BlueprintSchemaCheck.swift
