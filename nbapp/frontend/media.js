// st.image, st.logo, st.audio, st.video, st.pdf. Bytes arrive as binary buffers (DataViews)
// and play from blob: URLs made here (revoked when replaced); URLs are used as they are.
// A rerun with a new picture swaps the src of the same <img>: no new widget, no flicker.

function blobUrl(data, mime) {
  return URL.createObjectURL(new Blob([data], { type: mime || "application/octet-stream" }));
}

function source(item, urls) {
  if (item.url) return item.url;
  if (!item.data) return "";
  const url = blobUrl(item.data, item.mime);
  urls.push(url);
  return url;
}

function sizeStyle(el, width) {
  el.style.width = typeof width === "number" ? `${width}px` : width === "stretch" ? "100%" : "";
  el.style.maxWidth = "100%";
}

function drawImages(el, props, items, urls) {
  const row = el.querySelector(".nbapp-images") || el.appendChild(document.createElement("div"));
  row.className = "nbapp-images";
  const figures = Array.from(row.children);
  items.forEach((item, i) => {
    let figure = figures[i];
    if (!figure) {
      figure = row.appendChild(document.createElement("figure"));
      figure.className = "nbapp-figure";
      figure.appendChild(document.createElement("img"));
    }
    figure.style.width = props.width === "stretch" ? "100%" : "";
    const img = figure.querySelector("img");
    img.src = source(item, urls);
    img.alt = item.caption || "";
    sizeStyle(img, props.width);
    if (props.height) img.style.height = `${props.height}px`;
    let caption = figure.querySelector("figcaption");
    if (item.caption) {
      caption ??= figure.appendChild(document.createElement("figcaption"));
      caption.textContent = item.caption;
    } else caption?.remove();
  });
  figures.slice(items.length).forEach((f) => f.remove());
  if (props.link) {
    let a = el.querySelector("a.nbapp-logo-link");
    if (!a) {
      a = document.createElement("a");
      a.className = "nbapp-logo-link";
      a.target = "_blank";
      a.rel = "noopener";
      el.insertBefore(a, row);
      a.appendChild(row);
    }
    a.href = props.link;
  }
}

function drawPlayer(el, kind, props, data, urls) {
  el.innerHTML = "";
  if (kind === "video" && props.youtube) {
    const a = el.appendChild(document.createElement("a"));
    a.href = props.url;
    a.textContent = `${props.url} (YouTube needs the internet)`;
    return;
  }
  const src = props.url || (data ? source({ data, mime: props.mime }, urls) : "");
  if (kind === "pdf") {
    const frame = el.appendChild(document.createElement("iframe"));
    frame.className = "nbapp-pdf";
    frame.src = src;
    frame.style.cssText = `width:100%;height:${props.height}px;border:0`;
    return;
  }
  const player = el.appendChild(document.createElement(kind));
  player.controls = true;
  player.loop = props.loop;
  player.autoplay = props.autoplay;
  if (kind === "video") player.muted = props.muted;
  sizeStyle(player, props.width);
  for (const track of props.subtitles || []) {
    const t = player.appendChild(document.createElement("track"));
    t.kind = "subtitles";
    t.label = track.label;
    t.src = blobUrl(track.vtt, "text/vtt");
    urls.push(t.src);
  }
  const start = props.start_time || 0;
  player.addEventListener("loadedmetadata", () => { player.currentTime = start; });
  if (props.end_time != null) {
    player.addEventListener("timeupdate", () => {
      if (player.currentTime < props.end_time) return;
      if (props.loop) { player.currentTime = start; player.play(); } else player.pause();
    });
  }
  if (src) player.src = src;  // no media (st.audio(None)): an empty player, not a request for the page
}

export default {
  render({ model, el }) {
    const kind = model.get("_nbapp_kind");
    let urls = [];
    const draw = () => {
      const old = urls;
      urls = [];
      const props = model.get("props");
      if (kind === "image" || kind === "logo") drawImages(el, props, model.get("images") || [], urls);
      else drawPlayer(el, kind, props, model.get("data"), urls);
      old.forEach((url) => URL.revokeObjectURL(url));
      el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
    };
    draw();
    model.on("change:images", draw);
    model.on("change:data", draw);
    model.on("change:props", draw);
    return () => {
      model.off("change:images", draw);
      model.off("change:data", draw);
      model.off("change:props", draw);
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
  },
};
