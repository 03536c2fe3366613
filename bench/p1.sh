#!/usr/bin/env bash
# P1: the recursive-fitting loops of the model-collapse papers, numpy against `ouroboros run`.
#   Gaussian: 1,000 chains, M = 100, 100 generations, replace, MLE variance.
#   Regression: 2,000 chains, fixed design T = 100, d = 10, 20 fits, replace.
# numpy (bench/p1_numpy.py) runs each loop one chain at a time (the papers' style) and vectorised
# over chains; the engine runs the same chains as independent models (model i publishes M items a
# tick to its own site and crawls only that site, web retention 1) through the whole
# `ouroboros run` command with default outputs (--quiet: no progress bar), JVM start-up and the
# report included. Figures are per chain-generation (one draw-and-refit of one chain).
# Goals: engine >= 5x faster than numpy one chain at a time, <= 2x slower than numpy vectorised.
#
# Usage: bench/p1.sh [--gauss-chains N] [--gauss-gens G] [--reg-chains N] [--reg-fits F]
#                    [--style hand|populations]
# Needs numpy: apt-get install python3-numpy (PyPI is not reachable here); BENCH_PYTHON
# names another Python.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

gc=1000 gg=100 rc=2000 rf=20 style=hand
while [[ $# -gt 0 ]]; do
  case "$1" in
    --gauss-chains) gc="$2"; shift 2 ;;
    --gauss-gens) gg="$2"; shift 2 ;;
    --reg-chains) rc="$2"; shift 2 ;;
    --reg-fits) rf="$2"; shift 2 ;;
    --style) style="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
bench_build
bench_workdir

echo "== P1: recursive fitting, numpy vs ouroboros run (Gaussian $gc chains x $gg generations," \
  "M = 100; regression $rc chains x $rf fits, T = 100, d = 10; scenario style $style)"

declare -A np
if "$PY" -c 'import numpy' 2>/dev/null; then
  while read -r tag loop style_ s us; do
    [[ "$tag" == RESULT ]] && np["$loop-$style_"]="$us"
  done < <("$PY" "$bench_root/bench/p1_numpy.py" --gauss-chains "$gc" --gauss-gens "$gg" \
    --reg-chains "$rc" --reg-fits "$rf")
else
  echo "  numpy is missing for $PY: apt-get install python3-numpy (PyPI is not reachable)" >&2
fi

# The engine's fixed cost: one chain, one generation (JVM start, loading, outputs, report).
"$PY" "$GEN" chains-gaussian --style "$style" --chains 1 --generations 1 >"$BENCH_WORK/p1-fixed.yaml"
timed "$BENCH_WORK/p1-fixed.log" "${SIM[@]}" run --quiet --out "$BENCH_WORK/p1-fixed" \
  "$BENCH_WORK/p1-fixed.yaml"
fixed="$WALL"
info "P1 engine fixed cost (1 chain, 1 generation: JVM, outputs)" "$fixed" "s"

# engine_run LOOP SCENARIO-ARGS...: sets ENG (us per chain-generation) or n/a.
engine_run() {
  local loop="$1" work="$2"; shift 2
  "$PY" "$GEN" "chains-$loop" --style "$style" "$@" >"$BENCH_WORK/p1-$loop.yaml"
  timed "$BENCH_WORK/p1-$loop.log" "${SIM[@]}" run --quiet --out "$BENCH_WORK/p1-$loop" \
    "$BENCH_WORK/p1-$loop.yaml"
  if [[ "$RC" != 0 ]]; then
    run_failed "$BENCH_WORK/p1-$loop.log"
    ENG=n/a
    return
  fi
  ENG="$(calc "$WALL / $work * 1e6")"
  local inrun
  inrun="$(run_seconds "$BENCH_WORK/p1-$loop")"
  info "P1 $loop: ouroboros run wall time (max RSS $RSS_MIB MiB)" "$WALL" "s"
  info "P1 $loop: of which the run itself (timing.json)" "$inrun" "s"
  # P2 reuses the Gaussian run when it has the same size (all.sh runs P1 first).
  echo "$* $WALL $inrun" >"$BENCH_WORK/p1-$loop.wall"
  info "P1 $loop: run directory size" "$(du -sm "$BENCH_WORK/p1-$loop" | cut -f1)" "MiB"
  rm -rf "$BENCH_WORK/p1-$loop"
}

for loop in gaussian regression; do
  if [[ "$loop" == gaussian ]]; then
    work=$((gc * gg))
    engine_run gaussian "$work" --chains "$gc" --generations "$gg"
  else
    work=$((rc * rf))
    engine_run regression "$work" --chains "$rc" --fits "$rf"
  fi
  loopus="${np[$loop-loop]:-n/a}"
  vecus="${np[$loop-vector]:-n/a}"
  info "P1 $loop: numpy one chain at a time" "$loopus" "us/chain-gen"
  info "P1 $loop: numpy vectorised" "$vecus" "us/chain-gen"
  info "P1 $loop: ouroboros run" "$ENG" "us/chain-gen"
  if [[ "$ENG" != n/a ]]; then
    info "P1 $loop: ouroboros run less the fixed cost" \
      "$(calc "($WALL - $fixed) / $work * 1e6")" "us/chain-gen"
  fi
  speed=n/a slow=n/a
  if [[ "$ENG" != n/a && "$loopus" != n/a ]]; then speed="$(calc "$loopus / $ENG")"; fi
  if [[ "$ENG" != n/a && "$vecus" != n/a ]]; then slow="$(calc "$ENG / $vecus")"; fi
  result "P1 $loop: engine speed-up over numpy one-chain" "$speed" ">=" 5 "x"
  result "P1 $loop: engine slowdown against numpy vectorised" "$slow" "<=" 2 "x"
done
