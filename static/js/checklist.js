// Progress on a checklist, kept in this browser's localStorage only: nothing is sent
// anywhere. Ticks belong to the country, not to the device's checklist: the settings are
// the account's, so an item ticked on the website checklist is ticked on the Android one.
// Also the copy, share and print buttons, which need JavaScript.
(function () {
  "use strict";

  var root = document.querySelector("[data-checklist]");
  if (!root) {
    return;
  }

  // Screenshots: in place of the link, the picture itself, loaded lazily (only once its
  // disclosure is opened). Without JavaScript browsers would load every one at once.
  Array.prototype.forEach.call(root.querySelectorAll("details.screenshot"), function (shot) {
    var link = shot.querySelector("[data-screenshot-link]");
    var picture = shot.querySelector("template[data-screenshot-picture]");
    if (link && picture) {
      link.replaceWith(picture.content.cloneNode(true));
      picture.remove();
    }
  });
  // Each checklist keeps its own ticks; a plan holds one set per service.
  function track(section) {
    var country = root.getAttribute("data-country");
    // Per service and country, as the server names it.
    var storageKey = section.getAttribute("data-ticks");
    // Before ticks followed the account, each device's LinkedIn checklist kept its own.
    var oldKeys =
      storageKey === "opt-out-guide:ticks:" + country
        ? ["web", "ios", "android"].map(function (surface) {
            return "opt-out-guide:progress:" + country + "/" + surface;
          })
        : [];
    // Every sentence the progress line can say, rendered by the server in the page's language.
    var sentences = JSON.parse(section.getAttribute("data-progress-sentences") || "{}");

    function read(key) {
      try {
        var saved = JSON.parse(window.localStorage.getItem(key) || "{}");
        return saved && typeof saved === "object" && !Array.isArray(saved) ? saved : {};
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

    function load() {
      var state = read(storageKey);
      var moved = false;
      oldKeys.forEach(function (key) {
        var ticks = read(key);
        Object.keys(ticks).forEach(function (slug) {
          // The latest version ticked anywhere wins: it is the one the visitor followed last.
          if (typeof ticks[slug] === "string" && !(state[slug] >= ticks[slug])) {
            state[slug] = ticks[slug];
          }
          moved = true;
        });
        try {
          window.localStorage.removeItem(key);
        } catch (error) {
          // Nothing to tidy up where storage is refused.
        }
      });
      if (moved) {
        save(state);
      }
      return state;
    }

    var state = load();
    var items = Array.prototype.slice.call(section.querySelectorAll(".item[data-slug]"));
    // A plan's sections have no progress line of their own: only the boxes.
    var progress = section.querySelector("[data-progress]");
    var essentialsText = section.querySelector("#progress-text");
    var extrasText = section.querySelector("#progress-extras");
    var bar = section.querySelector("#progress-bar");
    var donePanel = section.querySelector("[data-done-panel]");
    var essentialCount = items.filter(function (item) {
      return item.getAttribute("data-essential") === "true";
    }).length;

    function isTicked(slug) {
      return Object.prototype.hasOwnProperty.call(state, slug);
    }

    function render() {
      var essentialsDone = 0;
      var extrasDone = 0;
      items.forEach(function (item) {
        var slug = item.getAttribute("data-slug");
        var ticked = isTicked(slug);
        var changed = ticked && state[slug] < item.getAttribute("data-updated");
        item.querySelector("[data-done]").checked = ticked;
        item.classList.toggle("item-done", ticked);
        // A done item folds away, unless it changed since: then its steps need a look.
        var folded = ticked && !changed && !item.classList.contains("item-open");
        item.classList.toggle("item-folded", folded);
        var reopen = item.querySelector("[data-reopen]");
        reopen.hidden = !ticked || changed;
        reopen.setAttribute("aria-expanded", String(!folded));
        reopen.textContent = root.getAttribute(
          folded ? "data-text-show-steps" : "data-text-fold-steps"
        );
        item.querySelector("[data-changed-notice]").hidden = !changed;
        if (ticked && item.getAttribute("data-essential") === "true") {
          essentialsDone += 1;
        } else if (ticked) {
          extrasDone += 1;
        }
      });
      if (essentialsText) {
        essentialsText.textContent = sentences.essentials[essentialsDone];
        bar.value = essentialsDone;
      }
      if (extrasText) {
        extrasText.textContent = sentences.extras[extrasDone];
      }
      if (donePanel) {
        donePanel.hidden = !(essentialCount && essentialsDone === essentialCount);
      }
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
        item.classList.remove("item-open");
        save(state);
        render();
      });
      item.querySelector("[data-reopen]").addEventListener("click", function () {
        item.classList.toggle("item-open");
        render();
      });
    });

    if (items.length && progress) {
      progress.hidden = false;
      var reset = section.querySelector("[data-reset]");
      var confirm = section.querySelector("[data-reset-confirm]");
      var askFirst = function (asking) {
        confirm.hidden = !asking;
        reset.setAttribute("aria-expanded", String(asking));
      };
      reset.addEventListener("click", function () {
        askFirst(confirm.hidden);
        if (!confirm.hidden) {
          confirm.querySelector("[data-reset-no]").focus();
        }
      });
      confirm.querySelector("[data-reset-yes]").addEventListener("click", function () {
        state = {};
        save(state);
        items.forEach(function (item) {
          item.classList.remove("item-open");
        });
        askFirst(false);
        render();
        reset.focus();
      });
      confirm.querySelector("[data-reset-no]").addEventListener("click", function () {
        askFirst(false);
        reset.focus();
      });
      // Another tab ticked something on another device's checklist: follow it.
      window.addEventListener("storage", function (event) {
        if (event.key === storageKey || event.key === null) {
          state = read(storageKey);
          render();
        }
      });
      render();
    }
    if (items.length && !progress) {
      render();
    }
  }

  if (root.hasAttribute("data-ticks")) {
    track(root);
  } else {
    Array.prototype.forEach.call(root.querySelectorAll("[data-ticks]"), track);
  }

  // What is true only with this script running (that ticks are kept) is said only then.
  Array.prototype.forEach.call(root.querySelectorAll("[data-needs-script]"), function (el) {
    el.hidden = false;
  });

  // Copying: the link, and the text for a form.
  var canCopy = Boolean(navigator.clipboard && window.isSecureContext);

  function copy(text, status, done, failed) {
    navigator.clipboard.writeText(text).then(
      function () {
        status.textContent = root.getAttribute(done);
      },
      function () {
        status.textContent = root.getAttribute(failed);
      }
    );
  }

  Array.prototype.forEach.call(root.querySelectorAll("[data-copy-text]"), function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-text"));
    var status = button.parentNode.querySelector("[data-copy-status]");
    if (!canCopy || !source) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(source.innerText.trim(), status, "data-text-text-copied", "data-text-text-copy-failed");
    });
  });

  // Sharing.
  var shareStatus = root.querySelector("[data-share-status]");
  var url = document.getElementById("share-url").value;

  var copyButton = root.querySelector("[data-copy-link]");
  if (canCopy) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      copy(url, shareStatus, "data-text-copied", "data-text-copy-failed");
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
