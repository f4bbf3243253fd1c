#!/usr/bin/env bash
# Times the history pages with the full 1946-2022 history loaded: a fresh data folder, all of
# ../shared/data imported, then REQUESTS sequential requests per page after a warm-up, from
# curl on the same machine. Prints the median and 95th percentile of the total time.
# Usage: scripts/benchmark-pages.sh [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200}
data=../shared/data
port=${PLENARY_PORT:-18082}
./plenary build >/dev/null
folder=$(mktemp -d)
export PLENARY_DATA_DIR=$folder
PLENARY_PORT=$port ./plenary serve >"$folder/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$folder"' EXIT
until grep -q "Plenary is ready" "$folder/serve.log"; do sleep 0.2; done
./plenary import-votes "$data"/unvotes/*.xz "$data"/undl/*.xz "$data"/un-ga-resolutions/*.json >/dev/null 2>&1
echo "timing-password-9" | ./plenary user add bench --organisation Bench --role viewer --password-stdin >/dev/null
jar="$folder/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" "localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=bench&password=timing-password-9&_csrf=$csrf" "localhost:$port/login"
pgport=$(sed -n 4p "$folder/postgres/postmaster.pid")
export PGPASSWORD=$(cat "$folder/postgres.password") # the embedded server asks for it (ADR 0002)
es11=$(psql -qtA -h localhost -p "$pgport" -U postgres -d plenary -c "select id from history_roll_call where symbol = 'A/RES/ES-11/1'")

measure() { # path
	local path=$1 times
	for i in $(seq 20); do curl -s -o /dev/null -b "$jar" "localhost:$port$path"; done
	times=$(for i in $(seq "$requests"); do
		curl -s -o /dev/null -b "$jar" -w "%{http_code} %{time_total}\n" "localhost:$port$path"
	done)
	if echo "$times" | grep -qv '^200 '; then echo "$path: not all 200" >&2; exit 1; fi
	echo "$times" | awk '{print $2 * 1000}' | sort -n | awk -v path="$path" '
		{ t[NR] = $1 } END { printf "%-45s median %6.1f ms   p95 %6.1f ms   (n=%d)\n", path, t[int(NR/2)+1], t[int(NR*0.95)], NR }'
}

measure "/history/roll-calls/$es11"
measure "/states/USA/record"
measure "/states/BRA/record?with=USA"
measure "/states/RUS/record?from=2012-01-01"
measure "/history?q=ukraine"
measure "/history"
