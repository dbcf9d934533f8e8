/* The live show on every screen: poll the show's state, keep the server's clock, run the timer offline.
   window.pitchdayLive.watch(url, onState, onNet) polls `url` about once a second with If-None-Match; an
   unchanged show costs a 304. The server's clock is the authority: each answer carries X-Server-Now, and the
   screen's offset to it is taken from the answer with the shortest round trip, so a phone whose clock is
   minutes off still counts the same seconds. Without network the timer keeps running from the last state and
   `onNet(false)` lets the page say so; the next answer catches up. Pages with [data-live-stage] or
   [data-live-onin] are driven from here too. */
(function () {
  "use strict";
  var POLL_MS = 1000, MAX_BACKOFF_MS = 5000;
  var offset = 0, bestRtt = Infinity, samples = 0;

  function serverNow() { return Date.now() + offset; }

  function learnClock(sent, received, server) {
    var rtt = received - sent;
    if (!server || isNaN(server)) { return; }
    // Old samples age so a changed network path (or a corrected phone clock) is picked up within a minute.
    bestRtt += 20;
    if (rtt <= bestRtt || samples < 3) {
      bestRtt = rtt; offset = server - (sent + rtt / 2);
    }
    samples += 1;
  }

  /* A server that can hold a poll (threaded workers) answers when the show moves or after 10 s and says
     "ask again at once" (X-Live-Next-Poll: 0); one that cannot answers at once and says "in a second". */
  function watch(url, onState, onNet, asText) {
    var tag = null, wait = POLL_MS, next = POLL_MS, online = null, pending = null, held = /[?&]wait=1/.test(url);
    function net(ok) { if (ok !== online) { online = ok; if (onNet) { onNet(ok); } } }
    function again() {
      clearTimeout(pending);
      pending = setTimeout(poll, (online === false ? wait : next) + Math.random() * 100);
    }
    function poll() {
      var headers = {Accept: "application/json"}, sent = Date.now();
      if (tag) { headers["If-None-Match"] = tag; }
      var abort = window.AbortController ? new AbortController() : null;
      var timer = setTimeout(function () { if (abort) { abort.abort(); } }, held ? 15000 : 4000);
      fetch(url, {cache: "no-store", credentials: "same-origin", headers: headers, signal: abort && abort.signal})
        .then(function (r) {
          clearTimeout(timer);
          learnClock(sent, Date.now(), +r.headers.get("X-Server-Now"));
          var hint = r.headers.get("X-Live-Next-Poll");
          next = hint === null ? POLL_MS : +hint;
          if (r.status === 304) { return null; }
          if (!r.ok) { throw new Error(String(r.status)); }
          tag = r.headers.get("ETag");
          return asText ? r.text() : r.json();
        })
        .then(function (state) {
          net(true); wait = POLL_MS;
          if (state) { onState(state); }
        })
        .catch(function () { clearTimeout(timer); net(false); wait = Math.min(wait * 2, MAX_BACKOFF_MS); })
        .then(again);
    }
    // The browser knows at once when the network goes: say so without waiting for a held poll to time out.
    window.addEventListener("offline", function () { net(false); });
    window.addEventListener("online", function () { wait = POLL_MS; poll(); });
    poll();
    return {now: function () { tag = null; poll(); }};
  }

  /* Seconds left in the phase (negative in overtime), null without a timer. */
  function remaining(s) {
    var length = s.phase === "pitch" ? s.pitch_seconds : s.phase === "qa" ? s.qa_seconds : null;
    if (length === null || s.phase_started_at === null) { return null; }
    var elapsed = s.paused_elapsed !== null ? s.paused_elapsed : (serverNow() - s.phase_started_at) / 1000;
    return length - Math.max(elapsed, 0);
  }

  function clockText(seconds) {
    var over = seconds < 0, t = Math.abs(over ? Math.floor(seconds) : Math.ceil(seconds));
    var m = Math.floor(t / 60), sec = t % 60;
    return (over ? "+" : "") + m + ":" + (sec < 10 ? "0" : "") + sec;
  }

  /* The same rule as services/live/timing.expected_starts: epoch ms per slot, null once begun. */
  function expectedStarts(s) {
    var now = serverNow(), slot = (s.pitch_seconds + s.qa_seconds) * 1000, out = [], free, i;
    for (i = 0; i < s.order.length; i++) { out.push(null); }
    if (s.current >= s.order.length) { return out; }
    if (s.phase === "waiting") {
      out[s.current] = Math.max(now, s.order[s.current].planned); free = out[s.current] + slot;
    } else {
      var left = 0, r = remaining(s);
      if (s.phase === "pitch") { left = Math.max(r, 0) + s.qa_seconds; }
      if (s.phase === "qa") { left = Math.max(r, 0); }
      free = now + left * 1000;
    }
    for (i = s.current + 1; i < s.order.length; i++) { out[i] = free; free += slot; }
    return out;
  }

  function paintTimer(el, s) {
    var r = remaining(s);
    el.classList.remove("warn", "over", "idle");
    if (r === null) {  // called but not started: the pitch's full length, greyed
      el.textContent = s.phase === "waiting" && !s.finished ? clockText(s.pitch_seconds) : "–:––";
      el.classList.add("idle"); return;
    }
    el.textContent = clockText(r);
    if (r <= 0) { el.classList.add("over"); } else if (r <= 60) { el.classList.add("warn"); }
  }

  window.pitchdayLive = {watch: watch, serverNow: serverNow, remaining: remaining, clockText: clockText,
                         expectedStarts: expectedStarts, paintTimer: paintTimer};

  function text(el, value) { if (el) { el.textContent = value || ""; } }
  function show(el, on) { if (el) { el.hidden = !on; } }

  /* The stage screen. */
  var stage = document.querySelector("[data-live-stage]");
  if (stage) {
    var d = stage.dataset, current = null, $ = function (id) { return document.getElementById(id); };
    var sectors = JSON.parse(d.sectors || "{}");
    var render = function (s) {
      current = s;
      var on = s.on_stage;
      stage.className = "stage phase-" + s.phase + (s.paused_elapsed !== null ? " paused" : "");
      text($("st-label"), s.finished ? d.over : s.phase === "waiting" ? d.called : d.onstage);
      text($("st-name"), on ? on.name : event_title());
      text($("st-oneliner"), on ? on.one_liner : "");
      text($("st-meta"), on ? [on.camp].concat(on.sectors.map(function (x) { return sectors[x] || x; })).join(" · ") : "");
      text($("st-phase"), s.paused_elapsed !== null ? d.paused : d["phase" + s.phase] || "");
      show($("st-next"), !!s.next);
      text($("st-next-name"), s.next ? s.next.name : "");
      show($("st-vote"), !!s.vote);
      if (s.vote) {
        text($("st-vote-code"), s.vote.code); text($("st-vote-url"), s.vote.url);
        $("st-vote-qr").src = d.qr + (d.qr.indexOf("?") < 0 ? "?" : "&") + "c=" + encodeURIComponent(s.vote.code);
      }
      show($("st-awards"), s.awards.length > 0);
      var list = $("st-awards-list");
      list.textContent = "";
      s.awards.forEach(function (a) {
        var li = document.createElement("li"), b = document.createElement("strong");
        b.textContent = a.audience ? d.audience : a.title; li.appendChild(b); li.appendChild(document.createTextNode(" " + a.name));
        list.appendChild(li);
      });
      show($("st-timer-box"), !s.finished && s.awards.length === 0);
      tick();
    };
    var event_title = function () { return d.title; };
    var tick = function () { if (current) { paintTimer($("st-timer"), current); } };
    setInterval(tick, 250);
    watch(d.liveStage, render, function (ok) {
      stage.classList.toggle("offline", !ok); show($("st-offline"), !ok);
    });
  }

  /* "On in about N minutes" on the event page and a founder's page. */
  var onins = document.querySelectorAll("[data-live-onin]");
  if (onins.length) {
    var last = null;
    var paint = function () {
      if (!last) { return; }
      var expected = expectedStarts(last), now = serverNow();
      Array.prototype.forEach.call(onins, function (el) {
        var app = +el.dataset.app, i, idx = -1;
        for (i = 0; i < last.order.length; i++) { if (last.order[i].application_id === app) { idx = i; } }
        if (idx < 0) { return; }
        if (idx === last.current && last.phase !== "waiting" && !last.finished) { el.textContent = el.dataset.now; return; }
        if (expected[idx] === null) { el.textContent = el.dataset.done || ""; return; }
        var minutes = Math.max(Math.round((expected[idx] - now) / 60000), 0);
        el.textContent = el.dataset.template.replace("N", String(minutes));
      });
      var onStage = document.getElementById("live-onstage");
      if (onStage) { onStage.textContent = last.on_stage ? last.on_stage.name : "–"; }
    };
    watch(onins[0].dataset.liveOnin, function (s) { last = s; paint(); });
    setInterval(paint, 15000);
  }
})();
