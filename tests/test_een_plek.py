"""One place per fact (issue 14). Where a fact is defined once and imported, nothing is left to
test; these check the copies that cannot import it (Rasa's environment, the domain's YAML, the
seed) and that what is derived from a fact follows it."""

from __future__ import annotations

import ast
import dataclasses
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from actions.routes import route_dict
from catalog_db.coach_tabellen import Intake
from catalog_db.db import session_scope
from catalog_db.models import Niveau
from catalog_db.repository import Catalogus
from catalog_db.routemotor import STARTKWALIFICATIE_RANG, heeft_startkwalificatie
from catalog_db.typen import Profiel
from catalog_db.vocabulaire import SLOT_SOORT
from coach.verslag import verslag_data
from gedeeld.intakevragen import INTAKE_SLOTS
from privacy import tracker_db
from privacy.__main__ import main as privacy_main
from privacy.bewaartermijn import BEWAARTERMIJN_DAGEN, BEWAARTERMIJN_TERUGBEL_DAGEN
from tests.conftest import ROOT


def test_de_zes_intakeslots() -> None:
    assert tuple(SLOT_SOORT) == INTAKE_SLOTS and len(INTAKE_SLOTS) == 6
    assert set(INTAKE_SLOTS) <= {f.name for f in dataclasses.fields(Profiel)}


def test_het_formulier_vraagt_de_intakeslots(domain: dict[str, Any]) -> None:
    assert domain["forms"]["intake"]["required_slots"] == [*INTAKE_SLOTS, "leeftijd"]


def test_startkwalificatie_in_de_database_volgt_de_regel(catalogus: Catalogus) -> None:
    with session_scope(catalogus.engine) as s:
        niveaus = list(s.scalars(select(Niveau)))
    assert niveaus
    for n in niveaus:
        assert n.startkwalificatie == (n.rang >= STARTKWALIFICATIE_RANG), n.code
        assert heeft_startkwalificatie(Profiel(opleidingsniveau=n.code), {x.code: x.rang for x in niveaus}) == n.startkwalificatie
    assert {n.code for n in niveaus if n.rang == STARTKWALIFICATIE_RANG} == {"mbo2"}


def _bot_standaard_url() -> str:
    """DEFAULT_URL of bot/stores/tracker_store.py (Rasa's environment: not importable here),
    evaluated from its source as that module would."""
    pad = ROOT / "bot" / "stores" / "tracker_store.py"
    for knoop in ast.parse(pad.read_text(encoding="utf-8")).body:
        if isinstance(knoop, ast.Assign) and [getattr(d, "id", None) for d in knoop.targets] == ["DEFAULT_URL"]:
            waarde: str = eval(compile(ast.Expression(knoop.value), str(pad), "eval"), {"Path": Path, "__file__": str(pad)})
            return waarde
    raise AssertionError("no DEFAULT_URL in bot/stores/tracker_store.py")


def test_een_standaard_trackerdatabase() -> None:
    assert _bot_standaard_url() == tracker_db.STANDAARD_URL == f"sqlite:///{ROOT / 'var' / 'tracker.db'}"
    omgeving = {k: v for k, v in os.environ.items() if k != "TRACKER_DB_URL"}
    uit = subprocess.run(
        ["bash", "-c", 'source scripts/env.sh && printf %s "${TRACKER_DB_URL-}"'],
        cwd=ROOT, env=omgeving, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert uit.stdout == ""  # scripts/env.sh leaves the default to the code


@pytest.mark.parametrize(
    ("env", "verwacht"),
    [
        ({}, (BEWAARTERMIJN_DAGEN, BEWAARTERMIJN_TERUGBEL_DAGEN)),
        ({"BEWAARTERMIJN_DAGEN": "30"}, (30, BEWAARTERMIJN_TERUGBEL_DAGEN)),
    ],
)
def test_bewaartermijn_van_de_opdrachtregel(
    env: dict[str, str], verwacht: tuple[int, int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gezien: dict[str, tuple[int, ...]] = {}

    def tracker(engine: object, dagen: int) -> int:
        gezien["tracker"] = (dagen,)
        return 0

    def coach(session: object, dagen: int, dagen_terugbel: int) -> None:
        gezien["coach"] = (dagen, dagen_terugbel)

    monkeypatch.delenv("BEWAARTERMIJN_DAGEN", raising=False)
    monkeypatch.delenv("BEWAARTERMIJN_TERUGBEL_DAGEN", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setattr("privacy.__main__.pas_bewaartermijn_toe", tracker)
    monkeypatch.setattr("privacy.__main__.coach_bewaartermijn", coach)
    monkeypatch.setattr("privacy.__main__._in_catalogus", lambda werk: str(werk(None)))
    assert privacy_main(["bewaartermijn"]) == 0
    assert gezien == {"tracker": verwacht[:1], "coach": verwacht}
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-m privacy bewaartermijn\n" in makefile  # make retentie names no period of its own


def test_kosten_en_jij_betaalt_in_het_verslag_zijn_die_van_de_bot(catalogus: Catalogus, domain: dict[str, Any]) -> None:
    profiel = Profiel(situatie="werkzoekend", uitkering="bijstand", opleidingsniveau="vmbo", doel_sector="zorg", regio="drenthe")
    advies = catalogus.advies(profiel)
    namen = {b.code: b.naam for b in catalogus.vocabulaire().niveaus}
    routes = [route_dict(r, i, domain, namen) for i, r in enumerate(advies.routes, start=1)]
    assert routes
    # The route's sentences are the domain's (a cost sentence ends in one of its responses' words).
    zinnen = {str(v["text"]).split("{")[0] for n, vs in domain["responses"].items() if n.startswith("utter_kosten_") for v in vs}
    for r in routes:
        assert any(r["kosten"].startswith(z) for z in zinnen) and r["jij_betaalt"].startswith(("Jij betaalt", "Wat jij"))
    intake = Intake(id=1, client_ref="KL-1", organisatie="o", status="nieuw", profiel={}, routes=routes)
    verslag = verslag_data(intake, catalogus.vocabulaire(), [])
    assert [(v["kosten"], v["jij_betaalt"]) for v in verslag["routes"]] == [(r["kosten"], r["jij_betaalt"]) for r in routes]
