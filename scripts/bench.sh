#!/usr/bin/env bash
# Benchmark, side by side with TimelineJS (tests/bench/bench.mjs): builds the release into dist/
# (unless BENCH_DIST names a build made earlier), then loads it and a self-hosted TimelineJS page
# with the same events in headless Chromium, ours served as production serves it (the build's
# pre-compressed .br/.gz siblings), TimelineJS gzip-compressed, each from its own 127.0.0.1 origin.
# One call measures two profiles and prints a table for each: unthrottled, and phone (150 ms round
# trip, 1.6 Mbit/s down, 750 kbit/s up and a 4x CPU slowdown, as Lighthouse's mobile profile).
# Per profile: first contentful paint; interactive = the moment a real mouse click on a marker,
# made as soon as a marker can be hit and repeated every 50 ms while nothing happens, shows that
# event's detail (the same definition for both apps; a page that ignores clicks never passes);
# for ours the full app = a legend filter and then the Map tab working; bytes before interactive
# and of the full app at network idle (ours also as gzip); ours at ?embed=map and ?embed=policies
# (time until the view is drawn, bytes); unthrottled only, click-to-paint latency of 20 timeline
# selections a run. Then the offline single file's gzip size if scripts/build-single.sh made it,
# and the budgets of issue 12 as PASS/MISS lines. Results also go to target/bench/results.json.
# Exits 0 when a budget is missed; non-zero when a measurement fails, a request leaves its app's
# origin, a request fails or a page reports an error.
#
#   scripts/bench.sh                            build, then measure (5 runs per profile and page)
#   BENCH_RUNS=10 scripts/bench.sh              more runs
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
