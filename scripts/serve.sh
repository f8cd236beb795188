#!/usr/bin/env bash
# Installs what is missing, builds the release and serves it at http://127.0.0.1:8080
# (PORT=… to change the port).
set -euo pipefail
cd "$(dirname "$0")/.."
# The oEmbed document names the address it is served at (set EXPLAINER_URL to publish elsewhere).
export EXPLAINER_URL="${EXPLAINER_URL:-http://127.0.0.1:${PORT:-8080}/}"
bash scripts/build.sh
exec node tests/serve.mjs --dir dist --port "${PORT:-8080}"
