// st.echarts_chart: the option (the "option" trait) drawn with the echarts of the page's one
// library model; a new option is applied with setOption on the same chart (no new element).
// Selections (a series' selectedMode, a brush) go back as Streamlit's {selection: {selected, areas}}.

const STREAMLIT_THEME = {
  color: ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"],
  backgroundColor: "transparent",
  textStyle: { fontFamily: '"Source Sans Pro", "Source Sans 3", sans-serif', color: "#31333f" },
  title: { textStyle: { color: "#31333f", fontSize: 16 } },
  legend: { textStyle: { color: "#31333f" } },
  categoryAxis: { axisLine: { lineStyle: { color: "#d6d6d9" } }, axisLabel: { color: "#808495" }, splitLine: { show: false } },
  valueAxis: { axisLine: { show: false }, axisLabel: { color: "#808495" }, splitLine: { lineStyle: { color: "#e6eaf1" } } },
};

function selectionOf(chart) {
  const option = chart.getOption();
  const selected = [];
  (option.series || []).forEach((series, index) => {
    const model = chart.getModel().getSeriesByIndex(index);
    const indices = model?.getSelectedDataIndices?.() || [];
    if (indices.length) selected.push({ series_index: index, series_id: series.id ?? null,
      series_name: series.name ?? null, data_type: "main", data_indices: [...indices].sort((a, b) => a - b) });
  });
  return selected;
}

export default {
  async render({ model, el, host }) {
    const { echarts } = (await host.getWidget(model.get("props").library)).exports;
    if (!echarts.__nbappTheme) { echarts.registerTheme("streamlit", STREAMLIT_THEME); echarts.__nbappTheme = true; }
    const box = el.appendChild(document.createElement("div"));
    box.className = "nbapp-echarts";
    let chart = null;
    let made = "";
    let areas = [];
    let brushed = [];
    const send = () => {
      const selected = selectionOf(chart);
      for (const group of brushed) {
        const same = selected.find((s) => s.series_index === group.series_index);
        if (same) same.data_indices = [...new Set([...same.data_indices, ...group.data_indices])].sort((a, b) => a - b);
        else selected.push(group);
      }
      model.set("value", JSON.stringify({ selection: { selected, areas } }));
      model.save_changes();
    };
    const draw = () => {
      const props = model.get("props");
      box.style.width = typeof props.width === "number" ? `${props.width}px` : "100%";
      box.style.height = `${typeof props.height === "number" ? props.height : 350}px`;
      const how = `${props.theme}|${props.renderer}`;
      if (!chart || made !== how) {
        chart?.dispose();
        chart = echarts.init(box, props.theme === "streamlit" ? "streamlit" : null, { renderer: props.renderer });
        made = how;
        if (props.selecting) {
          chart.on("selectchanged", send);
          chart.on("brushSelected", (event) => {
            const batch = (event.batch || [])[0] || {};
            areas = (batch.areas || []).filter((a) => a.coordRange).map((a, i) => ({
              brush_index: i, brush_type: a.brushType, coord_range: a.coordRange }));
            brushed = (batch.selected || []).filter((s) => (s.dataIndex || []).length).map((s) => ({
              series_index: s.seriesIndex, series_id: null, series_name: s.seriesName ?? null, data_type: "main",
              data_indices: [...s.dataIndex].sort((a, b) => a - b) }));
            clearTimeout(box.__nbappBrush);
            box.__nbappBrush = setTimeout(send, 150);
          });
        }
      } else {
        chart.resize();
      }
      const option = { aria: { enabled: true }, ...(model.get("option") || {}) };
      if (!props.selecting) option.series = [].concat(option.series || []).map((s) => ({ cursor: "default", ...s }));
      chart.setOption(option, { notMerge: true });
      if (props.alt) box.setAttribute("aria-label", props.alt);
      el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
      pending = true;
      chart.off("finished", picture);
      chart.on("finished", picture);
    };
    // The drawn picture goes back to the kernel once per new option, for frozen output (nbapp export).
    let pending = false;
    const picture = () => {
      if (!pending || !box.clientWidth) return;
      pending = false;
      const image = model.get("props").renderer === "svg" ? chart.renderToSVGString?.() : chart.getDataURL({ type: "png", pixelRatio: 2 });
      if (image) model.send({ picture: image });
    };
    const resize = new ResizeObserver(() => chart?.resize());
    resize.observe(box);
    draw();
    model.on("change:option", draw);
    model.on("change:props", draw);
    return () => {
      model.off("change:option", draw);
      model.off("change:props", draw);
      resize.disconnect();
      chart?.dispose();
    };
  },
};
