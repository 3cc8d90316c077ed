/* The clinics page's live previews, made when a reader opens one. The build
   (finish/embed.py gallery_html) writes each closed <details class="iop-preview"> with a
   link to the embed page, not an <iframe>: even unloaded, each iframe makes a frame, and
   46 of them held the page's first paint back. Without JavaScript the link opens the
   embed page. With it, the first time a preview opens, the link becomes the frame,
   named from the link's data-iop-preview (the words come from the build, not from
   here), and the sizer (embed.js, named in this script's data-iop-sizer) is loaded
   once, as a clinic's page loads it, to size the frame to its content. */
(function () {
  "use strict";
  var me = document.currentScript;
  var sizer = me && me.getAttribute("data-iop-sizer");

  function loadSizer() {
    if (!sizer) return;
    var script = document.createElement("script");
    script.src = sizer;
    document.body.appendChild(script);
    sizer = null;
  }

  function make(box) {
    if (!box.open || !box.classList.contains("iop-preview")) return;
    var link = box.querySelector("a[data-iop-preview]");
    if (!link) return;
    var frame = document.createElement("iframe");
    frame.setAttribute("data-iop-embed", "");
    frame.setAttribute("aria-label", link.getAttribute("data-iop-preview"));
    frame.src = link.href;
    link.parentNode.replaceWith(frame);
    loadSizer(); // after the frame is in: the sizer greets the frames it finds at start
  }

  // `toggle` does not bubble; a listener in the capture phase hears every <details>.
  document.addEventListener("toggle", function (event) {
    if (event.target.tagName === "DETAILS") make(event.target);
  }, true);
  // A preview already open before this script ran (it loads async).
  var open = document.querySelectorAll("details.iop-preview[open]");
  for (var i = 0; i < open.length; i++) make(open[i]);
})();
