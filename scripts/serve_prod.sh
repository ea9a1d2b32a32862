#!/usr/bin/env bash
# The production profile on one machine (`make run-prod`): two Rasa workers and two action
# servers behind nginx, PostgreSQL for the tracker store and the catalog, Redis for the lock
# store, the web app behind nginx. Only nginx's front listens beyond localhost.
#
# Every process runs under a small supervisor that restarts it when it stops (a crashed worker
# comes back while the other one serves). `touch $PROD_DIR/hold/NAME` keeps NAME down after it
# stops (maintenance, fault drills); remove the file and it starts again. Ctrl-C (or SIGTERM)
# stops everything. Settings come from the environment; secrets only from there:
#   RASA_TOKEN (required), CATALOG_DB_URL, TRACKER_DB_URL, REDIS_URL, FRONT_PORT, ...
# (README.md, "Production profile").
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${RASA_TOKEN:-}" ] || { echo "RASA_TOKEN is not set: the production profile needs a token for Rasa's HTTP API" >&2; exit 2; }
export FRONT_PORT=${FRONT_PORT:-8080} WEB_PORT=${WEB_PORT:-8081}
export RASA_PORT=${RASA_PORT:-5005} ACTIONS_PORT=${ACTIONS_PORT:-5055}
export RASA_WORKER_PORTS=${RASA_WORKER_PORTS:-"5006 5007"} ACTIONS_WORKER_PORTS=${ACTIONS_WORKER_PORTS:-"5056 5057"}
export CATALOG_DB_URL=${CATALOG_DB_URL:-postgresql+psycopg2://postgres@127.0.0.1:5432/leerroute}
export TRACKER_DB_URL=${TRACKER_DB_URL:-postgresql://postgres@127.0.0.1:5432/leerroute_tracker}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/1}
. scripts/env.sh
export ACTION_ENDPOINT_URL="http://127.0.0.1:$ACTIONS_PORT/webhook"
# The action servers answer only Rasa: a secret of this start (endpoints.prod.yml, python -m actions).
export ACTIESERVER_SLEUTEL=${ACTIESERVER_SLEUTEL:-$(.venv-app/bin/python -c "import secrets; print(secrets.token_urlsafe(32))")}
# One TensorFlow thread per pool in each worker: with as many workers as cores, TensorFlow's own
# thread pools would only compete (and spin) for the same cores (deploy/BENCHMARK.md).
export TF_INTRA_OP_PARALLELISM_THREADS=${TF_INTRA_OP_PARALLELISM_THREADS:-1}
export TF_INTER_OP_PARALLELISM_THREADS=${TF_INTER_OP_PARALLELISM_THREADS:-1}
# nginx and the web app both limit per client address (the app reads it from nginx's X-Real-IP).
export WEB_BERICHTEN_PER_MINUUT=${WEB_BERICHTEN_PER_MINUUT:-30} WEB_BERICHTEN_PER_MINUUT_NGINX=${WEB_BERICHTEN_PER_MINUUT:-30}

model=${MODEL:-$(ls -1t models/leerroute-*.tar.gz 2>/dev/null | head -n 1 || true)}
[ -n "$model" ] || { echo "no trained model in models/: run 'make train'" >&2; exit 1; }
# Load only a model we built ourselves, unchanged since (CVE-2024-49375: a crafted model runs code).
sha256sum -c --status "$model.sha256" || { echo "checksum of $model does not match $model.sha256: refusing to load it" >&2; exit 1; }
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "nginx is not installed: 'make nginx' (Debian's package)" >&2; exit 1; }

PROD_DIR=$(mkdir -p "${PROD_DIR:-var/prod}" && cd "${PROD_DIR:-var/prod}" && pwd)
LOG_DIR=$(mkdir -p "${LOG_DIR:-var/log/prod}" && cd "${LOG_DIR:-var/log/prod}" && pwd)
export PROD_DIR LOG_DIR NGINX_DIR="$PROD_DIR/nginx"
run="$PROD_DIR/run" hold="$PROD_DIR/hold"
mkdir -p "$run" "$hold" "$NGINX_DIR/tmp"
rm -f "$run"/*.pid "$run/stopping"

# Databases: create when missing, migrate and seed the catalog (idempotent); Redis must answer.
.venv-app/bin/python scripts/pg_databases.py "$CATALOG_DB_URL" "$TRACKER_DB_URL"
.venv-app/bin/python -m catalog_db seed >>"$LOG_DIR/seed.log" 2>&1 || { tail -n 5 "$LOG_DIR/seed.log" >&2; exit 1; }
.venv-rasa/bin/python -c 'import os, redis; redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=3).ping()' 2>/dev/null \
  || { echo "Redis does not answer at REDIS_URL (host/port of the lock store)" >&2; exit 1; }
deploy/nginx.conf.sh >"$NGINX_DIR/nginx.conf"
"$nginx" -t -q -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e stderr

supervisors=()
stop() {
  trap - INT TERM EXIT
  touch "$run/stopping"
  for pid in "${supervisors[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

bewaak() {  # NAME COMMAND...: run COMMAND (log in $LOG_DIR/NAME.log), restart it when it stops
  local naam=$1; shift
  (
    kind=""
    trap '[ -n "$kind" ] && kill -TERM "$kind" 2>/dev/null; wait 2>/dev/null; exit 0' INT TERM
    while :; do
      while [ -e "$hold/$naam" ]; do sleep 0.5; done
      [ -e "$run/stopping" ] && exit 0
      "$@" >>"$LOG_DIR/$naam.log" 2>&1 &
      kind=$!
      echo "$kind" >"$run/$naam.pid"
      status=0; wait "$kind" || status=$?
      [ -e "$run/stopping" ] && exit 0
      echo "$(date -Is) $naam stopped (status $status); restarting" >>"$LOG_DIR/$naam.log"
      sleep 2
    done
  ) &
  supervisors+=($!)
}

logconf=deploy/logging.yml
bewaak nginx deploy/nginx-run.sh "$LOG_DIR/nginx-error.log" "$nginx" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e stderr
i=0
for port in $ACTIONS_WORKER_PORTS; do
  i=$((i + 1))
  SANIC_HOST=127.0.0.1 bewaak "actions$i" .venv-app/bin/python -m actions --actions actions -p "$port" --logging-config_file "$logconf"  # (sic: rasa_sdk's spelling)
done
i=0
for port in $RASA_WORKER_PORTS; do
  i=$((i + 1))
  [ "$i" -gt 1 ] && sleep 5  # the first worker creates the tracker table on a new database
  bewaak "rasa$i" .venv-rasa/bin/python -m bot.worker -i 127.0.0.1 -p "$port" --model "$model" \
    --endpoints "${ENDPOINTS:-endpoints.prod.yml}" --credentials "${CREDENTIALS:-credentials.yml}" --logging-config-file "$logconf"
done
RASA_URL="http://127.0.0.1:$RASA_PORT" bewaak web .venv-app/bin/python -c \
  'import runpy, privacy.logfilter as f; f.installeer(); runpy.run_module("web", run_name="__main__")'

wait_for() {  # name url seconds
  for _ in $(seq 1 "$3"); do
    if curl -fsS -o /dev/null "$2" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "$1 did not answer at $2 within $3 s; see $LOG_DIR/" >&2; tail -n 20 "$LOG_DIR"/*.log >&2; exit 1
}
wait_for nginx "http://127.0.0.1:$FRONT_PORT/nginx-health" 30
for port in $ACTIONS_WORKER_PORTS; do wait_for "action server :$port" "http://127.0.0.1:$port/health" 90; done
wait_for "web app" "http://127.0.0.1:$WEB_PORT/health" 60
for port in $RASA_WORKER_PORTS; do wait_for "Rasa worker :$port" "http://127.0.0.1:$port/" "${RASA_START_S:-420}"; done
echo "Leerroute (production profile) is up:"
echo "  public front (nginx)   http://localhost:$FRONT_PORT/   (chat page; /webhooks/ rate-limited)"
echo "  Rasa workers           127.0.0.1:${RASA_WORKER_PORTS// /, 127.0.0.1:} behind 127.0.0.1:$RASA_PORT (REST channel, HTTP API with token)"
echo "  action servers         127.0.0.1:${ACTIONS_WORKER_PORTS// /, 127.0.0.1:} behind 127.0.0.1:$ACTIONS_PORT"
echo "  logs                   $LOG_DIR/"
echo "Stop with Ctrl-C."
[ "${SERVE_READY_FILE:-}" ] && touch "$SERVE_READY_FILE"
wait
