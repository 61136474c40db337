# shellcheck shell=bash
# The suite: the four packaged apps pointed at the local infrastructure; ./uptake run and ./uptake test.

APPS=(metrics-service feedback-service training-service gateway)

app_port() {
  case $1 in
    metrics-service) echo "$METRICS_PORT" ;; feedback-service) echo "$FEEDBACK_PORT" ;;
    training-service) echo "$TRAINING_PORT" ;; gateway) echo "$GATEWAY_PORT" ;;
  esac
}

app_management_port() { # where an app answers /q/health, /q/metrics and /q/openapi: its port + 1200 (benchmarks move both)
  echo $(( $(app_port "$1") + MANAGEMENT_PORT_OFFSET ))
}

ready_url() { # an app's readiness, on its management interface
  echo "http://localhost:$(app_management_port "$1")/q/health/ready"
}

app_env() { # the production configuration of each app, pointed at the local infrastructure
  local app=$1 db=${1%-service}
  echo "QUARKUS_HTTP_PORT=$(app_port "$app")"
  echo "QUARKUS_MANAGEMENT_PORT=$(app_management_port "$app")"
  echo "OIDC_AUTH_SERVER_URL=http://localhost:$KEYCLOAK_PORT/realms/uptake"
  # Spans go to the OTLP/HTTP collector at OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; none runs here, so
  # without that variable tracing is off (UPTAKE_TRACING_DISABLED=false forces it on).
  if [[ -n ${OTEL_EXPORTER_OTLP_TRACES_ENDPOINT:-} ]]; then
    echo "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=$OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
    echo "UPTAKE_TRACING_DISABLED=${UPTAKE_TRACING_DISABLED:-false}"
  else
    echo "UPTAKE_TRACING_DISABLED=${UPTAKE_TRACING_DISABLED:-true}"
  fi
  if [[ $app == gateway ]]; then
    echo "UPSTREAM_METRICS_URL=http://localhost:$METRICS_PORT"
    echo "UPSTREAM_FEEDBACK_URL=http://localhost:$FEEDBACK_PORT"
    echo "UPSTREAM_TRAINING_URL=http://localhost:$TRAINING_PORT"
    echo "UPSTREAM_METRICS_MANAGEMENT_URL=http://localhost:$(app_management_port metrics-service)"
    echo "UPSTREAM_FEEDBACK_MANAGEMENT_URL=http://localhost:$(app_management_port feedback-service)"
    echo "UPSTREAM_TRAINING_MANAGEMENT_URL=http://localhost:$(app_management_port training-service)"
    # the browser app's sign-in, with a session key made once for this checkout and kept under .uptake/
    echo "OIDC_WEB_ENABLED=true"
    echo "OIDC_WEB_SESSION_SECRET=$(web_session_secret)"
    # over plain http on this machine: cookies without Secure (every other deployment keeps the default, true)
    echo "UPTAKE_WEB_SECURE_COOKIES=false"
  else
    echo "DB_HOST=localhost"; echo "DB_PORT=$PG_PORT"; echo "DB_NAME=$db"
    echo "DB_USER=$DB_USER"; echo "DB_PASSWORD=$DB_PASSWORD"
    echo "KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT"
    [[ $app == feedback-service ]] && echo "UPTAKE_WEBHOOKS_SECRET_KEY=$(webhook_secret_key)"
  fi
}

webhook_secret_key() { # the key that encrypts webhook secrets in local runs: 32 random bytes, made once, kept in .uptake/
  local file=$STATE/webhook-secret-key
  if [[ ! -s $file ]]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n' >"$file")
  fi
  cat "$file"
}

