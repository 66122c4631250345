"""Input widgets drawn with ipywidgets: the control, browser changes sent to the app, reuse, app pushes."""
from __future__ import annotations

import threading
from datetime import date, datetime, time, timezone

import ipywidgets as w
import pytest

from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App

HEADER = ("import nbapp as st\nfrom datetime import date, time\n"
          "if 'push' in st.session_state:\n    st.session_state.k = st.session_state.pop('push')\n")


class Drawn:
    """An app and its renderer; ``sent`` records what the browser side emitted."""

    def __init__(self, body: str) -> None:
        self.app = App(HEADER + body, filename="<render>")
        self.sent: list[tuple[str, object]] = []
        self.renderer = WidgetRenderer(lambda key, wire: self.sent.append((key, wire)))
        self.rerun()

    def rerun(self, changes: dict | None = None) -> "Drawn":
        self.renderer.render(self.app.run(changes))
        return self

    def browser(self, key: str = "k") -> "Drawn":
        """Deliver the last value the browser sent, as the session does, and rerun."""
        sent_key, wire = self.sent[-1]
        return self.rerun({sent_key: self.app.session_state.widget(key).deserialize(wire)})

    def push(self, value) -> "Drawn":
        """Set the widget's value from the app (st.session_state before the widget is drawn)."""
        self.app.session_state["push"] = value
        return self.rerun()

    def box(self, kind: str) -> w.Widget:
        found = list(_find(self.renderer.root, f"nbapp-{kind}"))
        assert len(found) == 1, found
        return found[0]


def _find(widget: w.Widget, css: str):
    if css in getattr(widget, "_dom_classes", ()):
        yield widget
    for child in getattr(widget, "children", ()):
        yield from _find(child, css)


class Case:
    def __init__(self, kind, call, control, trait, shown, browser, wire, push, pushed):
        self.kind, self.call, self.control, self.trait = kind, call, control, trait
        self.shown, self.browser, self.wire, self.push, self.pushed = shown, browser, wire, push, pushed

    def __repr__(self):
        return self.call.split("(")[0].replace("st.", "") + ("-range" if "range" in self.call else "")


CASES = [
    Case("checkbox", "st.checkbox('Pick', key='k')", w.Checkbox, "value", False, True, True, False, False),
    Case("toggle", "st.toggle('Pick', True, key='k')", w.Checkbox, "value", True, False, False, True, True),
    Case("radio", "st.radio('Pick', ['a', 'b', 'c'], key='k')", w.RadioButtons, "index", 0, 2, 2, "b", 1),
    Case("selectbox", "st.selectbox('Pick', ['a', 'b', 'c'], index=None, key='k')", w.Dropdown, "index",
         0, 2, 1, "c", 3),
    Case("multiselect", "st.multiselect('Pick', ['a', 'b', 'c'], key='k')", w.TagsInput, "value",
         [], ["c", "a"], [2, 0], ["b"], ["b"]),
    Case("slider", "st.slider('Pick', 0, 10, 3, key='k')", w.IntSlider, "value", 3, 7, 7, 1, 1),
    Case("slider", "st.slider('Pick', value=date(2024, 1, 1), min_value=date(2024, 1, 1), key='k')",
         w.SelectionSlider, "index", 0, 4, 4, date(2024, 1, 3), 2),
    Case("select_slider", "st.select_slider('Pick', ['S', 'M', 'L'], value=('S', 'M'), key='k')",
         w.SelectionRangeSlider, "index", (0, 1), (1, 2), (1, 2), ("S", "L"), (0, 2)),
    Case("text_area", "st.text_area('Pick', 'a\\nb', key='k')", w.Textarea, "value", "a\nb", "c", "c", "d", "d"),
    Case("color_picker", "st.color_picker('Pick', key='k')", w.ColorPicker, "value",
         "#000000", "#ff0000", "#ff0000", "#00ff00", "#00ff00"),
    Case("date_input", "st.date_input('Pick', date(2024, 1, 1), key='k')", w.DatePicker, "value",
         date(2024, 1, 1), date(2024, 2, 2), date(2024, 2, 2), date(2024, 3, 3), date(2024, 3, 3)),
    Case("time_input", "st.time_input('Pick', time(8), key='k')", w.TimePicker, "value",
         time(8), time(9, 30), time(9, 30), time(10), time(10)),
]


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_a_widget_draws_its_control_sends_changes_is_reused_and_shows_app_values(case):
    drawn = Drawn(case.call)
    box = drawn.box(case.kind)
    control = box.children[-1]
    assert type(control) is case.control
    assert "Pick" in (box.children[0].value if len(box.children) == 2 else control.description)
    assert getattr(control, case.trait) == case.shown

    setattr(control, case.trait, case.browser)  # what the browser does
    assert drawn.sent == [("k", case.wire)]

    drawn.browser()
    assert drawn.box(case.kind) is box and box.children[-1] is control  # same widgets: no flicker
    assert getattr(control, case.trait) == case.browser

    drawn.push(case.push)
    assert drawn.box(case.kind) is box
    assert getattr(control, case.trait) == case.pushed
    assert drawn.sent == [("k", case.wire)]  # a value from the app is not echoed back


