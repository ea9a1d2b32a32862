"""Erasure, retention and export on Rasa's `events` table (TRACKER_DB_URL)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text

from privacy.bewaartermijn import BEWAARTERMIJN_DAGEN
from privacy.sqlite import leeg_wal, overschrijf_bij_wissen

STANDAARD_URL = f"sqlite:///{Path(__file__).resolve().parent.parent / 'var' / 'tracker.db'}"


def tracker_engine(url: str | None = None) -> Engine:
    url = url or os.environ.get("TRACKER_DB_URL") or STANDAARD_URL
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg2://" + url[len("postgresql://") :]
    return create_engine(url)


def wis_gesprek(engine: Engine, sender_id: str) -> int:
    """Delete every stored event of one conversation (overwritten, out of the SQLite log too);
    returns how many rows went."""
    with engine.begin() as conn:
        overschrijf_bij_wissen(conn)
        weg = conn.execute(text("DELETE FROM events WHERE sender_id = :s"), {"s": sender_id}).rowcount
    leeg_wal(engine)
    return weg


def pas_bewaartermijn_toe(engine: Engine, dagen: int = BEWAARTERMIJN_DAGEN, nu: float | None = None) -> int:
    """Delete whole conversations whose last event is older than `dagen` days (never half a
    conversation: that would leave a tracker that cannot be replayed). Returns rows deleted."""
    grens = (nu if nu is not None else time.time()) - dagen * 86_400
    with engine.begin() as conn:
        overschrijf_bij_wissen(conn)
        weg = conn.execute(
            text(
                "DELETE FROM events WHERE sender_id IN (SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :g)"
            ),
            {"g": grens},
        ).rowcount
    leeg_wal(engine)
    return weg


def exporteer_gesprek(engine: Engine, sender_id: str) -> list[dict[str, Any]]:
    """All stored events of one conversation, oldest first (for a data-access request)."""
    with engine.connect() as conn:
        rijen = conn.execute(text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender_id})
        return [json.loads(r[0]) for r in rijen]
