/* The safety plan (Staying safe): buttons to print it, copy all of it, or save it as a
   text file on the reader's own device. Nothing is stored or sent: the text goes only to
   the printer, the clipboard or a file the browser makes from it here, and it is gone when
   the page is left. overrides/main.html loads this only on a page with a plan. Without
   JavaScript the plan is still a form to fill in and print, and these buttons never show. */
(function () {
  "use strict";

  var plan = document.querySelector(".iop-write-in");
  if (!plan) return;

  // The words this script adds, in the page's language (<html lang>), as in a11y.js.
  var all = {
    en: { keep: "Keep your plan", print: "Print my plan", copy: "Copy all",
          save: "Save as a text file", title: "My safety plan", file: "my-safety-plan.txt",
          copied: "Copied.", saved: "Saved: look for my-safety-plan.txt in your downloads.",
          failed: "Could not copy. Select your answers and copy them instead." },
    es: { keep: "Guarde su plan", print: "Imprimir mi plan", copy: "Copiar todo",
          save: "Guardar como archivo de texto", title: "Mi plan de seguridad",
          file: "mi-plan-de-seguridad.txt", copied: "Copiado.",
          saved: "Guardado: busque mi-plan-de-seguridad.txt en sus descargas.",
          failed: "No se pudo copiar. Seleccione sus respuestas y cópielas." }
  };
  var words = all[document.documentElement.lang] || all.en;
  var fields = plan.querySelectorAll("textarea");

  // The whole plan as plain text: a title, the danger line, then each step's label and
  // what was typed under it (an empty step keeps its label, to fill in by hand).
  function text() {
    var danger = document.querySelector(".iop-plan-danger");
    var parts = [words.title];
    if (danger) parts.push(danger.textContent.replace(/\s+/g, " ").trim());
    Array.prototype.forEach.call(fields, function (field) {
      var label = plan.querySelector('label[for="' + field.id + '"]');
      parts.push((label ? label.textContent.trim() : "") + "\n" + field.value.trim());
    });
    return parts.join("\n\n") + "\n";
  }

  // Printing: a textarea prints cut at its box in some browsers, so each one has a copy of
  // its text beside it that only print shows (site.css), kept up to date as the reader types.
  Array.prototype.forEach.call(fields, function (field) {
    var copy = document.createElement("div");
    copy.className = "iop-plan-print";
    copy.setAttribute("aria-hidden", "true");
    function update() { copy.textContent = field.value; }
    field.addEventListener("input", update);
    window.addEventListener("beforeprint", update);
    update();
    field.insertAdjacentElement("afterend", copy);
  });
  plan.classList.add("iop-plan-ready");

  var status = document.createElement("p");
  status.className = "iop-plan-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  function say(message) {
    status.textContent = "";  // the same message again is announced again
    setTimeout(function () { status.textContent = message; }, 50);
  }

  var bar = document.createElement("div");
  bar.className = "iop-plan-keep";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", words.keep);
  function button(label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "iop-plan-button";
    b.textContent = label;
    b.addEventListener("click", action);
    bar.appendChild(b);
  }

  if (window.print) button(words.print, function () { window.print(); });
  if (navigator.clipboard && navigator.clipboard.writeText) {
    button(words.copy, function () {
      navigator.clipboard.writeText(text()).then(function () { say(words.copied); },
        function () { say(words.failed); });
    });
  }
  // A file made here and handed to the browser's own download: no server sees it.
  if (window.Blob && window.URL && URL.createObjectURL && "download" in document.createElement("a")) {
    button(words.save, function () {
      var url = URL.createObjectURL(new Blob([text()], { type: "text/plain;charset=utf-8" }));
      var link = document.createElement("a");
      link.href = url;
      link.download = words.file;
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      say(words.saved);
    });
  }

  plan.insertAdjacentElement("afterend", bar);
  bar.insertAdjacentElement("afterend", status);
})();
