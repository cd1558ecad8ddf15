#!/usr/bin/env bash
# Stops the cluster pg-start.sh started and removes its directory.
set -u
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=$1
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); else AS=(); fi
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA/data" -m fast stop >/dev/null 2>&1 || true
rm -rf "$PGDATA"
