// Small enhancements; every page works without them.
document.documentElement.classList.add("js");

// A filter ticked on the results page reloads it: remember the box (and that the phone panel
// was open) so that the new page puts focus back on it instead of at the top.
const FOCUS_KEY = "hyoka-focus";

function rememberFilter(input) {
  try {
    sessionStorage.setItem(FOCUS_KEY, JSON.stringify({name: input.name, value: input.value}));
  } catch (error) { /* storage off: focus simply starts at the top */ }
}

function restoreFilter(panel) {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(FOCUS_KEY) || "null");
    sessionStorage.removeItem(FOCUS_KEY);
  } catch (error) { return false; }
  if (!saved) return false;
  const input = [...document.querySelectorAll("#facet-form input[type=checkbox]")]
    .find((box) => box.name === saved.name && box.value === saved.value);
  if (!input) return false;
  if (panel) panel.open = true;
  input.focus();
  input.scrollIntoView({block: "center"});
  return true;
}

function copyCitation(button) {
  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector(".copy-status");
  const text = source.textContent.trim();
  const selectIt = () => {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    status.textContent = "引用を選択しました。Ctrl+C（⌘+C）でコピーしてください。";
  };
  if (!navigator.clipboard) { selectIt(); return; }
  navigator.clipboard.writeText(text).then(
    () => { status.textContent = "引用をコピーしました。"; },
    selectIt,
  );
}

document.addEventListener("DOMContentLoaded", () => {
  // Apply a filter or a sort order as soon as it changes.
  document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
    form.addEventListener("change", (event) => {
      if (event.target.matches("input[type=checkbox]")) {
        rememberFilter(event.target);
        form.requestSubmit();
      }
    });
  });
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
  // On a phone the facet panel starts folded (the chips above the results show what is chosen),
  // unless the page was reached by ticking a filter: then it stays open for the next one.
  const panel = document.getElementById("facet-panel");
  const restored = restoreFilter(panel);
  if (panel && !restored && window.matchMedia("(max-width: 55.99rem)").matches) panel.open = false;

  document.querySelectorAll("button.copy[data-copy]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => copyCitation(button));
  });

  // A printed page says when it was printed, by the reader's clock.
  window.addEventListener("beforeprint", () => {
    const now = new Date();
    document.querySelectorAll("time.printed").forEach((time) => {
      time.textContent = `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
    });
  });
});
