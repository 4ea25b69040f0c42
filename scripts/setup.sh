#!/usr/bin/env bash
# Installs everything Précis needs on Debian bookworm (run as root; idempotent: installs only
# what is missing). Used by scripts/run.sh and scripts/test.sh; safe to run on its own.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

PACKAGES=(
  g++ cmake make pkg-config git ca-certificates
  libicu-dev icu-devtools libstemmer-dev nlohmann-json3-dev googletest libgtest-dev libgumbo-dev zlib1g-dev
  libbenchmark-dev clang libclang-rt-14-dev
  emscripten brotli dpkg-dev
  chromium fonts-dejavu-core
)
# Node.js and npm: any working installation will do (a machine may have Node from elsewhere, whose
# bundled npm conflicts with Debian's npm package); otherwise Debian's.
command -v node >/dev/null || PACKAGES+=(nodejs)
command -v npm >/dev/null || PACKAGES+=(npm)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# npm packages for the browser tests (playwright-core drives Debian's Chromium).
if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ]; then
  echo "setup: npm install in tests/browser" >&2
  (cd "$ROOT/tests/browser" && npm install --no-audit --no-fund --loglevel=error >&2)
fi
