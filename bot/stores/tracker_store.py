"""Rasa's SQL tracker store, configured by one URL: `TRACKER_DB_URL`.

Rasa's own SQL store takes dialect/host/port/db separately; operators think in URLs
(`postgresql://leerroute@localhost/leerroute`, `sqlite:///var/tracker.db`). Default: a SQLite
file in var/, so a restart of Rasa keeps every conversation.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy import event
from sqlalchemy.engine.url import make_url

DEFAULT_URL = f"sqlite:///{Path(__file__).resolve().parents[2] / 'var' / 'tracker.db'}"


def tracker_db_url() -> str:
    return os.environ.get("TRACKER_DB_URL") or DEFAULT_URL


class UrlSQLTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Domain | None = None, event_broker: EventBroker | None = None, **kwargs: Any) -> None:
        url = make_url(tracker_db_url())
        dialect = url.get_backend_name()
        if dialect == "sqlite" and url.database:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        for key in ("host", "url", "dialect", "port", "db", "username", "password", "login_db", "query"):
            kwargs.pop(key, None)
        super().__init__(
            domain=domain,
            dialect=dialect,
            host=url.host,
            port=url.port,
            db=url.database or "rasa",
            username=url.username,
            password=url.password,
            event_broker=event_broker,
            query=dict(url.query) or None,
            **kwargs,
        )
        if dialect == "sqlite":
            # WAL and synchronous=NORMAL: a commit no longer waits for two fsyncs, which held up
            # Rasa's event loop on every message (deploy/BENCHMARK.md); a crash of Rasa loses
            # nothing, a power cut at most the last commits.
            event.listen(self.engine, "connect", _sqlite_pragmas)
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
