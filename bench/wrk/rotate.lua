-- wrk script for bench/run.sh: every request takes the next path of $BENCH_PATHS (one per line), each thread from
-- its own slice, so no two requests of a run repeat an apply; POSTs carry a fresh Idempotency-Key. done() appends
-- one JSON line (milliseconds) to $BENCH_OUT.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local made = 0

function setup(thread)
  made = made + 1
  thread:set("id", made - 1)
end

function init(args)
  next_index = math.floor((id or 0) * #paths / threads)
  count = 0
  wrk.method = os.getenv("BENCH_METHOD") or "GET"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.headers["Accept"] = "application/json"
end

function request()
  next_index = next_index % #paths + 1
  count = count + 1
  -- wrk.format takes these headers instead of wrk.headers (Host aside), so they are all named here.
  local headers = { ["Authorization"] = wrk.headers["Authorization"], ["Accept"] = "application/json" }
  if wrk.method == "POST" then
    headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, id or 0, count)
  end
  return wrk.format(nil, paths[next_index], headers, nil)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local out = assert(io.open(os.getenv("BENCH_OUT"), "a"))
  out:write(string.format(
    '{"name":"%s","clients":%s,"requests":%d,"seconds":%.3f,"rps":%.2f,"p50":%.3f,"p95":%.3f,"p99":%.3f,"mean":%.3f,"max":%.3f,"errors":%d}\n',
    os.getenv("BENCH_NAME"), os.getenv("BENCH_CLIENTS"), summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.mean / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
  out:close()
end
