// Leerroute chat page: plain JavaScript, no build step, no third-party hosts.
"use strict";
(function () {
  const berichten = document.getElementById("berichten");
  const knoppen = document.getElementById("knoppen");
  const vorm = document.getElementById("invoer-vorm");
  const invoer = document.getElementById("invoer");
  const voortgang = document.getElementById("voortgang");
  const VRAAG = /Vraag (\d+) van (\d+)\./;
  let bezig = false;

  function el(tag, attrs, tekst) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (tekst !== undefined) e.textContent = tekst;
    return e;
  }

  function leesVoor(tekst) {
    if (!("speechSynthesis" in window)) return;
    window.speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(tekst);
    u.lang = "nl-NL";
    window.speechSynthesis.speak(u);
  }

  function toonVoortgang(tekst) {
    const m = VRAAG.exec(tekst);
    if (!m) return;
    voortgang.hidden = false;
    document.getElementById("voortgang-tekst").textContent = `Vraag ${m[1]} van ${m[2]}`;
    const balk = document.getElementById("voortgang-balk");
    balk.max = Number(m[2]);
    balk.value = Number(m[1]);
  }

  function botBericht(tekst) {
    const div = el("div", { class: "bericht bot" });
    div.appendChild(el("p", {}, tekst));
    const knop = el("button", { type: "button", class: "lees-voor" }, "Lees voor");
    knop.addEventListener("click", () => leesVoor(tekst));
    div.appendChild(knop);
    berichten.appendChild(div);
    toonVoortgang(tekst);
  }

  function jouwBericht(tekst) {
    const div = el("div", { class: "bericht jij" });
    div.appendChild(el("p", {}, tekst));
    berichten.appendChild(div);
  }

  function rij(dl, term, waarde) {
    if (!waarde) return;
    dl.appendChild(el("dt", {}, term));
    const dd = el("dd");
    if (waarde instanceof Node) dd.appendChild(waarde); else dd.textContent = waarde;
    dl.appendChild(dd);
  }

  function routeKaart(r) {
    const kaart = el("article", { class: "route", "aria-label": `Route ${r.nr}: ${r.opleiding}` });
    kaart.appendChild(el("h3", {}, `Route ${r.nr}: ${r.opleiding}`));
    const dl = el("dl");
    rij(dl, "Waar", `${r.aanbieder}, ${r.plaats}`);
    rij(dl, "Niveau", r.niveau_naam || r.niveau);
    rij(dl, "Hoe", r.vorm_naam || r.vorm);
    // The bot's own sentence (domain/routes.yml utter_kosten_*), the same as in its message and the report.
    if (r.kosten) rij(dl, "Kosten", r.kosten.charAt(0).toUpperCase() + r.kosten.slice(1));
    if (r.jij_betaalt) rij(dl, "Jij betaalt", r.jij_betaalt);
    rij(dl, "Geld", (r.financiering || []).join(", "));
    const loket = el("span", {}, r.loket);
    if (r.loket_telefoon) {
      loket.appendChild(document.createTextNode(" – bel "));
      loket.appendChild(el("a", { href: `tel:${r.loket_telefoon.replace(/\s/g, "")}` }, r.loket_telefoon));
    }
    if (r.loket_url && /^https:\/\//.test(r.loket_url)) {
      loket.appendChild(document.createTextNode(" – "));
      loket.appendChild(el("a", { href: r.loket_url, rel: "noopener noreferrer", target: "_blank" }, "website"));
    }
    rij(dl, "Hulp", loket);
    kaart.appendChild(dl);
    if (r.waarom) kaart.appendChild(el("p", { class: "waarom" }, r.waarom));
    berichten.appendChild(kaart);
  }

  function toonKnoppen(lijst) {
    knoppen.replaceChildren();
    for (const k of lijst) {
      const b = el("button", { type: "button" }, k.titel);
      b.addEventListener("click", () => stuur(k.payload, k.titel));
      knoppen.appendChild(b);
    }
  }

  async function stuur(bericht, zichtbaar) {
    if (bezig || !bericht.trim()) return;
    bezig = true;
    if (zichtbaar) jouwBericht(zichtbaar);
    knoppen.replaceChildren();
    try {
      const r = await fetch("/api/chat", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify({ bericht }),
      });
      const data = await r.json().catch(() => ({}));
      if (!r.ok) {
        botBericht(r.status === 429 ? "Je gaat te snel. Wacht even en probeer het opnieuw."
                                    : "Er ging iets mis. Probeer het nog eens.");
        return;
      }
      let laatsteKnoppen = [];
      const lijst = data.berichten || [];
      // Routes come as text (for every channel) and as cards: on this page the cards show them.
      const metKaarten = lijst.some((m) => m.routes);
      for (const m of lijst) {
        if (m.tekst && !(metKaarten && /^Route \d+: /.test(m.tekst))) botBericht(m.tekst);
        if (m.routes) m.routes.forEach(routeKaart);
        if (m.knoppen && m.knoppen.length) laatsteKnoppen = m.knoppen;
      }
      toonKnoppen(laatsteKnoppen);
    } catch (e) {
      botBericht("Er ging iets mis. Probeer het nog eens.");
    } finally {
      bezig = false;
      const eerste = knoppen.querySelector("button");
      (eerste || invoer).focus({ preventScroll: true });
      window.scrollTo({ top: document.body.scrollHeight });
    }
  }

  vorm.addEventListener("submit", (e) => {
    e.preventDefault();
    const tekst = invoer.value;
    invoer.value = "";
    stuur(tekst, tekst);
  });
  document.getElementById("opnieuw").addEventListener("click", () => {
    berichten.replaceChildren();
    voortgang.hidden = true;
    stuur("/opnieuw");
  });
  stuur("/begroeten");
})();
