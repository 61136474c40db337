-- wrk script for `./uptake bench metrics segment`: every request is a Segment batch (POST /v1/batch, the write key as
-- the HTTP Basic user name) of BATCH distinct track calls (fresh message ids), spread over PEOPLE people and the
-- standard actions, stamped within the last hour. Environment: AUTH ("Basic ..."), BATCH (default 1000), PEOPLE.

local auth = os.getenv("AUTH")
local batch = tonumber(os.getenv("BATCH") or "1000")
local people = tonumber(os.getenv("PEOPLE") or "10000")
local actions = { "login", "record.created", "record.updated", "activity.logged", "report.run",
                  "dashboard.viewed", "sync.completed", "customer.reviewed", "opportunity.updated", "search.performed" }
local counter = 0
local thread_seed = 0

function setup(thread)
  thread_seed = thread_seed + 1
  thread:set("seed", thread_seed)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
  prefix = string.format("%d-%d-", os.time(), math.random(1, 1000000000))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = auth
end

function request()
  local now = os.time()
  local messages = {}
  for i = 1, batch do
    counter = counter + 1
    local at = os.date("!%Y-%m-%dT%H:%M:%SZ", now - math.random(60, 3600))
    messages[i] = string.format('{"type":"track","messageId":"%s%d","userId":"bench-%d","event":"%s","timestamp":"%s","properties":{"objectId":"o%d"}}',
      prefix, counter, math.random(1, people), actions[math.random(1, #actions)], at, counter)
  end
  return wrk.format(nil, nil, nil, '{"batch":[' .. table.concat(messages, ",") .. ']}')
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d non2xx=%d errors=%d duration_us=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50), latency:percentile(99)))
end
