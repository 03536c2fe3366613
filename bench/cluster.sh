#!/usr/bin/env bash
# Cluster: the same world in one JVM (no cluster) and then on N JVMs on loopback (the run's node,
# which runs the clock, plus N - 1 `ouroboros node --join` workers), in one invocation, printed side
# by side: the run's own wall time (timing.json), the whole command's wall time, the bytes the
# clock's node sent and received per tick (its closing "cluster: this node sent ..." line, the
# counts the ouroboros_node_bytes_* meters read), the barrier wait per tick (timing.json's publish +
# retrain phase seconds: what ouroboros_node_barrier_wait_seconds_total counts on the clock's node,
# no checkpoints here), peak RSS (/usr/bin/time %M), peak heap (-Xlog:gc) and CPU seconds of each
# JVM, with ratios against the one-JVM run. It then checks that metrics.csv, summary.json and
# graph/ of the cluster run are byte-identical to the one-JVM run's: prints "identical" or fails.
#
# The world is bench/gen.py's scale scenario as populations (Gaussian d = 1, 100 items per agent
# per tick, scrape 100, retrain every 10 ticks from tick 9, web retention 10).
#
# Usage: bench/cluster.sh [--models N] [--humans H] [--ticks T] [--nodes N] [--threads N]
#          [--heap SIZE] [--timeout S] [--live-heap [--live-at T]]
#   --models, --humans, --ticks   the world (default 2000 models, models/100 humans, 20 ticks)
#   --nodes    JVMs of the cluster run, the clock's included (default 3)
#   --threads  dispatcher threads of every JVM (default: the JVM's choice, the cores here)
#   --heap     -Xmx of every JVM (default 2g)
#   --timeout  seconds after which a JVM is stopped (default 900)
#   --live-heap  also the live heap of every JVM: a class histogram (`jcmd PID GC.class_histogram`,
#              a full GC first) of each, taken when the run's progress line (the runs are then
#              not --quiet) reaches tick --live-at (default ticks - 5, when a retention of 10 is
#              full); the full GCs add to the times
# Environment as the other scripts (bench/lib.sh): BENCH_SIM_JAR, BENCH_SKIP_BUILD, BENCH_JAVA,
# BENCH_JAVA_OPTS, BENCH_WORK, BENCH_KEEP, BENCH_RESULTS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

models=2000 humans="" ticks=20 nodes=3 threads="" heap=2g tmo=900 live=0 live_at=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) models="$2"; shift 2 ;;
    --humans) humans="$2"; shift 2 ;;
    --ticks) ticks="$2"; shift 2 ;;
    --nodes) nodes="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --timeout) tmo="$2"; shift 2 ;;
    --live-heap) live=1; shift ;;
    --live-at) live_at="$2"; shift 2 ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
humans="${humans:-$((models / 100))}"
live_at="${live_at:-$((ticks > 5 ? ticks - 5 : 0))}"
quiet=--quiet
[[ "$live" == 1 ]] && quiet=""
if [[ "$live" == 1 ]] && ! command -v jcmd >/dev/null; then
  echo "error: --live-heap needs jcmd (from the JDK) on PATH" >&2
  exit 2
fi
if ! [[ "$nodes" =~ ^[0-9]+$ ]] || ((nodes < 2)); then
  echo "error: --nodes must be a whole number of at least 2, got '$nodes'" >&2
  exit 2
fi
bench_build
bench_workdir

