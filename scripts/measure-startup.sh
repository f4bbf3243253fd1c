#!/usr/bin/env bash
# Measures how long `./plenary serve` takes to print "Plenary is ready" (embedded database
# included): RUNS times on a fresh data folder and RUNS times on an existing one.
# Usage: scripts/measure-startup.sh [RUNS]   (builds the jar first if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${PLENARY_PORT:-18080}
./plenary build >/dev/null

measure() { # data folder -> seconds to ready
	local data=$1 log start now
	log=$(mktemp)
	start=$(date +%s.%N)
	PLENARY_DATA_DIR="$data" PLENARY_PORT=$port ./plenary serve >"$log" 2>&1 &
	local pid=$!
	until grep -q "Plenary is ready" "$log"; do
		if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
		sleep 0.05
	done
	now=$(date +%s.%N)
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	rm -f "$log"
	echo "$now - $start" | bc
}

data=$(mktemp -d)
echo "fresh data folder (initdb, migrations, first administrator):"
for i in $(seq "$runs"); do
	rm -rf "$data"; mkdir -p "$data"
	echo "  $(measure "$data") s"
done
echo "existing data folder (database already created):"
for i in $(seq "$runs"); do
	echo "  $(measure "$data") s"
done
rm -rf "$data"
