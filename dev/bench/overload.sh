#!/usr/bin/env bash
# ./uptake bench overload: twice the request rate the stack serves, offered to the gateway; does it shed and recover?
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# the launcher's settings and functions (infra_up needs all of them)
# shellcheck source=../lib/all.sh
source "$ROOT/dev/lib/all.sh"

bench_overload() { # capacity with wrk (closed loop), then 2x that rate open-loop (dev/bench/Overload.java)
  local seconds=${UPTAKE_BENCH_SECONDS:-20} connections=${UPTAKE_BENCH_CONNECTIONS:-32} factor=${UPTAKE_BENCH_FACTOR:-2}
  infra_up
  command -v wrk >/dev/null || apt_install wrk
  METRICS_PORT=${UPTAKE_BENCH_METRICS_PORT:-18081}; GATEWAY_PORT=${UPTAKE_BENCH_GATEWAY_PORT:-18080}
  FEEDBACK_PORT=1; TRAINING_PORT=1
  log "building metrics-service and gateway"
  mvnw -B -q -DskipTests package -pl metrics-service,gateway -am -Duptake.gateway-alone || die "build failed"
  trap 'stop_pids metrics-service gateway' EXIT
  bench_metrics_behind_gateway
  local token url result requests duration_us non2xx errors p50_us p95_us p99_us capacity rate
  token=$(password_token alice)
  url="http://localhost:$GATEWAY_PORT/api/metrics/actions?size=20"
  TOKEN=$token wrk -t1 -c"$connections" -d"${UPTAKE_BENCH_WARMUP:-15}s" -s "$ROOT/dev/bench/report.lua" "$url" >/dev/null
  result=$(TOKEN=$token wrk -t2 -c"$connections" -d10s --timeout 10s -s "$ROOT/dev/bench/report.lua" "$url" | grep '^BENCH')
  eval "${result#BENCH }"
  capacity=$(( requests * 1000000 / duration_us ))
  rate=$(( capacity * factor ))
  log "served $capacity req/s with $connections connections (non-2xx $non2xx, errors $errors, p50 $p50_us us, p95 $p95_us us, p99 $p99_us us); offering $rate req/s for $seconds s"
  result=$("$JAVA_HOME/bin/java" "$ROOT/dev/bench/Overload.java" "$url" "$token" "$rate" "$seconds" "$(cat "$RUN/gateway.pid")" | grep '^BENCH')
  echo "$result"
  local offered served shed shed_with_retry_after other failed p50_served_ms p99_served_ms slowest_ms peak_rss_mib recovery_ms unloaded_ms
  eval "${result#BENCH }"
  echo "| $(date -u +%F) | $(machine) | \`./uptake bench overload\` (GET /api/metrics/actions through the gateway; capacity by wrk -c$connections: $capacity req/s; then ${factor}x open-loop for ${seconds} s) | offered $offered ($rate/s) | served $served, shed $shed (429/503, $shed_with_retry_after with Retry-After), other $other, no answer $failed | p50 ${p50_served_ms} ms, p99 ${p99_served_ms} ms of served; slowest answer ${slowest_ms} ms | gateway peak RSS ${peak_rss_mib} MiB | recovered ${recovery_ms} ms after the load stopped (unloaded latency ${unloaded_ms} ms) |"
}

main() { find_jdk; bench_overload "$@"; }

main "$@"; exit $?  # on one line: an edit to this file while it runs cannot change what runs next
