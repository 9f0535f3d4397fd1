#!/usr/bin/env bash
# bench/crash.sh: the kill -9 crash test. Starts a throwaway PostgreSQL, the dev mint and the server
# (ear/<build>/openpleb.jar) on their own ports, runs a trading load of careful clients (makers,
# takers, an admin; every money request under an Idempotency-Key, retried with the same key across
# restarts) and SIGKILLs the server at random moments, restarting it each time and waiting on
# /health/ready. Then every offer is driven to a final state, the server's own reconciliation is
# asked (when the build has it), the server is stopped and custody is counted from outside: every
# proof of every wallet file and of the clients' tokens checked at the mint (NUT-07) against what
# the dev mint minted and melted. Exits non-zero when a check fails.
#
#   bench/crash.sh --ci       10 kills, 3 makers + 3 takers + admin (about 10 minutes on 2 cores);
#                             report to $CRASH_RESULTS/crash-ci.md (default: the run folder, removed)
#   bench/crash.sh --full     200 kills, 10 makers + 10 takers + admin (hours); report to
#                             bench/results/<date>/crash.md
#   --kills N                 any number of kills (with either mode)
#   --pairs N                 N makers + N takers instead of the mode's
#   --kill-after MIN-MAX      each kill MIN to MAX seconds after the server got ready
#
# Checks: at least N kills; every offer final; every settlement DONE; difference 0 at the mint; no
# stuck sats (a token sent out of a wallet that no client holds); no invoice the server recorded
# paid and never minted, and every other paid one a quote whose answer died with a kill; every
# ready/reserved proof UNSPENT; nothing reserved once every offer is final; the server's
# reconciliation difference 0 when POST /api/admin/reconciliations exists (else the report says it
# is not in the build).
#
# Environment: CRASH_PORT=18184 (server), CRASH_MINT_PORT=13384, CRASH_PGPORT=56184,
# CRASH_RESULTS (report folder), CRASH_KEEP=1 keeps the run folder (/tmp/crash-*) for a post-mortem,
# OPENPLEB_BUILD_DIR=target. Everything it starts is stopped on exit, by PID.
set -euo pipefail
exec </dev/null

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

MODE=ci
KILLS=""
WANT_PAIRS=""
WANT_WINDOW=""
for ((i = 1; i <= $#; i++)); do
  case ${!i} in
    --ci) MODE=ci ;;
    --full) MODE=full ;;
    --kills)
      i=$((i + 1))
      KILLS=${!i:-}
      [[ $KILLS =~ ^[0-9]+$ ]] || { echo "bench/crash.sh: --kills needs a number" >&2; exit 2; }
      ;;
    --pairs)
      i=$((i + 1))
      WANT_PAIRS=${!i:-}
      [[ $WANT_PAIRS =~ ^[1-9][0-9]?$ ]] ||
        { echo "bench/crash.sh: --pairs needs a number from 1 to 99" >&2; exit 2; }
      ;;
    --kill-after)
      i=$((i + 1))
      WANT_WINDOW=${!i:-}
      [[ $WANT_WINDOW =~ ^([0-9]{1,3})-([0-9]{1,3})$ ]] &&
        ((BASH_REMATCH[1] >= 1 && BASH_REMATCH[1] <= BASH_REMATCH[2])) ||
        { echo "bench/crash.sh: --kill-after needs MIN-MAX seconds, 1 <= MIN <= MAX" >&2; exit 2; }
      ;;
    -h | --help) sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/crash.sh: unknown argument: ${!i} (try --help)" >&2; exit 2 ;;
  esac
done
if [[ $MODE == ci ]]; then
  KILLS=${KILLS:-10} PAIRS=3 LANES=2 KILL_MIN=4 KILL_MAX=16 DEADLINE=60
else
  KILLS=${KILLS:-200} PAIRS=10 LANES=2 KILL_MIN=5 KILL_MAX=30 DEADLINE=90
