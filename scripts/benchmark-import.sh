#!/usr/bin/env bash
# Times `./plenary import-votes` on the real datasets in ../shared/data, on a fresh data
# folder, and compares it with the floor: a bare psql \copy of the same rows into a table
# with no index, no check and no name resolution.
# Usage: scripts/benchmark-import.sh [RUNS]      (needs psql, and ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=../shared/data
[ -d "$data" ] || { echo "needs ../shared/data" >&2; exit 1; }
command -v psql >/dev/null || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 1; }
./plenary build >/dev/null
port=${PLENARY_PORT:-18081}

for i in $(seq "$runs"); do
	folder=$(mktemp -d)
	export PLENARY_DATA_DIR=$folder
	# a server keeps the embedded database up, so that only the import is timed
	PLENARY_PORT=$port ./plenary serve >"$folder/serve.log" 2>&1 &
	server=$!
	until grep -q "Plenary is ready" "$folder/serve.log"; do sleep 0.2; done
	echo "run $i"
	./plenary import-votes "$data/unvotes/un_votes.csv.xz" "$data/unvotes/un_roll_calls.csv.xz" 2>/dev/null \
		| grep -E "imported in|NOT imported"
	./plenary import-votes "$data/undl/ga_voting_2019-2022_undl-layout.csv.xz" 2>/dev/null \
		| grep -E "imported in|NOT imported"
	./plenary import-votes "$data/unvotes/un_votes.csv.xz" "$data/unvotes/un_roll_calls.csv.xz" 2>/dev/null \
		| sed 's/^/  again: /' | grep -E "imported in|NOT imported"
	pgport=$(sed -n 4p "$folder/postgres/postmaster.pid")
	export PGPASSWORD=$(cat "$folder/postgres.password") # the embedded server asks for it (ADR 0002)
	psql -q -h localhost -p "$pgport" -U postgres -d plenary -c \
		"create table floor_votes (rcid int, country text, country_code text, vote text)" >/dev/null
	start=$(date +%s.%N)
	xz -dc "$data/unvotes/un_votes.csv.xz" | psql -q -h localhost -p "$pgport" -U postgres -d plenary \
		-c "\\copy floor_votes from stdin with (format csv, header true)"
	end=$(date +%s.%N)
	echo "  floor: bare \\copy of the 870,109 Voeten votes (xz -dc | psql): $(echo "$end - $start" | bc | cut -c1-5) s"
	kill "$server"
	wait "$server" 2>/dev/null || true
	rm -rf "$folder"
done
