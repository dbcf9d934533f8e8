/* Scoring page: save each change at once; keep unsent changes in localStorage and retry when back online;
   register the service worker that keeps the juror's pages for a reload without signal. */
(function () {
  "use strict";
  var doc = document, body = doc.body, form = doc.getElementById("score"), net = doc.getElementById("net");
  var KEY = "pitchday-jury-" + body.dataset.event + "-" + body.dataset.juror;
  var csrf = doc.querySelector("meta[name=csrf-token]").content;
  var busy = false, failed = "", needLogin = false;
  var percentFormat = new Intl.NumberFormat(doc.documentElement.lang || "de", {style: "percent", maximumFractionDigits: 0});
  doc.documentElement.className += " js";
  body.className += " js";

  function load() { try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; } }
  function store(items) { try { localStorage.setItem(KEY, JSON.stringify(items)); } catch (e) { /* full */ } }

  function show() {
    var n = load().length, d = net.dataset, off = !navigator.onLine;
    var text = needLogin ? d.login : off ? d.offline : n ? d.saving : d.saved;
    if (n && (off || needLogin)) { text += " (" + n + " " + d.pending + ")"; }
    if (failed) { text = d.failed + " " + failed; }
    net.textContent = text;
    net.className = "net" + (off || needLogin || failed ? " off" : n ? " busy" : "");
  }

  function enqueue(item) {
    store(load().filter(function (x) { return x.key !== item.key; }).concat([item]));
    failed = "";
    show();
    flush();
  }

  function refreshToken() {
    return fetch(form.dataset.csrf, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (r) { return r.json(); }).then(function (j) { csrf = j.csrf; });
  }

  function drop(key) { store(load().filter(function (x) { return x.key !== key; })); }

  function flush() {
    var items = load();
    if (busy || !items.length || needLogin) { show(); return; }
    busy = true;
    var item = items[0];
    fetch(item.url, {method: "POST", credentials: "same-origin", body: JSON.stringify(item.body),
      headers: {"Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf}})
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) {
          busy = false;
          if (r.ok) {
            // Only this version: a newer change of the same value may have been queued meanwhile.
            store(load().filter(function (x) { return !(x.key === item.key && x.seq === item.seq); }));
            if (!load().length) { keepPage([location.pathname]); }
            flush();
          } else if (r.status === 400 && j.status === "csrf_failed") {
            refreshToken().then(flush, function () { show(); });
          } else if (r.status === 401) {
            needLogin = true; show();
          } else if (r.status >= 500) {
            show(); // server trouble: keep it, the retry timer tries again
          } else {
            drop(item.key); failed = j.message || String(r.status); show(); flush();
          }
        });
      }, function () { busy = false; show(); });
  }

  function total() {
    var sum = 0, weights = 0;
    Array.prototype.forEach.call(form.querySelectorAll(".crit"), function (fs) {
      var checked = fs.querySelector("input:checked");
      if (!checked) { return; }
      var w = +fs.dataset.w, lo = +fs.dataset.min, hi = +fs.dataset.max;
      sum += w * (checked.value - lo) / (hi - lo); weights += w;
    });
    // In the page's language, as the server writes it: "65 %" in German, "65%" in English.
    doc.getElementById("total").textContent = weights ? percentFormat.format(sum / weights) : "–";
  }

  var seq = Date.now();
  if (form) {
    var app = form.dataset.app;
    // Changes not yet sent (a reload while offline) are shown again before they are sent.
    load().forEach(function (item) {
      if (String(item.app) !== app) { return; }
      if (item.body.criterion_id) {
        var input = doc.getElementById("c" + item.body.criterion_id + "v" + item.body.value);
        if (input && !input.disabled) { input.checked = true; }
      } else if (item.body.comment !== undefined) {
        doc.getElementById("comment").value = item.body.comment;
      }
    });
    total();
    form.addEventListener("change", function (ev) {
      var t = ev.target;
      if (t.type !== "radio") { return; }
      var id = t.closest(".crit").dataset.id;
      enqueue({key: app + ":" + id, app: app, seq: ++seq, url: form.dataset.score,
               body: {criterion_id: +id, value: +t.value}});
      total();
    });
    var timer, comment = doc.getElementById("comment"), sent = comment.value;
    var sendComment = function () {
      clearTimeout(timer);
      if (comment.value === sent) { return; }
      sent = comment.value;
      enqueue({key: app + ":comment", app: app, seq: ++seq, url: form.dataset.comment, body: {comment: sent}});
    };
    comment.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(sendComment, 600); });
    comment.addEventListener("change", sendComment);
    window.addEventListener("pagehide", sendComment);
    form.addEventListener("submit", function (ev) {
      if (!navigator.onLine) { ev.preventDefault(); show(); return; }
      // The form carries every value of this pitch, so its queued changes travel with it.
      store(load().filter(function (x) { return String(x.app) !== app; }));
    });
  }

  // Swipe left or right for the next or previous pitch.
  var x0 = null, y0 = null;
  doc.addEventListener("touchstart", function (e) { x0 = e.touches[0].clientX; y0 = e.touches[0].clientY; },
                       {passive: true});
  doc.addEventListener("touchend", function (e) {
    if (x0 === null) { return; }
    var dx = e.changedTouches[0].clientX - x0, dy = e.changedTouches[0].clientY - y0, link;
    x0 = null;
    if (Math.abs(dx) > 70 && Math.abs(dy) < 40) {
      link = doc.getElementById(dx < 0 ? "next" : "prev");
      if (link) { location.href = link.href; }
    }
  });

  // The service worker keeps the juror's pages for a reload without signal (jury_sw.js).
  function keepPage(urls) {
    if (!("serviceWorker" in navigator) || !navigator.serviceWorker.controller) { return; }
    clearTimeout(keepPage.timer);
    keepPage.timer = setTimeout(function () { navigator.serviceWorker.controller.postMessage({cache: urls}); }, 800);
  }
  if ("serviceWorker" in navigator && body.dataset.sw) {
    navigator.serviceWorker.register(body.dataset.sw, {scope: "/jury/"}).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var urls = (body.dataset.precache || location.pathname).split(" ").filter(Boolean);
      registration.active.postMessage({cache: urls});
      window.juryOffline = true;
    }).catch(function () { /* no offline copy: the page still works online */ });
  }

  window.addEventListener("online", flush);
  window.addEventListener("offline", show);
  setInterval(flush, 5000);
  show();
  flush();
})();
