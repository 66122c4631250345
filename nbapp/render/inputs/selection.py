"""Option widgets: radio (RadioButtons), selectbox (Dropdown), multiselect (TagsInput).

The wire value is the option index (a list of indices for multiselect); the controls
show the labels the app computed with ``format_func``.
"""
from __future__ import annotations

import ipywidgets as w

from nbapp.render.inputs.base import REJECT, InputAdapter, set_options
from nbapp.render.registry import adapter


@adapter("radio")
class Radio(InputAdapter):
    trait = "index"

    def control(self, props):
        return w.RadioButtons()

    def configure(self, control, props):
        super().configure(control, props)
        captions = list(props["captions"] or []) + [""] * len(props["options"])
        labels = tuple(f"{label} — {caption}" if caption else label
                       for label, caption in zip(props["options"], captions))
        set_options(control, labels, props["value"])
        control.orientation = "horizontal" if props["horizontal"] else "vertical"


@adapter("selectbox")
class Selectbox(InputAdapter):
    """With ``index=None`` the placeholder is the first entry of the list and stands for None."""

    trait = "index"

    def control(self, props):
        return w.Dropdown()

    def configure(self, control, props):
        super().configure(control, props)
        head = (props["placeholder"],) if props["nullable"] else ()
        set_options(control, head + tuple(props["options"]), self.to_widget(props))

    def to_widget(self, props):
        value = props["value"]
        if props["nullable"]:
            return 0 if value is None else value + 1
        return value

    def from_widget(self, index, control):
        if control.nbapp_props["nullable"] and index is not None:
            return None if index == 0 else index - 1
        return index


@adapter("multiselect")
class Multiselect(InputAdapter):
    """Chips with autocompletion; TagsInput only accepts the allowed labels."""

    def control(self, props):
        return w.TagsInput(allow_duplicates=False)

    def configure(self, control, props):
        labels = list(props["options"])
        if list(control.allowed_tags) != labels:
            control.value = []  # the old tags may not be allowed any more
            control.allowed_tags = labels
            self.show(control, props)
        control.placeholder = props["placeholder"]
        (control.add_class if props["disabled"] else control.remove_class)("nbapp-disabled")

    def to_widget(self, props):
        return [props["options"][i] for i in props["value"]]

    def from_widget(self, tags, control):
        props = control.nbapp_props
        limit = props["max_selections"]
        if limit is not None and len(tags) > limit:
            control.value = list(tags[:limit])  # undo the extra tag; that change sends the value
            return REJECT
        labels = props["options"]
        return [labels.index(tag) for tag in tags if tag in labels]
