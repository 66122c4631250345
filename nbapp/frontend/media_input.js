// st.camera_input and st.audio_input: take a photo (JPEG) or record audio (16-bit mono WAV at
// props.sample_rate) and send it as the widget's value {name, type, content: DataView}; null
// clears it. Without a device or permission, a file picker stands in.

function node(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(text, cls = "") {
  const b = node("button", "nbapp-media-button " + cls, text);
  b.type = "button";
  return b;
}

async function sendBlob(model, blob, name) {
  const content = new DataView(await blob.arrayBuffer());
  model.set("value", { name, type: blob.type || "application/octet-stream", content });
  model.save_changes();
}

function clear(model) {
  model.set("value", null);
  model.save_changes();
}

function label(props) {
  const e = node("div", "nbapp-label", props.label || "");
  if (props.help) e.append(Object.assign(node("span", "nbapp-help", " ⓘ"), { title: props.help }));
  if (props.label_visibility === "collapsed") e.style.display = "none";
  if (props.label_visibility === "hidden") e.style.visibility = "hidden";
  return e;
}

function picker(model, props, box, note) {
  const input = node("input");
  input.type = "file";
  input.accept = props.accept + "*";
  input.className = "nbapp-media-file";
  input.disabled = props.disabled;
  input.addEventListener("change", () => input.files[0] && sendBlob(model, input.files[0], input.files[0].name));
  box.append(node("div", "nbapp-media-note", note), input);
}

// 16-bit PCM WAV, mono, resampled to `rate` (the browser's rate when null).
async function toWav(blob, rate) {
  const context = new AudioContext();
  const decoded = await context.decodeAudioData(await blob.arrayBuffer());
  context.close();
  const target = rate || decoded.sampleRate;
  const frames = Math.max(1, Math.ceil(decoded.duration * target));
  const offline = new OfflineAudioContext(1, frames, target);
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
  return new Blob([view], { type: "audio/wav" });
}

function camera(model, props, box, streams) {
  const video = node("video", "nbapp-media-video");
  video.autoplay = true;
  video.muted = true;
  video.playsInline = true;
  const shot = node("img", "nbapp-media-photo");
  const take = button("Take Photo", "nbapp-media-take");
  const again = button("Clear photo", "nbapp-media-clear");
  take.disabled = again.disabled = props.disabled;
  const has = model.get("value");
  box.append(video, shot, take, again);
  shot.hidden = !has; again.hidden = !has; video.hidden = !!has; take.hidden = !!has;
  if (has && box.dataset.preview) shot.src = box.dataset.preview;
  again.addEventListener("click", () => { delete box.dataset.preview; clear(model); });
  if (has) return;
  // resolution="720p" asks for that height; the browser picks the closest the camera has
  const constraints = props.height ? { height: { ideal: props.height } } : true;
  navigator.mediaDevices.getUserMedia({ video: constraints }).then((stream) => {
    streams.push(stream);
    video.srcObject = stream;
  }).catch(() => {
    video.hidden = take.hidden = true;
    picker(model, props, box, "No camera available: upload a photo instead.");
  });
  take.addEventListener("click", () => {
    const canvas = node("canvas");
    canvas.width = video.videoWidth || 640;
    canvas.height = video.videoHeight || 480;
    canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
    box.dataset.preview = canvas.toDataURL("image/jpeg", 0.9);
    canvas.toBlob((blob) => sendBlob(model, blob, "image.jpg"), "image/jpeg", 0.9);
  });
}

function audio(model, props, box, streams) {
  const record = button("● Record", "nbapp-media-record");
  const status = node("span", "nbapp-media-status", model.get("value") ? "Recorded" : "");
  const again = button("Clear recording", "nbapp-media-clear");
  record.disabled = again.disabled = props.disabled;
  again.hidden = !model.get("value");
  box.append(record, status, again);
  again.addEventListener("click", () => clear(model));
  let recorder = null;
  record.addEventListener("click", async () => {
    if (recorder) { recorder.stop(); return; }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      record.hidden = true;
      picker(model, props, box, "No microphone available: upload an audio file instead.");
      return;
    }
    streams.push(stream);
    const chunks = [];
    recorder = new MediaRecorder(stream);
    recorder.ondataavailable = (e) => chunks.push(e.data);
    recorder.onstop = async () => {
      stream.getTracks().forEach((t) => t.stop());
      recorder = null;
      record.textContent = "● Record";
      status.textContent = "Processing…";
      const wav = await toWav(new Blob(chunks, { type: chunks[0]?.type }), props.sample_rate);
      await sendBlob(model, wav, "audio.wav");
    };
    recorder.start();
    record.textContent = "■ Stop";
    status.textContent = "Recording…";
  });
}

export default {
  render({ model, el }) {
    const streams = [];
    const box = node("div", "nbapp-media-box");
    const stop = () => streams.splice(0).forEach((s) => s.getTracks().forEach((t) => t.stop()));
    const draw = () => {
      stop();
      const props = model.get("props") || {};
      box.replaceChildren();
      (props.media === "camera" ? camera : audio)(model, props, box, streams);
      el.replaceChildren(label(props), box);
    };
    draw();
    model.on("change:props", draw);
    model.on("change:value", draw);
    return () => {
      stop();
      model.off("change:props", draw);
      model.off("change:value", draw);
    };
  },
};
