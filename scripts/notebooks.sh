#!/usr/bin/env bash
# Executes the Jupyter notebooks in Notebooks/ against the built `bereik`, in a virtual environment
# with the pinned packages of Notebooks/requirements.txt (works where the system Python is
# "externally managed", as on Debian 12).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.build/notebooks-venv
if [ ! -x "$VENV/bin/python" ]; then
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$VENV"
    python3 -m venv "$VENV"
  fi
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r Notebooks/requirements.txt
swift build --product bereik >&2
BEREIK="$(swift build --show-bin-path)/bereik" "$VENV/bin/python" Notebooks/run_notebooks.py
