/* A juror's page follows the stage: it says who is on stage now and opens that startup's card when its pitch
   starts. Nothing typed is lost: a juror in the middle of typing only gets a link, and before leaving the page
   the comment is handed to jury.js, which keeps unsent changes on the phone until they are saved. Jurors with a
   conflict (or not assigned) stay where they are. */
(function () {
  "use strict";
  var el = document.getElementById("live-follow"), live = window.pitchdayLive;
  if (!el || !live) { return; }
  var d = el.dataset, skip = d.skip ? d.skip.split(",") : [], last = null;
  var label = el.querySelector(".lf-text"), link = el.querySelector(".lf-link");

  function cardUrl(id) { return d.card.replace(/\/0$/, "/" + id); }
  function typing() {
    var a = document.activeElement;
    return !!a && (a.tagName === "TEXTAREA" || (a.tagName === "INPUT" && a.type === "text"));
  }

  live.watch(d.liveFollow, function (s) {
    var on = s.finished ? null : s.on_stage, id = on ? String(on.application_id) : "";
    var skipped = skip.indexOf(id) >= 0, here = id === d.app;
    el.hidden = !on;
    if (on) {
      label.textContent = d.label + ": " + on.name + (skipped ? " (" + d.skipped + ")" : "");
      link.hidden = here || skipped;
      link.href = cardUrl(id);
    }
    var key = on ? id + ":" + s.phase : "";
    var started = on && s.phase === "pitch" && last !== null && last !== key;
    last = key;
    if (started && !here && !skipped && !typing()) {
      var comment = document.getElementById("comment");
      if (comment) { comment.dispatchEvent(new Event("change")); }
      location.href = cardUrl(id);
    }
  });
})();
