#!/usr/bin/env bash
# bench/run.sh: the capacity benchmark in one command. Builds if needed, starts a throwaway
# PostgreSQL, the dev mint and the server (ear/<build>/openpleb.jar) with a fixed heap, runs the
# load driver (bench/<build>/bench.jar) and writes bench/results/<date>/report.md with SVG charts.
#
#   bench/run.sh              full run: 0…20,000 sessions, 200 wallets, 10/50/200 clients, trades
#                             and the side-by-side workload of issue #17 (under 20 minutes on 2 cores)
#   bench/run.sh --sessions   only the session-memory part (a second reading for the same day)
#   bench/run.sh --quick      CI smoke: tiny counts and seconds of load; checks only that a report
#                             is written (to bench/results/<date>-quick/, not committed)
#
# Environment:
#   BENCH_HEAP=512m           server heap (-Xms = -Xmx, pre-touched)
#   BENCH_PORT=18480          server HTTP port;  BENCH_MINT_PORT=18483  dev mint port
#   BENCH_PGPORT=55438        throwaway PostgreSQL port
#   BENCH_RESULTS=bench/results   where the day's folder goes
#   OPENPLEB_BUILD_DIR=target build folder (-Dopenpleb.build.dir)
# Everything it starts is stopped on exit, by PID; its temp folder is removed.
set -euo pipefail
exec </dev/null

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

MODE=full
COMMAND="bench/run.sh"
for arg in "$@"; do
  case $arg in
    --quick) MODE=quick; COMMAND="bench/run.sh --quick" ;;
    --sessions) MODE=sessions; COMMAND="bench/run.sh --sessions" ;;
    -h | --help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

BUILD_DIR=${OPENPLEB_BUILD_DIR:-target}
HEAP=${BENCH_HEAP:-512m}
PORT=${BENCH_PORT:-18480}
MINT_PORT=${BENCH_MINT_PORT:-18483}
export OPENPLEB_TEST_PGPORT=${BENCH_PGPORT:-55438}
RESULTS=${BENCH_RESULTS:-$ROOT/bench/results}
APP_JAR=$ROOT/ear/$BUILD_DIR/openpleb.jar
MINT_JAR=$ROOT/devmint/$BUILD_DIR/devmint.jar
BENCH_JAR=$ROOT/bench/$BUILD_DIR/bench.jar
if [[ -n ${BENCH_HEAP:-} ]]; then
  COMMAND="BENCH_HEAP=$HEAP $COMMAND"
fi

