#!/usr/bin/env bash
# ./uptake bench gateway [--traced]: the same GETs straight to metrics-service and through the gateway.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# the launcher's settings and functions (infra_up needs all of them)
# shellcheck source=../lib/all.sh
source "$ROOT/dev/lib/all.sh"

bench_gateway() { # the same GETs straight to metrics-service and through the gateway, with wrk, in one run
  local seconds=${UPTAKE_BENCH_SECONDS:-5} connections=${UPTAKE_BENCH_CONNECTIONS:-8} tracing="tracing off"
  infra_up
  command -v wrk >/dev/null || apt_install wrk
  METRICS_PORT=${UPTAKE_BENCH_METRICS_PORT:-18081}; GATEWAY_PORT=${UPTAKE_BENCH_GATEWAY_PORT:-18080}
  FEEDBACK_PORT=1; TRAINING_PORT=1
  log "building metrics-service and gateway"
  mvnw -B -q -DskipTests package -pl metrics-service,gateway -am -Duptake.gateway-alone || die "build failed"
  if [[ "${1:-}" == "--traced" ]]; then # every request traced, spans exported to a local stand-in collector
    command -v python3 >/dev/null || apt_install python3
    python3 "$ROOT/dev/bench/otlp-sink.py" 18318 & UPTAKE_BENCH_SINK=$!
    export OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://localhost:18318 UPTAKE_TRACING_DISABLED=false OTEL_TRACES_SAMPLER_ARG=1.0
    tracing="tracing on, every request, spans to a local OTLP sink"
  fi
  trap 'stop_pid metrics-service; stop_pid gateway; [[ -z ${UPTAKE_BENCH_SINK:-} ]] || kill "$UPTAKE_BENCH_SINK"' EXIT
  bench_metrics_behind_gateway
  local token path="/api/metrics/actions?size=20" target load result requests non2xx errors duration_us p50_us p95_us p99_us
  token=$(password_token alice)
  declare -A url=([direct]="http://localhost:$METRICS_PORT$path" [gateway]="http://localhost:$GATEWAY_PORT$path") rps p50
  for target in direct gateway; do # warm-up: let the JIT compile both paths
    TOKEN=$token wrk -t1 -c"$connections" -d"${UPTAKE_BENCH_WARMUP:-20}s" -s "$ROOT/dev/bench/report.lua" "${url[$target]}" >/dev/null
  done
  # latency with one connection (nothing queues), throughput with $connections; direct and gateway
  # alternate, in $rounds rounds, so that a slow spell of the shared machine hits both; medians reported
  local round rounds=${UPTAKE_BENCH_ROUNDS:-3} ratios=() added_list=()
  for ((round = 1; round <= rounds; round++)); do
    for load in 1 "$connections"; do
      for target in direct gateway; do
        result=$(TOKEN=$token wrk -t1 -c"$load" -d"${seconds}s" --timeout 10s -s "$ROOT/dev/bench/report.lua" "${url[$target]}" | grep '^BENCH')
        eval "${result#BENCH }"
        rps[$target$load]=$(( requests * 1000000 / duration_us )); p50[$target$load]=$p50_us
        printf '  round %d %-8s %2d connections %6d req/s (non-2xx %d, errors %d)  p50 %6d us  p95 %6d us  p99 %6d us\n' \
          "$round" "$target" "$load" "${rps[$target$load]}" "$non2xx" "$errors" "$p50_us" "$p95_us" "$p99_us"
      done
    done
    ratios+=("$(awk -v g="${rps[gateway$connections]}" -v d="${rps[direct$connections]}" 'BEGIN { printf "%.2f", g / d }')")
    added_list+=("$(( p50[gateway1] - p50[direct1] ))")
  done
  local ratio added
  ratio=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  added=$(printf '%s\n' "${added_list[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "| $(date -u +%F) | $(machine) | \`./uptake bench gateway${1:+ $1}\` (GET $path, $rounds rounds of ${seconds} s each, $tracing) | $(IFS=' '; echo "${ratios[*]}") | median $ratio × (target ≥ 0.80) | $(IFS=' '; echo "${added_list[*]}") µs | median +$added µs (target < 1,000) |"
}

main() { find_jdk; bench_gateway "$@"; }

main "$@"; exit $?  # on one line: an edit to this file while it runs cannot change what runs next