# Every JVM this script starts (the /usr/bin/time or timeout wrapping it) is killed on exit.
children=()
cleanup() {
  local p
  for p in "${children[@]}"; do
    if kill -0 "$p" 2>/dev/null; then
      pkill -TERM -P "$p" 2>/dev/null || true
      kill -TERM "$p" 2>/dev/null || true
    fi
  done
  if [[ "${BENCH_KEEP:-0}" != "1" && -n "${BENCH_WORK:-}" && "$BENCH_WORK" == /tmp/ouroboros-bench.* ]]; then
    rm -rf "$BENCH_WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# free_port: a loopback port nobody listens on now (bash's /dev/tcp, no Python needed).
free_port() {
  local p i
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "error: found no free loopback port in 200 tries" >&2
  return 1
}

# launch NAME CMD...: starts CMD in the background under /usr/bin/time (peak RSS, CPU seconds) and
# timeout, output to $BENCH_WORK/NAME.log; sets LAUNCHED to its pid.
launch() {
  local name="$1"; shift
  /usr/bin/time -f '%M %U %S' -o "$BENCH_WORK/$name.time" \
    timeout "$tmo" "$JAVA" -Xmx"$heap" -Xlog:gc:file="$BENCH_WORK/$name.gc.log" \
    ${BENCH_JAVA_OPTS:-} -jar "$SIM_JAR" "$@" >"$BENCH_WORK/$name.log" 2>&1 &
  LAUNCHED=$!
  children+=("$LAUNCHED")
  pid_of[$name]="$LAUNCHED"
}
declare -A pid_of
# java_pid LAUNCHED: the java under /usr/bin/time and timeout, or nothing.
java_pid() {
  local t
  t="$(pgrep -P "$1" | head -n 1 || true)"
  if [[ -n "$t" ]]; then pgrep -P "$t" java | head -n 1 || true; fi
}
# await LOG LAUNCHER NAME...: waits until LAUNCHER ends; with --live-heap, once the run's
# progress in LOG ("name: 40% (8/20 ticks, ...)") reaches tick $live_at, writes a class histogram
# of each NAME's JVM to NAME.hist.
await() {
  local log="$1" launcher="$2" taken=0 t name jpid hists=()
  shift 2
  if [[ "$live" == 1 ]]; then
    while kill -0 "$launcher" 2>/dev/null; do
      if [[ "$taken" == 0 && -f "$log" ]]; then
        t="$(grep -o '([0-9]*/[0-9]* ticks' "$log" | tail -n 1 | sed 's/^(\([0-9]*\)\/.*/\1/' || true)"
        if [[ "$t" =~ ^[0-9]+$ && "$t" -ge "$live_at" ]]; then
          # All at once: one after the other, the last JVM's could come after the run's end.
          for name in "$@"; do
            jpid="$(java_pid "${pid_of[$name]}")"
            if [[ -n "$jpid" ]]; then
              { jcmd "$jpid" GC.class_histogram 2>/dev/null || true; echo "tick $t"; } \
                >"$BENCH_WORK/$name.hist" &
              hists+=("$!")
            fi
          done
          taken=1
        fi
      fi
      sleep 0.5
    done
  fi
  if ((${#hists[@]} > 0)); then wait "${hists[@]}" || true; fi
  wait "$launcher"
}
# live_mib NAME: the live heap of NAME's histogram in MiB, or n/a; live_kb NAME: in KB (1,000
# bytes) per agent of the world.
live_mib() {
  awk '$1 == "Total" { printf "%.0f", $3 / 1048576; f = 1 } END { if (!f) print "n/a" }' \
    "$BENCH_WORK/$1.hist" 2>/dev/null || echo n/a
}
live_kb() {
  awk -v n="$agents" '$1 == "Total" { printf "%.1f", $3 / n / 1000; f = 1 } END { if (!f) print "n/a" }' \
    "$BENCH_WORK/$1.hist" 2>/dev/null || echo n/a
}
live_tick() { awk '$1 == "tick" { t = $2 } END { print t ? t : "?" }' "$BENCH_WORK/$1.hist" 2>/dev/null || echo "?"; }
rss_mib() { awk 'NR == 1 && $1 ~ /^[0-9]+$/ { printf "%.0f", $1 / 1024; ok = 1 } END { if (!ok) print "n/a" }' "$BENCH_WORK/$1.time"; }
cpu_s() { awk 'NR == 1 && NF >= 3 { printf "%.1f", $2 + $3; ok = 1 } END { if (!ok) print "n/a" }' "$BENCH_WORK/$1.time"; }
# phase_seconds RUNDIR NAME: a phase's seconds from timing.json's phase-seconds.
phase_seconds() {
  awk -v k="$2" '{ line = $0; gsub(/[ ",]/, "", line); n = split(line, kv, ":")
                   if (n == 2 && kv[1] == k) { printf "%.4f", kv[2]; f = 1 } }
                 END { if (!f) print "n/a" }' "$1/timing.json" 2>/dev/null || echo n/a
}
# traffic LOG: "SENT RECEIVED CALLS ALL_SENT ALL_RECEIVED" from a node's closing traffic line:
# bytes of items and reports, block calls (0 for a worker), and bytes of every message over Artery
# (control messages and Akka's cluster traffic included; n/a from a build that does not print them).
traffic() {
  awk '/^cluster: this node sent/ { print $5, $8, $15, ($22 == "" ? "n/a" : $22), ($24 == "" ? "n/a" : $24); f = 1 }
       /^node: sent/ { print $3, $6, 0, ($17 == "" ? "n/a" : $17), ($19 == "" ? "n/a" : $19); f = 1 }
       END { if (!f) print "n/a n/a n/a n/a n/a" }' "$1"
}
# ratio A B: A / B, or n/a.
ratio() {
  if [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && awk -v b="$2" 'BEGIN { exit !(b > 0) }'; then
    calc "$1 / $2"
  else
    echo n/a
  fi
}
per() { if [[ "$1" =~ ^[0-9.]+$ ]]; then calc "$1 / $2"; else echo n/a; fi; }
row() { note "$(printf '  %-52s %14s %14s %9s' "$1" "$2" "$3" "$4")"; }

scen="$BENCH_WORK/cluster.yaml"
"$PY" "$GEN" scale --style populations --models "$models" --humans "$humans" --ticks "$ticks" \
  >"$scen"
agents=$((models + humans))
note "== Cluster: one JVM against $nodes JVMs on loopback ($models models + $humans humans, $ticks ticks, -Xmx$heap${threads:+, --threads $threads}; $(nproc) cores here; load before:$(uptime | sed 's/.*load average://'))"

# 1. One JVM, no cluster.
t0="$(now)"
launch one run $quiet ${threads:+--threads "$threads"} --out "$BENCH_WORK/one" "$scen"
await "$BENCH_WORK/one.log" "$LAUNCHED" one && RC=0 || RC=$?
one_wall="$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')"
if [[ "$RC" != 0 ]]; then
  run_failed "$BENCH_WORK/one.log"
  exit 1
fi

# 2. N JVMs: the run's node first (it is the seed node and waits for --min-nodes), then workers.
port="$(free_port)"
t0="$(now)"
launch clock run $quiet ${threads:+--threads "$threads"} --out "$BENCH_WORK/cluster" \
  --cluster "127.0.0.1:$port" --min-nodes "$nodes" "$scen"
clock_pid="$LAUNCHED"
workers=()
for ((w = 1; w < nodes; w++)); do
  launch "worker$w" node --join "127.0.0.1:$port" ${threads:+--threads "$threads"}
  workers+=("$LAUNCHED")
done
names=(clock)
for ((w = 1; w < nodes; w++)); do names+=("worker$w"); done
await "$BENCH_WORK/clock.log" "$clock_pid" "${names[@]}" && RC=0 || RC=$?
clock_wall="$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')"
if [[ "$RC" != 0 ]]; then
  run_failed "$BENCH_WORK/clock.log"
  exit 1
fi
for p in "${workers[@]}"; do
  wait "$p" || echo "  (a worker exited with status $?; see its log)" >&2
done
all_wall="$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')"
uptime_after="$(uptime | sed 's/.*load average://')"

# The figures.
read -r sent received calls all_sent all_received <<<"$(traffic "$BENCH_WORK/clock.log")"
one_run="$(run_seconds "$BENCH_WORK/one")" cl_run="$(run_seconds "$BENCH_WORK/cluster")"
barrier() {
  local p r
  p="$(phase_seconds "$1" publish)" r="$(phase_seconds "$1" retrain)"
  if [[ "$p" == n/a || "$r" == n/a ]]; then echo n/a; else calc "($p + $r) / $ticks"; fi
}
one_bar="$(barrier "$BENCH_WORK/one")" cl_bar="$(barrier "$BENCH_WORK/cluster")"
# outside RUNDIR: the run's wall time outside its phases (start-up: spawning the agents, on a
# cluster also preparing every node and starting the blocks; the end), or n/a.
outside() {
  local w e p r
  w="$(run_seconds "$1")" e="$(phase_seconds "$1" events)"
  p="$(phase_seconds "$1" publish)" r="$(phase_seconds "$1" retrain)"
  if [[ "$w" == n/a || "$e" == n/a || "$p" == n/a || "$r" == n/a ]]; then echo n/a
  else calc "$w - $e - $p - $r"; fi
}
one_out="$(outside "$BENCH_WORK/one")" cl_out="$(outside "$BENCH_WORK/cluster")"
items="$(awk -F: '/"items-published"/ { gsub(/[ ,]/, "", $2); print $2 }' "$BENCH_WORK/one/timing.json")"
blocks="$(sed -n 's/^cluster: [0-9]* nodes, [0-9]* agents in \([0-9]*\) blocks of \([0-9]*\).*/\1 of \2/p' \
  "$BENCH_WORK/clock.log")"
note "  ($agents agents, $items items published in all, $((items / ticks)) a tick; cluster: ${blocks:-?} agents a block)"
row "figure" "1 JVM" "$nodes JVMs" "ratio"
row "run wall time (timing.json), s" "$one_run" "$cl_run" "$(ratio "$cl_run" "$one_run")"
row "  of which outside the tick phases, s" "$one_out" "$cl_out" "$(ratio "$cl_out" "$one_out")"
row "whole command wall (the run's node), s" "$one_wall" "$clock_wall" "$(ratio "$clock_wall" "$one_wall")"
row "until every JVM exited, s" "$one_wall" "$all_wall" "$(ratio "$all_wall" "$one_wall")"
row "barrier wait per tick (publish + retrain), s" "$one_bar" "$cl_bar" "$(ratio "$cl_bar" "$one_bar")"
row "clock node: bytes sent per tick" 0 "$(per "$sent" "$ticks")" ""
row "clock node: bytes received per tick" 0 "$(per "$received" "$ticks")" ""
row "clock node: bytes sent per tick per agent" 0 "$(per "$sent" "$((ticks * agents))")" ""
row "clock node: bytes sent per item published" 0 "$(per "$sent" "$items")" ""
row "clock node: block calls per tick" 0 "$(per "$calls" "$ticks")" ""
row "clock node: all bytes over Artery sent / received per tick" 0 "$(per "$all_sent" "$ticks") / $(per "$all_received" "$ticks")" ""
for ((w = 1; w < nodes; w++)); do
  read -r ws wr _ was war <<<"$(traffic "$BENCH_WORK/worker$w.log")"
  row "worker $w: bytes sent / received per tick" "" "$(per "$ws" "$ticks") / $(per "$wr" "$ticks")" ""
  row "worker $w: all bytes over Artery sent / received per tick" "" "$(per "$was" "$ticks") / $(per "$war" "$ticks")" ""
done
one_rss="$(rss_mib one)" clock_rss="$(rss_mib clock)"
row "peak RSS, run's node, MiB" "$one_rss" "$clock_rss" "$(ratio "$clock_rss" "$one_rss")"
sum_rss="$clock_rss" sum_cpu="$(cpu_s clock)"
for ((w = 1; w < nodes; w++)); do
  r="$(rss_mib "worker$w")"
  row "peak RSS, worker $w, MiB" "" "$r" "$(ratio "$r" "$one_rss")"
  sum_rss="$(awk -v a="$sum_rss" -v b="$r" 'BEGIN { print (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/) ? a + b : "n/a" }')"
  sum_cpu="$(awk -v a="$sum_cpu" -v b="$(cpu_s "worker$w")" 'BEGIN { print (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/) ? a + b : "n/a" }')"
done
row "peak RSS, all JVMs together, MiB" "$one_rss" "$sum_rss" "$(ratio "$sum_rss" "$one_rss")"
one_heap="$(peak_heap_mib "$BENCH_WORK/one.gc.log")" clock_heap="$(peak_heap_mib "$BENCH_WORK/clock.gc.log")"
row "peak heap (largest heap-before-GC), run's node, MiB" "$one_heap" "$clock_heap" "$(ratio "$clock_heap" "$one_heap")"
for ((w = 1; w < nodes; w++)); do
  h="$(peak_heap_mib "$BENCH_WORK/worker$w.gc.log")"
  row "peak heap, worker $w, MiB" "" "$h" "$(ratio "$h" "$one_heap")"
done
if [[ "$live" == 1 ]]; then
  one_live="$(live_mib one)" clock_live="$(live_mib clock)"
  row "live heap at tick $(live_tick one) / $(live_tick clock), run's node, MiB" "$one_live" "$clock_live" "$(ratio "$clock_live" "$one_live")"
  row "  per agent of the world, KB" "$(live_kb one)" "$(live_kb clock)" ""
  for ((w = 1; w < nodes; w++)); do
    l="$(live_mib "worker$w")"
    row "live heap at tick $(live_tick "worker$w"), worker $w, MiB" "" "$l" "$(ratio "$l" "$one_live")"
    row "  per agent of the world, KB" "" "$(live_kb "worker$w")" ""
  done
fi
one_cpu="$(cpu_s one)"
row "CPU seconds (user + sys), run's node" "$one_cpu" "$(cpu_s clock)" "$(ratio "$(cpu_s clock)" "$one_cpu")"
row "CPU seconds (user + sys), all JVMs" "$one_cpu" "$sum_cpu" "$(ratio "$sum_cpu" "$one_cpu")"
note "  (load after:$uptime_after)"

# 3. Byte identity of the outputs.
same=1
for f in metrics.csv summary.json graph; do
  if ! diff -r -q "$BENCH_WORK/one/$f" "$BENCH_WORK/cluster/$f" >/dev/null 2>&1; then
    note "  $f: DIFFERS between 1 JVM and $nodes JVMs"
    same=0
  fi
done
if [[ "$same" == 1 ]]; then
  note "  metrics.csv, summary.json, graph/: identical"
else
  echo "error: the $nodes-JVM run's files differ from the one-JVM run's (kept in $BENCH_WORK)" >&2
  BENCH_KEEP=1
  exit 1
fi
