#!/usr/bin/env bash
# ./uptake bench suite [--warm|--cold] [--resilience|--all|--ci]: the wall time of ./uptake test (or of its resilience
# tier, of both tiers in one build, or of CI's whole `bash .ci/run`) and the tests it ran, counted from the surefire and
# failsafe reports.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# the launcher's settings and functions (infra_up needs all of them)
# shellcheck source=../lib/all.sh
source "$ROOT/dev/lib/all.sh"

test_counts() { # "N tests (S skipped, F failed)" from the XML reports under $1 written after file $2 (this run's)
  local dir=$1 since=$2
  find "$dir" -path '*/target/*-reports/TEST-*.xml' -newer "$since" -print0 2>/dev/null \
    | xargs -0 -r grep -h -m1 -o '<testsuite [^>]*>' | awk '
      { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]);
          if (kv[1] == "tests") t += kv[2]; else if (kv[1] == "skipped") s += kv[2];
          else if (kv[1] == "failures" || kv[1] == "errors") f += kv[2] } }
      END { printf "%d tests (%d skipped, %d failed)", t, s, f }'
}

bench_suite() { # wall time of the tier: --warm here, or --cold in a fresh clone with an empty Maven cache
  local mode=--warm tier=() label="" started status=0 elapsed counts marker command=(./uptake test) quiet=(-q)
  marker=$(mktemp /tmp/uptake-suite-start.XXXXXX)
  while (( $# > 0 )); do
    case $1 in
      --warm|--cold) mode=$1 ;;
      --resilience|--all) tier=("$1"); label=" $1" ;;
      --ci) command=(bash .ci/run); quiet=(); label=" --ci" ;;
      *) die "usage: ./uptake bench suite [--warm|--cold] [--resilience|--all|--ci]" ;;
    esac
    shift
  done
  case $mode in
    --warm)
      touch "$marker"
      started=$(date +%s)
      (cd "$ROOT" && "${command[@]}" "${tier[@]}" "${quiet[@]}") || status=$?
      elapsed=$(( $(date +%s) - started ))
      counts=$(test_counts "$ROOT" "$marker")
      ;;
    --cold)
      local work; work=$(mktemp -d /tmp/uptake-cold.XXXXXX)
      git -C "$ROOT" clone -q "$ROOT" "$work/uptake"
      mkdir "$work/home"
      log "cold run in $work/uptake with HOME=$work/home (empty Maven cache, no .uptake); stopping this checkout's infrastructure first"
      find_jdk; infra_down
      touch "$marker"
      started=$(date +%s)
      (cd "$work/uptake" && HOME="$work/home" "${command[@]}" "${tier[@]}" "${quiet[@]}") || status=$?
      elapsed=$(( $(date +%s) - started ))
      counts=$(test_counts "$work/uptake" "$marker")
      (cd "$work/uptake" && HOME="$work/home" ./uptake infra down) || true
      rm -rf "$work"
      ;;
  esac
  rm -f "$marker"
  printf "| %s | %s | \`./uptake bench suite %s%s\` | %dm%02ds | %s, %s |\n" "$(date -u +%F)" "$(machine)" "$mode" "$label" \
    $((elapsed / 60)) $((elapsed % 60)) "$counts" "$([[ $status -eq 0 ]] && echo "passed" || echo "FAILED ($status)")"
  return "$status"
}

main() { bench_suite "$@"; }

main "$@"; exit $?  # on one line: an edit to this file while it runs cannot change what runs next
