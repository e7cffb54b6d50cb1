#!/usr/bin/env bash
# Regenerates the golden outputs in Tests/Golden from Tests/Golden/manifest.tsv: each line runs
# `bereik <arguments>` from the repository root and stores stdout (and stderr for a failing run).
# Review the diff (git diff Tests/Golden) before committing: a change there is a change users see.
# GoldenTests fails when an output differs; the README's example blocks are excerpts of these files.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --product bereik -j 2 >&2
bin="$(swift build --show-bin-path)/bereik"
while IFS=$'\t' read -r name args; do
    case "$name" in ''|'#'*) continue ;; esac
    # shellcheck disable=SC2086
    # Absolute paths of this clone become "." so the files hold on any machine.
    LANG=nl_NL.UTF-8 "$bin" $args 2>"Tests/Golden/$name.stderr" | sed "s|$PWD|.|g" > "Tests/Golden/$name.txt" || true
    sed -i "s|$PWD|.|g" "Tests/Golden/$name.stderr"
    [ -s "Tests/Golden/$name.stderr" ] || rm -f "Tests/Golden/$name.stderr"
    echo "wrote Tests/Golden/$name.txt" >&2
done < Tests/Golden/manifest.tsv
