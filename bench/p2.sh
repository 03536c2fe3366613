#!/usr/bin/env bash
# P2: P1's Gaussian loop (1,000 chains, M = 100, 100 generations, replace, MLE) as one plain Java
# loop with the engine's samplers (ouroboros.bench.PlainLoopBenchmark: one thread, no actors, no
# web; the fastest of 3 passes in one JVM) against the full engine through `ouroboros run`.
# Goal: the engine's run (timing.json's wall-seconds: Simulation.run with its outputs, without
# JVM start-up and report) at most 3 times the plain loop. The whole command's ratio is printed
# too (JVM start-up and report included; no goal).
#
# Usage: bench/p2.sh [--chains N] [--generations G] [--style hand|populations]
# When P1 ran the same Gaussian size in this $BENCH_WORK (all.sh), its engine run is reused.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

chains=1000 gens=100 style=hand
while [[ $# -gt 0 ]]; do
  case "$1" in
    --chains) chains="$2"; shift 2 ;;
    --generations) gens="$2"; shift 2 ;;
    --style) style="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
bench_build
bench_workdir
echo "== P2: plain Java loop vs ouroboros run (Gaussian $chains chains x $gens generations, M = 100)"
work=$((chains * gens))

plain="$("$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" ouroboros.bench.PlainLoopBenchmark \
  --chains "$chains" --generations "$gens" | awk '$1 == "RESULT" { print $3 }')"
info "P2 plain Java loop (fastest of 3 passes)" "$(calc "$plain / $work * 1e6")" "us/chain-gen"

reuse="$BENCH_WORK/p1-gaussian.wall"
if [[ -f "$reuse" ]] && read -r _ c _ g wall inrun <"$reuse" && [[ "$c $g" == "$chains $gens" ]]
then
  echo "  (the engine run is P1's, same size, same invocation)"
else
  "$PY" "$GEN" chains-gaussian --style "$style" --chains "$chains" --generations "$gens" \
    >"$BENCH_WORK/p2.yaml"
  timed "$BENCH_WORK/p2.log" "${SIM[@]}" run --quiet --out "$BENCH_WORK/p2-run" \
    "$BENCH_WORK/p2.yaml"
  if [[ "$RC" != 0 ]]; then run_failed "$BENCH_WORK/p2.log"; wall=n/a inrun=n/a
  else wall="$WALL" inrun="$(run_seconds "$BENCH_WORK/p2-run")"; fi
  rm -rf "$BENCH_WORK/p2-run"
fi
ratio=n/a whole=n/a
if [[ "$inrun" != n/a ]]; then
  info "P2 engine run (timing.json)" "$(calc "$inrun / $work * 1e6")" "us/chain-gen"
  ratio="$(calc "$inrun / $plain")"
fi
if [[ "$wall" != n/a ]]; then
  info "P2 whole ouroboros run command" "$(calc "$wall / $work * 1e6")" "us/chain-gen"
  whole="$(calc "$wall / $plain")"
fi
info "P2 whole command / plain loop (JVM start, report)" "$whole" "x"
result "P2 engine run / plain Java loop" "$ratio" "<=" 3 "x"
