#!/usr/bin/env bash
# Starts the real local services the test suite talks to, each on a free loopback port, under
# one state folder, and writes `env.sh` there with the variables the tests read:
#   SDC_TEST_POSTGRES     Npgsql connection string of a throwaway PostgreSQL cluster (superuser)
#   SDC_TEST_S3_ENDPOINT  http URL of an s3rver instance (access key S3RVER / secret S3RVER)
#   SDC_TEST_COGNITO_ENDPOINT  http URL of a cognito-local instance (Cognito's JSON API; tokens
#                         issued as {endpoint}/{poolId}, JWKS at {endpoint}/{poolId}/.well-known/jwks.json)
# Usage: tests/services/start.sh <state-dir>     (stop with tests/services/stop.sh <state-dir>)
# Idempotent: services already running from the same state folder are reused.
set -euo pipefail
state=$(realpath -m "${1:?usage: start.sh <state-dir>}")
here=$(cd "$(dirname "$0")" && pwd)
tools="$here/../tools"
mkdir -p "$state"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

# PostgreSQL refuses to run as root; the cluster belongs to the 'postgres' system user when we are root.
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_dir="$state/postgres"
if [ -f "$state/pg.port" ] && run_pg "$pg_bin/pg_ctl" -D "$pg_dir" status >/dev/null 2>&1; then
  pg_port=$(cat "$state/pg.port")
else
  rm -rf "$pg_dir"; mkdir -p "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir" && chmod 755 "$state"
  run_pg "$pg_bin/initdb" -D "$pg_dir" -U sdc --auth=trust -E UTF8 --no-locale >"$state/initdb.log" 2>&1
  pg_port=$(free_port)
  echo "$pg_port" > "$state/pg.port"
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
fi

s3_dir="$state/s3rver"
if [ -f "$state/s3.pid" ] && kill -0 "$(cat "$state/s3.pid")" 2>/dev/null; then
  s3_port=$(cat "$state/s3.port")
else
  mkdir -p "$s3_dir"
  s3_port=$(free_port)
  echo "$s3_port" > "$state/s3.port"
  nohup "$tools/node_modules/.bin/s3rver" --directory "$s3_dir" --address 127.0.0.1 --port "$s3_port" --silent \
    >"$state/s3rver.log" 2>&1 &
  echo $! > "$state/s3.pid"
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$s3_port") 2>/dev/null && break
    sleep 0.1
  done
fi

# cognito-local keeps its pools in ./.cognito of its working folder and reads its configuration
# there; the issuer domain must be the address it really listens on, or no token it signs would
# name an issuer a client can reach.
cognito_dir="$state/cognito"
if [ -f "$state/cognito.pid" ] && kill -0 "$(cat "$state/cognito.pid")" 2>/dev/null; then
  cognito_port=$(cat "$state/cognito.port")
else
  mkdir -p "$cognito_dir/.cognito"
  cognito_port=$(free_port)
  echo "$cognito_port" > "$state/cognito.port"
  printf '{"TokenConfig":{"IssuerDomain":"http://127.0.0.1:%s"}}\n' "$cognito_port" > "$cognito_dir/.cognito/config.json"
  (cd "$cognito_dir" && {
    HOST=127.0.0.1 PORT="$cognito_port" nohup "$tools/node_modules/.bin/cognito-local" >"$state/cognito-local.log" 2>&1 &
    echo $! > "$state/cognito.pid"
  })
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$cognito_port") 2>/dev/null && break
    sleep 0.1
  done
fi

cat > "$state/env.sh" <<ENV
export SDC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=sdc;Database=postgres;Pooling=true"
export SDC_TEST_S3_ENDPOINT="http://127.0.0.1:$s3_port"
export SDC_TEST_COGNITO_ENDPOINT="http://127.0.0.1:$cognito_port"
ENV
cat "$state/env.sh"
