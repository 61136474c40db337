# shellcheck shell=bash
# ./uptake lint: shellcheck over every shell file (settings in .shellcheckrc); dev/demo/load is Python, not checked here.

lint() { # runs ShellCheck (installed from Debian's packages when missing); fails on any finding
  command -v shellcheck >/dev/null || apt_install shellcheck
  (cd "$ROOT" && shellcheck uptake dev/lib/*.sh dev/lib/tests/*.sh dev/bench/*.sh .ci/run)
  log "shellcheck: no findings in ./uptake, dev/lib (and its tests), dev/bench and .ci/run"
}

format() { # ./uptake format: formats the Java sources the way the build checks them (Spotless, palantir-java-format)
  find_jdk
  (cd "$ROOT" && mvnw -q -B spotless:apply)
  log "Java sources formatted (the build's spotless:check now passes)"
}