def test_label_visibility_and_help_shape_the_label():
    drawn = Drawn("st.text_area('Shown', help='Why <b>')\nst.radio('Hidden', [1], label_visibility='hidden')\n"
                  "st.selectbox('Gone', [1], label_visibility='collapsed')\nst.checkbox('Box', label_visibility='collapsed')")
    shown = drawn.box("text_area").children[0]
    assert 'title="Why &lt;b&gt;"' in shown.value and shown.layout.display is None
    assert drawn.box("radio").children[0].layout.visibility == "hidden"
    assert drawn.box("selectbox").children[0].layout.display == "none"
    assert drawn.box("checkbox").children[0].description == ""


def test_disabled_reaches_the_control():
    drawn = Drawn("st.radio('R', [1], disabled=True)\nst.multiselect('M', [1], disabled=True)")
    assert drawn.box("radio").children[-1].disabled is True
    assert "nbapp-disabled" in drawn.box("multiselect").children[-1]._dom_classes  # TagsInput has no `disabled`


def test_new_options_draw_a_new_control_showing_the_new_default():
    drawn = Drawn("st.radio('R', st.session_state.get('opts', ['a', 'b']), index=1, key='k')")
    old = drawn.box("radio").children[-1]
    old.index = 0
    drawn.browser()
    drawn.app.session_state["opts"] = ["x", "y", "z"]
    drawn.rerun()
    control = drawn.box("radio").children[-1]
    assert control is not old  # new options are a new identity: a new control
    assert control.options == ("x", "y", "z") and control.index == 1


def test_radio_captions_and_horizontal_layout():
    control = Drawn("st.radio('R', ['a', 'b'], horizontal=True, captions=['first'])").box("radio").children[-1]
    assert control.options == ("a — first", "b") and control.orientation == "horizontal"


def test_text_input_is_a_typed_box_whose_text_reaches_the_app():
    drawn = Drawn("st.text_input('Mail', type='email', key='k')\nst.text_input('Code', validate=('^[0-9]+$', 'Digits'), "
                  "live=True, icon='🔑', required=True, max_chars=6)")
    mail, code = _find(drawn.renderer.root, "nbapp-text_input")
    assert (mail.props["input_type"], mail.props["placeholder"], mail.props["icon"], mail.props["autocomplete"]) == (
        "email", "you@example.com", "nbapp:mail", "email")
    assert mail.props["pattern"] == r"^[^\s@]+@[^\s@]+\.[^\s@]+$" and mail.props["live"] is None
    assert (code.props["pattern"], code.props["message"], code.props["live"], code.props["icon"], code.props["required"],
            code.props["max_chars"]) == ("^[0-9]+$", "Digits", 250, "🔑", True, 6)
    mail.value = "me@example.org"  # what text_input.js sends on Enter
    assert drawn.sent == [("k", "me@example.org")]
    drawn.browser()
    drawn.push("you@example.org")
    assert next(_find(drawn.renderer.root, "nbapp-text_input")) is mail and mail.value == "you@example.org"


def test_text_longer_than_max_chars_is_cut_in_the_box():
    drawn = Drawn("st.text_area('T', max_chars=3, key='k')")
    control = drawn.box("text_area").children[-1]
    control.value = "abcdef"
    assert control.value == "abc" and drawn.sent == [("k", "abc")]


def test_multiselect_undoes_a_choice_beyond_max_selections():
    drawn = Drawn("st.multiselect('M', ['a', 'b', 'c'], ['a'], max_selections=2, key='k')")
    control = drawn.box("multiselect").children[-1]
    control.value = ["a", "b", "c"]
    assert control.value == ["a", "b"] and drawn.sent == [("k", [0, 1])]


