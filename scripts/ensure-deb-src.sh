#!/usr/bin/env bash
# Makes `apt-get source` work for bookworm main (run as root; idempotent): adds a deb-src entry for
# the archive the machine already uses (a mirror or snapshot may be configured), in a file of our
# own so the machine's own source files stay untouched, and updates the package lists when it did.
# Used by build-wasm-deps.sh and build-native-stemmer.sh, which build from Debian source packages.
set -euo pipefail
# shellcheck disable=SC2016  # $(SITE) is apt's format syntax, not the shell's
q=(--no-release-info --format '$(SITE)' 'Release: bookworm' 'Component: main')
if [ -n "$(apt-get indextargets "${q[@]}" 'Identifier: Sources')" ]; then
  echo "deb-src for bookworm main already configured"
  exit 0
fi
site=$(apt-get indextargets "${q[@]}" 'Identifier: Packages' | head -n1)
site=${site:-http://deb.debian.org/debian}
f=/etc/apt/sources.list.d/precis-deb-src.sources
echo "adding $f (deb-src $site bookworm main)"
{
  echo "Types: deb-src"; echo "URIs: $site"; echo "Suites: bookworm"; echo "Components: main"
  if [ -f /usr/share/keyrings/debian-archive-keyring.gpg ]; then
    echo "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
  fi
} > "$f"
apt-get update -qq
