#!/usr/bin/env bash
# Train the model only when config, domain or data changed (content hash); write a checksum
# beside it. Prints the model path on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
mkdir -p models
if [ ! -f models/spacy_nl/meta.json ] || [ scripts/build_spacy_nl.py -nt models/spacy_nl/meta.json ]; then
  .venv-rasa/bin/python scripts/build_spacy_nl.py models/spacy_nl >&2
fi
.venv-app/bin/python -m catalog_db nlu data/nlu/generated_vocabulaire.yml
hash=$(scripts/model_hash.sh)
model="models/leerroute-$hash.tar.gz"
if [ -f "$model" ] && [ -f "$model.sha256" ] && sha256sum -c --status "$model.sha256"; then
  echo "$model"; exit 0
fi
echo "==> training model $hash (config, domain or data changed)" >&2
start=$(date +%s)
.venv-rasa/bin/rasa train --domain domain --fixed-model-name "leerroute-$hash" --out models --num-threads 2 >&2
sha256sum "$model" > "$model.sha256"
echo "==> trained in $(( $(date +%s) - start )) s" >&2
# keep the three newest models
ls -1t models/leerroute-*.tar.gz | tail -n +4 | while read -r old; do rm -f "$old" "$old.sha256"; done
echo "$model"
