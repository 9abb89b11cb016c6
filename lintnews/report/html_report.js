// The lintnews HTML report: file switching, filters, and the details of a finding.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("findings").textContent);
  var detail = document.getElementById("detail");
  var current = null;   // the selected finding's id
  var file = 0;         // the file shown

  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function marks() { return all("mark.finding"); }

  function showFile(n) {
    file = n;
    all(".doc, .flist").forEach(function (el) { el.hidden = Number(el.dataset.file) !== n; });
    all("button.file").forEach(function (b) { b.setAttribute("aria-current", String(Number(b.dataset.file) === n)); });
  }

  function filters(kind) {
    return all('input[data-filter="' + kind + '"]').filter(function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }

  function applyFilters() {
    var cats = filters("category"), sevs = filters("severity");
    marks().forEach(function (m) {
      var f = data[m.dataset.id];
      var shown = cats.indexOf(f.category) >= 0 && sevs.indexOf(f.severity) >= 0;
      m.classList.toggle("off", !shown);
      m.tabIndex = shown ? 0 : -1;
    });
    all("button.item").forEach(function (b) {
      var shown = cats.indexOf(b.dataset.category) >= 0 && sevs.indexOf(b.dataset.severity) >= 0;
      b.parentNode.hidden = !shown;
    });
    all(".group").forEach(function (g) { g.hidden = all("li:not([hidden])", g).length === 0; });
  }

  function select(id, focusMark) {
    var f = data[id];
    if (!f) { return; }
    if (f.file !== file) { showFile(f.file); }
    all(".active").forEach(function (el) { el.classList.remove("active"); });
    var mark = document.querySelector('mark[data-id="' + id + '"]');
    var item = document.querySelector('button.item[data-id="' + id + '"]');
    if (mark) { mark.classList.add("active"); }
    if (item) { item.classList.add("active"); }
    current = id;
    detail.querySelector(".kind").textContent = f.categoryLabel + " · " + f.severityLabel;
    detail.querySelector(".where").textContent = "Line " + f.line + ", column " + f.column + " of " + f.path;
    detail.querySelector(".message").textContent = f.message;
    var fix = detail.querySelector(".fix");
    fix.textContent = "";
    if (f.fix) {
      fix.className = "fix";
      fix.appendChild(document.createTextNode("Suggested change: " + f.fix));
      var safety = document.createElement("span");
      safety.className = "safety";
      safety.textContent = f.safe
        ? "Safe: lintnews --fix makes this change for you."
        : "Check it first: lintnews makes it only with --fix --unsafe-fixes.";
      fix.appendChild(safety);
    } else {
      fix.className = "fix none";
      fix.textContent = "No automatic change: edit this by hand.";
    }
    detail.querySelector(".rule").textContent = "Rule " + f.rule + " (" + f.name + ")";
    detail.hidden = false;
    if (mark) {
      mark.scrollIntoView({block: "center"});
      if (focusMark) { mark.focus({preventScroll: true}); }
    }
    if (item) { item.scrollIntoView({block: "nearest"}); }
  }

  function closeDetail() {
    detail.hidden = true;
    var mark = current && document.querySelector('mark[data-id="' + current + '"]');
    all(".active").forEach(function (el) { el.classList.remove("active"); });
    if (mark) { mark.focus(); }
    current = null;
  }

  function step(delta) {
    var visible = marks().filter(function (m) {
      return !m.classList.contains("off") && Number(data[m.dataset.id].file) === file;
    });
    if (!visible.length) { return; }
    var at = visible.findIndex(function (m) { return m.dataset.id === current; });
    var next = at < 0 ? (delta > 0 ? 0 : visible.length - 1) : (at + delta + visible.length) % visible.length;
    select(visible[next].dataset.id, true);
  }

  document.addEventListener("click", function (e) {
    var target = e.target.closest("mark.finding, button.item, button.file, .detail .close");
    if (!target) { return; }
    if (target.matches("button.file")) { showFile(Number(target.dataset.file)); return; }
    if (target.matches(".close")) { closeDetail(); return; }
    if (target.matches("mark.off")) { return; }
    e.stopPropagation();
    select(target.dataset.id, false);
  });
  document.addEventListener("keydown", function (e) {
    if (e.target.matches && e.target.matches("input")) { return; }
    if ((e.key === "Enter" || e.key === " ") && e.target.matches && e.target.matches("mark.finding")) {
      e.preventDefault();
      select(e.target.dataset.id, true);
    } else if (e.key === "Escape") {
      closeDetail();
    } else if ((e.key === "n" || e.key === "j") && !e.ctrlKey && !e.metaKey && !e.altKey) {
      step(1);
    } else if ((e.key === "p" || e.key === "k") && !e.ctrlKey && !e.metaKey && !e.altKey) {
      step(-1);
    }
  });
  all("input[data-filter]").forEach(function (i) { i.addEventListener("change", applyFilters); });
  showFile(0);
})();
