"""Leerroute's custom actions (rasa-sdk). They read the catalog through `actions.catalogus` and
store demand records and call-backs with `gedeeld.opslag`, each in a session of its own
(`catalog_db.db.session_scope`); they import `catalog_db` and `gedeeld`, never the console."""

from catalog_db.antwoorden import lemmatizer

# spaCy's lookup tables load in 2-3 s. Loaded here, when the action server starts, not during
# someone's answer: that stalled every conversation in flight (deploy/BENCHMARK.md).
lemmatizer()
