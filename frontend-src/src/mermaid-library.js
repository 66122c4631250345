// Mermaid for st.mermaid_chart: one copy per page, the _esm of a single library model.
// Diagrams render to SVG strings in the page (no network: fonts and icons stay local).
import mermaid from "mermaid";

mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default", fontFamily: "sans-serif" });

export default {
  initialize() {
    return { mermaid };
  },
};
