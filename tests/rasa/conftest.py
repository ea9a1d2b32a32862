"""Tests in Rasa's own environment (`.venv-rasa/bin/python -m pytest -q tests/rasa`): our patches
of Rasa against Rasa's own code, our tracker store against Rasa's, our fast model load against
Rasa's load. The app side cannot import Rasa: it runs this folder in a process of its own
(tests/test_rasa_omgeving.py) and does not collect it (tests/conftest.py, `collect_ignore`).

Every test starts from Rasa as shipped: what our patches replace is put back after each test, so
a patch installed by one test never stands in for Rasa's own code in the next."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import structlog

from bot import actiefouten
from bot.waarschuwingen import herstel as herstel_waarschuwingen

ROOT = Path(__file__).resolve().parents[2]

# (module, class or None, attribute): everything bot.worker's patches replace
GEPATCHT = (
    ("rasa.core.actions.action", "RemoteAction", "run"),
    ("rasa.core.actions.action", "RemoteAction", "_validate_action_result"),
    ("rasa.core.actions.action", "RemoteAction", "_action_call_format"),
    ("rasa.shared.core.events", "Event", "resolve_by_type"),
    ("rasa.utils.endpoints", "EndpointConfig", "session"),
    ("rasa.shared.core.domain", "Domain", "states_for_tracker_history"),
    ("rasa.server", None, "create_app"),
)


def _doel(module: str, klasse: str | None) -> Any:
    m = importlib.import_module(module)
    return getattr(m, klasse) if klasse else m


def pytest_configure(config: pytest.Config) -> None:
    """The known warnings of scripts/env.sh (PYTHONWARNINGS) silent here too, as in the worker:
    in front of the filter Sanic adds when Rasa imports it (bot.waarschuwingen)."""
    herstel_waarschuwingen()


@pytest.fixture(scope="session", autouse=True)
def stille_rasa() -> None:
    """Rasa's structlog events at WARNING and up only (at DEBUG, every prediction renders its states)."""
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))


@pytest.fixture(autouse=True)
def in_de_projectmap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa reads domain/, data/ and models/ relative to the working directory."""
    monkeypatch.chdir(ROOT)


@pytest.fixture(autouse=True)
def rasa_zoals_geleverd() -> Iterator[None]:
    bewaard = []
    for module, klasse, naam in GEPATCHT:
        doel = _doel(module, klasse)
        bewaard.append((doel, naam, vars(doel)[naam] if klasse else getattr(doel, naam)))
    yield
    for doel, naam, waarde in bewaard:
        setattr(doel, naam, waarde)
    actiefouten._fouten.clear()
