#!/bin/sh
# Container entrypoint of the OpenPleb image (POSIX sh: the payara/micro base is Alpine).
# It does what openpleb.jar's launcher (org.openpleb.launch.OpenPlebLauncher) does before Payara
# Micro boots, because the image runs the stock payara-micro.jar with the pieces of ear/target/dist/:
#   - DATABASE_POOL_IDLE_TIMEOUT (milliseconds, as the capacity analysis writes it) becomes the
#     system property openpleb.pool.idle-timeout-seconds that config/post-boot-commands.asadmin
#     reads (Payara wants seconds; rounded up so a short timeout never becomes 0 = "never");
#   - DB_DATASOURCE_CLASS is derived from DB_URL when unset (PostgreSQL or H2);
#   - NAME_FILE (Docker secrets) fills NAME for OPENPLEB_MASTER_SEED and DB_PASSWORD;
#   - the database password stays the reference ${ENV=DB_PASSWORD:openpleb} in domain.xml and the
#     boot log (system property openpleb.db.password-reference, read by the post-boot file);
#   - umask 077: Payara's runtime folder and everything the server writes is the owner's only;
#   - no Hazelcast (nothing listens but HTTP) and no phone-home;
#   - every interface unless OPENPLEB_HTTP_ADDRESS names one; OPENPLEB_LOG_FORMAT=json for JSON lines.
# Extra arguments go to Payara Micro. PAYARA_HOME (default /opt/payara) lets .ci/run exercise this
# script against ear/target/dist/ without a Docker engine.
set -eu
umask 077

PAYARA_HOME=${PAYARA_HOME:-/opt/payara}
cd "$PAYARA_HOME"

fail() {
  echo "openpleb-entrypoint: $*" >&2
  exit 78
}

whole_number() { # name value
  case $2 in
    '' | *[!0-9]*) fail "$1 must be a whole number, was '$2'" ;;
  esac
}

for name in OPENPLEB_MASTER_SEED DB_PASSWORD; do
  eval "file=\${${name}_FILE:-} value=\${${name}:-}"
  if [ -n "$file" ] && [ -z "$value" ]; then
    [ -r "$file" ] || fail "${name}_FILE points at $file, which cannot be read"
    eval "$name=\$(cat \"\$file\")"
    export "${name?}"
  fi
done

if [ -n "${DATABASE_POOL_SIZE:-}" ]; then
  whole_number DATABASE_POOL_SIZE "$DATABASE_POOL_SIZE"
  [ "$DATABASE_POOL_SIZE" -ge 1 ] || fail "DATABASE_POOL_SIZE must be at least 1"
fi
if [ -n "${DATABASE_POOL_MIN:-}" ]; then
  whole_number DATABASE_POOL_MIN "$DATABASE_POOL_MIN"
  if [ "$DATABASE_POOL_MIN" -gt "${DATABASE_POOL_SIZE:-10}" ]; then
    fail "DATABASE_POOL_MIN ($DATABASE_POOL_MIN) must not exceed DATABASE_POOL_SIZE (${DATABASE_POOL_SIZE:-10})"
  fi
fi
idle_seconds=""
if [ -n "${DATABASE_POOL_IDLE_TIMEOUT:-}" ]; then
  whole_number DATABASE_POOL_IDLE_TIMEOUT "$DATABASE_POOL_IDLE_TIMEOUT"
  idle_seconds=$(((DATABASE_POOL_IDLE_TIMEOUT + 999) / 1000))
fi

if [ -z "${DB_DATASOURCE_CLASS:-}" ] && [ -n "${DB_URL:-}" ]; then
  case $DB_URL in
    jdbc:postgresql:*) DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource ;;
    jdbc:h2:*) DB_DATASOURCE_CLASS=org.h2.jdbcx.JdbcDataSource ;;
    *) fail "DB_URL is neither jdbc:postgresql: nor jdbc:h2:; set DB_DATASOURCE_CLASS" ;;
  esac
  export DB_DATASOURCE_CLASS
fi

# Every interface: in a container the published port is the boundary (bin/run binds loopback).
OPENPLEB_HTTP_ADDRESS=${OPENPLEB_HTTP_ADDRESS:-0.0.0.0}
export OPENPLEB_HTTP_ADDRESS
# The port the application names in its ready line: Payara's --port if given, else 8080.
http_port=8080
previous=""
for arg in "$@"; do
  [ "$previous" = --port ] && http_port=$arg
  previous=$arg
done

# The log: Payara's bundled logging.properties with the EJB container's per-bean JNDI listing
# quieted (about 40 INFO lines), and for OPENPLEB_LOG_FORMAT=json Payara's JSON formatter (one
# object per line; a request's correlation id shows in its ThreadName as " cid=<id>").
case ${OPENPLEB_LOG_FORMAT:-text} in
  text | TEXT) formatter="" ;;
  json | JSON) formatter=fish.payara.enterprise.server.logging.JSONLogFormatter ;;
  *) fail "OPENPLEB_LOG_FORMAT must be text or json, was '$OPENPLEB_LOG_FORMAT'" ;;
esac
logging=${TMPDIR:-/tmp}/openpleb-logging-$$.properties
if unzip -p payara-micro.jar MICRO-INF/domain/logging.properties >"$logging" 2>/dev/null && [ -s "$logging" ]; then
  printf '\n%s\n' 'jakarta.enterprise.ejb.container.level=WARNING' >>"$logging"
  if [ -n "$formatter" ]; then
    sed -i "s|^java.util.logging.ConsoleHandler.formatter=.*|java.util.logging.ConsoleHandler.formatter=$formatter|" "$logging"
  fi
  set -- --logproperties "$logging" "$@"
elif [ -n "$formatter" ]; then
  fail "cannot read Payara's logging.properties from payara-micro.jar (unzip missing?) for the JSON log"
fi

# Same JVM defaults as the base image's own entrypoint; JVM_ARGS (image convention) and JAVA_OPTS
# (config/profiles/*.env) add to them.
# shellcheck disable=SC2086  # JVM_ARGS and JAVA_OPTS are option lists by design
exec java -XX:MaxRAMPercentage="${MEM_MAX_RAM_PERCENTAGE:-70.0}" -Xss"${MEM_XSS:-512k}" \
  -XX:+UseContainerSupport ${JVM_ARGS:-} ${JAVA_OPTS:-} \
  ${idle_seconds:+-Dopenpleb.pool.idle-timeout-seconds=$idle_seconds} \
  "-Dopenpleb.http.port=$http_port" \
  '-Dopenpleb.db.password-reference=${ENV=DB_PASSWORD:openpleb}' \
  -jar payara-micro.jar \
  --nohazelcast \
  --disablephonehome \
  --addlibs lib/postgresql.jar \
  --prebootcommandfile config/pre-boot-commands.asadmin \
  --postbootcommandfile config/post-boot-commands.asadmin \
  --deploy deployments/ROOT.war --contextroot / \
  "$@"
