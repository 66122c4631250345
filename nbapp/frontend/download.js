// st.download_button: the file's bytes arrive once as a binary buffer (the "data" trait);
// a click tells the kernel (a "click" message, so the app reruns as after any button) and
// saves the bytes from a Blob, with no round trip and no data: URL (Chrome refuses those
// over 2 MB). Deferred data (a callable in the app) is asked for on the click with a "fetch"
// message; the kernel answers with the bytes as the buffer of a "data" message, or "error".

function save(bytes, mime, fileName) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([bytes], { type: mime }));
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

export default {
  render({ model, el }) {
    const draw = () => { el.innerHTML = model.get("html"); };
    draw();
    model.on("change:html", draw);
    const showError = (message) => {
      const note = document.createElement("div");
      note.className = "nbapp-download-error";
      note.textContent = message;
      el.querySelector(".nbapp-download-error")?.remove();
      el.appendChild(note);
    };
    const onMessage = (content, buffers) => {
      if (content.event === "data") {
        el.querySelector(".nbapp-download-error")?.remove();
        save(buffers[0], content.mime, model.get("file_name"));
      } else if (content.event === "error") {
        showError(`The download could not be made: ${content.message}`);
      }
    };
    model.on("msg:custom", onMessage);
    const onClick = (event) => {
      const anchor = event.target.closest("a");
      if (!anchor || anchor.getAttribute("aria-disabled") === "true") return;
      event.preventDefault();
      if (model.get("deferred")) model.send({ event: "fetch" });
      else save(model.get("data"), model.get("mime"), model.get("file_name"));
      if (model.get("notify")) model.send({ event: "click" });
    };
    el.addEventListener("click", onClick);
    return () => {
      model.off("change:html", draw);
      model.off("msg:custom", onMessage);
      el.removeEventListener("click", onClick);
    };
  },
};
