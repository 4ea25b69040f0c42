#!/usr/bin/env bash
# Fuzzes Précis with libFuzzer (clang 14, AddressSanitizer + UndefinedBehaviorSanitizer): builds
# the targets of tests/fuzz in build/fuzz, then runs each for SECONDS_PER_TARGET seconds.
#
#   scripts/fuzz.sh              short run, 30 s per target (~3 minutes): part of the test command
#   scripts/fuzz.sh 3600         long run: one hour per target
#   FUZZ_TARGETS="fuzz_json_api fuzz_pipeline" scripts/fuzz.sh 1800    some targets only
#   FUZZ_SKIP_BUILD=1 ...        do not (re)build (e.g. a second run in parallel with a first)
#   FUZZ_LOGS=DIR ...            libFuzzer logs there instead of build/fuzz/logs
#
# Targets: fuzz_utf8 (UTF-8 repair, UTF-16 offsets), fuzz_clean (plain-text cleaning),
# fuzz_segment (sentence/word segmentation), fuzz_json_api (handle_request_json on raw bytes, and
# handle_request_parts on the same request with its texts attached: the same answer),
# fuzz_pipeline (the CLI path: handle_request on raw file bytes, and the analysis behind it),
# fuzz_html (Gumbo -> block model -> article extraction, and the block JSON round trip).
# Each checks the invariants of tests/fuzz/invariants.h, not just the absence of crashes.
#
# Seeds: tests/fuzz/corpus/<target> (small, hand-written) plus seeds made at run time from
# ../shared/data (seed articles, DUC 2003 articles, AEB gold texts and pages; never copied into
# the repository). The corpus libFuzzer grows is kept in build/fuzz/corpus/<target>; inputs that
# crash are saved in build/fuzz/artifacts/<target>/ (reproduce: build/fuzz/tests/fuzz/<target> FILE).
#
# Exit status: 0 when no target crashed, timed out, leaked or broke an invariant; 1 otherwise.
# Needs: clang, libclang-rt-14-dev (libFuzzer and the sanitizer runtimes).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SECONDS_PER_TARGET=${1:-30}
BUILD="$ROOT/build/fuzz"
DATA=${PRECIS_DATA_DIR:-"$ROOT/../shared/data"}
LOGS=${FUZZ_LOGS:-"$BUILD/logs"}
TARGETS=${FUZZ_TARGETS:-"fuzz_utf8 fuzz_clean fuzz_segment fuzz_json_api fuzz_pipeline fuzz_html"}

if [ -z "${FUZZ_SKIP_BUILD:-}" ]; then
  echo "== fuzz: building the libFuzzer targets in build/fuzz (clang, ASan + UBSan)"
  mkdir -p "$BUILD"
  if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRECIS_FUZZ=ON \
      -DPRECIS_DATA_DIR="$DATA" >"$BUILD/configure.log" 2>&1 || { cat "$BUILD/configure.log" >&2; exit 1; }
  fi
  cmake --build "$BUILD" --target precis_fuzzers -j2 >"$BUILD/build.log" 2>&1 || {
    grep -E 'error|Error' "$BUILD/build.log" | head -20 >&2; echo "fuzz: build failed (build/fuzz/build.log)" >&2; exit 1; }
fi
BIN="$BUILD/tests/fuzz"

