"""Read-only views of a run's tree for AppTest, with widget setters that feed the next run."""
from __future__ import annotations

from typing import Any

from nbapp import tree
from nbapp.elements.chat import ChatInputValue
from nbapp.elements.registry import KINDS
from nbapp.elements.widgets.upload import uploaded_file


_CLICK = object()  # click() without an option



class AppTestError(Exception):
    """An interaction a browser user cannot perform (setting a disabled widget), as Streamlit's AppTest raises."""


class Element:
    """One drawn element. ``.value`` is its content (text) or current value (widgets); other
    attributes read its properties (``.label``, ``.min``, ``.options``...)."""

    def __init__(self, node: tree.Element, at) -> None:
        self._node = node
        self._at = at

    @property
    def kind(self) -> str:
        return self._node.kind

    @property
    def props(self) -> dict[str, Any]:
        """Everything the element hands to the renderer (for widgets, ``value`` in wire form)."""
        return self._node.props

    @property
    def key(self) -> str | None:
        """The widget's ``key=`` argument, if one was given."""
        state_key = self._node.props.get("state_key")
        return None if state_key is None or state_key.startswith("$$ID-") else state_key

    @property
    def value(self) -> Any:
        props = self._node.props
        kind = KINDS.get(self.kind)
        if kind is not None and kind.value and kind.value in props:  # a dataframe's data, even when it selects
            return props[kind.value]
        if "state_key" in props:
            return self._at._value(props["state_key"])
        return props.get("value")

    def __getattr__(self, name: str) -> Any:
        try:
            return self._node.props[name]
        except KeyError:
            raise AttributeError(f"{self.kind} element has no attribute {name!r}") from None

    # -- widget setters (each returns self so `.run()` can follow) ----------------
    def set_value(self, value: Any) -> "Element":
        """Set the widget's value for the next run (a camera or audio input also takes
        ``(filename, content, mime_type)``, as in Streamlit's AppTest)."""
        state_key = self._node.props.get("state_key")
        if state_key is None:
            raise TypeError(f"{self.kind} is not a widget: it has no value to set")
        if self._node.props.get("disabled"):
            raise AppTestError(f"Cannot update a disabled {self.kind} widget ({self._node.props.get('label')!r}). "
                               "A browser user cannot interact with a disabled widget.")
        if isinstance(value, tuple) and self.kind in ("camera_input", "audio_input"):
            value = uploaded_file(*value)
        pending = self._at._pending.get(state_key)
        if self.kind == "chat_input" and isinstance(pending, ChatInputValue) and isinstance(value, str):
            value = ChatInputValue(value, pending._files)  # files uploaded before the text stay staged
        self._at._set(state_key, value)
        return self

    def upload(self, filename: str, content: bytes, mime_type: str | None = None) -> "Element":
        """Attach a file: a chat_input's file for its next submit, a camera_input's photo, an
        audio_input's recording, a file_uploader's file (added to a multiple one)."""
        file = uploaded_file(filename, content, mime_type)
        if self.kind == "chat_input":
            pending = self._at._pending.get(self._node.props["state_key"])
            text = pending.text if isinstance(pending, ChatInputValue) else pending or ""
            files = pending._files if isinstance(pending, ChatInputValue) else []
            return self.set_value(ChatInputValue(text, files + [file] if self.accept_file is not True else [file]))
        if self.kind == "file_uploader" and self._node.props.get("multiple"):
            return self.set_value(list(self.value or []) + [file])
        return self.set_value(file)

    def clear(self) -> "Element":
        """Remove the attached file(s): a chat_input's staged files (its text stays), an upload, a photo."""
        if self.kind == "chat_input":
            key = self._node.props["state_key"]
            pending = self._at._pending.get(key)
            self._at._set(key, pending.text if isinstance(pending, ChatInputValue) else pending)
            return self
        return self.set_value([] if self._node.props.get("multiple") else None)

    def click(self, option: Any = _CLICK) -> "Element":
        """Click a button (True on the next run only); ``click(option)`` picks a menu_button's option."""
        return self.set_value(True if option is _CLICK else option)

    def check(self) -> "Element":
        """Tick a checkbox or toggle."""
        return self.set_value(True)

    def uncheck(self) -> "Element":
        """Untick a checkbox or toggle."""
        return self.set_value(False)

    def input(self, value: str) -> "Element":
        """Type ``value`` into a text input or text area."""
        return self.set_value(value)

    def select(self, value: Any) -> "Element":
        """Choose ``value`` in a radio, selectbox or select_slider; add it to a multiselect."""
        if self.kind == "multiselect" or self._node.props.get("selection_mode") == "multi":
            current = list(self.value)
            return self.set_value(current + [value] if value not in current else current)
        return self.set_value(value)

    def unselect(self, value: Any) -> "Element":
        """Remove ``value`` from a multiselect."""
        return self.set_value([v for v in self.value if v != value])

    def set_range(self, lower: Any, upper: Any) -> "Element":
        """Set both ends of a range slider."""
        return self.set_value((lower, upper))

    def increment(self) -> "Element":
        """Add one step to a number input."""
        return self.set_value(min(self.value + self._node.props["step"], self._bound("max", self.value + self._node.props["step"])))

    def decrement(self) -> "Element":
        """Subtract one step from a number input."""
        return self.set_value(max(self.value - self._node.props["step"], self._bound("min", self.value - self._node.props["step"])))

    def _bound(self, name: str, fallback: Any) -> Any:
        bound = self._node.props.get(name)
        return fallback if bound is None else bound

    def run(self, *, timeout: float | None = None):
        """Run the app again (shortcut for ``at.run()``); returns the AppTest."""
        return self._at.run(timeout=timeout)

    def __repr__(self) -> str:
        return f"{self.kind}({self._node.props.get('label', self.value)!r})"


