/* The header's menu button on narrow screens. Loaded right after the navigation (not deferred) so the list
   is folded before the first paint; without this script the links simply stay open. */
(function () {
  "use strict";
  var nav = document.getElementById("site-nav");
  if (!nav) { return; }
  var button = nav.querySelector(".menu-toggle");
  nav.classList.add("foldable");
  button.hidden = false;

  function setOpen(open) {
    nav.classList.toggle("open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("open")) {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (nav.classList.contains("open") && !nav.contains(event.target)) { setOpen(false); }
  });
}());
