"""Privacy (AVG/GDPR) for Rasa's SQL tracker store: erase one conversation, a retention job, and a
data export. Rasa OSS has no delete endpoint and its SQL store only appends, so this is SQL on
the `events` table (SQLite and PostgreSQL), run from the app environment."""
