"""Rasa's SQL tracker store, configured by one URL: `TRACKER_DB_URL`.

Rasa's own SQL store takes dialect/host/port/db separately; operators think in URLs
(`postgresql://leerroute@localhost/leerroute`, `sqlite:///var/tracker.db`). Default: a SQLite
file in var/, so a restart of Rasa keeps every conversation.

The same table and rows as Rasa's store, read and written with less work per message (our load
profile, deploy/BENCHMARK.md, found about a fifth of Rasa's CPU time in the tracker store):
* the two queries (the events of the latest session, and their number) are fixed SQL texts, not
  ORM queries that SQLAlchemy rebuilds and keys for its cache on every call;
* new events go in with one executemany insert instead of the ORM's unit of work;
* a SQLite file keeps its connections open (SQLAlchemy 1.4 opens and closes one per use).
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import create_engine, event, orm, pool, text
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
        if dialect == "sqlite" and url.database:
            # Connections stay open (Rasa uses the store from its one event-loop thread). WAL and
            # synchronous=NORMAL: a commit no longer waits for two fsyncs, which held up Rasa's
            # event loop on every message (deploy/BENCHMARK.md); a crash of Rasa loses nothing,
            # a power cut at most the last commits.
            self.engine.dispose()
            self.engine = create_engine(
                self.engine.url, poolclass=pool.QueuePool, pool_size=2, connect_args={"check_same_thread": False}
            )
            event.listen(self.engine, "connect", _sqlite_pragmas)
            self.sessionmaker = orm.session.sessionmaker(bind=self.engine)
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        sql = ALLE_EVENTS if fetch_events_from_all_sessions else EVENTS_LAATSTE_SESSIE
        with self.session_scope() as session:
            rijen = session.execute(sql, {"s": sender_id, "start": SessionStarted.type_name}).scalars().all()
        if not self.domain or not rijen:
            return None
        return DialogueStateTracker.from_dict(sender_id, [json.loads(r) for r in rijen], self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        with self.session_scope() as session:
            opgeslagen = session.execute(
                AANTAL_LAATSTE_SESSIE, {"s": tracker.sender_id, "start": SessionStarted.type_name}
            ).scalar_one()
            rijen = list(_rijen(tracker, opgeslagen))
            if rijen:
                session.execute(self.SQLEvent.__table__.insert(), rijen)
            session.commit()


# Rasa's `_event_query`: the events since the latest SessionStarted (all, when there is none), by id.
_LAATSTE_START = "(SELECT max(timestamp) FROM events WHERE sender_id = :s AND type_name = :start)"
_IN_LAATSTE_SESSIE = f"sender_id = :s AND (timestamp >= {_LAATSTE_START} OR {_LAATSTE_START} IS NULL)"
EVENTS_LAATSTE_SESSIE = text(f"SELECT data FROM events WHERE {_IN_LAATSTE_SESSIE} ORDER BY id")
AANTAL_LAATSTE_SESSIE = text(f"SELECT count(*) FROM events WHERE {_IN_LAATSTE_SESSIE}")
ALLE_EVENTS = text("SELECT data FROM events WHERE sender_id = :s ORDER BY id")


def _rijen(tracker: DialogueStateTracker, opgeslagen: int) -> Iterator[dict[str, Any]]:
    """Rows for the tracker's events after the first `opgeslagen` of its latest session, as Rasa
    writes them."""
    for e in itertools.islice(tracker.events, opgeslagen, None):
        data = e.as_dict()
        yield {
            "sender_id": tracker.sender_id,
            "type_name": e.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
