# Defaults for every process; sourced by the scripts. Override any of them in the environment.
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
export PYTHONPATH="$(pwd)${PYTHONPATH:+:$PYTHONPATH}"
export RASA_PORT=${RASA_PORT:-5005}
export ACTIONS_PORT=${ACTIONS_PORT:-5055}
export WEB_PORT=${WEB_PORT:-8080}
export ACTION_ENDPOINT_URL=${ACTION_ENDPOINT_URL:-http://127.0.0.1:${ACTIONS_PORT}/webhook}
export SANIC_HOST=${SANIC_HOST:-127.0.0.1}
export CATALOG_DB_URL=${CATALOG_DB_URL:-sqlite:///$(pwd)/var/catalog.db}
export TRACKER_DB_URL=${TRACKER_DB_URL:-sqlite:///$(pwd)/var/tracker.db}
