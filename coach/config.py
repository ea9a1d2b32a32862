"""Settings of coach mode, read once from the environment."""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass, field


def _int(naam: str, standaard: int) -> int:
    return int(os.environ.get(naam) or standaard)


@dataclass(frozen=True)
class CoachConfig:
    rasa_token: str = ""
    sessie_uren: int = 8  # a login lasts a working day
    max_mislukt: int = 5  # failed logins within `blokkeer_minuten` lock the account ...
    blokkeer_minuten: int = 15  # ... for that many minutes after the last failure
    terugbel_dagen: int = 3  # an open call-back older than this is flagged
    min_cel: int = 10  # statistics: a cell is shown as "<10" while count + its secret offset is below this
    # Key of the statistics' secret offset per cell (coach/statistiek.py). COACH_STATISTIEK_SLEUTEL,
    # else derived from WEB_COOKIE_SLEUTEL or RASA_TOKEN (stable over restarts), else random per
    # start. Never a constant: whoever knows the key can take the offsets off again.
    statistiek_sleutel: bytes = field(default=b"", repr=False)

    def __post_init__(self) -> None:
        if not self.statistiek_sleutel:
            afgeleid = _afgeleid(self.rasa_token) if self.rasa_token else secrets.token_bytes(32)
            object.__setattr__(self, "statistiek_sleutel", afgeleid)

    @classmethod
    def uit_env(cls) -> CoachConfig:
        return cls(
            rasa_token=os.environ.get("RASA_TOKEN", ""),
            sessie_uren=_int("COACH_SESSIE_UREN", 8),
            max_mislukt=_int("COACH_MAX_MISLUKT", 5),
            blokkeer_minuten=_int("COACH_BLOKKEER_MINUTEN", 15),
            terugbel_dagen=_int("COACH_TERUGBEL_DAGEN", 3),
            statistiek_sleutel=_statistiek_sleutel(),
        )


def _afgeleid(geheim: str) -> bytes:
    return hashlib.sha256(b"leerroute-coach-statistiek:" + geheim.encode()).digest()


def _statistiek_sleutel() -> bytes:
    if sleutel := os.environ.get("COACH_STATISTIEK_SLEUTEL"):
        return sleutel.encode()
    for naam in ("WEB_COOKIE_SLEUTEL", "RASA_TOKEN"):
        if geheim := os.environ.get(naam):
            return _afgeleid(geheim)
    return secrets.token_bytes(32)
