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
    """With ``index=None`` the placeholder is the first entry of the list and stands for None.

    With ``accept_new_options`` it is a Combobox instead: the options are suggestions and
    any text typed is sent as itself (an option's label is sent as its index).
    """

    trait = "index"
    structure = ("accept_new_options",)

    def control(self, props):
        if props.get("accept_new_options"):
            return w.Combobox(ensure_option=False, continuous_update=False)
        return w.Dropdown()

    def configure(self, control, props):
        super().configure(control, props)
        if isinstance(control, w.Combobox):
            control.options = tuple(props["options"])
            control.placeholder = props["placeholder"]
            return
        head = (props["placeholder"],) if props["nullable"] else ()
        set_options(control, head + tuple(props["options"]), self.to_widget(props))

    def push(self, control, props):
        if isinstance(control, w.Combobox):
            value = props["value"]
            control.value = props["options"][value] if isinstance(value, int) else value or ""
        else:
            super().push(control, props)

    def listen(self, control, emit):
        trait = "value" if isinstance(control, w.Combobox) else "index"
        control.observe(lambda change: self.send(emit, change["new"], control), trait)

    def to_widget(self, props):
        value = props["value"]
        if props["nullable"]:
            return 0 if value is None else value + 1
        return value

    def from_widget(self, index, control):
        if isinstance(control, w.Combobox):
            labels = control.nbapp_props["options"]
            return labels.index(index) if index in labels else (index or None)
        if control.nbapp_props["nullable"] and index is not None:
            return None if index == 0 else index - 1
        return index


@adapter("multiselect")
class Multiselect(InputAdapter):
    """Chips with autocompletion; TagsInput only accepts the allowed labels."""

    def control(self, props):
        return w.TagsInput(allow_duplicates=False)

    def configure(self, control, props):
        labels = [] if props.get("accept_new_options") else list(props["options"])  # []: any text is a tag
        if list(control.allowed_tags) != labels:
            control.value = []  # the old tags may not be allowed any more
            control.allowed_tags = labels
            self.show(control, props)
        control.placeholder = props["placeholder"]
        (control.add_class if props["disabled"] else control.remove_class)("nbapp-disabled")

    def to_widget(self, props):
        return [i if isinstance(i, str) else props["options"][i] for i in props["value"]]

    def from_widget(self, tags, control):
        props = control.nbapp_props
        limit = props["max_selections"]
        if limit is not None and len(tags) > limit:
            control.value = list(tags[:limit])  # undo the extra tag; that change sends the value
            return REJECT
        labels = props["options"]
        if props.get("accept_new_options"):
            return [labels.index(tag) if tag in labels else tag for tag in tags]
        return [labels.index(tag) for tag in tags if tag in labels]
