#!/usr/bin/env bash
# Thread scaling: the same `ouroboros run` (default outputs, report included) at several
# --threads values, timed as a whole command; the speed-up is time(1 thread) / time(N threads),
# for the whole command and for the run itself (timing.json's wall-seconds). Goal: >= 1.8x at
# 2 threads (and >= 10x at 16 on a 16-core machine).
#
# Usage: bench/scaling.sh [--threads "1 2"] [--models N] [--humans H] [--ticks T]
#          [--gen "CMD"] [--scenario FILE] [--engine] [--timeout S] [--budget S]
#   --threads   the thread counts, the first is the reference (default "1 2")
#   --models, --humans, --ticks   the scale scenario (bench/gen.py scale: Gaussian d = 1,
#               100 items per agent per tick, retrain every 10, retention 10; default 1000
#               models, 10 humans, 100 ticks)
#   --gen       the scenario generator, called as CMD --models N --humans H --ticks T
#               (default "bench/gen.py scale --style hand"; "... --style populations" once
#               populations exist)
#   --scenario  run this scenario file instead of generating one
#   --engine    also time ouroboros.bench.EngineBenchmark (engine only, no run files) at the
#               same sizes and thread counts
#   --timeout   seconds after which one run is stopped (default 600; the figure is then n/a)
#   --budget    seconds after which no further run starts (default: none)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

threads="1 2" models=1000 humans=10 ticks=100 gen="" scenario="" engine=0 tmo=600 budget=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --models) models="$2"; shift 2 ;;
    --humans) humans="$2"; shift 2 ;;
    --ticks) ticks="$2"; shift 2 ;;
    --gen) gen="$2"; shift 2 ;;
    --scenario) scenario="$2"; shift 2 ;;
    --engine) engine=1; shift ;;
    --timeout) tmo="$2"; shift 2 ;;
    --budget) budget="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
bench_build
bench_workdir
start="$(now)"
if [[ -z "$scenario" ]]; then
  scenario="$BENCH_WORK/scaling.yaml"
  # shellcheck disable=SC2086
  ${gen:-"$PY" "$GEN" scale --style hand} --models "$models" --humans "$humans" \
    --ticks "$ticks" >"$scenario"
  what="$models models + $humans humans, $ticks ticks"
else
  what="$(basename "$scenario")"
fi
echo "== Thread scaling: ouroboros run --threads {$threads} ($what; $(nproc) cores here)"
over_budget() {
  [[ "$budget" != 0 ]] && awk -v a="$start" -v b="$(now)" -v l="$budget" \
    'BEGIN { exit !(b - a > l) }'
}
declare -A whole inrun engt rss cpu
# fig SECONDS-OR-STATUS: a time, or "n/a", or ">S" for a run stopped at the timeout.
for n in $threads; do
  if over_budget; then
    echo "  (budget of ${budget}s spent: --threads $n not run)"
    continue
  fi
  timed "$BENCH_WORK/scaling-$n.log" timeout "$tmo" "${SIM[@]}" run --quiet --threads "$n" \
    --out "$BENCH_WORK/scaling-$n" "$scenario"
  rss[$n]="$RSS_MIB" cpu[$n]="$CPU_S"
  if [[ "$RC" == 0 ]]; then
    whole[$n]="$WALL"
    inrun[$n]="$(run_seconds "$BENCH_WORK/scaling-$n")"
  elif [[ "$RC" == 124 ]]; then
    whole[$n]=">$tmo" inrun[$n]=n/a
  else
    run_failed "$BENCH_WORK/scaling-$n.log"
    whole[$n]=n/a inrun[$n]=n/a
  fi
  rm -rf "$BENCH_WORK/scaling-$n"
  echo "  --threads $n: ${whole[$n]} s" >&2
  if [[ "$engine" == 1 ]] && ! over_budget; then
    timeout "$tmo" "$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" ouroboros.bench.EngineBenchmark \
      --models "$models" --humans "$humans" --ticks "$ticks" --threads "$n" \
      >"$BENCH_WORK/engine-$n.log" 2>&1 && RC=0 || RC=$?
    if [[ "$RC" == 0 ]]; then
      engt[$n]="$(awk '/^wall time/ { print $(NF - 1); exit }' "$BENCH_WORK/engine-$n.log")"
    elif [[ "$RC" == 124 ]]; then engt[$n]=">$tmo"
    else engt[$n]=n/a; fi
  fi
done

# speed REF N: REF / N when both are times; ">x" when only REF is a lower bound; else n/a.
speed() {
  local a="${1:-n/a}" b="${2:-n/a}"
  if [[ "$a" == n/a || "$b" == n/a || "$b" == ">"* ]]; then echo n/a
  elif [[ "$a" == ">"* ]]; then echo ">$(calc "${a#>} / $b")"
  else calc "$a / $b"; fi
}
ref=1
[[ " $threads " == *" 1 "* ]] || ref="${threads%% *}"
for n in $threads; do
  [[ -n "${whole[$n]:-}" ]] || continue
  # CPU seconds over the command's wall time: how many cores the whole process kept busy (the
  # JIT compilers, GC, the writer, graph and report threads run whatever --threads says).
  busy=n/a
  [[ "${cpu[$n]}" != n/a && "${whole[$n]}" != [n\>]* ]] && busy="$(calc "${cpu[$n]} / ${whole[$n]}")"
  line="$(printf 'threads %2d: command %9s s (x%s)  run %9s s (x%s)  max RSS %s MiB  CPU %s s (%s cores busy)' \
    "$n" "${whole[$n]}" "$(speed "${whole[$ref]:-}" "${whole[$n]}")" "${inrun[$n]}" \
    "$(speed "${inrun[$ref]:-}" "${inrun[$n]}")" "${rss[$n]}" "${cpu[$n]}" "$busy")"
  if [[ "$engine" == 1 ]]; then
    line="$line  engine-only ${engt[$n]:-n/a} s (x$(speed "${engt[$ref]:-}" "${engt[$n]:-}"))"
  fi
  note "$line"
done
if [[ "$ref" == 1 ]]; then
  for n in 2 16; do
    [[ -n "${whole[$n]:-}" ]] || continue
    goal=1.8; [[ "$n" == 16 ]] && goal=10
    s="$(speed "${whole[1]:-}" "${whole[$n]}")"
    [[ "$s" == ">"* ]] && s="${s#>}"  # a lower bound: MET is still MET
    result "Scaling: --threads 1 / --threads $n, whole command" "$s" ">=" "$goal" "x"
  done
fi
