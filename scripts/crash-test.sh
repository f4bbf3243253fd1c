#!/usr/bin/env bash
# Crash test (issue 18): CLIENTS clients record stances through the API of `./plenary serve`,
# each alone on its own states, and keep a ledger of every write the server acknowledged. At a
# random moment 1 to 6 s after every client's first write was acknowledged, the postmaster and
# the server's JVM are killed with kill -9 (in even rounds every PostgreSQL process too);
# `./plenary serve` starts again with no other step, and every acknowledged write must be in its
# state's history once and in order. ROUNDS rounds on one data folder; writes whose answer never
# came are sent again (same Idempotency-Key) at the start of the next round. The clients are
# org.plenary.system.CrashLoad from the test classes, in a JVM of their own. Exits with 1 if
# anything acknowledged was lost, duplicated or misplaced. Logs, the ledger and PostgreSQL's log
# are left in target/crash-test/.
# Usage: scripts/crash-test.sh [ROUNDS] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
clients=${2:-8}
states_per_client=3
port=${PLENARY_PORT:-18480}
if [ ! -f target/plenary.jar ]; then
	./plenary build
fi
load_class=target/test-classes/org/plenary/system/CrashLoad.class
if [ ! -f "$load_class" ] || [ src/test/java/org/plenary/system/CrashLoad.java -nt "$load_class" ]; then
	./mvnw -q -B -Dspring-javaformat.skip=true test-compile >&2
fi
logs=target/crash-test
rm -rf "$logs"
mkdir -p "$logs"
folder=$(mktemp -d "${TMPDIR:-/tmp}/plenary-crash.XXXXXX")
export PLENARY_DATA_DIR=$folder PLENARY_PORT=$port PLENARY_API_RATE_LIMIT=0
# meets the password policy (not the user name, not a common password)
export PLENARY_ADMIN_PASSWORD=whole-crash-9f3k-Plenary
unset PLENARY_DB_URL
server=""
load=""

postmaster() { # the PID of the data folder's postmaster, if one is running
	local pid
	pid=$(head -n 1 "$folder/postgres/postmaster.pid" 2>/dev/null) || return 0
	if kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

cleanup() {
	[ -n "$load" ] && kill "$load" 2>/dev/null
	[ -n "$server" ] && kill -9 "$server" 2>/dev/null
	local pg
	pg=$(postmaster)
	# the last PostgreSQL outlives its server: it runs as a daemon of its own
	# shellcheck disable=SC2046
	[ -n "$pg" ] && kill -9 "$pg" $(pgrep -P "$pg") 2>/dev/null
	wait 2>/dev/null
	cp "$folder/postgres.log" "$logs/" 2>/dev/null || true
	rm -rf "$folder"
}
trap cleanup EXIT
trap "exit 130" INT TERM # so that cleanup runs then too

now() { date +%s.%N; }

serve() { # restart number: starts the server, waits until it is ready
	local log="$logs/serve-$1.log"
	./plenary serve >"$log" 2>&1 &
	server=$!
	until grep -q "Plenary is ready" "$log"; do
		if ! kill -0 "$server" 2>/dev/null; then
			echo "Plenary exited (start $1); see $log" >&2
			tail -n 30 "$log" >&2
			exit 1
		fi
		sleep 0.1
	done
}

serve 0
# the JDK the launcher chose for the server (>= 21) also runs the clients
java=$(ps -o args= -p "$server" | awk '{print $1}')
crashload() { "$java" -cp target/test-classes org.plenary.system.CrashLoad "$@"; }
token=$(./plenary token create --user admin --name "crash test" | tail -n 1)
crashload prepare "http://localhost:$port/" "$token" "$clients" "$states_per_client" "$logs/plan.properties"

failed=0
restarts=()
for round in $(seq "$rounds"); do
	: >"$logs/load-$round.txt" # before the background job opens it: waited on below
	crashload load "$logs/plan.properties" "$logs/ledger.tsv" "$round" 60 >"$logs/load-$round.txt" 2>&1 &
	load=$!
	# right after a restart the server is cold: the moment counts from when every client's
	# writes flow
	until grep -q "under way" "$logs/load-$round.txt"; do
		if ! kill -0 "$load" 2>/dev/null; then
			echo "round $round: the clients stopped before their writes were under way" >&2
			cat "$logs/load-$round.txt" >&2
			exit 1
		fi
		sleep 0.05
	done
	delay_ms=$((1000 + RANDOM % 5000))
	sleep "$((delay_ms / 1000)).$(printf %03d $((delay_ms % 1000)))"
	if ! kill -0 "$load" 2>/dev/null; then
		echo "round $round: the clients stopped before the kill" >&2
		cat "$logs/load-$round.txt" >&2
		exit 1
	fi
	pg=$(postmaster)
	victims="$pg"
	what="the postmaster"
	if [ $((round % 2)) -eq 0 ]; then
		# listed before the postmaster dies: after, they belong to init
		victims="$pg $(pgrep -P "$pg" | tr '\n' ' ')"
		what="every PostgreSQL process"
	fi
	# shellcheck disable=SC2086
	kill -9 $victims "$server"
	wait "$server" 2>/dev/null || true
	wait "$load" || true
	load=""
	started=$(now)
	serve "$round"
	restart=$(echo "$(now) - $started" | bc)
	restarts+=("$restart")
	recoveries=$(grep -c "automatic recovery in progress" "$folder/postgres.log" || true)
	if check=$(crashload check "$logs/plan.properties" "$logs/ledger.tsv" 2>"$logs/check-$round.txt"); then
		verdict=ok
	else
		verdict=FAILED
		failed=1
	fi
	read -r acknowledged retried recorded refused < <(awk '/^acknowledged/ {print $2, $4, $6, $8}' "$logs/load-$round.txt")
	printf "round %d: killed %s and the server %d.%03d s into the writes; acknowledged %s in the round (%s retried, %s of them already recorded, %s refused); restarted in %.1f s (PostgreSQL recoveries so far: %s); %s: %s\n" \
		"$round" "$what" $((delay_ms / 1000)) $((delay_ms % 1000)) "$acknowledged" "$retried" "$recorded" "$refused" \
		"$restart" "$recoveries" "$verdict" "$check"
	if [ "$verdict" = FAILED ]; then head -n 20 "$logs/check-$round.txt"; fi
done
echo "total after $rounds rounds: $check"
echo "restart times (s): ${restarts[*]}"
exit "$failed"
