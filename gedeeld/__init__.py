"""What the action server (`actions/`) and the coach console (`coach/`) both use, so neither has
to import the other: contact validation (`contact`), demand records and call-back requests
(`opslag`), the intake's slots and which questions apply to a person (`intakevragen`), and the
client's real address behind a proxy (`adres`, for the web app and the console).

A package of its own rather than modules in `catalog_db/`: these are rules of the conversation
and of the people in it, not of the catalog. It sits directly above `catalog_db` (whose database
holds the demand and call-back tables, `catalog_db.coach_tabellen`) and imports nothing else of
ours, and no rasa_sdk or spaCy: the web process loads it for one rule without the NLU stack."""
