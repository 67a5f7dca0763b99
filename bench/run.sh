#!/usr/bin/env bash
# The performance suite of docs/PERFORMANCE.md, in one command (manual; never part of CI):
#
#   bash bench/run.sh [--scale 10k|100k|1m|all] [--out FILE] [--seconds N] [--no-build] [--skip-bdn] [--skip-import] [--generate-only]
#
# --scale is the number of synthetic veterans; positions are a tenth of it and interactions ten times it, so 1m
# (the default) is 100,000 open positions, 1,000,000 veterans and 10,000,000 interactions. Each scale is generated
# once into $BENCH_DIR/<scale> (default /tmp/jm-suite) and reused; delete the folder to start over. The tables go to
# --out (default $BENCH_DIR/<scale>/results.md). The service is the Release build of whatever code is checked out.
# --scale all runs the three scales in turn and writes how each cost grows, then every scale's tables, to
# $BENCH_DIR/results.md (about 25 minutes on 2 cores, plus the first generation of 1m, about 10 minutes).
set -euo pipefail

SCALE=1m; OUT=""; SECONDS_PER_RUN=20; BUILD=1; BDN=1; IMPORT_RATIO=1; GENERATE_ONLY=0; PASS=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --scale) SCALE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --seconds) SECONDS_PER_RUN=$2; PASS+=(--seconds "$2"); shift 2 ;;
    --no-build) BUILD=0; PASS+=(--no-build); shift ;;
    --skip-bdn) BDN=0; PASS+=(--skip-bdn); shift ;;
    --skip-import) IMPORT_RATIO=0; PASS+=(--skip-import); shift ;;
    --generate-only) GENERATE_ONLY=1; PASS+=(--generate-only); shift ;;
    *) echo "usage: bash bench/run.sh [--scale 10k|100k|1m|all] [--out FILE] [--seconds N] [--no-build] [--skip-bdn] [--skip-import] [--generate-only]" >&2; exit 2 ;;
  esac
done
if [[ $SCALE == all ]]; then
  # Each scale in turn (generated once each), then how every cost grows from one to the next.
  ROOT=$(cd "$(dirname "$0")/.." && pwd); BASE=${BENCH_DIR:-/tmp/jm-suite}
  for scale in 10k 100k 1m; do
    # BenchmarkDotNet and the import ratio do not depend on the scale: they run with the largest only.
    extra=(); [[ $scale != 1m ]] && extra=(--skip-bdn --skip-import)
    bash "$0" --scale "$scale" "${PASS[@]}" "${extra[@]}"
    PASS+=(--no-build)
  done
  OUT=${OUT:-$BASE/results.md}
  { echo "# How each cost grows"; echo; python3 "$ROOT/bench/growth.py" "$BASE/10k" "$BASE/100k" "$BASE/1m"; echo
    for scale in 10k 100k 1m; do echo; cat "$BASE/$scale/results.md"; done; } >"$OUT"
  echo "tables written to $OUT" >&2
  exit 0
fi
case $SCALE in
  10k) VETERANS=10000 ;; 100k) VETERANS=100000 ;; 1m) VETERANS=1000000 ;;
  *) echo "--scale is 10k, 100k, 1m or all" >&2; exit 2 ;;
