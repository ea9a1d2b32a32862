#!/usr/bin/env bash
# Start the action server and Rasa (and the web app when present) on localhost, wait until
# they answer, and stay in the foreground; Ctrl-C (or SIGTERM) stops them all cleanly.
# Ports and databases come from the environment (scripts/env.sh has the defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
model=${MODEL:-$(ls -1t models/leerroute-*.tar.gz 2>/dev/null | head -n 1 || true)}
[ -n "$model" ] || { echo "no trained model in models/: run 'make train'" >&2; exit 1; }
# Load only a model we built ourselves, unchanged since (CVE-2024-49375: a crafted model runs code).
sha256sum -c --status "$model.sha256" || { echo "checksum of $model does not match $model.sha256: refusing to load it" >&2; exit 1; }
# The Rasa HTTP API always needs a token (design.md): RASA_TOKEN, or one generated on the first
# start and kept in var/rasa_token (mode 0600). It goes to Rasa through the environment only.
if [ -z "${RASA_TOKEN:-}" ]; then
  mkdir -p var
  if [ ! -s var/rasa_token ]; then
    (umask 077; .venv-app/bin/python -c "import secrets; print(secrets.token_urlsafe(32))" > var/rasa_token)
  fi
  chmod 600 var/rasa_token
  RASA_TOKEN=$(cat var/rasa_token)
fi
export RASA_TOKEN
# The action server answers only Rasa: a secret of this start, sent by Rasa (endpoints.yml) and
# checked by `python -m actions` (issue 16).
export ACTIESERVER_SLEUTEL=${ACTIESERVER_SLEUTEL:-$(.venv-app/bin/python -c "import secrets; print(secrets.token_urlsafe(32))")}
logdir=${LOG_DIR:-var/log}
mkdir -p "$logdir"
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# ZONDER_ACTIESERVER=1 runs Rasa and the web page without the action server: a fault drill
# (every message must still get an answer, see bot/channels/rest.py).
if [ "${ZONDER_ACTIESERVER:-0}" != 1 ]; then
  .venv-app/bin/python -m actions --actions actions -p "$ACTIONS_PORT" --logging-config_file deploy/logging.yml \
    >>"$logdir/actions.log" 2>&1 &
  pids+=($!)
fi
# `rasa run --enable-api` with the token from RASA_TOKEN (when set) and redacted logs (bot/worker.py).
.venv-rasa/bin/python -m bot.worker -i 127.0.0.1 -p "$RASA_PORT" --model "$model" \
  --endpoints "${ENDPOINTS:-endpoints.yml}" --credentials "${CREDENTIALS:-credentials.yml}" \
  --logging-config-file deploy/logging.yml >>"$logdir/rasa.log" 2>&1 &
pids+=($!)

wait_for() {  # name url seconds
  for _ in $(seq 1 "$3"); do
    if curl -fsS -o /dev/null "$2" 2>/dev/null; then return 0; fi
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "$1 stopped; see $logdir/" >&2; tail -n 20 "$logdir"/*.log >&2; exit 1; }; done
    sleep 1
  done
  echo "$1 did not answer at $2 within $3 s; see $logdir/" >&2; exit 1
}
RASA_URL="http://127.0.0.1:$RASA_PORT" .venv-app/bin/python -m web >>"$logdir/web.log" 2>&1 &
pids+=($!)

[ "${ZONDER_ACTIESERVER:-0}" = 1 ] || wait_for "action server" "http://127.0.0.1:$ACTIONS_PORT/health" 60
wait_for "web app" "http://127.0.0.1:$WEB_PORT/health" 60
wait_for "Rasa" "http://127.0.0.1:$RASA_PORT/" 180
echo "Leerroute is up:"
echo "  chat page          http://localhost:$WEB_PORT/"
echo "  Rasa REST channel  http://127.0.0.1:$RASA_PORT/webhooks/rest/webhook"
echo "  action server      http://127.0.0.1:$ACTIONS_PORT (localhost only)"
echo "  logs               $logdir/"
echo "Stop with Ctrl-C."
[ "${SERVE_READY_FILE:-}" ] && touch "$SERVE_READY_FILE"
wait -n "${pids[@]}"
echo "a server stopped; stopping the others" >&2
