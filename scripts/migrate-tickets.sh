#!/usr/bin/env bash
# migrate-tickets.sh - move the running tickets of older versions of the maintenance process to the
# latest version (or the version with a given tag): builds and runs a Camunda migration plan per
# older version, through POST /api/process-revisions/migrations.
#
# Usage:
#   scripts/migrate-tickets.sh [--dry-run] [--batch] [--update-event-triggers]
#                              [--target-tag 1.2.0] [--source-version 3]... [--map OldId=NewId]...
#
#   --dry-run                 check the plans against where the tickets wait and count them; move nothing
#   --batch                   run as a Camunda batch (job executor, visible in Cockpit) instead of at once
#   --update-event-triggers   recompute timers from the new version (default: keep their due dates)
#   --target-tag TAG          the version tagged TAG instead of the latest
#   --source-version N        only tickets of version N (repeatable; default: every older version)
#   --map OLD=NEW             an activity the analyst renamed (repeatable); equal ids map by themselves
#
# Environment: POS_URL, POS_USER, POS_PASSWORD as for scripts/deploy-models.sh.
# Answers: 200 with the report (tickets and migrated per version), 400 naming a wrong field, 409 with the
# problems (e.g. tickets waiting at an activity the new version does not have), 401/403.
set -euo pipefail

url=${POS_URL:-http://localhost:8080}
user=${POS_USER:-alan}
password=${POS_PASSWORD:-$user-demo}

dry_run=false batch=false update=false tag=null sources=() mappings=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=true ;;
    --batch) batch=true ;;
    --update-event-triggers) update=true ;;
    --target-tag) tag="\"$2\""; shift ;;
    --source-version) sources+=("$2"); shift ;;
    --map) mappings+=("\"${2%%=*}\": \"${2#*=}\""); shift ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
join() { local IFS=,; echo "$*"; }
body="{\"dryRun\": $dry_run, \"batch\": $batch, \"updateEventTriggers\": $update, \"targetVersionTag\": $tag,
 \"sourceVersions\": [$(join "${sources[@]+"${sources[@]}"}")], \"activityMappings\": {$(join "${mappings[@]+"${mappings[@]}"}")}}"
curl -sS --fail-with-body -u "$user:$password" -H 'Content-Type: application/json' -d "$body" \
  "$url/api/process-revisions/migrations"
echo
