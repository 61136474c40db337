#!/usr/bin/env bash
# ./uptake bench metrics [ingest|history|segment|salesforce|reports]: ingestion through the gateway, then every
# report over N people.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# the launcher's settings and functions (infra_up needs all of them)
# shellcheck source=../lib/all.sh
source "$ROOT/dev/lib/all.sh"

p50_p95() { # seconds on standard input, one a line: "p50 / p95 ms"
  sort -n | awk '{t[NR] = $1} END {p95 = int(NR * 0.95); if (p95 < NR * 0.95) p95++; printf "%d / %d ms", t[int((NR + 1) / 2)] * 1000, t[p95] * 1000}'
}

after_each() { # after_each CHANGE URL ACCEPT TOKEN [ARGUMENTS...]: "p50 / p95 ms" of answers, each right after CHANGE TOKEN ARGUMENTS... made one change
  local change=$1 url=$2 accept=$3 token=$4 rounds=${UPTAKE_BENCH_AFTER_EVENT:-20} i times=()
  shift 4
  for ((i = 0; i < rounds; i++)); do
    "$change" "$token" "$@"
    times+=("$(curl -sS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" -H "Accept: $accept" "$url")")
  done
  printf '%s\n' "${times[@]}" | p50_p95
}

# shellcheck disable=SC2317 # called by after_each, by name
one_new_event() { # one_new_event TOKEN PEOPLE INGEST_TOKEN: an event of a random person, returning once the consumer has applied it
  local people=$2 ingest=$3 id applied
  id=$(cat /proc/sys/kernel/random/uuid)
  curl -fsS -o /dev/null -H "Authorization: Bearer $ingest" -H 'Content-Type: application/json' \
    -d "[{\"eventId\":\"$id\",\"userId\":\"bench-$(((RANDOM * 32768 + RANDOM) % people + 1))\",\"action\":\"record.created\",\"occurredAt\":\"$(date -u -d '-1 min' +%FT%TZ)\"}]" \
    "http://localhost:$GATEWAY_PORT/api/metrics/events" || die "the new event was refused"
  for ((applied = 0; applied < 200; applied++)); do # until the consumer has applied it (at most 10 s)
    [[ $(psql_admin -d metrics_bench -c "select count(*) from usage_event where day = current_date and event_id = '$id'") == 1 ]] && break
    sleep 0.05
  done
}

# shellcheck disable=SC2317 # called by after_each, by name
one_person_moved() { # one_person_moved TOKEN PEOPLE: a random person moved to a random unit (answered once committed)
  local token=$1 n=$(((RANDOM * 32768 + RANDOM) % $2 + 1))
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"displayName\":\"Person $n\",\"businessUnit\":\"Unit $((RANDOM % 20))\",\"jobRole\":\"role-$((n % 5))\",\"active\":true}" \
    "http://localhost:$GATEWAY_PORT/api/metrics/people/bench-$n" || die "the roster change was refused"
}

# shellcheck disable=SC2317 # called by after_each, by name
one_team_objectives_changed() { # one_team_objectives_changed TOKEN: a random team's objectives set again from now
  # the seeded expectations with another minimum of record.created: the same actions counted, as most changes are
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d "{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":4},{\"metric\":\"action:record.created\",\"period\":\"week\",\"min\":$((8 + RANDOM % 5))},{\"metric\":\"action:activity.logged\",\"period\":\"week\",\"min\":5}]}" \
    "http://localhost:$GATEWAY_PORT/api/metrics/objectives/Unit%20$((RANDOM % 20))/role-$((RANDOM % 5))" || die "the objectives change was refused"
}

