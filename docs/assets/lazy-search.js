/* Search loads when a reader reaches for it, not with every page.
   Material starts its search worker and downloads search/search_index.json as soon as
   any page opens: about 37 KB compressed, half of a page's first view, that most
   readers never use. This file runs just before Material's bundle and holds both back
   until the reader opens search, focuses the search box, or arrives with ?q= (the 404
   page's search form) or ?h= (search-term highlighting). Then both load at once and
   search works as before; Material shows "Initializing search" meanwhile. On the way it
   adapts the reader's words (word forms, little words, "IOP") and lists each page's best
   section (readersQuery, withBestSections below; tests/test_reader_questions.py).
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

  // The reader's words, before Material's search worker sees them (a query is the only
  // message whose data is text):
  // - Material searches each word as a prefix ("de" as "de*"), so on Spanish pages the
  //   commonest little words ("de", "la", "para") match every page and bury the answer:
  //   "armas de fuego" found the cost page first. They are left out, as lunr leaves them
  //   out of the index.
  // - "IOP" and "program" are on nearly every page and in page titles, so they decided
  //   every query they were in ("relapse during iop" showed the answer tenth, "me echaron
  //   del programa" the home page first). When other words remain, they decide.
  // - Word forms: each word loses its ending ("testing" and "tests" become "test",
  //   "pruebas" and "prueba" become "prueb", "sesiones" and "sesión" become "sesi"), and
  //   Material's prefix search then finds every form of it in the index. lunr's own
  //   stemmer cannot do this here: Material sends every word as a prefix, which lunr
  //   never stems, so a stemmed index misses "testing*" (mkdocs.yml, search plugin).
  //   Words with lunr's own syntax (+word, -word, wor*, word~1, title:word) stay as typed.
  var SPANISH_STOP_WORDS = /^(?:de|del|la|las|el|los|lo|un|una|unos|unas|y|o|a|al|en|con|por|para|que|se|su|sus|mi|mis|me|es|como|le|les)$/i;
  var EVERYWHERE = /^(?:iops?|programs?|programas?)$/i;
  var SYNTAX = /^[+-]|[*~^:"]/;
  var ENDINGS = {
    en: [[/ie[sd]$/, ""], [/ing$/, ""], [/ed$/, ""], [/es$/, ""], [/ly$/, ""], [/s$/, ""],
      [/e$/, ""], [/y$/, ""]],
    es: [[/iones$/, "i"], [/ión$/, "i"], [/(?:ando|iendo)$/, ""], [/[ai]d[ao]s?$/, ""],
      [/mente$/, ""], [/[aei]r$/, ""], [/[aoe]s$/, ""], [/[aeo]$/, ""]]
  };
  function stem(word, language) {
    var lower = word.toLowerCase();
    if (!/^[a-záéíóúüñ]{5,}$/.test(lower)) return word;
    var endings = ENDINGS[language] || [];
    for (var i = 0; i < endings.length; i++) {
      if (!endings[i][0].test(lower)) continue;
      var root = lower.replace(endings[i][0], endings[i][1]);
      if (root.length < 4) continue;
      // English doubles a consonant before an ending: "dropping", "stopped".
      return language === "en" ? root.replace(/([bdgmnprt])\1$/, "$1") : root;
    }
    return lower;
  }
  function readersQuery(message) {
    if (!message || typeof message.data !== "string") return message;
    var language = document.documentElement.lang === "es" ? "es" : "en";
    var words = message.data.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) {
      return !(language === "es" && SPANISH_STOP_WORDS.test(word));
    });
    var deciding = kept.filter(function (word) {
      return !EVERYWHERE.test(word.replace(/[^\w]/g, ""));
    });
    if (deciding.length) kept = deciding;
    if (!kept.length) kept = words;
    var terms = kept.map(function (word) {
      if (SYNTAX.test(word)) return word;
      // A short word in a longer query is a whole word: as a prefix, "out" in "kicked
      // out" found "outpatient" on every page. Its plural still counts.
      if (kept.length > 1 && /^[a-záéíóúüñ]{1,3}$/i.test(word)) {
        var plural = language === "es" && !/[aeiouáéíóú]$/i.test(word) ? "es" : "s";
        return word + "^1 " + word + plural + "^1";
      }
      return stem(word, language);
    });
    return { type: message.type, data: terms.join(" ") };
  }

  // Material lists a page's sections under its title only when they score at least as
  // high as the best match on the page. The page's opening (its key points sum up every
  // section) usually scores highest, so the section that answers the reader was folded
  // away under "more on this page". The opening now scores no higher than the page's best
  // section, which is shown; the pages keep their order.
  function withBestSections(data) {
    var items = data && data.data && data.data.items;
    if (!Array.isArray(items)) return data;
    items.forEach(function (group) {
      var opening = null;
      var best = 0;
      group.forEach(function (item) {
        if (String(item.location).indexOf("#") < 0) opening = item;
        else if (item.score > best) best = item.score;
      });
      if (opening && best > 0 && opening.score > best) opening.score = best;
    });
    return data;
  }

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
      message = readersQuery(message);
      if (real) real.postMessage(message); else queue.push(message);
    };
    standIn.terminate = function () { if (real) real.terminate(); };
    whenStarted(function () {
      real = new RealWorker(url, options);
      real.addEventListener("message", function (event) {
        standIn.dispatchEvent(new MessageEvent("message", { data: withBestSections(event.data) }));
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
