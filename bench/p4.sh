#!/usr/bin/env bash
# P4: scale. N models + N/100 human sources (Gaussian d = 1, 100 ticks, retrain every 10 from
# tick 9, 100 items per agent per tick, scrape 100, web retention 10 ticks) through
# `ouroboros run` with default outputs and the report, -Xmx8g, at growing N. Per size: wall time
# of the whole command, the run's own time (timing.json), peak heap (the largest heap-before-GC
# in -Xlog:gc), max RSS (/usr/bin/time), run directory size, and time and heap per model; the
# linearity is time/model at each size over time/model at the smallest. Goal: 100,000 models in
# at most 120 s on 2 cores.
#
# Usage: bench/p4.sh [--sizes "1000 10000 30000 100000"] [--gen "CMD"] [--ticks T]
#          [--heap 8g] [--timeout S] [--threads N]
#   --gen  the scenario generator, called as CMD --models N --humans N/100 --ticks T; default
#          "bench/gen.py scale --style populations" (a small file); "bench/gen.py scale --style
#          hand" lists every agent, which the 1 MiB scenario-file cap refuses from about 9,000
#          models on.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

sizes="1000 10000 30000 100000" gen="" ticks=100 heap=8g tmo=900 threads=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --gen) gen="$2"; shift 2 ;;
    --ticks) ticks="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --timeout) tmo="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
bench_build
bench_workdir
gen="${gen:-$PY $GEN scale --style populations}"
echo "== P4: scale, ouroboros run -Xmx$heap (sizes $sizes; generator: $gen)"
first_per_model=""
for n in $sizes; do
  h=$((n / 100))
  scen="$BENCH_WORK/p4-$n.yaml"
  # shellcheck disable=SC2086
  $gen --models "$n" --humans "$h" --ticks "$ticks" >"$scen"
  bytes="$(wc -c <"$scen")"
  gclog="$BENCH_WORK/p4-$n.gc.log"
  # The launcher's JIT thresholds and collector (sim/jvm.sh, set by bench_build), not its
  # class-data archive.
  timed "$BENCH_WORK/p4-$n.log" timeout "$tmo" "$JAVA" ${JIT_OPTS[@]+"${JIT_OPTS[@]}"} \
    ${GC_OPTS[@]+"${GC_OPTS[@]}"} \
    -Xmx"$heap" -Xlog:gc:file="$gclog" ${BENCH_JAVA_OPTS:-} -jar "$SIM_JAR" run --quiet \
    ${threads:+--threads "$threads"} --out "$BENCH_WORK/p4-$n" "$scen"
  if [[ "$RC" != 0 ]]; then
    why="exit $RC"
    [[ "$RC" == 124 ]] && why="stopped after the ${tmo}s timeout"
    msg="$(grep -m1 -i 'error' "$BENCH_WORK/p4-$n.log" || tail -n1 "$BENCH_WORK/p4-$n.log")"
    note "P4 $n models ($bytes-byte scenario): FAILED, $why${msg:+: $msg}"
    rm -rf "$BENCH_WORK/p4-$n"
    [[ "$n" == 100000 ]] && result "P4 100,000 models, whole command" n/a "<=" 120 "s"
    continue
  fi
  peak="$(peak_heap_mib "$gclog")"
  dir_mib="$(du -sm "$BENCH_WORK/p4-$n" | cut -f1)"
  per_model="$(calc "$WALL / $n * 1000")"
  first_per_model="${first_per_model:-$per_model}"
  heap_per="n/a"; [[ "$peak" != n/a ]] && heap_per="$(calc "$peak * 1024 / $n")"
  note "$(printf 'P4 %6d models: command %8s s, run %8s s, peak heap %6s MiB, max RSS %6s MiB, run dir %5s MiB, %s ms/model (x%s of the smallest), %s KiB heap/model, scenario %s bytes' \
    "$n" "$WALL" "$(run_seconds "$BENCH_WORK/p4-$n")" "$peak" "$RSS_MIB" "$dir_mib" \
    "$per_model" "$(calc "$per_model / $first_per_model")" "$heap_per" "$bytes")"
  [[ "$n" == 100000 ]] && result "P4 100,000 models, whole command" "$WALL" "<=" 120 "s"
  rm -rf "$BENCH_WORK/p4-$n"
done
