"""Session state: user entries, widget values by identity, and the callbacks of changed widgets."""
from __future__ import annotations

import contextlib
import contextvars
import warnings
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from nbapp.errors import NbappAPIError, RerunException, describe

PAGE_KEY = "$$ID-navigation"  # the navigation's hidden widget: its value is the current page (see elements/pages.py)
PERSIST_SCOPES = ("page", "session")
_quiet: contextvars.ContextVar[list | None] = contextvars.ContextVar("nbapp_quiet_rejections", default=None)


@dataclass
class WidgetMeta:
    """What the runtime remembers about a widget drawn in a run."""

    id: str
    kind: str
    key: str | None
    identity: str
    default: Any
    deserialize: Callable[[Any], Any]
    serialize: Callable[[Any], Any] = lambda value: value
    on_change: Callable[..., None] | None = None
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    trigger: bool = False
    form_id: str | None = None
    label: str = ""
    scope: str | None = None  # the fragment that drew it (None: the script itself)
    to_wire: Callable[[Any], Any] | None = None  # what a browser sends for a value, when not ``serialize``
    rerun: bool = True  # False: on_change="ignore", a change is stored without rerunning the app
    url: Any = None  # bind="query-params": the widget's UrlCodec (nbapp.runtime.binding), else None
    persist: str | None = None  # persist_state: "page" or "session" keeps the value while the widget is not drawn
    page: str | None = None  # the page (navigation URL path) that drew it
    disabled: bool = False  # a browser cannot change it: its changes are dropped (Streamlit 1.67 enforces this)

    def browser_value(self, value: Any) -> Any:
        """Return what a browser would send to set the widget to ``value`` (AppTest's setters use it)."""
        return (self.to_wire or self.serialize)(value)

    @property
    def state_key(self) -> str:
        return self.key if self.key is not None else self.id


