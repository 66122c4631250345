// st.plotly_chart: the figure (JSON, the "figure" trait) drawn with the plotly.js of the
// page's one library model; a new figure is applied with Plotly.react on the same element.

async function plotly(model, host) {
  const widget = await host.getWidget(model.get("props").library);
  return widget.exports.Plotly;
}

export default {
  async render({ model, el, host }) {
    const Plotly = await plotly(model, host);
    const box = el.appendChild(document.createElement("div"));
    box.className = "nbapp-plotly";
    const draw = async () => {
      const props = model.get("props");
      const figure = model.get("figure") || {};
      const layout = { ...(figure.layout || {}) };
      if (typeof props.height === "number") layout.height = props.height;
      box.style.width = typeof props.width === "number" ? `${props.width}px` : "100%";
      const config = { displaylogo: false, responsive: true, ...(props.config || {}) };
      // newPlot, not react: after react the element kept a zero height in Voilà pages (plotly.js 4.1).
      await Plotly.newPlot(box, figure.data || [], layout, config);
      if ((props.selection_mode || []).length) {
        box.removeAllListeners?.("plotly_selected");
        box.removeAllListeners?.("plotly_click");
        box.on("plotly_selected", send);
        box.on("plotly_click", send);
      }
      el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
    };
    const send = (event) => {
      const points = (event?.points || []).map((p) => ({ x: p.x, y: p.y, curve_number: p.curveNumber,
        point_number: p.pointNumber, point_index: p.pointIndex }));
      const selection = { points, point_indices: points.map((p) => p.point_index),
        box: event?.range ? [{ x: event.range.x, y: event.range.y }] : [],
        lasso: event?.lassoPoints ? [{ x: event.lassoPoints.x, y: event.lassoPoints.y }] : [] };
      model.set("value", JSON.stringify({ selection }));
      model.save_changes();
    };
    await draw();
    model.on("change:figure", draw);
    model.on("change:props", draw);
    return () => {
      model.off("change:figure", draw);
      model.off("change:props", draw);
      Plotly.purge(box);
    };
  },
};
