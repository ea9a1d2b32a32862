"""The import map: which of our packages may import which. Read from the source with `ast`, so
nothing is imported (and no package's import hides another's). From the bottom up:

    catalog_db  the catalog database: its tables (the coach console's too), migrations, route engine
    gedeeld     what the bot's actions and the console share: contact rules, demand records and
                call-backs, the intake's questions, the client's address
    privacy     erasure, export and retention (tracker and catalog database), log redaction
    actions     the action server            coach    the coach console (peers: neither imports the other)
    web         the web app, with the console at /coach
    bot         the Rasa side: only itself, and privacy.logfilter for its logs

An arrow only runs down. An import of another of our packages sits at the top of a module, not
inside a function, where it would hide a cycle."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Per package: the packages of ours it may import (besides itself).
MAG = {
    "catalog_db": frozenset(),
    "gedeeld": frozenset({"catalog_db"}),
    "privacy": frozenset({"catalog_db", "gedeeld"}),
    "actions": frozenset({"catalog_db", "gedeeld"}),
    "coach": frozenset({"catalog_db", "gedeeld", "privacy"}),
    "web": frozenset({"catalog_db", "gedeeld", "privacy", "coach"}),
    "bot": frozenset(),
}
# The Rasa side runs in its own environment (Rasa's Python and packages): of ours only this module.
BOT_MAG_OOK = "privacy.logfilter"
# Not layers: they may use everything.
GEEN_LAAG = frozenset({"tests"})


@dataclass(frozen=True)
class Import:
    bestand: str
    regel: int
    naam: str  # dotted, as far as the statement names it ("privacy.logfilter.installeer")
    in_functie: bool

    @property
    def pakket(self) -> str:
        return self.naam.split(".")[0]


def pakketten() -> list[str]:
    return sorted(p.parent.name for p in ROOT.glob("*/__init__.py") if p.parent.name not in GEEN_LAAG)


def _module(pad: Path) -> str:
    delen = list(pad.relative_to(ROOT).with_suffix("").parts)
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def imports(pad: Path) -> list[Import]:
    """Every import in one file, with whether it sits inside a function."""
    boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
    module = _module(pad)
    pakket_van_bestand = module if pad.name == "__init__.py" else module.rpartition(".")[0]
    uit: list[Import] = []

    def bezoek(knoop: ast.AST, in_functie: bool) -> None:
        for kind in ast.iter_child_nodes(knoop):
            if isinstance(kind, ast.Import):
                uit.extend(Import(str(pad.relative_to(ROOT)), kind.lineno, a.name, in_functie) for a in kind.names)
            elif isinstance(kind, ast.ImportFrom):
                basis = kind.module or ""
                if kind.level:  # relative: from the file's own package up
                    delen = pakket_van_bestand.split(".")
                    basis = ".".join([*delen[: len(delen) - kind.level + 1], *([basis] if basis else [])])
                uit.extend(Import(str(pad.relative_to(ROOT)), kind.lineno, f"{basis}.{a.name}", in_functie) for a in kind.names)
            bezoek(kind, in_functie or isinstance(kind, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))

    bezoek(boom, False)
    return uit


def onze_imports() -> dict[str, list[Import]]:
    """Per package of ours: its imports of our packages (other than itself)."""
    ons = set(pakketten()) | GEEN_LAAG
    return {
        pakket: [
            i for pad in sorted((ROOT / pakket).rglob("*.py")) for i in imports(pad) if i.pakket in ons and i.pakket != pakket
        ]
        for pakket in pakketten()
    }


def pijlen() -> set[tuple[str, str]]:
    return {(pakket, i.pakket) for pakket, lijst in onze_imports().items() for i in lijst}


def test_elk_pakket_staat_op_de_kaart() -> None:
    assert set(pakketten()) == set(MAG), "a new package: give it its place in MAG (and in the README's layout)"


def test_de_kaart_ziet_de_imports() -> None:
    # The reader itself: these arrows exist, so a walker that finds nothing cannot pass the tests below.
    assert {("actions", "gedeeld"), ("coach", "privacy"), ("web", "coach"), ("bot", "privacy")} <= pijlen()
    soorten = imports(ROOT / "bot" / "worker.py")
    assert any(i.naam == "privacy.logfilter.installeer" and not i.in_functie for i in soorten)
    assert any(i.naam.startswith("bot.") and i.in_functie for i in soorten)


def test_pijlen_gaan_alleen_omlaag() -> None:
    fout = [
        f"{i.bestand}:{i.regel}: {pakket} imports {i.naam}"
        for pakket, lijst in onze_imports().items()
        for i in lijst
        if i.pakket not in MAG[pakket] and not (pakket == "bot" and (i.naam + ".").startswith(BOT_MAG_OOK + "."))
    ]
    assert not fout, "\n".join(fout)


def test_geen_imports_van_andere_pakketten_in_functies() -> None:
    fout = [f"{i.bestand}:{i.regel}: {i.naam}" for lijst in onze_imports().values() for i in lijst if i.in_functie]
    assert not fout, "\n".join(fout)


def test_geen_kringen_tussen_pakketten() -> None:
    """Follows from MAG, and is checked on the imports as they are: no package reaches itself again."""
    volgt: dict[str, set[str]] = {}
    for van, naar in pijlen():
        volgt.setdefault(van, set()).add(naar)

    def bereikbaar(start: str) -> set[str]:
        gezien: set[str] = set()
        rij = list(volgt.get(start, ()))
        while rij:
            p = rij.pop()
            if p not in gezien:
                gezien.add(p)
                rij.extend(volgt.get(p, ()))
        return gezien

    assert [p for p in pakketten() if p in bereikbaar(p)] == []
