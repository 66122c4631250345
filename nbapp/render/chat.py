"""Chat on the page: a chat message (avatar beside its content) and the "bottom" root that holds st.chat_input."""
from __future__ import annotations

import html

import ipywidgets as w

from nbapp.render.registry import BlockAdapter, adapter, changed, classed

# Drawn as text, not an icon font: a page with no network has no Material Symbols.
_ICONS = {"user": "🧑", "assistant": "🤖"}


def avatar_html(props: dict) -> str:
    """Return the avatar's HTML: an image, an emoji, a preset icon or the name's first letter."""
    kind, value = props.get("avatar_type"), props.get("avatar") or ""
    if kind == "image":
        return f'<img class="nbapp-chat-avatar-img" src="{html.escape(value)}" alt="{html.escape(props["name"])}">'
    if kind == "icon":
        glyph = _ICONS.get(value, "•")
        return f'<span class="nbapp-chat-avatar-icon nbapp-chat-avatar-{html.escape(value)}">{glyph}</span>'
    return f'<span class="nbapp-chat-avatar-icon">{html.escape(value)}</span>'


@adapter("chat_message")
class ChatMessage(BlockAdapter):
    """An HBox: the avatar, then a VBox with the message's elements."""

    def create(self, props, emit):
        avatar = classed(w.HTML(avatar_html(props)), "nbapp-chat-avatar")
        body = classed(w.VBox(), "nbapp-chat-body")
        box = classed(w.HBox(children=(avatar, body)), "nbapp-chat-message", f"nbapp-chat-{_role(props)}")
        if props.get("width") == "content":
            box.add_class("nbapp-chat-fit")
        return box

    def update(self, widget, props, old):
        if changed(props, old, "name", "width"):
            return False
        widget.children[0].value = avatar_html(props)
        return True

    def set_children(self, widget, children):
        body = widget.children[1]
        if body.children != children:
            body.children = children


def _role(props: dict) -> str:
    value = props.get("avatar") if props.get("avatar_type") == "icon" else props.get("name", "").lower()
    return {"human": "user", "ai": "assistant"}.get(value, value) if value in ("user", "assistant", "human", "ai") \
        else "other"


@adapter("bottom")
class Bottom(BlockAdapter):
    """The root below the main column: pinned to the bottom of a served page, inline in a notebook (see chat.css)."""

    def create(self, props, emit):
        return classed(w.VBox(), "nbapp-bottom")
