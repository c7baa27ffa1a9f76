#!/usr/bin/env bash
# Stops what start.sh started from the same state folder and removes it.
set -uo pipefail
state=$(realpath -m "${1:?usage: stop.sh <state-dir>}")
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ -d "$state/postgres" ] && run_pg "$pg_bin/pg_ctl" -D "$state/postgres" -m immediate stop >/dev/null 2>&1
[ -f "$state/s3.pid" ] && kill "$(cat "$state/s3.pid")" 2>/dev/null
[ -f "$state/cognito.pid" ] && kill "$(cat "$state/cognito.pid")" 2>/dev/null
rm -rf "$state"
