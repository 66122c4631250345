"""SessionState: widget values by identity, front-end changes, buttons, forms, cleanup of vanished widgets."""
from __future__ import annotations

import pytest

from nbapp.errors import NbappAPIError
from nbapp.runtime.state import SessionState, WidgetMeta, warn_value_rejected


def meta(key: str = "$$ID-a", identity: str = "a", default=0, kind: str = "slider", **extra) -> WidgetMeta:
    return WidgetMeta(id=key, kind=kind, key=None if key.startswith("$$ID-") else key, identity=identity,
                      default=default, deserialize=lambda v: v, **extra)


def test_a_new_widget_starts_at_its_default_and_keeps_changed_values():
    state = SessionState()
    state.forget_drawn()
    assert state.register(meta(default=3)) == 3
    assert [m.id for m in state.apply_changes({"$$ID-a": 7})] == ["$$ID-a"]
    state.forget_drawn()
    assert state.register(meta(default=3)) == 7


def test_an_unchanged_value_is_not_reported_as_a_change():
    state = SessionState()
    state.register(meta(default=3))
    assert state.apply_changes({"$$ID-a": 3}) == []
    assert state.apply_changes({"gone": 1}) == []


def test_a_new_identity_for_the_same_key_starts_from_the_new_default():
    state = SessionState()
    state.forget_drawn()
    state.register(meta("k", identity="0..10", default=5))
    state.apply_changes({"k": 9})
    state.forget_drawn()
    assert state.register(meta("k", identity="0..5", default=1)) == 1


def test_keyed_values_are_user_visible_and_anonymous_ones_are_not():
    state = SessionState()
    state.register(meta("$$ID-anon"))
    state.register(meta("named", default=2))
    state["note"] = "hi"
    assert sorted(state) == ["named", "note"]
    assert state.to_dict() == {"named": 2, "note": "hi"}
    assert len(state) == 2 and "named" in state and state.named == 2


def test_setting_a_drawn_widget_key_raises_but_before_drawing_sets_its_value():
    state = SessionState()
    state["k"] = 4
    state.forget_drawn()
    assert state.register(meta("k", default=0)) == 4
    with pytest.raises(NbappAPIError, match="cannot be modified after the widget with key `k` is instantiated"):
        state["k"] = 5


def test_missing_keys_raise_key_and_attribute_errors_that_explain_the_fix():
    state = SessionState()
    with pytest.raises(KeyError, match="Did you forget to initialize it"):
        state["nope"]
    with pytest.raises(AttributeError, match='st.session_state has no key "nope"'):
        state.nope
    with pytest.raises(AttributeError):
        del state.nope


def test_widgets_not_drawn_in_a_completed_run_lose_their_state():
    state = SessionState()
    state.forget_drawn()
    state.register(meta("a", default=1))
    state.register(meta("b", default=2))
    state.forget_drawn()
    state.register(meta("a", default=1))
    state.end_run()
    assert "b" not in state and state.widget("b") is None
    assert state.a == 1


def test_buttons_are_true_for_one_run_only():
    state = SessionState()
    button = meta("go", default=False, trigger=True)
    state.register(button)
    assert state.apply_changes({"go": True}) == [button]
    assert state.go is True
    state.reset_triggers()
    assert state.go is False


def test_callbacks_run_in_order_with_their_arguments():
    calls = []
    state = SessionState()
    first = meta("a", on_change=calls.append, args=("a",))
    second = meta("b", on_change=lambda *, tag: calls.append(tag), kwargs={"tag": "b"})
    state.run_callbacks([first, second, meta("c")])
    assert calls == ["a", "b"]


def test_form_inputs_wait_for_the_submit_button():
    state = SessionState()
    state.register(meta("n", default=1, form_id="f"))
    state.register(meta("submit", default=False, kind="form_submit_button", trigger=True, form_id="f"))
    state.register(meta("free", default=0))
    assert state.receive("n", 5) is None
    assert state.receive("free", 3) == {"free": 3}
    assert state.receive("submit", True) == {"n": 5, "submit": True}
    assert state.receive("submit", True) == {"submit": True}  # nothing held any more


def test_reset_form_puts_form_widgets_back_to_their_defaults():
    state = SessionState()
    state.register(meta("n", default=1, form_id="f"))
    state.register(meta("other", default=0))
    state.apply_changes({"n": 8, "other": 9})
    state.reset_form("f")
    assert (state.n, state.other) == (1, 9)


def test_rejected_browser_values_warn_instead_of_failing():
    with pytest.warns(RuntimeWarning, match=r"st.slider\('x'\): value 500 from the browser clamped to 0..100"):
        warn_value_rejected("slider", "x", 500, "clamped to 0..100")
