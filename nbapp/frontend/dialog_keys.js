// A dismissible st.dialog also closes with Escape and with a click on its backdrop, as in
// Streamlit: each such gesture counts one more "dismissed" for the kernel to act on.
export default {
  render({ model, el }) {
    el.style.display = "none";
    function overlay() {
      return el.closest(".nbapp-dialog-overlay");
    }
    function open() {
      const box = overlay();
      return box !== null && getComputedStyle(box).display !== "none";
    }
    function dismiss() {
      if (!model.get("enabled") || !open()) return;
      model.set("dismissed", model.get("dismissed") + 1);
      model.save_changes();
    }
    function onKey(event) {
      if (event.key === "Escape") dismiss();
    }
    function onClick(event) {
      if (event.target === overlay()) dismiss();
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return function () {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  },
};
