#!/usr/bin/env bash
# Regenerates detectors/langid/stopwords.tsv from the stop-word lists of
# stopwords-iso (MIT), pinned below. Needs node and npm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund stopwords-iso@1.1.0 >/dev/null)
NODE_PATH="$work/node_modules" node "$here/gen.mjs" >"$here/../stopwords.tsv"
