"""Attack on the demand statistics (issue 16, finding 9), written as the attack it stops.

The attack: a cell of the statistics (month × regio × gewenst werk × diploma × situatie) is
hidden because it is small. The attacker adds records to that cell one at a time (scripted chats;
here `registreer_vraag`, the same storage the chat uses) and reads the CSV after each. With a
plain threshold the first number shown is the threshold itself, so "first number − records
added" is exactly the hidden count. With a secret offset per cell (kept on the server) and
rounding to 5, the first number shown says only count + offset, so the hidden count stays open."""

from __future__ import annotations

import csv
import io
import itertools
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from catalog_db.db import session_scope
from coach import statistiek
from coach.config import CoachConfig
from gedeeld.opslag import registreer_vraag
from tests import test_coach_web
from tests.test_coach_web import Omgeving, ingelogd

omg = test_coach_web.omg  # the fixture: SQLite and PostgreSQL

SECTOREN = [f"sector{i}" for i in range(8)]  # 8 cells for each hidden count 1..4: 32 cells
VERBORGEN = (1, 2, 3, 4)
OPVULLEN = 10  # after 9 added records every cell is at least 10


def profiel(sector: str, verborgen: int) -> dict[str, str]:
    return {"regio": "drenthe", "doel_sector": sector, "opleidingsniveau": f"n{verborgen}", "situatie": "werkzoekend"}


async def getoond(client: TestClient) -> dict[tuple[str, str], str]:
    """(doel_sector, opleidingsniveau) → the value the CSV shows."""
    r = await client.get("/coach/statistiek.csv")
    assert r.status == 200
    return {(rij["doel_sector"], rij["opleidingsniveau"]): rij["aantal"] for rij in csv.DictReader(io.StringIO(await r.text()))}


async def test_opvullen_verraadt_het_verborgen_aantal_niet(omg: Omgeving) -> None:
    with session_scope(omg.engine) as s:  # the real people: 1 to 4 in each cell
        for sector, n in itertools.product(SECTOREN, VERBORGEN):
            for i in range(n):
                registreer_vraag(s, f"web-echt-{sector}-{n}-{i}", profiel(sector, n))
    await ingelogd(omg.client)
    reeksen: dict[tuple[str, int], list[str]] = {(sector, n): [] for sector, n in itertools.product(SECTOREN, VERBORGEN)}
    for k in range(OPVULLEN):  # k records added so far to every cell
        waarden = await getoond(omg.client)
        for sector, n in reeksen:
            reeksen[(sector, n)].append(waarden[(sector, f"n{n}")])
        with session_scope(omg.engine) as s:
            for sector, n in reeksen:
                registreer_vraag(s, f"web-aanvaller-{sector}-{n}-{k}", profiel(sector, n))

    getallen = [int(w) for reeks in reeksen.values() for w in reeks if w.isdigit()]
    assert getallen, "padding never made a cell visible"
    # Nothing exact below the threshold: every number shown is at least 10 and a multiple of 5.
    assert all(w >= 10 and w % 5 == 0 for w in getallen), sorted(set(getallen))
    assert all(reeks[0] == "<10" for reeks in reeksen.values())  # 1 to 4 people: always hidden

    # The attacker's estimate: the first number shown minus the records added before it.
    schatting = {}
    for (sector, n), reeks in reeksen.items():
        k = next(i for i, w in enumerate(reeks) if w.isdigit())
        schatting[(sector, n)] = int(reeks[k]) - k
    fout = [cel for cel, s in schatting.items() if s != cel[1]]
    assert fout, "the first number shown minus the records added is the hidden count in every cell"
    assert len(fout) >= len(schatting) // 2, f"the estimate is right in {len(schatting) - len(fout)} of {len(schatting)} cells"
    # Two cells with different hidden counts can show exactly the same values under padding.
    gelijk = [(a, b) for a, b in itertools.combinations(reeksen, 2) if a[1] != b[1] and reeksen[a] == reeksen[b]]
    assert gelijk, "each sequence of shown values gives away one hidden count"


