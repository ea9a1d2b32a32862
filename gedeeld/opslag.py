"""What the bot's action server stores for coach mode, and the console too: demand records and
call-back requests (tables in `catalog_db.coach_tabellen`).

`registreer_vraag` keeps one anonymous record per conversation for the demand statistics:
month, regio, doel_sector, opleidingsniveau, situatie, and whether it came from the public bot
or a coach intake. The conversation id itself is not stored, only its SHA-256 (`sleutel`), so a
conversation is counted once: calling it again for the same conversation overwrites the
record (the last profile wins, also its month). The retention job clears `sleutel` after the
retention period, after which a record cannot be linked to anything. Values that are not
canonical codes are stored as None ("onbekend"), never as free text.

`bewaar_terugbelverzoek` stores a call-back request the person consented to, status "open".
Both only add to the session; the caller commits (e.g. `catalog_db.db.session_scope`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from catalog_db.coach_tabellen import TERUGBEL_OPEN, Terugbelverzoek, VraagRecord
from gedeeld.contact import normaliseer_email, normaliseer_telefoon, normaliseer_voornaam
from gedeeld.intakevragen import INTAKE_SLOTS

_CODE = re.compile(r"[a-z0-9_]{1,48}")
MAX_ROUTES = 10


def nu() -> datetime:
    """Now, naive UTC (how every coach table stores time)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _utc(moment: datetime | None) -> datetime:
    if moment is None:
        return nu()
    if moment.tzinfo is not None:
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def vraag_sleutel(conversatie_id: str) -> str:
    return hashlib.sha256(("leerroute-vraag:" + conversatie_id).encode()).hexdigest()


def bron_van(conversatie_id: str) -> str:
    return "coach" if conversatie_id.startswith("coach-") else "bot"


def schoon_profiel(profiel: Mapping[str, Any]) -> dict[str, str | None]:
    """Only the intake fields, only code-shaped values (lowercase letters, digits, _)."""
    uit: dict[str, str | None] = {}
    for veld in INTAKE_SLOTS:
        waarde = profiel.get(veld)
        uit[veld] = waarde if isinstance(waarde, str) and _CODE.fullmatch(waarde) else None
    return uit


def registreer_vraag(
    session: Session, conversatie_id: str, profiel: Mapping[str, str | None], moment: datetime | None = None
) -> None:
    """Count this conversation's demand once (insert, or overwrite its earlier record)."""
    if not conversatie_id:
        raise ValueError("conversatie_id is leeg")
    p = schoon_profiel(profiel)
    tijd = _utc(moment)
    waarden = {
        "sleutel": vraag_sleutel(conversatie_id),
        "maand": tijd.strftime("%Y-%m"),
        "regio": p["regio"],
        "doel_sector": p["doel_sector"],
        "opleidingsniveau": p["opleidingsniveau"],
        "situatie": p["situatie"],
        "bron": bron_van(conversatie_id),
        "bijgewerkt": tijd,
    }
    tabel = VraagRecord.__table__  # typed as the wider FromClause; a declarative class maps a Table
    assert isinstance(tabel, Table)
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
        stmt = insert(tabel).values(**waarden)
        bijwerken = {k: stmt.excluded[k] for k in waarden if k != "sleutel"}
        session.execute(stmt.on_conflict_do_update(index_elements=[tabel.c.sleutel], set_=bijwerken))
        return
    record = session.scalar(select(VraagRecord).where(VraagRecord.sleutel == waarden["sleutel"]))
    if record is None:
        session.add(VraagRecord(**waarden))
    else:
        for k, v in waarden.items():
            setattr(record, k, v)
    session.flush()


def _route_samenvatting(route: Mapping[str, Any]) -> dict[str, Any]:
    """A route as kept with a call-back: JSON-safe values only."""
    return {str(k): v for k, v in route.items() if isinstance(v, str | int | float | bool | list | dict | type(None))}


def bewaar_terugbelverzoek(
    session: Session,
    *,
    conversatie_id: str,
    voornaam: str,
    telefoon: str | None,
    email: str | None,
    regio: str | None,
    profiel: Mapping[str, str | None],
    routes: list[dict[str, Any]],
    moment: datetime | None = None,
) -> int:
    """Store a consented call-back request (status open) and return its id.

    The contact details are validated again here: ValueError when the first name is not valid,
    or when neither a valid phone number nor a valid e-mail address is given (a given but
    invalid one is an error too). Phone numbers are stored as E.164."""
    if not conversatie_id:
        raise ValueError("conversatie_id is leeg")
    naam = normaliseer_voornaam(voornaam)
    if naam is None:
        raise ValueError("voornaam ongeldig")
    tel = normaliseer_telefoon(telefoon) if telefoon else None
    mail = normaliseer_email(email) if email else None
    if (telefoon and tel is None) or (email and mail is None):
        raise ValueError("telefoon of e-mail ongeldig")
    if tel is None and mail is None:
        raise ValueError("telefoon of e-mail nodig")
    p = schoon_profiel(profiel)
    regio_code = regio if isinstance(regio, str) and _CODE.fullmatch(regio) else p["regio"]
    verzoek = Terugbelverzoek(
        conversatie_id=conversatie_id[:80],
        voornaam=naam,
        telefoon=tel,
        email=mail,
        regio=regio_code,
        profiel=p,
        routes=[_route_samenvatting(r) for r in routes[:MAX_ROUTES] if isinstance(r, Mapping)],
        status=TERUGBEL_OPEN,
        aangemaakt=_utc(moment),
    )
    session.add(verzoek)
    session.flush()
    return verzoek.id
