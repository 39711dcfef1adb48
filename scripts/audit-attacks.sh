#!/usr/bin/env bash
# Attacks on the audit log, each on a copy of a Postgres database, each followed by
# `daylight audit verify` and `daylight audit verify --against <saved checkpoints>`.
# Usage: scripts/audit-attacks.sh <database with audit rows and at least one checkpoint>
# (DAYLIGHT_DATA_DIR or DAYLIGHT_AUDIT_KEY must give the key the rows were written with.)
# The re-hash-with-the-old-function attack is in tests/audit/keyed-chain.test.ts.
set -u
SRC=${1:?database name}
PG="-h 127.0.0.1 -U postgres"
SAVED=$(mktemp)
psql $PG "$SRC" -qAt -c "select json_build_object('checkpoints', json_agg(json_build_object('at', to_char(at at time zone 'UTC','YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), 'headId', head_id, 'headHash', head_hash, 'rowCount', row_count, 'signature', mac))) from audit_checkpoints" >"$SAVED"
N=$(psql $PG "$SRC" -qAt -c "select max(id) from audit_log")
attack() {
  local name=$1 sql=$2 db="${SRC}_attack"
  echo "=== $name"
  dropdb $PG --if-exists "$db" 2>/dev/null
  createdb $PG -T "$SRC" "$db"
  psql $PG "$db" -q -c "alter table audit_log disable trigger user; alter table audit_checkpoints disable trigger user; $sql"
  DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" npx daylight audit verify; echo "exit $?"
  DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" npx daylight audit verify --against "$SAVED"; echo "exit $? (--against)"
  dropdb $PG "$db"
}
attack "change a row" "update audit_log set actor_label = 'someone else' where id = $((N - 1))"
attack "delete the newest rows" "delete from audit_log where id >= $((N - 1))"
attack "delete the newest rows, edit the checkpoint to match" "delete from audit_log where id >= $((N - 1)); update audit_checkpoints set row_count = row_count - 2, head_id = $((N - 2)), head_hash = (select hash from audit_log where id = $((N - 2)))"
attack "delete the newest rows and every checkpoint" "delete from audit_log where id >= $((N - 1)); delete from audit_checkpoints"
attack "delete a middle row" "delete from audit_log where id = 2"
rm -f "$SAVED"
