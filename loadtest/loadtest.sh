#!/usr/bin/env bash
# make loadtest: a bounded load test on loopback against PostgreSQL with the national dataset.
#
#   1. a scratch database (LOADTEST_DB, default partssamarbeid_load) on the local PostgreSQL,
#      migrated, with the synthetic national dataset (357 municipalities x 10 years by default;
#      kept between runs and reused when identical, LOADTEST_FRESH=1 starts from scratch);
#   2. load-test advisers with a password generated for this run (nothing stored in the repo);
#   3. collectstatic, then gunicorn with DEBUG=0 on 127.0.0.1 and a free port;
#   4. loadtest/run.py: 100 users log in and browse for 60 s; it prints the results and one JSON
#      line, and fails on any error or a p95 of 500 ms or more;
#   5. gunicorn is always stopped (trap), whatever happens.
#
# Settings (environment): LOADTEST_DB, LOADTEST_PG_URL (server, default
# postgres://postgres@127.0.0.1:5432), LOADTEST_MUNICIPALITIES (357), LOADTEST_YEARS (10),
# LOADTEST_SEED (1), LOADTEST_USERS (100), LOADTEST_DURATION (60), LOADTEST_WORKERS (2 x cores),
# LOADTEST_FRESH (0), LOADTEST_DROP (0: keep the database for the next run), LOADTEST_ARGS (more
# options for loadtest/run.py, e.g. "--exclude national" to see the other pages on their own).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
PG_URL=${LOADTEST_PG_URL:-postgres://postgres@127.0.0.1:5432}
DB=${LOADTEST_DB:-partssamarbeid_load}
MUNICIPALITIES=${LOADTEST_MUNICIPALITIES:-357}
YEARS=${LOADTEST_YEARS:-10}
SEED=${LOADTEST_SEED:-1}
USERS=${LOADTEST_USERS:-100}
DURATION=${LOADTEST_DURATION:-60}
WORKERS=${LOADTEST_WORKERS:-$((2 * $(nproc)))}

case "$DB" in
  *load*|*scratch*|*test*) ;;
  *) echo "LOADTEST_DB must name a scratch database (containing 'load', 'scratch' or 'test'): $DB" >&2; exit 2 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/partssamarbeid-loadtest.XXXXXX")
gunicorn_pid=""
cleanup() {
  if [ -n "$gunicorn_pid" ] && kill -0 "$gunicorn_pid" 2>/dev/null; then
    kill -TERM "$gunicorn_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$gunicorn_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$gunicorn_pid" 2>/dev/null || true
  fi
  if [ "${LOADTEST_DROP:-0}" = 1 ]; then
    psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT INT TERM

random_token() { "$PY" -c 'import secrets; print(secrets.token_urlsafe(32))'; }

# production-like settings on plain HTTP loopback (no TLS here, so no redirect to HTTPS)
export DATABASE_URL="$PG_URL/$DB"
export DEBUG=0
export SECRET_KEY="loadtest-$(random_token)"
export ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=0
export LOADTEST_PASSWORD="$(random_token)"
export LOG_LEVEL=WARNING

echo "== database $DB"
if [ "${LOADTEST_FRESH:-0}" = 1 ]; then
  psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null
fi
if ! psql "$PG_URL/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  psql "$PG_URL/postgres" -qc "CREATE DATABASE \"$DB\"" >/dev/null
fi
"$PY" manage.py migrate --noinput -v0
echo "== synthetic dataset: $MUNICIPALITIES municipalities x $YEARS years (seed $SEED)"
"$PY" manage.py generate_synthetic --municipalities "$MUNICIPALITIES" --years "$YEARS" --seed "$SEED" \
  --skip-if-present --clear
"$PY" manage.py loadtest_setup --users 5 --targets "$work/targets.json"
"$PY" manage.py collectstatic --noinput -v0

port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "== gunicorn: $WORKERS workers on 127.0.0.1:$port (logs in $work)"
"$PY" -m gunicorn partssamarbeid.wsgi:application --bind "127.0.0.1:$port" --workers "$WORKERS" \
  --timeout 60 --access-logfile "$work/access.log" --error-logfile "$work/gunicorn.log" &
gunicorn_pid=$!
for _ in $(seq 1 60); do
  if "$PY" -c "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=2).status == 200 else 1)" 2>/dev/null; then
    break
  fi
  kill -0 "$gunicorn_pid" 2>/dev/null || { echo "gunicorn did not start:" >&2; tail -20 "$work/gunicorn.log" >&2; exit 2; }
  sleep 0.5
done

echo "== load: $USERS users for $DURATION s"
status=0
"$PY" loadtest/run.py --base-url "http://127.0.0.1:$port" --targets "$work/targets.json" \
  --users "$USERS" --duration "$DURATION" ${LOADTEST_ARGS:-} || status=$?
echo "gunicorn logs: $work/gunicorn.log, $work/access.log"
exit $status
