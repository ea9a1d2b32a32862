"""bot.stores.tracker_store.UrlSQLTrackerStore against Rasa's own SQLTrackerStore, on SQLite and
on PostgreSQL: the same rows, and each reads what the other wrote (the latest session, all
sessions, saving in steps without writing an event twice); and the tracker kept in memory
between messages (issue 17)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core import events as ev
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine.url import make_url

from bot.stores.tracker_store import UrlSQLTrackerStore

PG_URL = "TRACKER_PG_URL"  # set by tests/test_rasa_omgeving.py: an empty database of this run


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def tracker_db(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """TRACKER_DB_URL (read by UrlSQLTrackerStore) for one test: a new SQLite file, or the
    PostgreSQL database the app side made."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'tracker.db'}"
    else:
        url = os.environ.get(PG_URL, "")
        if not url:
            pytest.skip(f"{PG_URL} not set: tests/test_rasa_omgeving.py passes a PostgreSQL database")
    monkeypatch.setenv("TRACKER_DB_URL", url)
    yield url


def rasa_store(domain: Domain, url: str) -> SQLTrackerStore:
    u = make_url(url)
    return SQLTrackerStore(domain, dialect=u.get_backend_name(), host=u.host, port=u.port, db=u.database, username=u.username)


def sessie(t0: float, regio: str) -> list[ev.Event]:
    return [ev.ActionExecuted("action_session_start", timestamp=t0), ev.SessionStarted(timestamp=t0 + 1),
            ev.ActionExecuted("action_listen", timestamp=t0 + 2),
            ev.UserUttered("ik woon in emmen", {"name": "geef_regio", "confidence": 0.9}, [], timestamp=t0 + 3),
            ev.SlotSet("regio", regio, timestamp=t0 + 4), ev.BotUttered("Dank je.", {"buttons": []}, timestamp=t0 + 5),
            ev.ActionExecuted("action_listen", timestamp=t0 + 6)]  # fmt: skip


def als_dicts(tracker: DialogueStateTracker | None) -> list[dict[str, Any]] | None:
    return [e.as_dict() for e in tracker.events] if tracker else None


def test_zelfde_rijen_als_rasa(tracker_db: str) -> None:
    domain = Domain.load("domain")
    ons = UrlSQLTrackerStore(domain)
    rasa = rasa_store(domain, tracker_db)

    async def main() -> None:
        for schrijver, lezer in ((ons, rasa), (rasa, ons), (ons, ons)):
            # as Rasa uses a store: save a tracker, read it back (the latest session), add events, save
            sender = f"t-{id(schrijver)}-{id(lezer)}"
            eerste, tweede = sessie(1000.0, "drenthe"), sessie(2000.0, "twente")
            await schrijver.save(DialogueStateTracker.from_events(sender, eerste[:4], domain.slots))
            tracker = await lezer.retrieve(sender)
            assert als_dicts(tracker) == [e.as_dict() for e in eerste[1:4]], als_dicts(tracker)
            for e in eerste[4:]:
                tracker.update(e)
            await schrijver.save(tracker)
            tracker = await lezer.retrieve(sender)
            assert als_dicts(tracker) == [e.as_dict() for e in eerste[1:]]
            assert tracker.get_slot("regio") == "drenthe"
            for e in tweede:  # a new session starts
                tracker.update(e)
            await lezer.save(tracker)
            laatste = await schrijver.retrieve(sender)
            assert als_dicts(laatste) == [e.as_dict() for e in tweede[1:]], als_dicts(laatste)
            assert laatste.get_slot("regio") == "twente"
            for store in (ons, rasa):  # every event once, in order
                alles = await store.retrieve_full_tracker(sender)
                assert als_dicts(alles) == [e.as_dict() for e in eerste + tweede]
        for store in (ons, rasa):
            assert await store.retrieve("bestaat-niet") is None
        with ons.engine.connect() as c:
            rijen = c.exec_driver_sql("SELECT sender_id, type_name, intent_name, action_name FROM events ORDER BY id").fetchall()
        assert (f"t-{id(ons)}-{id(rasa)}", "user", "geef_regio", None) in [tuple(r) for r in rijen], rijen
        assert any(r[1] == "action" and r[3] == "action_listen" for r in rijen)

    asyncio.run(main())


