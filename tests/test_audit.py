"""scripts/audit.py: which findings the documented exceptions let through."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
assert _spec and _spec.loader
audit = importlib.util.module_from_spec(_spec)
sys.modules["audit"] = audit
_spec.loader.exec_module(audit)


def bevinding(lock: str, pakket: str, versie: str, id_: str = "GHSA-8495-4g3g-x7pr") -> object:
    return audit.Bevinding(lock, pakket, versie, id_, ("CVE-2024-52304",), ("3.10.11",))


def test_uitzonderingen_hebben_een_reden() -> None:
    regels = audit.uitzonderingen()
    assert regels and all(len(str(r["reden"])) > 80 and r["lock"] and r["pakket"] for r in regels)


def test_aiohttp_alleen_in_de_rasa_omgeving_en_onder_310() -> None:
    regels = audit.uitzonderingen()
    assert audit.toegestaan(bevinding("requirements/rasa.lock", "aiohttp", "3.9.5"), regels)
    assert audit.toegestaan(bevinding("requirements/app.lock", "aiohttp", "3.9.5"), regels) is None
    assert audit.toegestaan(bevinding("requirements/rasa.lock", "aiohttp", "3.10.5"), regels) is None
    assert audit.toegestaan(bevinding("requirements/rasa.lock", "sanic", "21.12.2"), regels) is None
