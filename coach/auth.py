"""Coach accounts, passwords (scrypt), login with lock-out, and server-side sessions.

* Passwords: `hashlib.scrypt` (n=2**14, r=8, p=1, 16-byte salt), stored as
  `scrypt$n$r$p$salt$hash` (base64). Compared in constant time.
* Lock-out: `max_mislukt` failed logins for one user name within `blokkeer_minuten` (and after
  the last success) block that name for `blokkeer_minuten` after the last failure; while blocked
  even the right password is refused, and those attempts are not counted. The attempt is counted
  (committed as a failure) before its password is checked, so a burst of simultaneous logins
  cannot get more than `max_mislukt` passwords checked.
* Sessions: a random token in an HttpOnly cookie; the table holds only its SHA-256, the account,
  a CSRF token and the expiry time.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from catalog_db.coach_tabellen import CoachAccount, CoachInlogpoging, CoachSessie
from coach.config import CoachConfig
from gedeeld.opslag import nu

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_WACHTWOORD = 12


def hash_wachtwoord(wachtwoord: str) -> str:
    zout = secrets.token_bytes(16)
    sleutel = hashlib.scrypt(wachtwoord.encode(), salt=zout, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(zout).decode()}${b64(sleutel).decode()}"


def controleer_wachtwoord(wachtwoord: str, opgeslagen: str) -> bool:
    try:
        soort, n, r, p, zout, sleutel = opgeslagen.split("$")
        if soort != "scrypt":
            return False
        verwacht = base64.b64decode(sleutel)
        echt = hashlib.scrypt(wachtwoord.encode(), salt=base64.b64decode(zout), n=int(n), r=int(r), p=int(p), dklen=len(verwacht))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(echt, verwacht)


_NEP_HASH = hash_wachtwoord(secrets.token_urlsafe(16))  # same work for unknown user names


def schoon_gebruikersnaam(naam: str) -> str:
    return naam.strip().lower()[:64]


def maak_account(
    session: Session,
    *,
    gebruikersnaam: str,
    wachtwoord: str,
    naam: str,
    organisatie: str,
    loket: str | None = None,
    regio: str | None = None,
) -> CoachAccount:
    gebruikersnaam = schoon_gebruikersnaam(gebruikersnaam)
    if not gebruikersnaam or not all(c.isalnum() or c in "._-@" for c in gebruikersnaam):
        raise ValueError("gebruikersnaam: letters, cijfers en . _ - @")
    if len(wachtwoord) < MIN_WACHTWOORD:
        raise ValueError(f"wachtwoord: minstens {MIN_WACHTWOORD} tekens")
    if not naam.strip() or not organisatie.strip():
        raise ValueError("naam en organisatie zijn nodig")
    if session.scalar(select(CoachAccount.id).where(CoachAccount.gebruikersnaam == gebruikersnaam)) is not None:
        raise ValueError("deze gebruikersnaam bestaat al")
    account = CoachAccount(
        gebruikersnaam=gebruikersnaam,
        naam=naam.strip()[:80],
        organisatie=organisatie.strip()[:120],
        loket=loket or None,
        regio=regio or None,
        wachtwoord_hash=hash_wachtwoord(wachtwoord),
        actief=True,
        aangemaakt=nu(),
    )
    session.add(account)
    session.flush()
    return account


class Uitkomst(enum.Enum):
    GOED = "goed"
    FOUT = "fout"
    GEBLOKKEERD = "geblokkeerd"


@dataclass(frozen=True)
class Login:
    uitkomst: Uitkomst
    token: str | None = None  # the cookie value (only when GOED)
    csrf: str | None = None


def _mislukt(session: Session, gebruikersnaam: str, config: CoachConfig, tot_id: int | None = None) -> int:
    """Failed logins of this name within the window and after its last success (with `tot_id`:
    only those recorded up to that attempt, i.e. its place in the queue)."""
    venster = nu() - timedelta(minutes=config.blokkeer_minuten)
    laatste_goed = session.scalar(
        select(func.max(CoachInlogpoging.moment)).where(
            CoachInlogpoging.gebruikersnaam == gebruikersnaam, CoachInlogpoging.gelukt.is_(True)
        )
    )
    grens = max(venster, laatste_goed) if laatste_goed else venster
    mislukt = session.scalar(
        select(func.count())
        .select_from(CoachInlogpoging)
        .where(
            CoachInlogpoging.gebruikersnaam == gebruikersnaam,
            CoachInlogpoging.gelukt.is_(False),
            CoachInlogpoging.moment > grens,
            *(() if tot_id is None else (CoachInlogpoging.id <= tot_id,)),
        )
    )
    return mislukt or 0


def is_geblokkeerd(session: Session, gebruikersnaam: str, config: CoachConfig) -> bool:
    return _mislukt(session, gebruikersnaam, config) >= config.max_mislukt


def inloggen(session: Session, gebruikersnaam: str, wachtwoord: str, config: CoachConfig) -> Login:
    naam = schoon_gebruikersnaam(gebruikersnaam)
    if not naam:
        return Login(Uitkomst.FOUT)
    # Count first (committed, so every simultaneous attempt sees it), then check by its place in
    # the queue: the n-th attempt has n failures up to and including its own, so at most
    # `max_mislukt` attempts get to the password, and those stay counted (a burst that all sees
    # "too many" and takes itself back would otherwise leave no lock at all).
    poging = CoachInlogpoging(gebruikersnaam=naam, moment=nu(), gelukt=False)
    session.add(poging)
    session.commit()
    if _mislukt(session, naam, config, tot_id=poging.id) > config.max_mislukt:
        session.delete(poging)  # blocked attempts do not count
        session.commit()
        controleer_wachtwoord(wachtwoord, _NEP_HASH)
        return Login(Uitkomst.GEBLOKKEERD)
    session.commit()  # end the read before the slow check
    account = session.scalar(select(CoachAccount).where(CoachAccount.gebruikersnaam == naam))
    goed = controleer_wachtwoord(wachtwoord, account.wachtwoord_hash if account else _NEP_HASH)
    goed = goed and account is not None and account.actief
    if not goed or account is None:
        return Login(Uitkomst.FOUT)
    poging.gelukt = True
    session.execute(delete(CoachSessie).where(CoachSessie.verloopt < nu()))
    session.execute(
        delete(CoachInlogpoging).where(CoachInlogpoging.moment < nu() - timedelta(days=30))
    )  # keep login attempts 30 days
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add(
        CoachSessie(
            id=_sessie_id(token),
            account_id=account.id,
            csrf=csrf,
            aangemaakt=nu(),
            verloopt=nu() + timedelta(hours=config.sessie_uren),
        )
    )
    session.flush()
    return Login(Uitkomst.GOED, token=token, csrf=csrf)


def _sessie_id(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sessie_voor(session: Session, token: str | None) -> CoachSessie | None:
    """The live session of this cookie value (with its active account), or None."""
    if not token or len(token) > 100:
        return None
    sessie = session.get(CoachSessie, _sessie_id(token))
    if sessie is None or sessie.verloopt < nu() or not sessie.account.actief:
        return None
    return sessie


def uitloggen(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(CoachSessie).where(CoachSessie.id == _sessie_id(token)))


def csrf_klopt(verwacht: str, gekregen: object) -> bool:
    return isinstance(gekregen, str) and bool(gekregen) and hmac.compare_digest(verwacht.encode(), gekregen.encode())
