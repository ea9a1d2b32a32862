"""Shared fixtures: seeded catalogs (SQLite per test or per session, PostgreSQL), the real
domain as the action server receives it, and the running bot for conversation tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, create_engine, text

from catalog_db.antwoorden import Normaliseerder
from catalog_db.db import make_engine, session_scope
from catalog_db.migrate import upgrade
from catalog_db.repository import Catalogus
from catalog_db.seed import seed

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("TEST_PG_ADMIN_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")
collect_ignore = ["rasa"]  # Rasa's own environment: tests/test_rasa_omgeving.py runs them there


def nieuwe_sqlite(pad: Path) -> Engine:
    url = f"sqlite:///{pad}"
    upgrade(url)
    engine = make_engine(url)
    with session_scope(engine) as session:
        seed(session)
    return engine


@pytest.fixture(scope="session")
def catalog_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """A seeded SQLite catalog shared by read-only tests."""
    return nieuwe_sqlite(tmp_path_factory.mktemp("catalog") / "catalog.db")


@pytest.fixture
def leeg_catalog(tmp_path: Path) -> Engine:
    """A fresh, seeded SQLite catalog for one test (tests that write)."""
    return nieuwe_sqlite(tmp_path / "catalog.db")


@contextmanager
def pg_database(voorvoegsel: str) -> Iterator[str]:
    """An empty PostgreSQL database of its own (its URL), dropped afterwards. Skips the test where no
    PostgreSQL runs, except in CI, where it must."""
    naam = f"{voorvoegsel}_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{naam}"'))
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + naam
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine]:
    """A seeded PostgreSQL catalog in a database of its own, dropped afterwards."""
    with pg_database("leerroute_test") as url:
        upgrade(url)
        engine = make_engine(url)
        with session_scope(engine) as session:
            seed(session)
        yield engine
        engine.dispose()


@pytest.fixture(scope="session")
def catalogus(catalog_engine: Engine) -> Catalogus:
    return Catalogus(catalog_engine)


@pytest.fixture(scope="session")
def norm(catalogus: Catalogus) -> Normaliseerder:
    return Normaliseerder(catalogus.vocabulaire())


def laad_domain() -> dict[str, Any]:
    """The domain as Rasa sends it to the action server: domain/*.yml merged."""
    domain: dict[str, Any] = {"responses": {}, "slots": {}, "intents": [], "actions": [], "forms": {}}
    for pad in sorted((ROOT / "domain").glob("*.yml")):
        deel = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
        domain["responses"].update(deel.get("responses") or {})
        domain["slots"].update(deel.get("slots") or {})
        domain["forms"].update(deel.get("forms") or {})
        domain["intents"] += deel.get("intents") or []
        domain["actions"] += deel.get("actions") or []
    return domain


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    return laad_domain()


from tests.conftest_bot import bot, bot_dir, bot_proc  # noqa: E402,F401  (conversation fixtures)
from tests.conftest_browser import browser  # noqa: E402,F401  (browser tests)
