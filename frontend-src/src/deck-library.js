// deck.gl for st.pydeck_chart and st.map: one copy per page, the _esm of a single library model
// (see vega-library.js for why). A pydeck Deck's JSON becomes deck.gl props through
// @deck.gl/json; the map tiles are plain raster tiles drawn by a TileLayer (no map engine).
import { Deck, MapView, OrthographicView, OrbitView, FirstPersonView, COORDINATE_SYSTEM } from "@deck.gl/core";
import * as layers from "@deck.gl/layers";
import * as aggregationLayers from "@deck.gl/aggregation-layers";
import * as geoLayers from "@deck.gl/geo-layers";
import { JSONConverter, JSONConfiguration } from "@deck.gl/json";

const classes = { ...layers, ...aggregationLayers, ...geoLayers, MapView, OrthographicView, OrbitView, FirstPersonView };
for (const name of Object.keys(classes)) if (typeof classes[name] !== "function") delete classes[name];
const converter = new JSONConverter({
  configuration: new JSONConfiguration({ classes, enumerations: { COORDINATE_SYSTEM } }),
});

export default {
  initialize() {
    return { Deck, converter, TileLayer: geoLayers.TileLayer, BitmapLayer: layers.BitmapLayer };
  },
};
