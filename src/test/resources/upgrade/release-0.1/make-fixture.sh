#!/usr/bin/env bash
# Makes the upgrade fixture of release 0.1 (commit 4a07b60): runs THAT release on a fresh H2 file database,
# drives tickets A..L into their states the way users do (merchant API, engine REST API with the demo users),
# captures what that release shows (merchant pages, SLA report, history variables) and exports the database
# as a gzip-compressed H2 SQL script. See README.md next to this file.
#
#   bash make-fixture.sh            # everything: worktree, build, run, drive, capture, stop, export, verify
#
# Settings (environment):
#   REPO      the application's git repository            (default: the repository this script is in)
#   COMMIT    the release that makes the fixture           (default: 4a07b60)
#   WT        worktree of COMMIT, created when missing     (default: $TMPDIR/pos-release-0.1)
#   DATA_DIR  fresh directory for the H2 database          (default: /tmp/fixture-data; must not exist)
#   PORT      HTTP port of the application                 (default: 18731)
#   OUT       where expected.json, variables.json and database.sql.gz go (default: this script's directory)
#   PACE      seconds between groups of user steps          (default: 60; phase 1 then takes about 20 minutes)
#   H2_JAR    H2 jar of the version the release uses       (default: from ~/.m2, version read from the jar)
# Needs: java 17, mvn (offline build is tried first), curl, jq, git.
set -Eeuo pipefail
trap 'say "failed at line $LINENO: $BASH_COMMAND"; [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null; exit 1' ERR

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=${REPO:-$(git -C "$HERE" rev-parse --show-toplevel)}
COMMIT=${COMMIT:-4a07b60}
WT=${WT:-${TMPDIR:-/tmp}/pos-release-0.1}
DATA_DIR=${DATA_DIR:-/tmp/fixture-data}
PORT=${PORT:-18731}
OUT=${OUT:-$HERE}
BASE=http://localhost:$PORT
ZONE=Asia/Shanghai
LOG=$DATA_DIR.app.log
PACE=${PACE:-60}
APP_PID=

declare -A PW=([hana]=hana-demo [tom]=tom-demo [tina]=tina-demo [rita]=rita-demo [mary]=mary-demo [admin]=admin)

# pause N: N times PACE seconds between user steps, so that response and repair times are not all zero.
pause() { local seconds; seconds=$(awk -v n="$1" -v p="$PACE" 'BEGIN { printf "%d", n * p }'); sleep "$seconds"; }

say() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
die() { say "ERROR: $*"; [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null; exit 1; }

# ------------------------------------------------------------------------------------------ HTTP

# req METHOD USER PATH [JSON] [EXTRA CURL ARGS...] -> body on stdout; fails on a non-2xx answer.
req() {
  local method=$1 user=$2 path=$3 data=${4-}
  shift 3; [[ $# -gt 0 ]] && shift
  local args=(-sS -X "$method" -H 'Content-Type: application/json' -w $'\n%{http_code}')
  [[ -n $user ]] && args+=(-u "$user:${PW[$user]}")
  [[ -n $data ]] && args+=(-d "$data")
  local out code body
  out=$(curl "${args[@]}" "$@" "$BASE$path") || { say "curl failed: $method $path"; return 1; }
  code=${out##*$'\n'}; body=${out%$'\n'*}
  if [[ $code != 2* ]]; then say "HTTP $code: $method $path ${data:0:300} -> $body"; return 1; fi
  printf '%s' "$body"
}

# form-like variables: {"a": 1, "b": {"value": "[..]", "type": "Json"}} -> {"a": {"value": 1}, "b": {...}}
vars() { jq -c 'with_entries(.value |= (if type == "object" then . else {value: .} end))' <<<"$1"; }

# ------------------------------------------------------------------------------------------ waiting

# wait_for DESCRIPTION COMMAND...: retries the command (quietly) for up to 180 s.
wait_for() {
  local what=$1; shift
  for _ in $(seq 1 180); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  die "timed out waiting for $what"
}

task_of() { # USER PID TASK_KEY -> task id
  local id
  id=$(req GET "$1" "/engine-rest/task?processInstanceId=$2&taskDefinitionKey=$3" | jq -r '.[0].id // empty')
  [[ -n $id ]] && echo "$id"
}
at_activity() { # PID ACTIVITY_ID: an execution waits there
  [[ $(req GET admin "/engine-rest/execution/count?processInstanceId=$1&activityId=$2" | jq .count) -gt 0 ]]
}
ended() { # PID
  req GET admin "/engine-rest/history/process-instance/$1" | jq -e '.state != "ACTIVE" and .state != "SUSPENDED"'
}
quiet() { # PID: no job due now (async steps done)
  [[ $(req GET admin "/engine-rest/job/count?processInstanceId=$1&executable=true" | jq .count) -eq 0 ]]
}

# work USER PID TASK_KEY VARIABLES_JSON: waits for the task, claims it as the user, submits its form.
work() {
  local user=$1 pid=$2 key=$3 variables=$4 id
  wait_for "$key of $pid" task_of "$user" "$pid" "$key"
  id=$(task_of "$user" "$pid" "$key")
  req POST "$user" "/engine-rest/task/$id/claim" "{\"userId\": \"$user\"}" >/dev/null || die "claim $key"
  req POST "$user" "/engine-rest/task/$id/submit-form" "{\"variables\": $(vars "$variables")}" >/dev/null || return 1
  say "  $user completed $key"
}

# schedule_visit USER PID TIME ADDRESS: the next service day at TIME (tries the following days when refused).
schedule_visit() {
  local user=$1 pid=$2 time=$3 address=$4 day
  for offset in 1 2 3 4 5 6 7 8 9 10; do
    day=$(TZ=$ZONE date -d "+$offset day" +%F)
    [[ $(TZ=$ZONE date -d "$day" +%u) -ge 6 ]] && continue
    if work "$user" "$pid" Task_ScheduleVisit "{\"visitAppointment\": \"${day}T${time}+08:00\", \"visitAddress\": \"$address\"}" 2>/dev/null; then
      say "  $user completed Task_ScheduleVisit (appointment ${day}T${time}+08:00)"
      return 0
    fi
    # the claim stays; a refused form leaves the task open
  done
  die "no appointment accepted for $pid"
}

# ------------------------------------------------------------------------------------------ tickets

declare -A NUM PID TOKEN CHANNEL DESC

pid_of() { req GET admin "/engine-rest/process-instance?businessKey=$1&processDefinitionKey=PosTerminalMaintenance" | jq -r '.[0].id'; }

# merchant_report LETTER MERCHANT TERMINAL CATEGORY DESCRIPTION PHONE
merchant_report() {
  local letter=$1 body answer
  body=$(jq -nc --arg m "$2" --arg t "$3" --arg c "$4" --arg d "$5" --arg p "$6" \
    '{merchantId: $m, terminalSerial: $t, faultCategory: $c, description: $d, contactPhone: $p}')
  answer=$(req POST "" /api/merchant/tickets "$body" -H "Idempotency-Key: fixture-$(date +%s)-$letter") || die "report $letter"
  NUM[$letter]=$(jq -r .ticketNumber <<<"$answer")
  TOKEN[$letter]=$(jq -r .accessToken <<<"$answer")
  PID[$letter]=$(pid_of "${NUM[$letter]}")
  CHANNEL[$letter]=merchant-api
  say "$letter: ${NUM[$letter]} reported through the merchant API (terminal $3)"
}

# hotline_report LETTER MERCHANT TERMINAL CATEGORY PAYMENTS_BLOCKED DESCRIPTION PHONE: hana's start form.
hotline_report() {
  local letter=$1 variables answer
  variables=$(jq -nc --arg m "$2" --arg t "$3" --arg c "$4" --argjson b "$5" --arg d "$6" --arg p "$7" \
    '{reportChannel: "HOTLINE", merchantId: $m, contactPhone: $p, terminalSerial: $t, faultCategory: $c,
      paymentsBlocked: $b, faultDescription: $d}')
  answer=$(req POST hana /engine-rest/process-definition/key/PosTerminalMaintenance/submit-form \
    "{\"variables\": $(vars "$variables")}") || die "report $letter"
  NUM[$letter]=$(jq -r .businessKey <<<"$answer")
  PID[$letter]=$(jq -r .id <<<"$answer")
  TOKEN[$letter]=
  CHANNEL[$letter]=hotline
  say "$letter: ${NUM[$letter]} reported by hana (terminal $3)"
}

# The merchant's link in the "we received your report" notification (the demo writes notifications to the log).
token_from_log() { local hit; hit=$(grep -m1 -o "#ticket=$1&token=[A-Za-z0-9_-]*" "$LOG" || true); echo "${hit##*token=}"; }
has_token_in_log() { [[ -n $(token_from_log "$1") ]]; }

survey_by_merchant() { # LETTER SCORE COMMENT
  req POST "" "/api/merchant/tickets/${NUM[$1]}/survey" "$(jq -nc --argjson s "$2" --arg c "$3" '{score: $s, comment: $c}')" \
    -H "X-Ticket-Token: ${TOKEN[$1]}" >/dev/null || die "survey $1"
  say "  merchant answered the survey of $1 ($2)"
}

parts() { jq -nc --args '{value: ($ARGS.positional | tojson), type: "Json"}' "$@"; }

# ------------------------------------------------------------------------------------------ application

start_app() {
  [[ -e $DATA_DIR ]] && die "$DATA_DIR exists; the fixture needs a fresh database (remove it first)"
  if [[ ! -d $WT ]]; then
    git -C "$REPO" worktree add --detach "$WT" "$COMMIT"
  fi
  [[ $(git -C "$WT" rev-parse HEAD) == $(git -C "$REPO" rev-parse "$COMMIT") ]] || die "$WT is not at $COMMIT"
  JAR=$(compgen -G "$WT/target/pos-maintenance-*.jar" || true); JAR=${JAR%%$'\n'*}
  if [[ -z $JAR ]]; then
    say "building $COMMIT in $WT"
    (cd "$WT" && { mvn -q -o -DskipTests package || mvn -q -DskipTests package; })
    JAR=$(compgen -G "$WT/target/pos-maintenance-*.jar"); JAR=${JAR%%$'\n'*}
  fi
  mkdir -p "$DATA_DIR"
  say "starting $JAR on port $PORT, database $DATA_DIR, log $LOG"
  POS_DATA_DIR=$DATA_DIR PORT=$PORT java -Xmx1g -jar "$JAR" --spring.profiles.active=demo >"$LOG" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -sf -u admin:admin "$BASE/engine-rest/engine" >/dev/null 2>&1 && { say "application up (pid $APP_PID)"; return; }
    kill -0 "$APP_PID" 2>/dev/null || die "the application stopped; see $LOG"
    sleep 1
  done
  die "the application did not come up; see $LOG"
}

stop_app() {
  say "stopping the application (SIGTERM)"
  kill -TERM "$APP_PID"
  for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || { APP_PID=; return; }; sleep 1; done
  die "the application did not stop"
}

# ------------------------------------------------------------------------------------------ phase 1

phase1() {
  # report every phase-1 ticket first (seven terminals; G and H reuse C's terminal once it is free)
  merchant_report A M-100231 PAX-A920-88001 PRINTER "Receipts come out blank since tea was spilled over the terminal." "+86 21 5555 0101"
  hotline_report  B M-100232 NEW-N910-77002 NETWORK false "The terminal loses its Wi-Fi connection every few minutes." "+86 21 5555 0202"
  merchant_report C M-100231 PAX-A920-88002 CARD_READER "The chip reader rejects every card since noon." "+86 21 5555 0101"
  merchant_report D M-100231 PAX-A920-88003 SYSTEM_CRASH "The terminal restarts by itself during every payment." "+86 21 5555 0101"
  hotline_report  E M-100233 SUN-P2-55001 TERMINAL_DOWN true "The terminal does not connect to the acquirer; no payment goes through." "+86 21 5555 0303"
  merchant_report F M-100232 NEW-N910-77001 HARDWARE_DAMAGE "The terminal fell off the counter; the screen and housing are cracked." "+86 21 5555 0202"
  hotline_report  L M-100233 SUN-P2-55002 NETWORK false "Payments time out now and then since the router was changed." "+86 21 5555 0303"
  pause 2

  # C: withdrawn by the merchant before the diagnosis is confirmed
  wait_for "C awaiting diagnosis" task_of tom "${PID[C]}" Task_ConfirmDiagnosis
  req POST "" "/api/merchant/tickets/${NUM[C]}/withdrawal" '{"reason": "Restarted it; it works again."}' \
    -H "X-Ticket-Token: ${TOKEN[C]}" >/dev/null || die "withdraw C"
  say "  merchant withdrew C"

  # the first responses, a little apart
  work tom "${PID[A]}" Task_ConfirmDiagnosis '{"severity": "NORMAL", "repairChannel": "ON_SITE", "merchantCausedDamage": true,
    "diagnosisNotes": "Tea spilled into the printer; the print head is burnt out. Merchant-caused damage."}'
  pause 0.5
  work tina "${PID[B]}" Task_ConfirmDiagnosis '{"severity": "NORMAL", "repairChannel": "REMOTE", "merchantCausedDamage": false,
    "diagnosisNotes": "Wi-Fi drops; likely the roaming setting after the last update."}'
  pause 0.5
  work tom "${PID[D]}" Task_ConfirmDiagnosis '{"severity": "MAJOR", "repairChannel": "MAIL_IN", "merchantCausedDamage": false,
    "diagnosisNotes": "Reboot loop under load; needs a bench test at the repair centre."}'
  pause 0.5
  work tom "${PID[E]}" Task_ConfirmDiagnosis '{"severity": "URGENT", "repairChannel": "ON_SITE", "merchantCausedDamage": false,
    "diagnosisNotes": "No connection to the acquirer; the 4G module does not register."}'
  pause 0.5
  work tina "${PID[F]}" Task_ConfirmDiagnosis '{"severity": "MAJOR", "repairChannel": "ON_SITE", "merchantCausedDamage": true,
    "diagnosisNotes": "Dropped terminal; cracked screen and housing."}'
  pause 0.5
  work tina "${PID[L]}" Task_ConfirmDiagnosis '{"severity": "NORMAL", "repairChannel": "REMOTE", "merchantCausedDamage": false,
    "diagnosisNotes": "Timeouts after a router change; DNS settings."}'
  pause 1

  # B: remote fix by tina
  work tina "${PID[B]}" Task_RemoteSupport '{"remoteMedium": "VIDEO", "remoteSessionNotes": "Disabled Wi-Fi roaming and pinned the access point; stable for 15 minutes.",
    "remoteResolved": true}'
  pause 1

  # A: visit agreed, printer head replaced on site (merchant caused the damage: charged)
  schedule_visit tom "${PID[A]}" "10:00" "Lotus Tea House, 88 Huaihai Road, Shanghai"
  pause 0.5
  work tom "${PID[A]}" Task_RepairOnSite "{\"repairOutcome\": \"REPAIRED\", \"repairReport\": \"Replaced the print head, cleaned the paper path, test receipts fine.\",
    \"partsReplaced\": $(parts PRINTER_HEAD)}"
  pause 1

  # D: mail-in, loaner lent, repaired at the centre, terminal returned without the loaner
  work rita "${PID[D]}" Task_ReceiveTerminal '{"shippingReference": "SF1234567890", "loanerSerial": "LOAN-A920-041"}'
  pause 0.5
  work rita "${PID[D]}" Task_RepairAtCentre "{\"repairOutcome\": \"REPAIRED\", \"repairReport\": \"Swollen battery pressed on the mainboard; replaced battery and display.\",
    \"partsReplaced\": $(parts BATTERY DISPLAY)}"
  pause 0.5
  work rita "${PID[D]}" Task_ReturnTerminal '{"returnShippingReference": "SF0987654321", "loanerReturned": false}'
  pause 1

  # L: software behind (3.1.0), repaired remotely, then waits for the upgrade window
  work tina "${PID[L]}" Task_RemoteSupport '{"remoteMedium": "PHONE", "remoteSessionNotes": "Set the DNS servers by phone; test payments fine.",
    "remoteResolved": true}'
  pause 1

  # E: on site, part not in stock -> ordered -> received -> second visit -> repaired
  schedule_visit tom "${PID[E]}" "09:30" "Jade Garden Supermarket, 12 Century Avenue, Shanghai"
  work tom "${PID[E]}" Task_RepairOnSite '{"repairOutcome": "PART_UNAVAILABLE", "repairReport": "4G module defective; no spare in the van.",
    "partNeeded": "COMMS_MODULE"}'
  pause 0.5
  work rita "${PID[E]}" Task_OrderPart "{\"supplierOrderReference\": \"PO-7781\", \"partExpectedOn\": \"$(TZ=$ZONE date -d '+2 day' +%F)\"}"
  pause 0.5
  work rita "${PID[E]}" Task_ReceivePart '{"partReceived": true}'
  schedule_visit tom "${PID[E]}" "14:00" "Jade Garden Supermarket, 12 Century Avenue, Shanghai"
  pause 0.5
  work tom "${PID[E]}" Task_RepairOnSite "{\"repairOutcome\": \"REPAIRED\", \"repairReport\": \"Fitted the new 4G module; test payments approved.\",
    \"partsReplaced\": $(parts COMMS_MODULE)}"
  pause 1

  # F: on site, beyond repair -> replacement terminal
  schedule_visit tina "${PID[F]}" "11:00" "Harbour Noodle Bar, 3 Zhongshan Road, Shanghai"
  work tina "${PID[F]}" Task_RepairOnSite '{"repairOutcome": "BEYOND_REPAIR", "repairReport": "Mainboard cracked as well; not worth repairing."}'
  pause 0.5
  work rita "${PID[F]}" Task_ReplaceTerminal '{"replacementSerial": "NEW-N910-77901", "replacementShippingReference": "SF1110001"}'
  pause 1

  # surveys: A through the merchant API (4), B by hana in Tasklist (2) with mary's follow-up, F through the API (5)
  wait_for "A survey" task_of hana "${PID[A]}" Task_AnswerSurvey
  survey_by_merchant A 4 "Quick visit, but the repair was expensive."
  work hana "${PID[B]}" Task_AnswerSurvey '{"surveyScore": 2, "surveyComment": "It took three calls before anyone helped."}'
  pause 0.5
  work mary "${PID[B]}" Task_FollowUpLowScore '{"followUpNotes": "Called the merchant back, apologised; hotline staffing reviewed."}'
  wait_for "F survey" task_of hana "${PID[F]}" Task_AnswerSurvey
  survey_by_merchant F 5 "New terminal the next day, thank you."

  # G: cancelled by staff after the diagnosis (C's terminal is free again)
  wait_for "C ended" ended "${PID[C]}"
  hotline_report G M-100231 PAX-A920-88002 POWER false "The terminal does not charge on its dock." "+86 21 5555 0101"
  pause 0.5
  work tom "${PID[G]}" Task_ConfirmDiagnosis '{"severity": "NORMAL", "repairChannel": "ON_SITE", "merchantCausedDamage": false,
    "diagnosisNotes": "Dock contacts or power adapter; visit needed."}'
  wait_for "G at Agree on-site appointment" task_of tom "${PID[G]}" Task_ScheduleVisit
  req POST hana /engine-rest/process-definition/key/TicketCancellation/submit-form \
    "{\"variables\": $(vars "{\"cancelTicketNumber\": \"${NUM[G]}\", \"cancelReason\": \"Merchant found a spare adapter; duplicate of an old complaint.\"}")}" \
    >/dev/null || die "cancel G"
  say "  hana cancelled G"

  # H: deleted by the administrator after the diagnosis
  wait_for "G ended" ended "${PID[G]}"
  merchant_report H M-100231 PAX-A920-88002 CARD_READER "The contactless reader does not react to phones." "+86 21 5555 0101"
  pause 0.5
  work tina "${PID[H]}" Task_ConfirmDiagnosis '{"severity": "NORMAL", "repairChannel": "ON_SITE", "merchantCausedDamage": false,
    "diagnosisNotes": "NFC antenna; visit needed."}'
  wait_for "H at Agree on-site appointment" task_of tom "${PID[H]}" Task_ScheduleVisit
  req DELETE admin "/engine-rest/process-instance/${PID[H]}" >/dev/null || die "delete H"
  say "  admin deleted H's process instance"

  # let every async step run: A, B, F closed; D, E at the survey; L at the upgrade window
  wait_for "A closed" ended "${PID[A]}"
  wait_for "B closed" ended "${PID[B]}"
  wait_for "F closed" ended "${PID[F]}"
  wait_for "H ended" ended "${PID[H]}"
  wait_for "D survey" task_of hana "${PID[D]}" Task_AnswerSurvey
  wait_for "D loaner" task_of rita "${PID[D]}" Task_ReceiveLoaner
  wait_for "E survey" task_of hana "${PID[E]}" Task_AnswerSurvey
  wait_for "L upgrade window" at_activity "${PID[L]}" TimerEvent_UpgradeWindowOpens
  for l in A B C D E F G H L; do wait_for "$l quiet" quiet "${PID[$l]}"; done
}

