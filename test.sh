#!/usr/bin/env bash
# Runs every test: installs what the tests need when it is missing (Debian's Chromium for the browser
# journeys, the local dotnet tools), then runs the whole solution's tests.
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

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test CouponAdmin.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line, whatever the runner printed above.
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -n 1 || true)
if [ -n "$summary" ]; then
  failed=$(echo "$summary" | sed -E 's/Failed: +([0-9]+).*/\1/')
  passed=$(echo "$summary" | sed -E 's/.*Passed: +([0-9]+).*/\1/')
  skipped=$(echo "$summary" | sed -E 's/.*Skipped: +([0-9]+).*/\1/')
  echo "Tests: $passed passed, $failed failed, $skipped skipped"
fi
exit "$status"
