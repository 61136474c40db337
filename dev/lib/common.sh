# shellcheck shell=bash
# Logging, the JDK, Debian packages, waiting, processes: the helpers every other part uses.

log() { printf '\033[1;34m[uptake]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m[uptake] %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31m[uptake] %s\033[0m\n' "$*" >&2; exit 1; }

java_major() { # prints the feature version of the java binary given, 0 if it does not run
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1 || echo 0
}

find_jdk() { # sets JAVA_HOME to a JDK >= 21: JAVA_HOME first, then the usual JVM folders
  local candidate best="" best_major=0 major
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if (( major >= 21 )); then export JAVA_HOME; quiet_unsafe_warnings "$major"; return; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [[ -x "$candidate/bin/javac" ]] || continue
    major=$(java_major "$candidate/bin/java")
    if (( major >= 21 && major > best_major )); then best=$candidate; best_major=$major; fi
  done
  [[ -n "$best" ]] || die "No JDK >= 21 found (looked at JAVA_HOME and /usr/lib/jvm). Install one, or point JAVA_HOME at it."
  export JAVA_HOME=$best
  quiet_unsafe_warnings "$best_major"
}

quiet_unsafe_warnings() { # JDK 24+ warns on every Maven start about sun.misc.Unsafe use in Maven's own libraries
  if (( $1 >= 24 )) && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

apt_install() { # apt_install PACKAGE...: installs the Debian packages given
  log "installing $* from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

mvnw() { "$ROOT/mvnw" "$@"; }

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND until it succeeds
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    (( SECONDS < deadline )) || return 1
    sleep 1
  done
  log "$what ready"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() { curl -fsS -o /dev/null --max-time 5 "$1"; }

pid_alive() { [[ -f "$RUN/$1.pid" ]] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

stop_pid() { # stop_pid NAME: stops the process this launcher started under NAME, and only it
  local name=$1 pid
  [[ -f "$RUN/$name.pid" ]] || return 0
  pid=$(cat "$RUN/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$RUN/$name.pid"
}

stop_pids() { # stop_pids NAME...: SIGTERM to every process this launcher started under the names at once, SIGKILL to any left after 12 s
  local name pid pids=()
  for name in "$@"; do
    [[ -f "$RUN/$name.pid" ]] || continue
    pid=$(cat "$RUN/$name.pid")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping $name (pid $pid)"
      kill "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$RUN/$name.pid"
  done
  local waited=0 alive
  while ((waited < 24)); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || return 0
    sleep 0.5; waited=$((waited + 1))
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}

ensure_base_tools() {
  local missing=()
  command -v curl >/dev/null || missing+=(curl)
  command -v unzip >/dev/null || missing+=(unzip)
  [[ -n $(pg_bin) ]] || missing+=(postgresql)
  if (( ${#missing[@]} )); then apt_install "${missing[@]}"; fi
  mkdir -p "$LOGS" "$RUN"
}