say() { printf 'bench/run.sh: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }
port_in_use() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

command -v java >/dev/null || die "java not found; install a JDK 17"
command -v jcmd >/dev/null || [[ -x $(dirname "$(readlink -f "$(command -v java)")")/jcmd ]] ||
  die "jcmd not found; the benchmark needs a full JDK, not a JRE"
command -v curl >/dev/null || die "curl not found"

# --- build when an artefact is missing or a source is newer than it ------------------------------
needs_build() {
  local jar
  for jar in "$APP_JAR" "$MINT_JAR" "$BENCH_JAR"; do
    [[ -f $jar ]] || return 0
  done
  [[ -n $(find pom.xml ./*/pom.xml config cashu/src devmint/src ejb/src web/src ear/src bench/src \
    -newer "$APP_JAR" -type f -print -quit 2>/dev/null) ]] && return 0
  [[ -n $(find bench/pom.xml bench/src cashu/src -newer "$BENCH_JAR" -type f -print -quit 2>/dev/null) ]]
}
if needs_build; then
  command -v mvn >/dev/null || die "mvn not found; install Maven 3.8+"
  say "building (mvn package -DskipTests, build folder $BUILD_DIR)…"
  mvn -q -B package -DskipTests "-Dopenpleb.build.dir=$BUILD_DIR" || die "build failed"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/openpleb-bench.XXXXXX")
mkdir -p "$WORK/tmp" "$WORK/wallets"
MINT_PID=""
APP_PID=""

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
  if [[ $status != 0 && -f $WORK/server.log ]]; then
    say "server log (last 40 lines):"
    tail -40 "$WORK/server.log" >&2 || true
  fi
  stop_pid "$APP_PID"
  stop_pid "$MINT_PID"
  throwaway_pg_stop
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for p in "$PORT" "$MINT_PORT"; do
  ! port_in_use "$p" || die "port $p is in use (set BENCH_PORT / BENCH_MINT_PORT)"
done

# --- PostgreSQL ---------------------------------------------------------------------------------
say "starting a throwaway PostgreSQL on port $OPENPLEB_TEST_PGPORT"
throwaway_pg_start >&2

# --- dev mint (in memory, fixed seed) -----------------------------------------------------------
say "starting the dev mint on 127.0.0.1:$MINT_PORT"
(cd "$WORK" && exec java -Xmx256m -Djava.io.tmpdir="$WORK/tmp" -jar "$MINT_JAR" --port "$MINT_PORT" \
  --seed openpleb-bench) >"$WORK/devmint.log" 2>&1 &
MINT_PID=$!
for ((i = 0; ; i++)); do
  port_in_use "$MINT_PORT" && break
  kill -0 "$MINT_PID" 2>/dev/null || { cat "$WORK/devmint.log" >&2; die "the dev mint exited"; }
  ((i < 120)) || die "the dev mint did not listen within 60 s"
  sleep 0.5
done

# --- the server ---------------------------------------------------------------------------------
ADMIN_PASSWORD=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
ADMIN_HASH=$(printf '%s\n' "$ADMIN_PASSWORD" | java -jar "$BENCH_JAR" hash-password)
MASTER_SEED=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
# Limits and thresholds raised so 20,000 sessions are admitted and the capacity monitor watches
# without acting (its relief would change what is measured); offer deadlines long enough that no
# offer of the run expires; watchers polling every 250 ms; a fixed BTC price. The report lists them.
# All clients come from 127.0.0.1, so the per-address rate limits, the cap on outstanding login
# challenges and the login proof of work below EMERGENCY are lifted: they would throttle the load
# the run exists to measure. The open-offer and open-claim limits per key are lifted too: the
# side-by-side workload's returning makers fund, and its takers claim, again and again.
SETTINGS=(
  RATE_LIMIT_CHALLENGE_BURST=1000000 RATE_LIMIT_CHALLENGE_PER_MINUTE=100000000
  RATE_LIMIT_LOGIN_BURST=1000000 RATE_LIMIT_LOGIN_PER_MINUTE=100000000
  RATE_LIMIT_OFFER_BURST=1000000 RATE_LIMIT_OFFER_PER_MINUTE=100000000
  RATE_LIMIT_DEPOSIT_BURST=1000000 RATE_LIMIT_DEPOSIT_PER_MINUTE=100000000
  RATE_LIMIT_ADMIN_LOGIN_BURST=1000000 RATE_LIMIT_ADMIN_LOGIN_PER_MINUTE=100000000
  SESSION_CHALLENGE_LIMIT=1000000 SESSION_POW_BITS_WARNING=0 SESSION_POW_BITS_CRITICAL=0
  SESSION_LIMIT=30000 SESSION_EXPIRY=7200 SESSION_IDLE_LIMIT=7200
  CAPACITY_SESSIONS_WARNING=25000 CAPACITY_SESSIONS_CRITICAL=28000 CAPACITY_SESSIONS_EMERGENCY=29000
  CAPACITY_MEMORY_WARNING=0.97 CAPACITY_MEMORY_CRITICAL=0.98 CAPACITY_MEMORY_EMERGENCY=0.99
  WALLET_CACHE_SIZE=200 WALLET_IDLE_TIMEOUT=7200000 WALLET_DEPOSIT_POLL_INTERVAL=250
  "DATABASE_POOL_SIZE=${BENCH_POOL_SIZE:-10}"
  OPENPLEB_PRICE_SOURCE=fixed OPENPLEB_PRICE_FIXED=150000000 OFFER_QUOTE_POLL_INTERVAL=250
  OFFER_TIMEOUT_CREATED=7200 OFFER_TIMEOUT_INVOICE_CREATED=7200 OFFER_TIMEOUT_INVOICE_PAID=7200
  OFFER_TIMEOUT_CLAIMED=7200 OFFER_TIMEOUT_RECEIPT_SUBMITTED=7200
  OFFER_OPEN_LIMIT=1000000 OFFER_CLAIM_LIMIT=1000000
)
JAVA_SERVER_OPTS=(-Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError
  -Djava.io.tmpdir="$WORK/tmp")
say "starting the server on port $PORT (heap $HEAP)"
(
  cd "$WORK"
  export "${SETTINGS[@]}"
  export OPENPLEB_MINT_URL=http://127.0.0.1:$MINT_PORT WALLET_DIR=$WORK/wallets
  export OPENPLEB_MASTER_SEED=$MASTER_SEED OPENPLEB_ADMIN_USER=bench
  export OPENPLEB_ADMIN_PASSWORD_HASH=$ADMIN_HASH
  exec java "${JAVA_SERVER_OPTS[@]}" -jar "$APP_JAR" --port "$PORT"
) >"$WORK/server.log" 2>&1 &
APP_PID=$!
for ((i = 0; ; i++)); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true)
  [[ $code == 200 ]] && break
  kill -0 "$APP_PID" 2>/dev/null || die "the server exited"
  # Payara Micro keeps running when the deployment fails; its readiness then says so for good.
  if grep -q 'Payara Micro .* ready in' "$WORK/server.log" &&
    curl -s "http://127.0.0.1:$PORT/health/ready" | grep -q 'No Application deployed'; then
    die "the application did not deploy"
  fi
  ((i < 360)) || die "the server was not ready within 180 s (last status $code)"
  sleep 0.5
done
say "server ready (pid $APP_PID), dev mint pid $MINT_PID"

# --- the driver ---------------------------------------------------------------------------------
COMMIT=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)
# PostgreSQL's postmaster: the driver sums the CPU of it and its backends
EXTRA_ARGS=()
PG_PID=$(head -1 "$PGROOT/data/postmaster.pid" 2>/dev/null || true)
if [[ $PG_PID =~ ^[0-9]+$ ]]; then
  EXTRA_ARGS+=(--database-pid "$PG_PID")
fi
set +e
BENCH_ADMIN_PASSWORD=$ADMIN_PASSWORD java -Xmx1g -jar "$BENCH_JAR" \
  --mode "$MODE" \
  --base-url "http://127.0.0.1:$PORT" \
  --server-pid "$APP_PID" \
  --mint-pid "$MINT_PID" \
  --wallet-dir "$WORK/wallets" \
  --results "$RESULTS" \
  --admin-user bench \
  --command "$COMMAND" \
  --commit "$COMMIT" \
  --settings "-Xmx$HEAP ${SETTINGS[*]}" \
  "${EXTRA_ARGS[@]}" | tee "$WORK/driver.log"
status=${PIPESTATUS[0]}
set -e
((status == 0)) || die "the driver failed (exit $status)"
report=$(sed -n 's/^bench: report written to //p' "$WORK/driver.log" | tail -1)
[[ -n $report && -s $report ]] || die "no report was written"
say "report: $report"
echo "$report"
