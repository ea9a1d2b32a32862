"""Erasure and retention as SQL on a Rasa-shaped events table, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from privacy.tracker_db import exporteer_gesprek, pas_bewaartermijn_toe, wis_gesprek

SCHEMA = """CREATE TABLE events (id {id}, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) NOT NULL,
  timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"""


def vul(engine: Engine, id_type: str) -> None:
    nu = time.time()
    with engine.begin() as conn:
        conn.execute(text(SCHEMA.format(id=id_type)))
        for sender, leeftijd_dagen in (("oud", 120), ("oud", 95), ("nieuw", 1), ("half", 200), ("half", 2)):
            conn.execute(
                text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, :d)"),
                {"s": sender, "t": nu - leeftijd_dagen * 86_400, "d": json.dumps({"event": "user", "text": "x"})},
            )


def controleer(engine: Engine) -> None:
    assert pas_bewaartermijn_toe(engine, 90) == 2  # only "oud"; "half" is still active
    assert exporteer_gesprek(engine, "oud") == []
    assert len(exporteer_gesprek(engine, "half")) == 2
    assert wis_gesprek(engine, "nieuw") == 1
    assert exporteer_gesprek(engine, "nieuw") == []


def test_sqlite(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 't.db'}")
    vul(engine, "INTEGER PRIMARY KEY AUTOINCREMENT")
    controleer(engine)


@pytest.mark.postgres
def test_postgres(pg_engine: Engine) -> None:
    with pg_engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS events"))
    vul(pg_engine, "SERIAL PRIMARY KEY")
    try:
        controleer(pg_engine)
    finally:
        with pg_engine.begin() as conn:
            conn.execute(text("DROP TABLE events"))
