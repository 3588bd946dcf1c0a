#!/usr/bin/env bash
# The packaged node as an operator runs it: `java -jar` on its own H2 file database (profile demo), JSON logs on.
# Checks what the load balancer and Prometheus get over HTTP: readiness answers 200 without credentials and with the
# status only; the metrics refuse an anonymous caller and answer the monitoring user with the application's series;
# the log lines are JSON. Needs `mvn -DskipTests package` first. Exit code 0 when all of it holds.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=$(ls target/pos-maintenance-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
[ -n "$jar" ] || { echo "no jar in target/: run mvn -DskipTests package first" >&2; exit 2; }
work=$(mktemp -d)
log="$work/node.log"
LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs POS_DATA_DIR="$work" \
  java -jar "$jar" --spring.profiles.active=demo --server.port=0 > "$log" 2>&1 &
node=$!
trap 'kill "$node" 2>/dev/null || true; wait "$node" 2>/dev/null || true; rm -rf "$work"' EXIT

fail() { echo "FAILED: $*" >&2; echo "--- last lines of the node's log:" >&2; tail -40 "$log" >&2; exit 1; }

port=""
for _ in $(seq 1 180); do
  port=$(grep -o 'Tomcat started on port [0-9]*' "$log" | grep -o '[0-9]*$' | head -1 || true)
  [ -n "$port" ] && break
  kill -0 "$node" 2>/dev/null || fail "the node stopped before it listened"
  sleep 1
done
[ -n "$port" ] || fail "the node did not start within 180 s"
base="http://localhost:$port"

code=""
for _ in $(seq 1 60); do
  code=$(curl -s -o "$work/ready.json" -w '%{http_code}' "$base/actuator/health/readiness" || true)
  [ "$code" = 200 ] && break
  sleep 1
done
[ "$code" = 200 ] || fail "readiness answered $code, not 200"
grep -Eq '^\{"status":"(UP|WARNING|DEGRADED)"\}$' "$work/ready.json" || fail "readiness said more than its status: $(cat "$work/ready.json")"
echo "readiness: $(cat "$work/ready.json")"

[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health/liveness")" = 200 ] || fail "liveness not 200"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/prometheus")" = 401 ] || fail "the metrics answered an anonymous caller"
[ "$(curl -s -o /dev/null -w '%{http_code}' -u tom:tom-demo "$base/actuator/prometheus")" = 403 ] || fail "the metrics answered a technician"
curl -s -u monitor:monitor-demo "$base/actuator/prometheus" > "$work/metrics.txt"
for series in 'pos_tickets_open{' 'pos_tickets_sla{' 'pos_jobs_due ' 'pos_outbox_pending ' 'pos_incidents{'; do
  grep -q "^$series" "$work/metrics.txt" || fail "no $series in the metrics"
done
echo "metrics: $(grep -c '^pos_' "$work/metrics.txt") pos_ series"
curl -s -u monitor:monitor-demo "$base/actuator/health" | grep -q '"jobExecutor"' || fail "no jobExecutor in the health details"

grep -q '^{"@timestamp"' "$log" || fail "the log is not JSON (ECS)"
echo "jar smoke test passed: $jar on port $port"
