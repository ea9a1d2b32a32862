"""Settings of coach mode, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _int(naam: str, standaard: int) -> int:
    return int(os.environ.get(naam) or standaard)


@dataclass(frozen=True)
class CoachConfig:
    rasa_token: str = ""
    sessie_uren: int = 8  # a login lasts a working day
    max_mislukt: int = 5  # failed logins within `blokkeer_minuten` lock the account ...
    blokkeer_minuten: int = 15  # ... for that many minutes after the last failure
    terugbel_dagen: int = 3  # an open call-back older than this is flagged
    bewaar_dagen_intake: int = 90  # intakes (and coach conversations) are erased after this
    bewaar_dagen_terugbel: int = 180  # consented call-back requests are kept this long
    min_cel: int = 5  # statistics: cells below this are shown as "<5"

    @classmethod
    def uit_env(cls) -> CoachConfig:
        return cls(
            rasa_token=os.environ.get("RASA_TOKEN", ""),
            sessie_uren=_int("COACH_SESSIE_UREN", 8),
            max_mislukt=_int("COACH_MAX_MISLUKT", 5),
            blokkeer_minuten=_int("COACH_BLOKKEER_MINUTEN", 15),
            terugbel_dagen=_int("COACH_TERUGBEL_DAGEN", 3),
            bewaar_dagen_intake=_int("BEWAARTERMIJN_DAGEN", 90),
            bewaar_dagen_terugbel=_int("BEWAARTERMIJN_TERUGBEL_DAGEN", 180),
        )
