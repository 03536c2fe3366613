#!/usr/bin/env bash
# P4's memory per model: P4's scenario (N models + N/100 human sources, Gaussian d = 1, 100 ticks,
# retrain every 10, 100 items per agent per tick, retention 10) through `ouroboros run --quiet`
# at each size, with a class histogram of the live heap (`jcmd PID GC.class_histogram`, which
# runs a full GC first) taken at the first metrics.csv checkpoint at or after --at-tick, when the
# web is at its steady size. Prints per size: the command's CPU seconds (user + sys, the figure to
# trust on a loaded machine), wall time, the largest heap-before-GC of -Xlog:gc (what p4.sh calls
# peak heap: it follows G1's sizing as much as the live data), the live heap and live bytes per
# model; then the marginal live bytes per model between the two largest sizes (the part that
# grows with N) and the classes that grow most between them, per model.
#
# Usage: bench/p4-heap.sh [--sizes "10000 30000"] [--at-tick 50] [--heap 8g] [--threads N]
#          [--top 15]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

sizes="10000 30000" at=50 heap=8g threads="" top=15
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --at-tick) at="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --top) top="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
command -v jcmd >/dev/null || { echo "error: jcmd (from the JDK) is not on PATH" >&2; exit 2; }
bench_build
bench_workdir
echo "== P4 heap: live heap per model at tick >= $at, -Xmx$heap (sizes $sizes; load $(cut -d' ' -f1-3 /proc/loadavg))"
prev="" prev_n=""
for n in $sizes; do
  scen="$BENCH_WORK/p4h-$n.yaml" out="$BENCH_WORK/p4h-$n" hist="$BENCH_WORK/p4h-$n.hist"
  "$PY" "$GEN" scale --style populations --models "$n" --humans $((n / 100)) --ticks 100 >"$scen"
  rm -rf "$out" "$hist"
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %U %S' -o "$out.time" "$JAVA" -Xmx"$heap" -Xlog:gc:file="$out.gc" \
    ${BENCH_JAVA_OPTS:-} -jar "$SIM_JAR" run --quiet ${threads:+--threads "$threads"} \
    --out "$out" "$scen" >"$out.log" 2>&1 &
  launcher=$!
  pid=""
  while kill -0 "$launcher" 2>/dev/null; do
    pid="${pid:-$(pgrep -P "$launcher" java || true)}"
    if [[ -n "$pid" && ! -s "$hist" && -f "$out/metrics.csv" ]]; then
      t="$(tail -c 200 "$out/metrics.csv" | tail -n 1 | cut -d, -f1)"
      if [[ "$t" =~ ^[0-9]+$ && "$t" -ge "$at" ]]; then
        jcmd "$pid" GC.class_histogram >"$hist" 2>/dev/null || true
        echo "tick $t" >>"$hist"
      fi
    fi
    sleep 1
  done
  wait "$launcher" && RC=0 || RC=$?
  if [[ "$RC" != 0 || ! -s "$hist" ]]; then
    note "P4 heap $n models: FAILED (exit $RC; no histogram unless the run reached tick $at)"
    run_failed "$out.log"
    continue
  fi
  read -r wall user sys <"$out.time"
  live="$(awk '$1 == "Total" { print $3 }' "$hist")"
  note "$(printf 'P4 heap %6d models: cpu %7s s, wall %7s s, peak heap %6s MiB, live %6s MiB at %s, %s B live/model' \
    "$n" "$(calc "$user + $sys")" "$wall" "$(peak_heap_mib "$out.gc")" "$(calc "$live / 1048576")" \
    "$(tail -n 1 "$hist")" "$(calc "$live / $n")")"
  if [[ -n "$prev" ]]; then
    plive="$(awk '$1 == "Total" { print $3 }' "$prev")"
    note "P4 heap marginal live bytes per model ($prev_n -> $n): $(calc "($live - $plive) / ($n - $prev_n)")"
    echo "  classes that grow most from $prev_n to $n models, bytes per added model:"
    awk -v dn=$((n - prev_n)) -v top="$top" '
      FNR == NR && $1 ~ /^[0-9]+:$/ { a[$4] = $3; next }
      $1 ~ /^[0-9]+:$/ { d[$4] = $3 - a[$4] }
      END { for (c in d) printf "%12.1f %s\n", d[c] / dn, c }' "$prev" "$hist" |
      sort -rn | head -n "$top" | sed 's/^/  /'
  fi
  prev="$hist" prev_n="$n"
  rm -rf "$out"
done
