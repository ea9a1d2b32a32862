"""Erasure, retention and export for the coach tables in the catalog database
(`catalog_db.coach_tabellen`). `privacy.wissen.wis_overal` erases one conversation here and in
the tracker; the CLI (`python -m privacy`) and the coach console both call it.

* `wis_conversatie`: a client's intake and call-back requests of one conversation id, and the
  link from its demand record (the anonymous counts stay).
* `pas_bewaartermijn_toe`: intakes older than `dagen_intake` (by last change), call-backs older
  than `dagen_terugbel` (by creation), and the link (`sleutel`) of demand records not touched
  within `dagen_intake`; the records themselves are anonymous counts and stay.
  Also expired coach sessions and login attempts older than 30 days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, CursorResult, Delete, Engine, Update, delete, func, inspect, select, true, update
from sqlalchemy.orm import Session

from catalog_db.coach_tabellen import CoachInlogpoging, CoachSessie, Intake, Terugbelverzoek, VraagRecord
from gedeeld.opslag import nu, vraag_sleutel
from privacy.sqlite import overschrijf_bij_wissen

GEEN_TABELLEN = "geen coach-tabellen (python -m catalog_db migrate)"


def _aantal(session: Session, stmt: Delete | Update) -> int:
    """The rows a DELETE or UPDATE touched. For DML the session returns a CursorResult (which has
    `rowcount`), though its signature names the wider Result."""
    resultaat = session.execute(stmt)
    if not isinstance(resultaat, CursorResult):
        raise TypeError(f"expected a CursorResult for {stmt.__class__.__name__}, got {resultaat.__class__.__name__}")
    return resultaat.rowcount


def heeft_coach_tabellen(engine: Engine) -> bool:
    """Whether this catalog database has the coach tables (migration 0003) to erase in."""
    return inspect(engine).has_table("intake")


@dataclass(frozen=True)
class Gewist:
    intakes: int
    terugbelverzoeken: int
    vraag_koppelingen: int
    over: int = 0  # records of this conversation the caller may not see: they (and the conversation) stay

    def tekst(self) -> str:
        return (
            f"{self.intakes} intakes, {self.terugbelverzoeken} terugbelverzoeken, "
            f"{self.vraag_koppelingen} koppelingen van vraagrecords gewist"
            + (f"; {self.over} van een andere organisatie of regio blijven" if self.over else "")
        )


def wis_conversatie(
    session: Session,
    conversatie_id: str,
    intakes_waar: ColumnElement[bool] | None = None,
    terugbel_waar: ColumnElement[bool] | None = None,
) -> Gewist:
    """Erase what the caller may see of one conversation: its intakes matching `intakes_waar` and
    call-back requests matching `terugbel_waar` (default: all, for the operator's CLI). The link of
    the demand record goes only when no record of the conversation is left (`over` counts those;
    the caller then keeps the conversation's tracker events too)."""
    overschrijf_bij_wissen(session)  # SQLite: the deleted rows are overwritten (leeg_wal after the commit)
    intake_bij = Intake.conversatie_id == conversatie_id
    terug_bij = Terugbelverzoek.conversatie_id == conversatie_id
    intakes = _aantal(session, delete(Intake).where(intake_bij, true() if intakes_waar is None else intakes_waar))
    terug = _aantal(session, delete(Terugbelverzoek).where(terug_bij, true() if terugbel_waar is None else terugbel_waar))
    over = (session.scalar(select(func.count()).select_from(Intake).where(intake_bij)) or 0) + (
        session.scalar(select(func.count()).select_from(Terugbelverzoek).where(terug_bij)) or 0
    )
    koppel = 0
    if not over:
        koppel = _aantal(
            session, update(VraagRecord).where(VraagRecord.sleutel == vraag_sleutel(conversatie_id)).values(sleutel=None)
        )
    return Gewist(intakes or 0, terug or 0, koppel or 0, over)


INLOGPOGINGEN_DAGEN = 30


def pas_bewaartermijn_toe(session: Session, dagen_intake: int, dagen_terugbel: int, moment: datetime | None = None) -> Gewist:
    nu_ = moment or nu()
    overschrijf_bij_wissen(session)
    grens_intake = nu_ - timedelta(days=dagen_intake)
    grens_terug = nu_ - timedelta(days=dagen_terugbel)
    intakes = _aantal(session, delete(Intake).where(Intake.bijgewerkt < grens_intake))
    terug = _aantal(session, delete(Terugbelverzoek).where(Terugbelverzoek.aangemaakt < grens_terug))
    koppel = _aantal(
        session,
        update(VraagRecord).where(VraagRecord.sleutel.is_not(None), VraagRecord.bijgewerkt < grens_intake).values(sleutel=None),
    )
    session.execute(delete(CoachSessie).where(CoachSessie.verloopt < nu_))
    session.execute(delete(CoachInlogpoging).where(CoachInlogpoging.moment < nu_ - timedelta(days=INLOGPOGINGEN_DAGEN)))
    return Gewist(intakes or 0, terug or 0, koppel or 0)


def _rij(obj: object, velden: tuple[str, ...]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for veld in velden:
        waarde = getattr(obj, veld)
        uit[veld] = waarde.isoformat() if isinstance(waarde, datetime) else waarde
    return uit


def exporteer_conversatie(session: Session, conversatie_id: str) -> dict[str, list[dict[str, Any]]]:
    """What the catalog database holds about one conversation (for a data-access request): its
    coach intake and call-back requests. Coach account ids are left out (not the person's data)."""
    intakes = session.scalars(select(Intake).where(Intake.conversatie_id == conversatie_id))
    verzoeken = session.scalars(
        select(Terugbelverzoek).where(Terugbelverzoek.conversatie_id == conversatie_id).order_by(Terugbelverzoek.aangemaakt)
    )
    return {
        "intakes": [_rij(i, INTAKE_EXPORT) for i in intakes],
        "terugbelverzoeken": [_rij(t, TERUGBEL_EXPORT) for t in verzoeken],
    }


INTAKE_EXPORT = ("client_ref", "organisatie", "status", "profiel", "routes", "volgende_stappen", "notities",
                 "overgedragen_aan", "overgedragen_op", "afgerond_op", "aangemaakt", "bijgewerkt")  # fmt: skip
TERUGBEL_EXPORT = (
    "voornaam",
    "telefoon",
    "email",
    "regio",
    "profiel",
    "routes",
    "status",
    "aangemaakt",
    "geclaimd_op",
    "afgerond_op",
)
