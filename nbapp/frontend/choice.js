// Button-like choices: pills and segmented_control (a list of chosen indices), feedback (one
// rating), pagination (a page number) and menu_button (a click on one option, sent with a
// fresh seq so the same option twice is two clicks). props.style says which.

function node(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function label(props) {
  const e = node("div", "nbapp-label", props.label || "");
  if (props.help) e.append(Object.assign(node("span", "nbapp-help", " ⓘ"), { title: props.help }));
  const mode = props.label_visibility;
  if (!props.label || mode === "collapsed") e.style.display = "none";
  if (mode === "hidden") e.style.visibility = "hidden";
  return e;
}

function send(model, value) {
  model.set("value", value);
  model.save_changes();
}

function group(model, props) {
  const chosen = new Set(model.get("value") || []);
  const row = node("div", `nbapp-choice nbapp-choice-${props.style}`);
  props.options.forEach((text, i) => {
    const b = node("button", "nbapp-choice-option" + (chosen.has(i) ? " nbapp-chosen" : ""), text);
    b.type = "button";
    b.disabled = props.disabled;
    b.setAttribute("aria-pressed", chosen.has(i) ? "true" : "false");
    b.addEventListener("click", () => {
      let next;
      if (props.selection_mode === "multi") {
        next = chosen.has(i) ? [...chosen].filter((j) => j !== i) : [...chosen, i];
      } else if (chosen.has(i)) {
        if (props.required) return;
        next = [];
      } else {
        next = [i];
      }
      send(model, next);
    });
    row.append(b);
  });
  return [label(props), row];
}

function feedback(model, props) {
  const value = model.get("value");
  const row = node("div", `nbapp-choice nbapp-feedback nbapp-feedback-${props.kind}`);
  props.options.forEach((glyph, i) => {
    const v = props.values[i];
    const on = props.kind === "stars" ? value !== null && value !== undefined && v <= value : v === value;
    const b = node("button", "nbapp-feedback-option" + (on ? " nbapp-chosen" : ""), glyph);
    b.type = "button";
    b.disabled = props.disabled;
    b.title = props.kind === "stars" ? `${i + 1} star${i ? "s" : ""}` : glyph;
    b.addEventListener("click", () => send(model, v === value ? null : v));
    row.append(b);
  });
  return [row];
}

function pages(current, total, visible) {
  if (!visible || total <= visible) return Array.from({ length: total }, (_, i) => i + 1);
  const side = Math.max(1, Math.floor((visible - 3) / 2));
  const out = [1];
  const lo = Math.max(2, Math.min(current - side, total - visible + 2));
  const hi = Math.min(total - 1, lo + visible - 3);
  if (lo > 2) out.push("…");
  for (let p = lo; p <= hi; p++) out.push(p);
  if (hi < total - 1) out.push("…");
  out.push(total);
  return out;
}

function pagination(model, props) {
  const current = model.get("value") || 1;
  const row = node("div", "nbapp-choice nbapp-choice-pagination");
  const button = (text, page, cls = "") => {
    const b = node("button", "nbapp-page " + cls, text);
    b.type = "button";
    b.disabled = props.disabled || page < 1 || page > props.num_pages;
    if (page === current) b.classList.add("nbapp-chosen");
    b.addEventListener("click", () => page !== current && send(model, page));
    return b;
  };
  row.append(button("‹", current - 1, "nbapp-page-prev"));
  for (const p of pages(current, props.num_pages, props.max_visible_pages)) {
    row.append(p === "…" ? node("span", "nbapp-page-gap", "…") : button(String(p), p));
  }
  row.append(button("›", current + 1, "nbapp-page-next"));
  return [row];
}

let clicks = 0;

function menu(model, props) {
  const wrap = node("div", "nbapp-menu");
  const open = node("button", `nbapp-menu-button nbapp-button-${props.type}`,
    `${props.icon && !props.icon.startsWith(":material/") ? props.icon + " " : ""}${props.label} ▾`);
  open.type = "button";
  open.disabled = props.disabled;
  if (props.help) open.title = props.help;
  const list = node("div", "nbapp-menu-list");
  list.hidden = true;
  props.options.forEach((text, i) => {
    const item = node("button", "nbapp-menu-item", text);
    item.type = "button";
    item.addEventListener("click", () => {
      list.hidden = true;
      clicks += 1;
      send(model, { index: i, seq: `${Date.now()}-${clicks}` });
    });
    list.append(item);
  });
  open.addEventListener("click", () => { list.hidden = !list.hidden; });
  wrap.append(open, list);
  return [wrap];
}

const STYLES = { pills: group, segmented_control: group, feedback, pagination, menu_button: menu };

export default {
  render({ model, el }) {
    const draw = () => {
      const props = model.get("props") || {};
      el.replaceChildren(...(STYLES[props.style] || group)(model, props));
    };
    draw();
    model.on("change:props", draw);
    model.on("change:value", draw);
    return () => {
      model.off("change:props", draw);
      model.off("change:value", draw);
    };
  },
};
