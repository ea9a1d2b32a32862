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


def _controleer(url: str) -> None:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TRACKER_DB_URL": url}
    uit = subprocess.run([str(ROOT / ".venv-rasa" / "bin" / "python"), "-c", CONTROLE], cwd=ROOT, capture_output=True, text=True,
                         env=env, timeout=300)  # fmt: skip
    assert uit.stdout.strip().endswith("ok"), uit.stderr[-3000:]


def test_zelfde_rijen_als_rasa_op_sqlite(tmp_path: Path) -> None:
    _controleer(f"sqlite:///{tmp_path / 'tracker.db'}")


@pytest.fixture
def pg_tracker_db() -> Iterator[str]:
    with pg_database("leerroute_tracker") as url:
        yield url.replace("+psycopg2", "")


@pytest.mark.postgres
def test_zelfde_rijen_als_rasa_op_postgresql(pg_tracker_db: str) -> None:
    _controleer(pg_tracker_db)
