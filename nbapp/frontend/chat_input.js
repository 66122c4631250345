// st.chat_input: a text box with a send button (a paperclip when it takes files, a microphone
// when it takes audio).
// Enter sends, Shift+Enter starts a new line. A submit sends {text, files, seq} as the
// widget's value; seq makes the same message sent twice a new value. Files travel as
// binary buffers (DataView), not base64. submit_mode "disable" (and "stop") keeps the box
// disabled from a submit until the run it causes is drawn to its end ("nbapp-run-done").

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

// 16-bit PCM WAV, mono, resampled to `rate` (the browser's rate when null).
async function toWav(blob, rate) {
  const context = new AudioContext();
  const decoded = await context.decodeAudioData(await blob.arrayBuffer());
  context.close();
  const target = rate || decoded.sampleRate;
  const offline = new OfflineAudioContext(1, Math.max(1, Math.ceil(decoded.duration * target)), target);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  const samples = (await offline.startRendering()).getChannelData(0);
  const view = new DataView(new ArrayBuffer(44 + samples.length * 2));
  const text = (at, s) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF"); view.setUint32(4, 36 + samples.length * 2, true); text(8, "WAVE"); text(12, "fmt ");
  view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, target, true); view.setUint32(28, target * 2, true); view.setUint16(32, 2, true);
  view.setUint16(34, 16, true); text(36, "data"); view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, Math.max(-1, Math.min(1, s)) * 0x7fff, true));
  return new DataView(view.buffer);
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
    const mic = el("button", { class: "nbapp-chat-mic", title: "Record a voice message", type: "button" }, "🎤");
    box.append(attach, picker, text, mic, send);
    let recorder = null;
    root.append(chips, box);
    let staged = [];
    let busy = false; // submitted with submit_mode "disable" / "stop": waiting for the run to end
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
      mic.style.display = props.accept_audio ? "" : "none";
      mic.disabled = !!props.disabled || busy;
      picker.multiple = files === "multiple" || files === "directory";
      picker.webkitdirectory = files === "directory";
      picker.accept = (props.file_type || []).join(",");
      text.disabled = send.disabled = attach.disabled = !!props.disabled || busy;
      root.classList.toggle("nbapp-chat-busy", busy);
      root.classList.toggle("nbapp-chat-inline", props.width === "content");
    };
    const grow = () => {
      text.style.height = "auto";
      text.style.height = Math.min(text.scrollHeight, 200) + "px";
      send.classList.toggle("nbapp-chat-ready", text.value.trim() !== "" || staged.length > 0);
    };
    const submit = (audio = null) => {
      const message = text.value;
      if ((!message.trim() && !staged.length && !audio) || text.disabled) return;
      seq += 1;
      const value = { text: message, files: staged, seq: `${Date.now()}-${seq}` };
      if (audio) value.audio = audio;
      model.set("value", value);
      model.save_changes();
      if (["disable", "stop"].includes((model.get("props") || {}).submit_mode)) { busy = true; configure(); }
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
    send.addEventListener("click", () => submit());
    // The microphone: a first click records, the second stops and sends the recording (with any text).
    mic.addEventListener("click", async () => {
      if (recorder) { recorder.stop(); return; }
      let stream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (err) {
        mic.title = "No microphone available";
        mic.disabled = true;
        return;
      }
      const chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.ondataavailable = (e) => chunks.push(e.data);
      recorder.onstop = async () => {
        stream.getTracks().forEach((t) => t.stop());
        recorder = null;
        mic.classList.remove("nbapp-chat-recording");
        const rate = (model.get("props") || {}).audio_sample_rate;
        const content = await toWav(new Blob(chunks, { type: chunks[0]?.type }), rate);
        submit({ name: "audio.wav", type: "audio/wav", content });
      };
      recorder.start();
      mic.classList.add("nbapp-chat-recording");
    });
    attach.addEventListener("click", () => picker.click());
    picker.addEventListener("change", onPick);
    const onRunDone = () => { if (busy) { busy = false; configure(); } };
    model.on("change:props", configure);
    window.addEventListener("nbapp-run-done", onRunDone);
    configure();
    showChips();
    return () => { model.off("change:props", configure); window.removeEventListener("nbapp-run-done", onRunDone); };
  },
};
