#!/usr/bin/env bash
# cluster-demo.sh - run two application nodes on one PostgreSQL database (a homogeneous Camunda
# cluster), e.g. to try fail-over before a production roll-out.
#
# Usage:
#   scripts/cluster-demo.sh start [--demo] [-- <Spring arguments for both nodes>]
#   scripts/cluster-demo.sh status
#   scripts/cluster-demo.sh stop
#
# Environment:
#   POS_DB_URL, POS_DB_USER, POS_DB_PASSWORD   the shared database (required), e.g.
#                                              jdbc:postgresql://localhost:5432/pos
#   POS_ADMIN_USER, POS_ADMIN_PASSWORD         the administrator (required without --demo; 12+ characters)
#   PORT1, PORT2                               HTTP ports of node-1 and node-2 (default 8080, 8081)
#   RUN_DIR                                    logs and pid files (default target/cluster-demo)
#   JAVA_OPTS                                  JVM options of both nodes (default -Xmx768m)
#   MVN_ARGS                                   extra Maven arguments for the build, e.g. -o
#
# What it does: builds the executable jar (mvn package -DskipTests) when it is missing or older than
# the sources, starts node-1 with the profile `postgres` (plus `demo` with --demo: demo people such
# as tom/tom-demo, demo merchants and terminals, notifications to the log) and waits until it answers,
# then starts node-2 the same way. Both run the job executor and the outbox sender; each engine
# names itself node-1 / node-2 (the hostname in Cockpit's job log). The nodes keep running in the
# background after the script returns; `stop` ends them (SIGTERM, SIGKILL after 30 s).
#
# Why one after the other: on a new database the first node creates the engine's schema; the second
# then finds it. (The setup of grants, filters and demo data is serialised by a lock row in table
# setup_lock, so nodes never duplicate it.)
#
# Logs: $RUN_DIR/node-1.log and node-2.log. Put a load balancer in front of both ports (sticky
# sessions for the web applications; the merchant API and the engine REST API are stateless).
set -euo pipefail

cd "$(dirname "$0")/.."
RUN_DIR=${RUN_DIR:-target/cluster-demo}
PORT1=${PORT1:-8080}
PORT2=${PORT2:-8081}
JAVA_OPTS=${JAVA_OPTS:--Xmx768m}
mkdir -p "$RUN_DIR"

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

pid_of() {
  local file="$RUN_DIR/$1.pid"
  [[ -f $file ]] && kill -0 "$(cat "$file")" 2>/dev/null && cat "$file"
}

status() {
  for node in node-1 node-2; do
    if pid=$(pid_of "$node"); then
      echo "$node: running (pid $pid), log $RUN_DIR/$node.log"
    else
      echo "$node: not running"
    fi
  done
}

stop_node() {
  local node=$1 pid
  pid=$(pid_of "$node") || { rm -f "$RUN_DIR/$node.pid"; return 0; }
  echo "stopping $node (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$RUN_DIR/$node.pid"; return 0; }
    sleep 1
  done
  echo "$node did not stop within 30 s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$RUN_DIR/$node.pid"
}

jar_file() {
  ls target/pos-maintenance-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1
}

build() {
  local jar
  jar=$(jar_file || true)
  if [[ -z $jar ]] || [[ -n $(find src/main processes forms pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1) ]]; then
    echo "building the application (mvn package -DskipTests) ..." >&2
    # shellcheck disable=SC2086
    mvn -q -B ${MVN_ARGS:-} -DskipTests package >&2
  fi
  jar_file
}

# Waits until the node's HTTP port answers the engine REST API (401 without credentials is fine).
await_node() {
  local node=$1 port=$2 pid=$3 code
  for _ in $(seq 1 180); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$node exited while starting; last lines of $RUN_DIR/$node.log:" >&2
      tail -n 40 "$RUN_DIR/$node.log" >&2
      return 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/engine-rest/engine" || true)
    if [[ $code == 200 || $code == 401 ]]; then
      echo "$node is up: http://localhost:$port (log $RUN_DIR/$node.log)"
      return 0
    fi
    sleep 1
  done
  echo "$node did not answer within 180 s; see $RUN_DIR/$node.log" >&2
  return 1
}

start_node() {
  local node=$1 port=$2 jar=$3 profiles=$4
  shift 4
  if pid_of "$node" >/dev/null; then
    echo "$node is already running (pid $(pid_of "$node"))"
    return 0
  fi
  echo "==== $(date -u +%FT%TZ) starting $node on port $port" >>"$RUN_DIR/$node.log"
  # shellcheck disable=SC2086
  nohup java $JAVA_OPTS -jar "$jar" \
    --spring.profiles.active="$profiles" \
    --server.port="$port" \
    --camunda.bpm.generic-properties.properties.hostname="$node" \
    --pos.notifications.link-base-url="http://localhost:$port" \
    "$@" >>"$RUN_DIR/$node.log" 2>&1 &
  echo $! >"$RUN_DIR/$node.pid"
  await_node "$node" "$port" "$!"
}

start() {
  local profiles=postgres extra=()
  while [[ $# -gt 0 ]]; do
    case $1 in
      --demo) profiles=postgres,demo ;;
      --) shift; extra=("$@"); break ;;
      *) usage ;;
    esac
    shift
  done
  : "${POS_DB_URL:?set POS_DB_URL, e.g. jdbc:postgresql://localhost:5432/pos}"
  : "${POS_DB_USER:?set POS_DB_USER}"
  : "${POS_DB_PASSWORD:?set POS_DB_PASSWORD}"
  if [[ $profiles != *demo* ]] && [[ $(printf %s "${POS_ADMIN_PASSWORD:-}" | wc -m) -lt 12 ]]; then
    echo "set POS_ADMIN_PASSWORD (12 characters or more), or use --demo" >&2
    exit 1
  fi
  export POS_DB_URL POS_DB_USER POS_DB_PASSWORD
  command -v curl >/dev/null || { echo "curl is needed to wait for the nodes" >&2; exit 1; }
  local jar
  jar=$(build)
  [[ -n $jar ]] || { echo "no jar in target/ after the build" >&2; exit 1; }
  # the engine's schema is the operator's (profile postgres): made by scripts/db-schema.sh on a new database
  local hostport=${POS_DB_URL#jdbc:postgresql://} && hostport=${hostport%%/*}
  local database=${POS_DB_URL##*/} && database=${database%%\?*}
  export PGHOST=${hostport%%:*} PGPORT=${hostport##*:} PGDATABASE=$database PGUSER=$POS_DB_USER PGPASSWORD=$POS_DB_PASSWORD
  [[ $PGPORT == "$PGHOST" ]] && PGPORT=5432
  if ! "$(dirname "$0")/db-schema.sh" check --jar "$jar" | grep -q "in the database: 7"; then
    "$(dirname "$0")/db-schema.sh" create --jar "$jar"
  fi
  start_node node-1 "$PORT1" "$jar" "$profiles" ${extra[@]+"${extra[@]}"}
  start_node node-2 "$PORT2" "$jar" "$profiles" ${extra[@]+"${extra[@]}"}
  status
  echo "stop both with: $0 stop"
}

case ${1:-} in
  start) shift; start "$@" ;;
  stop) stop_node node-2; stop_node node-1 ;;
  status) status ;;
  *) usage ;;
esac
