#!/usr/bin/env bash
# Runs every test: lint (rustfmt, clippy on host and wasm), native tests (cargo test), the release
# build (and a second one from hostile content), and end-to-end journeys in headless Chromium (Playwright driving Debian's chromium, with
# axe-core). Installs whatever is missing first. Ends with one line `N passed, N failed` summing
# every layer; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

bash scripts/setup.sh --browser || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
log_dir=$(mktemp -d)
step() { printf '\n== %s\n' "$*"; }
count() { passed=$((passed + $1)); failed=$((failed + $2)); printf -- '-- %s: %s passed, %s failed\n' "$3" "$1" "$2"; }
check() { # a lint step counts as one check
  local name=$1
  shift
  if "$@"; then count 1 0 "$name"; else count 0 1 "$name"; fi
}

step "lint"
check "rustfmt" cargo fmt --all --check
check "clippy (host)" cargo clippy --locked --workspace --all-targets --quiet -- -D warnings
check "clippy (wasm32)" cargo clippy --locked --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "native tests (cargo test)"
cargo test --locked --workspace 2>&1 | tee "$log_dir/cargo-test.log"
cargo_status=${PIPESTATUS[0]}
read -r native_passed native_failed < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } } END { print p + 0, f + 0 }' "$log_dir/cargo-test.log")
if [ "$cargo_status" -ne 0 ] && [ "$native_failed" -eq 0 ]; then native_failed=1; fi # did not compile
count "$native_passed" "$native_failed" "cargo test"

step "timeline benchmark, short (2,000 events, wasm-bindgen-test in Chromium)"
check "timeline benchmark" bash scripts/bench-timeline.sh --short

step "a broken record stops the build"
check "broken data stops the build" bash scripts/check-broken-build.sh

step "release build"
if bash scripts/build.sh; then
  count 1 0 "release build"
  # The release again, from a copy of data/ with markup planted in every text, for the test that
  # proves such text is shown as text. It builds into target/dist-markup/; dist/ is untouched.
  step "hostile-content build"
  check "hostile-content build" bash scripts/build-markup-fixture.sh
  step "end-to-end (Playwright + Debian chromium + axe-core)"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$log_dir/e2e.json" playwright test --config tests/e2e/playwright.config.mjs --reporter=list,json
  read -r e2e_passed e2e_failed < <(node -e '
    const fs = require("fs");
    try {
      const report = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
      const s = report.stats;
      const ran = s.expected + s.flaky + s.unexpected;
      // A run that errored outside a test, or ran nothing, is a failure.
      const broken = (report.errors || []).length > 0 || ran === 0 ? 1 : 0;
      console.log(s.expected + s.flaky, s.unexpected + broken);
    } catch { console.log("0 1"); }' "$log_dir/e2e.json")
  count "$e2e_passed" "$e2e_failed" "end-to-end"
else
  count 0 1 "release build"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
