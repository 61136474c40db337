-- wrk script for `./uptake bench metrics`: GETs one report with a bearer token, prints p50/p95/p99.
-- Environment: TOKEN (bearer), ACCEPT (default application/json).
local token = os.getenv("TOKEN")
local accept = os.getenv("ACCEPT") or "application/json"

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = accept
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d non2xx=%d errors=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