esac
POSITIONS=$((VETERANS / 10)); INTERACTIONS=$((VETERANS * 10))

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-/tmp/jm-suite}/$SCALE
DATA=$WORK/pgdata
OUT=${OUT:-$WORK/results.md}
RESULTS=$WORK/results; mkdir -p "$RESULTS" "$WORK/paths"; rm -f "$RESULTS"/*
# Free ports picked now (the machine is shared: a fixed port may already answer for someone else's service).
free_port() { python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])"; }
API_PORT=${BENCH_API_PORT:-$(free_port)}; BARE_PORT=${BENCH_BARE_PORT:-$(free_port)}
API=$ROOT/src/JobMatch.Api/bin/Release/net10.0/JobMatch.Api.dll
BARE=$ROOT/bench/JobMatch.Bare/bin/Release/net10.0/JobMatch.Bare.dll
BENCH=$ROOT/bench/JobMatch.Bench/bin/Release/net10.0/JobMatch.Bench.dll
IMPORT=$ROOT/bench/JobMatch.ImportBench/bin/Release/net10.0/JobMatch.ImportBench.dll
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

if [[ $BUILD == 1 ]]; then
  for project in src/JobMatch.Api bench/JobMatch.Bare bench/JobMatch.Bench bench/JobMatch.ImportBench; do
    log "building $project (Release)"
    dotnet build -c Release --nologo -v q "$ROOT/$project" >/dev/null
  done
fi

API_PID=""; BARE_PID=""
stop() { # $1 = pid; SIGTERM stops the service and its PostgreSQL cleanly
  [[ -n ${1:-} ]] && kill "$1" 2>/dev/null && while kill -0 "$1" 2>/dev/null && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]; do sleep 0.5; done
  return 0
}
trap 'stop "$BARE_PID"; stop "$API_PID"' EXIT

start_api() {
  log "starting the service on $DATA"
  # From its own folder, as deployed: the content root is the working directory, and from anywhere else
  # appsettings.json is not found and every Npgsql command is logged to the console (several times slower).
  (cd "$(dirname "$API")" && exec dotnet "$API" --urls "http://127.0.0.1:$API_PORT" --Embedded:DataDirectory="$DATA" \
    --Limits:RequestsPerMinute=100000000 --Limits:RequestsPerMinutePerAddress=100000000) >"$WORK/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1200); do
    curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null && break
    kill -0 "$API_PID" 2>/dev/null || { tail -20 "$WORK/api.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null || { echo "service not ready" >&2; exit 1; }
  PGPORT=$(sed -n 4p "$DATA/postmaster.pid"); SOCKET=$(sed -n 5p "$DATA/postmaster.pid")
  PW=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['DatabasePassword'])" "$DATA.secrets.json")
  export PGPASSWORD=$PW
  APP_CS="Host=127.0.0.1;Port=$PGPORT;Database=jobmatch;Username=jobmatch;Password=$PW"
  ADMIN_CS="Host=$SOCKET;Port=$PGPORT;Database=jobmatch;Username=postgres;Pooling=false"
}
app_sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U jobmatch jobmatch "$@"; }
admin_sql() { psql -X -q -v ON_ERROR_STOP=1 -h "$SOCKET" -p "$PGPORT" -U postgres jobmatch "$@"; }
token() { dotnet "$API" token --role "$1" --subject "$2" --hours 12 --Embedded:DataDirectory="$DATA"; }

start_api
ADMIN_TOKEN=$(token admin bench-admin)
if [[ ! -f $WORK/generated ]]; then
  # A model trained before the bulk rows arrive (training reads only live interactions, so the synthetic log
  # below does not change it); it is promoted only if it beats the baselines, as in production.
  [[ -f $WORK/done.model ]] || {
  log "training a model through the API"
  MODEL=$(curl -sf -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H "Idempotency-Key: bench-train-$SCALE" \
    "http://127.0.0.1:$API_PORT/api/models/train" | python3 -c "import json,sys;print(json.load(sys.stdin)['id'])")
  until curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "http://127.0.0.1:$API_PORT/api/models/$MODEL" \
      | python3 -c "import json,sys;sys.exit(0 if json.load(sys.stdin)['status'] != 'training' else 1)"; do sleep 3; done
  touch "$WORK/done.model"; }
  log "generating $POSITIONS positions, $VETERANS veterans, $INTERACTIONS interactions (uptime: $(uptime))"
  START=$(date +%s)
  # Each step once, so an interrupted generation resumes where it stopped.
  [[ -f $WORK/done.positions ]] || { app_sql -v positions="$POSITIONS" -f "$ROOT/bench/matching/positions.sql" >>"$WORK/generate.log"; touch "$WORK/done.positions"; }
  [[ -f $WORK/done.veterans ]] || { app_sql -v veterans="$VETERANS" -f "$ROOT/bench/matching/veterans.sql" >>"$WORK/generate.log"; touch "$WORK/done.veterans"; }
  admin_sql -v interactions="$INTERACTIONS" -f "$ROOT/bench/matching/interactions.sql" >>"$WORK/generate.log"
  echo "$(( $(date +%s) - START ))" >"$WORK/generated"
  log "generated in $(cat "$WORK/generated") s; restarting the service on the full data"
  stop "$API_PID"; start_api
fi
[[ $GENERATE_ONLY == 1 ]] && exit 0

# The callers: an admin (opening by id, search, candidates, a veteran's matches) and, for apply, a veteran
# profile of this run that has applied nowhere yet.
RUN=$(date -u +%Y%m%dT%H%M%S)
app_sql -c "UPDATE veterans SET subject = 'bench-apply-$RUN' WHERE id = (SELECT id FROM veterans WHERE synthetic AND subject IS NULL AND name LIKE '测试%' ORDER BY id DESC LIMIT 1)"
VETERAN_TOKEN=$(token veteran "bench-apply-$RUN")
app_sql -Atc "SELECT '/api/openings/' || id FROM positions WHERE created_by = 'bench' AND status = 'open' ORDER BY md5(id::text) LIMIT 20000" >"$WORK/paths/opening.txt"
sed 's#/api/openings/#/positions/#' "$WORK/paths/opening.txt" >"$WORK/paths/bare.txt"
sed 's#$#/full#' "$WORK/paths/bare.txt" >"$WORK/paths/bare-full.txt"
sed 's#$#/applications#' "$WORK/paths/opening.txt" >"$WORK/paths/apply.txt"
app_sql -Atc "SELECT '/api/openings/' || id || '/candidates?limit=20' FROM positions WHERE created_by = 'bench' AND status = 'open' ORDER BY md5(id::text) LIMIT 500" >"$WORK/paths/candidates.txt"
# Veterans whose latest matching consent is yes get a ranking (the others a plain list): the ranked case is measured.
app_sql -Atc "SELECT '/api/veterans/' || v.id || '/matches?limit=20' FROM veterans v WHERE v.synthetic AND v.name LIKE '测试%'
  AND EXISTS (SELECT 1 FROM current_consents c WHERE c.veteran_id = v.id AND c.kind = 'automated_matching' AND c.granted)
  ORDER BY v.id LIMIT 500" >"$WORK/paths/matches.txt"
for title in 货车司机 叉车司机 电工 仓储管理员 护士 会计 焊工 保安 厨师 客服; do
  for district in 340403 340402 340404 340421; do echo "/api/openings?q=$title&district=$district&limit=20"; done
done | python3 -c "import sys,urllib.parse as u;[print(u.quote(l.strip(),safe='/?=&')) for l in sys.stdin]" >"$WORK/paths/search.txt"

log "starting the bare endpoint"
ConnectionStrings__Bare=$APP_CS dotnet "$BARE" --urls "http://127.0.0.1:$BARE_PORT" >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
until curl -s -o /dev/null "http://127.0.0.1:$BARE_PORT/positions/00000000-0000-0000-0000-000000000000"; do sleep 0.5; done

WRK_OUT=$RESULTS/wrk.jsonl; : >"$WRK_OUT"
UPTIME_BEFORE=$(uptime)
load() { # name base-url token paths-file method
  local name=$1 url=$2 tok=$3 paths=$4 method=${5:-GET}
  log "wrk: $name"
  export BENCH_PATHS=$paths BENCH_TOKEN=$tok BENCH_METHOD=$method BENCH_RUN=$RUN BENCH_NAME=$name
  BENCH_THREADS=1 BENCH_CLIENTS=1 BENCH_OUT=/dev/null wrk -t1 -c1 -d5s --timeout 30s -s "$ROOT/bench/wrk/rotate.lua" "$url" >/dev/null   # warm-up
  BENCH_THREADS=1 BENCH_CLIENTS=1 BENCH_OUT=$WRK_OUT wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --timeout 30s -s "$ROOT/bench/wrk/rotate.lua" "$url" >/dev/null
  BENCH_THREADS=2 BENCH_CLIENTS=8 BENCH_OUT=$WRK_OUT wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --timeout 30s -s "$ROOT/bench/wrk/rotate.lua" "$url" >/dev/null
}
load bare "http://127.0.0.1:$BARE_PORT" none "$WORK/paths/bare.txt"
load opening "http://127.0.0.1:$API_PORT" "$ADMIN_TOKEN" "$WORK/paths/opening.txt"
load search "http://127.0.0.1:$API_PORT" "$ADMIN_TOKEN" "$WORK/paths/search.txt"
load matches "http://127.0.0.1:$API_PORT" "$ADMIN_TOKEN" "$WORK/paths/matches.txt"
load candidates "http://127.0.0.1:$API_PORT" "$ADMIN_TOKEN" "$WORK/paths/candidates.txt"
load apply "http://127.0.0.1:$API_PORT" "$VETERAN_TOKEN" "$WORK/paths/apply.txt" POST
# The throughput target compares opening by id with the bare endpoint; on a shared machine the load drifts within
# minutes, so the two also run in three alternating rounds of 10 s (8 clients) and the median of the round ratios
# counts. bare-full (the API's query and every column as JSON, no middleware) splits the gap in two.
for pair in 1 2 3; do
  for name in bare bare-full opening; do
    [[ $name == bare* ]] && url="http://127.0.0.1:$BARE_PORT" tok=none || url="http://127.0.0.1:$API_PORT" tok=$ADMIN_TOKEN
    BENCH_PATHS=$WORK/paths/$name.txt BENCH_TOKEN=$tok BENCH_METHOD=GET BENCH_NAME=$name-pair BENCH_THREADS=2 BENCH_CLIENTS=8 BENCH_OUT=$WRK_OUT \
      wrk -t2 -c8 -d10s --timeout 30s -s "$ROOT/bench/wrk/rotate.lua" "$url" >/dev/null
  done
done
UPTIME_AFTER=$(uptime)

# Resident memory of the service after the load, and what the database holds.
grep -E '^(VmRSS|VmHWM)' "/proc/$API_PID/status" >"$RESULTS/memory.txt"
app_sql -Atc "SELECT (SELECT count(*) FROM positions WHERE status = 'open'), (SELECT count(*) FROM veterans), (SELECT count(*) FROM interactions),
  (SELECT coalesce((SELECT 'model ' || id || ' (' || source || ', held-out NDCG@10 ' || round(ndcg10::numeric, 4) || ')' FROM ranking_models
   WHERE status = 'promoted'), 'the cold-start heuristic (no promoted model)'))" >"$RESULTS/world.txt"
stop "$BARE_PID"; BARE_PID=""

log "alternatives: pg_trgm, ts_rank, BM25 against the ranker"
dotnet "$BENCH" alternatives --app "$APP_CS" --admin "$ADMIN_CS" --out "$RESULTS/alternatives.md"
stop "$API_PID"; API_PID=""

if [[ $BDN == 1 ]]; then
  log "BenchmarkDotNet: in-process ranker and BM25"
  (cd "$WORK" && dotnet "$BENCH" --filter '*AlternativesBenchmark*' >"$RESULTS/bdn.log" 2>&1) || true
  find "$WORK/BenchmarkDotNet.Artifacts" -name '*AlternativesBenchmark*-github.md' -exec cat {} + >"$RESULTS/bdn.md" 2>/dev/null || true
fi

if [[ $IMPORT_RATIO == 1 ]]; then
  log "import throughput against raw binary COPY"
  dotnet "$IMPORT" ratio --out "$RESULTS/import.md"
fi

python3 "$ROOT/bench/report.py" --scale "$SCALE" --results "$RESULTS" --generated "$(cat "$WORK/generated")" \
  --uptime-before "$UPTIME_BEFORE" --uptime-after "$UPTIME_AFTER" >"$OUT"
log "tables written to $OUT"
