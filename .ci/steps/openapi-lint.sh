#!/usr/bin/env bash
# The OpenAPI document of the running service through Spectral with its OWASP ruleset (tools/openapi-lint).
# One check: it passes when Spectral reports no error (warnings are counted per rule, not failed). Last line:
# "N passed, N failed". KEEP_OPENAPI_DOCUMENT=FILE keeps a copy of the document that was linted.
set -uo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "$1"; echo "0 passed, 1 failed"; exit 1; }

need=()
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  bash .ci/apt-install "${need[@]}" >/dev/null || fail "could not install ${need[*]}"
fi

(cd tools/openapi-lint && npm ci --ignore-scripts --no-audit --no-fund) || fail "npm ci failed in tools/openapi-lint"
dotnet build src/JobMatch.Api -nologo -v q || fail "the service did not build"

# The service on a free port, its embedded database in a fresh directory the postgres account can reach (CI runs as root).
data=$(mktemp -d /tmp/jobmatch-openapi-ci-XXXXXX)
chmod 755 "$data"
document="$data/swagger.json"
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
(cd "$data" && unset ConnectionStrings__JobMatch && ASPNETCORE_ENVIRONMENT=Production \
  exec dotnet "$OLDPWD/src/JobMatch.Api/bin/Debug/net10.0/JobMatch.Api.dll" --urls "http://127.0.0.1:$port" \
  "--Embedded:DataDirectory=$data/pgdata" >"$data/service.log" 2>&1) &
service=$!
# SIGTERM stops the service and its PostgreSQL; then nothing of the run is left.
stop() {
  if [ -n "${service:-}" ]; then kill -TERM "$service" 2>/dev/null && wait "$service" 2>/dev/null; service=; fi
  rm -rf "$data"
}
trap stop EXIT

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/swagger/v1/swagger.json" -o "$document" 2>/dev/null && break
  kill -0 "$service" 2>/dev/null || break
  sleep 1
done
if [ ! -s "$document" ]; then
  tail -n 40 "$data/service.log"
  fail "the service did not serve /swagger/v1/swagger.json"
fi
kill -TERM "$service" 2>/dev/null && wait "$service" 2>/dev/null
service=

(cd tools/openapi-lint && npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity=error --quiet \
  --format json --output "$data/lint.json" "$document")
status=$?
# Every error in full; warnings as a count per rule (the whole list: spectral lint without --quiet, as above).
node -e '
  const results = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const warnings = {};
  for (const r of results) {
    if (r.severity === 0) console.log(`error ${r.code} at ${r.path.join(".")}: ${r.message}`);
    else if (r.severity === 1) warnings[r.code] = (warnings[r.code] ?? 0) + 1;
  }
  for (const [code, n] of Object.entries(warnings).sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)} warnings ${code}`);
  const errors = results.filter(r => r.severity === 0).length;
  console.log(`Spectral: ${errors} errors, ${Object.values(warnings).reduce((a, b) => a + b, 0)} warnings`);
' "$data/lint.json" || status=1
[ -n "${KEEP_OPENAPI_DOCUMENT:-}" ] && cp "$document" "$KEEP_OPENAPI_DOCUMENT"
if [ "$status" -eq 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
