"""The coach console in a real browser (Debian's Chromium, headless, Playwright) against the
running bot: log in, run a whole intake by clicks, see the routes, correct an answer, write a
note, download the PDF; a call-back left through the chat's "Bel mij": see, claim, close, and
erase one (with its Rasa tracker events); see the demand chart; axe-core scan."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from catalog_db.coach_tabellen import CoachAccount, Intake, Terugbelverzoek, VraagRecord
from catalog_db.db import make_engine, session_scope
from coach.auth import maak_account
from tests.conftest_bot import WEB_PORT
from tests.conftest_browser import ARTEFACTEN

pytestmark = pytest.mark.conversation
URL = f"http://localhost:{WEB_PORT}"
WACHTWOORD = "browser-test-wachtwoord-1"

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def catalogus_db(bot_proc: dict[str, Any]) -> Any:
    """The running bot's catalog database, with a coach account."""
    engine = make_engine(bot_proc["env"]["CATALOG_DB_URL"])
    with session_scope(engine) as s:
        if not s.scalar(select(CoachAccount.id).where(CoachAccount.gebruikersnaam == "browsercoach")):
            maak_account(s, gebruikersnaam="browsercoach", wachtwoord=WACHTWOORD, naam="Sanne Coach",
                         organisatie="Leerwerkloket Drenthe", loket="leerwerkloket_drenthe", regio="drenthe")  # fmt: skip
    yield engine
    engine.dispose()


