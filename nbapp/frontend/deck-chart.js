// st.pydeck_chart: a pydeck Deck's JSON (the "spec" trait) turned into deck.gl layers by the
// page's one deck library model and drawn on one Deck per element; a new spec updates the
// same Deck. Tiles: raster tiles under the layers when the kernel says the tile server is
// reachable (props.tiles), else a plain background and a note.

const CARTO_STYLES = [["dark", "dark_all"], ["voyager", "rastertiles/voyager"], ["", "light_all"]];

function tileStyle(mapStyle) {
  const text = String(mapStyle || "").toLowerCase();
  return CARTO_STYLES.find(([word]) => text.includes(word))[1];
}

function tooltipFor(tooltip) {
  if (!tooltip) return null;
  const fill = (template, object) => String(template).replace(/\{([^{}]+)\}/g, (_, name) => object?.[name.trim()] ?? "");
  return ({ object }) => {
    if (!object) return null;
    if (tooltip.html) return { html: fill(tooltip.html, object), style: tooltip.style };
    if (tooltip.text) return { text: fill(tooltip.text, object), style: tooltip.style };
    return null;
  };
}

export default {
  async render({ model, el, host }) {
    const lib = (await host.getWidget(model.get("props").library)).exports;
    const box = el.appendChild(document.createElement("div"));
    box.className = "nbapp-pydeck";
    box.style.position = "relative";
    const note = el.appendChild(document.createElement("div"));
    note.className = "nbapp-map-note";
    let deck = null;
    let selection = { indices: {}, objects: {} };
    let tilesLoaded = 0;

    const select = (info) => {
      const mode = model.get("props").selection_mode;
      if (!mode) return;
      const id = info?.layer?.id;
      if (!id || info.index < 0) {
        selection = { indices: {}, objects: {} };
      } else if (mode === "single-object") {
        selection = { indices: { [id]: [info.index] }, objects: { [id]: [info.object ?? null] } };
      } else {
        const indices = [...(selection.indices[id] || [])];
        const objects = [...(selection.objects[id] || [])];
        const at = indices.indexOf(info.index);
        if (at >= 0) { indices.splice(at, 1); objects.splice(at, 1); } else { indices.push(info.index); objects.push(info.object ?? null); }
        selection = { indices: { ...selection.indices, [id]: indices }, objects: { ...selection.objects, [id]: objects } };
        if (!indices.length) { delete selection.indices[id]; delete selection.objects[id]; }
      }
      model.set("value", JSON.stringify({ selection }));
      model.save_changes();
    };

    const draw = () => {
      const props = model.get("props");
      const spec = model.get("spec") || {};
      box.style.width = typeof props.width === "number" ? `${props.width}px` : "100%";
      box.style.height = `${typeof props.height === "number" ? props.height : 500}px`;
      const converted = lib.converter.convert(spec) || {};
      const layers = [...(converted.layers || [])].filter(Boolean);
      const isMap = !spec.views || spec.views.every((v) => !v["@@type"] || v["@@type"] === "MapView");
      const tiles = props.tiles && isMap && (spec.mapStyle || spec.mapProvider);
      if (tiles) {
        layers.unshift(new lib.TileLayer({
          id: "nbapp-basemap", data: props.tiles.replace("{style}", tileStyle(spec.mapStyle)),
          minZoom: 0, maxZoom: 19, tileSize: 256,
          onTileLoad: () => { tilesLoaded += 1; note.hidden = true; },
          renderSubLayers: (sub) => {
            const [[west, south], [east, north]] = sub.tile.boundingBox;
            return new lib.BitmapLayer(sub, { data: null, image: sub.data, bounds: [west, south, east, north] });
          },
        }));
      }
      note.textContent = props.offline_note;
      note.hidden = Boolean(tiles && tilesLoaded);
      if (!isMap) note.hidden = true;
      box.style.background = tiles && tilesLoaded ? "" : "#eef1f5";
      if (props.alt) box.setAttribute("aria-label", props.alt);
      const settings = {
        layers, views: converted.views, getTooltip: tooltipFor(props.tooltip),
        onClick: props.selection_mode ? select : undefined,
        controller: converted.views ? undefined : true,
      };
      if (!deck) {
        deck = new lib.Deck({ parent: box, initialViewState: converted.initialViewState, ...settings,
          onAfterRender: () => { el.dataset.rendered = String(Number(el.dataset.rendered || 0) + 1); } });
      } else {
        deck.setProps({ ...settings, initialViewState: converted.initialViewState });
      }
      el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
    };
    draw();
    model.on("change:spec", draw);
    model.on("change:props", draw);
    return () => { model.off("change:spec", draw); model.off("change:props", draw); deck?.finalize(); };
  },
};
