"""Dependency audit of both lock files with pip-audit; only documented exceptions pass.

    .venv-audit/bin/python scripts/audit.py requirements/rasa.lock requirements/app.lock

Runs `pip-audit -r LOCK --no-deps --disable-pip -f json` (the PyPI vulnerability service, then
OSV) and fails on any finding not covered by `requirements/audit-exceptions.toml`, and on any
pinned package that could not be audited. When no vulnerability service can be reached at all
(a network that only mirrors package downloads), it says so and exits 3: `make audit` treats
that as a failure when AUDIT_VEREIST=1 (CI with internet access) and as a loud warning otherwise.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import tomli
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
UITZONDERINGEN = ROOT / "requirements" / "audit-exceptions.toml"
ONBEREIKBAAR = 3


@dataclass(frozen=True)
class Bevinding:
    lock: str
    pakket: str
    versie: str
    id: str
    aliassen: tuple[str, ...]
    fix: tuple[str, ...]


def uitzonderingen() -> list[dict[str, object]]:
    return list(tomli.loads(UITZONDERINGEN.read_text(encoding="utf-8")).get("uitzondering", []))


def toegestaan(b: Bevinding, regels: list[dict[str, object]]) -> dict[str, object] | None:
    for r in regels:
        if Path(str(r["lock"])).name != Path(b.lock).name or canonicalize_name(str(r["pakket"])) != canonicalize_name(b.pakket):
            continue
        if b.versie not in SpecifierSet(str(r.get("versies", ""))):
            continue
        ids = r.get("ids", ["*"])
        if not isinstance(ids, list):
            raise ValueError(f"{UITZONDERINGEN.name}: 'ids' of {r['pakket']} must be a list")
        if "*" in ids or b.id in ids or set(b.aliassen) & set(ids):
            return r
    return None


def audit(lock: str) -> tuple[list[Bevinding], list[str]] | None:
    """Findings and unaudited packages of one lock file; None when no service answers."""
    for dienst in ("pypi", "osv"):
        uit = subprocess.run(
            [str(Path(sys.executable).parent / "pip-audit"), "-s", dienst, "-r", lock, "--no-deps", "--disable-pip",
             "--progress-spinner", "off", "-f", "json"],
            capture_output=True, text=True,
        )  # fmt: skip
        try:
            data = json.loads(uit.stdout)
        except ValueError:
            continue  # the service could not be reached at all
        deps = data.get("dependencies", [])
        overgeslagen = [d["name"] for d in deps if d.get("skip_reason")]
        if deps and len(overgeslagen) == len(deps):
            continue  # nothing answered per version: try the next service
        bevindingen = [
            Bevinding(lock, d["name"], d["version"], v["id"], tuple(v.get("aliases") or ()), tuple(v.get("fix_versions") or ()))
            for d in deps
            for v in d.get("vulns") or []
        ]
        return bevindingen, overgeslagen
    return None


def main(locks: list[str]) -> int:
    regels = uitzonderingen()
    fout = False
    for lock in locks:
        uitkomst = audit(lock)
        if uitkomst is None:
            print(f"AUDIT NOT POSSIBLE for {lock}: no vulnerability service (PyPI JSON per version, OSV) reachable")
            return ONBEREIKBAAR
        bevindingen, overgeslagen = uitkomst
        for b in bevindingen:
            regel = toegestaan(b, regels)
            status = f"allowed ({regel['reden']})" if regel else "NOT ALLOWED"
            fout |= regel is None
            print(
                f"{Path(lock).name}: {b.pakket} {b.versie} {b.id} {'/'.join(b.aliassen)} fix: {', '.join(b.fix) or '-'}: {status}"
            )
        for naam in overgeslagen:
            print(f"{Path(lock).name}: {naam} could not be audited")
        fout |= bool(overgeslagen)
        print(f"{Path(lock).name}: {len(bevindingen)} known vulnerabilities, {len(overgeslagen)} packages not audited")
    return 1 if fout else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