web_session_secret() { # the key of the web app's session cookies for local runs: random, made once, kept in .uptake/
  local file=$STATE/web-session-secret
  if [[ ! -s $file ]]; then
    (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$file")
  fi
  cat "$file"
}

start_app() { # start_app APP [NAME=VALUE...]: the packaged app, its production config pointed at the local infrastructure
  local app=$1 jar=$ROOT/$1/target/quarkus-app/quarkus-run.jar; shift
  local port; port=$(app_port "$app")
  [[ -f "$jar" ]] || die "$jar is missing: the build did not produce it"
  port_open "$port" && die "port $port for $app is taken (set UPTAKE_*_PORT)"
  log "starting $app on port $port"
  (
    while IFS= read -r assignment; do export "${assignment?}"; done < <(app_env "$app")
    for assignment in "$@"; do export "${assignment?}"; done
    opts_var="UPTAKE_JAVA_OPTS_${app//-/_}" # extra JVM options for one app, e.g. a JFR recording in a bench
    # shellcheck disable=SC2086 # the options are split into words on purpose: several may be given
    exec "$JAVA_HOME/bin/java" -Xmx512m ${!opts_var:-} -jar "$jar" >"$LOGS/$app.log" 2>&1
  ) &
  echo $! >"$RUN/$app.pid"
}

stop_apps() { # all at once: each app finishes what is in flight within its 5 s shutdown timeout
  stop_pids "${APPS[@]}"
}

load_demo() { # a living organisation through the public API; a second run adds nothing and finishes a broken one
  # UPTAKE_DEMO_LOADER replaces the loader (dev/lib/tests runs a failing one); its output is kept in the logs
  local loader=${UPTAKE_DEMO_LOADER:-$ROOT/dev/demo/load} output=$LOGS/demo-load.log
  command -v python3 >/dev/null || apt_install python3
  mkdir -p "$LOGS"
  if "$loader" "http://localhost:$GATEWAY_PORT" "http://localhost:$KEYCLOAK_PORT" 2>&1 | tee "$output"; then
    return 0
  fi
  # the apps stay up: what failed is a demo, not the suite
  warn "loading the demo data failed: $(tail -n 1 "$output") (all of it in $output)"
  warn "the suite keeps running; ./uptake run again finishes loading the demo (the loader skips what is already there)"
}

suite_run() {
  local demo=true
  [[ "${1:-}" == "--empty" ]] && demo=false
  infra_up
  log "building the suite (tests skipped; ./uptake test runs them)"
  mvnw -B -q -DskipTests package || die "build failed"
  trap 'echo; stop_apps; exit 0' INT TERM
  local app
  for app in "${APPS[@]}"; do start_app "$app"; done
  for app in "${APPS[@]}"; do
    wait_for 120 "$app" http_ok "$(ready_url "$app")" \
      || { stop_apps; die "$app did not become healthy, see $LOGS/$app.log"; }
  done
  if $demo; then load_demo; fi
  cat <<EOF

  Uptake is running.
    web app    http://localhost:$GATEWAY_PORT/   (sign in with a demo user below)
    gateway    http://localhost:$GATEWAY_PORT   (API under /api/metrics, /api/feedback, /api/training)
    keycloak   http://localhost:$KEYCLOAK_PORT   (realm uptake; admin console user admin/admin)
    logs       $LOGS
    tracing    $([[ -n ${OTEL_EXPORTER_OTLP_TRACES_ENDPOINT:-} ]] && echo "spans to $OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (OTLP/HTTP)" || echo "off (set OTEL_EXPORTER_OTLP_TRACES_ENDPOINT to a collector's OTLP/HTTP address)")

  Demo users (password = user name):
    alice, bob (employee, Sales EMEA, sales-rep)   carol (employee, Support, support-agent)
    mark (manager, Sales EMEA)   hana (hr)   erin (executive)   adam (admin)

  A token for a REST client:
    curl -s -d grant_type=password -d client_id=uptake-cli -d username=alice -d password=alice \\
      http://localhost:$KEYCLOAK_PORT/realms/uptake/protocol/openid-connect/token

  Ctrl-C stops the apps; ./uptake infra down stops the infrastructure.
EOF
  wait
}

# The two test tiers (README, "Tests"). The default one: every unit, resource, contract and browser test, what a
# developer runs after each change. --resilience: the *IT classes that kill, stop and restart the packaged apps and the
# shared infrastructure (so they run alone, one module after another), and the tests tagged resilience.
launcher_tests() { # the launcher's own tests (dev/lib/tests), seconds long, before any build
  local test
  for test in "$ROOT"/dev/lib/tests/*.sh; do
    bash "$test" || die "the launcher's test $test failed"
  done
}

suite_test() { # ./uptake test [--resilience|--all] [maven arguments]
  # First every module is built and packaged (tests compiled, not run). Then the default tier runs every module's tests,
  # UPTAKE_TEST_THREADS (3) modules side by side: each module's tests have databases, topics and consumer groups of
  # their own, and the gateway's tests start the services packaged in the first step, so the gateway (the longest
  # module) starts at once instead of after the three services' tests. Three at a time on 2 cores: the tests wait on
  # Kafka, PostgreSQL, Keycloak and Chromium more than they compute (docs/benchmarks.md, "Two tiers"). The resilience
  # tier runs its kill, replica and shutdown tests the same way, two modules at a time, on the same packages
  # (quarkus.build.skip: nothing repackages an app a test runs), and then the outage ITs, which stop the PostgreSQL and
  # Kafka every module shares, alone, one after another.
  local default_tier=true resilience_tier=false threads=${UPTAKE_TEST_THREADS:-3}
  # the kill, replica and shutdown tests time exits and restarts under load: at most two modules of them at a time
  local resilience_threads=$(( threads < 2 ? threads : 2 ))
  case ${1:-} in
    --resilience) shift; default_tier=false; resilience_tier=true ;;
    --all) shift; resilience_tier=true ;;
  esac
  launcher_tests
  infra_up
  postgres_fresh_test_databases
  # the web app's tests drive Debian's Chromium (Playwright's own browser download cannot be reached here)
  if $default_tier; then command -v chromium >/dev/null || apt_install chromium; fi
  maven_step "packaging every module" install -DskipTests "$@"
  if $default_tier; then
    maven_step "the default tier, $threads modules at a time" -T "$threads" -Duptake.gateway-alone test \
      -Dsurefire.excludedGroups=resilience "$@"
  fi
  if $resilience_tier; then
    maven_step "the resilience tier's kill, replica and shutdown tests, $resilience_threads modules at a time" \
      -T "$resilience_threads" -Duptake.gateway-alone verify -Dquarkus.build.skip -DskipITs=false \
      -Dsurefire.groups=resilience -Dfailsafe.excludedGroups=outage "$@"
    local only_outages=()
    mapfile -t only_outages < <(outage_modules "$@")
    maven_step "the resilience tier's outage tests, alone" verify -Dquarkus.build.skip -DskipITs=false \
      -Dsurefire.groups=outage -Dfailsafe.groups=outage "${only_outages[@]}" "$@"
  fi
}

outage_modules() { # outage_modules MAVEN_ARGUMENTS...: -pl and the modules with an IT tagged outage (a line each), unless
  # the arguments choose modules themselves: the other modules' builds and empty test runs would only cost time
  local argument modules
  for argument in "$@"; do
    [[ $argument != -pl && $argument != --projects ]] || return 0
  done
  modules=$(grep -rl --include='*IT.java' '@Tag("outage")' "$ROOT"/*/src/test | sed "s|^$ROOT/||; s|/src/test/.*||" | sort -u \
    | paste -sd,)
  [[ -z $modules ]] || printf -- '-pl\n%s\n' "$modules"
}

maven_step() { # maven_step DESCRIPTION MAVEN_ARGUMENTS...: one Maven run of ./uptake test, said before it starts
  local what=$1; shift
  log "$what: ./mvnw -B $*"
  mvnw -B "$@"
}
