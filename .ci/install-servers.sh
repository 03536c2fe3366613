#!/usr/bin/env bash
# Installs the servers the integration tests start, each only when it is missing:
#   prometheus (with promtool): the dashboards' queries run against a real Prometheus;
#   chromium: the browser test;
#   strace: the test that watches a run fsync each file before renaming it.
# Debian packages, through apt-get; run as root (CI is). Quiet when there is nothing to do, and
# prints only apt-get's errors otherwise. Safe to run again.
set -euo pipefail

# package name -> a command the package provides
declare -A provides=([prometheus]=promtool [chromium]=chromium [strace]=strace)

missing=()
for package in prometheus chromium strace; do
  if ! command -v "${provides[$package]}" >/dev/null 2>&1; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-servers: ${missing[*]} missing; run as root to install them with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt-get or dpkg to let go of the lock instead of failing at once.
apt=(apt-get -q -o DPkg::Lock::Timeout=600)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${apt[@]}" update && "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; } \
    >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-servers: could not install ${missing[*]}" >&2
  exit 1
fi
for package in "${missing[@]}"; do
  if ! command -v "${provides[$package]}" >/dev/null 2>&1; then
    echo "install-servers: installed $package but ${provides[$package]} is not on the PATH" >&2
    exit 1
  fi
done
