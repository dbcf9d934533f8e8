// The event page is shared by every visitor (served from the cache), so the seats left, which change with
// every registration, are fetched here. Without script the page says registration is open.
(function () {
  "use strict";
  document.querySelectorAll("[data-seats-url]").forEach(function (node) {
    fetch(node.getAttribute("data-seats-url"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        node.textContent = data.text;
        node.classList.toggle("full", data.seats_left <= 0);
      })
      .catch(function () { /* keep "registration is open" */ });
  });
})();
