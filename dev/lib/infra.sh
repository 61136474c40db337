# shellcheck shell=bash
# ./uptake infra up|down|status|logs: the three parts together.

infra_up() {
  ensure_base_tools
  find_jdk
  postgres_up
  kafka_up
  keycloak_up
  kafka_wait
  kafka_topics
  keycloak_wait
}

infra_down() {
  stop_pid keycloak
  stop_pid kafka
  postgres_down
}

infra_status() {
  local state
  if pg_ready 2>/dev/null; then state=up; else state=down; fi
  printf '%-10s %-5s %s\n' postgres "$state" "127.0.0.1:$PG_PORT (databases: ${SERVICE_DATABASES[*]})"
  if pid_alive kafka && port_open "$KAFKA_PORT"; then state=up; else state=down; fi
  printf '%-10s %-5s %s\n' kafka "$state" "127.0.0.1:$KAFKA_PORT"
  if pid_alive keycloak && keycloak_ready; then state=up; else state=down; fi
  printf '%-10s %-5s %s\n' keycloak "$state" "http://localhost:$KEYCLOAK_PORT (realm uptake)"
}

infra_logs() {
  local name=${1:-}
  if [[ -z "$name" ]]; then
    ls -1 "$LOGS" 2>/dev/null || true
    echo "show one with: ./uptake infra logs postgres|kafka|keycloak|<app>"
    return
  fi
  [[ -e "$LOGS/$name.log" ]] || die "no log $LOGS/$name.log"
  tail -n "${UPTAKE_LOG_LINES:-200}" "$LOGS/$name.log"
}
