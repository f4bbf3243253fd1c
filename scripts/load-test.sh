#!/usr/bin/env bash
# The stance load test (issue 18): wrk (Debian's, with Lua) in its own process against a
# `./plenary serve` on a fresh data folder, durability on as always. It makes a campaign of
# the General Assembly, WRITERS whips each with its own API token (through the real account
# page) and VIEWERS viewers, then runs the scenarios in turn and prints, for each, the
# accepted writes (or answers) a second, the conflicts and errors, and the latency percentiles:
#   one        one client writing stances one after the other, on every state in turn
#   many       WRITERS clients at once, each on its own states (so an accepted write is never a
#              conflict), while BOARDS live boards are open; then checks that every board ends
#              on the last write of every state (0 stale cells)
#   stance     WRITERS clients GETting one state's stance
#   tally      WRITERS clients GETting the tally
#   board      WRITERS clients GETting the whole board
#   health     WRITERS clients GETting /actuator/health (what the machine serves at best)
# The API rate limit (600 calls a minute per token by default) would refuse most of this load:
# PLENARY_API_RATE_LIMIT is set to 100000000 unless given, so that the limit is still counted on
# every call but refuses none.
#
# Usage: scripts/load-test.sh [--duration SECONDS] [--warmup SECONDS] [--writers N] [--boards N]
#                             [--viewers N] [--jar FILE] [SCENARIO...]
# The warm-up (60 s by default) writes and reads before anything is measured: on two cores the
# JIT compiler of a fresh JVM takes most of a core for the first minute, and a shorter warm-up
# measures the compiler rather than the request path.
# Environment: PLENARY_PORT (18090), PLENARY_SERVER_JAVA_OPTS (e.g. a JFR recording),
#              LOAD_KEEP=1 keeps the server and data folder (printed) instead of removing them;
#              LOAD_JFR=FILE records the scenarios (not the set-up) with Java Flight Recorder
#              (profile settings); JFR samples virtual threads poorly, so give the server
#              SPRING_THREADS_VIRTUAL_ENABLED=false for a profile.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
duration=20
warmup=60
writers=50
boards=200
viewers=20
jar=""
scenarios=()
while [ $# -gt 0 ]; do
	case "$1" in
		--duration) duration=$2; shift 2 ;;
		--warmup) warmup=$2; shift 2 ;;
		--writers) writers=$2; shift 2 ;;
		--boards) boards=$2; shift 2 ;;
		--viewers) viewers=$2; shift 2 ;;
		--jar) jar=$(readlink -f "$2"); shift 2 ;;
		-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d;s/^# \{0,1\}//'; exit 0 ;;
		*) scenarios+=("$1"); shift ;;
	esac
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=(one many stance tally board health)
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

java=""
for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
	[ -n "$home" ] && [ -x "$home/bin/java" ] || continue
	major=$("$home/bin/java" -version 2>&1 | head -n 1 | sed 's/[^"]*"\([0-9]*\).*/\1/')
	if [ "${major:-0}" -ge 21 ]; then java="$home/bin/java"; break; fi
done
[ -n "$java" ] || { echo "A JDK >= 21 is needed for scripts/load/LoadTool.java" >&2; exit 1; }
tool() { "$java" "$root/scripts/load/LoadTool.java" "$@"; }