# ------------------------------------------------------------------------------------------ phase 2

phase2() {
  # I: waiting at Confirm diagnosis
  merchant_report I M-100231 PAX-A920-88002 CARD_READER "The magstripe reader fails on every second swipe." "+86 21 5555 0101"
  # J: mail-in, waiting at the centre repair with a loaner lent
  hotline_report J M-100231 PAX-A920-88001 DISPLAY_KEYPAD false "Keys 5 and 8 do not respond." "+86 21 5555 0101"
  # K: diagnosed remote, waiting at Remote support (on F's replacement terminal)
  merchant_report K M-100232 NEW-N910-77901 PRINTER "The printer feeds paper but prints nothing." "+86 21 5555 0202"

  wait_for "I awaiting diagnosis" task_of tom "${PID[I]}" Task_ConfirmDiagnosis
  work tom "${PID[J]}" Task_ConfirmDiagnosis '{"severity": "NORMAL", "repairChannel": "MAIL_IN", "merchantCausedDamage": false,
    "diagnosisNotes": "Keypad membrane worn; bench repair."}'
  work rita "${PID[J]}" Task_ReceiveTerminal '{"shippingReference": "SF2220001", "loanerSerial": "LOAN-A920-052"}'
  wait_for "J at the centre" task_of rita "${PID[J]}" Task_RepairAtCentre
  work tina "${PID[K]}" Task_ConfirmDiagnosis '{"severity": "NORMAL", "repairChannel": "REMOTE", "merchantCausedDamage": false,
    "diagnosisNotes": "Print density setting or thermal paper; try remotely first."}'
  wait_for "K at remote support" task_of tina "${PID[K]}" Task_RemoteSupport
  for l in I J K; do wait_for "$l quiet" quiet "${PID[$l]}"; done
}