fi
PAIRS=${WANT_PAIRS:-$PAIRS}
if [[ -n $WANT_WINDOW ]]; then
  KILL_MIN=${WANT_WINDOW%-*} KILL_MAX=${WANT_WINDOW#*-}
fi

BUILD_DIR=${OPENPLEB_BUILD_DIR:-target}
PORT=${CRASH_PORT:-18184}
MINT_PORT=${CRASH_MINT_PORT:-13384}
export OPENPLEB_TEST_PGPORT=${CRASH_PGPORT:-56184}
APP_JAR=$ROOT/ear/$BUILD_DIR/openpleb.jar
MINT_JAR=$ROOT/devmint/$BUILD_DIR/devmint.jar
BENCH_JAR=$ROOT/bench/$BUILD_DIR/bench.jar
BASE=http://127.0.0.1:$PORT
MINT_URL=http://127.0.0.1:$MINT_PORT
READY_BOUND=600 # seconds; boots took 74-177 s on a busy 2-core machine, so be generous

say() { printf 'crash.sh: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }
port_in_use() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for jar in "$APP_JAR" "$MINT_JAR" "$BENCH_JAR"; do
  [[ -f $jar ]] || die "$jar is missing: build first (mvn package -DskipTests)"
done
command -v curl >/dev/null || die "curl not found"
for p in "$PORT" "$MINT_PORT"; do
  ! port_in_use "$p" || die "port $p is in use (set CRASH_PORT / CRASH_MINT_PORT)"
done

RUN=$(mktemp -d "${TMPDIR:-/tmp}/crash-XXXXXX")
mkdir -p "$RUN/tmp" "$RUN/wallets"
MINT_PID="" SERVER_PID="" DRIVER_PID=""
# shellcheck source=bin/lib/throwaway-postgres.sh
. "$ROOT/bin/lib/throwaway-postgres.sh"

stop_pid() { # pid: TERM, then KILL after 30 s
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "pid $pid ignored SIGTERM for 30 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ $status != 0 && -f $RUN/server.log ]]; then
    say "server log (last 30 lines):"
    tail -30 "$RUN/server.log" | cut -c1-300 >&2 || true
  fi
  stop_pid "$DRIVER_PID"
  stop_pid "$SERVER_PID"
  stop_pid "$MINT_PID"
  throwaway_pg_stop
  if [[ ${CRASH_KEEP:-} == 1 ]]; then
    say "run folder kept: $RUN"
  else
    rm -rf "$RUN"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- PostgreSQL and the dev mint ------------------------------------------------------------------
say "throwaway PostgreSQL on port $OPENPLEB_TEST_PGPORT"
throwaway_pg_start >&2
psql_value() { "$PGBIN/psql" -X -q -At -h 127.0.0.1 -p "$PGPORT" -U openpleb -d openpleb -c "$1"; }

say "dev mint on 127.0.0.1:$MINT_PORT"
(cd "$RUN" && exec java -Xmx256m -Djava.io.tmpdir="$RUN/tmp" -jar "$MINT_JAR" --port "$MINT_PORT" \
  --seed "crash-$RANDOM$RANDOM") >"$RUN/devmint.log" 2>&1 &
MINT_PID=$!
for ((i = 0; ; i++)); do
  port_in_use "$MINT_PORT" && break
  kill -0 "$MINT_PID" 2>/dev/null || { cat "$RUN/devmint.log" >&2; die "the dev mint exited"; }
  ((i < 120)) || die "the dev mint did not listen within 60 s"
  sleep 0.5
done

# --- the server -------------------------------------------------------------------------------------
ADMIN_PASSWORD=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
ADMIN_HASH=$(printf '%s\n' "$ADMIN_PASSWORD" | java -jar "$BENCH_JAR" hash-password)
# the same master seed for every boot: the wallet files are derived from it
MASTER_SEED=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
# Short deadlines so that expiries happen and every offer ends within minutes; all clients come
# from 127.0.0.1, so the per-address limits are lifted (they would throttle the retries).
SETTINGS=(
  RATE_LIMIT_CHALLENGE_BURST=1000000 RATE_LIMIT_CHALLENGE_PER_MINUTE=100000000
  RATE_LIMIT_LOGIN_BURST=1000000 RATE_LIMIT_LOGIN_PER_MINUTE=100000000
  RATE_LIMIT_OFFER_BURST=1000000 RATE_LIMIT_OFFER_PER_MINUTE=100000000
  RATE_LIMIT_DEPOSIT_BURST=1000000 RATE_LIMIT_DEPOSIT_PER_MINUTE=100000000
  RATE_LIMIT_ADMIN_LOGIN_BURST=1000000 RATE_LIMIT_ADMIN_LOGIN_PER_MINUTE=100000000
  SESSION_CHALLENGE_LIMIT=1000000 SESSION_POW_BITS_WARNING=0 SESSION_POW_BITS_CRITICAL=0
  OPENPLEB_PRICE_SOURCE=fixed OPENPLEB_PRICE_FIXED=150000000
  WALLET_DEPOSIT_POLL_INTERVAL=300 OFFER_QUOTE_POLL_INTERVAL=300 OFFER_SWEEP_INTERVAL=1000
  OFFER_TIMEOUT_CREATED=$DEADLINE OFFER_TIMEOUT_INVOICE_CREATED=$DEADLINE
  OFFER_TIMEOUT_INVOICE_PAID=$DEADLINE OFFER_TIMEOUT_CLAIMED=$DEADLINE
  OFFER_TIMEOUT_RECEIPT_SUBMITTED=$DEADLINE OFFER_TIMEOUT_MARKED_WITH_ISSUE=$DEADLINE
  OFFER_SETTLEMENT_LEASE=10 OFFER_ATTEMPT_TIMEOUT=30
  # the quote sweep takes an invoice no offer or deposit holds after a minute (its least grace)
  WALLET_QUOTE_GRACE=60000 WALLET_QUOTE_SWEEP_INTERVAL=2000
)
BOOTS=0
: >"$RUN/ready-seconds"
start_server() {
  BOOTS=$((BOOTS + 1))
  while port_in_use "$PORT"; do sleep 0.2; done
  (
    cd "$RUN"
    export "${SETTINGS[@]}"
    export OPENPLEB_MINT_URL=$MINT_URL WALLET_DIR=$RUN/wallets OPENPLEB_MASTER_SEED=$MASTER_SEED
    export OPENPLEB_ADMIN_USER=crash OPENPLEB_ADMIN_PASSWORD_HASH=$ADMIN_HASH
    exec java -Xmx512m -XX:+UseG1GC -Djava.io.tmpdir="$RUN/tmp" -jar "$APP_JAR" --port "$PORT"
  ) >>"$RUN/server.log" 2>&1 &
  SERVER_PID=$!
  local t0=$SECONDS code=""
  while ((SECONDS - t0 < READY_BOUND)); do
    code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE/health/ready" || true)
    [[ $code == 200 ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited during boot $BOOTS (see the log tail)"
    sleep 0.5
  done
  [[ $code == 200 ]] || die "boot $BOOTS: /health/ready = ${code:-no answer} after $READY_BOUND s"
  echo $((SECONDS - t0)) >>"$RUN/ready-seconds"
  say "boot $BOOTS ready after $((SECONDS - t0)) s (pid $SERVER_PID)"
}
start_server

# --- load and kills ---------------------------------------------------------------------------------
COMMIT=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)
CRASH_ADMIN_PASSWORD=$ADMIN_PASSWORD java -Xmx512m -cp "$BENCH_JAR" org.openpleb.bench.crash.CrashMain load \
  --base-url "$BASE" --mint-url "$MINT_URL" --admin-user crash --pairs "$PAIRS" --lanes "$LANES" \
  --stop-file "$RUN/stop" --book "$RUN/clients.json" >"$RUN/driver.log" 2>&1 &
DRIVER_PID=$!

killed=0
while ((killed < KILLS)); do
  # a random moment of the load: between KILL_MIN and KILL_MAX seconds after the server got ready
  sleep $((KILL_MIN + RANDOM % (KILL_MAX - KILL_MIN + 1))).$((RANDOM % 10))
  kill -0 "$DRIVER_PID" 2>/dev/null || { tail -30 "$RUN/driver.log" >&2; die "the driver exited during the load"; }
  kill -KILL "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  killed=$((killed + 1))
  say "kill $killed/$KILLS (SIGKILL pid $SERVER_PID)"
  # a killed Payara leaves its runtime folder behind
  rm -rf "$RUN"/tmp/payaramicro-rt*
  start_server
done

say "$killed kills done: the load stops, every offer is driven to a final state"
touch "$RUN/stop"
set +e
wait "$DRIVER_PID"
driver_status=$?
set -e
DRIVER_PID=""
cat "$RUN/driver.log"
((driver_status == 0)) || die "the driver failed (exit $driver_status)"

# --- settlements finish, the server's own reconciliation, the database's view ----------------------
not_done() { psql_value "SELECT count(*) FROM settlements WHERE state <> 'DONE'"; }
t0=$SECONDS
while (($(not_done) > 0 && SECONDS - t0 < 300)); do sleep 1; done
say "settlements not DONE: $(not_done) (after waiting $((SECONDS - t0)) s)"
# A claim or funding killed after its wallet reserved but before it committed leaves an attempt
# whose hold the offer sweeper releases once the attempt is OFFER_ATTEMPT_TIMEOUT plus a minute's
# grace old (it may still commit until then): wait, bounded, until none is left.
attempts_left() { psql_value "SELECT count(*) FROM offers WHERE attempt_id IS NOT NULL"; }
t0=$SECONDS
while (($(attempts_left) > 0 && SECONDS - t0 < 300)); do sleep 1; done
say "funding or claim attempts not undone: $(attempts_left) (after waiting $((SECONDS - t0)) s)"
# A paid invoice the server has not minted yet may still be on its way (the deposit and funding
# watchers, or a sweep for quotes it lost track of): wait, bounded, until the mint has none left
# that the server recorded. The dev mint's fake payer pays every invoice, even one whose quote
# answer died with a killed request before the server recorded it (so nobody was given it): those
# the count reports apart and checks against the ledger's rows left without an answer.
unminted_invoices() {
  local totals
  totals=$(curl -s -m 30 -X POST -H 'Content-Type: application/json' -d '{}' "$MINT_URL/dev/totals") ||
    return 1
  # none paid and unminted is no failure (grep finds nothing; pipefail would say so)
  { grep -o '"invoice" *: *"[a-z0-9]*"' <<<"$totals" || true; } | sed 's/.*"\([a-z0-9]*\)"$/\1/'
}
recorded_unminted() {
  local invoices list
  invoices=$(unminted_invoices) || { echo "?"; return; }
  list=$(sed "s/.*/'&'/" <<<"$invoices" | paste -sd, -)
  if [[ -z $invoices ]]; then echo 0; else psql_value "SELECT count(*) FROM mint_quotes WHERE invoice IN ($list)"; fi
}
t0=$SECONDS
while [[ $(recorded_unminted) != 0 ]] && ((SECONDS - t0 < 180)); do sleep 2; done
say "mint quotes the server recorded, paid and not minted: $(recorded_unminted) (after waiting $((SECONDS - t0)) s)"
psql_value "SELECT invoice FROM mint_quotes WHERE invoice IS NOT NULL" >"$RUN/recorded-invoices"
# POST /api/admin/reconciliations (built beside this test): its answer goes to the count
admin_token=$(curl -s -m 60 -H 'Content-Type: application/json' \
  -d "{\"user\":\"crash\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/admin/sessions" |
  sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
rec_status=$(curl -s -m 600 -o "$RUN/reconciliation.json" -w '%{http_code}' -X POST \
  -H "Authorization: Bearer $admin_token" -H 'Accept: application/json' \
  "$BASE/api/admin/reconciliations" || echo 0)
say "POST /api/admin/reconciliations: $rec_status"
{
  echo "reconciliation_status=$rec_status"
  echo "offers_open=$(psql_value "SELECT count(*) FROM offers WHERE status NOT IN ('COMPLETED','RESOLVED','FORFEITED','EXPIRED')")"
  echo "offers_total=$(psql_value "SELECT count(*) FROM offers")"
  echo "offers_by_status=$(psql_value "SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status, count(*) n FROM offers GROUP BY status) s")"
  echo "open_offers=$(psql_value "SELECT string_agg(id || ' ' || status, ', ') FROM offers WHERE status NOT IN ('COMPLETED','RESOLVED','FORFEITED','EXPIRED')")"
  echo "settlements_total=$(psql_value "SELECT count(*) FROM settlements")"
  echo "settlements_not_done=$(psql_value "SELECT count(*) FROM settlements WHERE state <> 'DONE'")"
  echo "settlements_by_outcome=$(psql_value "SELECT string_agg(outcome || ' ' || n, ', ' ORDER BY outcome) FROM (SELECT outcome, count(*) n FROM settlements GROUP BY outcome) s")"
  echo "idempotency_in_progress=$(psql_value "SELECT count(*) FROM idempotency_records WHERE state = 'IN_PROGRESS'")"
  echo "idempotency_in_progress_by_endpoint=$(psql_value "SELECT string_agg(endpoint || ' ' || n, ', ' ORDER BY endpoint) FROM (SELECT endpoint, count(*) n FROM idempotency_records WHERE state = 'IN_PROGRESS' GROUP BY endpoint) s")"
  echo "mint_quotes_by_state=$(psql_value "SELECT string_agg(state || ' ' || n, ', ' ORDER BY state) FROM (SELECT state, count(*) n FROM mint_quotes GROUP BY state) s")"
  echo "mint_quotes_unanswered=$(psql_value "SELECT count(*) FROM mint_quotes WHERE invoice IS NULL")"
  echo "deposits_by_state=$(psql_value "SELECT string_agg(state || ' ' || n, ', ' ORDER BY state) FROM (SELECT state, count(*) n FROM wallet_deposits GROUP BY state) s")"
} >"$RUN/db-figures"
cat "$RUN/db-figures" >&2
say "stopping the server (SIGTERM) to read its wallet files"
stop_pid "$SERVER_PID"
SERVER_PID=""

if [[ $MODE == full ]]; then
  REPORT=${CRASH_RESULTS:-$ROOT/bench/results}/$(date -u +%F)/crash.md
else
  REPORT=${CRASH_RESULTS:-$RUN}/crash-ci.md
fi
set +e
java -Xmx512m -cp "$BENCH_JAR" org.openpleb.bench.crash.CrashMain count \
  --book "$RUN/clients.json" --wallet-dir "$RUN/wallets" --mint-url "$MINT_URL" \
  --db-figures "$RUN/db-figures" --recorded-invoices "$RUN/recorded-invoices" --ready-times "$RUN/ready-seconds" --kills "$killed" \
  --wanted-kills "$KILLS" --reconciliation "$RUN/reconciliation.json" --report "$REPORT" --mode "$MODE" --commit "$COMMIT" \
  --command "bench/crash.sh --$MODE --kills $KILLS --pairs $PAIRS --kill-after $KILL_MIN-$KILL_MAX" \
  --load "$PAIRS makers, $PAIRS takers, 1 admin, $LANES trading lanes per pair; deadlines $DEADLINE s; kills $KILL_MIN-$KILL_MAX s after each ready"
count_status=$?
set -e
if [[ -f $REPORT && $MODE == ci && -z ${CRASH_RESULTS:-} ]]; then
  sed -n '1,/^## Every client counter/p' "$REPORT" >&2 # the run folder goes away with the report
fi
exit "$count_status"
