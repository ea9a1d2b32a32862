"""Erasure that really erases on SQLite: deleted rows are overwritten (`secure_delete`), and the
write-ahead log, which still holds the old pages, is written back and emptied (a checkpoint).
Both do nothing on PostgreSQL (its dead rows go with VACUUM; autovacuum runs it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, text


def overschrijf_bij_wissen(conn: Any) -> None:
    """Deletes on this connection (a Connection or Session) overwrite the rows they remove."""
    dialect = conn.get_bind().dialect if hasattr(conn, "get_bind") else conn.dialect
    if dialect.name == "sqlite":
        conn.execute(text("PRAGMA secure_delete=ON"))


def leeg_wal(engine: Engine) -> None:
    """After an erasure: pages of the write-ahead log into the database file, the log emptied."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
