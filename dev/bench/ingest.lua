-- wrk script for `./uptake bench metrics`: every request is a batch of BATCH usage events (fresh UUIDs), spread
-- over PEOPLE people and the standard actions, stamped within the last hour, or with DAYS within the last DAYS days
-- in random order (`history`: a CRM's history, a day's events not sent together), RESENT per cent of them an event
-- sent before (id and all), as a sender that retries does.
-- Environment: AUTH ("Bearer ..."), BATCH (default 1000), PEOPLE (default 10000), DAYS (default: the last hour),
-- RESENT (default 0).

local auth = os.getenv("AUTH")
local batch = tonumber(os.getenv("BATCH") or "1000")
local people = tonumber(os.getenv("PEOPLE") or "10000")
local window = os.getenv("DAYS") and tonumber(os.getenv("DAYS")) * 86400 - 3600 or 3600 -- seconds back, at most
local resent = tonumber(os.getenv("RESENT") or "0")
local sent = {}          -- the last events sent, the pool that re-sends draw from
local sent_size = 20000
local sent_next = 1
local actions = { "login", "record.created", "record.updated", "activity.logged", "report.run",
                  "dashboard.viewed", "sync.completed", "customer.reviewed", "opportunity.updated", "search.performed" }
local random = math.random

-- a version-4-shaped UUID from eight 16-bit draws (one format call: the load generator shares the cores it measures)
local function uuid()
  return string.format("%04x%04x-%04x-4%03x-%04x-%04x%04x%04x", random(0, 65535), random(0, 65535), random(0, 65535),
    random(0, 4095), random(0, 65535), random(0, 65535), random(0, 65535), random(0, 65535))
end

local thread_seed = 0
function setup(thread)
  thread_seed = thread_seed + 1
  thread:set("seed", thread_seed)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = auth
end

function request()
  local now = os.time()
  local items = {}
  for i = 1, batch do
    local item
    if resent > 0 and #sent > 0 and math.random(1, 100) <= resent then
      item = sent[math.random(1, #sent)]
    else
      local at = os.date("!%Y-%m-%dT%H:%M:%SZ", now - math.random(60, window))
      item = string.format('{"eventId":"%s","userId":"bench-%d","action":"%s","occurredAt":"%s","objectType":"contact","source":"bench"}',
        uuid(), math.random(1, people), actions[math.random(1, #actions)], at)
      if resent > 0 then
        sent[sent_next] = item
        sent_next = sent_next % sent_size + 1
      end
    end
    items[i] = item
  end
  return wrk.format(nil, nil, nil, "[" .. table.concat(items, ",") .. "]")
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d non2xx=%d errors=%d duration_us=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50), latency:percentile(99)))
end
