// The lintnews review page: check an article with /api/lint, decide on each suggested change,
// and get the corrected text from /api/apply (the same edit resolution as `lintnews check --fix`).
(function () {
  "use strict";
  var labels = JSON.parse(document.getElementById("labels").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var state = { text: "", filename: "article.txt", findings: [], decisions: {}, toUnits: null, seq: 0 };

  function headers() {
    var h = { "Content-Type": "application/json" };
    var token = $("token").value.trim();
    if (token) { h.Authorization = "Bearer " + token; }
    return h;
  }

  function say(message, isError) {
    $("status").textContent = message;
    $("status").className = "status" + (isError ? " error" : "");
  }

  function post(path, body) {
    return fetch(path, { method: "POST", headers: headers(), body: JSON.stringify(body) }).then(function (r) {
      return r.json().catch(function () { return { error: "the server answered " + r.status }; })
        .then(function (data) {
          if (!r.ok) { throw new Error(data.error || ("the server answered " + r.status)); }
          return data;
        });
    });
  }

  // lintnews counts code points; JavaScript strings count UTF-16 units.
  function unitMap(text) {
    var map = [0], units = 0;
    for (var ch of text) { units += ch.length; map.push(units); }
    return map;
  }

  function categoryLabel(c) { return (labels.categories[c] || [c])[0]; }

  // A quotation mark by its name ("a curly opening quotation mark “"), other text in quotes.
  function shown(text) {
    var mark = text.trim();
    return labels.marks[mark] ? labels.marks[mark] + " " + mark : "“" + text + "”";
  }

  function changeText(f) {
    var s = f.suggestions[0];
    if (!s) { return null; }
    if (!s.replacement) { return "Remove this text."; }
    if (s.offset !== f.offset || s.end_offset !== f.end_offset || s.replacement.indexOf("\n") >= 0) {
      return "Replace this passage with: " + shown(s.replacement.trim()) + ".";
    }
    return "Replace " + shown(f.excerpt) + " with " + shown(s.replacement) + ".";
  }

  // The text with one <mark> per finding, nested where spans nest (as the HTML report draws it).
  function renderText() {
    var box = $("text"), text = state.text, u = state.toUnits;
    box.textContent = "";
    var order = state.findings.map(function (f, i) { return i; }).sort(function (a, b) {
      var fa = state.findings[a], fb = state.findings[b];
      return fa.offset - fb.offset || fb.end_offset - fa.end_offset || a - b;
    });
    var stack = [], pos = 0;
    function add(parent, upto) { if (upto > pos) { parent.appendChild(document.createTextNode(text.slice(u[pos], u[upto]))); pos = upto; } }
    function top() { return stack.length ? stack[stack.length - 1].el : box; }
    function close() { var open = stack.pop(); add(open.el, open.end); top().appendChild(open.el); }
    order.forEach(function (i) {
      var f = state.findings[i];
      var start = Math.max(f.offset, pos);
      while (stack.length && stack[stack.length - 1].end <= start) { close(); }
      add(top(), start);
      var end = Math.max(start, stack.length ? Math.min(f.end_offset, stack[stack.length - 1].end) : f.end_offset);
      var mark = document.createElement("mark");
      mark.className = "finding cat-" + f.category + " sev-" + f.severity;
      mark.dataset.i = String(i);
      mark.tabIndex = 0;
      mark.title = f.message + (changeText(f) ? " Suggested change: " + changeText(f) : "");
      if (end === start) { top().appendChild(mark); } else { stack.push({ el: mark, end: end }); }
    });
    while (stack.length) { close(); }
    add(box, text.length === 0 ? 0 : u.length - 1);
  }

  function renderList() {
    var list = $("findings");
    list.textContent = "";
    state.findings.forEach(function (f, i) {
      var li = document.createElement("li");
      li.className = "finding-item cat-" + f.category;
      li.dataset.i = String(i);
      var kind = document.createElement("div");
      kind.className = "kind";
      kind.textContent = categoryLabel(f.category) + " · " + labels.severities[f.severity] + " · line " + f.line + " · " + f.rule;
      var msg = document.createElement("p");
      msg.className = "msg";
      msg.textContent = f.message;
      li.appendChild(kind);
      li.appendChild(msg);
      var change = changeText(f);
      if (change) {
        var c = document.createElement("p");
        c.className = "change" + (f.suggestions[0].safe ? "" : " unsafe");
        c.textContent = change;
        li.appendChild(c);
        var decide = document.createElement("div");
        decide.className = "decide";
        [["accept", "Accept"], ["reject", "Reject"]].forEach(function (pair) {
          var b = document.createElement("button");
          b.type = "button";
          b.className = pair[0];
          b.dataset.i = String(i);
          b.textContent = pair[1];
          decide.appendChild(b);
        });
        var verdict = document.createElement("span");
        verdict.className = "verdict";
        decide.appendChild(verdict);
        li.appendChild(decide);
      } else {
        var none = document.createElement("p");
        none.className = "change none";
        none.textContent = "No automatic change: edit this by hand.";
        li.appendChild(none);
      }
      list.appendChild(li);
    });
  }

  function showDecisions() {
    document.querySelectorAll(".finding-item, mark.finding").forEach(function (el) {
      var d = state.decisions[el.dataset.i];
      el.classList.toggle("accepted", d === "accepted");
      el.classList.toggle("rejected", d === "rejected");
      var verdict = el.querySelector && el.querySelector(".verdict");
      if (verdict) { verdict.textContent = d === "accepted" ? "Accepted" : d === "rejected" ? "Rejected" : ""; }
    });
  }

  function updateResult() {
    var seq = ++state.seq;
    var edits = [];
    state.findings.forEach(function (f, i) {
      if (state.decisions[i] === "accepted" && f.suggestions.length) {
        var s = f.suggestions[0];
        edits.push({ offset: s.offset, end_offset: s.end_offset, replacement: s.replacement });
      }
    });
    showDecisions();
    return post("api/apply", { text: state.text, edits: edits }).then(function (data) {
      if (seq !== state.seq) { return; }
      $("result").value = data.text;
      $("changes").textContent = data.applied === 1 ? "1 change" : data.applied + " changes";
      $("result").dataset.ready = String(seq);
    }).catch(function (e) { say(e.message, true); });
  }

  // Two suggestions that cannot both apply, as /api/apply (and --fix) decides it: overlapping
  // spans, or two insertions at one point; touching spans and identical edits do not conflict.
  function conflict(a, b) {
    var x = a.suggestions[0], y = b.suggestions[0];
    if (x.offset === y.offset && x.end_offset === y.end_offset && x.replacement === y.replacement) { return false; }
    if (y.offset < x.offset || (y.offset === x.offset && y.end_offset > x.end_offset)) { var t = x; x = y; y = t; }
    return y.offset < x.end_offset || (y.offset === y.end_offset && x.offset === x.end_offset && y.offset === x.offset);
  }

  function accepted() {
    return state.findings.map(function (f, i) { return i; }).filter(function (i) {
      return state.decisions[i] === "accepted" && state.findings[i].suggestions.length;
    });
  }

  // Accepting a change withdraws an accepted one it overlaps: the page never shows two
  // accepted changes of which only one can be made.
  function decide(i, verdict) {
    i = Number(i);
    state.decisions[i] = state.decisions[i] === verdict ? undefined : verdict;
    if (state.decisions[i] === "accepted") {
      var withdrawn = accepted().filter(function (j) { return j !== i && conflict(state.findings[i], state.findings[j]); });
      withdrawn.forEach(function (j) { state.decisions[j] = undefined; });
      if (withdrawn.length) {
        say("This change overlaps " + withdrawn.map(function (j) { return state.findings[j].rule; }).join(", ") +
            ", which is no longer accepted: only one of them can be made.");
      }
    }
    updateResult();
  }

  function check() {
    state.text = $("source").value;
    state.filename = state.upload || $("format").value;
    say("Checking…");
    post("api/lint", { text: state.text, filename: state.filename }).then(function (report) {
      var file = report.files[0];
      state.findings = file.findings;
      state.decisions = {};
      state.toUnits = unitMap(state.text);
      var n = state.findings.length;
      $("summary").textContent = n === 0 ? "lintnews found no problems." :
        "lintnews found " + n + " problem" + (n === 1 ? "" : "s") + ".";
      renderText();
      renderList();
      $("results").hidden = false;
      say("Checked.");
      return updateResult();
    }).catch(function (e) { say(e.message, true); });
  }

  function select(i) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var item = document.querySelector('.finding-item[data-i="' + i + '"]');
    var mark = document.querySelector('mark.finding[data-i="' + i + '"]');
    if (item) { item.classList.add("active"); item.scrollIntoView({ block: "nearest" }); }
    if (mark) { mark.classList.add("active"); }
  }

  function correctedName() {
    var name = state.filename.split(/[\\/]/).pop() || "article.txt";
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(0, dot) + "-corrected" + name.slice(dot) : name + "-corrected.txt";
  }

  $("check").addEventListener("click", check);
  $("format").addEventListener("change", function () { state.upload = null; });
  $("upload").addEventListener("change", function () {
    var file = this.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () { $("source").value = reader.result; state.upload = file.name; check(); };
    reader.onerror = function () { say("This file could not be read.", true); };
    reader.readAsText(file);
  });
  $("findings").addEventListener("click", function (e) {
    var b = e.target.closest("button");
    var item = e.target.closest(".finding-item");
    if (b && b.matches(".accept")) { decide(b.dataset.i, "accepted"); }
    else if (b && b.matches(".reject")) { decide(b.dataset.i, "rejected"); }
    if (item) { select(item.dataset.i); }
  });
  $("text").addEventListener("click", function (e) {
    var mark = e.target.closest("mark.finding");
    if (mark) { select(mark.dataset.i); }
  });
  $("text").addEventListener("keydown", function (e) {
    if ((e.key === "Enter" || e.key === " ") && e.target.matches("mark.finding")) { e.preventDefault(); select(e.target.dataset.i); }
  });
  // Every safe change that overlaps none already accepted, in the order --fix takes them
  // (by position, the longer first).
  $("accept-safe").addEventListener("click", function () {
    var order = state.findings.map(function (f, i) { return i; }).filter(function (i) {
      var f = state.findings[i];
      return f.suggestions.length && f.suggestions[0].safe && state.decisions[i] !== "rejected";
    }).sort(function (a, b) {
      var x = state.findings[a].suggestions[0], y = state.findings[b].suggestions[0];
      return x.offset - y.offset || y.end_offset - x.end_offset || a - b;
    });
    order.forEach(function (i) {
      var taken = accepted();
      if (!taken.some(function (j) { return j !== i && conflict(state.findings[i], state.findings[j]); })) {
        state.decisions[i] = "accepted";
      }
    });
    updateResult();
  });
  $("reset").addEventListener("click", function () { state.decisions = {}; updateResult(); });
  $("copy").addEventListener("click", function () {
    var text = $("result").value;
    var done = function () { say("The corrected text is on the clipboard."); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { $("result").select(); document.execCommand("copy"); done(); });
    } else { $("result").select(); document.execCommand("copy"); done(); }
  });
  $("download").addEventListener("click", function () {
    var blob = new Blob([$("result").value], { type: "text/plain;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = correctedName();
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  });
})();
