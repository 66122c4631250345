"""file_uploader: a FileUpload button, a clear button, and the list of uploaded files."""
from __future__ import annotations

import html

import ipywidgets as w

from nbapp.render.inputs.base import InputAdapter
from nbapp.render.registry import adapter, classed


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1000:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


def _files_html(props) -> str:
    """The uploaded files, or before an upload the accepted types (as Streamlit's drop zone shows them)."""
    if props["value"]:
        items = "".join(f'<li><span class="nbapp-file-name">{html.escape(f["name"])}</span> '
                        f'<span class="nbapp-file-size">{_size(f["size"])}</span></li>' for f in props["value"])
        return f'<ul class="nbapp-files">{items}</ul>'
    if props["accept"]:
        types = props["accept"].upper().replace(".", "").replace(",", ", ")
        return f'<div class="nbapp-caption">{html.escape(types)}</div>'
    return ""


@adapter("file_uploader")
class FileUploader(InputAdapter):
    """The wire value is FileUpload's own: a list of {name, type, size, content, last_modified}."""

    def control(self, props):
        upload = w.FileUpload(description="Browse files", icon="upload")
        clear = classed(w.Button(description="Clear", icon="times", tooltip="Remove the uploaded files"),
                        "nbapp-upload-clear")
        clear.on_click(lambda _: setattr(upload, "value", ()))
        return classed(w.VBox(children=(w.HBox(children=(upload, clear)), w.HTML())), "nbapp-upload")

    def configure(self, box, props):
        (upload, clear), files = box.children[0].children, box.children[1]
        upload.accept = props["accept"]
        upload.multiple = props["multiple"]
        upload.disabled = props["disabled"]
        clear.disabled = props["disabled"]
        clear.layout.display = None if props["value"] else "none"
        files.value = _files_html(props)

    def push(self, box, props):
        if not props["value"]:  # the app cleared it (a reset, clear_on_submit): empty the control too
            box.children[0].children[0].value = ()

    def listen(self, box, emit):
        upload = box.children[0].children[0]
        upload.observe(lambda change: emit([dict(f) for f in change["new"]]), "value")
