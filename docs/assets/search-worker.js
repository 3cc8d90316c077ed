/* The site search's worker: Material's own, which this file loads, with two changes on
   the way. assets/lazy-search.js starts it in place of Material's worker, with that
   worker's address after the "?", so none of this weighs on a page's first view.
   In, the reader's words (readersQuery):
   - Material searches each word as a prefix ("de" as "de*"), so on Spanish pages the
     commonest little words ("de", "la", "para") matched every page and buried the
     answer: "armas de fuego" found the cost page first. They are left out, as lunr
     leaves them out of the index.
   - "IOP" and "program" are on nearly every page and in page titles, so they decided
     every query they were in ("relapse during iop" showed the answer tenth, "me echaron
     del programa" the home page first). When other words remain, they decide.
   - Word forms: each word loses its ending ("testing" and "tests" become "test",
     "pruebas" and "prueba" become "prueb", "sesiones" and "sesión" become "sesi"), and
     Material's prefix search finds every form of it in the index. lunr's own stemmer
     cannot do this here: Material sends every word as a prefix, which lunr never stems,
     so a stemmed index misses "testing*" (mkdocs.yml, search plugin).
   - A short word in a longer query is a whole word (and its plural): as a prefix, "out"
     in "kicked out" found "outpatient" on every page.
   Words with lunr's own syntax (+word, -word, wor*, word~1, title:word) stay as typed.
   Out, the results (withBestSections): Material lists a page's sections under its title
   only when they score at least as high as the best match on the page. The page's
   opening (its key points sum up every section) usually scored highest, so the section
   that answers the reader was folded away under "more on this page". The opening now
   scores no higher than the page's best section, which is shown; pages keep their order.
   tests/test_reader_questions.py measures both with real readers' questions.
   Out, each excerpt (shortExcerpt): Material shows a section's whole text as it is on the
   page, lists and all, so one result could fill a phone's screen. The excerpt is now
   plain text without citation numbers, starting a few words before the first match, in
   a span that site.css cuts at three lines (tests/test_search_and_print.py). */
(function () {
  "use strict";
  var SETUP = 0;  // Material's message types (its worker's source, message/index.ts)
  var QUERY = 2;
  var RESULT = 3;
  var material = new URL(decodeURIComponent(self.location.search.slice(1)), self.location.href);
  if (material.origin !== self.location.origin || !/\/workers\/search\.[\w.]+\.js$/.test(material.pathname)) {
    return;  // only ever Material's worker from this site
  }

  var SPANISH_STOP_WORDS = /^(?:de|del|la|las|el|los|lo|un|una|unos|unas|y|o|a|al|en|con|por|para|que|se|su|sus|mi|mis|me|es|como|le|les)$/i;
  var EVERYWHERE = /^(?:iops?|programs?|programas?)$/i;
  var SYNTAX = /^[+-]|[*~^:"]/;
  var ENDINGS = {
    en: [[/ie[sd]$/, ""], [/ing$/, ""], [/ed$/, ""], [/es$/, ""], [/ly$/, ""], [/s$/, ""],
      [/e$/, ""], [/y$/, ""]],
    es: [[/iones$/, "i"], [/ión$/, "i"], [/(?:ando|iendo)$/, ""], [/[ai]d[ao]s?$/, ""],
      [/mente$/, ""], [/[aei]r$/, ""], [/[aoe]s$/, ""], [/[aeo]$/, ""]]
  };
  var language = "en";

  function stem(word) {
    var lower = word.toLowerCase();
    if (!/^[a-záéíóúüñ]{5,}$/.test(lower)) return word;
    var endings = ENDINGS[language];
    for (var i = 0; i < endings.length; i++) {
      if (!endings[i][0].test(lower)) continue;
      var root = lower.replace(endings[i][0], endings[i][1]);
      if (root.length < 4) continue;
      // English doubles a consonant before an ending: "dropping", "stopped".
      return language === "en" ? root.replace(/([bdgmnprt])\1$/, "$1") : root;
    }
    return lower;
  }

  function readersQuery(query) {
    var words = query.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) {
      return !(language === "es" && SPANISH_STOP_WORDS.test(word));
    });
    var deciding = kept.filter(function (word) {
      return !EVERYWHERE.test(word.replace(/[^\w]/g, ""));
    });
    if (deciding.length) kept = deciding;
    if (!kept.length) kept = words;
    return kept.map(function (word) {
      if (SYNTAX.test(word)) return word;
      if (kept.length > 1 && /^[a-záéíóúüñ]{1,3}$/i.test(word)) {
        var plural = language === "es" && !/[aeiouáéíóú]$/i.test(word) ? "es" : "s";
        return word + "^1 " + word + plural + "^1";
      }
      return stem(word);
    }).join(" ");
  }

  function withBestSections(items) {
    items.forEach(function (group) {
      var opening = null;
      var best = 0;
      group.forEach(function (item) {
        if (String(item.location).indexOf("#") < 0) opening = item;
        else if (item.score > best) best = item.score;
      });
      if (opening && best > 0 && opening.score > best) opening.score = best;
    });
  }

  var EXCERPT_CHARS = 180;  // about three lines on a phone; site.css cuts at three lines
  var CONTEXT_WORDS = 6;  // words kept before the first match

  function shortExcerpt(html) {
    var words = String(html)
      .replace(/<sup\b[^>]*>[\s\S]*?<\/sup>/gi, "")  // citation numbers
      .replace(/<(?!\/?mark>)[^>]*>/gi, " ")  // every tag but the match's <mark>
      .split(/\s+/).filter(Boolean);
    var visible = function (word) { return word.replace(/<\/?mark>/g, "").length + 1; };
    var first = 0;
    while (first < words.length && words[first].indexOf("<mark>") < 0) first++;
    var start = first < words.length && first > 2 * CONTEXT_WORDS ? first - CONTEXT_WORDS : 0;
    var end = start;
    for (var length = 0; end < words.length && length < EXCERPT_CHARS; end++) {
      length += visible(words[end]);
    }
    var text = words.slice(start, end).join(" ");
    // A cut never leaves a match open: the browser would mark the rest of the result.
    if ((text.match(/<mark>/g) || []).length > (text.match(/<\/mark>/g) || []).length) {
      text += "</mark>";
    }
    return "<span class=\"iop-excerpt\">" + (start > 0 ? "\u2026 " : "") + text
      + (end < words.length ? " \u2026" : "") + "</span>";
  }

  function withShortExcerpts(items) {
    items.forEach(function (group) {
      group.forEach(function (item) {
        if (typeof item.text === "string" && item.text) item.text = shortExcerpt(item.text);
      });
    });
  }

  // Material's worker calls these three as globals, which now find the versions below.
  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, function (event) {
      var message = event.data;
      if (message && message.type === SETUP && message.data && message.data.config) {
        language = String(message.data.config.lang) === "es" ? "es" : "en";
      }
      if (message && message.type === QUERY && typeof message.data === "string") {
        message = { type: QUERY, data: readersQuery(message.data) };
      }
      return handler.call(self, { data: message });
    }, options);
  };
  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && Array.isArray(message.data.items)) {
      withBestSections(message.data.items);
      withShortExcerpts(message.data.items);
    }
    return post(message);
  };
  // Material loads its language files from "../lunr", next to its own worker.
  var load = self.importScripts.bind(self);
  self.importScripts = function () {
    return load.apply(self, [].map.call(arguments, function (url) {
      return new URL(url, material).href;
    }));
  };
  self.importScripts(material.href);
})();
