#!/usr/bin/env bash
# Re-vendors htmx 2 and its SSE extension from the npm registry, reproducibly.
#
#   bash static/vendor/update.sh            # from anywhere
#
# Versions and tarball integrity (sha512, as npm records it in dist.integrity) are pinned
# below. The script packs each tarball in a temporary directory, checks its sha512 against
# BOTH the pinned value and the registry's dist.integrity, and only then copies the minified
# dist file here. The Go build never needs npm: the .min.js files are committed.
#
# To move to another 2.x release, change the version and its integrity together
# (`npm view htmx.org@X dist.integrity`), run this script, update the file names used in
# templates (static.Path("vendor/...")), and commit the old file's removal.
# htmx 4 is refused: its SSE support is a different extension with different attributes
# (hx-sse:connect, no sse-swap) and needs its own migration.
set -euo pipefail

HTMX_VERSION=2.0.11
HTMX_INTEGRITY='sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=='
SSE_VERSION=2.2.4
SSE_INTEGRITY='sha512-LJmxVhykyflBWgh5PvbRidcyuqMHlgfajmmzumvKctv9puvsufeH6OaejSMZTNTnEI8O2wXXn4ZZtBdpEMqmEQ=='

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

case "$HTMX_VERSION" in
  2.*) ;;
  *) echo "update.sh: htmx $HTMX_VERSION refused: only htmx 2.x works with htmx-ext-sse $SSE_VERSION" >&2; exit 1 ;;
esac
case "$SSE_VERSION" in
  2.*) ;;
  *) echo "update.sh: htmx-ext-sse $SSE_VERSION refused: only 2.x targets htmx 2" >&2; exit 1 ;;
esac

for tool in npm tar openssl base64; do
  command -v "$tool" >/dev/null || { echo "update.sh: $tool is required" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# vendor PACKAGE VERSION PINNED_INTEGRITY DIST_FILE TARGET_NAME
vendor() {
  local pkg=$1 version=$2 pinned=$3 dist=$4 target=$5
  local registry tgz actual
  registry=$(npm view "$pkg@$version" dist.integrity)
  if [ "$registry" != "$pinned" ]; then
    echo "update.sh: $pkg@$version: registry integrity '$registry' differs from pinned '$pinned'" >&2
    exit 1
  fi
  tgz=$(cd "$work" && npm pack --silent "$pkg@$version" | tail -n 1)
  actual="sha512-$(openssl dgst -sha512 -binary "$work/$tgz" | base64 | tr -d '\n')"
  if [ "$actual" != "$pinned" ]; then
    echo "update.sh: $pkg@$version: tarball $tgz hashes to $actual, expected $pinned" >&2
    exit 1
  fi
  mkdir -p "$work/$pkg"
  tar -xzf "$work/$tgz" -C "$work/$pkg"
  local got
  got=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$work/$pkg/package/package.json" | head -n 1)
  if [ "$got" != "$version" ]; then
    echo "update.sh: $pkg: package.json says version $got, expected $version" >&2
    exit 1
  fi
  cp "$work/$pkg/package/$dist" "$here/$target"
  echo "vendored $pkg@$version ($actual) -> static/vendor/$target"
}

vendor htmx.org "$HTMX_VERSION" "$HTMX_INTEGRITY" dist/htmx.min.js "htmx-$HTMX_VERSION.min.js"
vendor htmx-ext-sse "$SSE_VERSION" "$SSE_INTEGRITY" dist/sse.min.js "htmx-ext-sse-$SSE_VERSION.min.js"
