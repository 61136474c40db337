# shellcheck shell=bash
# ./uptake bench NAME runs dev/bench/NAME.sh; the helpers those scripts share.

bench_dispatch() { # bench_dispatch NAME [ARGUMENT...]: dev/bench/NAME.sh in place of ./uptake (its traps, its exit code)
  local what=${1:-}; shift || true
  case $what in
    suite|metrics|feedback|training|gateway|web|overload) exec "$BASH" "$ROOT/dev/bench/$what.sh" "$@" ;; # this bash, as before the split
    *) usage; exit 2 ;;
  esac
}

# shellcheck source=/dev/null # /etc/os-release is the system's, not this repository's
machine() { echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME")"; }

cpu_snapshot() { # CPU ticks used so far by each part of the pipeline, and by the whole machine
  ticks_of() { local sum=0 p f; for p in "$@"; do read -ra f <"/proc/$p/stat" 2>/dev/null || continue; sum=$((sum + f[13] + f[14])); done; echo "$sum"; }
  echo "gateway $(ticks_of "$(cat "$RUN/gateway.pid")")"
  echo "metrics-service $(ticks_of "$(cat "$RUN/metrics-service.pid")")"
  # shellcheck disable=SC2046 # one word per process id, none when pgrep finds nothing
  echo "postgresql $(ticks_of $(pgrep -x postgres))"
  # shellcheck disable=SC2046 # one word per process id, none when pgrep finds nothing
  echo "kafka $(ticks_of $(pgrep -f 'kafka\.Kafka'))"
  # shellcheck disable=SC2046 # one word per process id, none when pgrep finds nothing
  echo "keycloak $(ticks_of $(pgrep -f 'keycloak'))"
  echo "machine $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)"
}

io_snapshot() { # the disk's writes so far (every process on it: PostgreSQL, Kafka, the logs), and PostgreSQL's WAL
  local device; device=$(df --output=source "$STATE" | tail -n 1); device=${device#/dev/}
  # /proc/diskstats: writes completed is field 8, sectors (512 B) written field 10, flushes completed field 19 (0 if absent)
  awk -v d="$device" '$3 == d {print "disk_writes " $8; print "disk_sectors " $10; print "disk_flushes " ($19 == "" ? 0 : $19)}' /proc/diskstats
  psql_admin -At -F ' ' -c "select 'wal_bytes', wal_bytes::bigint from pg_stat_wal union all select 'wal_writes', wal_write from pg_stat_wal
    union all select 'wal_syncs', wal_sync from pg_stat_wal"
  echo "seconds $(date +%s.%N)"
}

io_report() { # io_report BEFORE AFTER EVENTS: what the disk and PostgreSQL's WAL took, per second and per event
  python3 - "$@" <<'PY'
import sys
before, after = ({k: float(v) for k, v in (line.split() for line in open(f) if line.strip())} for f in sys.argv[1:3])
events = int(sys.argv[3])
d = {k: after[k] - before.get(k, 0) for k in after}
s = d["seconds"]
print(f"disk over {s:.0f} s (PostgreSQL, Kafka and the logs together): {d['disk_writes'] / s:,.0f} writes/s (IOPS), "
      f"{d['disk_sectors'] * 512 / s / 2**20:,.1f} MiB/s written, {d['disk_flushes'] / s:,.0f} flushes/s; "
      f"{d['disk_sectors'] * 512 / max(events, 1):,.0f} bytes written per event")
print(f"PostgreSQL WAL: {d['wal_bytes'] / max(events, 1):,.0f} bytes per event, {d['wal_bytes'] / s / 2**20:,.1f} MiB/s, "
      f"{d['wal_writes'] / s:,.0f} WAL writes/s, {d['wal_syncs'] / s:,.0f} WAL syncs/s")
PY
}

cpu_report() { # cpu_report BEFORE AFTER REQUESTS BATCH: CPU milliseconds per batch for each part (wrk and the OS are the rest)
  python3 - "$@" <<'PY'
import os, sys
before, after = ({k: int(v) for k, v in (line.split() for line in open(f))} for f in sys.argv[1:3])
requests, batch = int(sys.argv[3]), int(sys.argv[4])
hz = os.sysconf("SC_CLK_TCK")
used = {k: (after[k] - before[k]) * 1000 / hz for k in after}
parts = {k: v for k, v in used.items() if k != "machine"}
parts["wrk, the OS and the rest"] = used["machine"] - sum(parts.values())
print(f"CPU per batch of {batch} events ({requests} batches, CPU ms summed over both cores):")
for name, ms in parts.items():
    print(f"  {name:28s} {ms / max(requests, 1):7.1f} ms  ({ms / max(used['machine'], 1):5.1%})")
print(f"  {'all':28s} {used['machine'] / max(requests, 1):7.1f} ms")
PY
}

password_token() { # password_token USER: an access token from the dev realm's uptake-cli client (password = user name)
  curl -fsS -d grant_type=password -d client_id=uptake-cli -d username="$1" -d password="$1" \
    "http://localhost:$KEYCLOAK_PORT/realms/uptake/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

bench_metrics_behind_gateway() { # the packaged metrics-service (bench database and topics) and the gateway, on the bench ports, one account's rate limit lifted
  start_app metrics-service DB_NAME=metrics_bench UPTAKE_TOPICS_USAGE_EVENTS=bench.uptake.usage-events \
    UPTAKE_TOPICS_PEOPLE=bench.uptake.people UPTAKE_TOPICS_ADOPTION_SHORTFALLS=bench.uptake.adoption-shortfalls \
    UPTAKE_TOPICS_TRAINING_EVENTS=bench.uptake.training-events UPTAKE_TOPICS_FOLLOW_UP_ACTIONS=bench.uptake.follow-up-actions \
    UPTAKE_TOPICS_DIGESTS=bench.uptake.digests
  # one account makes every request: lift its rate limit, which a real person stays far under
  start_app gateway RATE_LIMIT_USER_REQUESTS=1000000000
  wait_for 120 "metrics-service" http_ok "$(ready_url metrics-service)" || die "metrics-service did not start, see $LOGS/metrics-service.log"
  wait_for 120 "gateway" port_open "$GATEWAY_PORT" || die "gateway did not start, see $LOGS/gateway.log"
}
