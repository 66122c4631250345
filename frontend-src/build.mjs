// Builds the vendored libraries into nbapp/frontend/ and records what they were built from
// (tests/elements/test_charts_build.py fails when the sources changed since).
// Rebuild: cd frontend-src && npm ci && npm run build
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

export const SOURCES = ["package.json", "package-lock.json", "build.mjs", "src/vega-library.js", "src/viz-library.js",
  "src/deck-library.js", "src/echarts-library.js", "src/mermaid-library.js"];

const LIBRARIES = {
  "vega-library": "vega, vega-lite, vega-embed (BSD-3-Clause)",
  "viz-library": "@viz-js/viz: Graphviz as WebAssembly (MIT; Graphviz: EPL-1.0)",
  "deck-library": "deck.gl core, layers, aggregation-layers, geo-layers, json (MIT)",
  "echarts-library": "Apache ECharts (Apache-2.0)",
  "mermaid-library": "mermaid (MIT)",
};
for (const [name, what] of Object.entries(LIBRARIES)) {
  await build({
    entryPoints: [`src/${name}.js`],
    bundle: true,
    format: "esm",
    minify: true,
    legalComments: "none",
    target: "es2020",
    outfile: `../nbapp/frontend/${name}.js`,
    banner: { js: `// Built by frontend-src/build.mjs from npm: ${what}. Do not edit.` },
  });
}
const hash = createHash("sha256");
for (const name of SOURCES) hash.update(name + "\0").update(readFileSync(name)).update("\0");
const versions = Object.fromEntries(["vega", "vega-lite", "vega-embed", "@viz-js/viz", "@deck.gl/core", "echarts", "mermaid"].map(
  (name) => [name, JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")).version]));
writeFileSync("../nbapp/frontend/vega-library.stamp.json",
  JSON.stringify({ sources: SOURCES, sha256: hash.digest("hex"), versions }, null, 2) + "\n");
console.log("built", Object.keys(LIBRARIES).join(", "));
