# shellcheck shell=bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for bin/test and .ci/run (sourced, not run).
#   throwaway_pg_start   finds or installs the binaries (Debian's postgresql; installing needs
#                        root), starts a fresh cluster (port 55432 or the next free one, or
#                        OPENPLEB_TEST_PGPORT), creates user and database "openpleb" and exports
#                        DB_DATASOURCE_CLASS, DB_URL, DB_USER, DB_PASSWORD
#   throwaway_pg_stop    stops it and deletes its files (safe to call twice)
# Needs a die function from the caller.

_pg_port_in_use() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

_pg_find_bin() {
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z $dir ]] && command -v initdb >/dev/null; then
    dir=$(dirname "$(readlink -f "$(command -v initdb)")")
  fi
  [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl && -x $dir/psql ]] && printf '%s\n' "$dir"
}

_pg_as_owner() {
  if [[ $(id -u) == 0 ]]; then
    # initdb refuses to run as root; the cluster belongs to the postgres system user.
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

throwaway_pg_start() {
  PGBIN=$(_pg_find_bin || true)
  if [[ -z $PGBIN ]]; then
    [[ $(id -u) == 0 ]] || die "PostgreSQL is not installed and installing it needs root: run as root, or apt-get install postgresql"
    echo "installing Debian's postgresql package (apt-get update first)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    PGBIN=$(_pg_find_bin || true)
    [[ -n $PGBIN ]] || die "postgresql installed, but initdb/pg_ctl/psql were not found"
  fi

  if [[ -n ${OPENPLEB_TEST_PGPORT:-} ]]; then
    PGPORT=$OPENPLEB_TEST_PGPORT
    ! _pg_port_in_use "$PGPORT" || die "port $PGPORT (OPENPLEB_TEST_PGPORT) is in use"
  else
    PGPORT=55432
    while _pg_port_in_use "$PGPORT"; do
      PGPORT=$((PGPORT + 1))
      ((PGPORT < 55532)) || die "no free port in 55432-55531"
    done
  fi

  PGROOT=$(mktemp -d "${TMPDIR:-/tmp}/openpleb-pg.XXXXXX")
  if [[ $(id -u) == 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no postgres system user"
    chown postgres:postgres "$PGROOT"
  fi
  _pg_as_owner "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust --no-sync -E UTF8 --locale=C >/dev/null
  _pg_as_owner "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/postgres.log" -w -t 60 \
    -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$PGROOT/postgres.log" >&2; die "PostgreSQL did not start"; }
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres \
    -c "CREATE ROLE openpleb LOGIN PASSWORD 'openpleb'" -c "CREATE DATABASE openpleb OWNER openpleb"
  export DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource
  export DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/openpleb
  export DB_USER=openpleb
  export DB_PASSWORD=openpleb
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT, database openpleb (in $PGROOT)"
}

throwaway_pg_stop() {
  [[ -n ${PGROOT:-} && -d $PGROOT ]] || return 0
  if [[ -f $PGROOT/data/postmaster.pid ]]; then
    _pg_as_owner "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGROOT"
  PGROOT=""
}
