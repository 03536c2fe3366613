# Shared by the bench/*.sh scripts (sourced, not run). Standard tools only (bash, awk, date), so
# that the device kit's copy runs where there is no Python and no Maven.
#
# Environment:
#   BENCH_SKIP_BUILD=1   do not build (all.sh builds once and sets it for the scripts it runs)
#   BENCH_JAVA           the java to run (default: java on PATH)
#   BENCH_JAVA_OPTS      extra JVM options for every Java run
#   OUROBOROS_CDS=0      ouroboros runs (of this tree's jar or BENCH_SIM_JAR's) start without the
#                        class-data archive that the ouroboros launcher uses (sim/cds.sh); by
#                        default they use one next to the jar, as users do
#   BENCH_PYTHON         the Python with numpy for P1 (default /usr/bin/python3)
#   BENCH_WORK           where scenarios and run directories go (default: a fresh /tmp folder,
#                        removed at exit unless BENCH_KEEP=1)
#   BENCH_RESULTS        a file every result line is appended to (all.sh's summary)

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${BENCH_JAVA:-java}"
PY="${BENCH_PYTHON:-/usr/bin/python3}"
SIM_JAR="${BENCH_SIM_JAR:-$bench_root/sim/target/ouroboros-sim.jar}"
BENCH_CP="${BENCH_CP:-$bench_root/bench/target/ouroboros-bench.jar:$bench_root/bench/target/lib/*}"
GEN="$bench_root/bench/gen.py"

# Builds the reactor once (package, never install: bench/target/lib gets this tree's jars).
bench_build() {
  if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
    echo "building (mvn -o -q -B package -DskipTests; BENCH_SKIP_BUILD=1 skips it)..." >&2
    (cd "$bench_root" && MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" \
      mvn -o -q -B -ntp -Dstyle.color=never -DskipTests package)
    export BENCH_SKIP_BUILD=1
  fi
  bench_cds
}

# Starts the `ouroboros` runs of SIM_JAR (this tree's jar, or BENCH_SIM_JAR's) with the launcher's
# JVM options (sim/jvm.sh): its JIT thresholds and collector (JIT_OPTS and GC_OPTS, which p4.sh
# uses too) and a class-data archive next to that jar (sim/cds.sh makes it when it is missing or
# older than the jar, once per build), so that a figure with JVM start-up in it is what a user
# sees, and a comparison of two jars gives both the same start. Only with the java on PATH (the
# archive belongs to one JVM, and sim/cds.sh makes it with that java) and where sim/jvm.sh is (the
# device kit has no sim/); OUROBOROS_CDS=0 turns the archive off for every jar. Says which it is
# once.
bench_cds() {
  local state="off"
  if [[ -z "${BENCH_JAVA:-}" && -f "$bench_root/sim/jvm.sh" && -f "$SIM_JAR" ]]; then
    # shellcheck source=../sim/jvm.sh
    source "$bench_root/sim/jvm.sh" "$SIM_JAR"
    # shellcheck disable=SC2206
    SIM=("$JAVA" "${OUROBOROS_JVM[@]}" ${BENCH_JAVA_OPTS:-} -jar "$SIM_JAR")
    [[ " ${CDS_OPTS[*]} " == *" -XX:SharedArchiveFile="* ]] && state="on (${SIM_JAR%.jar}.jsa)"
  fi
  if [[ -z "${BENCH_CDS_SAID:-}" ]]; then
    echo "(class-data archive for ouroboros runs: $state; OUROBOROS_CDS=0 turns it off)" >&2
    export BENCH_CDS_SAID=1
  fi
}

# A work folder for scenarios and run directories.
bench_workdir() {
  if [[ -z "${BENCH_WORK:-}" ]]; then
    BENCH_WORK="$(mktemp -d /tmp/ouroboros-bench.XXXXXX)"
    if [[ "${BENCH_KEEP:-0}" != "1" ]]; then
      trap 'rm -rf "$BENCH_WORK"' EXIT
    fi
  fi
  mkdir -p "$BENCH_WORK"
}

now() { date +%s.%N; }

# timed LOG CMD...: runs CMD with stdout+stderr to LOG; sets WALL (seconds), RSS_MIB (max
# resident set from /usr/bin/time, or "n/a"), CPU_S (user + system seconds of CMD and its
# children, or "n/a") and RC.
timed() {
  local log="$1"; shift
  local t0 t1
  RSS_MIB="n/a" CPU_S="n/a"
  t0="$(now)"
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%M %U %S' -o "$log.rss" "$@" >"$log" 2>&1 && RC=0 || RC=$?
    t1="$(now)"
    RSS_MIB="$(awk 'END { if ($1 ~ /^[0-9]+$/) printf "%.0f", $1 / 1024; else print "n/a" }' \
      "$log.rss")"
    CPU_S="$(awk 'END { if ($2 ~ /^[0-9.]+$/) printf "%.2f", $2 + $3; else print "n/a" }' \
      "$log.rss")"
  else
    "$@" >"$log" 2>&1 && RC=0 || RC=$?
    t1="$(now)"
  fi
  WALL="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
}

# calc EXPR: floating-point arithmetic through awk, e.g. calc "3 / 7" -> 0.4286
calc() {
  awk "BEGIN { v = $1; if (v >= 1000 || v <= -1000) printf \"%.0f\", v; else printf \"%.4g\", v }"
}

# peak_heap_mib GCLOG: the largest heap-used-before-GC of a -Xlog:gc log ("123M->45M(512M)").
peak_heap_mib() {
  awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+[KMG]->[0-9]+[KMG]\([0-9]+[KMG]\)$/) {
           v = $i; sub(/->.*/, "", v); u = substr(v, length(v)); v = substr(v, 1, length(v) - 1) + 0;
           if (u == "K") v /= 1024; if (u == "G") v *= 1024; if (v > m) m = v } }
       END { if (m > 0) printf "%.0f", m; else print "n/a" }' "$1"
}

