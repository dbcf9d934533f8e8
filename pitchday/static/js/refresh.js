/* Reloads a live page (results, votes) every data-auto-refresh seconds while it is shown. Waits while someone
   types in a form or has a fold-out open, and while the tab is hidden, so nothing they are doing is lost. */
(function () {
  "use strict";
  var box = document.querySelector("[data-auto-refresh]");
  if (!box) { return; }
  var seconds = Math.max(5, parseInt(box.getAttribute("data-auto-refresh"), 10) || 10);

  function busy() {
    var active = document.activeElement;
    if (active && active.form && active.matches("input, select, textarea")) { return true; }
    return document.hidden || !!document.querySelector("main details[open]");
  }
  function tick() {
    if (busy()) { setTimeout(tick, 2000); return; }
    window.location.reload();
  }
  setTimeout(tick, seconds * 1000);
}());
