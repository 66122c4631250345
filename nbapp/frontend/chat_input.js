// st.chat_input: a text box with a send button (and a paperclip when it takes files).
// Enter sends, Shift+Enter starts a new line. A submit sends {text, files, seq} as the
// widget's value; seq makes the same message sent twice a new value. Files travel as
// binary buffers (DataView), not base64.

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

async function readFiles(list) {
  const files = [];
  for (const file of list) {
    const buffer = await file.arrayBuffer();
    files.push({ name: file.webkitRelativePath || file.name, type: file.type, content: new DataView(buffer) });
  }
  return files;
}

export default {
  render({ model, el: root }) {
    const box = el("div", { class: "nbapp-chat-input-box" });
    const text = el("textarea", { class: "nbapp-chat-text", rows: "1" });
    const send = el("button", { class: "nbapp-chat-send", title: "Send", type: "button" }, "➤");
    const attach = el("button", { class: "nbapp-chat-attach", title: "Attach files", type: "button" }, "📎");
    const picker = el("input", { type: "file", class: "nbapp-chat-files" });
    const chips = el("div", { class: "nbapp-chat-chips" });
    picker.style.display = "none";
    box.append(attach, picker, text, send);
    root.append(chips, box);
    let staged = [];
    let seq = 0;

    const showChips = () => {
      chips.replaceChildren(...staged.map((f) => el("span", { class: "nbapp-chat-chip" }, f.name)));
      chips.style.display = staged.length ? "" : "none";
    };
    const configure = () => {
      const props = model.get("props") || {};
      text.placeholder = props.placeholder || "";
      if (props.max_chars) text.maxLength = props.max_chars; else text.removeAttribute("maxlength");
      const files = props.accept_file;
      attach.style.display = files ? "" : "none";
      picker.multiple = files === "multiple" || files === "directory";
      picker.webkitdirectory = files === "directory";
      picker.accept = (props.file_type || []).join(",");
      text.disabled = send.disabled = attach.disabled = !!props.disabled;
      root.classList.toggle("nbapp-chat-inline", props.width === "content");
    };
    const grow = () => {
      text.style.height = "auto";
      text.style.height = Math.min(text.scrollHeight, 200) + "px";
      send.classList.toggle("nbapp-chat-ready", text.value.trim() !== "" || staged.length > 0);
    };
    const submit = () => {
      const message = text.value;
      if ((!message.trim() && !staged.length) || text.disabled) return;
      seq += 1;
      model.set("value", { text: message, files: staged, seq: `${Date.now()}-${seq}` });
      model.save_changes();
      text.value = "";
      staged = [];
      showChips();
      grow();
    };
    const onKey = (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    };
    const onPick = async () => {
      const files = await readFiles(picker.files);
      staged = picker.multiple ? staged.concat(files) : files.slice(-1);
      picker.value = "";
      showChips();
      grow();
    };
    text.addEventListener("keydown", onKey);
    text.addEventListener("input", grow);
    send.addEventListener("click", submit);
    attach.addEventListener("click", () => picker.click());
    picker.addEventListener("change", onPick);
    model.on("change:props", configure);
    configure();
    showChips();
    return () => model.off("change:props", configure);
  },
};
