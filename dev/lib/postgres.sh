# shellcheck shell=bash
# PostgreSQL: a cluster of its own under .uptake (or /var/tmp), Debian's server binaries.

pg_bin() { # the newest PostgreSQL server installed (client-only packages have no initdb)
  local initdb
  initdb=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1)
  [[ -n "$initdb" ]] && dirname "$initdb"
  return 0
}

pg_dir() { # the cluster lives under .uptake unless the postgres user cannot reach it there
  if [[ $(id -u) -ne 0 ]]; then echo "$STATE/postgres"; return; fi
  mkdir -p "$STATE/postgres"; chown postgres "$STATE/postgres"
  if runuser -u postgres -- test -w "$STATE/postgres"; then echo "$STATE/postgres"
  else echo "/var/tmp/uptake-postgres-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)"; fi
}

as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_ready() { "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }

psql_admin() { "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# Fewer, calmer checkpoints: a random-order history touches a new page of the aggregates for almost every event, and
# every page's first change after a checkpoint writes the whole page to the WAL (docs/scaling.md).
PG_TUNING="-c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=15min -c wal_compression=on"

postgres_up() {
  local dir bin
  dir=$(pg_dir); bin=$(pg_bin)
  if pg_ready; then log "PostgreSQL already running on $PG_PORT"; else
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      log "creating PostgreSQL cluster in $dir/data"
      as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$LOGS/postgres-initdb.log" 2>&1 \
        || die "initdb failed, see $LOGS/postgres-initdb.log"
    fi
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w -t 60 start \
      -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 $PG_TUNING" >/dev/null \
      || die "PostgreSQL did not start, see $dir/postgresql.log"
    ln -sf "$dir/postgresql.log" "$LOGS/postgres.log"
  fi
  wait_for 60 "PostgreSQL" pg_ready || die "PostgreSQL is not answering on $PG_PORT"
  if [[ -z $(psql_admin -c "select 1 from pg_roles where rolname = '$DB_USER'") ]]; then
    psql_admin -c "create role $DB_USER login password '$DB_PASSWORD'"
  fi
  local db
  for db in "${SERVICE_DATABASES[@]}"; do
    if [[ -z $(psql_admin -c "select 1 from pg_database where datname = '$db'") ]]; then
      log "creating database $db"
      psql_admin -c "create database $db owner $DB_USER"
    fi
  done
}

postgres_down() {
  local dir; dir=$(pg_dir)
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    log "stopping PostgreSQL"
    as_pg "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
}

postgres_fresh_test_databases() { # empty *_test databases: what earlier runs left can neither slow nor sway this one
  local db
  for db in "${SERVICE_DATABASES[@]}"; do
    [[ $db == *_test ]] || continue
    psql_admin -c "drop database if exists $db with (force)"
    psql_admin -c "create database $db owner $DB_USER"
  done
  log "test databases emptied"
}
