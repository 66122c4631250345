// st.graphviz_chart: DOT -> SVG with the Graphviz (WebAssembly) of the page's one library model.

export default {
  async render({ model, el, host }) {
    const { viz } = (await host.getWidget(model.get("props").library)).exports;
    const draw = () => {
      const props = model.get("props");
      el.innerHTML = "";
      try {
        const svg = viz.renderSVGElement(model.get("dot"));
        if (props.width === "stretch") { svg.setAttribute("width", "100%"); svg.removeAttribute("height"); }
        else if (typeof props.width === "number") { svg.setAttribute("width", `${props.width}px`); svg.removeAttribute("height"); }
        if (typeof props.height === "number") svg.setAttribute("height", `${props.height}px`);
        svg.style.maxWidth = "100%";
        el.appendChild(svg);
      } catch (error) {
        const pre = el.appendChild(document.createElement("pre"));
        pre.className = "nbapp-graphviz-error";
        pre.textContent = `Graphviz could not draw this graph: ${error.message || error}`;
      }
      el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
    };
    draw();
    model.on("change:dot", draw);
    model.on("change:props", draw);
    return () => { model.off("change:dot", draw); model.off("change:props", draw); };
  },
};
