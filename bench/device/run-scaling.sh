#!/usr/bin/env bash
# Thread scaling on the device machine, from the unpacked kit (bench/device/pack.sh): only the
# kit's own runtime/bin/java is used (the machine has no Java), nothing is built or downloaded.
# Runs bench/scaling.sh --engine over --threads 1 2 4 8 16: `ouroboros run` of a scale scenario
# (Gaussian d = 1, 100 ticks, retrain every 10, 100 items per agent per tick, retention 10,
# default outputs and report) and EngineBenchmark (engine only) at the same size, each run
# stopped after 120 s, no run started after 330 s, the whole script stopped at 470 s (under 8
# minutes). Writes $OUT/scaling.txt (figures) and $OUT/work/ (logs).
#
# Usage: tar -xJf ouroboros-scaling.tar.xz && OUT=/some/dir ouroboros-scaling/run-scaling.sh
#          [--models N] [--threads "1 2 4 8 16"] [--budget S] [--timeout S]
#   --models  the packed scenario size (default: 10000 as populations when the packed jar
#             accepts populations, else the largest hand-listed one packed)
set -uo pipefail
kit="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${OUT:-$kit/out}"
mkdir -p "$OUT"
models="" threads="1 2 4 8 16" budget=330 tmo=120
while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) models="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --budget) budget="$2"; shift 2 ;;
    --timeout) tmo="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
export BENCH_JAVA="$kit/runtime/bin/java"
export BENCH_SIM_JAR="$kit/ouroboros-sim.jar"
export BENCH_CP="$kit/ouroboros-bench.jar:$kit/ouroboros-sim.jar:$kit/lib/*"
export BENCH_SKIP_BUILD=1 BENCH_KEEP=1 BENCH_WORK="$OUT/work"
export BENCH_RESULTS="$OUT/scaling.txt"
mkdir -p "$BENCH_WORK"
: >"$BENCH_RESULTS"
say() { echo "$1" | tee -a "$BENCH_RESULTS"; }

home="$("$BENCH_JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ { print $2 }')"
if [[ "$home" != "$kit/runtime" ]]; then
  say "error: the kit's java reports java.home '$home', expected $kit/runtime"
  exit 1
fi
say "Ouroboros thread scaling, $(date -u '+%Y-%m-%d %H:%M:%S UTC'), kit commit $(cat "$kit/COMMIT" 2>/dev/null)"
say "machine: $(nproc) cores, $(uname -srm), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory, load $(cut -d' ' -f1-3 /proc/loadavg)"
say "java: $home ($("$BENCH_JAVA" -version 2>&1 | head -n1))"

scenario=""
if [[ -z "$models" ]]; then
  if "$BENCH_JAVA" -jar "$BENCH_SIM_JAR" validate "$kit/scenarios/scale-10000-populations.yaml" \
      >/dev/null 2>&1; then
    models=10000 scenario="$kit/scenarios/scale-10000-populations.yaml"
  else
    scenario="$(cd "$kit/scenarios" && ls scale-*-hand.yaml | sort -t- -k2 -n | tail -n1)"
    models="$(echo "$scenario" | cut -d- -f2)"
    scenario="$kit/scenarios/$scenario"
    say "(this jar does not accept populations: the hand-listed scenario is used)"
  fi
else
  scenario="$kit/scenarios/scale-$models-populations.yaml"
  "$BENCH_JAVA" -jar "$BENCH_SIM_JAR" validate "$scenario" >/dev/null 2>&1 \
    || scenario="$kit/scenarios/scale-$models-hand.yaml"
fi
if [[ ! -f "$scenario" ]]; then
  say "error: no packed scenario for $models models: $(ls "$kit/scenarios")"
  exit 1
fi
say "scenario: $(basename "$scenario") ($models models + $((models / 100)) humans, 100 ticks)"
timeout 470 bash "$kit/bench/scaling.sh" --scenario "$scenario" --engine \
  --models "$models" --humans "$((models / 100))" --ticks 100 --threads "$threads" \
  --budget "$budget" --timeout "$tmo"
rc=$?
[[ "$rc" == 124 ]] && say "(stopped by the 470 s limit)"
say "done at $(date -u '+%H:%M:%S UTC')"
exit 0
