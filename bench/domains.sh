#!/usr/bin/env bash
# Builds the reactor and times fit, sample and evaluate for each domain at the sizes of its
# example scenarios (scenarios/domains/*.yaml and the quickstart). Arguments pass through to
# ouroboros.bench.DomainBenchmark, e.g.  bench/domains.sh --millis 1000
# BENCH_SKIP_BUILD=1 skips the Maven build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
  mvn -q -B -ntp -Dstyle.color=never -DskipTests package
fi

exec java -cp "$root/bench/target/ouroboros-bench.jar:$root/bench/target/lib/*" \
  ouroboros.bench.DomainBenchmark "$@"
