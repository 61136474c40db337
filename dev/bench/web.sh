#!/usr/bin/env bash
# ./uptake bench web: page timings of the web app in Chromium.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# the launcher's settings and functions (infra_up needs all of them)
# shellcheck source=../lib/all.sh
source "$ROOT/dev/lib/all.sh"

bench_web() { # page timings of the web app in Chromium (Playwright): the demo organisation, then adoption over 10,000 people
  local rounds=${UPTAKE_BENCH_ROUNDS:-5} classpath=$STATE/bench-web.classpath
  infra_up
  command -v chromium >/dev/null || apt_install chromium
  command -v python3 >/dev/null || apt_install python3
  # its own ports, databases and topics: a bench never touches the data of ./uptake run or of the tests
  METRICS_PORT=18081; FEEDBACK_PORT=18082; TRAINING_PORT=18083; GATEWAY_PORT=18080
  log "building the suite and the bench's classpath"
  mvnw -B -q -DskipTests package || die "build failed"
  mvnw -B -q -pl gateway -Duptake.gateway-alone dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >/dev/null || die "no classpath"
  trap 'stop_apps' EXIT
  local topics=(UPTAKE_TOPICS_USAGE_EVENTS=bench.web.usage-events UPTAKE_TOPICS_PEOPLE=bench.web.people
    UPTAKE_TOPICS_ADOPTION_SHORTFALLS=bench.web.adoption-shortfalls UPTAKE_TOPICS_FEEDBACK_EVENTS=bench.web.feedback-events
    UPTAKE_TOPICS_TRAINING_EVENTS=bench.web.training-events UPTAKE_TOPICS_FOLLOW_UP_ACTIONS=bench.web.follow-up-actions
    UPTAKE_TOPICS_DIGESTS=bench.web.digests)
  start_app metrics-service DB_NAME=metrics_bench "${topics[@]}"
  start_app feedback-service DB_NAME=feedback_bench "${topics[@]}"
  start_app training-service DB_NAME=training_bench "${topics[@]}"
  start_app gateway RATE_LIMIT_USER_REQUESTS=1000000
  local app
  for app in "${APPS[@]}"; do
    wait_for 120 "$app" http_ok "$(ready_url "$app")" || die "$app did not start, see $LOGS/$app.log"
  done
  # the demo organisation alone in metrics_bench (a report bench leaves up to 100,000 people there)
  psql_admin -d metrics_bench -c "truncate usage_event, person_action_month, person_activity, unit_action_day, person, person_membership,
    objective_version, shortfall_notice, outbox" >/dev/null
  # and in feedback_bench: the feedback benches leave their items there (the board showed the fan-out bench's)
  psql_admin -d feedback_bench -c "truncate webhook_delivery, webhook_job, webhook, celebration, notification, outbox,
    status_change, item_comment, item_follow, item_vote, item_count, feedback_item restart identity" >/dev/null
  "$ROOT/dev/demo/load" "http://localhost:$GATEWAY_PORT" "http://localhost:$KEYCLOAK_PORT" >/dev/null || die "loading the demo data failed"
  web_pages() { # web_pages LABEL USER:PATH:READY...
    local label=$1; shift
    mkdir -p "$STATE/bench-web-screenshots"
    # UPTAKE_BENCH_WATERFALL=1: each first visit's requests (started, sent, ended) go to $LOGS/bench-web.log too
    "$JAVA_HOME/bin/java" -cp "$(cat "$classpath")" -Duptake.screenshots="$STATE/bench-web-screenshots" \
      ${UPTAKE_BENCH_WATERFALL:+-Duptake.bench.waterfall=true} ${UPTAKE_BENCH_PROFILE:+-Duptake.bench.profile=true} \
      "$ROOT/gateway/src/bench/WebBench.java" "http://localhost:$GATEWAY_PORT" "$rounds" "$@" \
      | tee -a "$LOGS/bench-web.log" | grep '^BENCH' | while read -r _ line; do
        local page user first_ms median_ms max_ms first_page_ms median_page_ms max_page_ms js_gzip_bytes
        eval "$line"
        echo "| $(date -u +%F) | $(machine) | $label | \`$page\` ($user) | $first_page_ms ms | $median_page_ms / $max_page_ms ms | $first_ms ms | $median_ms / $max_ms ms | $((js_gzip_bytes / 1024)) KB |"
      done
  }
  if [[ -n ${UPTAKE_BENCH_PAGES:-} ]]; then # only these pages (USER:PATH:READY, space-separated), the demo organisation alone
    # shellcheck disable=SC2086 # one word per page
    web_pages "demo organisation" $UPTAKE_BENCH_PAGES
    return
  fi
  # "data": every part of the page has its data on screen (and, after it, the chart named)
  web_pages "demo organisation" "alice:/web/:data" "alice:/web/feedback:data" "alice:/web/feedback/1:data" \
    "alice:/web/inbox:data" "adam:/web/triage:data" "adam:/web/admin/roster:data" "hana:/web/hr/matrix:data" \
    "hana:/web/hr/assignments:data" "hana:/web/hr/sessions:data" "mark:/web/team:data" "mark:/web/people/demo-008:data" \
    "mark:/web/adoption:data #trend-chart svg" "erin:/web/adoption:data #trend-chart svg"
  log "seeding metrics_bench: 10000 people x 90 days, 2000 of them in mark's unit; training_bench: the same 10000 with scores"
  psql_admin -d metrics_bench -v people=10000 -f "$ROOT/dev/bench/seed-reports.sql" >/dev/null || die "seeding metrics_bench failed"
  psql_admin -d metrics_bench -f "$ROOT/dev/bench/seed-web.sql" >/dev/null || die "seeding metrics_bench for the web failed"
  psql_admin -d training_bench -v people=10000 -f "$ROOT/dev/bench/seed-web-training.sql" >/dev/null || die "seeding training_bench failed"
  web_pages "10,000 people x 90 days" "mark:/web/team:data" "hana:/web/hr/matrix:data #matrix-chart svg" \
    "erin:/web/adoption:data #trend-chart svg"
}

main() { find_jdk; bench_web "$@"; }

main "$@"; exit $?  # on one line: an edit to this file while it runs cannot change what runs next
