"""Our own B1 check (scripts/b1check.py): the measures, and the domain as it is."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("b1check", ROOT / "scripts" / "b1check.py")
assert _spec and _spec.loader
b1check = importlib.util.module_from_spec(_spec)
sys.modules["b1check"] = b1check  # dataclasses look their module up
_spec.loader.exec_module(b1check)


def test_korte_zinnen_met_korte_woorden_zijn_b1() -> None:
    m = b1check.meet("Waar woon je? Typ je plaats.")
    assert m is not None and m.b1 and m.woorden_per_zin == 3


def test_lange_zin_of_lange_woorden_niet() -> None:
    lang = b1check.meet("Ik ga je nu een heleboel vragen stellen over je werk en je school en je huis.")
    assert lang is not None and not lang.b1 and lang.woorden_per_zin > 12
    moeilijk = b1check.meet("Ervaringscertificaatprocedure arbeidsmarktregio.")
    assert moeilijk is not None and moeilijk.flesch_douma < 60


def test_plaatshouder_is_een_kort_woord_en_links_tellen_niet() -> None:
    m = b1check.meet("Kijk op {website}. Of ga naar https://www.leerwerkloket.nl/informatie-over-scholing.")
    assert m is not None and m.b1


def test_vraag_zonder_knoppen_valt_op() -> None:
    _, _, zonder = b1check.controleer({"utter_ask_regio": [{"text": "Waar woon je?"}], "utter_x": [{"text": "Hoi."}]})
    assert zonder == ["utter_ask_regio"]


def test_domein_is_b1() -> None:
    assert b1check.main([]) == 0
