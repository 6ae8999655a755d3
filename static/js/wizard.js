// The wizard: after htmx swaps in the next question, move focus to its heading so that
// keyboard and screen-reader users land on it and hear it announced.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var panel = document.getElementById("wizard-panel");
    if (!panel || event.detail.target !== panel) {
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
