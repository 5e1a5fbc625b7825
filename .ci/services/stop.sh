#!/usr/bin/env bash
# Stops what start.sh started (argument: the folder it printed as HADATH_SERVICES_DIR) and removes its data.
set -uo pipefail
DIR="${1:-${HADATH_SERVICES_DIR:-}}"
[ -n "$DIR" ] && [ -d "$DIR" ] || exit 0
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -f "$DIR/pg/data/postmaster.pid" ]; then
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null 2>&1
  else "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null 2>&1; fi
fi
if [ -f "$DIR/nats.pid" ]; then
  pid="$(cat "$DIR/nats.pid")"
  kill "$pid" 2>/dev/null && for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
fi
rm -rf "$DIR"