class SessionState(MutableMapping):
    """``st.session_state``: a dict with attribute access that also holds widget values.

    A widget's value is readable under its ``key``. Setting a key before its widget is
    drawn in a run makes that the widget's value; setting it after raises.
    """

    def __init__(self) -> None:
        object.__setattr__(self, "_values", {})
        object.__setattr__(self, "_widgets", {})  # state key -> WidgetMeta
        object.__setattr__(self, "_drawn", set())  # state keys drawn in the current run
        object.__setattr__(self, "_forms", {})  # form id -> {state key: value} held until submit
        object.__setattr__(self, "_assigned", set())  # keys the app set or deleted since their widget was drawn
        object.__setattr__(self, "_pushes", {})  # state key -> times the app overrode the browser's value
        object.__setattr__(self, "_incoming", {})  # state key -> value before this run's browser change
        # Called with (meta, value) when a value is stored without a rerun (on_change="ignore"): a bound widget's URL.
        object.__setattr__(self, "on_stored", None)

    # -- mapping protocol (user-facing) --------------------------------------------
    def __getitem__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise KeyError(_missing(key)) from None

    def __setitem__(self, key: str, value: Any) -> None:
        meta = self._widgets.get(key)
        if meta is not None and key in self._drawn:
            raise NbappAPIError(
                f"`st.session_state.{key}` cannot be modified after the widget with key "
                f"`{key}` is instantiated. Set it before the widget is drawn, or in a callback."
            )
        self._values[key] = value
        self._assigned.add(key)

    def __delitem__(self, key: str) -> None:
        try:
            del self._values[key]
        except KeyError:
            raise KeyError(_missing(key)) from None
        self._assigned.add(key)  # a deleted widget key shows its default again

    def __iter__(self) -> Iterator[str]:
        return iter([k for k in self._values if not _is_anonymous(k)])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __getattr__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(_missing(key)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError as err:
            raise AttributeError(err.args[0]) from None

    def __repr__(self) -> str:
        return f"SessionState({ {k: self._values[k] for k in self} !r})"

    def to_dict(self) -> dict[str, Any]:
        """Return a plain copy of the user-visible entries (keyed widgets included)."""
        return {k: self._values[k] for k in self}

    # -- runtime side --------------------------------------------------------------
    def forget_drawn(self) -> None:
        """Forget which widgets were drawn: before a run, and after one (every key is settable between runs)."""
        self._drawn.clear()

    def register(self, meta: WidgetMeta) -> Any:
        """Record a widget drawn in this run and return its current value.

        The value is the one in state (a front-end change or an API assignment) when the
        widget's identity is unchanged, else its default. A value the app assigned wins
        over both, and counts as a push (see :meth:`pushes`).
        """
        key = meta.state_key
        old = self._widgets.get(key)
        if meta.disabled and key in self._incoming and key not in self._assigned:
            # Disabled in this run (its own callback disabled it): as Streamlit 1.67, the browser's
            # change is dropped and the widget keeps its previous value (a button: not clicked).
            self._values[key] = self._incoming.pop(key)
            self._push(key)
        if key in self._assigned:
            self._assigned.discard(key)
            self._push(key)
        elif old is not None and old.identity != meta.identity and key not in self._drawn:
            self._values.pop(key, None)  # the value's bounds changed: start from the default
        self._widgets[key] = meta
        self._drawn.add(key)
        if key not in self._values:
            self._values[key] = meta.default
        return self._values[key]

    def apply_changes(self, changes: dict[str, Any]) -> list[WidgetMeta]:
        """Store front-end values (already deserialized); return the widgets whose value changed."""
        changed = []
        for key, value in changes.items():
            meta = self._widgets.get(key)
            if meta is None or meta.disabled:
                continue  # the widget vanished since the browser sent this, or cannot be changed
            if meta.trigger or not _same(self._values.get(key, meta.default), value):
                self._incoming[key] = meta.default if meta.trigger else self._values.get(key, meta.default)
                self._values[key] = value
                changed.append(meta)
        return changed

    def pushes(self, key: str) -> int:
        """Return how often the app overrode this widget's value (an assignment, a cleared form).

        The renderer only pushes a value that changed since the last run, so a value the
        user typed in the browser would survive the app setting the old value back (a
        callback that empties a text box); a new count makes it show the app's value.
        """
        return self._pushes.get(key, 0)

    def run_callbacks(self, metas: list[WidgetMeta]) -> tuple[list[str], bool]:
        """Call ``on_change`` / ``on_click`` of each changed widget, in the order given.

        As in Streamlit 1.67, each callback votes: returning, or calling ``st.rerun()``, asks
        for the interaction's own rerun (which follows the callbacks anyway, so nothing
        loops); ``st.rerun("key")`` asks for the named fragments instead. Returns the
        fragment ids asked for (in order, once each) and whether any callback asked for
        the interaction's own rerun.
        """
        targets: list[str] = []
        default = False
        for meta in metas:
            if meta.on_change is None:
                continue
            try:
                meta.on_change(*meta.args, **meta.kwargs)
            except RerunException as rerun:
                if rerun.stale:
                    raise
                if not rerun.targets:
                    default = True
                targets += [t for t in rerun.targets or () if t not in targets]
            else:
                default = True
        return targets, default

    def reset_triggers(self, only_drawn: bool = False) -> None:
        """Buttons (and chat_input) hold their value for one run only: the one that reached them.

        ``only_drawn`` is for a run cut short by newer state: a button it drew was seen by
        the script (its branch may have run, so it must not run again), one it never
        reached keeps its click for the next run.
        """
        self._incoming.clear()  # the browser's changes have reached the run (or never will)
        for key, meta in self._widgets.items():
            if meta.trigger and (not only_drawn or key in self._drawn):
                self._values[key] = meta.default  # False for buttons, None for chat_input

    def end_run(self, scope: str | None = None) -> None:
        """After a completed run, widgets that were not drawn lose their state.

        A run of the whole script (``scope`` None) prunes every widget it did not draw; a
        run of one fragment prunes only the widgets of that fragment.
        """
        page = self._values.get(PAGE_KEY)
        for key in [k for k, m in self._widgets.items()
                    if k not in self._drawn and (scope is None or m.scope == scope)]:
            meta = self._widgets[key]
            if meta.url is not None or meta.persist == "session" or (meta.persist == "page" and meta.page == page):
                continue  # persist_state / bind: the value waits for the widget to be drawn again
            del self._widgets[key]
            self._values.pop(key, None)
            self._pushes.pop(key, None)

    def when_stored(self, callback: Callable[[WidgetMeta, Any], None] | None) -> None:
        """Call ``callback(meta, value)`` whenever a browser value is stored without a rerun (``on_change="ignore"``)."""
        object.__setattr__(self, "on_stored", callback)

    def drawn(self, key: str) -> bool:
        """True when the widget with this state key was drawn in the current run."""
        return key in self._drawn

    def seed(self, key: str, value: Any) -> None:
        """Give a widget about to be drawn a value from outside the app (its URL query parameter).

        It wins over a value in state, as an assignment by the app would, and the browser is
        told to show it.
        """
        self._values[key] = value
        self._assigned.add(key)

    def widget(self, key: str) -> WidgetMeta | None:
        """Return the meta of the widget with this state key, if one was drawn."""
        return self._widgets.get(key)

    def receive(self, key: str, wire: Any) -> dict[str, Any] | None:
        """The one way in for a value from the browser: return the changes it causes for the next run.

        ``wire`` is what the front end sends; the widget's deserializer turns it into the
        app's value, clamping it or keeping the default with a RuntimeWarning when it is out
        of bounds or malformed. A form widget's value waits in its form (None is returned), and so
        does a widget with ``on_change="ignore"``'s, stored at once without a rerun;
        the form's submit button releases them all at once. An input for a widget that no
        longer exists is dropped (None). Callbacks run when the changes are applied
        (:meth:`apply_changes`, :meth:`run_callbacks`).
        """
        meta = self._widgets.get(key)
        if meta is None:
            return None
        value = meta.deserialize(wire)
        if meta.form_id is None and not meta.rerun:
            self._values[key] = value  # on_change="ignore": the next run reads it; this one causes none
            if self.on_stored is not None:
                self.on_stored(meta, value)
            return None
        if meta.form_id is None:
            return {key: value}
        if meta.kind == "form_submit_button":
            return {**self._forms.pop(meta.form_id, {}), key: value}
        self._forms.setdefault(meta.form_id, {})[key] = value
        return None

    def reset_form(self, form_id: str) -> list[WidgetMeta]:
        """``clear_on_submit``: put every widget of the form back to its default; returns them."""
        reset = [m for m in self._widgets.values() if m.form_id == form_id and not m.trigger]
        for meta in reset:
            self._values[meta.state_key] = meta.default
            self._push(meta.state_key)
        return reset

    def _push(self, key: str) -> None:
        self._pushes[key] = self._pushes.get(key, 0) + 1


def _missing(key: str) -> str:
    return (
        f'st.session_state has no key "{key}". Did you forget to initialize it? '
        f"Use `if {key!r} not in st.session_state: st.session_state[{key!r}] = ...`."
    )


def _is_anonymous(key: str) -> bool:
    return key.startswith("$$ID-")


def same(a: Any, b: Any) -> bool:
    """``a == b`` as a bool, for values that may be arrays (compared by identity then)."""
    return _same(a, b)


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:  # e.g. arrays: ambiguous truth value
        return a is b


@contextlib.contextmanager
def quiet_rejections() -> Iterator[list[str]]:
    """Inside, :func:`warn_value_rejected` warns nothing and adds its reason to the list yielded.

    For a value read from the URL: it is checked as a browser's would be, and one that had
    to be clamped or replaced counts as invalid.
    """
    reasons: list[str] = []
    token = _quiet.set(reasons)
    try:
        yield reasons
    finally:
        _quiet.reset(token)


def warn_value_rejected(kind: str, label: str, value: Any, reason: str) -> None:
    """Warn that a value from the browser was clamped or ignored; never raises."""
    reasons = _quiet.get()
    if reasons is not None:
        reasons.append(reason)
        return
    warnings.warn(
        f"st.{kind}({label!r}): value {describe(value)} from the browser {reason}",
        RuntimeWarning,
        stacklevel=2,
    )
