// Every Vega-Lite chart (st.line_chart ... st.altair_chart, st.vega_lite_chart).
// The spec travels in "props", the data in "data" (columns; numbers as binary buffers) and
// only "data" changes when a rerun brings new rows: the view swaps its datasets in place
// (no new embed, no flicker). vega itself comes from the one library model of the page
// (props.library), so this module stays a few KB per chart.

const DEFAULT_HEIGHT = 350;
// Streamlit's look ("theme": "streamlit"): its categorical palette, light grid, its fonts.
const STREAMLIT_CONFIG = {
  font: '"Source Sans Pro", "Source Sans 3", system-ui, sans-serif',
  background: null,
  range: { category: ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a",
                      "#6d3fc0", "#d5dae5"] },
  axis: { labelColor: "#808495", titleColor: "#31333f", gridColor: "#e6eaf1", domainColor: "#e6eaf1",
          tickColor: "#e6eaf1", labelFontSize: 12, titleFontSize: 12, titleFontWeight: 400, labelPadding: 8 },
  legend: { labelColor: "#31333f", titleColor: "#31333f", labelFontSize: 12, titleFontSize: 12, titleFontWeight: 400 },
  view: { stroke: null },
  line: { strokeWidth: 2 },
  bar: { binSpacing: 4 },
  circle: { opacity: 0.8 },
};

async function library(model, host) {
  const ref = model.get("props").library;  // "anywidget:<model id>"
  if (host?.getWidget && ref) {
    try {
      const widget = await host.getWidget(ref);
      if (widget?.exports?.embed) return widget.exports;
    } catch (error) {
      console.warn("nbapp: vega library via host.getWidget failed, waiting for it instead", error);
    }
  }
  // Older anywidget: the library model's initialize() fills this slot.
  const slot = ((globalThis.__nbappLibraries ??= {}).vega ??= {});
  if (slot.value) return slot.value;
  return new Promise((resolve) => (slot.waiters ??= []).push(resolve));
}

function numbers(buffer) {
  // A DataView into the message; copied because its offset need not be 8-aligned.
  const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  return new Float64Array(bytes);
}

// {columns, kinds, values} -> row objects; NaN (pandas' missing value) becomes null.
export function rows(table) {
  const { columns, kinds, values } = table;
  const n = table.length;
  const cols = values.map((v, i) => (kinds[i] === "number" || kinds[i] === "time" ? numbers(v) : v));
  const out = new Array(n);
  for (let r = 0; r < n; r++) {
    const row = {};
    for (let c = 0; c < columns.length; c++) {
      const v = cols[c][r];
      row[columns[c]] = typeof v === "number" && Number.isNaN(v) ? null : v;
    }
    out[r] = row;
  }
  return out;
}

function sized(spec, props, el) {
  const out = { ...spec };
  const stretch = props.width === "stretch" || props.width == null;
  if (typeof props.width === "number") out.width = props.width;
  else if (stretch && !("hconcat" in spec || "facet" in spec || "repeat" in spec || "concat" in spec)) out.width = "container";
  if (typeof props.height === "number") out.height = props.height;
  else if (!out.height && props.builtin) out.height = DEFAULT_HEIGHT;
  el.style.width = typeof props.width === "number" ? `${props.width}px` : stretch ? "100%" : "auto";
  return out;
}

function selectionValue(view, name) {
  const store = view.data(`${name}_store`) || [];
  if (!store.length) return {};
  const type = store[0].fields?.[0]?.type;
  if (type === "R" || type === "R-RE" || type === "R-LE") {  // an interval: field -> [low, high]
    const value = {};
    store[0].fields.forEach((f, i) => { value[f.field] = store[0].values[i]; });
    return value;
  }
  // points: one object per selected point, field -> value
  return store.map((t) => Object.fromEntries(t.fields.map((f, i) => [f.field, t.values[i]])));
}

export default {
  async render({ model, el, host }) {
    el.classList.add("nbapp-vega");
    const lib = await library(model, host);
    let view = null;
    let names = [];
    let alive = true;

    const datasets = () => {
      const data = model.get("data") || {};
      return Object.fromEntries(Object.entries(data).map(([name, table]) => [name, rows(table)]));
    };

    const draw = async () => {
      const props = model.get("props");
      const data = datasets();
      names = Object.keys(data);
      const spec = sized(props.spec, props, el);
      spec.datasets = { ...(spec.datasets || {}), ...data };
      view?.finalize();
      const result = await lib.embed(el, spec, {
        actions: false,
        // SVG (crisp, inspectable) for small data; canvas past 10,000 rows, where an SVG
        // path of every point made a 100,000-point redraw take 2 s instead of 0.9 s.
        renderer: Object.values(data).reduce((n, rows) => n + rows.length, 0) > 10000 ? "canvas" : "svg",
        config: props.theme === "streamlit" ? STREAMLIT_CONFIG : {},
        tooltip: { theme: "light" },
      });
      if (!alive) { result.finalize(); return; }
      view = result.view;
      for (const name of props.selection_mode || []) {
        let timer = null;
        view.addSignalListener(name, () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            const selection = Object.fromEntries((props.selection_mode || []).map((p) => [p, selectionValue(view, p)]));
            model.set("value", JSON.stringify({ selection }));
            model.save_changes();
          }, 150);
        });
      }
      el.dataset.rendered = String(Number(el.dataset.rendered || 0) + 1);
    };

    // New data, same spec: replace each dataset's rows in the running view.
    const update = async () => {
      const data = datasets();
      const same = view && Object.keys(data).length === names.length && names.every((n) => n in data);
      if (!same) return draw();
      for (const [name, values] of Object.entries(data)) {
        view.change(name, lib.vega.changeset().remove(() => true).insert(values));
      }
      await view.runAsync();
      await view.resize().runAsync();
      el.dataset.updated = String(Number(el.dataset.updated || 0) + 1);
    };

    model.on("change:props", draw);
    model.on("change:data", update);
    await draw();
    return () => {
      alive = false;
      model.off("change:props", draw);
      model.off("change:data", update);
      view?.finalize();
    };
  },
};
