#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: started as the postgres user, listening only on a
# Unix socket in a fresh temporary folder, stopped and removed when the command ends, whatever happens.
# The command finds the server in SALON_TEST_PG (a libpq keyword string).
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "with-postgres: PostgreSQL server not installed (installer/install-deps.sh)" >&2; exit 1; }

dir=$(mktemp -d /tmp/salon-pg-XXXXXX)
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"

# The server listens only on a socket in our private folder, so any port is free there; a random one
# keeps the socket's name distinct from a system cluster's in log lines.
port=$((20000 + RANDOM % 40000))

cleanup() {
  as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
  -o "-p $port -k $dir -c listen_addresses='' -c fsync=off -c max_connections=200" start >/dev/null

export SALON_TEST_PG="host=$dir port=$port user=postgres dbname=postgres"
echo "with-postgres: throwaway cluster on $dir port $port"
"$@"
