#!/usr/bin/env bash
# Class-data sharing for the ouroboros command: `source sim/cds.sh JAR` sets CDS_OPTS, the JVM
# options that start java from an application class-data archive next to JAR (JAR's name with
# .jsa), and makes that archive first when it is missing or older than JAR, by running the
# quickstart once with -XX:ArchiveClassesAtExit (a few seconds, once per build). The archive
# holds the parsed and verified classes a run loads (Akka, Jackson, picocli, JFreeChart, ours), so
# that each later start skips that work: about a quarter of a short run's CPU time. A stale or
# unusable archive is ignored without a message (the JVM checks it against the jar), so the
# worst case is a start as slow as without it.
cds_jar="$1"
cds_archive="${cds_jar%.jar}.jsa"
CDS_OPTS=(-Xlog:cds=off -Xlog:cds+dynamic=off)
if [[ "${OUROBOROS_CDS:-1}" == 1 ]]; then
  if [[ ! -f "$cds_archive" || "$cds_jar" -nt "$cds_archive" ]]; then
    cds_dir="$(mktemp -d)"
    cds_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    if java "${CDS_OPTS[@]}" -XX:ArchiveClassesAtExit="$cds_dir/a.jsa" -jar "$cds_jar" run \
        "$cds_root/scenarios/quickstart.yaml" --quiet --out "$cds_dir/run" >/dev/null 2>&1 &&
        [[ -s "$cds_dir/a.jsa" ]]; then
      mv -f "$cds_dir/a.jsa" "$cds_archive" 2>/dev/null || true
    fi
    rm -rf "$cds_dir"
  fi
  if [[ -f "$cds_archive" ]]; then
    CDS_OPTS+=(-XX:SharedArchiveFile="$cds_archive")
  fi
fi
