#!/usr/bin/env bash
# Build the WebAssembly dependencies of Précis and cache them outside the clone:
#   lib/libicuuc.a    ICU 72.1 "common" (break iteration, normalization, case folding live there;
#                     i18n is not needed)
#   lib/libicudata.a  a FILTERED ICU data library (~210 KB instead of ~30 MB)
#   lib/libstemmer.a  Snowball 2.2.0: the UTF-8 stemmers of SNOWBALL_LANGUAGES, and the ISO-8859-1
#                     ones of SNOWBALL_LATIN1_LANGUAGES (core/text/stemmer.cpp stems ASCII words
#                     with those: same stems, no UTF-8 decoding)
#   include/          ICU common headers + libstemmer.h
#   precis-wasm-deps.cmake   IMPORTED targets precis_wasm::{icuuc,icudata,stemmer}
#
# Usage: scripts/build-wasm-deps.sh
#   env: ICU_OPT=-Oz, SNOWBALL_OPT="-O2 -flto", PRECIS_CACHE=~/.cache/precis, JOBS=nproc
# The LAST (and only) line on stdout is the absolute prefix, so callers can do
#   PRECIS_WASM_DEPS=$(scripts/build-wasm-deps.sh)
# Everything else goes to stderr or to log files. A complete prefix is reused at once.
#
# Cache layout (in PRECIS_CACHE): ICU and Snowball are built into parts of their own, each keyed
# on what goes into it, and the prefix is assembled from copies of the two:
#   wasm-icu72.1-<key>/                           ICU libraries + headers   (minutes to build)
#   wasm-snowball2.2.0-<key>/                     libstemmer.a + header     (seconds)
#   wasm-deps-icu72.1-snowball2.2.0-<key>/        the prefix (key: both part keys + assembly)
# So changing Snowball's flags or stemmer lists rebuilds Snowball only, not ICU. A part or prefix
# is published (renamed into place, then reused) only after the smoke test of the assembled
# prefix passed.
#
# Why it is built this way (see shared/notes/toolchain.md):
# - Debian's Emscripten 3.1.6 has a frozen cache, so -sUSE_ICU cannot be used, and emsdk cannot
#   download anything here: we build from Debian *source* packages with Debian's emcc.
# - ICU's autoconf cross-build packages data as ELF assembly that wasm cannot use, and the source
#   tarball has only the prebuilt icudt72l.dat (no data sources, so no ICU_DATA_FILTER_FILE).
#   So we compile common/sources.txt directly and cut the data down with the host's icupkg +
#   genccode (icu-devtools, same ICU version, so the data format matches).
# shellcheck disable=SC2317  # the step functions are called indirectly, through step()
set -euo pipefail
exec 3>&1 1>&2            # fd 3 = the real stdout, reserved for the final prefix line

ICU_VERSION=72.1
SNOWBALL_VERSION=2.2.0
EMSCRIPTEN_VERSION=3.1.6
# Bump the matching revision when a change to this script changes what it produces without
# changing the flags, lists or patches below (those are hashed into the cache keys anyway).
ICU_RECIPE_REV=2        # the ICU part
SNOWBALL_RECIPE_REV=1   # the Snowball part
RECIPE_REV=3            # the assembled prefix (precis-wasm-deps.cmake, smoke test)

# ICU at -Oz (size): it is most of the wasm module. Snowball at -O2: stemming was ~11% of a wasm
# request's time on the DUC news clusters; -O2 makes a request ~1.5% faster, and its code is even
# a little smaller than at -Oz (the module 2 KB smaller gzip'd). -O3 gained nothing more. -flto:
# the stemmers are LLVM bitcode, optimized with the core when the module links (its among
# searches and grouping tests inline into the stemmers): DUC clusters 1 to 3% faster in Node, for
# 0.8 KB more gzip'd.
ICU_OPT=${ICU_OPT:--Oz}
SNOWBALL_OPT=${SNOWBALL_OPT:--O2 -flto}
JOBS=${JOBS:-$(nproc)}
# RTTI must stay on: ICU uses typeid/dynamic_cast. No -pthread: libraries built without atomics
# cannot be linked into a threaded module, and the app stays single-threaded (Web Worker instead).
ICU_CFLAGS="$ICU_OPT -DNDEBUG"
ICU_CXXFLAGS="$ICU_OPT -DNDEBUG -frtti"
SNOWBALL_CFLAGS="$SNOWBALL_OPT -DNDEBUG"
# Definitions ICU is compiled with AND that consumers must see, so both sides agree on
# uconfig.h/platform.h (export macros, no file I/O, no plugin loading, no service registration:
# BreakIterator::registerInstance and ICU's locale service framework are never used, and
# without them ~17 KB of wasm go). They are exported as INTERFACE_COMPILE_DEFINITIONS of
# precis_wasm::icuuc.
ICU_PUBLIC_DEFS="U_STATIC_IMPLEMENTATION U_ENABLE_DYLOAD=0 U_HAVE_STRTOD_L=0 UCONFIG_NO_FILE_IO=1 UCONFIG_NO_SERVICE=1"
# Definitions only ICU's own sources see: switches of our patches (below).
ICU_PRIVATE_DEFS="PRECIS_NO_DICTIONARY_BREAK_ENGINES=1"
# Patches applied to Debian's ICU source (patch -p1 in the unpacked tree), in this order; their
# contents are part of the cache key. See the header of each file for what and why.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ICU_PATCHES="$ROOT/scripts/patches/icu-72.1-no-dictionary-break-engines.patch"

