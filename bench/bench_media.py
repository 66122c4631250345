"""Benchmark: a 100,000-point line_chart and a 1920x1080 st.image redrawn after a slider change, in `nbapp run`.

Run from the repository root with Debian's Chromium::

    python bench/bench_media.py              # 20 changes per app
    python bench/bench_media.py --changes 5  # quicker

For each slider change (ArrowRight on the focused slider, 0.5 s apart, after 3 warm-ups):

* latency: the page's keydown event -> the chart's view has swapped in the new rows
  (``data-updated`` on the chart element changes) / the new picture has decoded (the
  ``<img>``'s load event), both timed inside the page, so no driver round trip counts;
* bytes: what the kernel's websocket sent the page for that change (all frames), next to
  the raw size of the data (100,000 x 2 float64 columns; 1920x1080x3 uint8 pixels).

Streamlit is not measured here (see bench_serve.py for the harness that runs it side by side).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_serve import CHROMIUM, CHROMIUM_ARGS, nbapp_cmd, percentile, server  # noqa: E402

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
rng = np.random.default_rng(k)
yy, xx = np.mgrid[0:1080, 0:1920]
img = np.stack([(xx + k * 7) % 256, (yy + k * 3) % 256, (xx ^ yy) % 256], axis=-1).astype(np.uint8)
st.image(img, caption=f"frame {k}")
'''
# Records each keydown's timestamp, then the moment the watched element reports its redraw.
PROBE = """
window.__marks = []; window.__done = [];
document.addEventListener('keydown', e => window.__marks.push(e.timeStamp), true);
new MutationObserver(records => {
  for (const r of records) {
    if (r.attributeName === 'data-updated') window.__done.push(performance.now());
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-updated']});
document.addEventListener('load', e => {
  if (e.target.tagName === 'IMG' && e.target.src.startsWith('blob:')) window.__done.push(performance.now());
}, true);
"""


def run(browser, app: str, ready: str, changes: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "app.py").write_text(app, encoding="utf-8")
        with server(nbapp_cmd(), folder) as running:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.add_init_script(PROBE)
            frames: list[tuple[float, int]] = []
            page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(
                (time.perf_counter(), len(payload)))))
            page.goto(running.url)
            page.locator(ready).first.wait_for(state="attached", timeout=120_000)
            page.wait_for_function("!document.querySelector('.nbapp-snapshot')", timeout=120_000)
            time.sleep(3)
            page.locator(".nbapp-slider .noUi-handle").focus()
            latencies, sizes = [], []
            for i in range(3 + changes):
                done_before = page.evaluate("window.__done.length")
                start = time.perf_counter()
                page.keyboard.press("ArrowRight")
                try:
                    page.wait_for_function(f"window.__done.length > {done_before}", timeout=30_000)
                except Exception:
                    state = page.evaluate("[window.__marks.length, window.__done.length, "
                                          "JSON.stringify(document.querySelector('.nbapp-element:not(.nbapp-slider)')?.dataset)]")
                    raise RuntimeError(f"change {i} never showed: keydowns, redraws, element data: {state}") from None
                time.sleep(0.5)
                mark = page.evaluate("window.__marks[window.__marks.length - 1]")
                done = page.evaluate(f"window.__done[{done_before}]")
                sent = sum(n for t, n in frames if t >= start)
                if i >= 3:
                    latencies.append(done - mark)
                    sizes.append(sent)
            page.close()
            context.close()
    return {"p50": statistics.median(latencies), "p90": percentile(latencies, 0.9), "bytes": statistics.median(sizes)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=20)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        chart = run(browser, CHART_APP, ".nbapp-vega .marks", args.changes)
        image = run(browser, IMAGE_APP, ".nbapp-image img", args.changes)
        browser.close()
    print("| nbapp run | change -> redrawn, p50 / p90 | bytes sent per change | raw data |")
    print("|---|---|---|---|")
    print(f"| line_chart, 100,000 points | {chart['p50']:.0f} / {chart['p90']:.0f} ms | "
          f"{chart['bytes'] / 1e6:.2f} MB | {100_000 * 2 * 8 / 1e6:.2f} MB (x, y float64) |")
    print(f"| st.image 1920x1080 RGB | {image['p50']:.0f} / {image['p90']:.0f} ms | "
          f"{image['bytes'] / 1e6:.2f} MB | {1920 * 1080 * 3 / 1e6:.2f} MB (pixels) |")


if __name__ == "__main__":
    main()
