// The document reader: pointing at a claim in the list lights up its source, cue and
// content in the text, and a click scrolls to it.
(function () {
  "use strict";
  function spans(id) { return document.querySelectorAll('.text [data-claim="' + CSS.escape(id) + '"]'); }
  document.querySelectorAll("aside .claim[data-claim]").forEach(function (item) {
    var id = item.dataset.claim;
    item.addEventListener("mouseenter", function () { spans(id).forEach(function (s) { s.classList.add("lit"); }); });
    item.addEventListener("mouseleave", function () { spans(id).forEach(function (s) { s.classList.remove("lit"); }); });
    item.addEventListener("click", function (e) {
      if (e.target.closest("a")) return;
      var first = spans(id)[0];
      if (first) first.scrollIntoView({behavior: "smooth", block: "center"});
    });
  });
})();
