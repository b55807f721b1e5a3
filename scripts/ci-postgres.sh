#!/usr/bin/env bash
# A throwaway PostgreSQL for the store's tests, on loopback only.
#
#   ACCORDING_TEST_PG_URL="$(bash scripts/ci-postgres.sh | tail -n 1)"
#
# Installs Debian's postgresql with apt-get when no server binaries are found,
# creates a cluster in $ACCORDING_PG_DATA (default /tmp/according-pg) owned by
# the postgres user (initdb refuses root), starts it on 127.0.0.1:$ACCORDING_PG_PORT
# (default 55432, away from a system cluster's 5432) with trust authentication
# (loopback only: a test server, never a real one), (re)creates the role
# `according` and the database `according_test`, and prints the URL last.
# Re-running reuses our running server and gives a fresh database; a port held by
# any other server is never touched (the next free port is used). Needs no stdin.
set -euo pipefail

PORT="${ACCORDING_PG_PORT:-55432}"
DATA="${ACCORDING_PG_DATA:-/tmp/according-pg}"
DB="${ACCORDING_PG_DB:-according_test}"
ROLE=according

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  echo "ci-postgres: installing postgresql with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null >&2
  apt-get install -y -qq --no-install-recommends postgresql </dev/null >&2
  BIN="$(find_bin)"
fi

as_pg() {
  if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/sh postgres
  fi
  if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
  else su -s /bin/sh postgres -c "$(printf '%q ' "$@")"; fi
}

SUPER=postgres
[ "$(id -u)" -ne 0 ] && SUPER="$(id -un)"

ours_running() {  # our cluster is up, on the port recorded in its postmaster.pid
  [ -f "$DATA/postmaster.pid" ] && [ "$(sed -n 4p "$DATA/postmaster.pid" 2>/dev/null)" = "$PORT" ] \
    && "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" </dev/null
}
port_busy() {
  "$BIN/pg_isready" -q -h 127.0.0.1 -p "$1" </dev/null; [ $? -ne 2 ]  # 2: nothing answers
}

if [ -f "$DATA/postmaster.pid" ] && "$BIN/pg_isready" -q -h 127.0.0.1 -p "$(sed -n 4p "$DATA/postmaster.pid")" </dev/null; then
  PORT="$(sed -n 4p "$DATA/postmaster.pid")"  # our server from an earlier run: reuse it
fi
if ! ours_running; then
  # Never touch a server that is not ours: move to the next free port.
  tries=0
  while port_busy "$PORT"; do
    PORT=$((PORT + 1)); tries=$((tries + 1))
    [ "$tries" -gt 20 ] && { echo "ci-postgres: no free port near $PORT" >&2; exit 1; }
  done
  mkdir -p "$DATA"
  [ "$(id -u)" -eq 0 ] && { id postgres >/dev/null 2>&1 || as_pg true; chown postgres: "$DATA"; }
  chmod 700 "$DATA"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_pg "$BIN/initdb" -D "$DATA" -U "$SUPER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 </dev/null >&2 \
      || as_pg "$BIN/initdb" -D "$DATA" -U "$SUPER" --auth=trust --encoding=UTF8 --locale=C </dev/null >&2
  fi
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DATA -c fsync=off" start </dev/null >&2
fi

psql_super() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$SUPER" -d postgres "$@" </dev/null; }
psql_super -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN CREATE ROLE $ROLE LOGIN; END IF; END \$\$;" >&2
psql_super -c "DROP DATABASE IF EXISTS $DB WITH (FORCE);" >&2
psql_super -c "CREATE DATABASE $DB OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0;" >&2

echo "postgresql://$ROLE@127.0.0.1:$PORT/$DB"
