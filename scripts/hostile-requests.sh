#!/usr/bin/env bash
# Sends the hostile requests of issue 17 to a running Plenary whose whole heap is 256 MB, and
# prints each answer, its time, and the most heap in use while it ran (jstat, every 100 ms).
# A server that answers every one with a 4xx and stays up has added well under 256 MB of heap
# for any single request. Needs the test classes (./mvnw -o -q test-compile) and curl.
# Usage: scripts/hostile-requests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PLENARY_PORT:-18591}
./plenary build >/dev/null
[ -d target/test-classes/org/plenary/reports ] || ./mvnw -q test-compile
# a JDK >= 21 for the file maker and jstat: JAVA_HOME, else the newest under /usr/lib/jvm
jdk=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V | tail -n 1)}
folder=$(mktemp -d)
export PLENARY_DATA_DIR=$folder/data
unzip -q target/plenary.jar 'BOOT-INF/lib/*' -d "$folder/jar"
"$jdk/bin/java" -cp "target/test-classes:target/classes:$folder/jar/BOOT-INF/lib/*" org.plenary.reports.HostileSpreadsheetFiles \
	"$folder/files" emptyCells95MB rows1M blankRows2M sharedTexts1M sharedTexts60MB styles200000 zipBomb longCell
PLENARY_SERVER_JAVA_OPTS="-XX:+UseG1GC -Xmx256m" PLENARY_PORT=$port ./plenary serve >"$folder/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$folder"' EXIT
until grep -q "Plenary is ready" "$folder/serve.log"; do sleep 0.5; done
echo "limits-hold-42x" | ./plenary user add hostile --organisation "Hostile Mission" --role coordinator \
	--password-stdin >/dev/null
token=$(./plenary token create --user hostile | tail -n 1)
campaign=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	-d '{"title": "Hostile requests", "body": "GA_PLENARY"}' "localhost:$port/api/v1/campaigns" |
	grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
heap_mb() { # the heap in use now, in MB (eden, survivors, old generation)
	"$jdk/bin/jstat" -gc "$server" | awk 'NR == 2 { printf "%d\n", ($3 + $4 + $6 + $8) / 1024 }'
}
peak_during() { # runs a command while sampling the heap; prints "answer time peak-heap"
	local samples=$folder/samples answer
	: >"$samples"
	(while true; do heap_mb >>"$samples"; sleep 0.1; done) &
	local sampler=$!
	answer=$("$@" 2>/dev/null || true)
	kill $sampler; wait $sampler 2>/dev/null || true
	sleep 0.3 # a sample still being taken
	printf "%-40s peak heap %4s MB\n" "$answer" "$(sort -n "$samples" | tail -n 1)"
}
upload() { # FILE: the whip spreadsheet import of the API
	curl -s -o /dev/null -w "%{http_code} in %{time_total} s" -H "Authorization: Bearer $token" \
		-F "file=@$1" "localhost:$port/api/v1/campaigns/$campaign/imports"
}
chunked_json() { # 22 MB of JSON without a length
	{ printf '{"stance":"YES","expectedVersion":0,"note":"'; head -c 23000000 /dev/zero | tr '\0' x; printf '"}'; } |
		curl -s -o /dev/null -w "%{http_code} in %{time_total} s" -X PUT -H "Authorization: Bearer $token" \
			-H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary @- \
			"localhost:$port/api/v1/campaigns/$campaign/stances/BRA"
}
big_declared() { # 60 MB declared for a 10 MB upload
	head -c 60000000 /dev/zero >"$folder/big.bin"
	curl -s -o /dev/null -w "%{http_code} in %{time_total} s" -H "Authorization: Bearer $token" \
		-F "file=@$folder/big.bin;filename=big.xlsx" "localhost:$port/api/v1/campaigns/$campaign/imports"
}
echo "Server heap at rest: $(heap_mb) MB (of at most 256 MB)"
printf "%-28s %-40s peak heap while it ran\n" "request" "answer"
for file in "$folder"/files/*.xlsx; do
	printf "%-18s (%5s KB) " "$(basename "$file" .xlsx)" "$(($(stat -c %s "$file") / 1024))"
	peak_during upload "$file"
done
printf "%-28s " "chunked JSON, 22 MB"; peak_during chunked_json
printf "%-28s " "upload declared 60 MB"; peak_during big_declared
printf "%-28s " "4 hostile uploads at once"
peak_during bash -c "$(declare -f upload); token=$token; port=$port; campaign=$campaign;
	for f in $folder/files/emptyCells95MB.xlsx $folder/files/rows1M.xlsx $folder/files/sharedTexts1M.xlsx \
		$folder/files/styles200000.xlsx; do upload \$f & done; wait"
echo
curl -s "localhost:$port/actuator/health" | grep -q UP && echo "The server is up after every hostile request."
if grep -q OutOfMemoryError "$folder/serve.log"; then echo "OutOfMemoryError in the log" >&2; exit 1; fi
