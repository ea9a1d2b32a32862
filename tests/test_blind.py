"""The blind set (tests/nlu/blind/, written apart from data/, never trained on), scored on the
running bot. Prints its figures; fails only below a floor that we raise as understanding grows."""

from __future__ import annotations

import pytest

from catalog_db.antwoorden import Normaliseerder
from tests.botclient import Bot
from tests.conftest import laad_domain
from tests.nlu.blind_score import BLIND, rasa_parse, scoor, verslag

pytestmark = pytest.mark.conversation
# Floors per set (slot answers, intents). blind: first 79.1% / 91.9% (2026-12-01), 99.3% / 91.2%
# after the answer reading of 2026-12-03. blind2 (written 2026-12-03 by another helper): 74.2% /
# 79.3% at first, 96.6% after. With the intent examples of 2026-12-03 (same day, one model):
# blind 99.1% / 96.9%, blind2 97.0% / 90.7%. blind3 (written 2026-12-03, session 6, by a helper
# who read only design.md): 96.2% / 95.0% at first (intent names mapped to the domain's), 97.9% /
# 95.0% after the kinds it showed were added. blind4 (written 2026-12-03, session 7, by a helper
# who read only design.md; it also expects the gemeente): 95.4% / 98.3% at first (the gemeente
# scored as validate_intake sets it), 98.6% / 98.3% after its kinds. blind5 (written at the end of
# session 7 by another helper, from design.md only; only its figures were looked at, not its
# misses): 97.5% / 98.3%, personas 36/40. Raise with every gain.
VLOERS = {"blind": (0.97, 0.94), "blind2": (0.95, 0.88), "blind3": (0.95, 0.92), "blind4": (0.96, 0.95), "blind5": (0.95, 0.95)}
MINIMUM = {
    "blind": (300, 100),
    "blind2": (300, 100),
    "blind3": (200, 50),
    "blind4": (250, 55),
    "blind5": (250, 55),
}  # answers, intents scored


@pytest.mark.parametrize("naam", sorted(VLOERS))
def test_blinde_set(bot: Bot, norm: Normaliseerder, naam: str) -> None:
    vloer_slots, vloer_intents = VLOERS[naam]
    uitslag = scoor(rasa_parse(bot.url, bot.token), norm, laad_domain(), BLIND.parent / naam)
    print(f"\n{naam}: " + verslag(uitslag))
    assert uitslag.slots_totaal >= MINIMUM[naam][0] and uitslag.intents_totaal >= MINIMUM[naam][1]
    assert uitslag.slot_score >= vloer_slots, verslag(uitslag)
    assert uitslag.intent_score >= vloer_intents, verslag(uitslag)
