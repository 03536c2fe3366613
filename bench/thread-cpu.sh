#!/usr/bin/env bash
# Where a command's CPU goes, by thread: runs CMD, reads /proc/PID/task/*/stat every 0.1 s while
# it runs, keeps each thread's largest user + system time, and prints the CPU seconds of each
# thread name (digits folded, so that the dispatcher's threads add up; Linux keeps 15 characters
# of a name, so the graph's three threads show as one "ouroboros-graph"), largest first, and
# their total. A thread that starts and ends between two reads is missed, so the total is a
# lower bound. Standard tools only (bash, awk).
#
# Usage: bench/thread-cpu.sh CMD...   for example, as the thread-scaling figures in the README:
#   source sim/jvm.sh sim/target/ouroboros-sim.jar
#   bench/thread-cpu.sh java "${OUROBOROS_JVM[@]}" -jar sim/target/ouroboros-sim.jar run \
#     --threads 1 --quiet --out /tmp/run scenario.yaml
set -euo pipefail
if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD..." >&2
  exit 2
fi
"$@" >/dev/null 2>&1 &
pid=$!
declare -A cpu name
while kill -0 "$pid" 2>/dev/null; do
  for t in /proc/"$pid"/task/*; do
    # bash's own read, not a cat: a fork per thread per read stretched P4's 100,000 models
    # (about 50 threads) to 94 s on 2 cores, against 77-88 s without it.
    IFS= read -r s 2>/dev/null <"$t/stat" || continue
    tid="${t##*/}"
    n="${s#*(}"
    n="${n%%)*}"
    # shellcheck disable=SC2086
    set -- ${s##*) }
    ut=$((${12} + ${13}))
    name[$tid]="$n"
    if ((ut > ${cpu[$tid]:-0})); then cpu[$tid]=$ut; fi
  done
  sleep 0.1
done
rc=0
wait "$pid" || rc=$?
hz="$(getconf CLK_TCK)"
for tid in "${!cpu[@]}"; do echo "${name[$tid]}|${cpu[$tid]}"; done |
  sed -E 's/[0-9]+\|/N|/' |
  awk -F'|' -v hz="$hz" '{a[$1] += $2; t += $2}
    END {for (k in a) if (a[k] > 0) printf "%8.2f s  %s\n", a[k] / hz, k;
         printf "%8.2f s  TOTAL\n", t / hz}' | sort -rn
if [[ "$rc" != 0 ]]; then
  echo "(the command exited with $rc)" >&2
fi
exit "$rc"