# ------------------------------------------------------------------------------------------ capture

declare -A STATE=(
  [A]="CLOSED: merchant API report; ON_SITE, merchant-caused damage; repaired on site with PRINTER_HEAD; billed; survey 4 through the merchant API; closed"
  [B]="CLOSED: hotline report; REMOTE fix by tina; survey 2 recorded by hana in Tasklist; low score followed up by mary; closed"
  [C]="CANCELLED: merchant API report withdrawn by the merchant before the diagnosis was confirmed"
  [D]="OPEN: MAIL_IN (MAJOR); loaner LOAN-A920-041 lent; repaired at the centre (BATTERY, DISPLAY); terminal returned without the loaner; billed; software current; waiting at Record merchant's evaluation (survey open) and Receive loaner back"
  [E]="OPEN: hotline report (URGENT, payments blocked); ON_SITE; part COMMS_MODULE unavailable -> ordered (PO-7781) -> received -> second visit -> repaired; billed; waiting at Record merchant's evaluation (survey open)"
  [F]="CLOSED: merchant API report; ON_SITE (MAJOR, merchant-caused); BEYOND_REPAIR -> replacement terminal NEW-N910-77901 sent; billed; survey 5 through the merchant API; closed"
  [G]="CANCELLED: hotline report; diagnosed ON_SITE; cancelled by hana through TicketCancellation while waiting at Agree on-site appointment"
  [H]="DELETED: merchant API report; diagnosed ON_SITE; process instance deleted by admin (DELETE /engine-rest/process-instance) while waiting at Agree on-site appointment"
  [L]="OPEN: hotline report; terminal software 3.1.0; REMOTE fix by tina; billed; waiting at timer Upgrade window opens (22:00 Asia/Shanghai)"
  [I]="OPEN (phase 2): merchant API report; waiting at Confirm diagnosis"
  [J]="OPEN (phase 2): hotline report; MAIL_IN; loaner LOAN-A920-052 lent; waiting at Inspect and repair at centre"
  [K]="OPEN (phase 2): merchant API report on the replacement terminal NEW-N910-77901; diagnosed REMOTE; waiting at Remote support session"
)

