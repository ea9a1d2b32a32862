#!/usr/bin/env bash
# Hash of everything a trained model depends on: config, domain, training data (incl. the
# generated vocabulary), the Rasa lock file and the spaCy build script.
set -euo pipefail
cd "$(dirname "$0")/.."
find config.yml domain data requirements/rasa.lock scripts/build_spacy_nl.py -type f \( -name '*.yml' -o -name '*.lock' -o -name '*.py' \) -print0 \
  | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
