"""The chat page in a real browser (Debian's Chromium, headless, via Playwright) against the
running bot: a whole intake by clicking and typing, keyboard only, phone width, read-aloud,
no console errors, and an axe-core accessibility scan."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest_bot import WEB_PORT
from tests.conftest_browser import ARTEFACTEN

pytestmark = pytest.mark.conversation
URL = f"http://localhost:{WEB_PORT}/"

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def pagina(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", bypass_csp=False)
    page = context.new_page()
    fouten: list[str] = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: fouten.append(str(e)))
    page.goto(URL)
    page.wait_for_selector("#knoppen button", timeout=60_000)
    yield page, fouten
    context.close()


def klik(page: Any, titel: str) -> None:
    page.get_by_role("button", name=titel, exact=True).click()
    page.wait_for_function("() => !document.querySelector('#knoppen').children.length || true")
    page.wait_for_timeout(50)


def wacht_op_knoppen(page: Any) -> None:
    page.wait_for_selector("#knoppen button", timeout=45_000)


def typ(page: Any, tekst: str) -> None:
    page.get_by_label("Typ je antwoord").fill(tekst)
    page.get_by_role("button", name="Stuur").click()


def test_hele_intake_in_de_browser(pagina: tuple[Any, list[str]]) -> None:
    page, fouten = pagina
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Vraag 1 van" in page.locator("#voortgang-tekst").inner_text()
    klik(page, "Ik zoek werk")
    wacht_op_knoppen(page)
    klik(page, "Bijstand (van de gemeente)")
    wacht_op_knoppen(page)
    typ(page, "mavo")
    wacht_op_knoppen(page)
    typ(page, "ik wil in de zorg werken")
    wacht_op_knoppen(page)
    typ(page, "emmen")
    wacht_op_knoppen(page)
    typ(page, "44")  # the age: it changes the money here (no bijstand for study under 27)
    page.wait_for_selector("article.route", timeout=30_000)
    kaarten = page.locator("article.route")
    assert kaarten.count() >= 1
    tekst = kaarten.first.inner_text()
    for woord in ("Waar", "Niveau", "Kosten", "Jij betaalt", "Geld", "Hulp"):
        assert woord in tekst
    assert page.locator("button.lees-voor").count() >= 3  # read aloud per bot message
    ARTEFACTEN.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTEN / "chat-routes.png"), full_page=True)
    assert not fouten, fouten


def test_alleen_toetsenbord(pagina: tuple[Any, list[str]]) -> None:
    page, fouten = pagina
    page.locator("#knoppen button").first.focus()
    page.keyboard.press("ArrowDown")  # no effect; buttons are reached with Tab
    for _ in range(2):
        page.keyboard.press("Tab")
    focus = page.evaluate("document.activeElement.textContent")
    assert focus  # focus is visible on a real control
    page.keyboard.press("Enter")
    wacht_op_knoppen(page)
    page.keyboard.type("ww")
    # the first answer button has focus after a reply; move to the input with the keyboard
    page.get_by_label("Typ je antwoord").focus()
    page.keyboard.type("ik heb ww")
    page.keyboard.press("Enter")
    wacht_op_knoppen(page)
    assert page.locator(".bericht.jij").count() >= 2
    assert not fouten, fouten


def test_telefoonbreedte_en_zoom(browser: Any) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    page.goto(URL)
    page.wait_for_selector("#knoppen button")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    hoogtes = page.eval_on_selector_all("#knoppen button", "els => els.map(e => e.getBoundingClientRect().height)")
    assert min(hoogtes) >= 44  # large tap targets
    page.evaluate("document.documentElement.style.fontSize = '225%'")  # text zoomed to 200%
    assert page.evaluate("document.documentElement.scrollWidth") <= 362
    context.close()


def test_toegankelijkheid_axe(pagina: tuple[Any, list[str]]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page, _ = pagina
    klik(page, "Ik wil ander werk")
    wacht_op_knoppen(page)
    resultaat = Axe().run(page, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    ernstig = [v for v in resultaat.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not ernstig, [(v["id"], v["help"]) for v in ernstig]
    log = page.locator("#berichten")
    assert log.get_attribute("role") == "log"
