#!/usr/bin/env bash
# Runs the load test: `make loadtest` builds bin/otelcol-custom, bin/otelcol-reference and
# bin/telemetrygen first. On a machine with two or more cores the collector under test is
# pinned to core 0 and the generator and sinks run on the others.
# Extra arguments go to the loadtest command (go run ./loadtest/cmd/loadtest -h lists them).
set -euo pipefail
cd "$(dirname "$0")/.."
go build -o bin/loadtest ./loadtest/cmd/loadtest
cores=$(nproc)
if [ "$cores" -ge 2 ] && command -v taskset >/dev/null; then
  exec taskset -c "1-$((cores - 1))" bin/loadtest -collector-cpus 0 "$@"
fi
exec bin/loadtest "$@"