# ICU data items kept (names as listed by `icupkg -l icudt72l.dat`). This is the "std" list:
# - sentence + word breaking for root/en, NFKC_Casefold (the one normalization the core uses:
#   Segmenter::fold; nfkc_cf.nrm is self-contained, NFC/NFD and plain case folding use tables
#   compiled into libicuuc);
# - break rules / @ss=standard suppression lists for de es fr it pt ru, fi/sv word rules,
#   Greek sentence rules (other languages fall back to root).
# No CJK (2 MB) / Thai (126 KB) / other SE-Asian dictionaries, no LSTM models, and so no
# brkitr/ja.res either (its word list only serves the CJK dictionary engine; ja has no word or
# sentence rules of its own). The dictionary engines are patched out of the code (see
# ICU_PATCHES): without data they could never run.
ICU_DATA_ITEMS="brkitr/res_index.res
brkitr/root.res
brkitr/en.res
brkitr/word.brk
brkitr/sent.brk
nfkc_cf.nrm
brkitr/de.res
brkitr/es.res
brkitr/fr.res
brkitr/it.res
brkitr/pt.res
brkitr/ru.res
brkitr/fi.res
brkitr/sv.res
brkitr/word_fi_sv.brk
brkitr/el.res
brkitr/sent_el.brk"

# Snowball stemmers linked into wasm. Every stemmer listed in modules.txt is linked (its table
# references them all), and Serbian, Greek, Catalan, Basque... carry large tables: keeping the
# widely used ones saves ~190 KB of wasm. Must match kSnowball in core/text/language.cpp, so that
# native and wasm builds stem the same languages.
SNOWBALL_LANGUAGES="arabic danish dutch english finnish french german hungarian indonesian italian
norwegian porter portuguese romanian russian spanish swedish turkish"
# Of those, the ones also linked as ISO-8859-1 stemmers (core/text/stemmer.cpp uses one, when
# libstemmer has it, for words of ASCII letters: the same algorithm, the same stems, without
# UTF-8 decoding). English only: it makes a wasm request on the DUC news clusters ~1.5% faster
# (on top of -O2) for 2 KB gzip'd; the other twelve that Snowball offers in ISO-8859-1 would add
# ~9 KB gzip'd to every download for a gain only on requests in their language. Each must be in
# SNOWBALL_LANGUAGES.
SNOWBALL_LATIN1_LANGUAGES="english"

# The keys cover everything that changes the output; they are computed from constants and the
# patch files in the clone only, so the cache hit below needs no tool, network or package manager.
key() { sha256sum | cut -c1-10; }
ICU_KEY=$( { printf '%s\n' "rev=$ICU_RECIPE_REV" "emscripten=$EMSCRIPTEN_VERSION" "cflags=$ICU_CFLAGS" \
        "cxxflags=$ICU_CXXFLAGS" "defs=$ICU_PUBLIC_DEFS" "private-defs=$ICU_PRIVATE_DEFS" "$ICU_DATA_ITEMS";
        for p in $ICU_PATCHES; do basename "$p"; sha256sum < "$p"; done; } | key)
SNOWBALL_KEY=$(printf '%s\n' "rev=$SNOWBALL_RECIPE_REV" "emscripten=$EMSCRIPTEN_VERSION" "cflags=$SNOWBALL_CFLAGS" \
        "stemmers=$SNOWBALL_LANGUAGES" "latin1=$SNOWBALL_LATIN1_LANGUAGES" | key)
KEY=$(printf '%s\n' "rev=$RECIPE_REV" "icu=$ICU_KEY" "snowball=$SNOWBALL_KEY" | key)
CACHE_ROOT=${PRECIS_CACHE:-${HOME:?HOME is unset: set PRECIS_CACHE}/.cache/precis}
mkdir -p "$CACHE_ROOT"
CACHE_ROOT=$(cd "$CACHE_ROOT" && pwd -P)
ICU_PART=$CACHE_ROOT/wasm-icu$ICU_VERSION-$ICU_KEY
SB_PART=$CACHE_ROOT/wasm-snowball$SNOWBALL_VERSION-$SNOWBALL_KEY
PREFIX=$CACHE_ROOT/wasm-deps-icu$ICU_VERSION-snowball$SNOWBALL_VERSION-$KEY
STAMP=$PREFIX/.complete

