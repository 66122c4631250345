// One copy of vega + vega-lite + vega-embed per page. This module is the _esm of a single
// "library" widget model: anywidget evaluates it once when that model is created, and the
// chart modules (nbapp/frontend/vega-chart.js, a few KB each) borrow what initialize()
// returns, so a page with 20 charts downloads the ~1 MB library once.
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import embed from "vega-embed";

const library = { vega, vegaLite, embed };

export default {
  initialize() {
    // For anywidget versions without host.getWidget(): the charts wait on this slot.
    const slots = (globalThis.__nbappLibraries ??= {});
    const slot = (slots.vega ??= {});
    slot.value = library;
    (slot.waiters || []).forEach((resolve) => resolve(library));
    slot.waiters = [];
    return library;
  },
};
