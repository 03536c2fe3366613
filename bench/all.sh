#!/usr/bin/env bash
# Every benchmark of issue 15 in one invocation: builds once (mvn package, never install), then
# runs P1 (numpy), P2 (plain Java loop), P3 (the web), P5 (sweeps), thread scaling and P4
# (scale), and ends with a summary: each figure with its ratio, its goal and MET/MISSED. The
# baselines (numpy, the plain loop) run in the same invocation, on the same machine, so the
# ratios hold even when absolute times drift.
#
# Usage: bench/all.sh [--small] [--style hand|populations] [--skip "p4 p5 ..."]
#   --small   sizes that fit a busy 2-core machine in a few minutes (P1 200 / 400 chains, P3 200
#             models, P5 40 runs, scaling 200 models x 50 ticks, P4 100 and 1,000 models);
#             without it, the issue's sizes (P4 up to 100,000 models: needs populations)
#   --style   how scenarios list their agents; default: populations when this build accepts
#             them (checked with `ouroboros validate`), else hand-listed
#   --skip    benchmarks not to run: p1 p2 p3 p4 p5 scaling
# Environment: see bench/lib.sh (BENCH_SKIP_BUILD, BENCH_JAVA, BENCH_PYTHON, BENCH_KEEP, ...).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

small=0 style="" skip=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --small) small=1; shift ;;
    --style) style="$2"; shift 2 ;;
    --skip) skip="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
bench_build || exit 1
export BENCH_SKIP_BUILD=1
bench_workdir
export BENCH_WORK
export BENCH_RESULTS="$BENCH_WORK/results.txt"
: >"$BENCH_RESULTS"
if [[ -z "$style" ]]; then
  "$PY" "$GEN" chains-gaussian --style populations --chains 2 --generations 2 \
    >"$BENCH_WORK/probe.yaml"
  if "${SIM[@]}" validate "$BENCH_WORK/probe.yaml" >/dev/null 2>&1; then style=populations
  else style=hand; fi
fi
echo "Ouroboros benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load" \
  "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null); scenario style $style;" \
  "$("$JAVA" -version 2>&1 | head -n1)"
if [[ "$small" == 1 ]]; then
  p1=(--gauss-chains 200 --reg-chains 400) p2=(--chains 200) p3=(--models 200)
  p5=(--runs 40) sc=(--models 200 --humans 2 --ticks 50) p4=(--sizes "100 1000")
else
  p1=() p2=() p3=() p5=() sc=(--models 1000 --humans 10 --ticks 100)
  p4=(--sizes "1000 10000 30000 100000")
fi
gen=("$PY $GEN scale --style $style")
here="$bench_root/bench"
want() { [[ " $skip " != *" $1 "* ]]; }
want p1 && "$here/p1.sh" --style "$style" "${p1[@]}"
want p2 && "$here/p2.sh" --style "$style" "${p2[@]}"
want p3 && "$here/p3.sh" "${p3[@]}"
want p5 && "$here/p5.sh" "${p5[@]}"
want scaling && "$here/scaling.sh" --gen "${gen[0]}" "${sc[@]}"
want p4 && "$here/p4.sh" --gen "${gen[0]}" "${p4[@]}"
echo
echo "== Summary (every figure of this invocation; ratios against baselines run above)"
cat "$BENCH_RESULTS"
