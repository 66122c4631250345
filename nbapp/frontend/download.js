// st.download_button: the file's bytes arrive once as a binary buffer (the "data" trait);
// a click tells the kernel (a "click" message, so the app reruns as after any button) and
// saves the bytes from a Blob, with no round trip and no data: URL (Chrome refuses those
// over 2 MB).

export default {
  render({ model, el }) {
    const draw = () => { el.innerHTML = model.get("html"); };
    draw();
    model.on("change:html", draw);
    const onClick = (event) => {
      const anchor = event.target.closest("a");
      if (!anchor || anchor.getAttribute("aria-disabled") === "true") return;
      event.preventDefault();
      if (model.get("notify")) model.send({ event: "click" });
      const data = model.get("data");
      const blob = new Blob([data], { type: model.get("mime") });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = model.get("file_name");
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    };
    el.addEventListener("click", onClick);
    return () => {
      model.off("change:html", draw);
      el.removeEventListener("click", onClick);
    };
  },
};