class ElementList(list):
    """A list of elements of one kind; ``.values`` lists their values, ``lst(key=...)`` finds one."""

    @property
    def values(self) -> list[Any]:
        return [e.value for e in self]

    def __call__(self, key: str) -> Element:
        for element in self:
            if element.key == key:
                return element
        raise KeyError(f"no element with key {key!r}")


class Block:
    """A container of the tree (the app, the sidebar, a column...). Attribute ``kind`` lists the
    elements of that kind below it, e.g. ``block.slider``, ``block.columns``, ``block.markdown``."""

    def __init__(self, node: tree.Block | None, at) -> None:
        self._node = node
        self._at = at

    def _nodes(self):
        if self._node is None:
            raise RuntimeError("call run() before reading elements")
        return self._node.walk()

    @property
    def children(self) -> list[Any]:
        """The direct children, as Element or Block views, as Streamlit's AppTest lists them: an
        ``st.empty`` slot that holds an element is that element (an empty one is an "empty"), and a
        spinner's transient placeholder is not listed."""
        return [wrap(_filled(c), self._at) for c in self._node.children if not c.props.get("transient")]

    @property
    def main(self) -> "Block":
        return self._find_block("main")

    @property
    def sidebar(self) -> "Block":
        return self._find_block("sidebar")

    def _find_block(self, kind: str) -> "Block":
        for node in self._nodes():
            if isinstance(node, tree.Block) and node.kind == kind:
                return Block(node, self._at)
        raise LookupError(f"no {kind} in this app")

    @property
    def data_editor(self) -> ElementList:
        """The ``st.data_editor`` elements: dataframes that are not read-only (``at.dataframe`` lists them too)."""
        return ElementList(e for e in self.get("dataframe") if e.props.get("editing_mode", "read_only") != "read_only")

    def get(self, kind: str) -> ElementList:
        """Return every element (or block) of ``kind`` below this block, in document order.

        ``kind`` may also be an accessor that several kinds share, as in Streamlit's AppTest:
        ``button`` lists form submit buttons too, ``button_group`` pills and segmented controls.
        """
        kinds = {k.name for k in KINDS.values() if k.accessor == kind}
        if not kinds or (kind in KINDS and KINDS[kind].accessor is None):
            kinds.add(kind)
        return ElementList(wrap(n, self._at) for n in self._nodes() if n.kind in kinds and not n.props.get("transient"))

    def __getattr__(self, name: str) -> Any:
        """A prop of the block (``chat_message.name``, ``status.state``), else the list of elements of that kind."""
        if name.startswith("_"):
            raise AttributeError(name)
        if self._node is not None and name in self._node.props:
            return self._node.props[name]
        return self.get(name)

    def __getitem__(self, index: int):
        return self.children[index]

    def __len__(self) -> int:
        return len(self.children)

    @property
    def kind(self) -> str:
        return self._node.kind

    @property
    def label(self) -> str | None:
        return self._node.props.get("label")

    @property
    def props(self) -> dict[str, Any]:
        return self._node.props


def _filled(node):
    """What an ``st.empty`` slot shows: the one node written into it (itself when it holds none)."""
    while isinstance(node, tree.Block) and node.kind == "empty" and len(node.children) == 1:
        node = node.children[0]
    return node


def wrap(node, at):
    """Return the view (Element or Block) for a tree node."""
    return Block(node, at) if isinstance(node, tree.Block) else Element(node, at)
