/* The jury's service worker (served as /jury/sw.js, scope /jury/): the juror's pages and the two files they
   load open again after a reload without signal. Network first, so a juror online always sees the server's
   state; the copy kept is the last one the server sent. Scores are not its business: jury.js keeps unsent
   changes in localStorage and sends each once, as before. */
"use strict";
var CACHE = "pitchday-jury-v1";
var ASSETS = ["/static/css/jury.css", "/static/js/jury.js"];

function keep(request, response) {
  // Only plain answers of our own: no redirect to the log-in page, no error page, nothing of another origin.
  if (response.ok && response.type === "basic" && !response.redirected) {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

function isJuryPage(url) {
  return url.origin === self.location.origin && /^\/jury\/\d+\/(welcome|pitch\/\d+)?$/.test(url.pathname);
}

function isAsset(url) {
  return url.origin === self.location.origin && ASSETS.indexOf(url.pathname) !== -1;
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || !(isJuryPage(url) || isAsset(url))) { return; }
  event.respondWith(fetch(request).then(function (response) { return keep(request, response); }, function () {
    return caches.match(request, {ignoreVary: true, ignoreSearch: isAsset(url)}).then(function (hit) {
      return hit || Response.error();
    });
  }));
});

// The welcome page asks for every page of the juror's pitches, so each opens offline even if never visited;
// the scoring page asks again after its changes are saved, so the copy kept shows them.
self.addEventListener("message", function (event) {
  var urls = (event.data && event.data.cache) || [];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.concat(ASSETS).map(function (path) {
      var url = new URL(path, self.location.origin);
      if (!(isJuryPage(url) || isAsset(url))) { return null; }
      return fetch(url.href, {credentials: "same-origin"}).then(function (response) {
        if (response.ok && !response.redirected) { return cache.put(url.href, response); }
        return null;
      }).catch(function () { return null; });
    }));
  }));
});
