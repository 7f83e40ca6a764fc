/* plan744 site: progressive enhancement only. Without this script every table and list reads
   the same; with it, table headers sort their columns and the search page filters its lists. */
(function () {
  "use strict";
  function cellValue(cell) {
    var raw = cell.getAttribute("data-sort");
    var text = raw !== null && raw !== "" ? raw : cell.textContent.trim();
    var n = raw !== null && raw !== "" ? Number(raw) : NaN;
    return isNaN(n) ? { text: text, num: null } : { text: text, num: n };
  }
  function compare(a, b) {
    if (a.num !== null && b.num !== null) return a.num - b.num;
    if (a.num !== null) return -1;
    if (b.num !== null) return 1;
    return a.text.localeCompare(b.text, "vi");
  }
  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var c = compare(cellValue(r1.cells[index]), cellValue(r2.cells[index]));
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  }
  function search() {
    var box = document.querySelector("[data-search]");
    if (!box || !window.PLAN744_INDEX) return;
    var keys = {};
    window.PLAN744_INDEX.forEach(function (e) { keys[e.href] = e.key; });
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-results] li"));
    var input = box.querySelector("input");
    var count = box.querySelector("[aria-live]");
    box.hidden = false;
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (li) {
        var key = keys[li.querySelector("a").getAttribute("href")] || fold(li.textContent);
        var match = words.every(function (w) { return key.indexOf(w) !== -1; });
        li.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = words.length ? count.getAttribute("data-count-template").replace("{count}", shown) : "";
    });
  }
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  search();
})();
