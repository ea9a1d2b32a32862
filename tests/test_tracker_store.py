"""bot.stores.tracker_store.UrlSQLTrackerStore against Rasa's own SQLTrackerStore, in Rasa's
environment, on SQLite and on PostgreSQL: the same rows, and each reads what the other wrote
(the latest session, all sessions, saving in steps without writing an event twice)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import pg_database

ROOT = Path(__file__).resolve().parent.parent
CONTROLE = """
import asyncio, os, sys
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core import events as ev
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine.url import make_url
from bot.stores.tracker_store import UrlSQLTrackerStore

domain = Domain.load("domain")
url = make_url(os.environ["TRACKER_DB_URL"])
ons = UrlSQLTrackerStore(domain)
rasa = SQLTrackerStore(domain, dialect=url.get_backend_name(), host=url.host, port=url.port, db=url.database, username=url.username)

def sessie(t0, regio):
    return [ev.ActionExecuted("action_session_start", timestamp=t0), ev.SessionStarted(timestamp=t0 + 1),
            ev.ActionExecuted("action_listen", timestamp=t0 + 2),
            ev.UserUttered("ik woon in emmen", {"name": "geef_regio", "confidence": 0.9}, [], timestamp=t0 + 3),
            ev.SlotSet("regio", regio, timestamp=t0 + 4), ev.BotUttered("Dank je.", {"buttons": []}, timestamp=t0 + 5),
            ev.ActionExecuted("action_listen", timestamp=t0 + 6)]

def als_dicts(tracker):
    return [e.as_dict() for e in tracker.events] if tracker else None

async def main():
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
        for e in tweede:                                   # a new session starts
            tracker.update(e)
        await lezer.save(tracker)
        laatste = await schrijver.retrieve(sender)
        assert als_dicts(laatste) == [e.as_dict() for e in tweede[1:]], als_dicts(laatste)
        assert laatste.get_slot("regio") == "twente"
        for store in (ons, rasa):                          # every event once, in order
            alles = await store.retrieve_full_tracker(sender)
            assert als_dicts(alles) == [e.as_dict() for e in eerste + tweede]
    for store in (ons, rasa):
        assert await store.retrieve("bestaat-niet") is None
    with ons.engine.connect() as c:
        rijen = c.exec_driver_sql("SELECT sender_id, type_name, intent_name, action_name FROM events ORDER BY id").fetchall()
    assert ("t-%d-%d" % (id(ons), id(rasa)), "user", "geef_regio", None) in [tuple(r) for r in rijen], rijen
    assert any(r[1] == "action" and r[3] == "action_listen" for r in rijen)

asyncio.run(main())
print("ok")
"""


# The tracker kept in memory between messages (issue 17): used only while the database holds
# exactly its events; another writer, an erasure, a message that failed before its save, idle
# time and the memory bound all make the store read the database again.
GEHEUGEN = """
import asyncio, os
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core import events as ev
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine.url import make_url
from bot.stores.tracker_store import UrlSQLTrackerStore

domain = Domain.load("domain")
url = make_url(os.environ["TRACKER_DB_URL"])
ons = UrlSQLTrackerStore(domain)
ander = UrlSQLTrackerStore(domain)  # another Rasa worker on the same database
rasa = SQLTrackerStore(domain, dialect=url.get_backend_name(), host=url.host, port=url.port, db=url.database, username=url.username)
start = [ev.ActionExecuted("action_session_start", timestamp=1.0), ev.SessionStarted(timestamp=2.0), ev.ActionExecuted("action_listen", timestamp=3.0)]
def beurt(t, tekst, ts):
    for e in (ev.UserUttered(tekst, {"name": "inform", "confidence": 1.0}, [], timestamp=ts), ev.SlotSet("regio", tekst, timestamp=ts + 0.1),
              ev.ActionExecuted("action_listen", timestamp=ts + 0.2)):
        t.update(e)
