"""The catalog and the answer normaliser as the action server uses them (built once, lazily)."""

from __future__ import annotations

import threading

from catalog_db.antwoorden import Normaliseerder
from catalog_db.repository import Catalogus

_lock = threading.Lock()
_catalogus: Catalogus | None = None
_normaliseerder: tuple[int, Normaliseerder] | None = None


def catalogus() -> Catalogus:
    global _catalogus
    with _lock:
        if _catalogus is None:
            _catalogus = Catalogus()
        return _catalogus


def normaliseerder() -> Normaliseerder:
    """A normaliser for the current vocabulary (rebuilt when the catalog reloads it)."""
    global _normaliseerder
    vocab = catalogus().vocabulaire()
    with _lock:
        if _normaliseerder is None or _normaliseerder[0] != id(vocab):
            _normaliseerder = (id(vocab), Normaliseerder(vocab))
        return _normaliseerder[1]


def zet_catalogus(nieuw: Catalogus | None) -> None:
    """For tests: use another catalog (e.g. on a temporary database)."""
    global _catalogus, _normaliseerder
    with _lock:
        _catalogus, _normaliseerder = nieuw, None