def test_tracker_in_geheugen_alleen_zolang_de_database_hetzelfde_heeft(tracker_db: str) -> None:
    """The tracker kept in memory between messages (issue 17): used only while the database holds
    exactly its events; another writer, an erasure, a message that failed before its save, idle
    time and the memory bound all make the store read the database again."""
    domain = Domain.load("domain")
    ons = UrlSQLTrackerStore(domain)
    ander = UrlSQLTrackerStore(domain)  # another Rasa worker on the same database
    rasa = rasa_store(domain, tracker_db)
    start = [ev.ActionExecuted("action_session_start", timestamp=1.0), ev.SessionStarted(timestamp=2.0),
             ev.ActionExecuted("action_listen", timestamp=3.0)]  # fmt: skip

    def beurt(t: DialogueStateTracker, tekst: str, ts: float) -> None:
        for e in (ev.UserUttered(tekst, {"name": "inform", "confidence": 1.0}, [], timestamp=ts), ev.SlotSet("regio", tekst, timestamp=ts + 0.1),
                  ev.ActionExecuted("action_listen", timestamp=ts + 0.2)):  # fmt: skip
            t.update(e)

    async def main() -> None:
        t = DialogueStateTracker.from_events("g", start, domain.slots)
        await ons.save(t)  # starts before its SessionStarted: not kept
        assert await ons.retrieve("g") is not t
        t = await ons.retrieve("g")
        await ons.save(t)
        assert await ons.retrieve("g") is t  # unchanged: the one in memory
        beurt(t, "drenthe", 10.0)
        await ons.save(t)
        assert await ons.retrieve("g") is t
        beurt(t, "twente", 20.0)  # a message that failed before its save
        opnieuw = await ons.retrieve("g")
        assert opnieuw is not t and als_dicts(opnieuw) == als_dicts(t)[:-3] and opnieuw.get_slot("regio") == "drenthe"
        await ons.save(opnieuw)
        t2 = await ander.retrieve("g")  # the other worker
        beurt(t2, "groningen", 30.0)
        await ander.save(t2)
        na = await ons.retrieve("g")
        assert na is not opnieuw and na.get_slot("regio") == "groningen" and als_dicts(na) == als_dicts(await rasa.retrieve("g"))
        await ons.save(na)
        with ons.engine.begin() as c:  # erased (privacy), then a new start
            c.exec_driver_sql("DELETE FROM events WHERE sender_id = 'g'")
        assert await ons.retrieve("g") is None
        await ons.save(DialogueStateTracker.from_events("g", start, domain.slots))
        nieuw = await ons.retrieve("g")
        await ons.save(nieuw)
        assert await ons.retrieve("g") is nieuw and nieuw.get_slot("regio") is None
        ons.geheugen.max_idle_s = 0.0  # idle too long: not kept
        assert await ons.retrieve("g") is not nieuw
        ons.geheugen.max_idle_s, ons.geheugen.max_gesprekken = 600.0, 2
        ts = [DialogueStateTracker.from_events(f"m{i}", start[1:], domain.slots) for i in range(3)]
        for x in ts:
            await ons.save(x)
        assert await ons.retrieve("m0") is not ts[0] and await ons.retrieve("m2") is ts[2]
        s = DialogueStateTracker.from_events("sessie", start[1:], domain.slots)
        beurt(s, "a", 5.0)
        for e in (  # a new session within the tracker
            ev.ActionExecuted("action_session_start", timestamp=100.0),
            ev.SessionStarted(timestamp=101.0),
            ev.ActionExecuted("action_listen", timestamp=102.0),
        ):
            s.update(e)
        await ons.save(s)
        gelezen = await ons.retrieve("sessie")
        assert gelezen is not s and als_dicts(gelezen) == als_dicts(await rasa.retrieve("sessie"))

    asyncio.run(main())
