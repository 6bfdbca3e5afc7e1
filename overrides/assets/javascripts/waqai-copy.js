// Copy buttons: <button data-waqai-copy="ID"> copies the text of the element with that id,
// then says so (data-waqai-copied, in the page's language) until it loses focus. Its own
// children (e.g. <bdi>BibTeX</bdi>) come back afterwards, isolates included.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-waqai-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.waqaiCopy);
  if (!source) return;
  await navigator.clipboard.writeText(source.textContent);
  if (!button.dataset.waqaiCopied || button.dataset.waqaiShowing) return;
  const label = [...button.childNodes];
  button.dataset.waqaiShowing = "copied";
  button.replaceChildren(button.dataset.waqaiCopied);
  button.addEventListener("blur", () => {
    button.replaceChildren(...label);
    delete button.dataset.waqaiShowing;
  }, { once: true });
});
