// Lede's only script: small conveniences on top of pages that work without it.
"use strict";

// Fetch progress: poll the progress endpoint while a fetch runs, then reload to show results.
function watchFetchProgress(section) {
  const url = section.getAttribute("data-fetch-progress");
  const message = section.querySelector(".fetch-message");
  const bar = section.querySelector("progress");
  let wasActive = false;
  async function poll() {
    let progress;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) return;
      progress = await response.json();
    } catch (error) {
      return;
    }
    const active = progress.state === "queued" || progress.state === "running";
    if (message) message.textContent = progress.message;
    if (bar) bar.value = progress.percent;
    if (active) {
      wasActive = true;
      setTimeout(poll, 1000);
    } else if (wasActive) {
      window.location.reload();
    }
  }
  poll();
}

// Copy buttons next to read-only fields (share links, new tokens).
function enableCopy(button) {
  button.addEventListener("click", async () => {
    const field = document.querySelector(button.getAttribute("data-copy"));
    if (!field) return;
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = "Copied";
    } catch (error) {
      button.textContent = "Press Ctrl+C";
    }
  });
}

// Ask before destructive forms.
function confirmBeforeSubmit(form) {
  form.addEventListener("submit", (event) => {
    if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-fetch-progress]").forEach(watchFetchProgress);
  document.querySelectorAll("[data-copy]").forEach(enableCopy);
  document.querySelectorAll("form[data-confirm]").forEach(confirmBeforeSubmit);
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
});
