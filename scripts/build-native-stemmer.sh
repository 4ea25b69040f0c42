#!/usr/bin/env bash
# Build Snowball's libstemmer for native builds from Debian's source package, link-time optimized,
# and cache it outside the clone:
#   include/libstemmer.h, lib/libstemmer.a (every algorithm and encoding of Debian's libstemmer0d)
#
# Why: Debian's libstemmer.so is compiled file by file, so every step of a stemmer calls the
# runtime's small helpers (among searches, grouping tests, slice edits) across files. Linked with
# link-time optimization, they inline into the stemmers: the same stems, faster. The English
# stemmer over the 1,812 distinct words of a DUC cluster: 1,788 -> 1,527 instructions a word, and
# 110-200 -> 77-100 ns a word (runs on these shared machines vary). Stemming is 13 to 19% of a
# native request on small inputs. The wasm build does the same (build-wasm-deps.sh).
# The objects hold both GCC's intermediate code and plain machine code (-ffat-lto-objects): a gcc
# link optimizes the stemmers together with the runtime they call (and only the library's
# interface stays visible to the program); any other linker (clang's, for the fuzzers) takes the
# plain code. (A link-time optimized relocatable object made here, once, with gcc -r was no faster
# than Debian's library: with every symbol kept visible, the helpers could not be inlined away.)
#
# Usage: scripts/build-native-stemmer.sh     (the LAST line on stdout is the prefix)
#   cmake ... -DPRECIS_STEMMER_DIR="$(bash scripts/build-native-stemmer.sh | tail -n 1)"
#   env: PRECIS_CACHE=~/.cache/precis, JOBS=nproc
# Without PRECIS_STEMMER_DIR, CMake links Debian's libstemmer.so: the same stems, slower.
set -euo pipefail
exec 3>&1 1>&2  # fd 3 = the real stdout, for the prefix line only

SNOWBALL_VERSION=2.2.0
RECIPE_REV=1  # bump when a change here changes what is built without changing the flags
CFLAGS="-O2 -flto=auto -ffat-lto-objects -fPIC -DNDEBUG"
JOBS=${JOBS:-$(nproc)}
KEY=$(printf '%s\n' "rev=$RECIPE_REV" "version=$SNOWBALL_VERSION" "cflags=$CFLAGS" "cc=$(cc --version | head -n1)" |
      sha256sum | cut -c1-10)
CACHE_ROOT=${PRECIS_CACHE:-${HOME:?HOME is unset: set PRECIS_CACHE}/.cache/precis}
PREFIX=$CACHE_ROOT/native-snowball$SNOWBALL_VERSION-$KEY

if [ -f "$PREFIX/lib/libstemmer.a" ] && [ -f "$PREFIX/include/libstemmer.h" ]; then
  echo "$PREFIX" >&3
  exit 0
fi

