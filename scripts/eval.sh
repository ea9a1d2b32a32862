#!/usr/bin/env bash
# make eval: NLU on the held-out split (tests/nlu/test_nlu.yml, never trained on), 5-fold
# cross-validation, answer normalisation on the personas' answers, and the personas played as
# whole conversations against the running bot, and the blind set (answers, intents, personas).
# Prints one summary at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
model=$(scripts/train.sh | tail -n 1)
out=results
rm -rf "$out"; mkdir -p "$out"
echo "==> NLU on the held-out split"
.venv-rasa/bin/rasa test nlu --model "$model" --nlu tests/nlu/test_nlu.yml --out "$out/heldout" >"$out/heldout.log" 2>&1
if [ "${EVAL_CROSS_VALIDATION:-1}" = 1 ]; then
  echo "==> 5-fold cross-validation (trains 5 models; takes a while on 2 cores)"
  .venv-rasa/bin/rasa test nlu --nlu data/nlu --config config.yml --cross-validation --folds 5 --out "$out/cv" >"$out/cv.log" 2>&1
fi
echo "==> personas as whole conversations"
tmp=$(mktemp -d)
export RASA_PORT=15105 ACTIONS_PORT=15155 WEB_PORT=18180 ACTION_ENDPOINT_URL=http://127.0.0.1:15155/webhook
export CATALOG_DB_URL="sqlite:///$tmp/catalog.db" TRACKER_DB_URL="sqlite:///$tmp/tracker.db" LOG_DIR="$tmp/log"
export SERVE_READY_FILE="$tmp/ready" MODEL="$model"
unset RASA_TOKEN
.venv-app/bin/python -m catalog_db seed >/dev/null
scripts/serve.sh >/dev/null 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null; wait $serve 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 240); do [ -f "$tmp/ready" ] && break; sleep 1; done
BOT_URL=http://127.0.0.1:$RASA_PORT .venv-app/bin/python -m tests.persona_speler tests/personas/personas.json >"$out/personas.txt" || true
echo "==> the blind sets (tests/nlu/blind*/: written apart from data/, never trained on)"
# The bot asks the age only when it changes the money: the blind personas' expected age is
# checked only where it was asked (tests/nlu/blind_score.py zonder_leeftijd).
for set in blind blind2 blind3 blind4 blind5; do
  BOT_URL=http://127.0.0.1:$RASA_PORT .venv-app/bin/python -m tests.nlu.blind_score --set "tests/nlu/$set" >"$out/$set.txt" || true
  .venv-app/bin/python -m tests.nlu.blind_score --personas --set "tests/nlu/$set" >"$tmp/${set}_personas.json"
  BOT_URL=http://127.0.0.1:$RASA_PORT .venv-app/bin/python -m tests.persona_speler "$tmp/${set}_personas.json" >"$out/${set}_personas.txt" || true
done
.venv-app/bin/python scripts/eval_report.py "$out"
