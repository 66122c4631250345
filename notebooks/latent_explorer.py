"""Latent explorer: a small generative model of handwritten digits, steered by sliders.

The GAN demo's idea, honestly sized: an autoencoder squeezes scikit-learn's 8x8 digits
through a 4-number latent code, trained on the first run and held by `st.cache_resource`
(on the GPU when there is one, else the CPU). Each slider is one latent number; the
decoder turns the code back into a digit on every move, in about a millisecond.

Needs: pip install torch==2.13.0 scikit-learn
Run it with `nbapp run latent_explorer.py` (or the notebook beside it).
"""
import time

import numpy as np
import streamlit as st
import torch
from sklearn.datasets import load_digits

st.set_page_config(page_title="Latent explorer", page_icon="🎛️")

LATENT = 4


@st.cache_resource(show_spinner="Training the autoencoder on scikit-learn's digits…")
def train(epochs: int = 300):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cpu":
        torch.set_num_threads(1)  # tiny layers: threads only contend (8x slower on a busy 2-core machine)
    torch.manual_seed(0)
    digits = load_digits()
    images = torch.tensor(digits.data / 16.0, dtype=torch.float32, device=device)
    encoder = torch.nn.Sequential(torch.nn.Linear(64, 48), torch.nn.Tanh(), torch.nn.Linear(48, LATENT)).to(device)
    decoder = torch.nn.Sequential(torch.nn.Linear(LATENT, 48), torch.nn.Tanh(), torch.nn.Linear(48, 64),
                                  torch.nn.Sigmoid()).to(device)
    optimiser = torch.optim.Adam([*encoder.parameters(), *decoder.parameters()], lr=1e-2)
    started = time.perf_counter()
    for _ in range(epochs):  # full batch: 1,797 images
        optimiser.zero_grad()
        loss = torch.nn.functional.mse_loss(decoder(encoder(images)), images)
        loss.backward()
        optimiser.step()
    with torch.no_grad():
        codes = encoder(images)
    means = torch.stack([codes[torch.tensor(digits.target, device=device) == d].mean(0) for d in range(10)])
    return {"decoder": decoder.eval(), "means": means.cpu().numpy(), "scale": codes.std(0).cpu().numpy(),
            "device": device, "loss": loss.item(), "seconds": time.perf_counter() - started}


def decode(model, code: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        pixels = model["decoder"](torch.tensor(code, dtype=torch.float32, device=model["device"]))
    pictures = pixels.reshape(-1, 8, 8).cpu().numpy()
    return np.kron(pictures, np.ones((1, 16, 16)))  # 8x8 -> 128x128, crisp pixels


st.title("Latent explorer 🎛️")
st.caption("Move the sliders: each one is a number of the 4-number code a small neural net "
           "learned for handwritten digits, and the decoder draws the digit that code means.")

model = train()
with st.sidebar:
    st.header("Latent code")
    start = st.selectbox("Start from the average", range(10), index=3, format_func=lambda d: f"digit {d}")
    offsets = [st.slider(f"Latent {i + 1}", -3.0, 3.0, 0.0, 0.1, key=f"latent{i}") for i in range(LATENT)]
    st.caption("Each slider moves the code by that many standard deviations along one latent axis.")

code = model["means"][start] + np.array(offsets) * model["scale"]
started = time.perf_counter()
picture = decode(model, code[None])[0]
decode_ms = (time.perf_counter() - started) * 1000

left, right = st.columns([1, 2])
left.image(picture, caption="Generated digit", clamp=True, width=192)
right.metric("Decoder time", f"{decode_ms:.1f} ms")
right.caption(f"Trained on first run for {model['seconds']:.1f} s on {model['device']} "
              f"(reconstruction error {model['loss']:.4f}); held by st.cache_resource since.")

st.subheader("Walking along each latent axis")
for axis in range(LATENT):
    walk = np.repeat(code[None], 7, axis=0)
    walk[:, axis] += np.linspace(-2, 2, 7) * model["scale"][axis]
    st.image(list(decode(model, walk)), caption=[f"{v:+.1f}σ" for v in np.linspace(-2, 2, 7)], clamp=True, width=80)
