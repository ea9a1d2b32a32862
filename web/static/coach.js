// Coach console: the only script is the print button of the intakeverslag (no inline script: CSP).
document.addEventListener("click", (e) => {
  const knop = e.target.closest("[data-print]");
  if (knop) window.print();
});
