#!/usr/bin/env bash
# Every test: install what is missing, then native unit tests (GoogleTest via CTest), the same
# under ASan + UBSan, a short libFuzzer run of every fuzz target, the wasm module under Node (same
# JSON as the native CLI), and the page in headless Chromium.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash scripts/setup.sh

echo "== Snowball for the native builds (Debian's source, link-time optimized; cached)"
STEMMER_DIR=$(bash scripts/build-native-stemmer.sh | tail -n 1)

echo "== native build + unit tests"
cmake --preset native-debug -DPRECIS_STEMMER_DIR="$STEMMER_DIR" >/dev/null
cmake --build --preset native-debug -j"$(nproc)"
ctest --preset native-debug -j"$(nproc)"

echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --preset native-sanitize -DPRECIS_STEMMER_DIR="$STEMMER_DIR" >/dev/null
cmake --build --preset native-sanitize -j"$(nproc)"
ctest --preset native-sanitize -j"$(nproc)"

echo "== fuzzing (libFuzzer, 30 s per target; scripts/fuzz.sh 3600 for a long run)"
bash scripts/fuzz.sh 30

echo "== wasm build"
bash scripts/build-wasm.sh >/dev/null

echo "== wasm module under Node"
node --test tests/wasm/

echo "== page in headless Chromium"
(cd tests/browser && node --test)
