#!/usr/bin/env bash
# ./uptake bench feedback: lists and search over 100,000 items, then the SSE fan-out.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# the launcher's settings and functions (infra_up needs all of them)
# shellcheck source=../lib/all.sh
source "$ROOT/dev/lib/all.sh"

bench_feedback() { # listing and search over 100,000 items through the gateway (wrk), then the SSE fan-out to N subscribers
  local seconds=${UPTAKE_BENCH_SECONDS:-10} subscribers=${UPTAKE_BENCH_SUBSCRIBERS:-1000}
  infra_up
  command -v wrk >/dev/null || apt_install wrk
  FEEDBACK_PORT=${UPTAKE_BENCH_FEEDBACK_PORT:-18082}; GATEWAY_PORT=${UPTAKE_BENCH_GATEWAY_PORT:-18080}
  METRICS_PORT=1; TRAINING_PORT=1
  log "building feedback-service and gateway"
  mvnw -B -q -Dmaven.test.skip=true package -pl feedback-service,gateway -am -Duptake.gateway-alone || die "build failed"
  # the fan-out's clients are Vert.x's, from the gateway's own class path
  local classpath=$STATE/bench-feedback.classpath
  mvnw -B -q -pl gateway -Duptake.gateway-alone dependency:build-classpath -Dmdep.outputFile="$classpath" >/dev/null || die "no classpath"
  trap 'stop_pid feedback-service; stop_pid gateway' EXIT
  # (the fan-out's subscribers are all one person: lift the streams a person may hold in the service as in the gateway)
  start_app feedback-service DB_NAME=feedback_bench UPTAKE_TOPICS_FEEDBACK_EVENTS=bench.uptake.feedback-events UPTAKE_TOPICS_DIGESTS=bench.uptake.digests \
    UPTAKE_STREAMS_PER_PERSON=1000000
  # one account makes every request: lift its rate limit and its share of event streams, which a real person stays
  # far under (the replica's own limit on streams, uptake.gateway.max-streams, stays as it is)
  start_app gateway RATE_LIMIT_USER_REQUESTS=1000000000 UPTAKE_GATEWAY_MAX_STREAMS_PER_CALLER=1000000
  wait_for 120 "feedback-service" http_ok "$(ready_url feedback-service)" || die "feedback-service did not start, see $LOGS/feedback-service.log"
  wait_for 120 "gateway" port_open "$GATEWAY_PORT" || die "gateway did not start, see $LOGS/gateway.log"
  local alice admin rows=""
  alice=$(password_token alice); admin=$(password_token adam)
  if [[ ${1:-} != sse ]]; then # ./uptake bench feedback sse: the fan-out alone
  log "seeding feedback_bench: 100,000 items"
  psql_admin -d feedback_bench -f "$ROOT/dev/bench/seed-feedback.sql" >/dev/null
  # shellcheck disable=SC2034 # duration_us: wrk's BENCH line sets it (eval below) with the fields used here
  local list result requests non2xx errors duration_us p50_us p95_us p99_us rows=""
  log "warming up: 2 s of each list"
  for list in "items" "items?sort=votes" "items?q=pipeline+forecast" "items?status=PLANNED&area=mobile"; do
    TOKEN=$alice wrk -t1 -c2 -d2s -s "$ROOT/dev/bench/report.lua" "http://localhost:$GATEWAY_PORT/api/feedback/$list" >/dev/null
  done
  for list in "items" "items?sort=votes" "items?q=pipeline+forecast" "items?q=renewal&sort=votes" "items?status=PLANNED&area=mobile" "items?page=1000"; do
    result=$(TOKEN=$alice wrk -t1 -c4 -d"${seconds}s" --timeout 10s -s "$ROOT/dev/bench/report.lua" \
      "http://localhost:$GATEWAY_PORT/api/feedback/$list" | grep '^BENCH')
    eval "${result#BENCH }"
    printf '  %-40s %6d requests (non-2xx %d, errors %d)  p50 %4d ms  p95 %4d ms  p99 %4d ms\n' "$list" "$requests" "$non2xx" "$errors" \
      $((p50_us / 1000)) $((p95_us / 1000)) $((p99_us / 1000))
    rows+="| $(date -u +%F) | $(machine) | \`GET /api/feedback/$list\` (100,000 items, 4 connections, ${seconds} s) | $requests | $((p50_us / 1000)) ms | $((p95_us / 1000)) ms | $((p99_us / 1000)) ms |"$'\n'
  done
  fi
  log "SSE fan-out: $subscribers subscribers on /api/feedback/celebrations/stream through the gateway"
  result=$("$JAVA_HOME/bin/java" -cp "$(cat "$classpath")" "$ROOT/dev/bench/SseFanout.java" "http://localhost:$GATEWAY_PORT" "$alice" "$admin" "$subscribers" | grep '^BENCH')
  echo "  $result"
  local rss_kb; rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$(cat "$RUN/feedback-service.pid")/status")
  echo "  feedback-service peak resident size: $((rss_kb / 1024)) MiB"
  printf '%s' "$rows"
  echo "| $(date -u +%F) | $(machine) | SSE: ${result#BENCH } | RSS $((rss_kb / 1024)) MiB |"
}

main() { find_jdk; bench_feedback "$@"; }

main "$@"; exit $?  # on one line: an edit to this file while it runs cannot change what runs next
