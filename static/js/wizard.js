// The wizard: after htmx swaps in the next question, move focus to its heading so that
// keyboard and screen-reader users land on it and hear it announced.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var panel = document.getElementById("wizard-panel");
    // event.target, not event.detail.target: with outerHTML swaps htmx reports the old,
    // removed panel in the detail. Live search swaps only the matches and keeps focus.
    if (!panel || event.target !== panel) {
      return;
    }
    var heading = document.getElementById("wizard-heading");
    if (heading) {
      heading.focus();
    }
  });
  // Back and Forward restore a snapshot of the page: put focus where the visitor expects it.
  document.addEventListener("htmx:historyRestore", function () {
    var heading = document.getElementById("wizard-heading");
    if (heading) {
      heading.focus();
    }
  });
})();