capture() {
  local letters=(A B C D E F G H L I J K) dir page waiting hist source
  dir=$(mktemp -d)
  for l in "${letters[@]}"; do
    if [[ -z ${TOKEN[$l]} ]]; then
      wait_for "$l's notification in the log" has_token_in_log "${NUM[$l]}"
      TOKEN[$l]=$(token_from_log "${NUM[$l]}")
    fi
    req GET "" "/api/merchant/tickets/${NUM[$l]}" "" -H "X-Ticket-Token: ${TOKEN[$l]}" >"$dir/page.json" || die "merchant page $l"
    req GET admin "/engine-rest/history/activity-instance?processInstanceId=${PID[$l]}&unfinished=true&sortBy=startTime&sortOrder=asc" \
      | jq -c '[.[] | select(.activityType | test("subProcess|processDefinition") | not) | .activityId]' >"$dir/waiting.json"
    req GET admin "/engine-rest/history/process-instance/${PID[$l]}" | jq -c '{state, startTime, endTime, deleteReason}' >"$dir/hist.json"
    if [[ ${CHANNEL[$l]} == merchant-api ]]; then source="merchant API report answer"
    else source="link in the TICKET_RECEIVED notification (demo: application log)"; fi
    jq -n --arg l "$l" --arg n "${NUM[$l]}" --arg p "${PID[$l]}" --arg t "${TOKEN[$l]}" --arg c "${CHANNEL[$l]}" \
      --arg s "${STATE[$l]}" --arg src "$source" \
      --slurpfile w "$dir/waiting.json" --slurpfile h "$dir/hist.json" --slurpfile page "$dir/page.json" \
      '{letter: $l, ticketNumber: $n, processInstanceId: $p, reportedThrough: $c, accessToken: $t, accessTokenSource: $src,
        state: $s, engine: ($h[0] + {waitingAt: $w[0]}), merchantPage: $page[0]}' >"$dir/ticket-$l.json"
    req GET admin "/engine-rest/history/variable-instance?processInstanceId=${PID[$l]}&deserializeValues=false" \
      | jq -c --arg l "$l" --arg n "${NUM[$l]}" --arg p "${PID[$l]}" \
        '{($l): {ticketNumber: $n, processInstanceId: $p,
                 variables: (map({name, type, value, valueInfo, activityInstanceId, createTime, state}) | sort_by(.name, .activityInstanceId))}}' \
      >"$dir/vars-$l.json"
  done
  req GET mary "/api/reports/sla?from=$REPORT_FROM&to=$REPORT_TO" >"$dir/report.json" || die "SLA report"
  mkdir -p "$OUT"
  local commit; commit=$(git -C "$WT" rev-parse HEAD)
  jq -n --arg commit "$commit" --arg made "$(date -u +%FT%TZ)" \
    --arg from "$REPORT_FROM" --arg to "$REPORT_TO" --arg t0 "$PHASE1_START" --arg t1 "$T1" \
    --slurpfile report "$dir/report.json" --slurpfile tickets <(for l in "${letters[@]}"; do cat "$dir/ticket-$l.json"; done) \
    '{release: "0.1", commit: $commit, capturedAt: $made, zone: "Asia/Shanghai",
      phase1: {startedAt: $t0, completedAt: $t1},
      slaReport: {request: ("GET /api/reports/sla?from=" + $from + "&to=" + $to + " as mary"), from: $from, to: $to,
                  response: $report[0]},
      tickets: $tickets}' >"$OUT/expected.json"
  for l in "${letters[@]}"; do cat "$dir/vars-$l.json"; done | jq -s --arg commit "$commit" \
    '{release: "0.1", commit: $commit,
      source: "GET /engine-rest/history/variable-instance?processInstanceId=...&deserializeValues=false as admin, at capture time",
      tickets: add}' >"$OUT/variables.json"
  rm -rf "$dir"
  say "wrote $OUT/expected.json and $OUT/variables.json"
}

