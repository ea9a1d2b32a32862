#!/usr/bin/env bash
# Hash of everything a trained model depends on: config, domain, training data (incl. the
# generated vocabulary), the Rasa lock file, the spaCy build script and our own components.
set -euo pipefail
cd "$(dirname "$0")/.."
find config.yml domain data requirements/rasa.lock scripts/build_spacy_nl.py bot/components -type f \( -name '*.yml' -o -name '*.lock' -o -name '*.py' \) -print0 \
  | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
