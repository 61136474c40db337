# shellcheck shell=bash disable=SC2034 # the settings are read by the files and scripts that source this one
# Sourced first by ./uptake and by the scripts of dev/bench, with ROOT set to the repository: where the
# state lives, the ports (each movable with an UPTAKE_*_PORT variable), the versions, the databases.

STATE=${UPTAKE_HOME:-$ROOT/.uptake}
LOGS=$STATE/logs
RUN=$STATE/run

PG_PORT=${UPTAKE_PG_PORT:-5433}
KAFKA_PORT=${UPTAKE_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${UPTAKE_KAFKA_CONTROLLER_PORT:-9093}
KEYCLOAK_PORT=${UPTAKE_KEYCLOAK_PORT:-8180}
KEYCLOAK_MANAGEMENT_PORT=${UPTAKE_KEYCLOAK_MANAGEMENT_PORT:-9190}
GATEWAY_PORT=${UPTAKE_GATEWAY_PORT:-8080}
METRICS_PORT=${UPTAKE_METRICS_PORT:-8081}
FEEDBACK_PORT=${UPTAKE_FEEDBACK_PORT:-8082}
TRAINING_PORT=${UPTAKE_TRAINING_PORT:-8083}
# each app's management interface (/q/health, /q/metrics, the OpenAPI document) is its port + 1200: 9280–9283
MANAGEMENT_PORT_OFFSET=1200
export UPTAKE_PG_PORT=$PG_PORT UPTAKE_KAFKA_PORT=$KAFKA_PORT UPTAKE_KEYCLOAK_PORT=$KEYCLOAK_PORT \
  UPTAKE_GATEWAY_PORT=$GATEWAY_PORT UPTAKE_METRICS_PORT=$METRICS_PORT \
  UPTAKE_FEEDBACK_PORT=$FEEDBACK_PORT UPTAKE_TRAINING_PORT=$TRAINING_PORT

KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$ROOT/dev/kafka/pom.xml")
KEYCLOAK_VERSION=26.4.7
# Each service has its own database, its tests another one, and the services the gateway's tests start a third
# (*_gateway_test), so test data never shows in a running suite and no module's tests wait on another's leftovers.
SERVICE_DATABASES=(metrics feedback training metrics_test feedback_test training_test
  metrics_gateway_test feedback_gateway_test training_gateway_test metrics_bench feedback_bench training_bench)
DB_USER=uptake
DB_PASSWORD=uptake
