#!/usr/bin/env bash
# Packs the thread-scaling kit for a machine with no Java and no network: a jlink runtime (the
# modules the jars need, found with jdeps, plus jdk.jfr, jdk.management, java.management,
# jdk.httpserver, jdk.unsupported), the ouroboros-sim and ouroboros-bench jars with their lib/,
# bench/lib.sh and bench/scaling.sh, run-scaling.sh and pre-generated scaling scenarios (the
# target has no Python). Writes ONE archive, .device/ouroboros-scaling.tar.xz (git-ignored),
# and prints its size; it must stay under 64 MiB.
#
# Usage: bench/device/pack.sh [--models "2000 10000"] [--ticks 100]
#   --models  the scenario sizes to pack (humans = models / 100); each is written hand-listed
#             when it fits the 1 MiB scenario-file cap and as populations (run-scaling.sh uses
#             the populations file when the packed jar accepts it)
# Environment: BENCH_SKIP_BUILD=1 (reuse the last build), BENCH_JDEPS=0 (skip jdeps, use only
# the fixed module list below).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

models="2000 10000" ticks=100
while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) models="$2"; shift 2 ;;
    --ticks) ticks="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
bench_build
out="$bench_root/.device"
kit="$out/ouroboros-scaling"
rm -rf "$kit" "$out/ouroboros-scaling.tar.xz"
mkdir -p "$kit/lib" "$kit/bench/device" "$kit/scenarios"

# The runtime's modules: a fixed list (the report draws charts with java.desktop; --serve-metrics
# uses jdk.httpserver; JFR and JMX for profiling on the target), plus what jdeps finds. No
# --compress: xz packs the plain module image better (about 18 MB against 40 for the whole kit's
# runtime), which keeps the archive near 43 MB instead of over 64 MiB.
mods="java.base,java.desktop,java.logging,java.management,java.naming,java.scripting,java.sql,java.xml"
mods="$mods,jdk.unsupported,jdk.jfr,jdk.management,jdk.management.jfr,jdk.httpserver,jdk.zipfs"
if [[ "${BENCH_JDEPS:-1}" != 0 ]]; then
  echo "jdeps over the jars (a jar jdeps cannot resolve alone is skipped: the list covers it)..."
  found="$(for j in "$bench_root"/bench/target/ouroboros-bench.jar "$bench_root"/bench/target/lib/*.jar; do
    jdeps --ignore-missing-deps --print-module-deps --multi-release 17 \
      --class-path "$bench_root/bench/target/lib/*" "$j" 2>/dev/null || true
  done | tr ',' '\n' | grep -v '^$' | sort -u | paste -sd, -)"
  echo "jdeps: $found"
  mods="$(printf '%s,%s' "$mods" "$found" | tr ',' '\n' | grep -v '^$' | sort -u | paste -sd, -)"
fi
echo "modules: $mods"
jlink --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
  --output "$kit/runtime"

cp "$bench_root/sim/target/ouroboros-sim.jar" "$kit/"
cp "$bench_root"/sim/target/lib/*.jar "$kit/lib/"
cp "$bench_root/bench/target/ouroboros-bench.jar" "$kit/"
# The bench jar's dependencies beyond the sim's (the sim jar itself comes from $kit).
for j in "$bench_root"/bench/target/lib/*.jar; do
  b="$(basename "$j")"
  [[ -f "$kit/lib/$b" || "$b" == ouroboros-sim-* ]] || cp "$j" "$kit/lib/"
done
cp "$bench_root/bench/lib.sh" "$bench_root/bench/scaling.sh" "$kit/bench/"
cp "$bench_root/bench/device/run-scaling.sh" "$kit/"
for n in $models; do
  h=$((n / 100))
  "$PY" "$GEN" scale --style populations --models "$n" --humans "$h" --ticks "$ticks" \
    >"$kit/scenarios/scale-$n-populations.yaml"
  "$PY" "$GEN" scale --style hand --models "$n" --humans "$h" --ticks "$ticks" \
    >"$kit/scenarios/scale-$n-hand.yaml"
  if [[ "$(wc -c <"$kit/scenarios/scale-$n-hand.yaml")" -gt 1048576 ]]; then
    rm "$kit/scenarios/scale-$n-hand.yaml"   # over the scenario-file cap
  fi
done
git -C "$bench_root" rev-parse HEAD >"$kit/COMMIT" 2>/dev/null || true
XZ_OPT="${XZ_OPT:--T0}" tar -C "$out" -cJf "$out/ouroboros-scaling.tar.xz" ouroboros-scaling
size="$(wc -c <"$out/ouroboros-scaling.tar.xz")"
echo "wrote $out/ouroboros-scaling.tar.xz: $size bytes ($(calc "$size / 1048576") MiB; limit 64 MiB)"
if [[ "$size" -gt $((64 * 1048576)) ]]; then
  echo "error: the archive is over 64 MiB" >&2
  exit 1
fi
