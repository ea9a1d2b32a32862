"""Warnings are not silenced wholesale: scripts/env.sh names the known ones of other people's code
(each for its module, with its reason) in PYTHONWARNINGS, and a Rasa process puts those filters
back in front after Sanic's import (bot.waarschuwingen)."""

from __future__ import annotations

import os
import subprocess
import sys

from bot.waarschuwingen import filter_uit
from tests.conftest import ROOT


def env_sh_waarschuwingen() -> str:
    omgeving = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    uit = subprocess.run(
        ["bash", "-c", 'source scripts/env.sh && printf %s "$PYTHONWARNINGS"'],
        cwd=ROOT, env=omgeving, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return uit.stdout


def test_env_sh_noemt_alleen_bekende_waarschuwingen_per_module() -> None:
    opties = env_sh_waarschuwingen().split(",")
    assert opties and all(opties)
    for optie in opties:
        gelezen = filter_uit(optie)
        assert gelezen is not None, optie
        actie, _bericht, categorie, module, _regel = gelezen
        assert actie == "ignore" and module, optie  # never a filter for every module
        assert categorie is DeprecationWarning, optie
    # Python reads every entry (it names the ones it cannot read on stderr).
    r = subprocess.run(
        [sys.executable, "-c", "pass"], env={**os.environ, "PYTHONWARNINGS": ",".join(opties)}, capture_output=True, text=True
    )
    assert r.stderr == ""


def test_gebruiker_kiest_eigen_filters() -> None:
    uit = subprocess.run(
        ["bash", "-c", 'source scripts/env.sh && printf %s "$PYTHONWARNINGS"'],
        cwd=ROOT, env={**os.environ, "PYTHONWARNINGS": "error"}, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert uit.stdout == "error"


def test_filter_uit_leest_zoals_python() -> None:
    assert filter_uit("ignore::DeprecationWarning:a.b") == ("ignore", "", DeprecationWarning, r"a\.b\Z", 0)
    assert filter_uit("::UserWarning") == ("default", "", UserWarning, "", 0)
    assert filter_uit("error") == ("error", "", Warning, "", 0)
    assert filter_uit("ignore::sqlalchemy.exc.SADeprecationWarning") is None  # builtin categories only
    assert filter_uit("weg::Warning") is None
    assert filter_uit("ignore::Warning:m:x") is None


PROEF = """
import sys, warnings
if sys.argv[1] == "herstel":
    from bot.waarschuwingen import herstel
    assert herstel() == 1
else:
    import sanic
warnings.warn_explicit("bekend", DeprecationWarning, "bekend.py", 1, module="bekend.module")
warnings.warn_explicit("nieuw", DeprecationWarning, "nieuw.py", 1, module="nieuw.module")
"""


def proef(stap: str) -> str:
    omgeving = {**os.environ, "PYTHONWARNINGS": "ignore::DeprecationWarning:bekend.module", "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", PROEF, stap], cwd=ROOT, env=omgeving, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stderr


def test_sanic_zet_elke_deprecation_weer_aan() -> None:
    # Why bot.waarschuwingen exists: after Sanic's import PYTHONWARNINGS alone no longer holds.
    # When a Sanic version stops doing this, herstel() can go.
    assert "bekend" in proef("alleen_sanic")


def test_herstel_zet_de_bekende_filters_voor_die_van_sanic() -> None:
    stderr = proef("herstel")
    assert "bekend" not in stderr  # the known one stays silent
    assert "nieuw" in stderr  # every other deprecation still shows
