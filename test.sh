#!/usr/bin/env bash
# Runs every test: installs what the tests need when it is missing (Debian's Chromium for the browser
# journeys, the local dotnet tools), then runs the whole solution's tests on SQLite (arguments go to this
# leg's `dotnet test`) except those marked [Trait("Database", "PostgresOnly")], then the database-facing
# tests and the PostgreSQL-only ones on PostgreSQL when a server answers
# (COUPONADMIN_TEST_POSTGRES, default Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "== Installing Debian's Chromium for the browser tests"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

dotnet tool restore >/dev/null

# The tests that talk to the database run on both providers; SQLite-only ones (its migration history, its query
# plans, the start-up requeue of uploads that the in-memory job queue forgot — on PostgreSQL the queue remembers and
# a dead node's job passes on after Hangfire's invisibility timeout, which that test does not wait for) and those
# without a database (components, journeys, pure rules) run once. Tests marked [Trait("Database", "PostgresOnly")] run
# only in the PostgreSQL leg: they need what only PostgreSQL gives several processes (one job queue for two app
# processes, KilledNodeUploadTests), and fail with a clear message when run without COUPONADMIN_TEST_POSTGRES.
pg_connection="${COUPONADMIN_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres}"
pg_filter="(FullyQualifiedName~CouponAdmin.Tests.Api.|FullyQualifiedName~CouponAdmin.Tests.Issuance.\
|FullyQualifiedName~CouponAdmin.Tests.Redemption.|FullyQualifiedName~CouponAdmin.Tests.Uploads.\
|FullyQualifiedName~CouponAdmin.Tests.Notifications.|FullyQualifiedName~CouponAdmin.Tests.Codes.\
|FullyQualifiedName~CouponAdmin.Tests.Pos.|FullyQualifiedName~CouponAdmin.Tests.Persistence.ProviderModelsTests\
|FullyQualifiedName~CouponAdmin.Tests.Persistence.DatabaseMigrationTests|FullyQualifiedName~CouponAdmin.Tests.Access.SharedKeyRingTests\
|Database=PostgresOnly)&FullyQualifiedName!~ReminderQueryPlanTests&FullyQualifiedName!~UploadRestartTests"

# The SQLite leg leaves the PostgreSQL-only tests out; a --filter given to this script is joined to that one
# (dotnet test takes a single --filter).
sqlite_filter="Database!=PostgresOnly"
sqlite_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) sqlite_filter="($2)&$sqlite_filter"; shift 2 ;;
    --filter=*) sqlite_filter="(${1#--filter=})&$sqlite_filter"; shift ;;
    *) sqlite_args+=("$1"); shift ;;
  esac
done

# A value of the connection string (Host, Port), or the default given.
connection_value() {
  local value
  value=$(echo "$pg_connection" | tr ';' '\n' | grep -i "^ *$1 *=" | head -n 1 | cut -d= -f2- | tr -d ' ' || true)
  echo "${value:-$2}"
}
pg_host=$(connection_value Host 127.0.0.1)
pg_port=$(connection_value Port 5432)

sqlite_log=$(mktemp)
pg_log=$(mktemp)
trap 'rm -f "$sqlite_log" "$pg_log"' EXIT

# One plain line for a leg, whatever the runner printed above.
summarise() {
  local summary failed passed skipped
  summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$2" | tail -n 1 || true)
  if [ -n "$summary" ]; then
    failed=$(echo "$summary" | sed -E 's/Failed: +([0-9]+).*/\1/')
    passed=$(echo "$summary" | sed -E 's/.*Passed: +([0-9]+).*/\1/')
    skipped=$(echo "$summary" | sed -E 's/.*Skipped: +([0-9]+).*/\1/')
    echo "Tests on $1: $passed passed, $failed failed, $skipped skipped"
  fi
}

set +e
echo "== SQLite: every test but the PostgreSQL-only ones (trait Database=PostgresOnly)"
# The SQLite leg must not see the PostgreSQL connection string (CI exports it for the second leg).
env -u COUPONADMIN_TEST_POSTGRES dotnet test CouponAdmin.sln --filter "$sqlite_filter" ${sqlite_args[@]+"${sqlite_args[@]}"} 2>&1 | tee "$sqlite_log"
sqlite_status=${PIPESTATUS[0]}

pg_status=0
pg_ran=false
if command -v pg_isready >/dev/null && pg_isready -q -h "$pg_host" -p "$pg_port"; then
  pg_ran=true
  echo "== PostgreSQL at $pg_host:$pg_port: the database-facing tests again, and the PostgreSQL-only ones (two app processes, a killed node)"
  COUPONADMIN_TEST_POSTGRES="$pg_connection" dotnet test CouponAdmin.Tests --no-build --filter "$pg_filter" 2>&1 | tee "$pg_log"
  pg_status=${PIPESTATUS[0]}
fi
set -e

summarise SQLite "$sqlite_log"
if $pg_ran; then
  summarise PostgreSQL "$pg_log"
else
  echo "PostgreSQL leg did not run: no server at $pg_host:$pg_port (pg_isready found none); the PostgreSQL-only tests did not run either."
  echo "  Start one (docs/operations.md, 'Tests on PostgreSQL') or point COUPONADMIN_TEST_POSTGRES at one."
fi

[ "$sqlite_status" -ne 0 ] && exit "$sqlite_status"
exit "$pg_status"
