// Graphviz (DOT -> SVG) compiled to WebAssembly, for st.graphviz_chart: one copy per page,
// the _esm of a single library model (see vega-library.js for why).
import { instance } from "@viz-js/viz";

export default {
  async initialize() {
    return { viz: await instance() };
  },
};
