# Defaults for every process; sourced by the scripts. Override any of them in the environment.
export RASA_TELEMETRY_ENABLED=false
# Python warnings: every warning shows, except these known ones from other people's code, each
# silenced for its module only (PYTHONWARNINGS: action::category:module, comma-separated; a filter
# for a module a process never imports does nothing). All are in Rasa's environment, at start:
# * rasa.core.tracker_store: Rasa 3.6 pins SQLAlchemy 1.4 and uses its 1.x API (declarative_base,
#   URL()); our tracker store builds on it. SQLALCHEMY_SILENCE_UBER_WARNING is SQLAlchemy's own
#   switch for its one "not compatible with 2.0" notice, wherever in Rasa it first fires.
# * rasa.shared.utils.validation, pkg_resources: Rasa imports pkg_resources, which then declares
#   the mpl_toolkits and ruamel namespaces the old way.
# * typer, typer.completion, spacy.cli._util: Click names what changes in Click 9.
# * tensorflow.lite.python.util: TensorFlow imports JAX's deprecated xla_computation.
# Sanic puts every DeprecationWarning back on when imported: bot.waarschuwingen puts these back in
# front in the Rasa worker. Not filtered: packaging 20.9 (Rasa's pin) on pyparsing 3.3 warns as a
# UserWarning too, and Rasa's own "once" filter for those comes later; pyparsing<3.3 would end it.
export SQLALCHEMY_SILENCE_UBER_WARNING=1
bekende_waarschuwingen=(
  rasa.core.tracker_store rasa.shared.utils.validation pkg_resources typer typer.completion spacy.cli._util
  tensorflow.lite.python.util
)
if [ -z "${PYTHONWARNINGS+x}" ]; then
  PYTHONWARNINGS=$(printf 'ignore::DeprecationWarning:%s,' "${bekende_waarschuwingen[@]}")
  export PYTHONWARNINGS=${PYTHONWARNINGS%,}
fi
unset bekende_waarschuwingen
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
export PYTHONPATH="$(pwd)${PYTHONPATH:+:$PYTHONPATH}"
export RASA_PORT=${RASA_PORT:-5005}
export ACTIONS_PORT=${ACTIONS_PORT:-5055}
export WEB_PORT=${WEB_PORT:-8080}
export ACTION_ENDPOINT_URL=${ACTION_ENDPOINT_URL:-http://127.0.0.1:${ACTIONS_PORT}/webhook}
export SANIC_HOST=${SANIC_HOST:-127.0.0.1}
export CATALOG_DB_URL=${CATALOG_DB_URL:-sqlite:///$(pwd)/var/catalog.db}
# TRACKER_DB_URL: unset means var/tracker.db, a default of the code (privacy/tracker_db.py, and in
# Rasa's environment bot/stores/tracker_store.py; tests/test_een_plek.py checks they agree).
