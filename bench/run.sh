#!/usr/bin/env bash
# Benchmark suite of the portal (issue 7): bash bench/run.sh [--quick] [--opinions N]
# Installs wrk (and Chromium for the browser part) with apt-get when they are missing and this runs as root,
# builds Portal.Web and Portal.Bench in Release, then runs everything on loopback: see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "bench: installing ${missing[*]} (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "bench: missing ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
    command -v wrk >/dev/null 2>&1 || exit 2
  fi
fi

echo "bench: building Portal.Web and Portal.Bench (Release)"
dotnet build -c Release -v q -nologo src/Portal.Web/Portal.Web.csproj
dotnet build -c Release -v q -nologo bench/Portal.Bench/Portal.Bench.csproj
exec dotnet bench/Portal.Bench/bin/Release/net10.0/Portal.Bench.dll "$@"
