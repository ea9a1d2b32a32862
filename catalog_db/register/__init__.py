"""Real offers from the registers the field uses: DUO's RIO open data and schools' OOAPI v5 feeds.

Why: a catalog typed by hand goes stale. The registers are where schools themselves record what they
offer, where and how; reading them keeps the bot's courses real. Two formats:

- `rio`: DUO's daily open-data export of RIO, "HO Opleidingsoverzicht" (ho_opleidingsoverzicht.csv,
  https://onderwijsdata.duo.nl/datasets/ho_opleidingsoverzicht): every offered hbo/wo programme.
- `ooapi`: a school's Open Onderwijs API v5 answers (programs and their offerings) saved as JSON;
  this is how mbo offers with their crebo code and leerweg come in.

Rules (the same as the CSV and EDU-DEX importers, see catalog_db.importers):
- The whole file is checked before anything is written. A malformed record (no id, a level or form
  the register does not define, a bad date or amount) rejects the file, naming the row or record
  and the register's own field name. Nothing is half-written.
- A record we do not offer is skipped and counted per reason, not an error: the programme row
  without a provider, masters and other levels outside ours, offers that ended before the check
  date, a town outside our town table, no sector, and (only with --sla-onbekende-aanbieders-over)
  a provider the catalog does not know.
- Courses are upserted on a code derived from the register: `rio-<AANGEBODEN_OPLEIDINGCODE>` and
  `ooapi-<programId>` (plus `-<town>` when one program is offered in several towns). Importing the
  same file twice changes nothing; a dry run reports what would change and writes nothing.
- Level: RIO MBO-1..4 / OOAPI "secondary vocational education 1..4" -> mbo1..mbo4; associate degree
  and hbo bachelor -> hbo; wo bachelor -> wo. Masters, promotion, undivided, NT2 are skipped.
- Form: RIO VORM VOLTIJD/DEELTIJD/DUAAL -> voltijd/deeltijd/duaal; OOAPI modeOfStudy for mbo
  full-time/dual training/part-time -> bol/bbl/deeltijd (OOAPI v5 has no leerweg: our reading), for
  hbo/wo -> voltijd/duaal/deeltijd.
- Entry level (instroomniveau), as our seed does per level: mbo1 (Entree) -> geen; mbo2, mbo3,
  mbo4 -> vmbo; hbo -> mbo4 (mbo 4 or havo); wo -> vwo.
- Sector: a register has none of our 13 sectors. It comes from catalog_db/seed/crebo_sector.csv
  (crebo -> sector, taken from our own seed courses); else from the sector our own seed/CSV courses
  give the same crebo or croho code (never from earlier register imports); else from --sector;
  else the record is skipped as "zonder sector".
- Place: the register's town, and our arbeidsmarktregio for it from the catalog's town table
  (`plaats`, loaded from vocabulary.yml). An OOAPI program offered only online gets no region.
- Provider: the aanbieder whose code is the register's provider code (e.g. 110a133) or whose name is
  the register's provider name; else --aanbieder; else the file is rejected naming the provider code.
- Cost: only when the record states it (OOAPI priceInformation "total costs" in EUR); RIO states no
  cost, so the bot says "vraag het na".
- `bron`: the register (or --bron) and the record's id. `geverifieerd_op`: neither format carries a
  per-record check date, so it is the import's check date (--peildatum, default today). Re-reading an
  unchanged register later moves that date on and still counts the course as unchanged.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from catalog_db.importers import ImportFout, ImportResultaat
from catalog_db.register.basis import CREBO_SECTOR_PAD, Catalogus, Standaard
from catalog_db.register.ooapi import is_ooapi, lees_ooapi
from catalog_db.register.opslaan import verwerk
from catalog_db.register.rio import is_rio, lees_rio

REGISTER_FORMATEN = ("rio", "ooapi")
__all__ = ["REGISTER_FORMATEN", "Standaard", "herken_formaat", "importeer_register"]


def herken_formaat(pad: Path) -> str:
    """rio, ooapi, edudex or csv, from the file's first bytes (and its suffix for XML)."""
    with pad.open(encoding="utf-8-sig", errors="replace") as f:
        begin = f.read(4096)
    if is_ooapi(begin):
        return "ooapi"
    if pad.suffix.lower() == ".xml" or begin.lstrip().startswith("<"):
        return "edudex"
    return "rio" if is_rio(begin.splitlines()[0] if begin else "") else "csv"


def importeer_register(
    session: Session,
    pad: Path,
    formaat: str,
    standaard: Standaard | None = None,
    dry_run: bool = False,
    crebo_pad: Path = CREBO_SECTOR_PAD,
) -> ImportResultaat:
    """Check the whole register file against the catalog, then upsert its courses (not on a dry run)."""
    if formaat not in REGISTER_FORMATEN:
        raise ImportFout([f"onbekend registerformaat '{formaat}' (kies uit {', '.join(REGISTER_FORMATEN)})"])
    std = standaard or Standaard()
    cat = Catalogus.uit_db(session, crebo_pad)
    fouten = [f"--sector: onbekende sector '{std.sector}'"] if std.sector and std.sector not in cat.toegestaan.sectoren else []
    if std.aanbieder and std.aanbieder not in cat.toegestaan.aanbieders:
        fouten.append(f"--aanbieder: onbekende aanbieder '{std.aanbieder}'")
    if fouten:
        raise ImportFout(fouten)
    kandidaten = lees_rio(pad, cat, std) if formaat == "rio" else lees_ooapi(pad, cat, std)
    return verwerk(session, kandidaten, cat.toegestaan, dry_run=dry_run)
