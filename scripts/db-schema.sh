#!/usr/bin/env bash
# The engine's schema on PostgreSQL, made and upgraded by the operator, not by a node at start (the profile
# `postgres` starts with camunda.bpm.database.schema-update=false). Uses the SQL scripts of the Camunda engine inside
# the release's jar, then the application's own indexes on the engine's tables (db/engine/postgres-indexes.sql).
#
#   scripts/db-schema.sh create   [--jar FILE]   a new, empty database: the engine's tables and the indexes
#   scripts/db-schema.sh upgrade  [--jar FILE]   a database of an earlier release: the engine's upgrade scripts from its
#                                                schema version to the jar's, then the indexes; stop every node first
#   scripts/db-schema.sh check    [--jar FILE]   the schema version in the database, the jar's, and missing indexes
#
# The database is the one psql connects to: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (libpq's variables).
# --jar: the release (default: the newest target/pos-maintenance-*.jar). Each script runs in one transaction and stops
# at the first error; the application's own tables are created and migrated by the node itself (Flyway) at start.
set -euo pipefail

command=${1:-}
shift || true
jar=""
while [ $# -gt 0 ]; do
  case $1 in
    --jar) jar=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case $command in create|upgrade|check) ;; *) sed -n '2,16p' "$0"; exit 2 ;; esac
if [ -z "$jar" ]; then
  jar=$(ls -t "$(dirname "$0")"/../target/pos-maintenance-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
fi
[ -f "$jar" ] || { echo "no release jar (give --jar FILE, or build it: mvn -DskipTests package)" >&2; exit 2; }
jar=$(realpath "$jar")
command -v psql >/dev/null || { echo "psql is missing (Debian: apt-get install postgresql-client)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && jar xf "$jar" BOOT-INF/classes/db/engine/postgres-indexes.sql 'BOOT-INF/lib/')
engine_jar=$(ls "$work"/BOOT-INF/lib/camunda-engine-7*.jar | head -1)
[ -f "$engine_jar" ] || { echo "no camunda-engine jar inside $jar" >&2; exit 2; }
(cd "$work" && jar xf "$engine_jar" org/camunda/bpm/engine/db/create org/camunda/bpm/engine/db/upgrade)
release=$(basename "$engine_jar" .jar | sed 's/^camunda-engine-//')   # 7.24.0
release_minor=$(echo "$release" | cut -d. -f1,2)                    # 7.24
sql="$work/org/camunda/bpm/engine/db"
indexes="$work/BOOT-INF/classes/db/engine/postgres-indexes.sql"

run() { # one file, one transaction
  echo "  $(basename "$1")"
  PGOPTIONS="-c client_min_messages=warning" psql -q -X -v ON_ERROR_STOP=1 --single-transaction -f "$1" > /dev/null
}
query() {
  psql -q -X -t -A -v ON_ERROR_STOP=1 -c "$1"
}
schema_version() {
  if [ "$(query "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'act_ge_property'")" = 0 ]; then
    echo none
  else
    # the engine's scripts log each schema version they made (the property schema.version stays 'fox')
    query "SELECT version_ FROM act_ge_schema_log ORDER BY CAST(id_ AS INTEGER) DESC LIMIT 1"
  fi
}

current=$(schema_version)
case $command in
  create)
    [ "$current" = none ] || { echo "the database has the engine's schema already (version $current): use upgrade" >&2; exit 1; }
    echo "creating the engine's schema $release:"
    for part in engine history identity case.engine case.history decision.engine decision.history; do
      run "$sql/create/activiti.postgres.create.$part.sql"
    done
    echo "the application's indexes on the engine's tables:"
    run "$indexes"
    ;;
  upgrade)
    [ "$current" != none ] || { echo "the database has no engine schema yet: use create" >&2; exit 1; }
    from=$(echo "$current" | cut -d. -f1,2)   # 7.23.5 -> 7.23: the minor upgrade scripts from there on
    echo "upgrading the engine's schema from $current to $release:"
    while [ "$from" != "$release_minor" ]; do
      next="7.$(( $(echo "$from" | cut -d. -f2) + 1 ))"
      script="$sql/upgrade/postgres_engine_${from}_to_${next}.sql"
      [ -f "$script" ] || { echo "no upgrade script from $from to $next in $engine_jar" >&2; exit 1; }
      run "$script"
      from=$next
    done
    echo "the application's indexes on the engine's tables:"
    run "$indexes"
    ;;
  check)
    echo "engine schema in the database: $current; in the release: $release"
    for index in pos_idx_task_due_create pos_idx_ident_lnk_task_cand pos_idx_task_suspended; do
      [ "$(query "SELECT COUNT(*) FROM pg_indexes WHERE indexname = '$index'")" = 1 ] || echo "missing index: $index"
    done
    ;;
esac
echo "schema version now: $(schema_version)"
