// st.mermaid_chart: Mermaid text -> SVG with the mermaid of the page's one library model.
// The drawn SVG goes back to the kernel once, for frozen output (nbapp export, first paint).
let counter = 0;

export default {
  async render({ model, el, host }) {
    const { mermaid } = (await host.getWidget(model.get("props").library)).exports;
    const box = el.appendChild(document.createElement("div"));
    box.className = "nbapp-mermaid";
    let sent = null;
    const draw = async () => {
      const props = model.get("props");
      const body = model.get("body") || "";
      try {
        const { svg } = await mermaid.render(`nbapp-mermaid-${++counter}`, body);
        box.innerHTML = svg;
        const drawn = box.querySelector("svg");
        if (drawn) {
          if (props.alt) { drawn.setAttribute("role", "img"); drawn.setAttribute("aria-label", props.alt); }
          if (typeof props.width === "number") drawn.style.maxWidth = `${props.width}px`;
        }
        if (sent !== body) { sent = body; model.send({ picture: svg }); }
      } catch (error) {
        box.innerHTML = "";
        const pre = box.appendChild(document.createElement("pre"));
        pre.className = "nbapp-mermaid-error";
        pre.textContent = `Mermaid could not draw this diagram: ${error.message || error}`;
      }
      el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
    };
    await draw();
    model.on("change:body", draw);
    model.on("change:props", draw);
    return () => { model.off("change:body", draw); model.off("change:props", draw); };
  },
};
