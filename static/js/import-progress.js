// Polls an import's status while its files are read or it is saved, updates the live region and reloads
// the page when the preview is ready. Without JavaScript the "Refresh" link does the same.
(function () {
  const status = document.getElementById("import-status");
  if (!status) return;
  const url = status.dataset.statusUrl;
  const strong = status.querySelector("strong");
  const bar = document.querySelector("progress");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var saving = data.status === "saving";
        if (strong) strong.textContent = saving ? data.label : data.label + " (" + data.progress + " %)";
        if (bar && !saving) bar.value = data.progress;
        if (data.status === "queued" || data.status === "parsing" || saving) {
          window.setTimeout(poll, 1500);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
