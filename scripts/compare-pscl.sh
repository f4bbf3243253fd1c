#!/usr/bin/env bash
# Compares Plenary's ideal points (`./plenary ideal-points`: dynamic, ordinal Yes > Abstain >
# No, EM) with R's pscl::ideal (static, binary Yes/No, MCMC) on Voeten's roll calls, for
# windows of sessions, and times both.
#
# Usage: PLENARY_DATA_DIR=FOLDER scripts/compare-pscl.sh [FROM:TO ...]
#   FOLDER must already hold Voeten's un_votes.csv.xz + un_roll_calls.csv.xz (imported with
#   ./plenary import-votes). Default windows: sessions 70-74 (2015-09-01:2020-08-31) and
#   session 74 (2019-09-01:2020-08-31).
# Needs R with pscl (apt-get install r-base-core r-cran-pscl), bc, and ../shared/data.
# Optional: psql, to read the register and Plenary's roll calls from the embedded database
# when a server runs on FOLDER (otherwise the register is read from the migration).
# Environment: MAXITER (10000), BURNIN (2000), THIN (50), SEED (1), OUT (a temporary folder),
# ABSTAIN (missing; "no" codes Abstain as No for pscl, as a sensitivity check), ORDINAL (no;
# "yes" also fits a static ordinal model, MCMCpack::MCMCordfactanal, on the same roll calls:
# apt-get install r-cran-mcmcpack).
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/unvotes
[ -f "$data/un_votes.csv.xz" ] || { echo "needs $data/un_votes.csv.xz" >&2; exit 1; }
command -v Rscript >/dev/null || { echo "needs R: apt-get install r-base-core r-cran-pscl" >&2; exit 1; }
Rscript -e 'suppressPackageStartupMessages(library(pscl))' 2>/dev/null \
	|| { echo "needs the R package pscl: apt-get install r-cran-pscl" >&2; exit 1; }
: "${PLENARY_DATA_DIR:?set PLENARY_DATA_DIR to a data folder holding the imported Voeten votes}"
export PLENARY_DATA_DIR
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
windows=("$@")
[ ${#windows[@]} -gt 0 ] || windows=(2015-09-01:2020-08-31 2019-09-01:2020-08-31)

# build first, so that a build is not timed
if [ ! -f target/plenary.jar ] || [ -n "$(find src/main pom.xml -newer target/plenary.jar -print -quit)" ]; then
	./plenary build
fi

# the database, if a server keeps it up
pgport=""
if command -v psql >/dev/null && [ -f "$PLENARY_DATA_DIR/postgres/postmaster.pid" ]; then
	pgport=$(sed -n 4p "$PLENARY_DATA_DIR/postgres/postmaster.pid")
	export PGPASSWORD=$(cat "$PLENARY_DATA_DIR/postgres.password" 2>/dev/null) # the embedded server asks for it (ADR 0002)
	psql -h localhost -p "$pgport" -U postgres -d plenary -Atc "select 1" >/dev/null 2>&1 </dev/null || pgport=""
fi
sql() { psql -h localhost -p "$pgport" -U postgres -d plenary -AtF, -c "$1" </dev/null; }

# the register's ISO alpha-2 codes to alpha-3, with the dated codes of former seats (Voeten
# writes YU for Serbia until 2019)
{
	echo "code,iso3,valid_from,valid_to"
	if [ -n "$pgport" ]; then
		sql "select iso2, iso3, '', '' from states_state where iso2 is not null
			union all select name, iso3, coalesce(valid_from::text, ''), coalesce(valid_to::text, '')
			from states_state_name where kind = 'CODE' and name ~ '^[A-Z]{2}$'
			order by 1, 3"
	else
		sed -nE "s/^ *\('([A-Z]{3})', '([A-Z]{2})', +([0-9]+|null),.*/\2,\1,,/p" src/main/resources/db/migration/states/V3__states_members.sql
		sed -nE "s/^ *\('([A-Z]{3})', '([A-Z]{2})', +'CODE', +(date '([0-9-]+)'|null), +(date '([0-9-]+)'|null),.*/\2,\1,\4,\6/p" \
			src/main/resources/db/migration/states/V3__states_members.sql
	fi
} >"$out/codes.csv"
codes=$(($(wc -l <"$out/codes.csv") - 1))
register="V3__states_members.sql"
[ -z "$pgport" ] || register="states_state on port $pgport"
echo "Register: $codes alpha-2 codes (dated former ones included), from $register"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/^Mem:/ {print $2}') GiB; $(Rscript -e 'cat(R.version.string, "- pscl", as.character(packageVersion("pscl")))')"

for window in "${windows[@]}"; do
	from=${window%%:*}
	to=${window##*:}
	name="$from-$to"
	echo
	echo "== Window $from to $to"
	# (a) Plenary
	# (run again when ./plenary rebuilt the jar because the sources changed meanwhile)
	for attempt in 1 2; do
		load=$(cut -d' ' -f1 /proc/loadavg)
		start=$(date +%s.%N)
		./plenary ideal-points --from "$from" --to "$to" --out "$out/plenary-$name.csv" >"$out/plenary-$name.log" 2>&1 \
			|| { cat "$out/plenary-$name.log" >&2; exit 1; }
		end=$(date +%s.%N)
		grep -q "^Building Plenary" "$out/plenary-$name.log" || break
	done
	line=$(grep "fitted in" "$out/plenary-$name.log")
	echo "  Plenary: $line"
	printf "  Plenary wall time (JVM, database, read, fit, write): %.1f s (load average before: %s)\n" \
		"$(echo "$end - $start" | bc)" "$load"
	rollcalls=$(echo "$line" | sed -E 's/^([0-9,]+) roll calls.*/\1/; s/,//g')
	votes=$(echo "$line" | sed -E 's/.* states, ([0-9,]+) votes.*/\1/; s/,//g')
	# the roll calls Plenary fits, as Voeten rcids (or plenary:ID when from another source)
	rcids=""
	if [ -n "$pgport" ]; then
		rcids="$out/plenary-rcids-$name.txt"
		sql "select coalesce(s.source_key, 'plenary:' || r.id) from history_roll_call r
			left join history_roll_call_source s on s.roll_call_id = r.id and s.source = 'VOETEN'
			where r.body <> 'COMMITTEE' and r.vote_date between '$from' and '$to'
			and exists (select 1 from history_vote v where v.roll_call_id = r.id and v.vote in ('Y', 'N', 'A'))" >"$rcids"
	fi
	# (b) and (c) pscl::ideal and the comparison
	load=$(cut -d' ' -f1 /proc/loadavg)
	start=$(date +%s.%N)
	Rscript scripts/compare-pscl.R votes="$data/un_votes.csv.xz" rollcalls="$data/un_roll_calls.csv.xz" \
		from="$from" to="$to" plenary="$out/plenary-$name.csv" codes="$out/codes.csv" rcids="$rcids" \
		plenary_rollcalls="$rollcalls" plenary_votes="$votes" maxiter="${MAXITER:-10000}" \
		burnin="${BURNIN:-2000}" thin="${THIN:-50}" seed="${SEED:-1}" abstain="${ABSTAIN:-missing}" ordinal="${ORDINAL:-no}" \
		out="$out/pscl-$name.csv"
	end=$(date +%s.%N)
	printf "  R wall time (Rscript: read the xz files, build the matrix, fit, compare): %.1f s (load average before: %s)\n" \
		"$(echo "$end - $start" | bc)" "$load"
done
echo
echo "Estimates in $out"
