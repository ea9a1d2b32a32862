// Put Leerroute on another site with one tag:
//   <script src="https://leerroute.example.nl/static/widget.js" defer></script>
// The chat opens in an iframe from Leerroute's own origin (its cookie, its CSP); the host site
// must be listed in WEB_FRAME_ANCESTORS.
"use strict";
(function () {
  const script = document.currentScript;
  const basis = new URL(script.src).origin;
  const knop = document.createElement("button");
  knop.type = "button";
  knop.textContent = "Vraag Leerroute";
  knop.setAttribute("aria-expanded", "false");
  knop.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483000;min-height:48px;padding:.5rem 1rem;" +
    "font:inherit;font-size:18px;border-radius:.5rem;border:2px solid #0b4f9c;background:#0b4f9c;color:#fff;cursor:pointer";
  const frame = document.createElement("iframe");
  frame.title = "Leerroute chat";
  frame.src = basis + "/?embed=1";
  frame.hidden = true;
  frame.style.cssText = "position:fixed;right:1rem;bottom:5rem;z-index:2147483000;width:min(26rem,calc(100vw - 2rem));" +
    "height:min(40rem,calc(100vh - 7rem));border:2px solid #0b4f9c;border-radius:.75rem;background:#fff";
  knop.addEventListener("click", () => {
    frame.hidden = !frame.hidden;
    knop.setAttribute("aria-expanded", String(!frame.hidden));
  });
  document.body.appendChild(frame);
  document.body.appendChild(knop);
})();