# result NAME VALUE GOAL_OP GOAL UNIT: prints a figure with its goal (OP is >= or <=) and
# MET/MISSED, and appends it to $BENCH_RESULTS. VALUE "n/a" prints as not measured.
result() {
  local name="$1" value="$2" op="$3" goal="$4" unit="$5" verdict
  if [[ "$value" == "n/a" || -z "$value" ]]; then
    verdict="not measured"
  else
    verdict="$(awk -v v="$value" -v g="$goal" -v op="$op" 'BEGIN {
      ok = (op == ">=") ? (v + 0 >= g + 0) : (v + 0 <= g + 0); print ok ? "MET" : "MISSED" }')"
  fi
  local line
  line="$(printf '%-58s %12s %-10s goal %s %s  %s' "$name" "$value" "$unit" "$op" "$goal" \
    "$verdict")"
  echo "$line"
  if [[ -n "${BENCH_RESULTS:-}" ]]; then echo "$line" >>"$BENCH_RESULTS"; fi
}

# info NAME VALUE UNIT: a figure without a goal (also appended to $BENCH_RESULTS).
info() {
  local line
  line="$(printf '%-58s %12s %s' "$1" "$2" "$3")"
  echo "$line"
  if [[ -n "${BENCH_RESULTS:-}" ]]; then echo "$line" >>"$BENCH_RESULTS"; fi
}

# The ouroboros command from this tree's jar, as an array: timed LOG "${SIM[@]}" run X.yaml
# (bench_build adds the class-data archive, see bench_cds)
# shellcheck disable=SC2206
SIM=("$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$SIM_JAR")

# run_failed LOG: prints why a run failed (the log's last lines).
run_failed() {
  echo "  the run failed (exit $RC); the end of its output:" >&2
  tail -n 8 "$1" | sed 's/^/    /' >&2
}

# run_seconds RUNDIR: the engine's own wall time from the run directory's timing.json
# ("wall-seconds": the run without JVM start-up and report), or n/a.
run_seconds() {
  local f="$1/timing.json"
  if [[ -f "$f" ]]; then
    awk -F: '/"wall-seconds"/ { gsub(/[ ,]/, "", $2); printf "%.3f", $2; found = 1 }
             END { if (!found) print "n/a" }' "$f"
  else
    echo n/a
  fi
}

# note LINE: prints a free-form line and appends it to $BENCH_RESULTS.
note() {
  echo "$1"
  if [[ -n "${BENCH_RESULTS:-}" ]]; then echo "$1" >>"$BENCH_RESULTS"; fi
}
