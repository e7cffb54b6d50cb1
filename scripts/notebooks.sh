#!/usr/bin/env bash
# Executes the Jupyter notebooks in Notebooks/ against the built `bereik` (pinned Python packages).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q --disable-pip-version-check -r Notebooks/requirements.txt 2>&1 | grep -v "Running pip as the 'root' user" || true
swift build --product bereik >&2
BEREIK="$(swift build --show-bin-path)/bereik" python3 Notebooks/run_notebooks.py
