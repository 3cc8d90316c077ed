/* Material's JavaScript loads when a reader first reaches for the page, not with it.
   Its bundle (about 35 KB compressed) was half of every page's first view, and the pages
   work without it: the menu and search open with CSS, the crisis links are plain links.
   finish/lazy_bundle.py turns the bundle's <script> into a held one (type=text/plain,
   its address in data-iop-bundle) and wraps the tables as Material would, so the page looks the same.
   This file loads the bundle on the reader's first touch, click, key, focus, wheel, scroll
   or mouse move (a hover on a glossary term should find Material's tooltip), and at once
   when the page opens on a search (?q=, ?h=) or on a place in the page (#...), where
   Material acts on the address as soon as it starts. Material starts on DOMContentLoaded,
   long past by then: this file sends it that event again once the bundle has run. None of
   our scripts listen for it (tests/test_lazy_bundle.py).
   A tap that came before the bundle is not lost: the menu and search are CSS toggles
   that Material reads when it starts, and a colour switch is passed on to it here. */
(function () {
  "use strict";
  var held = document.querySelector("script[data-iop-bundle]");
  if (!held) return;
  // Script runs: Material's stylesheet shows search (and its JavaScript-made parts) now.
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");
  // The header's shadow shows once the page scrolls under it (Material adds it then).
  var header = document.querySelector(".md-header--shadow");
  if (header && !window.scrollY) header.classList.remove("md-header--shadow");
  var events = ["pointerdown", "touchstart", "keydown", "focusin", "wheel", "scroll", "mousemove"];
  var options = { capture: true, passive: true };
  var loading = false;

  // Material wraps each table in two boxes when it starts; the build already did.
  function unwrapTwice() {
    document.querySelectorAll(".md-typeset__table > .md-typeset__scrollwrap").forEach(function (box) {
      var table = box.querySelector("table");
      if (table) box.replaceWith(table);
    });
  }

  // A colour picked before Material runs shows at once, as Material would show it: the
  // scheme's colours on <body>, and the button for the next scheme in place of this one.
  var palette = document.querySelectorAll('input[name="__palette"]');
  function showColour(event) {
    if (document.documentElement.hasAttribute("data-iop-bundle")) return;
    ["scheme", "primary", "accent"].forEach(function (key) {
      var value = event.target.getAttribute("data-md-color-" + key);
      if (value) document.body.setAttribute("data-md-color-" + key, value);
    });
    palette.forEach(function (input) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = !input.checked;
    });
  }
  palette.forEach(function (input) { input.addEventListener("change", showColour); });

  // Material saves the colour scheme in the browser each time it starts. Nothing is stored
  // unless the reader chooses it: the scheme is saved only once the reader picks one.
  var chosen = false;
  var save = window.__md_set;
  palette.forEach(function (input) {
    input.addEventListener("change", function () { chosen = true; });
  });
  if (typeof save === "function") {
    window.__md_set = function (key) {
      if (key === "__palette" && !chosen) return undefined;
      return save.apply(this, arguments);
    };
  }
  // The colours Material shows when it starts: the saved scheme (which the page's head
  // has put on <body>) or else the device's, and the button for the next scheme.
  function startColour() {
    var saved = null;
    try { saved = window.__md_get && window.__md_get("__palette"); } catch (error) { saved = null; }
    var index = saved && typeof saved.index === "number" ? saved.index :
      Array.prototype.findIndex.call(palette, function (input) {
        return matchMedia(input.getAttribute("data-md-color-media")).matches;
      });
    index = Math.max(0, Math.min(index, palette.length - 1));
    if (!saved && palette[index]) {
      // At once, not faded in from the light colours (site.css, .iop-instant).
      var root = document.documentElement;
      root.classList.add("iop-instant");
      showColour({ target: palette[index] });
      requestAnimationFrame(function () {
        requestAnimationFrame(function () { root.classList.remove("iop-instant"); });
      });
    }
    palette.forEach(function (input, at) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = at !== index;
    });
  }
  startColour();

  // Material started with the saved colour (or the device's): tell it the reader's pick.
  function passOnColour() {
    var picked = document.querySelector('input[name="__palette"]:checked');
    var scheme = picked && picked.getAttribute("data-md-color-scheme");
    if (scheme && scheme !== document.body.getAttribute("data-md-color-scheme")) {
      picked.dispatchEvent(new Event("change"));
    }
  }

  function started() {
    unwrapTwice();
    passOnColour();
    document.documentElement.setAttribute("data-iop-bundle", "started");
  }

  function load() {
    if (loading) return;
    loading = true;
    events.forEach(function (name) { window.removeEventListener(name, load, options); });
    var script = document.createElement("script");
    script.src = held.getAttribute("data-iop-bundle");
    script.onload = function () {
      if (document.readyState === "loading") {
        // Still reading the page: Material starts on the real event, just before this.
        document.addEventListener("DOMContentLoaded", started, { once: true });
        return;
      }
      document.dispatchEvent(new Event("DOMContentLoaded"));
      started();
    };
    document.body.appendChild(script);
  }

  events.forEach(function (name) { window.addEventListener(name, load, options); });
  if (/[?&][qh]=/.test(location.search) || location.hash.length > 1) load();
})();