def test_an_emptied_picker_that_needs_a_date_shows_the_date_again():
    drawn = Drawn("st.date_input('D', date(2024, 1, 1), key='k')\nst.date_input('N', None, key='n')")
    needed, optional = (b.children[-1] for b in _find(drawn.renderer.root, "nbapp-date_input"))
    needed.value = None
    assert needed.value == date(2024, 1, 1) and drawn.sent == []
    optional.value = date(2024, 5, 5)
    optional.value = None
    assert drawn.sent == [("n", date(2024, 5, 5)), ("n", None)]


def test_a_date_range_is_two_pickers_sending_the_pair():
    drawn = Drawn("st.date_input('Period', (date(2024, 1, 1),), date(2023, 1, 1), date(2025, 1, 1), key='k')")
    start, _, end = drawn.box("date_input").children[-1].children
    assert (start.value, end.value) == (date(2024, 1, 1), None)
    assert (start.min, end.max) == (date(2023, 1, 1), date(2025, 1, 1))
    end.value = date(2024, 2, 1)
    assert drawn.sent == [("k", (date(2024, 1, 1), date(2024, 2, 1)))]
    drawn.browser()
    assert drawn.app.session_state["k"] == (date(2024, 1, 1), date(2024, 2, 1))


class TestNumberInput:
    def draw(self, call="st.number_input('N', 0, 10, 5, key='k')"):
        drawn = Drawn(call)
        text, minus, plus = drawn.box("number_input").children[-1].children
        return drawn, text, minus, plus

    def test_shows_the_formatted_value_and_sends_typed_numbers(self):
        drawn, text, _, _ = self.draw("st.number_input('N', value=0.5, format='%.3f', key='k')")
        assert text.value == "0.500"
        text.value = "1.25"
        assert drawn.sent == [("k", 1.25)]
        drawn.browser()
        assert text.value == "1.250"

    def test_a_value_set_by_the_app_reaches_the_box_and_the_buttons_step_from_it(self):
        drawn, text, _, plus = self.draw()
        drawn.push(2)
        assert text.value == "2" and drawn.sent == []
        plus.click()
        assert drawn.sent == [("k", 3)]

    def test_out_of_bounds_numbers_are_clamped_in_the_box_and_junk_is_undone(self):
        drawn, text, _, _ = self.draw()
        text.value = "50"
        assert text.value == "10" and drawn.sent == [("k", 10)]
        text.value = "lots"
        assert text.value == "10" and drawn.sent == [("k", 10)]

    def test_the_buttons_step_and_are_disabled_at_the_bounds(self):
        drawn, text, minus, plus = self.draw("st.number_input('N', 0, 10, 9, step=2, key='k')")
        plus.click()
        assert text.value == "10" and drawn.sent == [("k", 10)]
        drawn.browser()
        assert plus.disabled and not minus.disabled
        minus.click()
        assert drawn.sent[-1] == ("k", 8)

    def test_an_empty_box_is_none_only_when_the_widget_allows_it(self):
        drawn, text, _, plus = self.draw("st.number_input('N', value=None, placeholder='any', key='k')")
        assert (text.value, text.placeholder) == ("", "any")
        plus.click()
        assert drawn.sent == [("k", 0.0)]
        text.value = ""
        assert drawn.sent[-1] == ("k", None)
        drawn, text, _, _ = self.draw()
        text.value = ""
        assert text.value == "5" and drawn.sent == []


def browser_file(name: str, content: bytes, type: str = "") -> dict:
    """One file of FileUpload's value, as ipywidgets holds what the browser sent."""
    return {"name": name, "type": type, "size": len(content), "content": memoryview(content),
            "last_modified": datetime(2024, 1, 1, tzinfo=timezone.utc)}


def test_file_uploader_sends_files_lists_them_and_clears():
    drawn = Drawn("st.file_uploader('Data', type='csv', accept_multiple_files=True, key='k')")
    upload, clear = drawn.box("file_uploader").children[-1].children[0].children
    assert (upload.accept, upload.multiple) == (".csv", True)
    upload.value = (browser_file("a.csv", b"1,2", "text/csv"),)
    (key, wire), = drawn.sent
    assert key == "k" and wire[0]["name"] == "a.csv" and bytes(wire[0]["content"]) == b"1,2"
    drawn.browser()
    listing = drawn.box("file_uploader").children[-1].children[1]
    assert "a.csv" in listing.value and "3 B" in listing.value and clear.layout.display is None
    clear.click()
    assert upload.value == () and drawn.sent[-1] == ("k", [])