# ---- seeds from the evaluation data (regenerated each run; cheap) ----
SEEDS="$BUILD/seeds"
rm -rf "$SEEDS"
for t in fuzz_utf8 fuzz_clean fuzz_segment fuzz_json_api fuzz_pipeline fuzz_html; do mkdir -p "$SEEDS/$t"; done
if [ -d "$DATA" ]; then
  shopt -s nullglob
  articles=("$DATA"/seeds/article*.txt)
  duc=()
  for c in d30003t d30005t; do
    docs=("$DATA/duc2003/$c/docs/"*.txt)
    duc+=("${docs[@]:0:3}")
  done
  gold=("$DATA"/aeb/gold/*.txt)
  gold=("${gold[@]:0:12}")
  pages=("$DATA"/aeb/html/*.html.gz)
  pages=("${pages[@]:0:4}")
  n=0
  for f in "${articles[@]}" "${duc[@]}" "${gold[@]}"; do
    n=$((n + 1))
    cp "$f" "$SEEDS/fuzz_utf8/text$n"
    cp "$f" "$SEEDS/fuzz_clean/text$n"
    # fuzz_segment: the first byte picks the language (0 = English).
    { printf '\000'; cat "$f"; } >"$SEEDS/fuzz_segment/text$n"
    # fuzz_pipeline: budget, key sentences, language bytes, then the article.
    { printf '\030\003\000'; cat "$f"; } >"$SEEDS/fuzz_pipeline/text$n"
    "$BIN/precis_fuzz_seed" "$SEEDS/fuzz_json_api/text$n.json" "$f"
  done
  for f in "${pages[@]}"; do  # whole web pages pasted as text: markup, scripts, event handlers
    n=$((n + 1))
    { zcat "$f" || true; } | head -c 16384 >"$SEEDS/fuzz_utf8/page$n" || true
    cp "$SEEDS/fuzz_utf8/page$n" "$SEEDS/fuzz_clean/page$n"
    { printf '\000'; cat "$SEEDS/fuzz_utf8/page$n"; } >"$SEEDS/fuzz_segment/page$n"
  done
  # fuzz_html: the body of real pages (the last 32 KiB: article text, comments, footers).
  html_pages=("$DATA"/aeb/html/*.html.gz)
  for f in "${html_pages[@]:0:24}"; do
    n=$((n + 1))
    { zcat "$f" || true; } | tail -c 32768 >"$SEEDS/fuzz_html/page$n" || true
  done
  # Multi-document seeds: the three seed articles (one event, three outlets), and a DUC cluster.
  join_rs() { local first=1; for f in "$@"; do [ $first = 1 ] || printf '\036'; first=0; cat "$f"; done; }
  join_rs "${articles[@]}" >"$SEEDS/fuzz_clean/seeds_joined"
  { printf '\030\003\000'; join_rs "${articles[@]}"; } >"$SEEDS/fuzz_pipeline/seeds_joined"
  { printf '\005\002\000'; join_rs "${duc[@]:0:3}"; } >"$SEEDS/fuzz_pipeline/duc_joined"
  "$BIN/precis_fuzz_seed" "$SEEDS/fuzz_json_api/seeds.json" --words 100 "${articles[@]}"
  "$BIN/precis_fuzz_seed" "$SEEDS/fuzz_json_api/duc.json" --sentences 3 "${duc[@]:0:3}"
else
  echo "fuzz: no evaluation data at $DATA; using only tests/fuzz/corpus" >&2
fi

# ---- run ----
failed=0
summary=()
for t in $TARGETS; do
  short=${t#fuzz_}
  corpus="$BUILD/corpus/$t"
  artifacts="$BUILD/artifacts/$t"
  log="$LOGS/$t.log"
  mkdir -p "$corpus" "$artifacts" "$LOGS"
  args=(-max_total_time="$SECONDS_PER_TARGET" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1
        -artifact_prefix="$artifacts/")
  # Inputs up to 8 KiB: large enough for several short articles, small enough for speed (the
  # robustness unit tests cover megabyte inputs).
  # HTML pages get 32 KiB: a page's article needs its surrounding markup to be found.
  if [ "$t" = fuzz_html ]; then args+=(-max_len=32768 -dict="$ROOT/tests/fuzz/html.dict"); else args+=(-max_len=8192); fi
  [ "$t" = fuzz_json_api ] && args+=(-dict="$ROOT/tests/fuzz/json.dict")
  seed_dirs=("$SEEDS/$t")
  [ -d "$ROOT/tests/fuzz/corpus/$short" ] && seed_dirs+=("$ROOT/tests/fuzz/corpus/$short")
  echo "== fuzz: $t for ${SECONDS_PER_TARGET}s (log: ${log#"$ROOT"/})"
  rc=0
  "$BIN/$t" "${args[@]}" "$corpus" "${seed_dirs[@]}" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  [ -n "$execs" ] || execs=$({ grep -o '^#[0-9]*' "$log" || true; } | tail -1 | tr -d '#')
  if [ "$rc" -ne 0 ]; then
    failed=1
    echo "FAIL $t (exit $rc): see $log and $artifacts/" >&2
    grep -E 'ERROR|invariant violated|SUMMARY|Test unit written' "$log" | head -8 >&2 || true
    summary+=("$(printf '%-15s %12s execs  CRASH (exit %s)' "$t" "${execs:-?}" "$rc")")
  else
    summary+=("$(printf '%-15s %12s execs  ok' "$t" "${execs:-?}")")
  fi
done

echo "== fuzz summary (${SECONDS_PER_TARGET}s per target)"
printf '%s\n' "${summary[@]}"
exit $failed
