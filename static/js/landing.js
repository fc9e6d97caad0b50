// The landing page's URL builder: shows, live, the address of the chosen board with the
// chosen options (those equal to their defaults left out), to copy into a TV or an OBS
// browser source. Without this script the form still works: each board has a submit button.
(function () {
  "use strict";
  var form = document.getElementById("lb-form");
  var boardSel = document.getElementById("lb-board");
  var out = document.getElementById("lb-url");
  var open = document.getElementById("lb-open");
  var copy = document.getElementById("lb-copy");
  if (!form || !boardSel || !out || !open || !copy) {
    return;
  }

  function selectedKeys() {
    var opt = boardSel.options[boardSel.selectedIndex];
    return opt ? (opt.getAttribute("data-keys") || "").split(" ") : [];
  }

  // update enables the fields the chosen board reads (disabled ones are not submitted)
  // and rebuilds its address.
  function update() {
    var name = boardSel.value;
    var keys = selectedKeys();
    form.querySelectorAll("fieldset[data-board]").forEach(function (fs) {
      fs.hidden = fs.getAttribute("data-board") !== name;
    });
    form.querySelectorAll(".field[data-key]").forEach(function (f) {
      var scope = f.closest("fieldset[data-board]");
      var on = scope ? scope.getAttribute("data-board") === name : keys.indexOf(f.getAttribute("data-key")) >= 0;
      f.classList.toggle("off", !on);
      f.querySelectorAll("input, select").forEach(function (el) {
        el.disabled = !on;
      });
    });

    var params = new URLSearchParams();
    ["fop", "lang"].forEach(function (k) {
      var el = form.elements.namedItem(k);
      if (el && el.value) {
        params.set(k, el.value);
      }
    });
    form.querySelectorAll("[data-default]").forEach(function (el) {
      if (el.disabled || !el.name) {
        return;
      }
      var def = el.getAttribute("data-default");
      var v = el.type === "checkbox" ? String(el.checked) : el.value.trim();
      if (v === "" || v === def || (el.type === "number" && Number(v) === Number(def))) {
        return;
      }
      params.set(el.name, v);
    });
    var q = params.toString();
    var url = location.origin + "/" + encodeURIComponent(name) + (q ? "?" + q : "");
    out.value = url;
    open.href = url;
  }

  function copied(text) {
    copy.textContent = text;
    setTimeout(function () {
      copy.textContent = "Copy";
    }, 1500);
  }

  function copyFallback() {
    out.focus();
    out.select();
    try {
      copied(document.execCommand("copy") ? "Copied" : "Select and copy");
    } catch (e) {
      copied("Select and copy");
    }
  }

  copy.addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(out.value).then(function () {
        copied("Copied");
      }, copyFallback);
    } else {
      copyFallback();
    }
  });
  out.addEventListener("focus", function () {
    out.select();
  });

  // Enter in a field opens the chosen board at its clean address. (The per-board buttons
  // are hidden: the implicit submitter would be the first board's, not the chosen one.)
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    update();
    location.href = out.value;
  });

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  window.addEventListener("pageshow", update); // the form's values come back with the page
  form.querySelector(".lb-pick").hidden = false;
  form.querySelector(".lb-live").hidden = false;
  form.querySelector(".lb-submit").hidden = true;
  update();
})();
