#!/usr/bin/env bash
# Benchmark, side by side with TimelineJS: builds the release into dist/, then loads it and a
# self-hosted TimelineJS page with the same events in headless Chromium, both served gzip-compressed
# from 127.0.0.1, and prints bytes, first render, time to interactive and click-to-paint latency
# with the ratios and the budgets of issue 8 (tests/bench/bench.mjs). Results also go to
# target/bench/results.json. Exits 0 when a budget is missed; non-zero when a measurement fails,
# a request leaves its app's origin, a request fails or a page reports an error.
#
#   scripts/bench.sh                          build, then measure (5 runs each)
#   BENCH_RUNS=10 scripts/bench.sh            more runs
#   BENCH_DIST=/tmp/some-dist scripts/bench.sh  measure a build made earlier, without building
set -euo pipefail
cd "$(dirname "$0")/.."
# The npm tools (Playwright, the TimelineJS package) and Debian's Chromium.
bash scripts/setup.sh --browser >&2
if [ -z "${BENCH_DIST:-}" ]; then
  bash scripts/build.sh >&2
  export BENCH_DIST=dist
fi
node tests/bench/bench.mjs
