#!/usr/bin/env bash
# Builds the app from hostile content: a copy of data/ with markup and script planted in every
# text (tests/fixtures/markup/make.mjs), into target/dist-markup/. tests/e2e/markup.spec.mjs then
# proves every view shows that text as text and runs none of it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
data=target/markup-data
rm -rf "$data" target/dist-markup
node tests/fixtures/markup/make.mjs data "$data"
EXPLAINER_DATA_DIR="$PWD/$data" trunk build --release --offline --locked --dist target/dist-markup
rm -f target/dist-markup/.trunk-lock