finish() { echo "$PREFIX" >&3; exit 0; }
[ -f "$STAMP" ] && finish

# Serialize concurrent runs (e.g. two CI jobs on one machine); the winner builds, the others
# find the stamp after waiting.
exec 9>"$CACHE_ROOT/.build.lock"
if ! flock -n 9; then echo "another build is running; waiting for $CACHE_ROOT/.build.lock ..."; flock 9; fi
[ -f "$STAMP" ] && finish
# A prefix or part without stamp is never produced by the atomic moves below; remove leftovers.
rm -rf "$PREFIX"
BUILD_ICU=0; [ -f "$ICU_PART/.complete" ] || { BUILD_ICU=1; rm -rf "$ICU_PART"; }
BUILD_SB=0;  [ -f "$SB_PART/.complete" ]  || { BUILD_SB=1;  rm -rf "$SB_PART"; }

T_START=$(date +%s.%N)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/precis-wasm-deps.XXXXXX")
# Staging lives in the cache root so that the final `mv`s are same-filesystem renames (atomic).
# A part to build is made in its own staging dir; ICU_DIR/SB_DIR is where each part is read from.
STAGE=$(mktemp -d "$CACHE_ROOT/.staging.XXXXXX")
ICU_DIR=$ICU_PART; [ "$BUILD_ICU" = 1 ] && ICU_DIR=$(mktemp -d "$CACHE_ROOT/.staging-icu.XXXXXX")
SB_DIR=$SB_PART;   [ "$BUILD_SB" = 1 ]  && SB_DIR=$(mktemp -d "$CACHE_ROOT/.staging-snowball.XXXXXX")
echo "ICU part:      $ICU_PART $([ "$BUILD_ICU" = 1 ] && echo '(to build)' || echo '(cached)')"
echo "Snowball part: $SB_PART $([ "$BUILD_SB" = 1 ] && echo '(to build)' || echo '(cached)')"
LOGS=$WORK/logs; mkdir -p "$LOGS"
OK=0
cleanup() {
  rm -rf "$STAGE"
  # Parts built by this run (on success they were renamed into place already).
  if [ "$BUILD_ICU" = 1 ]; then rm -rf "$ICU_DIR"; fi
  if [ "$BUILD_SB" = 1 ]; then rm -rf "$SB_DIR"; fi
  if [ "$OK" = 1 ]; then rm -rf "$WORK"
  else echo "build-wasm-deps: FAILED; work dir kept for inspection: $WORK (logs in $LOGS)"; fi
}
trap cleanup EXIT

