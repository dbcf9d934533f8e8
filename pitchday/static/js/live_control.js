/* The control room: the live part is HTML rendered by the server (one source for the markup), fetched again
   whenever it changes (ETag), with the timer ticking in between. A tap is sent as JSON with the state version
   it saw; when another organiser was faster the server answers 409 and the room shows where the show is now. */
(function () {
  "use strict";
  var live = window.pitchdayLive, room = document.getElementById("room"), net = document.getElementById("room-net");
  if (!live || !room) { return; }
  var state = null, busy = false;

  function readState() {
    var el = room.querySelector(".room-state");
    state = el ? JSON.parse(el.dataset.state) : null;
    tick();
  }
  function tick() {
    var timer = document.getElementById("room-timer");
    if (state && timer) { live.paintTimer(timer, state); }
  }
  function say(message, bad) {
    net.textContent = message || "";
    net.className = "room-net" + (bad ? " off" : message ? " ok" : "");
  }

  var poller = live.watch(room.dataset.fragment, function (html) {
    room.innerHTML = html; readState();
  }, function (ok) { say(ok ? "" : net.dataset.offline, !ok); }, true);

  room.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.classList.contains("tap") || !window.fetch) { return; }
    ev.preventDefault();
    if (busy) { return; }
    busy = true;
    var data = new FormData(form);
    var button = form.querySelector("button");
    if (button) { button.disabled = true; }
    fetch(form.getAttribute("action"), {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": data.get("csrf_token")},
      body: JSON.stringify({action: data.get("action"), version: +data.get("version")})})
      .then(function (r) { return r.json().then(function (j) { say(j.message, !r.ok); }); },
            function () { say(net.dataset.offline, true); })
      .then(function () { busy = false; poller.now(); });
  });

  readState();
  setInterval(tick, 250);
})();
