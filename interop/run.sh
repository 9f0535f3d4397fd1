#!/usr/bin/env bash
# interop/run.sh: cross-checks the dev mint and the Java wallet against cashu-ts (pinned in
# package.json / package-lock.json). Starts two dev mints on free loopback ports (input fee 0 and
# 100 ppk), runs interop.mjs against both, stops the mints on exit.
#
# Prints a PASS/FAIL line per step and finally "N passed, M failed"; exits non-zero on any failure.
# Expects the build to have run (bin/test runs `mvn verify` first); builds what is missing.
#
#   DEVMINT_JAR=path        dev mint jar (default devmint/<build dir>/devmint.jar, bin/test's
#                           OPENPLEB_DEVMINT_JAR when set)
#   OPENPLEB_BUILD_DIR=dir  Maven build folder of the Java classes (default "target")
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD_DIR=${OPENPLEB_BUILD_DIR:-target}
DEVMINT_JAR=${DEVMINT_JAR:-${OPENPLEB_DEVMINT_JAR:-$ROOT/devmint/$BUILD_DIR/devmint.jar}}
FEES=(0 100)
STARTUP_TIMEOUT_S=30
SUITE_TIMEOUT_S=300

WORK=$(mktemp -d "${TMPDIR:-/tmp}/openpleb-interop.XXXXXX")
MINT_PIDS=()

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local pid
  for pid in "${MINT_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${MINT_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A failure before the suite runs still ends in the summary line the caller looks for.
setup_failed() {
  echo "FAIL setup: $*"
  echo "0 passed, 1 failed"
  exit 1
}

command -v node >/dev/null || setup_failed "node not found (Node 20+ needed)"
command -v npm >/dev/null || setup_failed "npm not found"
command -v java >/dev/null || setup_failed "java not found"
command -v mvn >/dev/null || setup_failed "mvn not found"

# --- cashu-ts, exactly as locked ---------------------------------------------------------------
echo "interop: npm ci (cashu-ts $(sed -n 's/.*"@cashu\/cashu-ts": "\(.*\)".*/\1/p' "$HERE/package.json"))"
# cashu-ts declares node >=22.4 but is verified on Node 20; npm only warns (EBADENGINE).
(cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error) >"$WORK/npm.log" 2>&1 ||
  { cat "$WORK/npm.log" >&2; setup_failed "npm ci failed"; }

# --- Java side: dev mint jar and the InteropCli class path ---------------------------------------
if [[ ! -f $DEVMINT_JAR ]]; then
  echo "interop: $DEVMINT_JAR missing, packaging devmint"
  mvn -B -q "-Dopenpleb.build.dir=$BUILD_DIR" -pl devmint package -DskipTests >"$WORK/mvn-devmint.log" 2>&1 ||
    { cat "$WORK/mvn-devmint.log" >&2; setup_failed "could not build the dev mint"; }
  [[ -f $DEVMINT_JAR ]] || setup_failed "$DEVMINT_JAR still missing after the build"
fi

# cashu's test class path holds devmint, which is not installed in a local repository: Maven only
# resolves it from the reactor once the compile phase ran in the same session, hence test-compile
# (a no-op after `mvn verify`). Both modules write the file; cashu, built last, wins.
echo "interop: resolving the Java wallet's class path"
mvn -B -q "-Dopenpleb.build.dir=$BUILD_DIR" -pl devmint,cashu test-compile dependency:build-classpath \
  "-Dmdep.outputFile=$WORK/classpath.txt" -Dmdep.includeScope=test >"$WORK/mvn-cp.log" 2>&1 ||
  { cat "$WORK/mvn-cp.log" >&2; setup_failed "could not compile cashu or resolve its class path"; }
grep -q sqlite-jdbc "$WORK/classpath.txt" || setup_failed "class path is not the cashu module's"
CLASSES=$ROOT/cashu/$BUILD_DIR
[[ -f $CLASSES/test-classes/org/openpleb/cashu/interop/InteropCli.class ]] ||
  setup_failed "InteropCli not compiled in $CLASSES/test-classes"
export INTEROP_JAVA_CP="$CLASSES/test-classes:$CLASSES/classes:$(cat "$WORK/classpath.txt")"

# --- two dev mints on free loopback ports --------------------------------------------------------
# Port 0 lets the OS pick a free port; the mint prints its URL in its start-up banner.
MINTS=()
for fee in "${FEES[@]}"; do
  log=$WORK/devmint-$fee.log
  : >"$log"
  java -jar "$DEVMINT_JAR" --host 127.0.0.1 --port 0 --seed "openpleb-interop-$fee" \
    --input-fee-ppk "$fee" >"$log" 2>&1 &
  MINT_PIDS+=($!)
  pid=$!
  url=
  for ((i = 0; i < STARTUP_TIMEOUT_S * 10; i++)); do
    url=$(awk '$1 == "url" { print $2; exit }' "$log" || true)
    [[ -n $url ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [[ -z $url ]]; then
    cat "$log" >&2
    setup_failed "dev mint (fee $fee ppk) did not start"
  fi
  echo "interop: dev mint fee=$fee ppk at $url"
  MINTS+=("$fee=$url")
done

# --- the suite ---------------------------------------------------------------------------------
export INTEROP_MINTS=$(IFS=,; echo "${MINTS[*]}")
export INTEROP_WORK=$WORK
STATUS=0
(cd "$HERE" && timeout "$SUITE_TIMEOUT_S" node interop.mjs) || STATUS=$?
if ((STATUS == 124)); then
  echo "FAIL suite: timed out after ${SUITE_TIMEOUT_S}s"
  echo "0 passed, 1 failed"
fi
exit "$STATUS"
