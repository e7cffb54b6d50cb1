#!/usr/bin/env bash
# The main job on the bundled example: who does "Samen Gezond Nieuw-West 2019" reach, and who does it miss?
# Extra arguments go to `bereik compare` (e.g. --lang en, --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product bereik >&2
.build/release/bereik compare \
  --attendance Datasets/example/deelnemers_nieuw_west_2019.csv \
  --population Datasets/cbs/kwb2019_84583NED_amsterdam.csv \
  --ses Datasets/cbs/seswoa2019_85163NED_amsterdam.csv \
  --area WK036376,WK036377,WK036378,WK036386,WK036388 \
  "$@"
