#!/usr/bin/env bash
# P3: the web. The engine benchmark (ouroboros.bench.EngineBenchmark: 1,000 models + 10 human
# sources, 100 items per agent per tick, 100 ticks, web retention all; engine only, no run
# files) on 2 dispatcher threads. Figures: items stored per second of the publish phase
# (sampling + append + seal; goal >= 20 M/s), the same over the whole run, and bytes per stored
# item without payload, by the web's column accounting (goal <= 32; 16 today) and measured on
# the heap. Then ouroboros.bench.PublishBenchmark: the same ticks' sampling, append and seal
# without actors (fastest of 5 passes; CPU per item of the sampling threads and of the sealing
# thread), which splits the publish phase into the work on the items and the rest (messages,
# scheduling, waiting for a core).
#
# Usage: bench/p3.sh [--models N] [--humans H] [--ticks T] [--threads N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

models=1000 humans=10 ticks=100 threads=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) models="$2"; shift 2 ;;
    --humans) humans="$2"; shift 2 ;;
    --ticks) ticks="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
bench_build
bench_workdir
echo "== P3: the web (EngineBenchmark, $models models + $humans humans, $ticks ticks," \
  "--threads $threads)"
log="$BENCH_WORK/p3.log"
"$JAVA" -Xmx"${BENCH_HEAP:-8g}" ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" \
  ouroboros.bench.EngineBenchmark --models "$models" --humans "$humans" --ticks "$ticks" \
  --threads "$threads" >"$log" 2>&1 || { RC=$?; run_failed "$log"; }
# figure LABEL: the first number after LABEL in the benchmark's table, commas removed.
figure() {
  awk -v l="$1" 'index($0, l) == 1 { s = substr($0, length(l) + 1); gsub(/,/, "", s);
    if (match(s, /[0-9]+(\.[0-9]+)?/)) { print substr(s, RSTART, RLENGTH); exit } }' "$log"
}
wall="$(figure "wall time (Simulation.run)")"
stored="$(figure "items stored per second of publish phase")"
overall="$(figure "items published per second")"
columns="$(figure "bytes/item, column accounting, no payload")"
measured="$(figure "bytes/item, measured heap, no payload")"
info "P3 engine benchmark wall time" "${wall:-n/a}" "s"
info "P3 items stored per second of the whole run" "$(calc "${overall:-0} / 1e6")" "M/s"
info "P3 bytes/item measured on the heap, no payload" "${measured:-n/a}" "B"
plog="$BENCH_WORK/p3-publish.log"
"$JAVA" -Xmx"${BENCH_HEAP:-8g}" ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" \
  ouroboros.bench.PublishBenchmark --agents "$((models + humans))" --ticks "$ticks" \
  --threads "$threads" >"$plog" 2>&1 || { RC=$?; run_failed "$plog"; }
# publish FIELD: the number after FIELD in PublishBenchmark's RESULT line.
publish() {
  awk -v f="$1" '/^RESULT publish/ { i = index($0, f); if (i == 0) exit
    s = substr($0, i + length(f)); if (match(s, /[0-9]+(\.[0-9]+)?/)) print substr(s, RSTART, RLENGTH)
    exit }' "$plog"
}
info "P3 sample + append + seal without actors (PublishBenchmark)" \
  "$(publish "RESULT publish" | grep . || echo n/a)" "M/s"
info "P3 without actors: sampling CPU per item" "$(publish "sample" | grep . || echo n/a)" "ns"
info "P3 without actors: append + seal CPU per item" "$(publish "seal" | grep . || echo n/a)" "ns"
result "P3 items stored per second of the publish phase" \
  "$( [[ -n "$stored" ]] && calc "$stored / 1e6" || echo n/a)" ">=" 20 "M/s"
result "P3 bytes/item, column accounting, no payload" "${columns:-n/a}" "<=" 32 "B"
