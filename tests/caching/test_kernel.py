"""cache_data in a real ipykernel: a %%app cell re-executed, a widget rerun, and a kernel restart."""
from __future__ import annotations

from nbapp.testing.kernel import running_kernel

SETUP = "%load_ext nbapp\ncalls = []"
APP = """%%app
import nbapp as st
from nbapp.caching import cache_data

@cache_data
def load(n):
    calls.append(n)          # a notebook global: counts the body's runs
    return list(range(n))

n = st.slider('n', 1, 10, 4)
st.write(f'total {sum(load(n))}')
"""


def test_app_cell_reexecuted_rerun_and_restarted_kernel_reuse_entries():
    with running_kernel() as kernel:
        assert kernel.execute(SETUP)["status"] == "ok"
        assert kernel.execute(APP)["status"] == "ok"
        kernel.wait_for_text("total 6")
        slider = kernel.find("IntSliderModel", value=4)
        kernel.send_update(slider, value=5)
        kernel.wait_for_text("total 10")
        assert kernel.execute(APP)["status"] == "ok"  # the cell run again: a new file name in IPython
        kernel.wait_for_text("total 6")
        assert kernel.eval("calls") == "[4, 5]"
    with running_kernel() as kernel:  # a kernel restart
        assert kernel.execute(SETUP)["status"] == "ok"
        assert kernel.execute(APP)["status"] == "ok"
        kernel.wait_for_text("total 6")
        assert kernel.eval("calls") == "[]"  # read from disk
