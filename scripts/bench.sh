#!/usr/bin/env bash
# The whole benchmark suite, one command; prints one table (also in build/bench/results/table.txt).
#
#   bash scripts/bench.sh            # seeds, every DUC 2003 cluster, 1..10,000 articles (~10-15 min)
#   bash scripts/bench.sh --quick    # sizes up to 1,000 articles, shorter runs (~5 min)
#
# Steps, all in build/bench/ (its own build directories: never build/native-* or build/site):
#   1. inputs:   node tests/bench/make_inputs.mjs -> build/bench/inputs/*.json (built from
#                ../shared/data at run time; native, Node and Chromium read the same bytes)
#   2. native:   Release build (build/bench/native); peak RSS of one request per input in a fresh
#                process
#   3. wasm:     the wasm preset built into build/bench/wasm, the module copied to build/bench/site;
#                build/bench/wasm-icu: a benchmark-only module exporting segmentOnly (ICU-only time)
#   4. per input, side by side: native Google Benchmark (request, ICU-only, stages: the binary on
#                that input only), then the wasm module and the npm peers (wink-nlp, lexrank) in one
#                Node process (tests/bench/node/bench_node.mjs drives all three), in five
#                interleaved rounds; each time is the median over the rounds; in Node, each
#                batch after a full garbage collection (node --expose-gc)
#   5. Chromium: headless Debian Chromium: cold start and warm time per input, wasm memory
#   6. report:   node tests/bench/report.mjs
#
# Env: PRECIS_DATA_DIR (default ../shared/data), BENCH_SIZES (e.g. 1,10,100), BENCH_NO_BROWSER=1,
# BENCH_NO_BUILD=1 (reuse the builds in build/bench), PRECIS_CACHE (wasm dependency cache).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

QUICK=0
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $a" >&2; exit 2 ;;
  esac
done
SIZES=${BENCH_SIZES:-$([ "$QUICK" = 1 ] && echo 1,10,100,1000 || echo 1,10,100,1000,10000)}
DATA=${PRECIS_DATA_DIR:-$ROOT/../shared/data}
B=build/bench
RESULTS=$B/results
JOBS=$(nproc)
step() { echo "== $*" >&2; }

# What the suite needs; scripts/setup.sh installs it when something is missing.
missing=0
for c in cmake c++ node npm em++ "${CHROMIUM:-/usr/bin/chromium}"; do command -v "$c" >/dev/null || missing=1; done
[ -f /usr/include/benchmark/benchmark.h ] || missing=1
if [ "$missing" = 1 ]; then bash scripts/setup.sh >&2; fi
mkdir -p "$RESULTS"
rm -f "$RESULTS"/{native.json,rss.jsonl,node.json,browser.json,table.txt}

step "inputs (sizes $SIZES) from $DATA"
rm -rf "$B/inputs"
PRECIS_DATA_DIR="$DATA" node tests/bench/make_inputs.mjs --out "$B/inputs" --sizes "$SIZES"

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  step "native Release build ($B/native)"
  # Snowball as the native builds of scripts/test.sh link it: from Debian's source, link-time optimized.
  STEMMER_DIR=$(bash scripts/build-native-stemmer.sh | tail -n 1)
  cmake -S . -B "$B/native" -DCMAKE_BUILD_TYPE=Release -DPRECIS_DATA_DIR="$(cd "$DATA" && pwd)" \
    -DPRECIS_STEMMER_DIR="$STEMMER_DIR" >/dev/null
  cmake --build "$B/native" --target precis_bench_native -j"$JOBS" >&2

  step "wasm build ($B/wasm -> $B/site)"
  export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs it to find acorn
  PRECIS_WASM_DEPS=$(bash scripts/build-wasm-deps.sh | tail -n 1)
  export PRECIS_WASM_DEPS
  cmake --preset wasm -B "$B/wasm" >/dev/null
  cmake --build "$B/wasm" --target precis_wasm -j"$JOBS" >&2
  rm -rf "$B/site"
  mkdir -p "$B/site/precis"
  cp web/* "$B/site/"
  cp wasm/precis.mjs wasm/worker.mjs wasm/precis.d.ts wasm/package.json "$B/site/precis/"
  cp "$B/wasm/wasm/precis-core.js" "$B/wasm/wasm/precis-core.wasm" "$B/site/precis/"

  # ICU-only in wasm: a benchmark-only module exporting segmentOnly(text, language), compiled with
  # the core's flags and linked with the shipped module's very link line and libraries.
  step "benchmark-only wasm module for the ICU-only time ($B/wasm-icu)"
  rm -rf "$B/wasm-icu" && mkdir -p "$B/wasm-icu"
  flags=$B/wasm/core/CMakeFiles/precis_core.dir/flags.make
  link=$B/wasm/wasm/CMakeFiles/precis_wasm.dir/link.txt
  if [ -f "$flags" ] && [ -f "$link" ] &&
     (cd "$B/wasm/core" && eval em++ $(sed -n 's/^CXX_DEFINES = //p; s/^CXX_INCLUDES = //p; s/^CXX_FLAGS = //p' "$ROOT/$flags") \
        -I"$ROOT/core" -c "$ROOT/tests/bench/wasm_segment_only.cpp" -o "$ROOT/$B/wasm-icu/segment_only.o") &&
     (cd "$B/wasm/wasm" && eval "$(head -n 1 "$ROOT/$link" | sed "s#@CMakeFiles/precis_wasm.dir/objects1#$ROOT/$B/wasm-icu/segment_only.o#; s#-o precis-core.js#-o $ROOT/$B/wasm-icu/precis-icu.js#")"); then
    :
  else
    echo "bench.sh: could not build the ICU-only wasm module; the table will say so" >&2
  fi
fi

if [ ! -d tests/bench/node/node_modules/wink-nlp ] || [ ! -d tests/bench/node/node_modules/lexrank ] ||
   [ ! -d tests/bench/node/node_modules/playwright-core ]; then
  step "npm install in tests/bench/node (benchmark-only devDependencies)"
  (cd tests/bench/node && npm install --no-audit --no-fund --loglevel=error >&2)
fi

step "native: peak RSS, one request per input in a fresh process"
for f in "$B"/inputs/*.json; do
  [ "$(basename "$f")" = manifest.json ] && continue
  "$B/native/tests/precis_bench_native" --rss="$f" >> "$RESULTS/rss.jsonl"
done

# Per input, seconds apart: native (Google Benchmark: request, ICU-only, stages), the wasm module
# (and its ICU-only time), then the peers, so that every ratio is measured side by side; five
# rounds of that, interleaved, and the median of each (one batch per engine was at the mercy of
# the neighbours' load).
step "per input: native (Google Benchmark), wasm in Node, wink-nlp, lexrank"
node --expose-gc --max-old-space-size=8192 tests/bench/node/bench_node.mjs --inputs "$B/inputs" --site "$B/site" \
  --icu-module "$B/wasm-icu/precis-icu.js" --out "$RESULTS/node.json" \
  --native "$B/native/tests/precis_bench_native" --native-out "$RESULTS/native.json" \
  --native-min-time "$([ "$QUICK" = 1 ] && echo 0.2 || echo 0.5)"

if [ "${BENCH_NO_BROWSER:-0}" != 1 ]; then
  step "Chromium: cold start and warm runs"
  node tests/bench/node/bench_browser.mjs --root "$B" --out "$RESULTS/browser.json" \
    --cold-runs "$([ "$QUICK" = 1 ] && echo 3 || echo 5)"
fi

step "report"
node tests/bench/report.mjs --results "$RESULTS" --site "$B/site"
