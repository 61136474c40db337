#!/usr/bin/env bash
# ./uptake bench suite [--warm|--cold]: the wall time of ./uptake test.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# the launcher's settings and functions (infra_up needs all of them)
# shellcheck source=../lib/all.sh
source "$ROOT/dev/lib/all.sh"

bench_suite() { # wall time of ./uptake test: --warm here, or --cold in a fresh clone with an empty Maven cache
  local mode=${1:---warm} started status=0 elapsed
  case $mode in
    --warm)
      started=$(date +%s)
      "$ROOT/uptake" test -q || status=$?
      ;;
    --cold)
      local work; work=$(mktemp -d /tmp/uptake-cold.XXXXXX)
      git -C "$ROOT" clone -q "$ROOT" "$work/uptake"
      mkdir "$work/home"
      log "cold run in $work/uptake with HOME=$work/home (empty Maven cache, no .uptake); stopping this checkout's infrastructure first"
      find_jdk; infra_down
      started=$(date +%s)
      (cd "$work/uptake" && HOME="$work/home" ./uptake test -q) || status=$?
      elapsed=$(( $(date +%s) - started ))
      (cd "$work/uptake" && HOME="$work/home" ./uptake infra down) || true
      rm -rf "$work"
      started=$(( $(date +%s) - elapsed ))
      ;;
    *) die "usage: ./uptake bench suite [--warm|--cold]" ;;
  esac
  elapsed=$(( $(date +%s) - started ))
  printf "| %s | %s | \`./uptake bench suite %s\` | %dm%02ds | %s |\n" "$(date -u +%F)" "$(machine)" "$mode" \
    $((elapsed / 60)) $((elapsed % 60)) "$([[ $status -eq 0 ]] && echo "tests passed" || echo "FAILED ($status)")"
  return "$status"
}

main() { bench_suite "$@"; }

main "$@"; exit $?  # on one line: an edit to this file while it runs cannot change what runs next