@pytest.fixture
def pagina(browser: Any, catalogus_db: Any) -> Iterator[tuple[Any, list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    fouten: list[str] = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: fouten.append(str(e)))
    page.goto(URL + "/coach")
    page.get_by_label("Gebruikersnaam").fill("browsercoach")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_selector("h1:has-text('Intakes')")
    yield page, fouten
    context.close()


def klik(page: Any, titel: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=titel, exact=True).click()


def test_hele_intake_als_coach(pagina: tuple[Any, list[str]], catalogus_db: Any) -> None:
    from pypdf import PdfReader

    page, fouten = pagina
    page.get_by_label("Klantnummer").fill("KL-BROWSER-1")
    klik(page, "Start de intake")
    assert "Wat past het best bij jou?" in page.locator(".voorlezen").inner_text()
    klik(page, "Ik zoek werk")
    assert "uitkering" in page.locator(".voorlezen").inner_text()
    assert "Ik zoek werk" in page.locator("table.begrepen").inner_text()  # what the bot understood
    klik(page, "Bijstand (van de gemeente)")
    klik(page, "Vmbo, mavo of lts")
    klik(page, "Zorg en welzijn")
    klik(page, "Drenthe")
    klik(page, "30 tot 57")
    page.wait_for_selector("article.route")
    kaarten = page.locator("article.route")
    assert kaarten.count() >= 1
    tekst = kaarten.first.inner_text()
    for woord in ("Waar", "Kosten", "Geld", "Hulp", "Waarom"):
        assert woord in tekst
    begrepen = page.locator("table.begrepen").inner_text()
    for naam in ("Ik zoek werk", "Bijstand", "Zorg en welzijn", "Drenthe"):
        assert naam in begrepen

    # correct an answer: another region; the routes follow
    page.get_by_label("Nieuw antwoord voor Regio").select_option("twente")
    klik(page, "Verbeter Regio")
    assert "Twente" in page.locator("table.begrepen").inner_text()
    page.wait_for_selector("article.route")
    # a sector that is not asked now goes through the tracker API; the routes follow as well
    page.get_by_label("Nieuw antwoord voor Werk straks").select_option("bouw")
    klik(page, "Verbeter Werk straks")
    assert "Bouw" in page.locator("table.begrepen").inner_text()
    page.wait_for_selector("article.route")

    page.get_by_label("Notities van de coach").fill("Klant wil graag werken en leren. Begint na de zomer.")
    klik(page, "Bewaar het verslag")
    assert "Opgeslagen." in page.locator(".melding").inner_text()
    ARTEFACTEN.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTEN / "coach-intake.png"), full_page=True)
    assert_toegankelijk(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert 1 <= len(pdf.pages) <= 4
    tekst = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    for stuk in ("Intakeverslag", "KL-BROWSER-1", "Sanne Coach", "Twente", "Werk straks: Bouw", "Begint na de zomer", "Route 1"):
        assert stuk in tekst, stuk
    with session_scope(catalogus_db) as s:
        intake = s.scalars(select(Intake).where(Intake.client_ref == "KL-BROWSER-1")).one()
        assert intake.routes and intake.profiel["regio"] == "twente" and intake.profiel["doel_sector"] == "bouw"
        assert all(r["sector"] == "bouw" for r in intake.routes)
        assert s.scalar(select(VraagRecord).where(VraagRecord.bron == "coach")) is not None
    assert not fouten, fouten


def bel_mij(bot: Any, voornaam: str, telefoon: str) -> str:
    """A public user gets routes and leaves a call-back request through the bot's "Bel mij" form."""
    chat = bot.chat()
    for bericht in ('/inform{"situatie":"werkzoekend"}', '/inform{"uitkering":"bijstand"}', '/inform{"opleidingsniveau":"vmbo"}',
                    '/inform{"sector":"zorg"}', '/inform{"regio":"drenthe"}'):  # fmt: skip
        chat.say(bericht)
    if chat.slot("requested_slot") == "leeftijd":
        chat.say('/inform{"leeftijd":"30_56"}')
    assert chat.slot("routes"), chat.texts()
    for bericht in ("/bel_mij", "/bevestigen", voornaam, telefoon):
        chat.say(bericht)
    assert any(voornaam in t for t in chat.texts()), chat.texts()  # "Dank je, Noor. … neemt contact met je op."
    return chat.sender


def test_terugbelverzoek_uit_de_chat_zien_afronden_en_wissen(
    pagina: tuple[Any, list[str]], catalogus_db: Any, bot: Any, bot_proc: dict[str, Any]
) -> None:
    page, fouten = pagina
    sender = bel_mij(bot, "Noor", "06 8765 4321")
    with session_scope(catalogus_db) as s:
        nr = s.scalars(select(Terugbelverzoek.id).where(Terugbelverzoek.conversatie_id == sender)).one()
    page.get_by_role("link", name="Terugbellen").click()
    kaart = page.locator(f"#vz-{nr}").locator("xpath=..")
    assert "Noor" in kaart.inner_text() and "+31687654321" in kaart.inner_text() and "Zorg en welzijn" in kaart.inner_text()
    with page.expect_navigation():
        kaart.get_by_role("button", name="Ik bel").click()
    kaart = page.locator(f"#vz-{nr}").locator("xpath=..")
    assert "Sanne Coach belt" in kaart.inner_text()
    with page.expect_navigation():
        kaart.get_by_role("button", name="Gebeld, rond af").click()
    assert page.locator(f"#vz-{nr}").count() == 0
    with session_scope(catalogus_db) as s:
        verzoek = s.get(Terugbelverzoek, nr)
        assert verzoek is not None and verzoek.status == "afgerond"

    # another person asks to have everything erased: call-back request and conversation go
    sender2 = bel_mij(bot, "Bram", "050-1234567")
    tracker = create_engine(bot_proc["env"]["TRACKER_DB_URL"])
    aantal = "SELECT COUNT(*) FROM events WHERE sender_id = :s"
    with tracker.connect() as conn:
        assert conn.execute(text(aantal), {"s": sender2}).scalar() > 0
    with session_scope(catalogus_db) as s:
        nr2 = s.scalars(select(Terugbelverzoek.id).where(Terugbelverzoek.conversatie_id == sender2)).one()
    page.reload()
    kaart = page.locator(f"#vz-{nr2}").locator("xpath=..")
    kaart.get_by_label("Wis alles van Bram").check()
    with page.expect_navigation():
        kaart.get_by_role("button", name="Wis", exact=True).click()
    assert "gewist" in page.locator(".melding").inner_text()
    with session_scope(catalogus_db) as s:
        assert s.get(Terugbelverzoek, nr2) is None
    with tracker.connect() as conn:
        assert conn.execute(text(aantal), {"s": sender2}).scalar() == 0
        assert conn.execute(text(aantal), {"s": sender}).scalar() > 0
    tracker.dispose()
    assert not fouten, fouten


def test_cijfers_en_toegankelijkheid(pagina: tuple[Any, list[str]]) -> None:
    page, fouten = pagina
    page.get_by_role("link", name="Cijfers").click()
    page.wait_for_selector("figure img")
    page.wait_for_function("() => document.querySelector('figure img').complete")
    assert page.evaluate("document.querySelector('figure img').naturalWidth") > 100  # the PNG chart rendered
    for pad in ("/coach/statistiek", "/coach", "/coach/terugbellen"):
        page.goto(URL + pad)
        assert_toegankelijk(page)
    assert not fouten, fouten


def assert_toegankelijk(page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    resultaat = Axe().run(page, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    ernstig = [v for v in resultaat.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not ernstig, (page.url, [(v["id"], v["help"]) for v in ernstig])
