// Adds rows to Django formsets: a button with data-formset-add="PREFIX" clones the
// <template id="PREFIX-empty"> row and bumps PREFIX-TOTAL_FORMS. Works without it too:
// every formset renders spare rows on the server.
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-formset-add]");
  if (!button) return;
  const prefix = button.dataset.formsetAdd;
  const total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  const template = document.getElementById(prefix + "-empty");
  const target = document.getElementById(prefix + "-rows");
  if (!total || !template || !target) return;
  const index = parseInt(total.value, 10);
  const html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__row__/g, String(index + 1));
  target.insertAdjacentHTML("beforeend", html);
  total.value = String(index + 1);
  const first = target.lastElementChild &&
    target.lastElementChild.querySelector("input:not([type=hidden]), select, textarea");
  if (first) first.focus();
});

// After a failed save the page says "nothing was saved" at the top: move focus there so
// screen readers announce it and keyboard users start from the summary.
document.addEventListener("DOMContentLoaded", function () {
  const summary = document.getElementById("form-errors");
  if (summary) summary.focus();
});
