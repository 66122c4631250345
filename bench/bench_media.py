"""Benchmark: a 100,000-point line_chart and a 1920x1080 st.image redrawn after a slider change, nbapp run vs streamlit run.

Run from the repository root with Debian's Chromium (Streamlit from ``$STREAMLIT_PYTHON``,
default /tmp/stvenv/bin/python when it exists, else this Python)::

    python bench/bench_media.py              # 20 changes per app and server
    python bench/bench_media.py --changes 5  # quicker

Both servers run the same script, one after the other for each app, in the same browser.
For each slider change (ArrowRight on the focused slider, 0.5 s apart, after 3 warm-ups):

* latency, timed inside the page from the keydown event: for the chart, until the chart's
  pixels differ from what they were before the key (checked every animation frame; both
  draw 100,000 points on a canvas); for the image, until a new full-size picture has
  loaded (the ``<img>``'s load event);
* bytes: what reached the page for that change (websocket frames plus HTTP response
  bodies: Streamlit fetches its images by URL), next to the raw size of the data
  (100,000 x 2 columns of 8 bytes; 1920x1080x3 uint8 pixels).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_serve import CHROMIUM, CHROMIUM_ARGS, SLIDER, nbapp_cmd, percentile, server, streamlit_cmd  # noqa: E402

CHART_APP = '''\
import numpy as np
import pandas as pd
import streamlit as st
k = st.slider("k", 0, 100, 10)
x = np.arange(100_000)
st.line_chart(pd.DataFrame({"x": x, "y": np.sin(x / 1000 * (1 + k / 10))}), x="x", y="y")
'''
IMAGE_APP = '''\
import numpy as np
import streamlit as st
k = st.slider("k", 0, 100, 10)
yy, xx = np.mgrid[0:1080, 0:1920]
img = np.stack([(xx + k * 7) % 256, (yy + k * 3) % 256, (xx ^ yy) % 256], axis=-1).astype(np.uint8)
st.image(img, caption=f"frame {k}")
'''
CHART = ".nbapp-vega canvas, [data-testid=stVegaLiteChart] canvas, [data-testid=stArrowVegaLiteChart] canvas"
IMAGE = ".nbapp-image img, [data-testid=stImage] img"
# In the page before its scripts: each keydown's time, and when the watched thing changed after it.
PROBE = """
window.__marks = []; window.__done = [];
const pixels = (canvas) => {
  const ctx = canvas.getContext('2d');
  if (!ctx || !canvas.width) return '';
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let h = 0;
  for (let i = 0; i < data.length; i += 4) h = (h * 31 + data[i] + data[i + 1] * 7 + data[i + 3] * 13) | 0;
  return String(h);
};
document.addEventListener('keydown', (e) => {
  const mark = e.timeStamp;
  window.__marks.push(mark);
  const canvas = document.querySelector(window.__chart || 'nothing');
  if (!canvas) return;
  const before = pixels(canvas);
  const look = () => {
    const now = document.querySelector(window.__chart);
    if (now && pixels(now) !== before) window.__done.push(performance.now());
    else if (performance.now() - mark < 30000) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}, true);
document.addEventListener('load', (e) => {
  if (e.target.tagName === 'IMG' && e.target.naturalWidth >= 1000) window.__done.push(performance.now());
}, true);
"""


def streamlit_python() -> str:
    """The Python with Streamlit installed: $STREAMLIT_PYTHON, /tmp/stvenv/bin/python, or this one."""
    found = os.environ.get("STREAMLIT_PYTHON") or ("/tmp/stvenv/bin/python" if os.path.exists("/tmp/stvenv/bin/python")
                                                   else sys.executable)
    return found


def commands() -> dict[str, list[str]]:
    """The two servers, each run on ``app.py`` in its working folder."""
    return {"nbapp run": nbapp_cmd(), "streamlit run": [streamlit_python(), *streamlit_cmd()[1:]]}


def run(browser, cmd: list[str], app: str, chart: bool, changes: int) -> dict:
    """Time ``changes`` slider changes of ``app`` served by ``cmd``; returns p50/p90 (ms) and median bytes per change."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "app.py").write_text(app, encoding="utf-8")
        with server(cmd, folder) as running:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.add_init_script(PROBE)
            frames: list[tuple[float, int]] = []
            page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(
                (time.perf_counter(), len(payload)))))
            page.on("requestfinished", lambda request: frames.append(
                (time.perf_counter(), request.sizes()["responseBodySize"])))
            page.goto(running.url)
            page.locator(CHART if chart else IMAGE).first.wait_for(state="attached", timeout=120_000)
            page.wait_for_function("!document.querySelector('.nbapp-snapshot')", timeout=120_000)
            if chart:
                page.evaluate(f"window.__chart = {CHART!r}")
            time.sleep(3)
            page.locator(SLIDER).first.focus()
            latencies, sizes, missed = [], [], 0
            for i in range(3 + changes):
                done_before = page.evaluate("window.__done.length")
                start = time.perf_counter()
                page.keyboard.press("ArrowRight")
                try:
                    page.wait_for_function(f"window.__done.length > {done_before}", timeout=30_000)
                except Exception:  # counted and reported: a change whose redraw never showed within 30 s
                    missed += 1
                    page.locator(SLIDER).first.focus()
                    continue
                time.sleep(0.5)
                mark = page.evaluate("window.__marks[window.__marks.length - 1]")
                done = page.evaluate(f"window.__done[{done_before}]")
                sent = sum(n for t, n in frames if t >= start)
                if i >= 3:
                    latencies.append(done - mark)
                    sizes.append(sent)
            page.close()
            context.close()
    return {"p50": statistics.median(latencies), "p90": percentile(latencies, 0.9), "bytes": statistics.median(sizes),
            "missed": missed}


def main() -> None:
    """Run both apps on both servers and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--only", choices=("chart", "image"), help="time one of the two apps")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for what, app, chart, raw in (("line_chart, 100,000 points", CHART_APP, True, "1.60 MB (x, y 8 bytes each)"),
                                      ("st.image 1920x1080 RGB", IMAGE_APP, False, "6.22 MB (pixels)")):
            if args.only and args.only != ("chart" if chart else "image"):
                continue
            for name, cmd in commands().items():
                result = run(browser, cmd, app, chart, args.changes)
                rows.append((what, name, result, raw))
                print(f"measured {what} with {name}", file=sys.stderr)
        browser.close()
    print(f"\n{os.cpu_count()} CPUs, {args.changes} changes each\n")
    print("| app | server | change -> redrawn, p50 / p90 | bytes to the page per change | raw data | no redraw in 30 s |")
    print("|---|---|---|---|---|---|")
    for what, name, r, raw in rows:
        print(f"| {what} | {name} | {r['p50']:.0f} / {r['p90']:.0f} ms | {r['bytes'] / 1e6:.2f} MB | {raw} | {r['missed']} |")


if __name__ == "__main__":
    main()
