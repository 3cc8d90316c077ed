/* Keyboard and screen-reader fixes for gaps Material for MkDocs leaves open
   (it is in maintenance mode). Without JavaScript the site still works: these
   controls are CSS toggles that a mouse or tap can use. */
(function () {
  "use strict";

  // The build (scripts/iopguide/finish/a11y_markup.py) writes what is the same at every
  // load: the header's buttons, named and hidden, beside Material's labels; the sidebar's
  // id; the search dialog's name; each table's name; the copy button's words, all from
  // docs/.data/strings.yml. This script has no words of its own: it reads those.

  // Material's header controls are <label>s for hidden inputs: not focusable and not
  // named. Show the button the build put after each one in its place; the label stays in
  // the page (hidden) so Material can keep toggling its `hidden` attribute, which we mirror.
  function showButton(button) {
    var label = button.previousElementSibling;
    var input = document.getElementById(button.getAttribute("data-for"));
    if (!label || !input) return null;
    button.innerHTML = label.innerHTML;
    button.hidden = label.hidden;
    button.addEventListener("click", function () {
      input.click();
      // Search opened: the cursor goes in its box now, as Material puts it there once it
      // runs, so words typed before Material arrives (a slow phone) are not lost.
      var box = input.id === "__search" && input.checked && document.querySelector(".md-search__input");
      if (box) box.focus();
    });
    new MutationObserver(function () { button.hidden = label.hidden; })
      .observe(label, { attributes: true, attributeFilter: ["hidden"] });
    label.classList.add("iop-replaced");
    if (button.hasAttribute("aria-expanded")) expands(button, input);
    return button;
  }

  function expands(button, toggle) {
    function update() { button.setAttribute("aria-expanded", String(toggle.checked)); }
    toggle.addEventListener("change", update);
    update();
  }

  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");

  // The phone menu opens at the top level, help first (finish/page_navigation.py), not
  // inside the page's own section, which Material opens for the wide screen's menu, where
  // it stays open. (Closed panels leave the tab order in site.css, without a script.)
  var wide = window.matchMedia("(min-width: 76.25em)");
  var sections = Array.prototype.filter.call(
    document.querySelectorAll(".md-nav--primary .md-nav__toggle"),
    function (toggle) { return toggle.checked; });
  function menuLevel() {
    sections.forEach(function (toggle) {
      var panel = document.querySelector('[aria-labelledby="' + toggle.id + '_label"]');
      toggle.checked = wide.matches;
      if (panel) panel.setAttribute("aria-expanded", String(wide.matches));
    });
  }
  menuLevel();
  if (wide.addEventListener) wide.addEventListener("change", menuLevel);

  document.querySelectorAll("button.iop-header-button[data-for]").forEach(function (button) {
    if (!showButton(button) || button.getAttribute("data-for") !== "__drawer") return;
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        button.focus();
      }
    });
  });
  // Material's "/", "s" and "f" put the cursor in the search box. In a phone-sized window
  // that box is hidden while search is closed (site.css, so it leaves the tab order), and
  // the cursor cannot go there: open search first, then move the cursor in.
  document.addEventListener("keydown", function (event) {
    var input = document.querySelector(".md-search__input");
    var target = event.target;
    if (!search || !input || search.checked || event.ctrlKey || event.metaKey || event.altKey) return;
    if (["/", "s", "f"].indexOf(event.key) < 0) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    search.checked = true;
    search.dispatchEvent(new Event("change"));
    input.focus();
  });
  // Wide tables scroll inside their own box: let keyboard users scroll them too.
  // The MkDocs build wraps tables already (finish/lazy_bundle.py); on Zensical, Material
  // wraps them after this script runs, so watch for the wrappers there. Each box is named
  // by the build's name for its table (data-iop-label).
  function focusableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      var table = box.querySelector("table[data-iop-label]");
      if (!table) return;
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", table.getAttribute("data-iop-label"));
    });
  }
  focusableTables();

  // What to say on the phone: a button copies the script, to paste into a note or a
  // message. Only the browser's own clipboard is used; nothing is sent anywhere.
  document.querySelectorAll(".admonition.script").forEach(function (box) {
    var copy = box.getAttribute("data-iop-copy");
    if (!copy || !navigator.clipboard || box.querySelector(".iop-copy")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "iop-copy";
    button.textContent = copy;
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    status.className = "iop-copy-status";
    button.addEventListener("click", function () {
      var text = Array.prototype.filter.call(box.children, function (e) {
        return !e.classList.contains("admonition-title") && e !== button && e !== status;
      }).map(function (e) { return e.innerText.trim(); }).join("\n\n");
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = " " + box.getAttribute("data-iop-copied");
      }, function () {
        status.textContent = " " + box.getAttribute("data-iop-copy-failed");
      });
    });
    var title = box.querySelector(".admonition-title");
    if (title) title.insertAdjacentElement("afterend", button);
    button.insertAdjacentElement("afterend", status);
  });

  // The crisis strip wraps to a second line on a narrow phone or with large text: keep the
  // header and the menus just below it, at its real height (site.css: --iop-strip-h).
  // With very large text, strip and header together would cover over a third of the screen:
  // then only the strip stays, and the header scrolls away with the page (site.css).
  var strip = document.querySelector(".md-banner");
  var header = document.querySelector(".md-header");
  if (strip && header && window.ResizeObserver) {
    var root = document.documentElement;
    new ResizeObserver(function () {
      root.style.setProperty("--iop-strip-h", strip.offsetHeight + "px");
      root.classList.toggle("iop-tall-top",
        strip.offsetHeight + header.offsetHeight > window.innerHeight / 3);
    }).observe(strip);
  }

  var article = document.querySelector("article");
  if (article) new MutationObserver(focusableTables).observe(article, { childList: true, subtree: true });
})();
