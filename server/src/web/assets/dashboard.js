// Zëri dashboard: small conveniences on top of pages that work without scripts.
"use strict";

document.documentElement.classList.add("js");

// Picking a response template fills the reply box (without scripts, a button does it).
document.addEventListener("change", (event) => {
  const select = event.target;
  if (!(select instanceof HTMLSelectElement) || !select.dataset.fills) return;
  const option = select.selectedOptions[0];
  const box = document.getElementById(select.dataset.fills);
  if (option && option.dataset.body && box) {
    box.value = option.dataset.body;
    box.focus();
  }
});

// Decisions a citizen will see cannot be taken back: ask once.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
