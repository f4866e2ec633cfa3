#!/usr/bin/env bash
# The one build script.
#   ./build.sh test        install what a fresh Debian machine lacks, restore, build (Release) and run every test
#   ./build.sh build       restore and build only
#   ./build.sh run         run the platform (Embedded profile)
set -euo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Release}"

ensure_tools() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "build.sh: installing redis-server (tests start their own private instance)"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  fi
  # The Debian package starts a system-wide server; tests never use it, so leave the machine as it was found.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet redis-server 2>/dev/null; then
    systemctl stop redis-server || true
  fi
}

build() {
  dotnet restore Orleans.RealTime.sln
  dotnet build Orleans.RealTime.sln --no-restore -c "$configuration"
}

run_tests() {
  local results="artifacts/test-results"
  rm -rf "$results"
  set +e
  # One test project at a time (-m:1): several of them start multi-silo clusters, Kafka brokers and host processes, and
  # on 2 cores running them side by side starves them (see the Kafka provider README's open delivery stall).
  dotnet test Orleans.RealTime.sln --no-build -c "$configuration" -m:1 \
    --logger "console;verbosity=normal" --results-directory "$results" \
    --blame-hang-timeout 10m -- RunConfiguration.TestSessionTimeout=1500000 | tee artifacts/test.log
  local status=${PIPESTATUS[0]}
  set -e
  # One closing line for the whole run, summed over the per-project "Total tests" blocks dotnet test prints.
  awk '/^ *(Passed|Failed|Skipped): *[0-9]+ *$/ { gsub(":", "", $1); n[$1] += $2 }
       END { printf "%d passed, %d failed, %d skipped\n", n["Passed"], n["Failed"], n["Skipped"] }' artifacts/test.log
  return "$status"
}

case "${1:-test}" in
  test)
    ensure_tools
    mkdir -p artifacts
    build
    run_tests
    ;;
  build)
    build
    ;;
  run)
    shift
    dotnet run --project src/Orleans.RealTime.Host -- "$@"
    ;;
  *)
    echo "usage: ./build.sh [test|build|run]" >&2
    exit 2
    ;;
esac
