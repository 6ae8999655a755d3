// Progress on a checklist, kept in this browser's localStorage only: nothing is sent
// anywhere. Also the copy-link, share and print buttons, which need JavaScript.
(function () {
  "use strict";

  var root = document.querySelector("[data-checklist]");
  if (!root) {
    return;
  }
  var storageKey = "opt-out-guide:progress:" + root.getAttribute("data-checklist");

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(storageKey) || "{}");
      return saved && typeof saved === "object" ? saved : {};
    } catch (error) {
      return {};
    }
  }

  function save(state) {
    try {
      if (Object.keys(state).length) {
        window.localStorage.setItem(storageKey, JSON.stringify(state));
      } else {
        window.localStorage.removeItem(storageKey);
      }
    } catch (error) {
      // Private modes may refuse storage; ticking still works for this visit.
    }
  }

  var state = load();
  var items = Array.prototype.slice.call(root.querySelectorAll(".item[data-slug]"));
  var progress = root.querySelector("[data-progress]");
  var bar = document.getElementById("progress-bar");
  var text = document.getElementById("progress-text");

  function render() {
    var done = 0;
    items.forEach(function (item) {
      var slug = item.getAttribute("data-slug");
      var box = item.querySelector("[data-done]");
      var ticked = Object.prototype.hasOwnProperty.call(state, slug);
      var changed = ticked && state[slug] < item.getAttribute("data-updated");
      box.checked = ticked;
      item.classList.toggle("item-done", ticked);
      item.querySelector("[data-changed-notice]").hidden = !changed;
      if (ticked) {
        done += 1;
      }
    });
    bar.value = done;
    // The sentence comes translated from the page, e.g. "%(done)s of %(total)s done".
    text.textContent = root
      .getAttribute("data-text-progress")
      .replace("%(done)s", String(done))
      .replace("%(total)s", String(items.length));
  }

  items.forEach(function (item) {
    var box = item.querySelector("[data-done]");
    box.closest("label").hidden = false;
    box.addEventListener("change", function () {
      var slug = item.getAttribute("data-slug");
      if (box.checked) {
        // Remember which version of the item was ticked, to notice later changes.
        state[slug] = item.getAttribute("data-updated");
      } else {
        delete state[slug];
      }
      save(state);
      render();
    });
  });

  if (items.length) {
    progress.hidden = false;
    root.querySelector("[data-reset]").addEventListener("click", function () {
      state = {};
      save(state);
      render();
    });
    render();
  }

  // Sharing.
  var status = root.querySelector("[data-share-status]");
  var url = document.getElementById("share-url").value;

  var copyButton = root.querySelector("[data-copy-link]");
  if (navigator.clipboard && window.isSecureContext) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      navigator.clipboard.writeText(url).then(
        function () {
          status.textContent = root.getAttribute("data-text-copied");
        },
        function () {
          status.textContent = root.getAttribute("data-text-copy-failed");
        }
      );
    });
  }

  var shareButton = root.querySelector("[data-share]");
  if (navigator.share) {
    shareButton.hidden = false;
    shareButton.addEventListener("click", function () {
      navigator.share({ title: document.title, url: url }).catch(function () {
        // The visitor closed the share sheet: nothing to report.
      });
    });
  }

  var printButton = root.querySelector("[data-print]");
  printButton.hidden = false;
  printButton.addEventListener("click", function () {
    window.print();
  });
})();
