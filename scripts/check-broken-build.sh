#!/usr/bin/env bash
# Proves a data mistake stops the build with its `file: record: field: problem` message: copies
# data/, adds an event citing a source that does not exist, and type-checks the app against it.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=target/broken-data
rm -rf "$dir" && mkdir -p "$dir" && cp data/*.toml data/geometry.json "$dir"/
cat content/tests/fixtures/events-unknown-source.toml >> "$dir/events.toml"
expected='data/events.toml: event `broken-event`: sources: unknown source `e999`'
if output=$(EXPLAINER_DATA_DIR="$PWD/$dir" cargo check --locked --lib --quiet 2>&1); then
  echo "the build accepted a record that cites an unknown source"
  exit 1
fi
if ! grep -qF "$expected" <<<"$output"; then
  echo "the build failed, but without the message: $expected"
  echo "$output" | tail -20
  exit 1
fi
echo "a broken record stops the build with: $expected"
