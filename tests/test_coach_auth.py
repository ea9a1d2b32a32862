"""Coach accounts: password hashing, login, lock-out, session expiry, and the CLI that makes the first account."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select, update

from catalog_db.coach_tabellen import CoachAccount, CoachSessie
from catalog_db.db import session_scope
from coach import auth
from coach.__main__ import main as coach_main
from coach.config import CoachConfig
from gedeeld.opslag import nu

CONFIG = CoachConfig()
WW = "correct-paard-batterij"


def test_hash_en_controle() -> None:
    h = auth.hash_wachtwoord(WW)
    assert WW not in h and h.startswith("scrypt$")
    assert auth.controleer_wachtwoord(WW, h)
    assert not auth.controleer_wachtwoord(WW + "x", h)
    assert auth.hash_wachtwoord(WW) != h  # salted
    for kapot in ("", "scrypt$1$2", "md5$x$y$z$a$b", "scrypt$16384$8$1$!!$!!"):
        assert not auth.controleer_wachtwoord(WW, kapot)


def test_account_regels(leeg_catalog: Engine) -> None:
    with session_scope(leeg_catalog) as s:
        auth.maak_account(s, gebruikersnaam="Sanne", wachtwoord=WW, naam="Sanne", organisatie="Loket")
        for fout in ({"gebruikersnaam": "sanne"}, {"wachtwoord": "kort"}, {"gebruikersnaam": "a b"}, {"organisatie": " "}):
            with pytest.raises(ValueError):
                auth.maak_account(s, **{"gebruikersnaam": "nieuw", "wachtwoord": WW, "naam": "N", "organisatie": "L", **fout})


def test_login_sessie_en_verlopen(leeg_catalog: Engine) -> None:
    with session_scope(leeg_catalog) as s:
        auth.maak_account(s, gebruikersnaam="sanne", wachtwoord=WW, naam="Sanne", organisatie="Loket")
    with session_scope(leeg_catalog) as s:
        login = auth.inloggen(s, " SANNE ", WW, CONFIG)
    assert login.uitkomst is auth.Uitkomst.GOED and login.token and login.csrf
    with session_scope(leeg_catalog) as s:
        sessie = auth.sessie_voor(s, login.token)
        assert sessie is not None and sessie.csrf == login.csrf
        assert login.token not in {r.id for r in s.scalars(select(CoachSessie))}  # only its hash is stored
        assert auth.sessie_voor(s, login.token + "x") is None
        s.execute(update(CoachSessie).values(verloopt=nu() - timedelta(seconds=1)))
    with session_scope(leeg_catalog) as s:
        assert auth.sessie_voor(s, login.token) is None
        login2 = auth.inloggen(s, "sanne", WW, CONFIG)
        s.execute(update(CoachAccount).values(actief=False))
        assert auth.sessie_voor(s, login2.token) is None  # a disabled account has no live sessions
        assert auth.inloggen(s, "sanne", WW, CONFIG).uitkomst is auth.Uitkomst.FOUT


def test_lockout_grens(leeg_catalog: Engine) -> None:
    with session_scope(leeg_catalog) as s:
        auth.maak_account(s, gebruikersnaam="sanne", wachtwoord=WW, naam="Sanne", organisatie="Loket")
        for _ in range(4):
            assert auth.inloggen(s, "sanne", "fout", CONFIG).uitkomst is auth.Uitkomst.FOUT
        assert auth.inloggen(s, "sanne", WW, CONFIG).uitkomst is auth.Uitkomst.GOED  # 4 failures: not yet blocked
        for _ in range(4):
            auth.inloggen(s, "sanne", "fout", CONFIG)
        assert not auth.is_geblokkeerd(s, "sanne", CONFIG)  # the success reset the count
        auth.inloggen(s, "sanne", "fout", CONFIG)
        assert auth.is_geblokkeerd(s, "sanne", CONFIG)
        assert auth.inloggen(s, "sanne", WW, CONFIG).uitkomst is auth.Uitkomst.GEBLOKKEERD
        assert not auth.is_geblokkeerd(s, "iemand-anders", CONFIG)


def test_cli_maakt_account_met_wachtwoord_van_stdin(leeg_catalog: Engine, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.setenv("CATALOG_DB_URL", str(leeg_catalog.url))
    monkeypatch.delenv("COACH_WACHTWOORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(WW + "\n"))
    assert coach_main(["maak-account", "--gebruikersnaam", "sanne", "--naam", "Sanne de Vries", "--organisatie", "Leerwerkloket Drenthe",
                       "--regio", "drenthe", "--wachtwoord-stdin"]) == 0  # fmt: skip
    assert "account sanne gemaakt" in capsys.readouterr().out
    monkeypatch.setenv("COACH_WACHTWOORD", "te-kort")
    assert coach_main(["maak-account", "--gebruikersnaam", "piet", "--naam", "Piet", "--organisatie", "X"]) == 1
    assert "minstens 12" in capsys.readouterr().err
    with session_scope(leeg_catalog) as s:
        account = s.scalars(select(CoachAccount)).one()
        assert (account.gebruikersnaam, account.regio, account.organisatie) == ("sanne", "drenthe", "Leerwerkloket Drenthe")
        assert auth.inloggen(s, "sanne", WW, CONFIG).uitkomst is auth.Uitkomst.GOED