bench_metrics_reports() { # every report over N people x 90 days (N from UPTAKE_BENCH_SCALE), 1 then 8 connections, with wrk
  local seconds=${UPTAKE_BENCH_REPORT_SECONDS:-10} people target
  local admin to from report result requests non2xx errors duration_us p50_us p95_us p99_us
  to=$(date -u +%F); from=$(date -u -d "$to - 89 days" +%F)
  for people in ${UPTAKE_BENCH_SCALE:-1000 10000 100000}; do
    log "seeding metrics_bench: $people people x 90 days"
    local seeded_at; seeded_at=$(date +%s)
    psql_admin -d metrics_bench -v people="$people" -f "$ROOT/dev/bench/seed-reports.sql" >/dev/null || die "seeding metrics_bench failed"
    log "seeded in $(( $(date +%s) - seeded_at )) s: $(psql_admin -d metrics_bench -c "select count(*) from person_action_month") person x month x action rows, $(psql_admin -d metrics_bench -c "select count(*) from daily_rollup where day > current_date - 90") person x day x action"
    target=50; (( people > 10000 )) && target=250
    local reports=("people/bench-42/scorecard" "adoption" "adoption?groupBy=jobRole" "adoption?businessUnit=Unit%207" "adoption|csv"
      "adoption/trend?interval=week" "adoption/trend?interval=month&groupBy=jobRole" "adoption/trend?interval=week&businessUnit=Unit%207"
      "shortfalls" "shortfalls?businessUnit=Unit%207" "shortfalls|csv" "leadership" "conformity"
      "training-effectiveness?groupBy=module" "training-effectiveness?groupBy=mode&businessUnit=Unit%207")
    [[ -n ${UPTAKE_BENCH_REPORTS:-} ]] && read -ra reports <<<"$UPTAKE_BENCH_REPORTS" # a subset, e.g. "adoption leadership"
    for report in "${reports[@]}"; do
      local path=${report%|csv} accept=application/json sep='?' line verdict=met
      # a fresh token for each report: a whole run outlasts the realm's access-token lifetime
      admin=$(curl -fsS -d grant_type=password -d client_id=uptake-cli -d username=adam -d password=adam \
        "http://localhost:$KEYCLOAK_PORT/realms/uptake/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
      [[ $report == *"|csv" ]] && accept=text/csv
      [[ $path == *"?"* ]] && sep='&'
      # computed for everyone: the answer after a change of the roster's kind (the structure version moved)
      psql_admin -d metrics_bench -c "update report_version set version = version + 1, structure = structure + 1" >/dev/null
      local computed; computed=$(curl -sS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $admin" -H "Accept: $accept" \
        "http://localhost:$GATEWAY_PORT/api/metrics/$path${sep}from=$from&to=$to")
      line=" | $(awk -v s="$computed" 'BEGIN {printf "%d ms", s * 1000}')"
      # then the answers right after one new event each, as a dashboard is opened while the CRM sends events
      local after after_p95 after_target=100
      (( people > 10000 )) && after_target=250
      local report_url="http://localhost:$GATEWAY_PORT/api/metrics/$path${sep}from=$from&to=$to" ingest
      ingest=$(curl -fsS -d grant_type=client_credentials -d client_id=crm-ingest -d client_secret=crm-ingest-secret \
        "http://localhost:$KEYCLOAK_PORT/realms/uptake/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
      after=$(after_each one_new_event "$report_url" "$accept" "$admin" "$people" "$ingest")
      after_p95=${after#* / }; after_p95=${after_p95% ms}
      line+=" | $after ($( (( after_p95 < after_target )) && echo met || echo "**missed**") p95 < $after_target ms)"
      line+=" | $(after_each one_person_moved "$report_url" "$accept" "$admin" "$people")"
      line+=" | $(after_each one_team_objectives_changed "$report_url" "$accept" "$admin")"
      # a short warm-up, so that the JIT and the plans of this report are ready
      TOKEN=$admin ACCEPT=$accept wrk -t1 -c1 -d2s --timeout 30s -s "$ROOT/dev/bench/report.lua" "http://localhost:$GATEWAY_PORT/api/metrics/$path${sep}from=$from&to=$to" >/dev/null
      for connections in 1 8; do
        result=$(TOKEN=$admin ACCEPT=$accept wrk -t1 -c"$connections" -d"${seconds}s" --timeout 30s -s "$ROOT/dev/bench/report.lua" \
          "http://localhost:$GATEWAY_PORT/api/metrics/$path${sep}from=$from&to=$to" | grep '^BENCH')
        eval "${result#BENCH }"
        (( non2xx == 0 && errors == 0 && requests > 0 && p95_us / 1000 < target )) || verdict="**missed**"
        line+=" | $requests (non-2xx $non2xx) | $((p50_us / 1000)) / $((p95_us / 1000)) / $((p99_us / 1000)) ms"
      done
      echo "| $(date -u +%F) | $(machine) | $(printf "%'d" "$people") | \`${report/|csv/ (CSV)}\`$line | $verdict (p95 < $target ms) |"
    done
  done
}

bench_metrics() { # ingestion through the gateway with wrk, the rate into the rollups, and PostgreSQL's COPY ceiling
  local seconds=${UPTAKE_BENCH_SECONDS:-30} connections=${UPTAKE_BENCH_CONNECTIONS:-16} batch=1000
  infra_up
  command -v wrk >/dev/null || apt_install wrk
  # Its own ports, database and topic: a bench never touches the data of ./uptake run or of the tests.
  METRICS_PORT=${UPTAKE_BENCH_METRICS_PORT:-18081}; GATEWAY_PORT=${UPTAKE_BENCH_GATEWAY_PORT:-18080}
  FEEDBACK_PORT=1; TRAINING_PORT=1
  log "building metrics-service and gateway"
  mvnw -B -q -Dmaven.test.skip=true package -pl metrics-service,gateway -am -Duptake.gateway-alone || die "build failed"
  trap 'stop_pid metrics-service; stop_pid gateway' EXIT
  if [[ -n ${UPTAKE_BENCH_PROFILE:-} ]]; then # a JFR recording of each app, summarised after the ingestion run
    rm -f "$STATE"/bench-*.jfr
    export UPTAKE_JAVA_OPTS_metrics_service="-XX:StartFlightRecording=filename=$STATE/bench-metrics-service.jfr,settings=profile"
    export UPTAKE_JAVA_OPTS_gateway="-XX:StartFlightRecording=filename=$STATE/bench-gateway.jfr,settings=profile"
  fi
  # the report bench reads seeded data: its own (empty) topic, so that a backlog an interrupted ingestion
  # run left on the ingestion topic cannot flow into the seeded aggregates
  local topic=bench.uptake.usage-events
  [[ ${1:-} == reports ]] && topic=bench.uptake.report-usage-events
  # training events of its own too, so that the training bench's assignments never reach the seeded ones
  start_app metrics-service DB_NAME=metrics_bench UPTAKE_TOPICS_USAGE_EVENTS=$topic \
    UPTAKE_TOPICS_PEOPLE=bench.uptake.people UPTAKE_TOPICS_ADOPTION_SHORTFALLS=bench.uptake.adoption-shortfalls \
    UPTAKE_TOPICS_TRAINING_EVENTS=bench.uptake.report-training-events \
    UPTAKE_TOPICS_FOLLOW_UP_ACTIONS=bench.uptake.follow-up-actions UPTAKE_TOPICS_DIGESTS=bench.uptake.digests \
    MP_MESSAGING_INCOMING_USAGE_EVENTS_IN_PARTITIONS="${UPTAKE_BENCH_CONSUMERS:-1}"
  # one admin account reads every report: lift its rate limit, which a real person stays far under
  start_app gateway RATE_LIMIT_USER_REQUESTS=1000000000
  wait_for 120 "metrics-service" http_ok "$(ready_url metrics-service)" || die "metrics-service did not start, see $LOGS/metrics-service.log"
  wait_for 120 "gateway" port_open "$GATEWAY_PORT" || die "gateway did not start, see $LOGS/gateway.log"
  if [[ ${1:-} == reports ]]; then bench_metrics_reports; return; fi
  psql_admin -d metrics_bench -c "truncate usage_event, person_action_month, person_activity, unit_action_day"
  if [[ ${1:-} == salesforce ]]; then bench_salesforce; return; fi
  local token script=ingest.lua url="http://localhost:$GATEWAY_PORT/api/metrics/events" auth
  token=$(curl -fsS -d grant_type=client_credentials -d client_id=crm-ingest -d client_secret=crm-ingest-secret \
    "http://localhost:$KEYCLOAK_PORT/realms/uptake/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  auth="Bearer $token"
  local history=()
  if [[ ${1:-} == history ]]; then # a history over 10,000 people x 85 days in random order, 5 % sent twice
    history=(DAYS=85 RESENT=5)
  fi
  if [[ ${1:-} == segment ]]; then # Segment's batch call with a write key, instead of the native endpoint
    script=segment.lua; url="http://localhost:$GATEWAY_PORT/v1/batch"
    auth="Basic $(printf '%s:' "$(bench_write_key)" | base64 -w0)"
  fi
  log "warming up (5 s), then $seconds s of load: $connections connections, batches of $batch events ($script)"
  local warm requests non2xx errors duration_us p50_us p99_us
  warm=$(env "${history[@]}" AUTH="$auth" BATCH=$batch wrk -t2 -c4 -d5s -s "$ROOT/dev/bench/$script" "$url" | grep '^BENCH')
  eval "${warm#BENCH }"
  local before started result
  before=$(psql_admin -d metrics_bench -c "select count(*) from usage_event")
  cpu_snapshot >"$STATE/bench-cpu-before"
  io_snapshot >"$STATE/bench-io-before"
  started=$(date +%s.%N)
  result=$(env "${history[@]}" AUTH="$auth" BATCH=$batch wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$ROOT/dev/bench/$script" \
    "$url" | grep '^BENCH')
  eval "${result#BENCH }"
  local rss_kb; rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$(cat "$RUN/metrics-service.pid")/status")
  # Requests still in flight when wrk stops are answered too: wait until the consumer's count of applied events
  # holds still. (A count(*) of the log here took 120 ms on 3 processes at a million rows, five times a second:
  # the bench took half the machine from the consumer it was timing.)
  local count applied last=-1 stable=0 visible_at deadline=$(( $(date +%s) + 300 ))
  # what was applied when the load stopped: the rest is the backlog, folded with the machine to the consumer alone
  local load_ended applied_at_end
  load_ended=$(date +%s.%N); applied_at_end=$(events_applied)
  while :; do
    applied=$(events_applied)
    if [[ $applied != "$last" ]]; then last=$applied; visible_at=$(date +%s.%N); stable=0; else stable=$((stable + 1)); fi
    (( stable >= 10 )) && break
    (( $(date +%s) < deadline )) || { log "the rollups were still moving after 300 s"; break; }
    sleep 0.2
  done
  count=$(psql_admin -d metrics_bench -c "select count(*) from usage_event")
  cpu_snapshot >"$STATE/bench-cpu-after"
  io_snapshot >"$STATE/bench-io-after"
  local accepted=$(( count - before )) expected=$count
  cpu_report "$STATE/bench-cpu-before" "$STATE/bench-cpu-after" "$requests" "$batch"
  io_report "$STATE/bench-io-before" "$STATE/bench-io-after" "$accepted"
  # exact: the month totals add up to the events recorded, and the active-day bitmaps to their distinct person-days
  local rolled; rolled=$(psql_admin -d metrics_bench -c "select coalesce(sum(running[cardinality(running)]), 0) from person_action_month")
  # (with fresh statistics and room to hash: a history of 850,000 person-days planned as 40,000 took minutes)
  psql_admin -d metrics_bench -c "analyze usage_event" >/dev/null
  local person_days; person_days=$(psql_admin -d metrics_bench -c "set work_mem = '256MB'" -c "select (select coalesce(sum(bit_count(w::bit(64))), 0) from person_activity, unnest(days) w) - (select count(*) from (select distinct user_id, day from usage_event) d)")
  # The ceiling: PostgreSQL taking the same number of rows, of the same shape, by COPY.
  local csv=$STATE/bench-copy.csv copy_started copy_ended
  psql_admin -d metrics_bench -c "\copy (select gen_random_uuid(), 'bench-' || (i % 10000), 'login', now(), current_date, 'contact', 'bench', now(), 'o' || i from generate_series(1, $accepted) i) to '$csv' csv"
  psql_admin -d metrics_bench -c "drop table if exists copy_ceiling; create table copy_ceiling (like usage_event including all)"
  copy_started=$(date +%s.%N)
  psql_admin -d metrics_bench -c "\copy copy_ceiling from '$csv' csv"
  copy_ended=$(date +%s.%N)
  psql_admin -d metrics_bench -c "drop table copy_ceiling"; rm -f "$csv"
  python3 - "$accepted" "$duration_us" "$started" "$visible_at" "$copy_started" "$copy_ended" "$p50_us" "$p99_us" "$rss_kb" \
    "$requests" "$non2xx" "$errors" "$rolled" "$expected" "$connections" "$(machine)" "$person_days" "${1:-}" \
    "$load_ended" "$applied_at_end" "$last" <<'PY'
import sys
(accepted, duration_us, started, visible_at, copy_started, copy_ended, p50, p99, rss_kb,
 requests, non2xx, errors, rolled, expected, connections, machine, person_days, mode,
 load_ended, applied_at_end, applied_last) = sys.argv[1:]
accepted = int(accepted); seconds = int(duration_us) / 1e6
accepted_rate = accepted / seconds  # includes the requests in flight when wrk stopped (at most one per connection)
visible_rate = accepted / (float(visible_at) - float(started))
copy_rate = accepted / (float(copy_ended) - float(copy_started))
print(f"requests {requests} (non-2xx {non2xx}, socket errors {errors}), events accepted {accepted:,} in {seconds:.1f} s")
print(f"accepted through the gateway: {accepted_rate:,.0f} events/s; visible in the rollups: {visible_rate:,.0f} events/s")
backlog = float(applied_last) - float(applied_at_end)
drain_seconds = float(visible_at) - float(load_ended)
if backlog > 0 and drain_seconds > 1:
    print(f"after the load: a backlog of {backlog:,.0f} events folded in {drain_seconds:.1f} s, {backlog / drain_seconds:,.0f} events/s "
          "(the consumer and PostgreSQL with the machine to themselves)")
print(f"batch latency p50 {int(p50)/1000:.0f} ms, p99 {int(p99)/1000:.0f} ms")
print(f"PostgreSQL COPY of the same rows: {copy_rate:,.0f} rows/s; pipeline/ceiling = {visible_rate / copy_rate:.2f}")
print(f"metrics-service peak resident size: {int(rss_kb) / 1024:.0f} MiB")
print(f"exactness: {int(expected):,} distinct events recorded (with the warm-up), rollup total {int(rolled):,}" + ("" if rolled == expected else "  <-- MISMATCH"))
print(f"active person-days in the bitmaps minus distinct person-days of the events: {person_days}" + ("" if person_days == "0" else "  <-- MISMATCH"))
print(f"| {__import__('datetime').date.today()} | {machine} | `./uptake bench metrics {mode}` ({connections} connections, batches of 1000, {seconds:.0f} s) "
      f"| {visible_rate:,.0f} events/s into rollups ({accepted_rate:,.0f}/s accepted), p99 {int(p99)/1000:.0f} ms, "
      f"COPY ceiling {copy_rate:,.0f} rows/s (ratio {visible_rate / copy_rate:.2f}), RSS {int(rss_kb) / 1024:.0f} MiB |")
PY
  if [[ -n ${UPTAKE_BENCH_PROFILE:-} ]]; then
    stop_pid gateway; stop_pid metrics-service
    local app
    for app in metrics-service gateway; do
      log "$app: hottest methods of the run (JFR, $STATE/bench-$app.jfr)"
      "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$STATE/bench-$app.jfr" | head -n 30
    done
    return
  fi
  [[ ${1:-} == ingest || ${1:-} == history || ${1:-} == segment ]] || bench_metrics_reports
}

events_applied() { # how many usage events metrics-service's consumer has applied since it started (its own counter)
  curl -fsS "http://localhost:$(app_management_port metrics-service)/q/metrics" | awk '/^uptake_usage_events_applied_total/ {print $2}'
}

bench_write_key() { # a new write key, made by the admin through the gateway
  local admin
  admin=$(curl -fsS -d grant_type=password -d client_id=uptake-cli -d username=adam -d password=adam \
    "http://localhost:$KEYCLOAK_PORT/realms/uptake/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  curl -fsS -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{"name": "bench"}' \
    "http://localhost:$GATEWAY_PORT/api/metrics/write-keys" | sed 's/.*"key":"\([^"]*\)".*/\1/'
}

bench_salesforce() { # a Salesforce EventLogFile of UPTAKE_BENCH_LINES lines, imported through the gateway, twice (curl -T streams it)
  local lines=${UPTAKE_BENCH_LINES:-30000} people=10000 file=$STATE/bench-eventlog.csv admin
  log "giving $people bench people a Salesforce user id, and writing a LightningPageView file of $lines lines"
  psql_admin -d metrics_bench -c "insert into person (user_id, display_name, business_unit, job_role)
      select 'bench-' || i, 'Bench ' || i, 'Unit ' || (i % 10), 'sales-rep' from generate_series(1, $people) i
      on conflict do nothing;
    insert into person_external_id (system, external_id, user_id)
      select 'salesforce', '005' || lpad(i::text, 12, '0'), 'bench-' || i from generate_series(1, $people) i
      on conflict do nothing;
    insert into event_mapping (name, action) values ('sf:LightningPageView:Opportunity', 'opportunity.updated')
      on conflict do nothing" >/dev/null
  python3 - "$file" "$lines" "$people" <<'PY'
import random, sys, datetime, uuid
path, lines, people = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
now = datetime.datetime.now(datetime.timezone.utc)
run = uuid.uuid4().hex[:8]
with open(path, "w") as out:
    out.write('"EVENT_TYPE","TIMESTAMP","REQUEST_ID","ORGANIZATION_ID","USER_ID","CLIENT_ID","SESSION_KEY","LOGIN_KEY",'
              '"USER_TYPE","APP_NAME","DEVICE_PLATFORM","BROWSER_NAME","PAGE_ENTITY_ID","PAGE_ENTITY_TYPE","PAGE_URL",'
              '"TIMESTAMP_DERIVED","USER_ID_DERIVED","CLIENT_IP"\n')
    for i in range(lines):
        at = now - datetime.timedelta(seconds=random.randint(60, 20 * 3600))
        user = "005%012d" % random.randint(1, people)
        record = "006%012d" % random.randint(1, 10**9)
        out.write('"LightningPageView","%s","%s-%d","00D000000000001","%s","","k%d","l%d","Standard","one:one",'
                  '"SFX:BROWSER:DESKTOP","CHROME","%s","Opportunity","/lightning/r/Opportunity/%s/view","%s","%sAAA","203.0.113.7"\n'
                  % (at.strftime("%Y%m%d%H%M%S.000"), run, i, user, i, i, record, record,
                     at.strftime("%Y-%m-%dT%H:%M:%S.000Z"), user))
PY
  admin=$(curl -fsS -d grant_type=password -d client_id=uptake-cli -d username=adam -d password=adam \
    "http://localhost:$KEYCLOAK_PORT/realms/uptake/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  local size pass answer seconds rss_kb
  size=$(stat -c %s "$file")
  # a warm-up: the first 5,000 lines once (the JIT and the pools ready, as on a service that has run a while); the
  # timed first import finds them as duplicates
  head -n 5001 "$file" | curl -fsS -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: text/csv' \
    --data-binary @- "http://localhost:$GATEWAY_PORT/api/metrics/imports/salesforce-event-log" || die "the warm-up import failed"
  for pass in first again; do
    answer=$(curl -sS -o "$STATE/bench-eventlog-answer.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $admin" \
      -H 'Content-Type: text/csv' -X POST -T "$file" "http://localhost:$GATEWAY_PORT/api/metrics/imports/salesforce-event-log")
    seconds=${answer#* }
    rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$(cat "$RUN/metrics-service.pid")/status")
    log "$pass import: HTTP ${answer% *} in $seconds s: $(cut -c1-200 "$STATE/bench-eventlog-answer.json")"
    [[ ${answer% *} == 200 ]] || die "the import was refused (HTTP ${answer% *}, UPTAKE_BENCH_LINES=$lines)"
    echo "| $(date -u +%F) | $(machine) | \`./uptake bench metrics salesforce\` ($pass import) | $(printf "%'d" "$lines") lines, $((size / 1024 / 1024)) MiB in ${seconds} s: $(awk -v l="$lines" -v s="$seconds" 'BEGIN {printf "%\047d lines/s", l / s}'), metrics-service peak RSS $((rss_kb / 1024)) MiB |"
  done
  rm -f "$file"
}

main() { find_jdk; bench_metrics "$@"; }

main "$@"; exit $?  # on one line: an edit to this file while it runs cannot change what runs next
