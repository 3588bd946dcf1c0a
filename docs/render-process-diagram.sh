#!/usr/bin/env bash
# Regenerates docs/process.svg and docs/process.png from processes/PosTerminalMaintenance.bpmn
# with bpmn-js (viewer bundle) in headless Chromium.
#
# Needs: node/npm, and Debian's chromium (apt-get install -y chromium); no browser is downloaded.
# bpmn-js and playwright-core are installed into a scratch folder outside the repository
# (RENDER_TOOLS_DIR, default /tmp/pos-diagram-tools); nothing is added to the work tree but the two pictures.
# Options via environment: PNG_WIDTH (default 3200), CHROMIUM (default /usr/bin/chromium),
# BPMN_JS_VERSION (default 18.31.1), PLAYWRIGHT_CORE_VERSION (default 1.65.1).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
tools="${RENDER_TOOLS_DIR:-/tmp/pos-diagram-tools}"
bpmn_js_version="${BPMN_JS_VERSION:-18.31.1}"
playwright_version="${PLAYWRIGHT_CORE_VERSION:-1.65.1}"

if [ ! -f "$tools/node_modules/bpmn-js/package.json" ] \
   || ! grep -q "\"version\": \"$bpmn_js_version\"" "$tools/node_modules/bpmn-js/package.json" \
   || [ ! -f "$tools/node_modules/playwright-core/package.json" ]; then
  mkdir -p "$tools"
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core downloads nothing, but be explicit.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$tools" --no-audit --no-fund --no-save \
    "bpmn-js@$bpmn_js_version" "playwright-core@$playwright_version" >&2
fi

NODE_PATH="$tools/node_modules" node "$here/render-process-diagram.js" \
  "$repo/processes/PosTerminalMaintenance.bpmn" \
  "$here/process.svg" \
  "$here/process.png" \
  "${PNG_WIDTH:-3200}"
