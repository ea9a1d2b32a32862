"""bot.worker: every patch of Rasa is installed, and one log line at start says which are active;
on another Rasa version none is, and the line (a warning then) says so."""

from __future__ import annotations

import logging
import re

import pytest
import rasa
import yaml
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain

from bot.worker import argumenten, installeer_patches
from tests.rasa.conftest import ROOT

PATCHES = ("snellere_actievalidatie", "snellere_eventtypes", "herbruikte_verbindingen", "kleinere_actieaanroep",
           "snellere_staten", "actiefouten", "api_grenzen", "snel_laden")  # fmt: skip


def test_alle_patches_actief_en_gemeld(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="bot.worker"):
        actief = installeer_patches()
    assert actief == dict.fromkeys(PATCHES, True)
    regels = [r for r in caplog.records if r.name == "bot.worker"]
    assert len(regels) == 1 and regels[0].levelno == logging.INFO
    assert regels[0].getMessage() == f"Rasa {rasa.__version__}, patches active: {', '.join(PATCHES)}; not active: none"
    assert getattr(RemoteAction.run, "_leerroute_actiefouten", False)
    assert getattr(Domain.states_for_tracker_history, "_leerroute", False)


def test_op_een_andere_rasa_geen_patch_en_een_waarschuwing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    oud = {naam: getattr(RemoteAction, naam) for naam in ("run", "_validate_action_result", "_action_call_format")}
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with caplog.at_level(logging.INFO):
        actief = installeer_patches()
    assert actief == dict.fromkeys(PATCHES, False)
    assert {naam: getattr(RemoteAction, naam) for naam in oud} == oud
    regel = next(r for r in caplog.records if r.name == "bot.worker")
    assert regel.levelno == logging.WARNING
    assert regel.getMessage() == f"Rasa 3.7.0, patches active: none; not active: {', '.join(PATCHES)}"


def test_regel_op_stderr_voordat_rasa_logging_inricht(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """At start no handler exists yet (Rasa sets up logging in its own main): the line still shows."""
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    installeer_patches()
    fout = capsys.readouterr().err
    assert " INFO bot.worker Rasa " in fout and "not active: none" in fout
    assert not logging.getLogger("bot.worker").handlers  # the handler of its own is gone again


def test_token_alleen_als_het_er_is() -> None:
    assert argumenten(["-p", "5005"], "") == ["rasa", "run", "--enable-api", "-p", "5005"]
    assert argumenten([], "geheim") == ["rasa", "run", "--enable-api", "--auth-token", "geheim"]


def test_elke_start_van_rasa_gaat_via_de_worker() -> None:
    """scripts/serve.sh, scripts/serve_prod.sh, compose and Helm start Rasa as `python -m bot.worker`
    (never `rasa run`, which would run without the patches, the token rule and the log filter)."""
    worker = ["python", "-m", "bot.worker"]
    compose = yaml.safe_load((ROOT / "deploy" / "docker-compose.yml").read_text(encoding="utf-8"))
    assert compose["services"]["rasa"]["command"][:3] == worker
    helm = yaml.safe_load((ROOT / "deploy" / "helm-values.yml").read_text(encoding="utf-8"))
    assert helm["command"] == worker and "--model" in helm["args"]
    for script in ("serve.sh", "serve_prod.sh"):
        tekst = (ROOT / "scripts" / script).read_text(encoding="utf-8")
        assert ".venv-rasa/bin/python -m bot.worker " in tekst, script
        opdrachten = [r for r in tekst.splitlines() if not r.lstrip().startswith("#")]
        assert not [r for r in opdrachten if re.search(r"bin/rasa\b|\brasa run\b", r)], script
    for doc in ("README.md", "deploy/README.md"):
        regels = (ROOT / doc).read_text(encoding="utf-8").splitlines()  # no command line that starts Rasa itself
        assert not [r for r in regels if re.match(r"\s*(\S*/)?rasa (run|shell)\b", r)], doc
