(function () {
  "use strict";
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var boxes = all("input[data-filter]");
  var findings = all(".finding");
  var shown = document.getElementById("shown");
  function apply() {
    var rules = {}, sevs = {}, only = false;
    boxes.forEach(function (b) {
      if (b.dataset.filter === "only") only = b.checked;
      else if (b.checked) (b.dataset.filter === "rule" ? rules : sevs)[b.value] = true;
    });
    var n = 0;
    findings.forEach(function (f) {
      f.hidden = !(rules[f.dataset.rule] && sevs[f.dataset.sev]);
      if (!f.hidden) n++;
    });
    all("mark[data-f]").forEach(function (m) {
      var on = m.dataset.f.split(" ").some(function (id) {
        var f = document.getElementById("f-" + id);
        return f && !f.hidden;
      });
      m.classList.toggle("off", !on);
    });
    all(".link").forEach(function (l) {
      l.hidden = only && !l.querySelector(".finding:not([hidden])");
    });
    if (shown) shown.textContent = n + " of " + findings.length + " findings shown";
  }
  function visible() {
    return findings.filter(function (f) { return !f.hidden && !f.closest("[hidden]"); });
  }
  function highlight(f) {
    all("mark.hot").forEach(function (m) { m.classList.remove("hot"); });
    var id = f.id.slice(2);
    all("mark[data-f]").forEach(function (m) {
      if (m.dataset.f.split(" ").indexOf(id) >= 0) m.classList.add("hot");
    });
  }
  function show(f) {
    f.focus({ preventScroll: true });
    // The whole link when it fits, else the finding itself.
    var link = f.closest(".link") || f;
    link.scrollIntoView({ block: "start" });
    if (f.getBoundingClientRect().bottom > window.innerHeight) f.scrollIntoView({ block: "end" });
    highlight(f);
    if (history.replaceState) history.replaceState(null, "", "#" + f.id);
  }
  function step(d) {
    var v = visible();
    if (!v.length) return;
    var cur = document.activeElement && document.activeElement.closest ? document.activeElement.closest(".finding") : null;
    var i = v.indexOf(cur);
    var next = i < 0 ? (d > 0 ? 0 : v.length - 1) : (i + d + v.length) % v.length;
    show(v[next]);
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target && e.target.matches && e.target.matches("input[type=text],textarea,select")) return;
    if (e.key === "j" || e.key === "n") { step(1); e.preventDefault(); }
    else if (e.key === "k" || e.key === "p") { step(-1); e.preventDefault(); }
  });
  document.addEventListener("click", function (e) {
    var m = e.target.closest && e.target.closest("mark[data-f]");
    if (!m) return;
    var f = document.getElementById("f-" + m.dataset.f.split(" ")[0]);
    if (f) show(f);
  });
  apply();
  var h = location.hash && document.getElementById(location.hash.slice(1));
  if (h && h.classList.contains("finding")) show(h);
})();
