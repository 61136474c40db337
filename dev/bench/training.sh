#!/usr/bin/env bash
# ./uptake bench training: test-takers at once, then a bulk assignment.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# the launcher's settings and functions (infra_up needs all of them)
# shellcheck source=../lib/all.sh
source "$ROOT/dev/lib/all.sh"

bench_training() { # N test-takers at once through the gateway (start, 20 answers, submit), then a bulk assignment to 10,000 people
  local takers=${UPTAKE_BENCH_TAKERS:-500} people=10000
  infra_up
  TRAINING_PORT=${UPTAKE_BENCH_TRAINING_PORT:-18083}; GATEWAY_PORT=${UPTAKE_BENCH_GATEWAY_PORT:-18080}
  METRICS_PORT=1; FEEDBACK_PORT=1
  log "building training-service and gateway"
  mvnw -B -q -DskipTests package -pl training-service,gateway -am -Duptake.gateway-alone || die "build failed"
  trap 'stop_pid training-service; stop_pid gateway' EXIT
  # Its own database and topics: a bench never touches the data of ./uptake run or of the tests.
  start_app training-service DB_NAME=training_bench UPTAKE_TOPICS_TRAINING_EVENTS=bench.uptake.training-events \
    UPTAKE_TOPICS_PEOPLE=bench.uptake.people UPTAKE_TOPICS_ADOPTION_SHORTFALLS=bench.uptake.adoption-shortfalls \
    UPTAKE_TOPICS_FOLLOW_UP_ACTIONS=bench.uptake.follow-up-actions
  # 500 people squeezed into the realm's 7 accounts: lift the per-person rate limit, which 500 real people would each stay under
  start_app gateway RATE_LIMIT_USER_REQUESTS=1000000
  wait_for 120 "training-service" http_ok "$(ready_url training-service)" || die "training-service did not start, see $LOGS/training-service.log"
  wait_for 120 "gateway" port_open "$GATEWAY_PORT" || die "gateway did not start, see $LOGS/gateway.log"
  local hr user tokens=()
  hr=$(password_token hana)
  for user in alice bob carol mark hana erin adam; do tokens+=("$(password_token "$user")"); done
  local bench=$ROOT/training-service/src/bench/TrainingBench.java think=${UPTAKE_BENCH_THINK_MS:-3000} result
  log "warming up: 35 takers"
  "$JAVA_HOME/bin/java" "$bench" "http://localhost:$GATEWAY_PORT" "$hr" 35 0 "${tokens[@]}" >/dev/null
  log "$takers takers at once, each thinking 0-$((2 * think)) ms before each request: start, 20 answers, submit"
  result=$("$JAVA_HOME/bin/java" "$bench" "http://localhost:$GATEWAY_PORT" "$hr" "$takers" "$think" "${tokens[@]}" | grep '^BENCH')
  # shellcheck disable=SC2001 # a BENCH line per request kind: sed takes the prefix off each one
  echo "$result" | sed 's/^BENCH /  /'
  log "stress: $takers takers at once, no pause between requests"
  result=$("$JAVA_HOME/bin/java" "$bench" "http://localhost:$GATEWAY_PORT" "$hr" "$takers" 0 "${tokens[@]}" | grep '^BENCH')
  # shellcheck disable=SC2001 # a BENCH line per request kind: sed takes the prefix off each one
  echo "$result" | sed 's/^BENCH /  /'
  log "bulk assignment to $people people of one business unit"
  local unit="Bench-$RANDOM$RANDOM" skill="bulk-$RANDOM$RANDOM"
  psql_admin -d training_bench -c "insert into person (user_id, business_unit, job_role) select '$unit-' || i, '$unit', 'sales-rep' from generate_series(1, $people) i" >/dev/null
  curl -fsS -o /dev/null -H "Authorization: Bearer $hr" -H 'Content-Type: application/json' -d "{\"code\":\"$skill\",\"name\":\"Bulk\"}" \
    "http://localhost:$GATEWAY_PORT/api/training/skills"
  local bulk; bulk=$(curl -sS -o "$STATE/bench-bulk.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $hr" -H 'Content-Type: application/json' \
    -d "{\"businessUnit\":\"$unit\",\"skill\":\"$skill\"}" "http://localhost:$GATEWAY_PORT/api/training/assignments")
  echo "  bulk: HTTP ${bulk%% *} in ${bulk##* } s, $(grep -o '"assigned":[0-9]*' "$STATE/bench-bulk.json")"
  local rss_kb; rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$(cat "$RUN/training-service.pid")/status")
  echo "  training-service peak resident size: $((rss_kb / 1024)) MiB"
}

main() { find_jdk; bench_training "$@"; }

main "$@"; exit $?  # on one line: an edit to this file while it runs cannot change what runs next
