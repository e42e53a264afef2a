// Small enhancements; every page works without them.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  // Apply a filter or a sort order as soon as it changes.
  document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
    form.addEventListener("change", (event) => {
      if (event.target.matches("input[type=checkbox]")) form.requestSubmit();
    });
  });
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
  // On a phone the facet panel starts folded; the chips above the results show what is chosen.
  const panel = document.getElementById("facet-panel");
  if (panel && window.matchMedia("(max-width: 55.99rem)").matches) panel.open = false;
});
