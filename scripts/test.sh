#!/usr/bin/env bash
# Runs every test: the SQLite half and, on a throwaway PostgreSQL cluster started here and
# stopped after, the PostgreSQL half. Fails when PostgreSQL cannot start.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${SENIM_TEST_PG_URL:-}" ]; then
  exec cargo test --workspace --locked "$@"
fi
read -r PGDIR PGPORT < <(bash scripts/pg-start.sh) || { echo "PostgreSQL could not start" >&2; exit 1; }
[ -n "${PGDIR:-}" ] && [ -n "${PGPORT:-}" ] || { echo "PostgreSQL could not start" >&2; exit 1; }
trap 'bash scripts/pg-stop.sh "$PGDIR"' EXIT
export SENIM_TEST_PG_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
echo "PostgreSQL 15 on 127.0.0.1:$PGPORT for the tests"
cargo test --workspace --locked "$@"
