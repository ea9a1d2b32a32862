"""bot.components.snel_laden: the trained model loaded our fast way and Rasa's own way gives the
same NLU results and the same dialogue predictions; on another Rasa version the components load
Rasa's own way, with a warning.

Compared, to 1e-5 for every confidence: on the held-out NLU file (tests/nlu/test_nlu.yml) each
message's intent, intent ranking and entities; on every step of our stories and rules (data/)
the winning policy, action and confidence, and TED's own confidences for every action (our rules
decide nearly every turn, so TED is compared on its own too); and short conversations of
held-out messages, played with each model's own predictions from action to action (winner and
TED's confidences at every step)."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import rasa
from rasa.core.agent import Agent
from rasa.core.policies.ted_policy import TEDPolicy
from rasa.core.training import load_data
from rasa.engine.constants import PLACEHOLDER_TRACKER
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.loading import load_data as laad_nlu
from rasa.utils.tensorflow.models import RasaModel

from bot.components import snel_laden
from tests.rasa.conftest import ROOT

NAUWKEURIG = 1e-5
HELD_OUT = "tests/nlu/test_nlu.yml"
BEURTEN = 5  # held-out messages per played conversation
MAX_ACTIES = 10  # predictions per turn before the next message, at most


def nieuwste_model() -> Path:
    modellen = sorted((ROOT / "models").glob("leerroute-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not modellen:
        if os.environ.get("CI"):
            raise AssertionError("no trained model in models/ (make train)")
        pytest.skip("no trained model in models/ (make train)")
    return modellen[-1]


@dataclass
class Geladen:
    uitkomsten: dict[str, list[Any]]
    snelle_loads: int  # calls of the fast load
    waarschuwingen: list[str]  # snel_laden's warnings during the load


class Verzamel(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.regels: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.regels.append(record.getMessage())


def laad(model: Path, snel: bool) -> Geladen:
    """The model loaded as the worker would (Agent.load), fast, or through the version guard as on
    another Rasa (Rasa's own `RasaModel.load`); its results on the fixed inputs."""
    aantal = 0
    echte = snel_laden.laad_zonder_trainingsgraaf

    def geteld(*args: Any, **kwargs: Any) -> RasaModel:
        nonlocal aantal
        aantal += 1
        return echte(*args, **kwargs)

    verzamel = Verzamel()
    snel_laden.log.addHandler(verzamel)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(snel_laden, "laad_zonder_trainingsgraaf", geteld)
            if not snel:
                mp.setattr(snel_laden, "GETEST_OP", "0.0.")  # any other Rasa than the one it was written for
            agent = Agent.load(str(model))
    finally:
        snel_laden.log.removeHandler(verzamel)
    uitkomsten = alle_uitkomsten(agent)
    del agent
    gc.collect()
    return Geladen(uitkomsten, aantal, verzamel.regels)


def nlu(agent: Agent, tekst: str) -> dict[str, Any]:
    return asyncio.run(agent.parse_message(tekst))


def voorspelling(agent: Agent, tracker: DialogueStateTracker) -> tuple[str, str, float]:
    p = agent.processor._predict_next_with_tracker(tracker)  # type: ignore[union-attr]
    return p.policy_name or "", agent.domain.action_names_or_texts[p.max_confidence_index], p.max_confidence


def ted(agent: Agent, tracker: DialogueStateTracker) -> list[float]:
    processor = agent.processor
    assert processor is not None
    knoop = next(n for n, s in processor.model_metadata.predict_schema.nodes.items() if issubclass(s.uses, TEDPolicy))
    return list(processor.graph_runner.run(inputs={PLACEHOLDER_TRACKER: tracker}, targets=[knoop])[knoop].probabilities)


def held_out() -> list[str]:
    return [m.get("text") for m in laad_nlu(HELD_OUT).nlu_examples]


def gesprek(agent: Agent, teksten: list[str]) -> list[Any]:
    """One conversation: each message parsed by the model, then actions as the model predicts
    them (not run: only their ActionExecuted) until it listens again; TED's confidences at each step."""
    events: list[Event] = [ActionExecuted(ACTION_SESSION_START_NAME), SessionStarted(), ActionExecuted(ACTION_LISTEN_NAME)]
    uit: list[Any] = []
    for tekst in teksten:
        ontleed = nlu(agent, tekst)
        events.append(UserUttered(tekst, ontleed["intent"], ontleed["entities"], ontleed))
        for _ in range(MAX_ACTIES):
            tracker = DialogueStateTracker.from_events("gesprek", events, agent.domain.slots)
            policy, actie, zeker = voorspelling(agent, tracker)
            uit.append(
                (tekst, policy, actie, zeker, ted(agent, DialogueStateTracker.from_events("gesprek", events, agent.domain.slots)))
            )
            events.append(ActionExecuted(actie, policy, zeker))
            if actie == ACTION_LISTEN_NAME:
                break
    return uit


def alle_uitkomsten(agent: Agent) -> dict[str, list[Any]]:
    teksten = held_out()
    stappen = []  # every step of every story and rule: the events before each action
    for verhaal in load_data("data", agent.domain, augmentation_factor=0):
        events = list(verhaal.events)
        stappen += [(verhaal.sender_id, events[:i]) for i, e in enumerate(events) if i and isinstance(e, ActionExecuted)]
    stappen.sort(key=lambda s: (s[0], [str(e) for e in s[1]]))  # load_data's order differs from call to call
    trackers = [(naam, lambda ev=ev: DialogueStateTracker.from_events("s", ev, agent.domain.slots)) for naam, ev in stappen]
    return {
        "nlu": [(t, nlu(agent, t)) for t in teksten],
        "acties": [(naam, voorspelling(agent, maak())) for naam, maak in trackers],
        "ted": [(naam, ted(agent, maak())) for naam, maak in trackers],
        "gesprekken": [
            gesprek(agent, teksten[i :: len(teksten) // BEURTEN][:BEURTEN]) for i in range(0, len(teksten) // BEURTEN, 3)
        ],
    }


@pytest.fixture(scope="module")
def beide() -> tuple[Geladen, Geladen]:
    model = nieuwste_model()
    return laad(model, snel=True), laad(model, snel=False)


def gelijk(a: Any, b: Any) -> bool:
    """Equal, with every float (confidences) to NAUWKEURIG."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, int | float) and isinstance(b, int | float) and abs(a - b) <= NAUWKEURIG
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(gelijk(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(gelijk(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def verschillen(snel: list[Any], eigen: list[Any]) -> list[str]:
    assert len(snel) == len(eigen)
    return [f"{s!r}\n  Rasa's own: {e!r}" for s, e in zip(snel, eigen, strict=True) if not gelijk(s, e)]


def test_snel_geladen_en_zoals_rasa_geladen(beide: tuple[Geladen, Geladen]) -> None:
    snel, eigen = beide
    assert snel.snelle_loads == 2 and snel.waarschuwingen == []  # DIET and TED, the fast way
    assert eigen.snelle_loads == 0  # Rasa's own load, through the version guard
    assert len(eigen.waarschuwingen) == 2
    assert all("fast load written for Rasa 0.0." in w for w in eigen.waarschuwingen)
    assert {w.split(":")[0] for w in eigen.waarschuwingen} == {"SnelDIET", "SnelTED"}


def test_zelfde_intenties_en_entiteiten_op_de_held_out_set(beide: tuple[Geladen, Geladen]) -> None:
    snel, eigen = (g.uitkomsten["nlu"] for g in beide)
    assert len(snel) >= 200
    assert any(u["entities"] for _, u in snel) and len({u["intent"]["name"] for _, u in snel}) > 5
    assert not (fout := verschillen(snel, eigen)), "\n".join(fout[:5])


def test_zelfde_voorspellingen_op_verhalen_en_regels(beide: tuple[Geladen, Geladen]) -> None:
    snel, eigen = (g.uitkomsten["acties"] for g in beide)
    assert len(snel) > 200
    assert not (fout := verschillen(snel, eigen)), "\n".join(fout[:5])


def test_ted_zelfde_zekerheid_voor_elke_actie(beide: tuple[Geladen, Geladen]) -> None:
    snel, eigen = (g.uitkomsten["ted"] for g in beide)
    assert len(snel) > 200 and len(snel[0][1]) > 20
    for (naam, s), (_, e) in zip(snel, eigen, strict=True):
        assert np.allclose(s, e, rtol=0, atol=NAUWKEURIG), (naam, np.max(np.abs(np.array(s) - np.array(e))))


def test_zelfde_gesprekken(beide: tuple[Geladen, Geladen]) -> None:
    snel, eigen = (g.uitkomsten["gesprekken"] for g in beide)
    assert len(snel) >= 10
    assert len({stap[2] for g in snel for stap in g}) > 10  # many different actions, not one path
    for s, e in zip(snel, eigen, strict=True):
        assert not (fout := verschillen(s, e)), "\n".join(fout[:5])


def test_op_een_andere_rasa_laden_zoals_rasa(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The guard itself, without a model: Rasa's own `RasaModel.load` gets every argument."""
    aanroepen: list[tuple[Any, ...]] = []

    def rasa_load(cls: type[RasaModel], *args: Any, **kwargs: Any) -> str:
        aanroepen.append((cls, args, kwargs))
        return "rasa"

    monkeypatch.setattr(RasaModel, "load", classmethod(rasa_load))
    assert snel_laden.actief()
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    assert not snel_laden.actief()
    with caplog.at_level(logging.WARNING, logger=snel_laden.__name__):
        assert snel_laden.SnelDIET.load("gewichten", "voorbeeld", predict_data_example=None, finetune_mode=False) == "rasa"
        assert snel_laden.SnelTED.load("gewichten", "voorbeeld", config={"x": 1}) == "rasa"
    assert aanroepen == [
        (snel_laden.SnelDIET, ("gewichten", "voorbeeld"), {"predict_data_example": None, "finetune_mode": False}),
        (snel_laden.SnelTED, ("gewichten", "voorbeeld"), {"config": {"x": 1}}),
    ]
    assert "SnelDIET: fast load written for Rasa 3.6., found 3.7.0" in caplog.text
