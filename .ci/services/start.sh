#!/usr/bin/env bash
# Starts the services the scale-out integration tests need (tests/Hadath.Scale.Tests): a throw-away PostgreSQL cluster
# and a NATS server with JetStream, both on loopback ports, with their data in one temporary folder.
# Usage: eval "$(bash .ci/services/start.sh)"   — prints the export lines (HADATH_TEST_PG, HADATH_TEST_NATS,
# HADATH_SERVICES_DIR) on standard output; stop everything with `bash .ci/services/stop.sh "$HADATH_SERVICES_DIR"`.
# Environment: PG_PORT (default 55432), NATS_PORT (default 54222).
set -euo pipefail
PG_PORT="${PG_PORT:-55432}"
NATS_PORT="${NATS_PORT:-54222}"
if ! command -v nats-server >/dev/null 2>&1; then
  if ! dpkg -s nats-server >/dev/null 2>&1; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >&2
  fi
fi
NATS_BIN="$(command -v nats-server || echo /usr/sbin/nats-server)"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "start.sh: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin" >&2
  exit 1
fi
DIR="$(mktemp -d /tmp/hadath-services.XXXXXX)"
chmod 755 "$DIR"
mkdir -p "$DIR/pg" "$DIR/nats"
# PostgreSQL refuses to run as root: the cluster belongs to the unprivileged 'postgres' user when we are root.
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$DIR/pg" postgres
  chown postgres "$DIR/pg"
  RUN_AS=(runuser -u postgres --)
fi
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DIR/pg/data" -U hadath --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/pg-initdb.log" 2>&1
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/server.log" -w -t 60 \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $DIR/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
  start >&2
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U hadath hadath >&2
# NATS with JetStream, loopback only, its store in the temp folder.
"$NATS_BIN" -js -a 127.0.0.1 -p "$NATS_PORT" -sd "$DIR/nats" >"$DIR/nats.log" 2>&1 &
echo $! >"$DIR/nats.pid"
for _ in $(seq 1 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$NATS_PORT") 2>/dev/null; then break; fi
  sleep 0.1
done
echo "export HADATH_SERVICES_DIR='$DIR'"
echo "export HADATH_TEST_PG='postgres://hadath@127.0.0.1:$PG_PORT/hadath'"
echo "export HADATH_TEST_NATS='nats://127.0.0.1:$NATS_PORT'"
