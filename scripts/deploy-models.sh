#!/usr/bin/env bash
# deploy-models.sh - deploy the models an analyst changed (processes/*.bpmn, processes/*.dmn and
# forms/*.form) to a running application, through the engine REST API, as one deployment.
#
# Usage:
#   scripts/deploy-models.sh
#
# Environment:
#   POS_URL        the application (default http://localhost:8080)
#   POS_USER       a member of the group analysts or camunda-admin (default alan, the demo analyst)
#   POS_PASSWORD   that user's password (default: the demo password, alan-demo)
#
# Only resources that differ from this script's previous deployment become new versions
# (deploy-changed-only). The forms go along because the process refers to them with binding
# "deployment". Running tickets stay on their version: move them with scripts/migrate-tickets.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

url=${POS_URL:-http://localhost:8080}
user=${POS_USER:-alan}
password=${POS_PASSWORD:-$user-demo}

args=(-F "deployment-name=pos-maintenance-models" -F "deploy-changed-only=true" -F "deployment-source=deploy-models.sh")
for file in processes/*.bpmn processes/*.dmn forms/*.form; do
  args+=(-F "$(basename "$file")=@$file;filename=$(basename "$file")")
done
curl -sS --fail-with-body -u "$user:$password" "${args[@]}" "$url/engine-rest/deployment/create"
echo
