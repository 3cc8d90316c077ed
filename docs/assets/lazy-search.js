/* Search loads when a reader reaches for it, not with every page.
   Material starts its search worker and downloads search/search_index.json as soon as
   any page opens: about 37 KB compressed, half of a page's first view, that most
   readers never use. This file runs just before Material's bundle and holds both back
   until the reader opens search, focuses the search box, or arrives with ?q= (the 404
   page's search form) or ?h= (search-term highlighting). Then both load at once and
   search works as before; Material shows "Initializing search" meanwhile. The worker runs
   inside assets/search-worker.js, which adapts the reader's words and lists each page's
   best section (tests/test_reader_questions.py).
   tests/test_csp.py checks what a first view loads and that search still works.
   Zensical's search has no search form: there this file steps aside and search loads
   with the page as Zensical intends (tests/test_engines.py).
   It also drops the sitemap.xml requests Material makes for every <link rel=alternate>
   (the hreflang links to the page in the other language) on every page: it uses them
   only to turn a language link into the same page in that language, which our switch
   link already is. Material treats the dropped request as failed and goes on. */
(function () {
  "use strict";
  // The sitemaps Material (and Zensical) fetch for each <link rel=alternate>: never sent.
  var openRequest = XMLHttpRequest.prototype.open;
  var sendRequest = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.iopSitemap = /\/sitemap\.xml(?:[?#]|$)/.test(String(url));
    return openRequest.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    if (!request.iopSitemap) return sendRequest.apply(request, arguments);
    setTimeout(function () { request.dispatchEvent(new Event("error")); }, 0);
    return undefined;
  };
  if (window.fetch) {
    var realFetch = window.fetch;
    window.fetch = function (input) {
      var url = typeof input === "string" ? input : (input && input.url) || String(input);
      if (/\/sitemap\.xml(?:[?#]|$)/.test(url)) {
        return Promise.reject(new TypeError("sitemap not needed"));
      }
      return realFetch.apply(this, arguments);
    };
  }

  var toggle = document.getElementById("__search");
  var form = document.forms.namedItem("search");
  if (!toggle || !form || !window.Worker || typeof EventTarget !== "function") return;

  var started = false;
  var waiting = [];
  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  function whenStarted(run) {
    if (started) run(); else waiting.push(run);
  }

  // This script's own address: assets/search-worker.js sits beside it.
  var here = document.currentScript && document.currentScript.src;

  // The search worker: hand Material a stand-in that keeps its messages until start.
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    if (!/\/workers\/search\.[\w.]+\.js$/.test(String(url))) {
      return new RealWorker(url, options);
    }
    var standIn = new EventTarget();
    var real = null;
    var queue = [];
    standIn.postMessage = function (message) {
      if (real) real.postMessage(message); else queue.push(message);
    };
    standIn.terminate = function () { if (real) real.terminate(); };
    whenStarted(function () {
      // Material's worker, run inside assets/search-worker.js, which adapts the reader's
      // words and lists each page's best section (that file says how).
      var material = new URL(url, location.href).href;
      var worker = here ? new URL("search-worker.js", here).href + "?" + material : material;
      real = new RealWorker(worker, options);
      real.addEventListener("message", function (event) {
        standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    });
    return standIn;
  }
  LazyWorker.prototype = RealWorker.prototype;
  window.Worker = LazyWorker;

  // The index: Material fetches it with XMLHttpRequest; send that request at start.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.iopSearchIndex = /\/search\/search_index\.json(?:[?#]|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.iopSearchIndex || started) return send.apply(request, args);
    whenStarted(function () { send.apply(request, args); });
  };

  toggle.addEventListener("change", function () { if (toggle.checked) start(); });
  form.addEventListener("focusin", start);
  if (toggle.checked || /[?&][qh]=/.test(location.search)) start();
})();
