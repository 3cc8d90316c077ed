/* Keyboard and screen-reader fixes for gaps Material for MkDocs leaves open
   (it is in maintenance mode). Without JavaScript the site still works: these
   controls are CSS toggles that a mouse or tap can use. */
(function () {
  "use strict";

  // The words this script adds, in the page's language (<html lang>). Every language
  // has every key (tests/test_spanish_ui.py); `dark` and `light` are the palette names of
  // mkdocs.yml and mkdocs.<lang>.yml, which the same test keeps equal.
  var all = {
    en: { menu: "Menu", search: "Search", dialog: "Search the guide",
          dark: "Switch to dark mode", light: "Switch to light mode",
          table: "Table", tableSuffix: " (table)", copy: "Copy the script", copied: " Copied.",
          copyFailed: " Could not copy: select the text and copy it instead." },
    es: { menu: "Menú", search: "Buscar", dialog: "Buscar en la guía",
          dark: "Cambiar a modo oscuro", light: "Cambiar a modo claro",
          table: "Tabla", tableSuffix: " (tabla)", copy: "Copiar el texto", copied: " Copiado.",
          copyFailed: " No se pudo copiar: seleccione el texto y cópielo." }
  };
  var words = all[document.documentElement.lang] || all.en;

  // Material's header controls are <label>s for hidden inputs: not focusable and
  // not named. Put a real <button> in each one's place; the label stays in the page
  // (hidden) so Material can keep toggling its `hidden` attribute, which we mirror.
  function replaceWithButton(label, name, input) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " iop-header-button";
    button.innerHTML = label.innerHTML;
    button.setAttribute("aria-label", name);
    button.setAttribute("data-for", label.htmlFor);
    button.hidden = label.hidden;
    button.addEventListener("click", function () { input.click(); });
    new MutationObserver(function () { button.hidden = label.hidden; })
      .observe(label, { attributes: true, attributeFilter: ["hidden"] });
    label.classList.add("iop-replaced");
    label.insertAdjacentElement("afterend", button);
    return button;
  }

  function expands(button, toggle) {
    function update() { button.setAttribute("aria-expanded", String(toggle.checked)); }
    toggle.addEventListener("change", update);
    update();
  }

  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (sidebar) sidebar.id = "iop-nav";

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

  document.querySelectorAll('.md-header__button[for="__drawer"]').forEach(function (label) {
    var button = replaceWithButton(label, words.menu, drawer);
    button.setAttribute("aria-controls", "iop-nav");
    expands(button, drawer);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        button.focus();
      }
    });
  });
  document.querySelectorAll('.md-header__button[for="__search"]').forEach(function (label) {
    expands(replaceWithButton(label, words.search, search), search);
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
  // Each colour button is named in the page's language by the scheme it turns on, not by
  // Material's title, which is in whatever language the palette was named in (the title
  // only names a scheme this list lacks).
  var schemes = { "default": words.light, slate: words.dark };
  document.querySelectorAll('.md-header__button[for^="__palette_"]').forEach(function (label) {
    var input = document.getElementById(label.htmlFor);
    var scheme = input && input.getAttribute("data-md-color-scheme");
    if (input) replaceWithButton(label, schemes[scheme] || label.title, input);
  });
  document.querySelectorAll('input[name="__palette"]').forEach(function (radio) {
    radio.setAttribute("tabindex", "-1");
  });

  // The search dialog needs a name, and its result count must be announced.
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog) dialog.setAttribute("aria-label", words.dialog);
  var meta = document.querySelector(".md-search-result__meta");
  if (meta) {
    meta.setAttribute("role", "status");
    meta.setAttribute("aria-live", "polite");
  }

  // Wide tables scroll inside their own box: let keyboard users scroll them too.
  // The MkDocs build wraps tables already (finish/lazy_bundle.py); on Zensical, Material
  // wraps them after this script runs, so watch for the wrappers there.
  function heading(box) {
    for (var e = box.previousElementSibling; e; e = e.previousElementSibling) {
      if (/^H[1-4]$/.test(e.tagName)) return e.textContent.replace("\u00b6", "").trim();
    }
    return words.table;
  }
  function focusableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", heading(box) + words.tableSuffix);
    });
  }
  focusableTables();

  // What to say on the phone: a button copies the script, to paste into a note or a
  // message. Only the browser's own clipboard is used; nothing is sent anywhere.
  document.querySelectorAll(".admonition.script").forEach(function (box) {
    if (!navigator.clipboard || box.querySelector(".iop-copy")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "iop-copy";
    button.textContent = words.copy;
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    status.className = "iop-copy-status";
    button.addEventListener("click", function () {
      var text = Array.prototype.filter.call(box.children, function (e) {
        return !e.classList.contains("admonition-title") && e !== button && e !== status;
      }).map(function (e) { return e.innerText.trim(); }).join("\n\n");
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = words.copied;
      }, function () {
        status.textContent = words.copyFailed;
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
