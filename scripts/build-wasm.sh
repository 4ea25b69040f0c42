#!/usr/bin/env bash
# Builds the wasm module and assembles the static site in build/site:
#   build/site/{index.html,app.js,style.css}       the page (web/)
#   build/site/precis/{precis.mjs,worker.mjs,precis.d.ts,package.json,precis-core.js,precis-core.wasm}
# Installs Emscripten and builds ICU + Snowball for wasm first if needed (cached outside the clone).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs it to find acorn

DEPS=$(bash scripts/build-wasm-deps.sh | tail -n 1)
echo "wasm deps: $DEPS" >&2

BUILD=build/wasm
export PRECIS_WASM_DEPS="$DEPS"
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j"$(nproc)"

SITE=build/site
rm -rf "$SITE"
mkdir -p "$SITE/precis"
cp web/* "$SITE/"
cp wasm/precis.mjs wasm/worker.mjs wasm/precis.d.ts wasm/package.json wasm/README.md "$SITE/precis/"
cp "$BUILD/wasm/precis-core.js" "$BUILD/wasm/precis-core.wasm" "$SITE/precis/"

for f in "$SITE/precis/precis-core.wasm" "$SITE/precis/precis-core.js"; do
  printf '%-40s %8d bytes  %8d gzip\n' "${f#$SITE/}" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)" >&2
done
echo "$ROOT/$SITE"
