"""The pure validators: phone numbers, e-mail, first names, client references (no BSN)."""

from __future__ import annotations

import pytest

from gedeeld.contact import (
    bevat_bsn,
    is_bsn,
    normaliseer_client_ref,
    normaliseer_email,
    normaliseer_telefoon,
    normaliseer_voornaam,
)


@pytest.mark.parametrize(
    "tekst,verwacht",
    [
        ("0612345678", "+31612345678"),
        ("06-12345678", "+31612345678"),
        ("06 12 34 56 78", "+31612345678"),
        ("(06) 1234 5678", "+31612345678"),
        ("+31612345678", "+31612345678"),
        ("+31 6 12345678", "+31612345678"),
        ("+31 (0)6 1234 5678", "+31612345678"),
        ("0031612345678", "+31612345678"),
        ("00 31 6 1234 5678", "+31612345678"),
        ("0687654321", "+31687654321"),
        ("050-1234567", "+31501234567"),
        ("(050) 123 45 67", "+31501234567"),
        ("010 - 123 45 67", "+31101234567"),
        ("0591-123456", "+31591123456"),
        ("+31 20 123 4567", "+31201234567"),
        ("088 1234567", "+31881234567"),
        ("  0612345678  ", "+31612345678"),
    ],
)
def test_telefoon_goed(tekst: str, verwacht: str) -> None:
    assert normaliseer_telefoon(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "", "06", "061234567", "06123456789", "0612345678a", "06.12.34.56.78", "0800-1234567", "0900 1234567",
        "0661234567", "0671234567", "0012345678", "+32412345678", "+4915112345678", "612345678", "+310612345678",
        "0031 0612345678", "00316123456789", "06/12345678", "jan", "٠٦١٢٣٤٥٦٧٨", "0６12345678", "+31+612345678", None, 612345678,
        "0" * 200,
    ],
)  # fmt: skip
def test_telefoon_fout(tekst: object) -> None:
    assert normaliseer_telefoon(tekst) is None


@pytest.mark.parametrize(
    "tekst,verwacht",
    [
        ("jan@example.nl", "jan@example.nl"),
        (" Jan.de-Vries+werk@Voorbeeld.NL ", "Jan.de-Vries+werk@voorbeeld.nl"),
        ("a@b.co", "a@b.co"),
        ("info@mail.gemeente-emmen.nl", "info@mail.gemeente-emmen.nl"),
        ("x@xn--caf-dma.nl", "x@xn--caf-dma.nl"),
    ],
)
def test_email_goed(tekst: str, verwacht: str) -> None:
    assert normaliseer_email(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    ["", "jan", "jan@", "@example.nl", "jan@example", "jan@@example.nl", "jan@ex ample.nl", "jan de vries@example.nl",
     ".jan@example.nl", "jan.@example.nl", "ja..n@example.nl", "jan@-example.nl", "jan@example-.nl", "jan@example.n",
     "jan@example.123", "jan@café.nl", "jän@example.nl", "a" * 65 + "@example.nl", "a@" + "b" * 250 + ".nl", None,
     "jan@example..nl", "<script>@x.nl"],
)  # fmt: skip
def test_email_fout(tekst: object) -> None:
    assert normaliseer_email(tekst) is None


@pytest.mark.parametrize(
    "tekst,verwacht",
    [("Jan", "Jan"), ("  José  ", "José"), ("Jan-Willem", "Jan-Willem"), ("Anne   Marie", "Anne Marie"),
     ("D'Angelo", "D'Angelo"), ("D’Angelo", "D'Angelo"), ("Zoë", "Zoë"), ("Ça", "Ça"), ("J", "J"),
     ("Łukasz", "Łukasz"), ("Ayşe", "Ayşe"), ("a" * 40, "a" * 40), ("Zoe\u0308", "Zoë")],
)  # fmt: skip
def test_voornaam_goed(tekst: str, verwacht: str) -> None:
    assert normaliseer_voornaam(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    ["", "   ", "Jan2", "a" * 41, "-Jan", "Jan-", "'Jan", "Jan--Piet", "Jan_Piet", "Jan.", "<b>", "Jan\nPiet",
     "jan@example.nl", "06-12345678", None, 42, "help", "Help", "HULP", "nee", "Weet niet", "liever niet"],
)  # fmt: skip
def test_voornaam_fout(tekst: object) -> None:
    assert normaliseer_voornaam(tekst) is None


def test_elfproef() -> None:
    assert is_bsn("111222333")  # a known valid test BSN
    assert is_bsn("123456782")
    assert not is_bsn("123456789")
    assert not is_bsn("000000000")
    assert not is_bsn("12345678")
    assert bevat_bsn("klant 1234 56 782")
    assert bevat_bsn("111.222.333")
    assert is_bsn("012345611") and bevat_bsn("nr 12345611")  # a BSN without its leading zero
    assert not bevat_bsn("klant 123456789")
    assert not bevat_bsn("KL-2026-0042")


@pytest.mark.parametrize(
    "tekst,verwacht", [("KL-2026-0042", "KL-2026-0042"), (" dossier  17 ", "dossier 17"), ("a1/b_c.d", "a1/b_c.d")]
)
def test_client_ref_goed(tekst: str, verwacht: str) -> None:
    assert normaliseer_client_ref(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "",
        "111222333",
        "ref 123456782",
        "1234.56.782",
        "0612345678",
        "jan@example.nl",
        "<x>",
        "x" * 41,
        None,
        "Jan Jansen",
        "KL 0612345678",
        "KL-06-1234 5678",
        "nr 0031612345678",
        "jansen",
        "Fatima El Amrani 2",
    ],
)
def test_client_ref_fout(tekst: object) -> None:
    assert normaliseer_client_ref(tekst) is None
