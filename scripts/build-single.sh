#!/usr/bin/env bash
# Builds the release into dist/, then ONE self-contained HTML file from it (wasm, JavaScript, CSS,
# data and geometry inlined; the wasm and the data gzip-compressed, unpacked in the page) that works
# opened from disk with no network, e.g. from a USB stick: target/single/ecuador-explainer.html by
# default. Prints its raw and gzip sizes, by part.
#   bash scripts/build-single.sh [--out path/to/file.html]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
node scripts/single-file.mjs --dist dist "$@"
