#!/usr/bin/env bash
# What Matching:CandidateCap costs in quality (manual, like bench/run.sh, whose generated data and paths it reuses):
#
#   bash bench/matching/cap.sh [--scale 1m] [--caps "100000 5000 1000 500"] [--matches N] [--candidates N]
#
# For each cap, starts the Release service on $BENCH_DIR/<scale> (capacity re-ranking off, so the order is the model's),
# asks for the top 20 matches of N veterans and the top 20 candidates of N positions, and compares every cap with the
# first (the largest, 100,000: every open position at 1m) in a Markdown table. Run bench/run.sh --scale <scale> first.
set -euo pipefail
SCALE=1m; CAPS="100000 5000 1000 500"; MATCHES=100; CANDIDATES=40
while [[ $# -gt 0 ]]; do
  case $1 in
    --scale) SCALE=$2; shift 2 ;; --caps) CAPS=$2; shift 2 ;; --matches) MATCHES=$2; shift 2 ;; --candidates) CANDIDATES=$2; shift 2 ;;
    *) echo "usage: bash bench/matching/cap.sh [--scale 10k|100k|1m] [--caps \"...\"] [--matches N] [--candidates N]" >&2; exit 2 ;;
  esac
done
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-/tmp/jm-suite}/$SCALE; DATA=$WORK/pgdata; OUT=$WORK/cap; mkdir -p "$OUT"
API=$ROOT/src/JobMatch.Api/bin/Release/net10.0/JobMatch.Api.dll
[[ -f $WORK/paths/matches.txt && -f $API ]] || { echo "run bash bench/run.sh --scale $SCALE first" >&2; exit 1; }
PORT=$(python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])")
TOKEN=$(dotnet "$API" token --role admin --subject bench-admin --hours 2 --Embedded:DataDirectory="$DATA")
PID=""
stop() { [[ -n $PID ]] && kill "$PID" 2>/dev/null && while kill -0 "$PID" 2>/dev/null; do sleep 0.5; done; PID=""; }
trap stop EXIT

for cap in $CAPS; do
  echo "[$(date -u +%H:%M:%S)] cap $cap" >&2
  (cd "$(dirname "$API")" && exec dotnet "$API" --urls "http://127.0.0.1:$PORT" --Embedded:DataDirectory="$DATA" \
    --Matching:CandidateCap="$cap" --Matching:CapacityReranking=false \
    --Limits:RequestsPerMinute=100000000 --Limits:RequestsPerMinutePerAddress=100000000) >"$OUT/api-$cap.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; do kill -0 "$PID" || exit 1; sleep 0.5; done
  python3 "$ROOT/bench/matching/cap.py" collect "$PORT" "$TOKEN" "$WORK/paths/matches.txt" "$MATCHES" "$OUT/matches-$cap.json"
  python3 "$ROOT/bench/matching/cap.py" collect "$PORT" "$TOKEN" "$WORK/paths/candidates.txt" "$CANDIDATES" "$OUT/candidates-$cap.json"
  stop
done

first=${CAPS%% *}
for what in matches candidates; do
  echo; echo "$what, against cap $first:"; echo
  echo "| cap | requests | same ids in the top 20 | top 20 that reach the uncapped top 20's scores | worst request |"
  echo "|---|---:|---:|---:|---:|"
  others=(); for cap in ${CAPS#"$first"}; do others+=("$OUT/$what-$cap.json"); done
  (cd "$OUT" && python3 "$ROOT/bench/matching/cap.py" compare "$what-$first.json" "${others[@]##*/}") | sed -E "s/\| $what-([0-9]+)\.json/| \1/"
done
