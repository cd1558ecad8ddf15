#!/usr/bin/env bash
# Runs every test: the SQLite half and, on a throwaway PostgreSQL cluster started here and
# stopped after, the PostgreSQL half. Fails when PostgreSQL cannot start. Ends with one line
# that sums up every test binary: "tests: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-tools.sh
if [ -z "${SENIM_TEST_PG_URL:-}" ]; then
  read -r PGDIR PGPORT < <(bash scripts/pg-start.sh) || { echo "PostgreSQL could not start" >&2; exit 1; }
  [ -n "${PGDIR:-}" ] && [ -n "${PGPORT:-}" ] || { echo "PostgreSQL could not start" >&2; exit 1; }
  trap 'bash scripts/pg-stop.sh "$PGDIR"' EXIT
  export SENIM_TEST_PG_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
  echo "PostgreSQL 15 on 127.0.0.1:$PGPORT for the tests"
fi
log=$(mktemp)
status=0
cargo test --workspace --all-targets --locked "$@" 2>&1 | tee "$log" || status=$?
# A test binary that crashed prints no result line: count it as a failure.
awk -v status="$status" '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { if (status != 0 && f == 0) f = 1; printf "tests: %d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
