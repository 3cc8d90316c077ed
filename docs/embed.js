/* IOP Guide embed sizer. Use:
   <iframe data-iop-embed src="https://SITE/embed/PAGE/" title="…"></iframe>
   <script src="https://SITE/embed.js" async></script>
   Sizes each such iframe to its content. Accepts only height messages from this
   script's own origin, each applied only to the iframe that sent it; never runs
   anything it receives. No dependencies. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.URL) return;
  var origin = new URL(me.src, location.href).origin;
  var TYPE = "iop-embed:";

  function frames() {
    return document.querySelectorAll("iframe[data-iop-embed]");
  }

  function hello(frame) {
    // A hidden frame (say, in a closed <details>) has not loaded yet, or will resize when
    // shown, and then it reports by itself. Skipping it spares the browser from setting up
    // a blank page for each one.
    if (frame.checkVisibility && !frame.checkVisibility()) return;
    try {
      frame.contentWindow.postMessage({ type: TYPE + "hello" }, origin);
    } catch (e) { /* not loaded yet, or not ours: it will say hello on load */ }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || typeof data !== "object") return;
    if (data.type !== TYPE + "height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 1 || height > 100000) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === event.source) {
        list[i].style.height = Math.ceil(height) + "px";
        return;
      }
    }
  });

  var list = frames();
  for (var i = 0; i < list.length; i++) {
    list[i].addEventListener("load", function (event) { hello(event.target); });
    hello(list[i]);
  }
})();
