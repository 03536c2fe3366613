#!/usr/bin/env bash
# The JVM options of the ouroboros command: `source sim/jvm.sh JAR [ARGS...]` (ARGS: the
# command's arguments) sets OUROBOROS_JVM, the options that the launcher (and bench/lib.sh, which
# starts runs as users do) puts before OUROBOROS_JAVA_OPTS, so that a user's own option of the same
# name wins.
#
# JIT_OPTS: C2, the optimising compiler, takes a method only after 100 times the JDK's default
# invocation and loop counts; until then it runs as C1 compiled it. A run of a few seconds
# otherwise spends most of its CPU compiling: the P1 Gaussian run (1,000 chains, 100
# generations, 2 cores) had 7.4 s of compilation (-XX:+CITime) in 10.3 s of user CPU, C2 most of
# it, on code (the report, Jackson, the files' formatting) that the run leaves before C2's code
# pays off. On 2 cores the whole command went from 5.4-5.7 s to 4.3-4.7 s, P5's sweep from 1,800-
# 2,200 to 2,260-2,390 runs per minute, while a long run keeps C2 for its hot loops (P4's 100,000
# models: 71.5 s default, 73.4 s with these, one pair). TieredStopAtLevel=1 (C1 only) is faster
# still for a short run (3.5-4.3 s) but 17 % slower at 100,000 models (82 s), so it is not the
# default: OUROBOROS_JAVA_OPTS=-XX:TieredStopAtLevel=1 picks it for short runs.
#
# GC_OPTS: the parallel collector, a throughput collector, instead of G1. On 2 cores G1's
# concurrent work and its write barriers cost more than the parallel collector's pauses: P4's
# 100,000 models (-Xmx8g) took 62.6 and 66.1 s against G1's 68.5 and 75.8 s (two alternating
# pairs), with a peak heap of 5.3 GiB against 7 GiB and 2 GiB less resident memory; the P1 runs
# 3-7 % less. Its full collections pause the whole JVM (up to about 1 s at 100,000 models), which
# a cluster's failure detector may take for a dead node, so G1 stays for `node` and for a run
# with --cluster. No GC_OPTS either when OUROBOROS_JAVA_OPTS, JDK_JAVA_OPTIONS, JAVA_TOOL_OPTIONS
# or BENCH_JAVA_OPTS picks a collector (-XX:+Use...GC, G1 included): the JVM refuses two.
#
# CDS_OPTS: the class-data archive (sim/cds.sh).
jvm_jar="$1"
shift
JIT_OPTS=(-XX:Tier4InvocationThreshold=500000 -XX:Tier4MinInvocationThreshold=60000
  -XX:Tier4CompileThreshold=1500000 -XX:Tier4BackEdgeThreshold=4000000)
GC_OPTS=(-XX:+UseParallelGC)
if [[ "${1:-}" == node ]]; then
  GC_OPTS=()
fi
for jvm_arg in "$@"; do
  if [[ "$jvm_arg" == --cluster || "$jvm_arg" == --cluster=* ]]; then
    GC_OPTS=()
  fi
done
if [[ " ${OUROBOROS_JAVA_OPTS:-} ${JDK_JAVA_OPTIONS:-} ${JAVA_TOOL_OPTIONS:-} ${BENCH_JAVA_OPTS:-} " \
    =~ [[:space:]]-XX:\+Use[A-Za-z0-9]*GC[[:space:]] ]]; then
  GC_OPTS=()
fi
# shellcheck source=cds.sh
source "$(dirname "${BASH_SOURCE[0]}")/cds.sh" "$jvm_jar"
OUROBOROS_JVM=("${JIT_OPTS[@]}" ${GC_OPTS[@]+"${GC_OPTS[@]}"} "${CDS_OPTS[@]}")
