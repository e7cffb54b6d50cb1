#!/usr/bin/env bash
# Runs every test: installs GSL if missing, builds, runs `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
BEREIK_BROWSER=1 bash scripts/setup.sh
swift build --build-tests -j 2
swift test --skip-build
