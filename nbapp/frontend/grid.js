// st.dataframe and st.data_editor: a small virtual grid written for nbapp (no library).
//
// Why our own: the Jupyter grids send the whole frame to the page (ipydatagrid serializes
// every row; it also needs its own labextension, which Voilà's bundled JupyterLab core may
// not load), and the npm grids that can page rows from a server either need React
// (Glide Data Grid, Streamlit's own), keep server-side paging for a paid edition (AG Grid),
// or weigh hundreds of kilobytes for features we do not draw. What we need is narrow: draw
// the visible rows, ask the kernel for pages of rows as they scroll into view
// (model.send({type: "rows"}) answered by nbapp/elements/grid.py), edit one cell at a time,
// select rows / columns / cells. That fits in this file.
//
// Props: columns, nrows, head (the first rows, in data order), version (changes with the
// data), height, width, row_height, editor ({num_rows}) or null, selection (modes) or null.
// The "value" trait holds the editing state (data_editor) or the selection (dataframe) as
// JSON, exactly what Streamlit's front end sends.

const PAGE = 100; // rows per request
const KEEP_PAGES = 60; // pages kept in memory
const MAX_SCROLL = 8_000_000; // px: browsers cap an element's height near 33 million px
const WIDTHS = { small: 75, medium: 200, large: 400 };

