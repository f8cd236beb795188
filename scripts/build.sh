#!/usr/bin/env bash
# Builds the release into dist/: plain static files with relative paths.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo fetch --locked --quiet
trunk build --release --offline --locked
rm -f dist/.trunk-lock # Trunk's own lock file, not part of the app
