// Copy buttons: <button data-waqai-copy="ID"> copies the text of the element with that id.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-waqai-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.waqaiCopy);
  if (!source) return;
  await navigator.clipboard.writeText(source.textContent);
  const label = button.textContent;
  button.textContent = button.dataset.waqaiCopied || label;
  button.addEventListener("blur", () => { button.textContent = label; }, { once: true });
});