def test_a_reset_uploader_empties_its_control():
    drawn = Drawn("with st.form('f', clear_on_submit=True):\n    st.file_uploader('Data', key='k')\n"
                  "    st.form_submit_button('Send', key='go')")
    upload = drawn.box("file_uploader").children[-1].children[0].children[0]
    upload.value = (browser_file("a.txt", b"x"),)
    drawn.app.session_state.receive("k", drawn.sent[-1][1])  # held by the form
    drawn.rerun(drawn.app.session_state.receive("go", True))
    drawn.rerun()
    assert upload.value == ()


def test_download_button_sends_its_bytes_once_as_a_buffer_and_its_click_reaches_the_app():
    drawn = Drawn("st.text(str(st.download_button('Get', 'a,b', 'x.csv', 'text/csv', key='k', help='CSV')))")
    button = drawn.box("download")
    assert (button.data, button.mime, button.file_name, button.notify) == (b"a,b", "text/csv", "x.csv", True)
    assert 'download="x.csv"' in button.html and 'title="CSV"' in button.html and ">Get</a>" in button.html
    assert "onclick" not in button.html and "base64" not in button.html
    button._handle_custom_msg({"event": "click"}, [])  # what download.js sends when the anchor is clicked
    assert drawn.sent == [("k", True)]
    drawn.browser()
    assert drawn.box("download") is button


def test_deferred_download_data_is_made_on_a_worker_thread_when_the_browser_asks():
    drawn = Drawn("""
import threading
made = []
def report():
    made.append(threading.current_thread().name)
    return 'col\\n1\\n'
def broken():
    raise OSError('disk full')
st.download_button('Report', report, 'r.csv', 'text/csv', key='r')
st.download_button('Broken', broken, key='b')
st.text(f"made {len(made)}")
""")
    report, broken = _find(drawn.renderer.root, "nbapp-download")
    assert report.deferred and report.data == b"" and report.mime == "text/csv"
    sent, done = [], threading.Event()

    def send(content, buffers=None):
        sent.append((content, buffers))
        done.set()

    for box in (report, broken):
        box.send = send
        done.clear()
        box._handle_custom_msg({"event": "fetch"}, [])  # what download.js sends on a click
        assert done.wait(10)
    assert sent == [({"event": "data", "mime": "text/csv"}, [b"col\n1\n"]),
                    ({"event": "error", "message": "OSError: disk full"}, None)]
    assert drawn.sent == []  # asking for the bytes is not the click: that message reruns the app


def test_download_button_without_notification_or_name_or_when_disabled():
    drawn = Drawn("st.download_button('A', b'x', on_click='ignore')\nst.download_button('B', 'y', disabled=True)")
    quiet, off = _find(drawn.renderer.root, "nbapp-download")
    assert quiet.notify is False and quiet.file_name == "download.bin"
    assert 'aria-disabled="true"' in off.html and "nbapp-disabled" in off.html


def test_link_button_opens_a_new_tab():
    html = Drawn("st.link_button('Docs', 'https://example.org/?a=1&b=2', type='primary')").box("link-button").value
    assert 'href="https://example.org/?a=1&amp;b=2"' in html and 'target="_blank"' in html
    assert "nbapp-btn-primary" in html and ">Docs</a>" in html


def test_a_slider_format_d3_cannot_write_is_shown_by_nbapp_and_follows_the_value():
    # Streamlit's slider takes sprintf.js formats with text around the number and named formats;
    # ipywidgets' readout only takes d3-format, and "%d%%" used to stop the whole app from drawing.
    drawn = Drawn("st.slider('Pct', 0, 100, 25, format='%d%%', key='k')\n"
                  "st.slider('Money', 0.0, 10.0, 2.5, format='dollar')\n"
                  "st.slider('Trip', 0, 50, (10, 20), format='%d km')\n"
                  "st.slider('Plain', 0.0, 1.0, 0.5, format='%.1f')")
    pct, money, trip, plain = (box for box in _find(drawn.renderer.root, "nbapp-slider"))
    assert pct.children[-1].readout is False and "25%" in pct.children[0].value and "Pct" in pct.children[0].value
    assert "$2.50" in money.children[0].value
    assert "10 km – 20 km" in trip.children[0].value
    assert plain.children[-1].readout is True and plain.children[-1].readout_format == ".1f"
    assert "nbapp-slider-readout" not in plain.children[0].value
    pct.children[-1].value = 30  # the browser moves the slider
    drawn.browser()
    assert "30%" in pct.children[0].value and "25%" not in pct.children[0].value
