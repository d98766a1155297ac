#!/usr/bin/env bash
# Rebuild static/vendor/ from the npm registry. The files are committed, so the app
# needs no network (and no CDN) at run time; run this only to upgrade a vendored asset.
#   make vendor
set -euo pipefail
cd "$(dirname "$0")/.."
BOOTSTRAP_VERSION=5.3.9
BOOTSTRAP_SHA256=06bdf78289c3c12ea99d40df84eedf6278c724c73eebf38f11f3a65b44ec8c94
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "bootstrap@${BOOTSTRAP_VERSION}" >/dev/null)
echo "${BOOTSTRAP_SHA256}  ${tmp}/bootstrap-${BOOTSTRAP_VERSION}.tgz" | sha256sum --check --quiet
tar -xzf "$tmp/bootstrap-${BOOTSTRAP_VERSION}.tgz" -C "$tmp"
dest=static/vendor/bootstrap
rm -rf "$dest" && mkdir -p "$dest"
for f in css/bootstrap.min.css css/bootstrap.min.css.map js/bootstrap.bundle.min.js js/bootstrap.bundle.min.js.map; do
  cp "$tmp/package/dist/$f" "$dest/"
done
cp "$tmp/package/LICENSE" "$dest/LICENSE"
echo "bootstrap ${BOOTSTRAP_VERSION}" > "$dest/VERSION"
echo "vendored bootstrap ${BOOTSTRAP_VERSION} into $dest"
