"""An %%app cell also outputs a static snapshot of its last run, refreshed after every run."""
from __future__ import annotations

SLIDER_APP = """%%app
import nbapp as st
x = st.slider('x', 0, 100, 25)
st.write(f'{x} squared is {x * x}')
"""


def _snapshots(kernel, kind: str) -> list[dict]:
    return [m for m in kernel.displays if m["msg_type"] == kind and m["content"]["metadata"].get("nbapp", {}).get("snapshot")]


def test_app_cell_outputs_a_snapshot_of_its_first_run(kernel):
    assert kernel.execute(SLIDER_APP)["status"] == "ok"
    [shown] = _snapshots(kernel, "display_data")
    html = shown["content"]["data"]["text/html"]
    assert "25 squared is 625" in html
    assert 'type="range"' in html and 'value="25"' in html  # the slider, frozen at its value
    assert shown["content"]["transient"]["display_id"] == shown["content"]["metadata"]["nbapp"]["display_id"]


def test_snapshot_follows_the_app_after_a_widget_change(kernel):
    kernel.execute(SLIDER_APP)
    [shown] = _snapshots(kernel, "display_data")
    kernel.send_update(kernel.find("IntSliderModel", value=25), value=30)
    kernel.wait_for_text("30 squared is 900")
    kernel.wait_for(lambda _: any("30 squared is 900" in m["content"]["data"]["text/html"]
                                  for m in _snapshots(kernel, "update_display_data")), "snapshot of 30")
    update = _snapshots(kernel, "update_display_data")[-1]
    assert update["content"]["metadata"]["nbapp"]["display_id"] == shown["content"]["metadata"]["nbapp"]["display_id"]
    assert update["content"]["transient"]["display_id"] == shown["content"]["transient"]["display_id"]


def test_a_saved_notebook_shows_the_apps_last_frame_in_nbconvert_html(tmp_path):
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("%load_ext nbapp"),
                                         nbformat.v4.new_code_cell(SLIDER_APP)])
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()  # no widget state saved, as JupyterLab's default
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert "25 squared is 625" in html
    assert 'value="25"' in html  # the slider, drawn disabled at its value