def dicts(t):
    return [e.as_dict() for e in t.events] if t else None

async def main():
    t = DialogueStateTracker.from_events("g", start, domain.slots)
    await ons.save(t)                                        # starts before its SessionStarted: not kept
    assert await ons.retrieve("g") is not t
    t = await ons.retrieve("g")
    await ons.save(t)
    assert await ons.retrieve("g") is t                      # unchanged: the one in memory
    beurt(t, "drenthe", 10.0); await ons.save(t)
    assert await ons.retrieve("g") is t
    beurt(t, "twente", 20.0)                                 # a message that failed before its save
    opnieuw = await ons.retrieve("g")
    assert opnieuw is not t and dicts(opnieuw) == dicts(t)[:-3] and opnieuw.get_slot("regio") == "drenthe"
    await ons.save(opnieuw)
    t2 = await ander.retrieve("g"); beurt(t2, "groningen", 30.0); await ander.save(t2)   # the other worker
    na = await ons.retrieve("g")
    assert na is not opnieuw and na.get_slot("regio") == "groningen" and dicts(na) == dicts(await rasa.retrieve("g"))
    await ons.save(na)
    with ons.engine.begin() as c:                            # erased (privacy), then a new start
        c.exec_driver_sql("DELETE FROM events WHERE sender_id = 'g'")
    assert await ons.retrieve("g") is None
    await ons.save(DialogueStateTracker.from_events("g", start, domain.slots))
    nieuw = await ons.retrieve("g"); await ons.save(nieuw)
    assert await ons.retrieve("g") is nieuw and nieuw.get_slot("regio") is None
    ons.geheugen.max_idle_s = 0.0                            # idle too long: not kept
    assert await ons.retrieve("g") is not nieuw
    ons.geheugen.max_idle_s, ons.geheugen.max_gesprekken = 600.0, 2
    ts = [DialogueStateTracker.from_events(f"m{i}", start[1:], domain.slots) for i in range(3)]
    for x in ts:
        await ons.save(x)
    assert await ons.retrieve("m0") is not ts[0] and await ons.retrieve("m2") is ts[2]
    s = DialogueStateTracker.from_events("sessie", start[1:], domain.slots); beurt(s, "a", 5.0)
    for e in (ev.ActionExecuted("action_session_start", timestamp=100.0), ev.SessionStarted(timestamp=101.0),
              ev.ActionExecuted("action_listen", timestamp=102.0)):   # a new session within the tracker
        s.update(e)
    await ons.save(s)
    gelezen = await ons.retrieve("sessie")
    assert gelezen is not s and dicts(gelezen) == dicts(await rasa.retrieve("sessie"))

asyncio.run(main())
print("ok")
"""


def _controleer(url: str, programma: str = CONTROLE) -> None:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TRACKER_DB_URL": url}
    uit = subprocess.run([str(ROOT / ".venv-rasa" / "bin" / "python"), "-c", programma], cwd=ROOT, capture_output=True, text=True,
                         env=env, timeout=300)  # fmt: skip
    assert uit.stdout.strip().endswith("ok"), uit.stderr[-3000:]


def test_zelfde_rijen_als_rasa_op_sqlite(tmp_path: Path) -> None:
    _controleer(f"sqlite:///{tmp_path / 'tracker.db'}")


def test_tracker_in_geheugen_alleen_zolang_de_database_hetzelfde_heeft(tmp_path: Path) -> None:
    _controleer(f"sqlite:///{tmp_path / 'tracker.db'}", GEHEUGEN)


@pytest.fixture
def pg_tracker_db() -> Iterator[str]:
    with pg_database("leerroute_tracker") as url:
        yield url.replace("+psycopg2", "")


@pytest.mark.postgres
def test_zelfde_rijen_als_rasa_op_postgresql(pg_tracker_db: str) -> None:
    _controleer(pg_tracker_db)
    _controleer(pg_tracker_db, GEHEUGEN)