TIMINGS=()
# step LABEL LOGNAME CMD...: run CMD (in a subshell) with its output in a log; on failure show
# the log's tail and stop.
step() {
  [ $# -ge 3 ] || { echo "step: usage: step LABEL LOGNAME CMD..."; exit 2; }
  local label=$1 log=$LOGS/$2.log; shift 2
  local t0 rc; t0=$(date +%s.%N)
  echo "==> $label"
  # Not `if ! "$@"`: bash ignores `set -e` inside functions called from a condition, so a
  # failing command in the middle of a step would go unnoticed. A plain subshell keeps -e.
  set +e; ( set -e; "$@" ) >"$log" 2>&1; rc=$?; set -e
  if [ "$rc" != 0 ]; then
    echo "!!! $label failed (exit $rc); last lines of $log:"; tail -n 40 "$log"; exit 1
  fi
  local dt; dt=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%6.1f", b-a}')
  TIMINGS+=("$dt s  $label"); echo "    done in $dt s"
}

# ---- 1. tools and Debian sources --------------------------------------------------------------
export PATH=$PATH:/usr/sbin        # icupkg/genccode live in /usr/sbin; not on every user's PATH
have() { command -v "$1" >/dev/null 2>&1; }
need=()
have emcc   || need+=(emscripten)
have cmake  || need+=(cmake)
have make   || need+=(make)
# The Snowball compiler is built and run natively to generate the C stemmers.
{ have cc && [ -f /usr/include/stdio.h ]; } || need+=(gcc libc6-dev)
have dpkg-source || need+=(dpkg-dev)       # unpacks the source and applies Debian's patches
have patch  || need+=(patch)               # our ICU patches (dpkg-dev depends on it anyway)
have xz     || need+=(xz-utils)
{ have icupkg && have genccode; } || need+=(icu-devtools)
have node   || need+=(nodejs)

# `apt-get source` needs a deb-src entry (ensure-deb-src.sh adds one for the archive in use).
ensure_deb_src() { bash "$ROOT/scripts/ensure-deb-src.sh"; }
if [ "$(id -u)" = 0 ]; then
  step "configure deb-src" deb-src ensure_deb_src
  step "apt-get update" apt-update apt-get update
  if [ ${#need[@]} -gt 0 ]; then
    step "apt-get install ${need[*]}" apt-install \
      env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
  fi
elif [ ${#need[@]} -gt 0 ]; then
  echo "not root: install ${need[*]} (and a deb-src entry for bookworm main) first"; exit 1
fi
export NODE_PATH=/usr/share/nodejs   # Debian's emcc otherwise fails: "Cannot find module 'acorn'"
emcc --version | head -n1 | grep -qF " $EMSCRIPTEN_VERSION " ||
  { echo "expected Emscripten $EMSCRIPTEN_VERSION, got: $(emcc --version | head -n1)"; exit 1; }
dpkg-query -W -f='${Version}' icu-devtools | grep -q "^$ICU_VERSION" ||
  { echo "icu-devtools is not ICU $ICU_VERSION: its icupkg/genccode must match the data format"; exit 1; }

mkdir -p "$WORK/src"
# fetch_source PACKAGE VERSION: download and unpack Debian's source of PACKAGE (which must be
# VERSION) into $WORK/src/PACKAGE; its full Debian version goes to $WORK/src/PACKAGE.version.
fetch_source() {
  local pkg=$1 version=$2 dsc
  cd "$WORK/src"      # (steps run in a subshell: the cd does not leak)
  apt-get source --download-only "$pkg"
  if ! dsc=$(ls "${pkg}_$version"-*.dsc); then
    echo "bookworm does not provide $pkg $version sources:"; ls; return 1
  fi
  # dpkg-source applies Debian's patches (e.g. the ICU-22198 fix in common/uresbund.cpp), so
  # the wasm ICU matches the native libicu72 of the same revision.
  dpkg-source -x "$dsc" "$pkg"
  echo "$pkg ${dsc#"${pkg}_"}" | sed 's/\.dsc$//' > "$pkg.version"
  if [ "$pkg" = icu ]; then
    local p
    for p in $ICU_PATCHES; do echo "applying $(basename "$p")"; patch -d icu -p1 --forward < "$p"; done
  fi
}
if [ "$BUILD_ICU" = 1 ]; then step "fetch + unpack Debian source: icu" fetch-icu fetch_source icu "$ICU_VERSION"; fi
if [ "$BUILD_SB" = 1 ]; then step "fetch + unpack Debian source: snowball" fetch-snowball fetch_source snowball "$SNOWBALL_VERSION"; fi
ICU_SRC=$WORK/src/icu/source
SB_SRC=$WORK/src/snowball

# ---- 2. ICU part: one small CMake project for libicuuc.a + libicudata.a -------------------------
build_icu_part() {
  printf '%s\n' "$ICU_DATA_ITEMS" > "$WORK/icudata-items.txt"
  mkdir -p "$WORK/icu-proj"
  cat > "$WORK/icu-proj/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.13)
project(precis_wasm_icu C CXX)
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)

# ICU common, exactly the file list ICU's own build uses.
file(STRINGS "${ICU_SRC}/common/sources.txt" icu_srcs)
list(TRANSFORM icu_srcs PREPEND "${ICU_SRC}/common/")
add_library(icuuc STATIC ${icu_srcs})
target_include_directories(icuuc PRIVATE "${ICU_SRC}/common")
target_compile_definitions(icuuc PRIVATE U_COMMON_IMPLEMENTATION ${ICU_PRIVATE_DEFS} ${ICU_PUBLIC_DEFS})
target_compile_options(icuuc PRIVATE -Wno-deprecated-declarations)

# Filtered data: icupkg extracts the items and repacks them as a package named icudt72l (the
# ToC prefix ICU looks up); genccode names the C array after the input file, so the copy is
# called icudt72.dat to get the symbol icudt72_dat (= U_ICUDATA_ENTRY_POINT; its -e option
# does not affect the C output). --ignore-deps: root.res refers to every .brk/.dict.
find_program(ICUPKG icupkg PATHS /usr/sbin REQUIRED)
find_program(GENCCODE genccode PATHS /usr/sbin REQUIRED)
set(dd "${CMAKE_CURRENT_BINARY_DIR}/icudata")
add_custom_command(
  OUTPUT "${dd}/icudt72_dat.c" "${dd}/icudt72l.dat"
  COMMAND ${CMAKE_COMMAND} -E rm -rf "${dd}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${dd}/items"
  COMMAND ${ICUPKG} --ignore-deps -d "${dd}/items" -x "${ICU_DATA_LIST}" "${ICU_SRC}/data/in/icudt72l.dat"
  COMMAND ${ICUPKG} --ignore-deps -s "${dd}/items" -a "${ICU_DATA_LIST}" new "${dd}/icudt72l.dat"
  COMMAND ${CMAKE_COMMAND} -E copy "${dd}/icudt72l.dat" "${dd}/icudt72.dat"
  COMMAND ${GENCCODE} -q -d "${dd}" "${dd}/icudt72.dat"
  DEPENDS "${ICU_DATA_LIST}"
  VERBATIM)
add_library(icudata STATIC "${dd}/icudt72_dat.c")
target_include_directories(icudata PRIVATE "${ICU_SRC}/common")
EOF
  configure_icu() {
    emcmake cmake -S "$WORK/icu-proj" -B "$WORK/icu-build" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_FLAGS_RELEASE="$ICU_CFLAGS" -DCMAKE_CXX_FLAGS_RELEASE="$ICU_CXXFLAGS" \
      -DICU_SRC="$ICU_SRC" -DICU_DATA_LIST="$WORK/icudata-items.txt" \
      -DICU_PUBLIC_DEFS="${ICU_PUBLIC_DEFS// /;}" -DICU_PRIVATE_DEFS="${ICU_PRIVATE_DEFS// /;}"
  }
  step "icu: cmake configure (emcmake)" icu-configure configure_icu
  step "icu: emcc libicudata.a" icu-build-data cmake --build "$WORK/icu-build" -j "$JOBS" --target icudata
  step "icu: emcc libicuuc.a ($ICU_OPT, -j$JOBS)" icu-build-uc cmake --build "$WORK/icu-build" -j "$JOBS" --target icuuc
  fill_icu_part() {
    mkdir -p "$ICU_DIR/include/unicode" "$ICU_DIR/lib" "$ICU_DIR/share/licenses"
    cp "$ICU_SRC"/common/unicode/*.h "$ICU_DIR/include/unicode/"
    cp "$WORK/icu-build/libicuuc.a" "$WORK/icu-build/libicudata.a" "$ICU_DIR/lib/"
    # The wasm bundle ships these libraries, so their licences travel with them.
    cp "$WORK/src/icu/LICENSE" "$ICU_DIR/share/licenses/ICU-LICENSE"
    {
      echo "ICU part, key $ICU_KEY, built $(date -u +%Y-%m-%dT%H:%M:%SZ)"
      echo "  debian source package: $(cat "$WORK/src/icu.version")"
      echo "  emcc: $(emcc --version | head -n1)"
      echo "  CFLAGS: $ICU_CFLAGS"; echo "  CXXFLAGS: $ICU_CXXFLAGS"
      echo "  definitions (public): $ICU_PUBLIC_DEFS"
      echo "  definitions (private): $ICU_PRIVATE_DEFS"
      echo "  patches:"; for p in $ICU_PATCHES; do echo "    $(basename "$p") sha256 $(sha256sum < "$p" | cut -c1-64)"; done
      echo "  data items:"; sed 's/^/    /' "$WORK/icudata-items.txt"
    } > "$ICU_DIR/build-info.txt"
  }
  step "icu: fill the part" icu-part fill_icu_part
}
if [ "$BUILD_ICU" = 1 ]; then build_icu_part; fi

# ---- 3. Snowball part: generate the C stemmers natively, compile them with emcc ----------------
# The tarball holds only the .sbl algorithms; the native snowball compiler turns them into
# src_c/*.c. First cut modules.txt down to what we link and make the generated module list from
# it (mkinc.mak, modules.h: every encoding left in modules.txt, which is why we cannot use the
# UTF-8-only mkinc_utf8.mak / libstemmer_utf8.c), then only the sources it names (no native
# compile of the library itself).
gen_snowball() {
  # A line of modules.txt is "name ENCODINGS aliases". Keep comments and the listed algorithms,
  # each in UTF_8, plus ISO_8859_1 for the latin1 ones (never ISO_8859_2 or KOI8_R).
  local keep=" ${SNOWBALL_LANGUAGES//$'\n'/ } " latin1=" ${SNOWBALL_LATIN1_LANGUAGES//$'\n'/ } " l
  for l in $SNOWBALL_LATIN1_LANGUAGES; do
    case "$keep" in *" $l "*) ;; *) echo "SNOWBALL_LATIN1_LANGUAGES: $l is not in SNOWBALL_LANGUAGES"; return 1;; esac
  done
  awk -v keep="$keep" -v latin1="$latin1" '
    /^#/ || NF == 0 { print; next }
    !index(keep, " " $1 " ") { next }
    { enc = "UTF_8"
      if (index(latin1, " " $1 " ")) {
        if (!index("," $2 ",", ",ISO_8859_1,")) { print "snowball has no ISO_8859_1 " $1 > "/dev/stderr"; exit 1 }
        enc = enc ",ISO_8859_1"
      }
      print $1 "\t" enc "\t" $3 }' \
    "$SB_SRC/libstemmer/modules.txt" > "$SB_SRC/libstemmer/modules.txt.new"
  mv "$SB_SRC/libstemmer/modules.txt.new" "$SB_SRC/libstemmer/modules.txt"
  cat "$SB_SRC/libstemmer/modules.txt"
  # (modules.h and mkinc.mak come from one mkmodules.pl run: ask for one of them only, so that a
  # parallel make does not run it twice at once.)
  make -C "$SB_SRC" -j"$JOBS" libstemmer/modules.h libstemmer/libstemmer.c
  # shellcheck disable=SC2046  # one make target per listed file
  make -C "$SB_SRC" -j"$JOBS" $(sed -n 's|^ *\(src_c/[^ ]*\.[ch]\).*|\1|p' "$SB_SRC/libstemmer/mkinc.mak")
  # Plain list of the library's C files for CMake (file(STRINGS) would glue the make
  # continuation lines together: a trailing backslash escapes CMake's list separator).
  sed -n 's|^ *\([^ ]*\.c\).*|\1|p' "$SB_SRC/libstemmer/mkinc.mak" > "$WORK/snowball-sources.txt"
  cat "$WORK/snowball-sources.txt"
  grep -q '^libstemmer/libstemmer.c$' "$WORK/snowball-sources.txt"
  grep -q '^runtime/api.c$' "$WORK/snowball-sources.txt"
}
build_snowball_part() {
  step "snowball: native compiler + generated C stemmers" snowball-gen gen_snowball
  mkdir -p "$WORK/snowball-proj"
  cat > "$WORK/snowball-proj/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.13)
project(precis_wasm_snowball C)
# The stemmers + runtime + libstemmer front end, as listed by the generated mkinc.mak (paths
# relative to the snowball tree; its #includes are relative, no -I needed).
file(STRINGS "${SB_SOURCES}" sb_srcs)
list(TRANSFORM sb_srcs PREPEND "${SB_SRC}/")
add_library(stemmer STATIC ${sb_srcs})
EOF
  configure_snowball() {
    emcmake cmake -S "$WORK/snowball-proj" -B "$WORK/snowball-build" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_FLAGS_RELEASE="$SNOWBALL_CFLAGS" -DSB_SRC="$SB_SRC" -DSB_SOURCES="$WORK/snowball-sources.txt"
  }
  step "snowball: cmake configure (emcmake)" snowball-configure configure_snowball
  step "snowball: emcc libstemmer.a ($SNOWBALL_OPT)" snowball-build cmake --build "$WORK/snowball-build" -j "$JOBS" --target stemmer
  fill_snowball_part() {
    mkdir -p "$SB_DIR/include" "$SB_DIR/lib" "$SB_DIR/share/licenses"
    cp "$SB_SRC/include/libstemmer.h" "$SB_DIR/include/"
    cp "$WORK/snowball-build/libstemmer.a" "$SB_DIR/lib/"
    cp "$SB_SRC/COPYING" "$SB_DIR/share/licenses/snowball-COPYING"
    local mk=$SB_SRC/libstemmer/mkinc.mak
    {
      echo "Snowball part, key $SNOWBALL_KEY, built $(date -u +%Y-%m-%dT%H:%M:%SZ)"
      echo "  debian source package: $(cat "$WORK/src/snowball.version")"
      echo "  emcc: $(emcc --version | head -n1)"
      echo "  CFLAGS: $SNOWBALL_CFLAGS"
      echo "  stemmers (UTF-8): $(sed -n 's|^ *src_c/stem_UTF_8_\(.*\)\.c.*|\1|p' "$mk" | tr '\n' ' ')"
      echo "  stemmers (ISO-8859-1): $(sed -n 's|^ *src_c/stem_ISO_8859_1_\(.*\)\.c.*|\1|p' "$mk" | tr '\n' ' ')"
    } > "$SB_DIR/build-info.txt"
  }
  step "snowball: fill the part" snowball-part fill_snowball_part
}
if [ "$BUILD_SB" = 1 ]; then build_snowball_part; fi

# ---- 4. assemble the prefix (in staging) from copies of the two parts ---------------------------
assemble() {
  mkdir -p "$STAGE/include" "$STAGE/lib" "$STAGE/share/licenses"
  cp -R "$ICU_DIR/include/." "$SB_DIR/include/." "$STAGE/include/"
  cp "$ICU_DIR"/lib/*.a "$SB_DIR"/lib/*.a "$STAGE/lib/"
  cp "$ICU_DIR"/share/licenses/* "$SB_DIR"/share/licenses/* "$STAGE/share/licenses/"
  cat > "$STAGE/precis-wasm-deps.cmake" <<EOF
# Generated by scripts/build-wasm-deps.sh: static WebAssembly libraries for Emscripten $EMSCRIPTEN_VERSION.
# Use:  include(\${PRECIS_WASM_DEPS}/precis-wasm-deps.cmake)
#       target_link_libraries(app PRIVATE precis_wasm::icuuc precis_wasm::stemmer)
# precis_wasm::icuuc brings the filtered data (precis_wasm::icudata) and the definitions ICU was
# built with. Paths are relative to this file, so the prefix can be moved.
if(NOT EMSCRIPTEN)
  message(FATAL_ERROR "precis-wasm-deps: these are wasm libraries; include this file only in an Emscripten build")
endif()
set(PRECIS_WASM_DEPS_ICU_VERSION $ICU_VERSION)
set(PRECIS_WASM_DEPS_SNOWBALL_VERSION $SNOWBALL_VERSION)
set(PRECIS_WASM_DEPS_ICU_DEFINITIONS $ICU_PUBLIC_DEFS)
get_filename_component(_precis_wasm_deps "\${CMAKE_CURRENT_LIST_DIR}" ABSOLUTE)

if(NOT TARGET precis_wasm::icudata)
  add_library(precis_wasm::icudata STATIC IMPORTED)
  set_target_properties(precis_wasm::icudata PROPERTIES
    IMPORTED_LOCATION "\${_precis_wasm_deps}/lib/libicudata.a")
endif()
if(NOT TARGET precis_wasm::icuuc)
  add_library(precis_wasm::icuuc STATIC IMPORTED)
  set_target_properties(precis_wasm::icuuc PROPERTIES
    IMPORTED_LOCATION "\${_precis_wasm_deps}/lib/libicuuc.a"
    IMPORTED_LINK_INTERFACE_LANGUAGES CXX
    INTERFACE_INCLUDE_DIRECTORIES "\${_precis_wasm_deps}/include"
    INTERFACE_COMPILE_DEFINITIONS "\${PRECIS_WASM_DEPS_ICU_DEFINITIONS}"
    # libicuuc references the data entry point icudt72_dat, so the data must follow it.
    INTERFACE_LINK_LIBRARIES precis_wasm::icudata)
endif()
if(NOT TARGET precis_wasm::stemmer)
  add_library(precis_wasm::stemmer STATIC IMPORTED)
  set_target_properties(precis_wasm::stemmer PROPERTIES
    IMPORTED_LOCATION "\${_precis_wasm_deps}/lib/libstemmer.a"
    IMPORTED_LINK_INTERFACE_LANGUAGES C
    INTERFACE_INCLUDE_DIRECTORIES "\${_precis_wasm_deps}/include")
endif()
unset(_precis_wasm_deps)
EOF
  {
    echo "# precis wasm deps, key $KEY, assembled $(date -u +%Y-%m-%dT%H:%M:%SZ) by scripts/build-wasm-deps.sh"
    echo "# from $(basename "$ICU_PART") and $(basename "$SB_PART") (in $CACHE_ROOT)"
    cat "$ICU_DIR/build-info.txt" "$SB_DIR/build-info.txt"
  } > "$STAGE/build-info.txt"
}
step "assemble prefix" assemble assemble

# ---- 5. smoke test: a consumer that goes through precis-wasm-deps.cmake -------------------------
mkdir -p "$WORK/smoke"
cat > "$WORK/smoke/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.13)
project(smoke CXX)
include("${PRECIS_WASM_DEPS}/precis-wasm-deps.cmake")
add_executable(smoke smoke.cpp)
target_link_libraries(smoke PRIVATE precis_wasm::icuuc precis_wasm::stemmer)
EOF
cat > "$WORK/smoke/smoke.cpp" <<'EOF'
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <libstemmer.h>
#include <cstdio>
#include <memory>
#include <string>

static std::string u8(const icu::UnicodeString& s) { std::string o; s.toUTF8String(o); return o; }

int main() {
  UErrorCode ec = U_ZERO_ERROR;
  // "@ss=standard" turns on ICU's abbreviation suppressions, without it "Mr." ends a sentence.
  icu::UnicodeString text = icu::UnicodeString::fromUTF8("Mr. Smith went to Washington. He arrived.");
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), ec));
  if (U_FAILURE(ec)) { printf("sentence iterator: %s\n", u_errorName(ec)); return 1; }
  bi->setText(text);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next())
    printf("sentence: [%s]\n", u8(text.tempSubStringBetween(start, end)).c_str());

  const icu::Normalizer2* nf = icu::Normalizer2::getNFKCCasefoldInstance(ec);
  if (U_FAILURE(ec)) { printf("NFKC_Casefold: %s\n", u_errorName(ec)); return 1; }
  icu::UnicodeString n = nf->normalize(icu::UnicodeString::fromUTF8("\uFF37\uFF41\uFF53\uFF48 Stra\u00DFe \uFB01nance"), ec);
  if (U_FAILURE(ec)) { printf("normalize: %s\n", u_errorName(ec)); return 1; }
  printf("nfkc_cf: [%s]\n", u8(n).c_str());

  // Dictionary scripts (Han, Hiragana, Katakana, Thai...): with no dictionary data a run of them
  // stays one word, as unpatched ICU does without data (the engines are patched out).
  icu::UnicodeString w = icu::UnicodeString::fromUTF8("東京の天気は晴れです。ภาษาไทย ok 42");
  std::unique_ptr<icu::BreakIterator> wi(icu::BreakIterator::createWordInstance(icu::Locale("ja"), ec));
  if (U_FAILURE(ec)) { printf("word iterator: %s\n", u_errorName(ec)); return 1; }
  wi->setText(w);
  std::string words;
  start = wi->first();
  for (int32_t end = wi->next(); end != icu::BreakIterator::DONE; start = end, end = wi->next())
    words += "[" + u8(w.tempSubStringBetween(start, end)) + "]" + std::to_string(wi->getRuleStatus());
  printf("words: %s\n", words.c_str());

  sb_stemmer* st = sb_stemmer_new("english", "UTF_8");
  if (!st) { printf("no english stemmer\n"); return 1; }
  const sb_symbol* s = sb_stemmer_stem(st, reinterpret_cast<const sb_symbol*>("running"), 7);
  printf("stem: [%.*s]\n", sb_stemmer_length(st), reinterpret_cast<const char*>(s));
  sb_stemmer_delete(st);
  int count = 0;
  for (const char** l = sb_stemmer_list(); *l; ++l) {
    ++count;
    // An ISO-8859-1 stemmer must stem ASCII words as the UTF-8 one does (core/text/stemmer.cpp
    // relies on it).
    sb_stemmer* a = sb_stemmer_new(*l, "ISO_8859_1");
    if (!a) continue;
    sb_stemmer* u = sb_stemmer_new(*l, "UTF_8");
    for (const char* word : {"running", "nationalities", "generously", "connections", "ponies"}) {
      const auto* in = reinterpret_cast<const sb_symbol*>(word);
      const int len = static_cast<int>(std::string(word).size());
      const std::string su(reinterpret_cast<const char*>(sb_stemmer_stem(u, in, len)), sb_stemmer_length(u));
      const std::string sa(reinterpret_cast<const char*>(sb_stemmer_stem(a, in, len)), sb_stemmer_length(a));
      if (su != sa) { printf("%s: %s -> %s (UTF-8) but %s (ISO-8859-1)\n", *l, word, su.c_str(), sa.c_str()); return 1; }
    }
    sb_stemmer_delete(u);
    sb_stemmer_delete(a);
    printf("stemmer (ISO-8859-1): %s\n", *l);
  }
  printf("stemmers: %d\n", count);
  return 0;
}
EOF
cat > "$WORK/smoke/expected.txt" <<'EOF'
sentence: [Mr. Smith went to Washington. ]
sentence: [He arrived.]
nfkc_cf: [wash strasse finance]
words: [東京の天気は晴れです]400[。]0[ภาษาไทย]200[ ]0[ok]200[ ]0[42]100
stem: [run]
EOF
SMOKE_JS=$WORK/smoke/build/smoke.js
smoke_build() {
  emcmake cmake -S "$WORK/smoke" -B "$WORK/smoke/build" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="$ICU_CXXFLAGS" -DPRECIS_WASM_DEPS="$STAGE"
  cmake --build "$WORK/smoke/build" -j "$JOBS"
}
smoke_run() {
  # Node >= 18 + this emcc's JS would fetch() the .wasm by file path and fail without the flag.
  node --no-experimental-fetch "$SMOKE_JS" > "$WORK/smoke/out.txt"
  cat "$WORK/smoke/out.txt"
  # The stemmers are checked against the lists the Snowball part recorded (from its generated
  # module list) rather than constants. sb_stemmer_list() is sorted.
  local info=$SB_DIR/build-info.txt
  {
    cat "$WORK/smoke/expected.txt"
    sed -n 's|^  stemmers (ISO-8859-1): ||p' "$info" | tr ' ' '\n' | sed '/^$/d' | LC_ALL=C sort |
      sed 's|^|stemmer (ISO-8859-1): |'
    echo "stemmers: $(sed -n 's|^  stemmers (UTF-8): ||p' "$info" | wc -w)"
  } | diff -u - "$WORK/smoke/out.txt"
}
step "smoke test: build via precis-wasm-deps.cmake" smoke-build smoke_build
step "smoke test: run under node and compare" smoke-run smoke_run
sed 's/^/    /' "$WORK/smoke/out.txt"

# ---- 6. publish ------------------------------------------------------------------------------------
echo "sizes:"
for f in "$STAGE"/lib/*.a "$SMOKE_JS" "${SMOKE_JS%.js}.wasm"; do
  printf '    %-16s %9d bytes  (gzip -9: %d)\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
# publish DIR DEST: mark DIR complete (written last) and rename it to DEST.
publish() {
  date -u +%Y-%m-%dT%H:%M:%SZ > "$1/.complete"
  chmod 755 "$1"                                        # mktemp made it 0700
  mv -T "$1" "$2"
}
if [ "$BUILD_ICU" = 1 ]; then publish "$ICU_DIR" "$ICU_PART"; fi
if [ "$BUILD_SB" = 1 ]; then publish "$SB_DIR" "$SB_PART"; fi
publish "$STAGE" "$PREFIX"
OK=1
echo "timings:"; printf '  %s\n' "${TIMINGS[@]}"
awk -v a="$T_START" -v b="$(date +%s.%N)" 'BEGIN{printf "  %6.1f s  total\n", b-a}'
finish
