#!/usr/bin/env bash
# Browser tests of the web console (tests/browser): Debian's Chromium driven by playwright-core (no browser download)
# against the real service on its embedded database with demo data. Last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "$1"; echo "0 passed, 1 failed"; exit 1; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v fc-list >/dev/null && fc-list | grep -qiE 'wqy|cjk' || need+=(fonts-wqy-microhei) # Chinese glyphs in screenshots
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  bash .ci/apt-install "${need[@]}" >/dev/null || fail "could not install ${need[*]}"
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
(cd tests/browser && npm ci --no-audit --no-fund) || fail "npm ci failed in tests/browser"
dotnet build src/JobMatch.Api -nologo -v q || fail "the service did not build"

# The service on a free port, its embedded database in a fresh directory the postgres account can reach (CI runs as root).
data=$(mktemp -d /tmp/jobmatch-browser-ci-XXXXXX)
chmod 755 "$data"
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
(cd "$data" && unset ConnectionStrings__JobMatch && ASPNETCORE_ENVIRONMENT=Production \
  exec dotnet "$OLDPWD/src/JobMatch.Api/bin/Debug/net10.0/JobMatch.Api.dll" --urls "http://127.0.0.1:$port" \
  "--Embedded:DataDirectory=$data/pgdata" >"$data/service.log" 2>&1) &
service=$!
stop() { kill -TERM "$service" 2>/dev/null && wait "$service" 2>/dev/null; rm -rf "$data"; }
trap stop EXIT

log=$(mktemp)
(cd tests/browser && JOBMATCH_URL="http://127.0.0.1:$port" JOBMATCH_DATA="$data/pgdata" \
  node --test --test-reporter=tap words.test.mjs modules.test.mjs console.test.mjs oidc.test.mjs staff-accounts.test.mjs accounts.test.mjs journeys-words.test.mjs journeys-veteran.test.mjs journeys-import.test.mjs journeys-apply.test.mjs recruiter-stages.test.mjs veteran-search.test.mjs staff-veterans.test.mjs staff-records.test.mjs staff-mentoring.test.mjs recruiter-positions.test.mjs staff-fairs.test.mjs notices-settings.test.mjs) 2>&1 | tee "$log"
passed=$(grep -E '^# pass [0-9]+' "$log" | awk '{print $3}')
failed=$(grep -E '^# fail [0-9]+' "$log" | awk '{print $3}')
if [ -z "$passed" ] || [ -z "$failed" ]; then
  tail -n 40 "$data/service.log"
  fail "the browser tests ended without a result"
fi
if [ "$failed" -gt 0 ]; then tail -n 40 "$data/service.log"; fi
stop
trap - EXIT
echo "$passed passed, $failed failed"
