#!/usr/bin/env bash
# Builds the reactor and runs the engine benchmark. Arguments pass through to
# ouroboros.bench.EngineBenchmark, e.g.  bench/run.sh --models 100 --ticks 20
# Environment: BENCH_HEAP (default 8g) sets -Xmx; BENCH_SKIP_BUILD=1 skips the Maven build;
# BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
  mvn -q -B -ntp -DskipTests package
fi

cp="$root/bench/target/ouroboros-bench.jar:$root/bench/target/lib/*"
# shellcheck disable=SC2086
exec java -Xmx"${BENCH_HEAP:-8g}" ${BENCH_JAVA_OPTS:-} -cp "$cp" ouroboros.bench.EngineBenchmark "$@"
