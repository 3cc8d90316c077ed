/* Runs inside an embed page: applies a clinic's accent colour and tells the host
   page (docs/embed.js) how tall the content is. It sends numbers, never code. */
(function () {
  "use strict";
  var root = document.querySelector("[data-iop-embed-root]");

  // ?accent=1a7f5a (3 or 6 hex digits, "#" optional); anything else is ignored.
  var raw = (new URLSearchParams(location.search).get("accent") || "").replace(/^#/, "");
  if (/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(raw)) {
    if (raw.length === 3) raw = raw.replace(/./g, "$&$&");
    var rgb = [0, 2, 4].map(function (i) { return parseInt(raw.substr(i, 2), 16); });
    var lum = function (c) {
      var l = c.map(function (v) {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    };
    // Darken until text in this colour keeps 4.5:1 on the white page.
    while (1.05 / (lum(rgb) + 0.05) < 4.5) {
      rgb = rgb.map(function (v) { return Math.floor(v * 0.9); });
    }
    document.documentElement.style.setProperty("--iop-accent", "rgb(" + rgb.join(",") + ")");
  }

  if (!root || window.parent === window) return;
  var last = 0;
  function send(force) {
    var height = Math.ceil(root.getBoundingClientRect().bottom + window.scrollY);
    if (height === last && !force) return;
    last = height;
    window.parent.postMessage({ type: "iop-embed:height", height: height }, "*");
  }
  window.addEventListener("load", function () { send(); });
  window.addEventListener("resize", function () { send(); });
  document.addEventListener("toggle", function () { send(); }, true);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () { send(); });
  if (window.ResizeObserver) new ResizeObserver(function () { send(); }).observe(root);
  // The host script asks again when it starts after this page has loaded.
  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.type === "iop-embed:hello") {
      send(true);
    }
  });
  send();
})();
