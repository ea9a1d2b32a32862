"""The catalog on PostgreSQL: migrations, seed, the same route answers as on SQLite."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from catalog_db import models
from catalog_db.db import session_scope
from catalog_db.repository import Catalogus
from catalog_db.seed import seed
from catalog_db.typen import Profiel

pytestmark = pytest.mark.postgres
PROFIELEN = [
    Profiel("werkzoekend", "bijstand", "vmbo", None, "zorg", "drenthe"),
    Profiel("overstap", None, "mbo2", "retail", "bouw", "rijnmond"),
    Profiel("eigen_werk", None, "hbo", "ict", "ict", "twente"),
    Profiel("werkgever", None, "mbo2", "groen", "groen", "friesland"),
]


def test_seed_op_postgres_is_idempotent(pg_engine: Engine) -> None:
    with session_scope(pg_engine) as s:
        voor = s.scalar(select(func.count()).select_from(models.Opleiding))
        r = seed(s)
    assert r.nieuw == [] and r.gewijzigd == []
    with session_scope(pg_engine) as s:
        assert s.scalar(select(func.count()).select_from(models.Opleiding)) == voor >= 200


@pytest.mark.parametrize("profiel", PROFIELEN)
def test_zelfde_routes_als_sqlite(pg_engine: Engine, catalog_engine: Engine, profiel: Profiel) -> None:
    vandaag = date(2026, 11, 23)
    pg = Catalogus(pg_engine).advies(profiel, vandaag=vandaag)
    lite = Catalogus(catalog_engine).advies(profiel, vandaag=vandaag)
    assert [r.cursus.code for r in pg.routes] == [r.cursus.code for r in lite.routes]
    assert pg.loket == lite.loket
