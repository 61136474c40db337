# shellcheck shell=bash
# Kafka (KRaft, one node): jars from Maven Central through dev/kafka/pom.xml, topics from dev/kafka/topics.txt.

KAFKA_HOME=$STATE/kafka

kafka_java() { "$JAVA_HOME/bin/java" "$@"; }

kafka_install() {
  if [[ -f "$KAFKA_HOME/lib/.version" && $(cat "$KAFKA_HOME/lib/.version") == "$KAFKA_VERSION" ]]; then return; fi
  log "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central"
  rm -rf "${KAFKA_HOME:?}/lib"
  mvnw -q -B -f "$ROOT/dev/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$KAFKA_HOME/lib" >"$LOGS/kafka-install.log" 2>&1 \
    || die "could not fetch Kafka, see $LOGS/kafka-install.log"
  echo "$KAFKA_VERSION" >"$KAFKA_HOME/lib/.version"
}

kafka_ready() {
  port_open "$KAFKA_PORT" && kafka_java -cp "$KAFKA_HOME/lib/*" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list
}

kafka_up() {
  if pid_alive kafka && port_open "$KAFKA_PORT"; then log "Kafka already running on $KAFKA_PORT"; return; fi
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by a process this launcher did not start (set UPTAKE_KAFKA_PORT)"
  kafka_install
  mkdir -p "$KAFKA_HOME/data"
  sed -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
      -e "s#@DATA_DIR@#$KAFKA_HOME/data#g" "$ROOT/dev/kafka/server.properties" >"$KAFKA_HOME/server.properties"
  if [[ ! -f "$KAFKA_HOME/data/meta.properties" ]]; then
    log "formatting Kafka storage"
    local cluster_id
    cluster_id=$(kafka_java -cp "$KAFKA_HOME/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    kafka_java -cp "$KAFKA_HOME/lib/*" kafka.tools.StorageTool format -t "$cluster_id" \
      -c "$KAFKA_HOME/server.properties" >"$LOGS/kafka-format.log" 2>&1 || die "Kafka format failed, see $LOGS/kafka-format.log"
  fi
  log "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  nohup "$JAVA_HOME/bin/java" -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -cp "$KAFKA_HOME/lib/*" kafka.Kafka "$KAFKA_HOME/server.properties" >"$LOGS/kafka.log" 2>&1 &
  echo $! >"$RUN/kafka.pid"
}

kafka_wait() { wait_for 120 "Kafka" kafka_ready || die "Kafka did not become ready, see $LOGS/kafka.log"; }

kafka_topics() { # creates the topics of dev/kafka/topics.txt that are missing, whenever that file changes
  local topics_sum; topics_sum=$(cat "$ROOT/dev/kafka/topics.txt" "$KAFKA_HOME/data/meta.properties" | md5sum | cut -d' ' -f1)
  [[ -f "$KAFKA_HOME/topics.md5" && $(cat "$KAFKA_HOME/topics.md5") == "$topics_sum" ]] && return
  kafka_java -cp "$KAFKA_HOME/lib/*" "$ROOT/dev/kafka/CreateTopics.java" "127.0.0.1:$KAFKA_PORT" "$ROOT/dev/kafka/topics.txt" \
    >"$LOGS/kafka-topics.log" 2>&1 || die "could not create the Kafka topics, see $LOGS/kafka-topics.log"
  log "Kafka $(grep "^topics:" "$LOGS/kafka-topics.log")"
  echo "$topics_sum" >"$KAFKA_HOME/topics.md5"
}
