#!/usr/bin/env bash
# P5: sweeps. One `ouroboros sweep` of at least 200 tiny runs (1 human source, 2 models, 10
# ticks; 4 cells x replicates), with default outputs and the sweep report, timed as a whole
# command. Figure: runs per minute (goal >= 1,000).
#
# Usage: bench/p5.sh [--runs R] [--parallel P]   (default 200 runs, --parallel 2)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs=200 parallel=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --parallel) parallel="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
bench_build
bench_workdir
"$PY" "$GEN" tiny-base >"$BENCH_WORK/tiny.yaml"
"$PY" "$GEN" sweep-tiny --runs "$runs" --base tiny.yaml >"$BENCH_WORK/p5-sweep.yaml"
echo "== P5: one ouroboros sweep of tiny runs (at least $runs, --parallel $parallel)"
timed "$BENCH_WORK/p5.log" "${SIM[@]}" sweep --quiet --parallel "$parallel" \
  --out "$BENCH_WORK/p5-sweep" "$BENCH_WORK/p5-sweep.yaml"
if [[ "$RC" != 0 ]]; then
  run_failed "$BENCH_WORK/p5.log"
  result "P5 sweep runs per minute" n/a ">=" 1000 "runs/min"
  exit 0
fi
done_runs="$(find "$BENCH_WORK/p5-sweep" -name summary.json -path '*/run*' | wc -l)"
info "P5 sweep wall time ($done_runs runs with a summary.json)" "$WALL" "s"
result "P5 sweep runs per minute" "$(calc "$done_runs / $WALL * 60")" ">=" 1000 "runs/min"
rm -rf "$BENCH_WORK/p5-sweep"
