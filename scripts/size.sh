#!/usr/bin/env bash
# Builds the release and prints raw, gzip and brotli bytes of every file in dist/, and the total.
# SKIP_BUILD=1 reports on the dist/ already there.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || bash scripts/build.sh >&2
node scripts/size-report.mjs dist
