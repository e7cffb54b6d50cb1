#!/usr/bin/env bash
# Installs what Bereik needs on a fresh Debian machine with the Swift toolchain: GNU GSL, zlib and pkg-config
# (and Chromium and poppler-utils for the report's browser and PDF tests when BEREIK_BROWSER=1).
# Safe to run again: it installs only what is missing.
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists gsl 2>/dev/null; then need+=(libgsl-dev); fi
# ZIPFoundation (Excel workbooks) links zlib.
if ! pkg-config --exists zlib 2>/dev/null; then need+=(zlib1g-dev); fi
# The report's browser test needs headless Chromium (only when asked: BEREIK_BROWSER=1).
if [ "${BEREIK_BROWSER:-0}" = 1 ] && ! command -v chromium >/dev/null 2>&1; then need+=(chromium); fi
# The web page's browser test (bereik serve) drives Chromium from a Python script (standard library only).
if [ "${BEREIK_BROWSER:-0}" = 1 ] && ! command -v python3 >/dev/null 2>&1; then need+=(python3); fi
# The PDF test reads the printed report's pages with pdftotext (poppler-utils).
if [ "${BEREIK_BROWSER:-0}" = 1 ] && ! command -v pdftotext >/dev/null 2>&1; then need+=(poppler-utils); fi
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "bereik setup: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
