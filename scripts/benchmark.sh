#!/usr/bin/env bash
# benchmark.sh - ticket throughput against the bare engine, 100k open tickets, Tasklist query latency,
# timer lag and start-up, on the embedded H2 file database and on PostgreSQL. One run, figures printed
# and written into BENCHMARKS.md (see there for what each figure means and how it is measured).
#
# Usage: scripts/benchmark.sh [options]
#   --quick               small sizes for a try (2,000 open tickets, 200 tickets per model, 500 timers)
#   --h2-only             only the embedded H2 file database (no PostgreSQL needed)
#   --postgres-only       only PostgreSQL
#   --no-write            print the figures but leave BENCHMARKS.md alone
#   --process-only        only throughput and the storage per closed and open ticket (for trying a change to the
#                         process in minutes; with --quick: about 1-2 minutes per database); prints, writes nothing
#   --statements          with --process-only and --h2-only or --postgres-only: the SQL statements per ticket of each model,
#                         by kind and table, with their time; on PostgreSQL from pg_stat_statements, with the planning
#                         time (the script has the server load the module for the run: it restarts PostgreSQL before
#                         and after)
#   --tickets=N           measured tickets per model in the throughput part (default 500)
#   --storage-tickets=N   tickets driven to their end to measure the storage per closed ticket (default 1000)
#   --backlog=N           open tickets of the backlog on PostgreSQL (default 100000)
#   --h2-backlog=N        open tickets of the backlog on H2 (default 10000)
#   --timers=N            SLA timers that fall due at once (default 1000)
#   --threads=N           threads that drive tickets (default 4)
#   --query-iterations=N  timed Tasklist requests per measurement (default 200)
#   --timer-idle=SECONDS  how long the job executor runs idle before the timers fall due (default 10)
#   --warm-up=N           tickets through each model before the measured rounds (default a fifth of --tickets, at least 300)
#
# PostgreSQL: unless POS_BENCH_DB_URL is set, the script (as root, like .ci/run) installs Debian's
# postgresql if missing, starts the cluster and creates a new database pos_bench (role pos_bench),
# dropping the one of an earlier run. With POS_BENCH_DB_URL, POS_BENCH_DB_USER and
# POS_BENCH_DB_PASSWORD it uses that database instead, which must be empty.
#
# Environment: JAVA_OPTS (the benchmark JVM, default -Xmx1g), MVN_ARGS (extra Maven arguments, e.g. -o).
# Output: the console, target/benchmark/benchmark.log, target/benchmark/figures.md, the start-up logs
# target/benchmark/startup-*.log, and the figures section of BENCHMARKS.md (unless --no-write).
# The H2 file database is kept in target/benchmark/h2 after the run, the PostgreSQL one in pos_bench.
set -euo pipefail
cd "$(dirname "$0")/.."

postgres=true
h2=true
statements=false
process_only=false
for argument in "$@"; do
  case $argument in
    --h2-only) postgres=false ;;
    --postgres-only) h2=false ;;
    --statements) statements=true ;;
    --process-only) process_only=true ;;
    -h|--help) sed -n '2,35p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  esac
done
if $statements && { ! $process_only || { $h2 && $postgres; }; }; then
  echo "--statements needs --process-only and one database (--h2-only or --postgres-only)" >&2
  exit 2
fi
if $statements && $postgres && [[ -n ${POS_BENCH_DB_URL:-} ]]; then
  echo "--statements on a database of your own (POS_BENCH_DB_URL): its server must load pg_stat_statements, and the" >&2
  echo "database have the extension in the schema statements, with pg_stat_statements_reset granted to the benchmark's user." >&2
fi

if $postgres && [[ -z ${POS_BENCH_DB_URL:-} ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Creating the PostgreSQL database needs root (as .ci/run); or set POS_BENCH_DB_URL, POS_BENCH_DB_USER and" >&2
    echo "POS_BENCH_DB_PASSWORD to an empty database, or run with --h2-only." >&2
    exit 2
  fi
  if ! command -v pg_ctlcluster >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q postgresql
  fi
  read -r pg_version pg_cluster < <(pg_lsclusters --no-header | awk 'NR == 1 {print $1, $2}')
  pg_ctlcluster "$pg_version" "$pg_cluster" start 2>/dev/null || true
  for _ in $(seq 60); do su postgres -c "pg_isready -q" && break; sleep 1; done
  preload=$(su postgres -c "psql -Atc 'SHOW shared_preload_libraries'")
  if $statements && [[ $preload != *pg_stat_statements* ]]; then
    # The statement statistics need the module loaded at the server's start. For this run only: the file goes and
    # the server restarts without it when the script ends, since tracking the planning slows every statement.
    conf_d=$(dirname "$(su postgres -c "psql -Atc 'SHOW config_file'")")/conf.d
    statements_conf="$conf_d/pos-bench-statements.conf"
    mkdir -p "$conf_d"
    printf "shared_preload_libraries = '%s'\npg_stat_statements.track_planning = on\n" \
      "${preload:+$preload,}pg_stat_statements" > "$statements_conf"
    restart_postgres() {
      pg_ctlcluster "$pg_version" "$pg_cluster" restart
      for _ in $(seq 60); do su postgres -c "pg_isready -q" && break; sleep 1; done
    }
    trap 'rm -f "$statements_conf"; restart_postgres; echo "PostgreSQL restarted without pg_stat_statements" >&2' EXIT
    echo "PostgreSQL restarts with pg_stat_statements for this run ($statements_conf)" >&2
    restart_postgres
    if [[ $(su postgres -c "psql -Atc 'SHOW shared_preload_libraries'") != *pg_stat_statements* ]]; then
      echo "PostgreSQL did not load pg_stat_statements (is include_dir 'conf.d' in $(su postgres -c "psql -Atc 'SHOW config_file'")?)" >&2
      exit 2
    fi
  fi
  su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DROP DATABASE IF EXISTS pos_bench;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pos_bench') THEN
    CREATE ROLE pos_bench LOGIN PASSWORD 'pos-bench-password';
  END IF;
END $$;
CREATE DATABASE pos_bench OWNER pos_bench;
SQL
  if $statements; then
    su postgres -c "psql -q -v ON_ERROR_STOP=1 -d pos_bench" <<'SQL'
CREATE SCHEMA statements;
CREATE EXTENSION pg_stat_statements SCHEMA statements;
GRANT USAGE ON SCHEMA statements TO pos_bench;
GRANT EXECUTE ON FUNCTION statements.pg_stat_statements_reset TO pos_bench;
SQL
  fi
  export POS_BENCH_DB_URL=jdbc:postgresql://localhost:5432/pos_bench POS_BENCH_DB_USER=pos_bench
  export POS_BENCH_DB_PASSWORD=pos-bench-password
fi

# Compile main and test classes (the benchmark and the bare model live with the tests) and write the
# classpaths: the benchmark's (test scope) and the application's own (runtime scope) for the nodes it launches.
mkdir -p target/benchmark
# shellcheck disable=SC2086
mvn -B -q -ntp ${MVN_ARGS:-} test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark/test-classpath.txt
# shellcheck disable=SC2086
mvn -B -q -ntp ${MVN_ARGS:-} dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/benchmark/runtime-classpath.txt

# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx1g} \
  -Dpos.benchmark.app-classpath="$PWD/target/classes:$(cat target/benchmark/runtime-classpath.txt)" \
  -cp "target/test-classes:target/classes:$(cat target/benchmark/test-classpath.txt)" \
  org.posmaintenance.benchmark.Benchmark "$@" 2>&1 | tee target/benchmark/benchmark.log
exit "${PIPESTATUS[0]}"
