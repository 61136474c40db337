# shellcheck shell=bash
# Keycloak in dev mode, from Maven Central, with the realm of dev/keycloak imported again whenever it changes.

KEYCLOAK_HOME=$STATE/keycloak/keycloak-$KEYCLOAK_VERSION
REALM_FILE=$ROOT/dev/keycloak/uptake-realm.json

keycloak_install() {
  [[ -x "$KEYCLOAK_HOME/bin/kc.sh" ]] && return
  log "fetching Keycloak $KEYCLOAK_VERSION from Maven Central"
  mkdir -p "$STATE/keycloak"
  mvnw -q -B -f "$ROOT/dev/kafka/pom.xml" dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$STATE/keycloak" \
    >"$LOGS/keycloak-install.log" 2>&1 || die "could not fetch Keycloak, see $LOGS/keycloak-install.log"
  unzip -q -o "$STATE/keycloak/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$STATE/keycloak"
  rm -f "$STATE/keycloak/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
}

keycloak_ready() { http_ok "http://127.0.0.1:$KEYCLOAK_PORT/realms/uptake/.well-known/openid-configuration"; }

keycloak_up() {
  if pid_alive keycloak && [[ -f "$STATE/keycloak/realm.md5" && $(cat "$STATE/keycloak/realm.md5") != $(md5sum "$REALM_FILE" | cut -d' ' -f1) ]]; then
    log "the realm file changed: restarting Keycloak to import it"
    stop_pid keycloak
  fi
  if pid_alive keycloak && keycloak_ready; then log "Keycloak already running on $KEYCLOAK_PORT"; return; fi
  pid_alive keycloak && { log "Keycloak is starting"; return; }
  port_open "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is taken by a process this launcher did not start (set UPTAKE_KEYCLOAK_PORT)"
  keycloak_install
  # The dev H2 database keeps the imported realm; import again whenever the realm file changes.
  local realm_sum; realm_sum=$(md5sum "$REALM_FILE" | cut -d' ' -f1)
  if [[ ! -f "$STATE/keycloak/realm.md5" || $(cat "$STATE/keycloak/realm.md5") != "$realm_sum" ]]; then
    rm -rf "$KEYCLOAK_HOME/data/h2"
    echo "$realm_sum" >"$STATE/keycloak/realm.md5"
  fi
  mkdir -p "$KEYCLOAK_HOME/data/import"
  cp "$REALM_FILE" "$KEYCLOAK_HOME/data/import/uptake-realm.json"
  log "starting Keycloak on 127.0.0.1:$KEYCLOAK_PORT"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" nohup "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --import-realm >"$LOGS/keycloak.log" 2>&1 &
  echo $! >"$RUN/keycloak.pid"
}

keycloak_wait() { wait_for 240 "Keycloak" keycloak_ready || die "Keycloak did not become ready, see $LOGS/keycloak.log"; }
