#!/usr/bin/env bash
# Start a throwaway PostgreSQL server (Debian's packages) for the tests marked `postgres`.
# Source it: it exports CROSSCHECK_TEST_POSTGRES and stops the server when the shell exits.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGPORT=${PGPORT:-54329}
PGDATA=$(mktemp -d /tmp/crosscheck-pg.XXXXXX)
chown postgres "$PGDATA"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
export CROSSCHECK_TEST_POSTGRES="postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres"
trap 'runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null; rm -rf "$PGDATA"' EXIT
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
