# shellcheck shell=bash
# Every setting and function of the launcher, for the scripts that run on their own (dev/bench/*.sh).
# ROOT must be set by the caller.

# shellcheck source=dev/lib/config.sh
source "$ROOT/dev/lib/config.sh"
# shellcheck source=dev/lib/common.sh
source "$ROOT/dev/lib/common.sh"
# shellcheck source=dev/lib/postgres.sh
source "$ROOT/dev/lib/postgres.sh"
# shellcheck source=dev/lib/kafka.sh
source "$ROOT/dev/lib/kafka.sh"
# shellcheck source=dev/lib/keycloak.sh
source "$ROOT/dev/lib/keycloak.sh"
# shellcheck source=dev/lib/infra.sh
source "$ROOT/dev/lib/infra.sh"
# shellcheck source=dev/lib/apps.sh
source "$ROOT/dev/lib/apps.sh"
# shellcheck source=dev/lib/bench.sh
source "$ROOT/dev/lib/bench.sh"
# shellcheck source=dev/lib/lint.sh
source "$ROOT/dev/lib/lint.sh"
