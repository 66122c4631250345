// nbapp's HTML elements with behaviour: the element's HTML (the "value" trait) is drawn into
// the view, and clicks on an element carrying data-nbapp-action run that action here, so
// the HTML itself holds no inline handlers (front ends that sanitize widget HTML or enforce
// a content security policy would drop them).

function copy(button) {
  const pre = button.closest(".nbapp-codeblock").querySelector("pre");
  navigator.clipboard?.writeText(pre.innerText);
  button.classList.add("nbapp-copied");
  setTimeout(() => button.classList.remove("nbapp-copied"), 1200);
}

// Flips the sidebar's initial state in the browser alone: no round trip to the kernel.
function toggleSidebar(button) {
  button.closest(".nbapp-layout")?.classList.toggle("nbapp-sb-flip");
}

function dismiss(button) {
  button.closest("[data-nbapp-dismiss]").style.display = "none";
}

const ACTIONS = { copy, "toggle-sidebar": toggleSidebar, dismiss };

export default {
  render({ model, el }) {
    const draw = () => { el.innerHTML = model.get("value"); };
    draw();
    model.on("change:value", draw);
    const onClick = (event) => {
      const target = event.target.closest("[data-nbapp-action]");
      if (target && el.contains(target)) ACTIONS[target.dataset.nbappAction]?.(event.target);
    };
    el.addEventListener("click", onClick);
    return () => {
      model.off("change:value", draw);
      el.removeEventListener("click", onClick);
    };
  },
};
