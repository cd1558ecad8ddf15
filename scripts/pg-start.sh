#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 and a free port, trust auth, for the
# tests. Prints "DATADIR PORT". Stop it with pg-stop.sh DATADIR.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/initdb" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null
fi
PGPORT=${PGPORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}
PGDATA=$(mktemp -d /tmp/senim-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then
  # initdb and postgres refuse to run as root.
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  chown postgres: "$PGDATA"
  AS=(runuser -u postgres --)
else
  AS=()
fi
"${AS[@]}" "$PGBIN/initdb" -D "$PGDATA/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDATA/initdb.log"
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA/data" -l "$PGDATA/server.log" -w -t 30 \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDATA -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
echo "$PGDATA $PGPORT"