async def test_pagina_en_grafiek_tonen_geen_klein_getal(omg: Omgeving) -> None:
    with session_scope(omg.engine) as s:
        for i in range(12):
            registreer_vraag(s, f"web-groot-{i}", {"doel_sector": "zorg", "regio": "drenthe", "situatie": "werkzoekend"})
        for i in range(7):
            registreer_vraag(s, f"web-klein-{i}", {"doel_sector": "bouw", "regio": "drenthe", "situatie": "werkzoekend"})
    await ingelogd(omg.client)
    waarden = await getoond(omg.client)
    assert waarden[("zorg", "onbekend")] in ("10", "15")  # 12 + a secret 0..4, rounded to 5
    assert waarden[("bouw", "onbekend")] in ("<10", "10")  # 7 + a secret 0..4: never 7
    html = await (await omg.client.get("/coach/statistiek")).text()
    assert '<td class="getal">12</td>' not in html and '<td class="getal">7</td>' not in html
    assert f'<td class="getal">{waarden[("zorg", "onbekend")]}</td>' in html
    r = await omg.client.get("/coach/statistiek.png")
    assert r.status == 200 and (await r.read()).startswith(b"\x89PNG")


# ------------------------------------------------------------------ the rule and its key


def test_regel_drempel_en_afronding() -> None:
    for aantal in range(0, 40):
        for verschuiving in range(5):
            w = statistiek.getoond_aantal(aantal, verschuiving)
            if aantal + verschuiving < 10:
                assert w is None
            else:
                assert w is not None and w >= 10 and w % 5 == 0 and abs(w - (aantal + verschuiving)) <= 2


def test_verschuiving_hangt_af_van_sleutel_en_cel() -> None:
    cellen = [("2026-12", "drenthe", f"s{i}", "mbo2", "werkzoekend") for i in range(50)]
    a = [statistiek.verschuiving(b"sleutel-a", c) for c in cellen]
    b = [statistiek.verschuiving(b"sleutel-b", c) for c in cellen]
    assert set(a) == set(range(5)) and a != b
    assert a == [statistiek.verschuiving(b"sleutel-a", c) for c in cellen]  # stable for one key


def test_sleutel_van_de_server_nooit_een_vaste(monkeypatch: Any) -> None:
    for naam in ("COACH_STATISTIEK_SLEUTEL", "WEB_COOKIE_SLEUTEL", "RASA_TOKEN"):
        monkeypatch.delenv(naam, raising=False)
    # No secret at all: a random key per start, never one written in the code.
    assert CoachConfig.uit_env().statistiek_sleutel != CoachConfig.uit_env().statistiek_sleutel
    assert CoachConfig().statistiek_sleutel != CoachConfig().statistiek_sleutel
    monkeypatch.setenv("RASA_TOKEN", "rasa-geheim")
    van_token = CoachConfig.uit_env().statistiek_sleutel
    assert van_token == CoachConfig.uit_env().statistiek_sleutel == CoachConfig(rasa_token="rasa-geheim").statistiek_sleutel
    assert b"rasa-geheim" not in van_token  # derived, not the token itself
    monkeypatch.setenv("WEB_COOKIE_SLEUTEL", "cookie-geheim")
    van_cookie = CoachConfig.uit_env().statistiek_sleutel
    assert van_cookie not in (van_token, b"cookie-geheim")
    monkeypatch.setenv("COACH_STATISTIEK_SLEUTEL", "eigen-geheim")
    assert CoachConfig.uit_env().statistiek_sleutel == b"eigen-geheim"


@pytest.mark.parametrize("regio", [None, "drenthe"])
def test_filter_op_regio_verandert_de_getallen_niet(leeg_catalog: Any, regio: str | None) -> None:
    with session_scope(leeg_catalog) as s:
        for i in range(13):
            registreer_vraag(s, f"web-r{i}", {"doel_sector": "zorg", "regio": "drenthe"})
        alle = statistiek.cellen(s, b"k")
        gefilterd = statistiek.cellen(s, b"k", regio=regio)
    assert [c.getoond for c in alle] == [c.getoond for c in gefilterd]
