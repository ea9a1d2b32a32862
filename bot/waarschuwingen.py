"""The warning filters of PYTHONWARNINGS, put back in front in a Rasa process.

scripts/env.sh silences the known warnings of other people's code, each for its module and with
its reason, through PYTHONWARNINGS; every other warning shows. Sanic 21.12, which Rasa 3.6 runs
on, calls `warnings.filterwarnings("once", category=DeprecationWarning)` when it is imported
(sanic/app.py): that filter goes in front of the ones Python set from PYTHONWARNINGS at start, so
the known deprecations would show again. `herstel()` imports Sanic first and then adds the
PYTHONWARNINGS filters again, in front of Sanic's; `bot.worker` calls it before Rasa starts.
"""

from __future__ import annotations

import builtins
import re
import sys
import warnings
from typing import Literal

Actie = Literal["default", "error", "ignore", "always", "module", "once"]
ACTIES: dict[str, Actie] = {a: a for a in ("default", "error", "ignore", "always", "module", "once")}


def filter_uit(optie: str) -> tuple[Actie, str, type[Warning], str, int] | None:
    """One PYTHONWARNINGS entry (`action:message:category:module:lineno`, any part may be empty)
    as the arguments of `warnings.filterwarnings`, the way Python reads it at start; None for an
    entry Python rejects (it said so at start). Categories are builtin names only."""
    delen = [deel.strip() for deel in optie.split(":")]
    if len(delen) > 5:
        return None
    naam, bericht, soort, module, regel = delen + [""] * (5 - len(delen))
    actie = ACTIES.get(naam or "default")
    categorie = getattr(builtins, soort or "Warning", None)
    if actie is None or not (isinstance(categorie, type) and issubclass(categorie, Warning)):
        return None
    if regel and not regel.isdigit():
        return None
    return actie, re.escape(bericht), categorie, re.escape(module) + r"\Z" if module else "", int(regel or 0)


def herstel() -> int:
    """Put the PYTHONWARNINGS filters back in front of Sanic's; how many."""
    import sanic  # noqa: F401  (Sanic's filter first, then ours in front of it)

    filters = [f for f in map(filter_uit, sys.warnoptions) if f is not None]
    for actie, bericht, categorie, module, regel in filters:  # each goes in front: the last one first, as at start
        warnings.filterwarnings(actie, bericht, categorie, module, regel)
    return len(filters)
