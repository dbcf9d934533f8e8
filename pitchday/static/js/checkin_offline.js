/* Offline scanning: the ticket list (hashes of secrets), local decisions, and the queue of scans to send.
   Everything lives in localStorage per event, so a reload or a dead battery loses no scan. */
(function () {
  "use strict";

  // SHA-256 for pages without crypto.subtle (plain http on a venue network); small and only for short codes.
  function sha256Fallback(text) {
    var K = [], H = [], i, j;
    var isPrime = function (n) { for (var d = 2; d * d <= n; d++) { if (n % d === 0) { return false; } } return true; };
    var frac = function (x) { return ((x - Math.floor(x)) * 4294967296) | 0; };
    for (i = 2, j = 0; j < 64; i++) {
      if (isPrime(i)) { if (j < 8) { H[j] = frac(Math.pow(i, 1 / 2)); } K[j++] = frac(Math.pow(i, 1 / 3)); }
    }
    var bytes = Array.from(new TextEncoder().encode(text));
    var bitLen = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) { bytes.push(0); }
    for (i = 7; i >= 0; i--) { bytes.push(i > 3 ? 0 : (bitLen >>> (i * 8)) & 0xff); }
    var rotr = function (x, n) { return (x >>> n) | (x << (32 - n)); };
    for (var off = 0; off < bytes.length; off += 64) {
      var w = [];
      for (i = 0; i < 16; i++) {
        w[i] = (bytes[off + 4 * i] << 24) | (bytes[off + 4 * i + 1] << 16) | (bytes[off + 4 * i + 2] << 8) | bytes[off + 4 * i + 3];
      }
      for (i = 16; i < 64; i++) {
        var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = H.slice();
      for (i = 0; i < 64; i++) {
        var t1 = (a[7] + (rotr(a[4], 6) ^ rotr(a[4], 11) ^ rotr(a[4], 25)) + ((a[4] & a[5]) ^ (~a[4] & a[6])) + K[i] + w[i]) | 0;
        var t2 = ((rotr(a[0], 2) ^ rotr(a[0], 13) ^ rotr(a[0], 22)) + ((a[0] & a[1]) ^ (a[0] & a[2]) ^ (a[1] & a[2]))) | 0;
        a = [(t1 + t2) | 0, a[0], a[1], a[2], (a[3] + t1) | 0, a[4], a[5], a[6]];
      }
      for (i = 0; i < 8; i++) { H[i] = (H[i] + a[i]) | 0; }
    }
    return H.map(function (x) { return ("00000000" + (x >>> 0).toString(16)).slice(-8); }).join("");
  }

  function sha256(text) {
    if (window.crypto && window.crypto.subtle) {
      return window.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (buf) {
        return Array.from(new Uint8Array(buf)).map(function (b) { return b.toString(16).padStart(2, "0"); }).join("");
      });
    }
    return Promise.resolve(sha256Fallback(text));
  }

  function nonce() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes).map(function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  function Store(eventId) {
    this.key = "pitchday.checkin." + eventId + ".";
  }
  Store.prototype.read = function (name, fallback) {
    try { var raw = window.localStorage.getItem(this.key + name); return raw ? JSON.parse(raw) : fallback; }
    catch (e) { return fallback; }
  };
  Store.prototype.write = function (name, value) {
    try { window.localStorage.setItem(this.key + name, JSON.stringify(value)); } catch (e) { /* storage full or off */ }
  };

  /* The offline view of the door: ticket list by hash, the queue, and the local decision for a scan. */
  function Offline(eventId) {
    this.store = new Store(eventId);
    var list = this.store.read("tickets", null);
    this.loadedAt = list ? list.loadedAt : null;
    this.syncedAt = list ? list.syncedAt || null : null;  // the server's moment of the last sync: ask for changes since
    this.tickets = {};
    (list ? list.tickets : []).forEach(function (t) { this.tickets[t.hash] = t; }, this);
    this.queue = this.store.read("queue", []);
  }
  Offline.prototype.hasList = function () { return this.loadedAt !== null; };
  Offline.prototype.count = function () { return Object.keys(this.tickets).length; };
  Offline.prototype.setList = function (tickets, syncedAt) {
    this.loadedAt = new Date().toISOString();
    this.syncedAt = syncedAt || null;
    this.tickets = {};
    tickets.forEach(function (t) { this.tickets[t.hash] = t; }, this);
    // Scans still queued were made after the list's moment; keep their local effect.
    this.queue.forEach(function (q) { if (q.hash && this.tickets[q.hash] && q.local === "checked_in") { this.tickets[q.hash].checked_in = true; } }, this);
    this.save();
  };
  /* Only what changed since the last sync: changed tickets replace theirs, removed ones (by id) go. */
  Offline.prototype.applyChanges = function (tickets, removed, syncedAt) {
    var gone = {};
    (removed || []).forEach(function (id) { gone[id] = true; });
    Object.keys(this.tickets).forEach(function (hash) { if (gone[this.tickets[hash].id]) { delete this.tickets[hash]; } }, this);
    tickets.forEach(function (t) {
      Object.keys(this.tickets).forEach(function (hash) { if (this.tickets[hash].id === t.id && hash !== t.hash) { delete this.tickets[hash]; } }, this);
      this.tickets[t.hash] = t;
    }, this);
    this.queue.forEach(function (q) { if (q.hash && this.tickets[q.hash] && q.local === "checked_in") { this.tickets[q.hash].checked_in = true; } }, this);
    this.loadedAt = new Date().toISOString();
    this.syncedAt = syncedAt || this.syncedAt;
    this.save();
  };
  Offline.prototype.save = function () {
    this.store.write("tickets", { loadedAt: this.loadedAt, syncedAt: this.syncedAt, tickets: Object.values(this.tickets) });
    this.store.write("queue", this.queue);
  };
  Offline.prototype.markOnline = function (hash, checkedIn) {
    if (this.tickets[hash]) { this.tickets[hash].checked_in = checkedIn; this.save(); }
  };
  /* Decide a scan without the server, queue it, and answer like the server would. */
  Offline.prototype.scan = function (secret) {
    var self = this;
    return sha256(secret).then(function (hash) {
      var t = self.tickets[hash];
      var status;
      if (!self.hasList()) { status = "unverified"; }
      else if (!t) { status = "unknown_ticket"; }
      else if (t.state === "cancelled") { status = "cancelled"; }
      else if (t.state === "waiting") { status = "waiting_list"; }
      else if (t.checked_in) { status = "already_checked_in"; }
      else { status = "checked_in"; t.checked_in = true; }
      self.queue.push({ secret: secret, nonce: nonce(), hash: hash, local: status, scanned_at: new Date().toISOString(),
                        name: t ? t.name : "" });
      self.save();
      return { status: status, offline: true,
               registration: t ? { id: t.id, name: t.name, organisation: t.organisation, attendee_type_label: t.attendee_type_label } : null };
    });
  };
  Offline.prototype.unqueue = function (registrationId) {
    var before = this.queue.length;
    var self = this;
    this.queue = this.queue.filter(function (q) {
      var t = self.tickets[q.hash];
      var match = t && t.id === registrationId && q.local === "checked_in";
      if (match) { t.checked_in = false; }
      return !match;
    });
    this.save();
    return this.queue.length !== before;
  };

  window.PitchdayCheckin = { Offline: Offline, sha256: sha256, sha256Fallback: sha256Fallback, nonce: nonce };
})();
