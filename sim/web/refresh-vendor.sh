#!/usr/bin/env bash
# Refreshes the live page's vendored libraries from the npm registry (issue 12): the pinned
# versions below are fetched with `npm pack` (which checks each tarball against the registry's
# integrity hash), and the files the page loads, with each package's LICENSE, are copied into
# sim/src/main/resources/ouroboros/sim/live/vendor/, which the jar carries. The page then needs
# no network to view. To upgrade, change a version here, run this script, and run LiveBrowserTest.
#
#   sim/web/refresh-vendor.sh            # fetch the pinned versions
#   sim/web/refresh-vendor.sh --check    # fetch them and fail if the vendored files differ
set -euo pipefail

# package version: files to keep, as path-in-tarball:name-in-vendor
declare -A VERSION=([uplot]=1.6.32 [cytoscape]=3.35.0)
declare -A FILES=(
  [uplot]="package/dist/uPlot.iife.min.js:uPlot.iife.min.js package/dist/uPlot.min.css:uPlot.min.css package/LICENSE:LICENSE"
  [cytoscape]="package/dist/cytoscape.min.js:cytoscape.min.js package/LICENSE:LICENSE"
)

root=$(cd "$(dirname "$0")/../.." && pwd)
vendor="$root/sim/src/main/resources/ouroboros/sim/live/vendor"
check=0
[ "${1:-}" = "--check" ] && check=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/vendor"
mkdir -p "$out"
{
  echo "# Vendored by sim/web/refresh-vendor.sh from the npm registry; do not edit by hand."
  echo "# package version integrity"
} >"$out/VERSIONS"
for pkg in $(printf '%s\n' "${!VERSION[@]}" | sort); do
  ver=${VERSION[$pkg]}
  (cd "$work" && npm pack --silent "$pkg@$ver" >/dev/null)
  tgz="$work/$pkg-$ver.tgz"
  integrity=$(cd "$work" && npm view "$pkg@$ver" dist.integrity)
  mkdir -p "$work/$pkg" "$out/$pkg"
  tar -xzf "$tgz" -C "$work/$pkg"
  for pair in ${FILES[$pkg]}; do
    cp "$work/$pkg/${pair%%:*}" "$out/$pkg/${pair##*:}"
  done
  echo "$pkg $ver $integrity" >>"$out/VERSIONS"
done

if [ "$check" = 1 ]; then
  diff -r "$vendor" "$out" && echo "vendor: current"
else
  rm -rf "$vendor"
  mkdir -p "$(dirname "$vendor")"
  cp -r "$out" "$vendor"
  grep -v '^#' "$out/VERSIONS" | sed 's/^/vendored: /' 
fi