port=${PLENARY_PORT:-18090}
url="http://127.0.0.1:$port"
work=$(mktemp -d)
export PLENARY_DATA_DIR="$work/data"
export PLENARY_PORT=$port
export PLENARY_ADMIN_ORGANISATION="Load test"
export PLENARY_ADMIN_PASSWORD="load test 5 ladder stone"
export PLENARY_API_RATE_LIMIT=${PLENARY_API_RATE_LIMIT:-100000000}
echo "API rate limit: $PLENARY_API_RATE_LIMIT calls a minute per token (counted, refusing none)"
mkdir -p "$PLENARY_DATA_DIR"
server=""
watcher=""
cleanup() {
	if [ -n "$watcher" ]; then kill "$watcher" 2>/dev/null || true; fi
	if [ "${LOAD_KEEP:-}" = 1 ]; then
		echo "kept: server $server, folder $work"
		return
	fi
	if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$jar" ]; then
	./plenary build >/dev/null
	./plenary serve >"$work/serve.log" 2>&1 &
else
	"$java" ${PLENARY_SERVER_JAVA_OPTS:-"-XX:+UseG1GC"} -jar "$jar" serve >"$work/serve.log" 2>&1 &
fi
server=$!
until grep -q "Plenary is ready" "$work/serve.log"; do
	kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
	sleep 0.5
done
if [ -z "$jar" ]; then
	admin=$(./plenary token create --user admin --name "load test" 2>/dev/null | grep -o 'pln_[A-Za-z0-9_-]*' | head -n 1)
else
	admin=$("$java" -jar "$jar" token create --user admin --name "load test" 2>/dev/null | grep -o 'pln_[A-Za-z0-9_-]*' | head -n 1)
fi
tool setup "$url" "$admin" "$work" "$writers" "$viewers"
campaign=$(cat "$work/campaign")

echo "machine: $(nproc) cores; $("$java" -version 2>&1 | head -n 1); server pid $server"

# CPU seconds used so far by the server's JVM and by its PostgreSQL (the postmaster, its
# live backends, and the backends that ended), from /proc
ticks=$(getconf CLK_TCK)
cpu_of() { # pid [with ended children] -> ticks
	awk -v kids="${2:-}" '{ sub(/^.*\) /, ""); t = $12 + $13; if (kids) t += $14 + $15; print t }' "/proc/$1/stat" 2>/dev/null || echo 0
}
cpu() { # -> "jvm postgres" in ticks
	local postmaster total=0 child
	postmaster=$(head -n 1 "$PLENARY_DATA_DIR/postgres/postmaster.pid")
	total=$(cpu_of "$postmaster" kids)
	for child in $(pgrep -P "$postmaster"); do total=$((total + $(cpu_of "$child"))); done
	echo "$(cpu_of "$server") $total"
}
report_cpu() { # ticks before -> prints what the scenario cost the server
	local before=($1) after
	after=($(cpu))
	awk -v j=$((after[0] - before[0])) -v p=$((after[1] - before[1])) -v hz="$ticks" \
		'BEGIN { printf "server CPU: JVM %.1f s, PostgreSQL %.1f s\n", j / hz, p / hz }'
}

run_writes() { # threads
	local threads=$1
	tool states "$url" "$admin" "$campaign" "$work/states"
	wrk -t "$threads" -c "$threads" -d "${duration}s" --timeout 10s -s scripts/load/write.lua "$url" \
		-- "$campaign" "$work/tokens" "$work/states" "$threads"
}

# the warm-up: writes, then each kind of read, so that no scenario measures the JIT compiler
echo "warming up for ${warmup} s"
slice=$(( (warmup + 4) / 5 ))
tool states "$url" "$admin" "$campaign" "$work/states"
wrk -t 10 -c 10 -d "$((slice * 2))s" -s scripts/load/write.lua "$url" -- "$campaign" "$work/tokens" "$work/states" 10 >/dev/null
for path in /tally /stances/BRA /board; do
	wrk -t 2 -c 10 -d "${slice}s" -s scripts/load/read.lua "$url" -- "$campaign" "$work/tokens" "$path" >/dev/null
done

if [ -n "${LOAD_JFR:-}" ]; then
	"$(dirname "$java")/jcmd" "$server" JFR.start name=load settings=profile filename="$(readlink -f "$LOAD_JFR")" ${LOAD_JFR_OPTIONS:-} >/dev/null
fi
for scenario in "${scenarios[@]}"; do
	echo
	echo "== $scenario ($(uptime | sed 's/.*load average/load average/'))"
	started=$(cpu)
	case "$scenario" in
		one) run_writes 1 ;;
		many)
			rm -f "$work/writes-done" "$work/boards-open"
			# java itself in the background (not the function), so that $! is the process to end
			"$java" -Ddrain="${LOAD_DRAIN:-15}" "$root/scripts/load/LoadTool.java" boards "$url" "$admin" "$campaign" "$work/viewers" "$boards" \
				"$work/writes-done" >"$work/boards.out" 2>&1 &
			watcher=$!
			until [ -f "$work/boards-open" ]; do
				kill -0 "$watcher" 2>/dev/null || { cat "$work/boards.out" >&2; exit 1; }
				sleep 0.2
			done
			started=$(cpu) # the viewers' sign-ins (password hashing) are not the writes' cost
			run_writes "$writers"
			touch "$work/writes-done"
			wait "$watcher" || true
			watcher=""
			cat "$work/boards.out"
			;;
		stance | tally | board)
			path=$([ "$scenario" = stance ] && echo /stances/BRA || echo "/$scenario")
			wrk -t 2 -c "$writers" -d "${duration}s" --timeout 10s -s scripts/load/read.lua "$url" \
				-- "$campaign" "$work/tokens" "$path"
			;;
		health)
			wrk -t 2 -c "$writers" -d "${duration}s" --timeout 10s --latency "$url/actuator/health" \
				| grep -E "Requests/sec|Latency|50%|90%|99%"
			;;
		*) echo "unknown scenario $scenario" >&2; exit 1 ;;
	esac
	report_cpu "$started"
done
if [ -n "${LOAD_JFR:-}" ]; then
	"$(dirname "$java")/jcmd" "$server" JFR.stop name=load >/dev/null
	echo "profile: $LOAD_JFR"
fi
echo
echo "done ($(uptime | sed 's/.*load average/load average/'))"
