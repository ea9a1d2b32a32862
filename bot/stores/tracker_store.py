"""Rasa's SQL tracker store, configured by one URL: `TRACKER_DB_URL`.

Rasa's own SQL store takes dialect/host/port/db separately; operators think in URLs
(`postgresql://leerroute@localhost/leerroute`, `sqlite:///var/tracker.db`). Default: a SQLite
file in var/, so a restart of Rasa keeps every conversation.

The same table and rows as Rasa's store, read and written with less work per message (our load
profile, deploy/BENCHMARK.md, found about a fifth of Rasa's CPU time in the tracker store):
* the two queries (the events of the latest session, and their number) are fixed SQL texts, not
  ORM queries that SQLAlchemy rebuilds and keys for its cache on every call;
* new events go in with one executemany insert instead of the ORM's unit of work;
* a SQLite file keeps its connections open (SQLAlchemy 1.4 opens and closes one per use);
* the tracker of a conversation stays in memory between its messages (`TrackerGeheugen`), so a
  message no longer reads and replays every event of the conversation: one small query checks
  that the database still holds exactly what the tracker in memory holds (issue 17, flat cost).
  Every event is still written to the database as before; another worker's message, an erasure or
  a failed message makes the check fail and the tracker is read again from the database.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker, TrackerEventDiffEngine
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import create_engine, event, orm, pool, text
from sqlalchemy.engine.url import make_url

DEFAULT_URL = f"sqlite:///{Path(__file__).resolve().parents[2] / 'var' / 'tracker.db'}"


def tracker_db_url() -> str:
    return os.environ.get("TRACKER_DB_URL") or DEFAULT_URL


@dataclass
class _Bewaard:
    tracker: DialogueStateTracker
    aantal_events: int  # len(tracker.events) when saved: more means changed and not saved
    in_sessie: int  # rows of its latest session in the database when saved
    laatste_tijd: float | None  # the latest timestamp of those rows
    gebruikt: float  # time.monotonic() of the last use


class TrackerGeheugen:
    """The trackers of recent conversations, kept between messages. Only as long as needed: at
    most `max_gesprekken`, and none idle for longer than `max_idle_s` (personal data stays in
    memory no longer than a conversation is active)."""

    def __init__(self, max_gesprekken: int = 500, max_idle_s: float = 600.0) -> None:
        self.max_gesprekken = max_gesprekken
        self.max_idle_s = max_idle_s
        self._trackers: OrderedDict[str, _Bewaard] = OrderedDict()

    def _ruim_op(self, nu: float) -> None:
        while self._trackers:
            oudste = next(iter(self._trackers.values()))
            if len(self._trackers) <= self.max_gesprekken and nu - oudste.gebruikt <= self.max_idle_s:
                break
            self._trackers.popitem(last=False)

    def bewaar(self, tracker: DialogueStateTracker, in_sessie: int, laatste_tijd: float | None) -> None:
        nu = time.monotonic()
        self._trackers[tracker.sender_id] = _Bewaard(tracker, len(tracker.events), in_sessie, laatste_tijd, nu)
        self._trackers.move_to_end(tracker.sender_id)
        self._ruim_op(nu)

    def kandidaat(self, sender_id: str) -> _Bewaard | None:
        """The tracker kept for this conversation, if it was not changed since it was saved."""
        self._ruim_op(time.monotonic())
        bewaard = self._trackers.get(sender_id)
        if bewaard is None or len(bewaard.tracker.events) != bewaard.aantal_events:
            self._trackers.pop(sender_id, None)
            return None
        return bewaard

    def gebruik(self, bewaard: _Bewaard) -> DialogueStateTracker:
        bewaard.gebruikt = time.monotonic()
        self._trackers.move_to_end(bewaard.tracker.sender_id)
        return bewaard.tracker

    def vergeet(self, sender_id: str) -> None:
        self._trackers.pop(sender_id, None)


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
        self.geheugen = TrackerGeheugen(
            max_gesprekken=int(os.environ.get("TRACKER_GEHEUGEN_GESPREKKEN", "500")),
            max_idle_s=float(os.environ.get("TRACKER_GEHEUGEN_IDLE_S", "600")),
        )

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session's tracker: the one in memory when the database holds exactly its
        events (same number of rows in the session, same last timestamp), else read anew."""
        bewaard = self.geheugen.kandidaat(sender_id)
        if bewaard is not None:
            with self.session_scope() as session:
                aantal, laatste = session.execute(STAND_LAATSTE_SESSIE, {"s": sender_id, "start": SessionStarted.type_name}).one()
            if aantal == bewaard.in_sessie and laatste == bewaard.laatste_tijd:
                return self.geheugen.gebruik(bewaard)
            self.geheugen.vergeet(sender_id)
        return await self._retrieve(sender_id, fetch_events_from_all_sessions=False)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        sql = ALLE_EVENTS if fetch_events_from_all_sessions else EVENTS_LAATSTE_SESSIE
        with self.session_scope() as session:
            rijen = session.execute(sql, {"s": sender_id, "start": SessionStarted.type_name}).scalars().all()
        if not self.domain or not rijen:
            return None
        return DialogueStateTracker.from_dict(sender_id, [json.loads(r) for r in rijen], self.domain.slots)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """As Rasa's, but the old state comes from the database: the tracker in memory may be the
        very object being saved."""
        if self.event_broker is None:
            return
        oud = await self._retrieve(tracker.sender_id, fetch_events_from_all_sessions=False)
        nieuw = list(tracker.events) if oud is None else TrackerEventDiffEngine.event_difference(oud, tracker)
        await self._stream_new_events(self.event_broker, nieuw, tracker.sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        self.geheugen.vergeet(tracker.sender_id)  # kept again only once the rows are in
        with self.session_scope() as session:
            opgeslagen = session.execute(
                AANTAL_LAATSTE_SESSIE, {"s": tracker.sender_id, "start": SessionStarted.type_name}
            ).scalar_one()
            rijen = list(_rijen(tracker, opgeslagen))
            if rijen:
                session.execute(self.SQLEvent.__table__.insert(), rijen)
            stand = session.execute(STAND_LAATSTE_SESSIE, {"s": tracker.sender_id, "start": SessionStarted.type_name}).one()
            session.commit()
        if _een_sessie(tracker):
            self.geheugen.bewaar(tracker, stand[0], stand[1])


# Rasa's `_event_query`: the events since the latest SessionStarted (all, when there is none), by id.
_LAATSTE_START = "(SELECT max(timestamp) FROM events WHERE sender_id = :s AND type_name = :start)"
_IN_LAATSTE_SESSIE = f"sender_id = :s AND (timestamp >= {_LAATSTE_START} OR {_LAATSTE_START} IS NULL)"
EVENTS_LAATSTE_SESSIE = text(f"SELECT data FROM events WHERE {_IN_LAATSTE_SESSIE} ORDER BY id")
AANTAL_LAATSTE_SESSIE = text(f"SELECT count(*) FROM events WHERE {_IN_LAATSTE_SESSIE}")
STAND_LAATSTE_SESSIE = text(f"SELECT count(*), max(timestamp) FROM events WHERE {_IN_LAATSTE_SESSIE}")
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


def _een_sessie(tracker: DialogueStateTracker) -> bool:
    """Is the tracker what a read of its latest session from the database gives (which starts at
    its SessionStarted)? Kept in memory only then, so the tracker from memory is that one."""
    return not any(isinstance(e, SessionStarted) for e in itertools.islice(tracker.events, 1, None))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