# Building: the Debian source package (a deb-src entry), the compiler, dpkg-source and the
# reference libstemmer the result is checked against.
have() { command -v "$1" >/dev/null 2>&1; }
need=()
{ have cc && [ -f /usr/include/stdio.h ]; } || need+=(gcc libc6-dev)
have make || need+=(make)
have dpkg-source || need+=(dpkg-dev)
[ -f /usr/include/libstemmer.h ] || need+=(libstemmer-dev)
if [ "$(id -u)" = 0 ]; then
  bash "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/ensure-deb-src.sh"
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
elif [ ${#need[@]} -gt 0 ]; then
  echo "not root: install ${need[*]} (and a deb-src entry for bookworm main) first"; exit 1
fi

mkdir -p "$CACHE_ROOT"
WORK=$(mktemp -d "$CACHE_ROOT/.work-native-snowball.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
echo "native snowball: fetching the Debian source package ($WORK)"
# (Their output goes to a log, shown on failure: apt's note that root downloads unsandboxed, and
# dpkg-source's that it has no keyring for the .dsc signature. apt checked the files against the
# signed archive index.)
if ! { apt-get source --download-only snowball && dsc=$(ls snowball_"$SNOWBALL_VERSION"-*.dsc) &&
       dpkg-source -x "$dsc" snowball; } > fetch.log 2>&1; then
  cat fetch.log
  echo "native snowball: could not fetch and unpack the snowball $SNOWBALL_VERSION source package"
  exit 1
fi
SRC=$WORK/snowball

# The tarball holds the .sbl algorithms only: build the snowball compiler, then the C stemmers
# that libstemmer/modules.txt lists (all of them, as Debian's library has), then the library's
# C files as the generated mkinc.mak names them.
echo "native snowball: generating the C stemmers"
make -C "$SRC" -j"$JOBS" snowball >/dev/null
make -C "$SRC" libstemmer/modules.h libstemmer/libstemmer.c >/dev/null
# shellcheck disable=SC2046  # one make target per listed file
make -C "$SRC" -j"$JOBS" $(sed -n 's|^ *\(src_c/[^ ]*\.[ch]\).*|\1|p' "$SRC/libstemmer/mkinc.mak") >/dev/null
mapfile -t sources < <(sed -n 's|^ *\([^ ]*\.c\).*|\1|p' "$SRC/libstemmer/mkinc.mak")
grep -qx 'libstemmer/libstemmer.c' < <(printf '%s\n' "${sources[@]}")

echo "native snowball: compiling ${#sources[@]} files ($CFLAGS)"
mkdir -p obj
# shellcheck disable=SC2086,SC2016  # CFLAGS is a list of flags; $1 and $2 are the inner shell's
printf '%s\n' "${sources[@]}" | xargs -P "$JOBS" -I{} sh -c 'cc '"$CFLAGS"' -c "$1/$2" -o "obj/$(echo "$2" | tr / _).o"' _ "$SRC" {}
rm -f libstemmer.a
gcc-ar rcs libstemmer.a obj/*.o

# Smoke test: the library stems as Debian's does.
cat > smoke.c <<'EOF'
#include <libstemmer.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  const char* cases[][3] = {{"english", "ISO_8859_1", "running"}, {"english", "UTF_8", "generously"},
                            {"german", "UTF_8", "häuser"}, {"greek", "UTF_8", "\xce\xb3\xce\xac\xce\xbb\xce\xb1"}};
  for (int i = 0; i < 4; ++i) {
    struct sb_stemmer* s = sb_stemmer_new(cases[i][0], cases[i][1]);
    if (!s) { printf("missing %s %s\n", cases[i][0], cases[i][1]); return 1; }
    const sb_symbol* out = sb_stemmer_stem(s, (const sb_symbol*)cases[i][2], (int)strlen(cases[i][2]));
    printf("%.*s\n", sb_stemmer_length(s), (const char*)out);
    sb_stemmer_delete(s);
  }
  return 0;
}
EOF
cc -O1 -I"$SRC/include" smoke.c libstemmer.a -o smoke-lto
cc -O1 smoke.c -lstemmer -o smoke-debian
./smoke-lto > lto.txt
./smoke-debian > debian.txt
if ! cmp -s lto.txt debian.txt; then
  echo "native snowball: the built library stems differently from Debian's libstemmer:"
  diff lto.txt debian.txt || true
  exit 1
fi

STAGE=$(mktemp -d "$CACHE_ROOT/.staging-native-snowball.XXXXXX")
mkdir -p "$STAGE/include" "$STAGE/lib" "$STAGE/share/licenses"
cp "$SRC/include/libstemmer.h" "$STAGE/include/"
cp libstemmer.a "$STAGE/lib/"
cp "$SRC/COPYING" "$STAGE/share/licenses/snowball-COPYING"
{
  echo "native Snowball, key $KEY, built $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "  debian source package: ${dsc%.dsc}"
  echo "  compiler: $(cc --version | head -n1)"
  echo "  CFLAGS: $CFLAGS (gcc links optimize the stemmers with their runtime; other compilers use the plain code)"
  echo "  files: ${#sources[@]}"
} > "$STAGE/build-info.txt"
rm -rf "$PREFIX"
mv "$STAGE" "$PREFIX"
echo "native snowball: $PREFIX"
echo "$PREFIX" >&3
