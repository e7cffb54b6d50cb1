#!/usr/bin/env bash
# Runs every test: installs what is missing (GSL, Chromium and pdftotext for the report's browser and PDF tests, the
# notebooks' pinned Python packages), builds, runs `swift test`, executes the notebooks, then
# fuzzes every reader for 60 s each (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
BEREIK_BROWSER=1 bash scripts/setup.sh
swift build --build-tests -j 2
BEREIK_REQUIRE_BROWSER=1 swift test --skip-build
bash scripts/notebooks.sh
bash scripts/fuzz.sh 60
