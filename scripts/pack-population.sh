#!/usr/bin/env bash
# Rebuilds the bundled population table's compact form from the CBS CSV (Datasets/cbs; Bron: CBS).
# Run after replacing the CSV; CompactPopulationTests checks that the two agree region for region.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product bereik-pack-population >&2
.build/release/bereik-pack-population Datasets/cbs/kwb2024_85984NED_nl_sex_age_herkomst.csv \
  Sources/BereikPipeline/Resources/kwb2024_85984NED.population
