"""Coalescing benchmark: 100 slider changes sent as real comm messages while each run takes 300 ms.

Target (issue 3): at most 3 reruns, and the final output matches the last value.
Run: python3 bench/bench_rerun.py
"""
from __future__ import annotations

import time

from nbapp.testing.kernel import running_kernel

APP = """%%app
import time
import nbapp as st
x = st.slider('x', 0, 1000, 0)
time.sleep(0.3)
st.write('value is', x)
"""
RUNS = "sum(a.app.runs for a in __import__('nbapp.jupyter.magic').jupyter.magic._APPS.values())"


def main(changes: int = 100) -> None:
    with running_kernel() as k:
        k.execute("%load_ext nbapp")
        k.execute(APP)
        k.wait_for_text("value is 0")
        slider = k.find("IntSliderModel", value=0)
        before = int(k.eval(RUNS))
        start = time.perf_counter()
        for value in range(1, changes + 1):
            k.send_update(slider, value=value)
        sent = time.perf_counter() - start
        k.wait_for_text(f"value is {changes}", timeout=60)
        settled = time.perf_counter() - start
        time.sleep(1.0)  # anything still queued would start another run now
        reruns = int(k.eval(RUNS)) - before
        final_ok = any(f"value is {changes}</p>" in t for t in k.texts())
    print(f"{'changes sent':<34}{changes}")
    print(f"{'sent in':<34}{sent * 1000:.1f} ms")
    print(f"{'script runs started (incl. stale)':<34}{reruns}")
    print(f"{'final output shows last value':<34}{final_ok}")
    print(f"{'last change -> final output':<34}{settled * 1000:.0f} ms")


if __name__ == "__main__":
    main()
