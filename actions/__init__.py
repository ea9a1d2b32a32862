"""Leerroute's custom actions (rasa-sdk). They call catalog_db; they never open a session themselves."""

from catalog_db.antwoorden import lemmatizer

# spaCy's lookup tables load in 2-3 s. Loaded here, when the action server starts, not during
# someone's answer: that stalled every conversation in flight (deploy/BENCHMARK.md).
lemmatizer()
