// st.text_input: a native <input> of the element's type (text, password, email, url, tel,
// search), an icon, Streamlit's validation (a regex, checked before anything is sent: the
// box says why and keeps the text), `required` (an empty box is not sent) and `live` (send
// after a pause in typing). Otherwise the text is sent on Enter or when the box loses focus,
// and only when it changed: each send reruns the app.

const ICONS = {  // the type's default icons, drawn as SVG (no icon font: nothing to fetch)
  "nbapp:mail": "M3 5h18v14H3z M3 6l9 7 9-7",
  "nbapp:link": "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1 M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
  "nbapp:call": "M5 3h4l2 5-3 2a11 11 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z",
  "nbapp:search": "M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14z M16 16l5 5",
};

function node(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function icon(name) {
  if (!name || name.startsWith(":material/")) return null;  // no Material font offline
  const box = node("span", "nbapp-text-icon");
  if (ICONS[name]) {
    box.innerHTML = `<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" `
      + `stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="${ICONS[name]}"/></svg>`;
  } else {
    box.textContent = name;
  }
  return box;
}

function label(props) {
  const e = node("div", "nbapp-label", props.label || "");
  if (props.help) e.append(Object.assign(node("span", "nbapp-help", " ⓘ"), { title: props.help }));
  if (!props.label || props.label_visibility === "collapsed") e.style.display = "none";
  if (props.label_visibility === "hidden") e.style.visibility = "hidden";
  return e;
}

function problem(props, text) {
  if (props.required && !text.trim()) return "";  // not sent, nothing to explain: the app keeps its value
  if (text && props.pattern !== null && props.pattern !== undefined) {
    let regex;
    try { regex = new RegExp(props.pattern, "us"); } catch (err) { return null; }
    if (!regex.test(text)) return props.message;
  }
  return null;
}

export default {
  render({ model, el }) {
    let timer = null;
    const draw = () => {
      const props = model.get("props");
      el.replaceChildren();
      const box = node("div", "nbapp-text-box");
      const input = node("input", "nbapp-text-field");
      input.type = props.input_type;
      input.value = model.get("value") ?? "";
      input.placeholder = props.placeholder || "";
      input.disabled = !!props.disabled;
      input.autocomplete = props.autocomplete || "off";
      input.setAttribute("aria-label", props.label || "");
      if (props.max_chars) input.maxLength = props.max_chars;
      if (props.required) input.required = true;
      const mark = icon(props.icon);
      if (mark) box.append(mark);
      box.append(input);
      const note = node("div", "nbapp-text-problem");
      note.hidden = true;
      const counter = props.max_chars ? node("div", "nbapp-text-count") : null;
      const count = () => { if (counter) counter.textContent = `${input.value.length}/${props.max_chars}`; };
      count();
      const commit = () => {
        clearTimeout(timer);
        const text = input.value;
        const why = problem(props, text);
        note.hidden = !why;
        note.textContent = why || "";
        box.classList.toggle("nbapp-text-invalid", !!why);
        if (why !== null || text === (model.get("value") ?? "")) return;
        model.set("value", text);
        model.save_changes();
      };
      input.addEventListener("keydown", (event) => { if (event.key === "Enter") commit(); });
      input.addEventListener("blur", commit);
      input.addEventListener("input", () => {
        count();
        if (props.live !== null && props.live !== undefined) {
          clearTimeout(timer);
          timer = setTimeout(commit, props.live);
        } else if (props.input_type === "search" && input.value === "") {
          commit();  // the search box's clear button
        }
      });
      el.append(label(props), box, note);
      if (counter) el.append(counter);
    };
    draw();
    const onValue = () => {  // the app set the value (session_state, a rerun): show it unless the user is typing
      const input = el.querySelector("input");
      if (input && document.activeElement !== input) input.value = model.get("value") ?? "";
    };
    model.on("change:props", draw);
    model.on("change:value", onValue);
    return () => {
      clearTimeout(timer);
      model.off("change:props", draw);
      model.off("change:value", onValue);
    };
  },
};