function esc(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

function printf(format, value) {
  return format.replace(/%([,0]?)(\.(\d+))?([dfiue%])/g, (_, flag, __, digits, conv) => {
    if (conv === "%") return "%";
    if (conv === "e") return value.toExponential(digits === undefined ? 6 : +digits);
    const fixed = conv === "f" ? (digits === undefined ? 6 : +digits) : digits === undefined ? 0 : +digits;
    const num = conv === "f" ? value : Math.round(value);
    return flag === "," ? num.toLocaleString("en-US", { minimumFractionDigits: fixed, maximumFractionDigits: fixed })
      : num.toFixed(fixed);
  });
}

function number(value, format) {
  if (typeof value !== "number") return String(value);
  switch (format) {
    case undefined: case null: case "":
      return Number.isInteger(value) ? String(value) : String(+value.toFixed(4));
    case "plain": return String(value);
    case "localized": return value.toLocaleString();
    case "percent": return `${+(value * 100).toFixed(2)}%`;
    case "dollar": return value.toLocaleString("en-US", { style: "currency", currency: "USD" });
    case "euro": return value.toLocaleString("en-US", { style: "currency", currency: "EUR" });
    case "yen": return value.toLocaleString("en-US", { style: "currency", currency: "JPY" });
    case "accounting": return value < 0 ? `(${Math.abs(value).toLocaleString()})` : value.toLocaleString();
    case "compact": return value.toLocaleString("en-US", { notation: "compact" });
    case "scientific": return value.toExponential(4);
    case "engineering": return value.toLocaleString("en-US", { notation: "engineering" });
    default: return printf(format, value);
  }
}

// A cell's list of numbers: a list, or text listing them ("1,2,3" or "[1, 2, 3]"), as Streamlit reads both.
function numberList(values) {
  if (typeof values === "string") {
    const text = values.trim();
    try { values = JSON.parse(text.startsWith("[") ? text : `[${text}]`); } catch (e) { return []; }
  }
  return Array.isArray(values) ? values.filter((v) => typeof v === "number") : [];
}

function spark(values, opts, kind) {
  const nums = numberList(values);
  if (!nums.length) return "";
  const lo = opts.y_min ?? Math.min(...nums, 0), hi = opts.y_max ?? Math.max(...nums);
  const span = hi - lo || 1, w = 100, h = 24, step = w / Math.max(nums.length - (kind === "bar_chart" ? 0 : 1), 1);
  const y = (v) => h - ((v - lo) / span) * h;
  const color = opts.color && opts.color !== "auto" ? esc(opts.color) : "#ff4b4b";
  if (kind === "bar_chart") {
    return `<svg class="nbapp-spark" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none">${nums.map((v, i) =>
      `<rect x="${i * step + 1}" y="${y(v)}" width="${Math.max(step - 2, 1)}" height="${h - y(v)}" fill="${color}"/>`).join("")}</svg>`;
  }
  const points = nums.map((v, i) => `${i * step},${y(v)}`).join(" ");
  const area = kind === "area_chart" ? `<polygon points="0,${h} ${points} ${(nums.length - 1) * step},${h}" fill="${color}" opacity="0.3"/>` : "";
  return `<svg class="nbapp-spark" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none">${area}<polyline points="${points}" fill="none" stroke="${color}" stroke-width="1.5"/></svg>`;
}

// One cell's HTML by column type; values are JSON (numbers, text, booleans, ISO dates, lists).
function show(col, value, placeholder) {
  const o = col.options || {};
  if (value === null || value === undefined) return `<span class="nbapp-grid-null">${col.type === "checkbox" ? "☐" : esc(placeholder ?? "None")}</span>`;
  switch (col.type) {
    case "checkbox": return value ? "☑" : "☐";
    case "number": return esc(number(value, o.format));
    case "progress": {
      const lo = o.min_value ?? 0, hi = o.max_value ?? 100, pct = Math.max(0, Math.min(1, (value - lo) / ((hi - lo) || 1)));
      return `<span class="nbapp-grid-progress"><span style="width:${pct * 100}%"></span></span><span>${esc(number(value, o.format))}</span>`;
    }
    case "bar_chart": case "line_chart": case "area_chart": return spark(value, o, col.type);
    case "link": return `<a href="${esc(value)}" target="_blank" rel="noopener">${esc(o.display_text || value)}</a>`;
    case "image": return `<img src="${esc(value)}" alt="">`;
    case "list": case "multiselect":
      return (Array.isArray(value) ? value : [value]).map((v) => `<span class="nbapp-grid-tag">${esc(v)}</span>`).join("");
    case "json": return esc(typeof value === "string" ? value : JSON.stringify(value));
    case "button": {
      // One button per label (a list of labels: one each); a keyed ButtonColumn sends its clicks to the app.
      const kind = esc(o.button_type || "secondary"), live = col.click_key ? "" : " disabled";
      return (Array.isArray(value) ? value : [value]).map((v) =>
        `<button type="button" class="nbapp-grid-button nbapp-grid-button-${kind}" data-label="${esc(v)}"${live}>${esc(v)}</button>`).join("");
    }
    case "audio": return `<audio class="nbapp-grid-audio" controls preload="none" src="${esc(value)}"></audio>`;
    case "video": return `<video class="nbapp-grid-video" controls muted preload="metadata" src="${esc(value)}"></video>`;
    case "datetime": return esc(String(value).replace("T", " "));
    case "selectbox": {
      const opt = (o.options || []).find((x) => x && typeof x === "object" && x.value === value);
      return esc(opt ? opt.label : value);
    }
    default:
      if (col.data === "number" && typeof value === "number") return esc(number(value, o.format));
      return esc(typeof value === "object" ? JSON.stringify(value) : value);
  }
}

// Check an edit as nbapp/elements/grid.py's check_cell does: [ok, value, why not].
function check(col, raw) {
  const o = col.options || {};
  if (raw === "" || raw === null) return col.required ? [false, null, "a value is required"] : [true, null, ""];
  if (col.type === "number" || (col.data === "number" && !["text", "selectbox"].includes(col.type))) {
    const v = Number(raw);
    if (!Number.isFinite(v)) return [false, raw, "not a number"];
    if (o.min_value != null && v < o.min_value) return [false, v, `below the minimum ${o.min_value}`];
    if (o.max_value != null && v > o.max_value) return [false, v, `above the maximum ${o.max_value}`];
    return [true, v, ""];
  }
  if (col.type === "checkbox") return [true, !!raw, ""];
  if (["list", "multiselect"].includes(col.type)) return [true, String(raw).split(",").map((s) => s.trim()).filter(Boolean), ""];
  if (col.type === "selectbox") {
    const opt = (o.options || []).find((x) => String(x && typeof x === "object" ? x.value : x) === String(raw));
    return opt === undefined ? [false, raw, "not one of the options"] : [true, typeof opt === "object" ? opt.value : opt, ""];
  }
  if (["date", "datetime", "time"].includes(col.type)) {
    if (o.min_value && raw < o.min_value.slice(0, raw.length)) return [false, raw, `before ${o.min_value}`];
    if (o.max_value && raw > o.max_value.slice(0, raw.length)) return [false, raw, `after ${o.max_value}`];
    return [true, col.type === "datetime" && raw.length === 16 ? raw + ":00" : raw, ""];
  }
  if (o.max_chars && raw.length > o.max_chars) return [false, raw, `longer than ${o.max_chars} characters`];
  if (o.validate) { try { if (!new RegExp(o.validate).test(raw)) return [false, raw, "does not match the pattern"]; } catch (e) { /* a Python-only pattern: the kernel checks it */ } }
  return [true, raw, ""];
}

function editorInput(col, value) {
  const o = col.options || {};
  if (col.type === "selectbox") {
    const opts = (o.options || []).map((x) => (x && typeof x === "object" ? x : { value: x, label: x }));
    const select = document.createElement("select");
    select.innerHTML = `<option value=""></option>` + opts.map((x) => `<option value="${esc(x.value)}"${x.value === value ? " selected" : ""}>${esc(x.label)}</option>`).join("");
    return select;
  }
  const input = document.createElement("input");
  const numeric = col.type === "number" || col.data === "number";
  input.type = numeric ? "number" : col.type === "date" ? "date" : col.type === "datetime" ? "datetime-local" : col.type === "time" ? "time" : "text";
  if (numeric) {
    input.step = o.step ?? "any";
    if (o.min_value != null) input.min = o.min_value;
    if (o.max_value != null) input.max = o.max_value;
  }
  if (value !== null && value !== undefined) {
    input.value = col.type === "date" ? String(value).slice(0, 10) : col.type === "datetime" ? String(value).slice(0, 19)
      : Array.isArray(value) ? value.join(", ") : value;
  }
  return input;
}

function widthOf(col, head, index) {
  if (WIDTHS[col.width]) return WIDTHS[col.width];
  if (typeof col.width === "number") return col.width;
  let chars = Math.max(String(col.label).length + 2, col.chars || 0);
  // Buttons (one per label) take their padding and gap beside the text.
  const text = (v) => (col.type === "button" ? (Array.isArray(v) ? v : [v]).reduce((n, l) => n + String(l).length + 3, 0)
    : String(v ?? "None").length);
  for (const row of head.slice(0, 50)) chars = Math.max(chars, text(row[index]));
  return Math.max(60, Math.min(300, chars * 8 + 28));
}

function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "nbapp-grid";
  el.appendChild(root);
  let props, cols, widths, pages, pending, sort = null, reqId = 0, drawn = "", editing = false;
  let focus = null; // data_editor: [view row, column] the keyboard acts on
  let state = { edited_rows: {}, added_rows: [], deleted_rows: [] }, selection = { rows: [], columns: [], cells: [] };
  let checked = new Set(); // data_editor: view rows ticked for deletion (original positions / "a<i>" for added)

  const scroller = document.createElement("div");
  scroller.className = "nbapp-grid-scroll";
  const header = document.createElement("div");
  header.className = "nbapp-grid-header nbapp-grid-row";
  const spacer = document.createElement("div");
  spacer.className = "nbapp-grid-spacer";
  const win = document.createElement("div");
  win.className = "nbapp-grid-window";
  spacer.appendChild(win);
  scroller.append(header, spacer);
  const tools = document.createElement("div");
  tools.className = "nbapp-grid-tools";
  root.append(scroller, tools);

  const editor = () => props.editor;
  const modes = () => props.selection || [];
  const rowMarks = () => (editor() && ["dynamic", "delete"].includes(editor().num_rows)) || modes().some((m) => m.endsWith("-row") || m === "single-row-required");
  const baseRows = () => props.nrows - (editor() ? state.deleted_rows.length : 0);
  const viewRows = () => baseRows() + (editor() ? state.added_rows.length : 0);
  const rowH = () => props.row_height || 35;

  function readValue() {
    const raw = model.get("value");
    if (!raw) return;
    try {
      const v = JSON.parse(raw);
      if (editor()) state = { edited_rows: v.edited_rows || {}, added_rows: v.added_rows || [], deleted_rows: v.deleted_rows || [] };
      else if (v.selection) selection = { rows: v.selection.rows || [], columns: v.selection.columns || [], cells: v.selection.cells || [] };
    } catch (e) { /* not JSON: keep what we have */ }
  }

  function save() {
    model.set("value", JSON.stringify(editor() ? state : { selection }));
    model.save_changes();
  }

  function reset() {
    props = model.get("props");
    root.classList.toggle("nbapp-grid-editor", !!props.editor);
    cols = props.columns;
    pages = new Map();
    pending = new Set();
    // The head arrives with the element: rows 0.. in data order (no sort, nothing deleted).
    if (!sort && !(editor() && state.deleted_rows.length)) {
      for (let p = 0; p * PAGE < props.head.length; p++) {
        const rows = props.head.slice(p * PAGE, (p + 1) * PAGE);
        if (rows.length === PAGE || (p * PAGE + rows.length) >= props.nrows) pages.set(p, { rows, positions: rows.map((_, i) => p * PAGE + i) });
      }
    }
    widths = cols.map((c, i) => widthOf(c, props.head, i));
    const total = (rowMarks() ? 32 : 0) + widths.reduce((a, b) => a + b, 0);
    root.style.width = props.width === "content" || typeof props.width === "number" ? `${typeof props.width === "number" ? props.width : total + 2}px` : "100%";
    root.style.setProperty("--row-h", `${rowH()}px`);
    header.style.width = spacer.style.width = `${total}px`;
    drawHeader();
    draw();
  }

  function stickyStyle(i, w) {
    let left = rowMarks() ? 32 : 0;
    for (let j = 0; j < i; j++) if (cols[j].pinned) left += widths[j];
    return `width:${w}px` + (cols[i].pinned ? `;position:sticky;left:${left}px;z-index:2` : "");
  }

  // "auto" height: up to ten rows, following added and deleted rows.
  function fit() {
    const shown = Math.max(1, Math.min(viewRows(), 10));
    const height = typeof props.height === "number" ? props.height : (shown + 1) * rowH() + 3;
    scroller.style.height = `${height}px`;
  }

  function drawHeader() {
    fit();
    const sel = modes().some((m) => m.endsWith("-column"));
    header.innerHTML = (rowMarks() ? `<div class="nbapp-grid-cell nbapp-grid-mark"></div>` : "") + cols.map((c, i) => {
      const arrow = sort && sort[0] === c.name ? (sort[1] ? " ↑" : " ↓") : "";
      const picked = selection.columns.includes(c.name) ? " nbapp-grid-picked" : "";
      const sorter = sel && !c.index ? `<span class="nbapp-grid-sort" data-sort="${i}" title="Sort">⇅</span>` : "";
      return `<div class="nbapp-grid-cell nbapp-grid-head${c.pinned ? " nbapp-grid-pinned" : ""}${picked}" data-col="${i}" style="${stickyStyle(i, widths[i])}"${c.help ? ` title="${esc(c.help)}"` : ""}>${esc(c.label)}${c.help ? `<span class="nbapp-grid-help">?</span>` : ""}${arrow}${sorter}</div>`;
    }).join("");
    const count = viewRows();
    const buttons = [];
    if (editor() && ["dynamic", "add"].includes(editor().num_rows)) buttons.push(`<button class="nbapp-grid-add" type="button">+ Add row</button>`);
    if (editor() && checked.size) buttons.push(`<button class="nbapp-grid-delete" type="button">Delete ${checked.size} row${checked.size > 1 ? "s" : ""}</button>`);
    tools.innerHTML = buttons.join("") + `<span class="nbapp-grid-count">${count.toLocaleString()} row${count === 1 ? "" : "s"}</span>`;
  }

  // Which view rows are on screen; with more rows than the browser can scroll, scrolling maps proportionally.
  function visible() {
    const full = viewRows() * rowH();
    const virtual = Math.min(full, MAX_SCROLL);
    spacer.style.height = `${virtual}px`;
    // Not clientHeight: the view may draw before it is in the page (0 px high).
    const viewH = parseFloat(scroller.style.height) - rowH() - 3;
    const maxTop = Math.max(virtual - viewH, 1);
    const top = Math.min(scroller.scrollTop, maxTop);
    const count = Math.ceil(viewH / rowH()) + 1;
    const first = full === virtual ? Math.floor(top / rowH()) : Math.round((top / maxTop) * Math.max(viewRows() - count + 1, 0));
    const offset = full === virtual ? first * rowH() : top;
    return { first, count, offset };
  }

  function request(p) {
    if (pending.has(p)) return;
    pending.add(p);
    const deleted = editor() ? state.deleted_rows : [];
    model.send({ type: "rows", id: ++reqId, start: p * PAGE, end: (p + 1) * PAGE, sort, deleted, version: props.version });
  }

  function rowAt(i) {
    if (i >= baseRows()) return { added: i - baseRows(), cells: cols.map((c) => state.added_rows[i - baseRows()]?.[c.name] ?? null) };
    const page = pages.get(Math.floor(i / PAGE));
    if (!page) return null;
    const k = i % PAGE, pos = page.positions[k];
    const edits = editor() ? state.edited_rows[pos] : null;
    return { pos, cells: page.rows[k].map((v, j) => (edits && cols[j].name in edits ? edits[cols[j].name] : v)), edited: edits };
  }

  function draw() {
    if (editing) return; // an open cell editor stays until it commits or cancels (then draws)
    const { first, count, offset } = visible();
    const last = Math.min(first + count, viewRows());
    const need = new Set();
    for (let i = first; i < Math.min(last + PAGE / 2, baseRows()); i++) if (!pages.has(Math.floor(i / PAGE))) need.add(Math.floor(i / PAGE));
    need.forEach(request);
    win.style.transform = `translateY(${offset}px)`;
    let out = "";
    for (let i = first; i < last; i++) {
      const row = rowAt(i);
      const id = row ? (row.added !== undefined ? `a${row.added}` : row.pos) : "";
      const rowPicked = row && row.pos !== undefined && selection.rows.includes(row.pos);
      out += `<div class="nbapp-grid-row${rowPicked || checked.has(id) ? " nbapp-grid-picked" : ""}${row && row.added !== undefined ? " nbapp-grid-added" : ""}" data-row="${i}" data-id="${id}">`;
      if (rowMarks()) out += `<div class="nbapp-grid-cell nbapp-grid-mark" data-mark="${i}">${row ? (rowPicked || checked.has(id) ? "☑" : "☐") : ""}</div>`;
      cols.forEach((c, j) => {
        const cls = ["nbapp-grid-cell"];
        if (c.pinned) cls.push("nbapp-grid-pinned");
        if (c.index) cls.push("nbapp-grid-index");
        if (c.type === "number" || c.type === "progress" || (c.data === "number" && !["text", "selectbox"].includes(c.type))) cls.push("nbapp-grid-num");
        if (c.alignment) cls.push(`nbapp-grid-${c.alignment}`);
        if (row && row.edited && c.name in row.edited) cls.push("nbapp-grid-edited");
        if (row && row.pos !== undefined && selection.cells.some((x) => x[0] === row.pos && x[1] === c.name)) cls.push("nbapp-grid-picked");
        if (!c.editable && editor()) cls.push("nbapp-grid-readonly");
        if (focus && focus[0] === i && focus[1] === j) cls.push("nbapp-grid-focus");
        out += `<div class="${cls.join(" ")}" data-col="${j}" style="${stickyStyle(j, widths[j])}">${row ? show(c, row.cells[j], props.placeholder) : ""}</div>`;
      });
      out += "</div>";
    }
    // Unchanged rows keep their DOM nodes: a click that lands while a page arrives still hits its cell.
    if (out !== drawn) win.innerHTML = drawn = out;
  }

  model.on("msg:custom", (msg) => {
    if (msg.type !== "rows" || msg.version !== props.version || JSON.stringify(msg.sort || null) !== JSON.stringify(sort)) return;
    const p = Math.floor(msg.start / PAGE);
    pending.delete(p);
    pages.set(p, { rows: msg.rows, positions: msg.positions });
    if (pages.size > KEEP_PAGES) pages.delete(pages.keys().next().value);
    draw();
  });

  function refetch() { pages = new Map(); pending = new Set(); draw(); }

  function commit(i, j, raw, cellEl) {
    const row = rowAt(i), col = cols[j];
    const [ok, value, why] = check(col, raw);
    if (!ok) {
      cellEl.classList.add("nbapp-grid-invalid");
      cellEl.title = `Rejected: ${raw} is ${why}`;
      drawn = "";
      setTimeout(draw, 1500);
      return;
    }
    if (row.added !== undefined) state.added_rows[row.added] = { ...state.added_rows[row.added], [col.name]: value };
    else state.edited_rows[row.pos] = { ...(state.edited_rows[row.pos] || {}), [col.name]: value };
    save();
    draw();
  }

  function edit(cellEl, typed) {
    const i = +cellEl.parentNode.dataset.row, j = +cellEl.dataset.col, col = cols[j], row = rowAt(i);
    if (!row || !col) return;
    // The index of an existing row is fixed; an added row takes its index value here (a non-range index needs one).
    if (col.index ? row.added === undefined || props.hide_index : !col.editable) return;
    if (col.type === "checkbox") return commit(i, j, !row.cells[j], cellEl);
    const input = editorInput(col, row.cells[j]);
    input.className = "nbapp-grid-input";
    if (typed !== undefined && input.tagName === "INPUT" && input.type !== "date") input.value = typed;
    drawn = ""; // the cell's DOM now differs from the last draw
    cellEl.innerHTML = "";
    cellEl.appendChild(input);
    input.focus();
    editing = true;
    let done = false;
    const finish = (keep) => {
      if (done) return;
      done = true;
      editing = false;
      if (keep) commit(i, j, input.value, cellEl); else draw();
    };
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") finish(true);
      if (e.key === "Escape") finish(false);
      if (e.key === "Enter" || e.key === "Escape") root.focus();
      e.stopPropagation();
    });
    input.addEventListener("blur", () => finish(true));
    if (input.tagName === "SELECT") input.addEventListener("change", () => finish(true));
  }

  function toggle(list, item, single, same = (a, b) => a === b) {
    const has = list.some((x) => same(x, item));
    if (single) return has ? [] : [item];
    return has ? list.filter((x) => !same(x, item)) : [...list, item];
  }

  scroller.addEventListener("scroll", () => requestAnimationFrame(draw));
  root.addEventListener("dblclick", (e) => {
    const cellEl = e.target.closest(".nbapp-grid-window .nbapp-grid-cell:not(.nbapp-grid-mark)");
    if (cellEl && editor() && cols[+cellEl.dataset.col].type !== "checkbox") edit(cellEl);
  });
  let clicks = 0;
  root.addEventListener("click", (e) => {
    const t = e.target;
    const button = t.closest(".nbapp-grid-window .nbapp-grid-button[data-label]");
    if (button) {
      // A ButtonColumn click goes to the column's own key, as {row, label} in JSON (Streamlit's wire form).
      const col = cols[+button.closest(".nbapp-grid-cell").dataset.col];
      const row = rowAt(+button.closest(".nbapp-grid-row").dataset.row);
      if (col && col.click_key && row && row.pos !== undefined) {
        model.set("value", { nbapp_input: [col.click_key, JSON.stringify({ row: row.pos, label: button.dataset.label })], seq: ++clicks });
        model.save_changes();
      }
      return;
    }
    if (t.closest(".nbapp-grid-add")) {
      const row = {};
      cols.forEach((c) => { if (c.default !== null && c.default !== undefined) row[c.name] = c.default; });
      state.added_rows.push(row);
      save(); drawHeader(); draw();
      scroller.scrollTop = scroller.scrollHeight;
      return;
    }
    if (t.closest(".nbapp-grid-delete")) {
      const added = [...checked].filter((x) => String(x).startsWith("a")).map((x) => +String(x).slice(1));
      state.deleted_rows = [...state.deleted_rows, ...[...checked].filter((x) => typeof x === "number")].sort((a, b) => a - b);
      state.added_rows = state.added_rows.filter((_, k) => !added.includes(k));
      checked = new Set();
      save(); drawHeader(); refetch();
      return;
    }
    const sorter = t.closest(".nbapp-grid-sort");
    const head = t.closest(".nbapp-grid-head");
    if (head) {
      const c = cols[+head.dataset.col];
      const colModes = modes().filter((m) => m.endsWith("-column"));
      if (colModes.length && !sorter && !c.index) {
        selection.columns = toggle(selection.columns, c.name, colModes[0] === "single-column");
        save(); drawHeader(); draw();
        return;
      }
      sort = sort && sort[0] === c.name ? (sort[1] ? [c.name, false] : null) : [c.name, true];
      drawHeader(); refetch();
      return;
    }
    const mark = t.closest(".nbapp-grid-mark[data-mark]");
    if (mark) {
      const row = rowAt(+mark.dataset.mark);
      if (!row) return;
      if (editor()) {
        const id = row.added !== undefined ? `a${row.added}` : row.pos;
        if (checked.has(id)) checked.delete(id); else checked.add(id);
        drawHeader(); draw();
        return;
      }
      const rowMode = modes().find((m) => m.includes("-row"));
      if (rowMode === "single-row-required" && selection.rows.includes(row.pos)) return;
      selection.rows = toggle(selection.rows, row.pos, rowMode !== "multi-row");
      save(); draw();
      return;
    }
    const cellEl = t.closest(".nbapp-grid-window .nbapp-grid-cell");
    if (!cellEl) return;
    if (editor()) {
      focus = [+cellEl.parentNode.dataset.row, +cellEl.dataset.col];
      if (cols[focus[1]].type === "checkbox") edit(cellEl); else draw();
      return;
    }
    const cellMode = modes().find((m) => m.endsWith("-cell"));
    const row = rowAt(+cellEl.parentNode.dataset.row);
    if (cellMode && row) {
      selection.cells = toggle(selection.cells, [row.pos, cols[+cellEl.dataset.col].name], cellMode === "single-cell",
        (a, b) => a[0] === b[0] && a[1] === b[1]);
      save(); draw();
    }
  });

  // Keyboard, as in a spreadsheet: arrows move, Enter edits, typing replaces, Delete empties.
  root.tabIndex = 0;
  root.addEventListener("keydown", (e) => {
    if (!editor() || !focus || editing) return;
    const [i, j] = focus;
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const cellAt = () => win.querySelector(`.nbapp-grid-row[data-row="${focus[0]}"] .nbapp-grid-cell[data-col="${focus[1]}"]`);
    if (moves[e.key]) {
      focus = [Math.max(0, Math.min(viewRows() - 1, i + moves[e.key][0])), Math.max(0, Math.min(cols.length - 1, j + moves[e.key][1]))];
      e.preventDefault();
      draw();
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      if (cellAt()) edit(cellAt());
    } else if ((e.key === "Delete" || e.key === "Backspace") && cols[j].editable && !cols[j].required && cellAt()) {
      commit(i, j, null, cellAt());
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && cellAt()) {
      e.preventDefault();
      edit(cellAt(), e.key);
    }
  });

  readValue();
  reset();
  const onProps = () => reset();
  // The kernel echoes the value after each run: redraw only when it says something new
  // (an edit it rejected, or the app setting the state).
  const onValue = () => {
    const before = JSON.stringify(editor() ? state : selection);
    readValue();
    if (JSON.stringify(editor() ? state : selection) === before) return;
    drawHeader();
    refetch();
  };
  model.on("change:props", onProps);
  model.on("change:value", onValue);
  return () => { model.off("change:props", onProps); model.off("change:value", onValue); };
}

export default { render };
