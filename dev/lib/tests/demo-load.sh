#!/usr/bin/env bash
# The launcher's own behaviour where a Java test cannot reach it (issue 27): when loading the demo organisation
# fails, ./uptake run leaves the apps running and says what failed; a loader that succeeds is quiet about it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
UPTAKE_HOME=$(mktemp -d)
trap 'rm -rf "$UPTAKE_HOME"' EXIT
export UPTAKE_HOME
# shellcheck source=dev/lib/all.sh
source "$ROOT/dev/lib/all.sh"

stopped=false
stop_apps() { stopped=true; }
fail() { printf 'demo-load test: %s\n' "$*" >&2; exit 1; }

loader=$UPTAKE_HOME/loader
cat >"$loader" <<'LOADER'
#!/usr/bin/env bash
echo "loading the demo organisation into $1"
echo "POST /api/feedback/items answered 503: the feedback service is not available" >&2
exit 1
LOADER
chmod +x "$loader"

messages=$(UPTAKE_DEMO_LOADER=$loader load_demo 2>&1) || fail "a failed demo load failed the run"
[[ $stopped == false ]] || fail "a failed demo load stopped the apps"
[[ $messages == *"loading the demo data failed: POST /api/feedback/items answered 503"* ]] \
  || fail "the run did not say what failed: $messages"
[[ $messages == *"./uptake run again finishes loading"* ]] || fail "the run did not say how to finish: $messages"

printf '#!/usr/bin/env bash\necho "the demo organisation is already loaded"\n' >"$loader"
messages=$(UPTAKE_DEMO_LOADER=$loader load_demo 2>&1) || fail "a successful demo load failed the run"
[[ $messages != *failed* ]] || fail "a successful demo load reported a failure: $messages"
echo "demo-load test: passed"