# ------------------------------------------------------------------------------------------ export

export_db() {
  local version h2 restore
  local listing; listing=$(unzip -l "$JAR")
  version=$(grep -m1 -o 'h2-[0-9.]*[0-9]\.jar' <<<"$listing"); version=${version#h2-}; version=${version%.jar}
  h2=${H2_JAR:-$HOME/.m2/repository/com/h2database/h2/$version/h2-$version.jar}
  [[ -f $h2 ]] || die "no H2 jar $h2"
  rm -f "$OUT/database.sql.gz"
  java -cp "$h2" org.h2.tools.Script -url "jdbc:h2:file:$DATA_DIR/pos-maintenance" -user sa -password "" \
    -script "$OUT/database.sql.gz" -options compression gzip
  say "exported $OUT/database.sql.gz ($(stat -c %s "$OUT/database.sql.gz") bytes) with H2 $version"
  restore=$(mktemp -d)
  java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$restore/restored" -user sa -password "" \
    -script "$OUT/database.sql.gz" -options compression gzip
  java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$restore/restored" -user sa -password "" \
    -sql "SELECT (SELECT COUNT(*) FROM ticket) AS tickets, (SELECT COUNT(*) FROM ticket WHERE closed_at IS NULL) AS open_tickets, (SELECT COUNT(*) FROM ACT_RU_EXECUTION) AS executions, (SELECT COUNT(*) FROM ACT_HI_PROCINST) AS historic_instances"
  rm -rf "$restore"
}

# ------------------------------------------------------------------------------------------ main

minute_floor() { TZ=$ZONE date -d "@$1" +%FT%H:%M; }

main() {
  start_app
  local now
  now=$(date +%s); PHASE1_START=$(TZ=$ZONE date -d "@$now" +%FT%T%:z); REPORT_FROM=$(minute_floor "$now")
  phase1
  now=$(date +%s); T1=$(TZ=$ZONE date -d "@$now" +%FT%T%:z)
  REPORT_TO=$(minute_floor $(( now - now % 60 + 60 )))
  say "phase 1 done at $T1; report period $REPORT_FROM .. $REPORT_TO (Asia/Shanghai); waiting for the next minute"
  sleep $(( 60 - now % 60 + 2 ))
  phase2
  local incidents failed
  incidents=$(req GET admin /engine-rest/incident/count | jq .count)
  failed=$(req GET admin "/engine-rest/job/count?withException=true" | jq .count)
  [[ $incidents -eq 0 && $failed -eq 0 ]] || die "$incidents incidents, $failed failed jobs; see $LOG"
  capture
  stop_app
  export_db
}

main "$@"
