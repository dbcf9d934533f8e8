/* The door scanner: camera → QR decode (BarcodeDetector, else jsQR) → check-in, with an offline fallback. */
(function () {
  "use strict";
  var root = document.getElementById("scanner");
  if (!root) { return; }
  var d = root.dataset;
  var $ = function (id) { return document.getElementById(id); };
  var t = function (key, values) {
    var text = d["t" + key.charAt(0).toUpperCase() + key.slice(1)] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.replace("{" + k + "}", values[k]); });
    return text;
  };
  var offline = new window.PitchdayCheckin.Offline(d.eventId);
  var state = { online: navigator.onLine, lastCode: null, lastAt: 0, busy: false, lastOk: null, audio: null };
  window.scanResults = [];

  function clock(iso) {
    if (!iso) { return ""; }
    return new Date(iso).toLocaleTimeString(d.lang === "de" ? "de-DE" : "en-GB",
      { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" });
  }

  /* ---- network state ---- */
  function setOnline(flag) {
    state.online = flag;
    var net = $("net");
    net.textContent = flag ? t("online") : t("offline");
    net.className = "net " + (flag ? "net-online" : "net-offline");
    if (flag) { flush(); }
  }
  function send(url, body, method) {
    return fetch(url, {
      method: method || "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": d.csrf },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      // A log-in page or error page instead of JSON (session ended, rights revoked) is an answer, not a
      // network failure: the door must see it rather than silently queue scans offline.
      return r.json().catch(function () { return { status: r.status === 401 || r.status === 403 ? "not_allowed" : "server_error" }; })
        .then(function (data) { data.http = r.status; return data; });
    });
  }
  function updateCounts(c) {
    if (!c) { return; }
    $("count-in").textContent = c.checked_in;
    $("count-confirmed").textContent = c.confirmed;
  }
  function poll() {
    fetch(d.countsUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) { if (data.csrf) { d.csrf = data.csrf; } updateCounts(data); if (!state.online) { setOnline(true); } else { flush(); } })
      .catch(function () { if (state.online) { setOnline(false); } });
  }

  /* ---- feedback ---- */
  function beep(ok) {
    try {
      if (navigator.vibrate) { navigator.vibrate(ok ? 120 : [90, 60, 90, 60, 250]); }
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) { return; }
      state.audio = state.audio || new Ctx();
      var tones = ok ? [[880, 0, 0.15]] : [[220, 0, 0.18], [220, 0.25, 0.18]];
      tones.forEach(function (tone) {
        var osc = state.audio.createOscillator(), gain = state.audio.createGain();
        osc.frequency.value = tone[0];
        osc.connect(gain); gain.connect(state.audio.destination);
        var start = state.audio.currentTime + tone[1];
        gain.gain.setValueAtTime(0.25, start);
        osc.start(start); osc.stop(start + tone[2]);
      });
    } catch (e) { /* sound is a bonus */ }
  }
  function show(answer) {
    var ok = answer.status === "checked_in";
    var title = answer.status === "checked_in" && answer.offline ? t("checked_in_offline") : t(answer.status);
    var box = $("result");
    box.className = "result " + (ok ? "result-ok" : (answer.status === "unverified" ? "result-warn" : "result-bad"));
    box.textContent = "";
    var add = function (cls, text) { if (!text) { return; } var p = document.createElement("p"); p.className = cls; p.textContent = text; box.appendChild(p); };
    add("result-title", title);
    var reg = answer.registration;
    if (reg) {
      add("result-name", reg.name);
      add("result-type", [reg.attendee_type_label, reg.organisation].filter(Boolean).join(" · "));
    }
    if (answer.status === "already_checked_in" && answer.checked_in_at) {
      add("result-detail", t("at", { time: clock(answer.checked_in_at) }) + (answer.device ? " · " + t("where", { device: answer.device }) : ""));
    }
    state.lastOk = ok && reg ? reg.id : null;
    $("undo").hidden = !state.lastOk;
    beep(ok);
    window.scanResults.push(answer.status);
  }

  /* ---- scanning ---- */
  function scan(code) {
    code = (code || "").trim();
    if (!code) { return Promise.resolve(); }
    if (!state.online) { return offline.scan(code).then(function (a) { show(a); renderQueue(); }); }
    var body = { secret: code, nonce: window.PitchdayCheckin.nonce() };
    return send(d.scanUrl, body).then(function (answer) {
      if (answer.http >= 500 || answer.status === "csrf_failed") { throw new Error("server"); }
      if (answer.http === 401 || answer.http === 403) { answer.status = "not_allowed"; }
      show(answer);
      updateCounts(answer.counts);
      window.PitchdayCheckin.sha256(code).then(function (h) { offline.markOnline(h, answer.status === "checked_in" || answer.status === "already_checked_in"); });
    }).catch(function () {
      setOnline(false);
      return offline.scan(code).then(function (a) { show(a); renderQueue(); });
    });
  }
  // A ticket held up to the camera is read several times a second for as long as the guest holds it. Every
  // reading of the same code pushes the hold on, so the first answer (green, with its undo) stays on screen;
  // the same code is a new scan only once it has been out of sight for HOLD_MS, a different code at once.
  var HOLD_MS = 4000;
  function onCode(code) {
    var now = Date.now();
    var held = code === state.lastCode && now - state.lastAt < HOLD_MS;
    if (code === state.lastCode) { state.lastAt = now; }
    if (state.busy || held) { return; }
    state.busy = true; state.lastCode = code; state.lastAt = now;
    scan(code).then(function () { state.busy = false; state.lastAt = Date.now(); });
  }

  /* ---- the queue of offline scans ---- */
  function renderQueue() {
    $("queue-info").textContent = offline.queue.length ? t("queued", { n: offline.queue.length }) : "";
    if (offline.hasList()) { $("list-info").textContent = t("list_loaded", { n: offline.count(), time: clock(offline.loadedAt) }); }
  }
  function conflict(item, answer) {
    var li = document.createElement("li");
    var reg = answer.registration || {};
    var detail = answer.status === "already_checked_in" && answer.checked_in_at ? " (" + t("at", { time: clock(answer.checked_in_at) }) + (answer.device ? ", " + t("where", { device: answer.device }) : "") + ")" : "";
    li.textContent = (reg.name || item.name || "?") + ": " + t("conflict") + " " + t(answer.status) + detail;
    $("conflicts").appendChild(li);
  }
  var flushing = false;
  function flush() {
    if (flushing || !offline.queue.length || !state.online) { return; }
    flushing = true;
    var item = offline.queue[0];
    send(d.scanUrl, { secret: item.secret, nonce: item.nonce, scanned_at: item.scanned_at }).then(function (answer) {
      if (answer.http >= 500 || answer.status === "csrf_failed") { throw new Error("server"); }
      if (answer.http === 401 || answer.http === 403) {
        // Keep the queue: the scans are sent once someone with check-in rights opens the page again.
        flushing = false; show({ status: "not_allowed" }); return;
      }
      offline.queue.shift(); offline.save();
      // Honest reporting: whatever the server decided differently from the door is shown, not hidden.
      if (item.local !== answer.status && !(item.local === "unverified" && answer.status === "checked_in")) { conflict(item, answer); }
      updateCounts(answer.counts);
      flushing = false; renderQueue(); flush();
    }).catch(function () { flushing = false; setOnline(false); });
  }
  function loadList() {
    // A phone with a list asks only for what changed since its last sync (a few tickets, not all of them).
    var url = d.ticketsUrl;
    if (offline.hasList() && offline.syncedAt) {
      url += (url.indexOf("?") < 0 ? "?" : "&") + "since=" + encodeURIComponent(offline.syncedAt);
    }
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        if (data.full) { offline.setList(data.tickets, data.synced_at); }
        else { offline.applyChanges(data.tickets, data.removed, data.synced_at); }
        updateCounts(data.counts); renderQueue();
      })
      .catch(function () { $("list-info").textContent = t("list_failed"); });
  }

  /* ---- camera ---- */
  function startCamera() {
    var info = $("camera-info"), video = $("video");
    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      info.textContent = t(window.isSecureContext ? "camera_unsupported" : "camera_insecure");
      root.classList.add("no-camera");
      return;
    }
    info.textContent = t("camera_starting");
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (stream) {
      video.srcObject = stream;
      return video.play();
    }).then(function () {
      info.textContent = t("camera_running");
      root.classList.add("camera-on");
      decodeLoop(video);
    }).catch(function (err) {
      root.classList.add("no-camera");
      info.textContent = t(err && err.name === "NotAllowedError" ? "camera_denied" : "camera_missing");
    });
  }
  function decodeLoop(video) {
    var detector = null;
    if ("BarcodeDetector" in window) {
      try { detector = new window.BarcodeDetector({ formats: ["qr_code"] }); } catch (e) { detector = null; }
    }
    var canvas = document.createElement("canvas");
    var ctx = canvas.getContext("2d", { willReadFrequently: true });
    function tick() {
      if (video.readyState < 2 || !video.videoWidth) { return setTimeout(tick, 150); }
      if (detector) {
        detector.detect(video).then(function (codes) {
          if (codes.length) { onCode(codes[0].rawValue); }
          setTimeout(tick, 150);
        }).catch(function () { detector = null; setTimeout(tick, 150); });
        return;
      }
      // A ~150 ms timer rather than every animation frame: it reads each camera frame and spares the battery.
      var scale = Math.min(1, 800 / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale); canvas.height = Math.round(video.videoHeight * scale);
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      var img = ctx.getImageData(0, 0, canvas.width, canvas.height);
      var found = window.jsQR && window.jsQR(img.data, img.width, img.height, { inversionAttempts: "dontInvert" });
      if (found && found.data) { onCode(found.data); }
      setTimeout(tick, 150);
    }
    tick();
  }

  /* ---- search, undo, code field ---- */
  function runSearch(q) {
    var list = $("search-results");
    fetch(d.searchUrl + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        list.textContent = "";
        if (!data.results || !data.results.length) { var li = document.createElement("li"); li.textContent = t("no_results"); list.appendChild(li); return; }
        data.results.forEach(function (r) {
          var li = document.createElement("li");
          var text = document.createElement("span");
          text.textContent = r.name + " · " + r.email + (r.organisation ? " · " + r.organisation : "") + " · " + (r.checked_in ? t("already_checked_in") : (r.state === "confirmed" ? r.attendee_type_label : t(r.state === "cancelled" ? "cancelled" : "waiting_list")));
          li.appendChild(text);
          if (r.can_check_in) {
            var b = document.createElement("button");
            b.type = "button"; b.className = "button small"; b.textContent = t("check_in");
            b.addEventListener("click", function () {
              send(d.checkinUrl.replace("/0/", "/" + r.id + "/"), { nonce: window.PitchdayCheckin.nonce() }).then(function (a) {
                show(a); updateCounts(a.counts); runSearch(q);
              });
            });
            li.appendChild(b);
          }
          list.appendChild(li);
        });
      });
  }
  $("search-form").addEventListener("submit", function (e) { e.preventDefault(); var q = $("q").value.trim(); if (q.length >= 2) { runSearch(q); } });
  $("code-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var input = $("code");
    var code = input.value; input.value = "";
    state.lastCode = null;
    scan(code);
    input.focus();
  });
  $("undo").addEventListener("click", function () {
    var id = state.lastOk;
    if (!id) { return; }
    if (offline.unqueue(id)) { show({ status: "undone" }); $("result").className = "result result-idle"; renderQueue(); return; }
    send(d.undoUrl.replace("/0/", "/" + id + "/")).then(function (a) {
      var box = $("result");
      box.className = "result result-idle"; box.textContent = "";
      var p = document.createElement("p"); p.className = "result-title"; p.textContent = a.message || t("undone"); box.appendChild(p);
      $("undo").hidden = true; state.lastOk = null;
      updateCounts(a.counts);
    });
  });
  $("load-list").addEventListener("click", loadList);
  window.addEventListener("online", poll);
  window.addEventListener("offline", function () { setOnline(false); });

  renderQueue();
  setOnline(navigator.onLine);
  setInterval(poll, 5000);
  if (d.camera !== "off") { startCamera(); } else { $("camera-info").textContent = t("camera_off"); root.classList.add("no-camera"); }
})();
