// An open st.popover closes when the user clicks outside it or presses Escape, as in Streamlit:
// each such gesture counts one more "dismissed" for the kernel to act on.
export default {
  render({ model, el }) {
    el.style.display = "none";
    function popover() {
      return el.closest(".nbapp-popover");
    }
    function open() {
      const panel = popover() && popover().querySelector(":scope > .nbapp-popover-panel");
      return Boolean(panel) && getComputedStyle(panel).display !== "none";
    }
    function dismiss() {
      if (!open()) return;
      model.set("dismissed", model.get("dismissed") + 1);
      model.save_changes();
    }
    function onKey(event) {
      if (event.key === "Escape") dismiss();
    }
    function onPointer(event) {
      const box = popover();
      if (box && !box.contains(event.target) && document.contains(event.target)) dismiss();
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return function () {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  },
};
