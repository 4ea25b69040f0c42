#!/usr/bin/env bash
# The main job: install what is missing, build the wasm module and the page, and serve it on
# http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash scripts/setup.sh
SITE=$(bash scripts/build-wasm.sh | tail -n 1)
exec node scripts/serve.mjs "$SITE" --port "${PORT:-8080}"
