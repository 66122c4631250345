"""file_uploader: files from the browser as :class:`UploadedFile` objects (in-memory, file-like)."""
from __future__ import annotations

import hashlib
import io
import mimetypes
from collections.abc import Callable, Mapping
from typing import Any

from nbapp.elements.policies import check_bool, fail
from nbapp.elements.registry import element
from nbapp.elements.widgets.common import as_list
from nbapp.errors import describe
from nbapp.runtime.state import warn_value_rejected


class UploadedFile(io.BytesIO):
    """An uploaded file: a BytesIO (``read()``, ``getvalue()``, ``seek()``) with ``name``, ``type``
    (MIME type), ``size`` (bytes) and ``file_id`` (the same for the same name and content)."""

    def __init__(self, name: str, type: str, data: bytes, file_id: str) -> None:
        super().__init__(data)
        self.name = name
        self.type = type
        self.size = len(data)
        self.file_id = file_id

    def reopen(self) -> "UploadedFile":
        """Return a new UploadedFile with the same content, positioned at the start."""
        return UploadedFile(self.name, self.type, self.getvalue(), self.file_id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadedFile) and other.file_id == self.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        return f"UploadedFile(name={self.name!r}, type={self.type!r}, size={self.size}, file_id={self.file_id!r})"


def uploaded_file(name: str, data: bytes, type: str | None = None) -> UploadedFile:
    """Return the UploadedFile for ``data`` named ``name`` (MIME type guessed from the name when not given)."""
    file_id = hashlib.md5(name.encode() + b"\0" + data, usedforsecurity=False).hexdigest()
    mime = type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return UploadedFile(name, mime, data, file_id)


def _extensions(label: str, type: Any) -> list[str]:
    """Streamlit's ``type=``: extensions with or without the dot, any case; "jpg" also allows "jpeg"."""
    if type is None:
        return []
    exts = as_list(type)
    if not exts or not all(isinstance(e, str) and e.strip(".") for e in exts):
        raise fail("file_uploader", label, f"type must be a file extension such as 'csv', a list of them, or None; "
                                           f"got {describe(type)}.")
    exts = ["." + e.lower().lstrip(".") for e in exts]
    return exts + [".jpeg"] if ".jpg" in exts and ".jpeg" not in exts else exts


@element()
def file_uploader(dg, label: str, type: str | list[str] | None = None, accept_multiple_files: bool | str = False,
                  key: str | None = None, help: str | None = None, on_change: Callable | str | None = "rerun",
                  args: tuple | None = None, kwargs: dict | None = None, *, disabled: bool = False,
                  label_visibility: str = "visible",
                  max_upload_size: int | None = None,
                  width: int | str = "stretch") -> UploadedFile | list[UploadedFile] | None:
    """Display a file upload button; returns the uploaded :class:`UploadedFile` (None before an
    upload), or with ``accept_multiple_files=True`` a list of them (empty before an upload).
    ``accept_multiple_files="directory"`` returns a list too; the picker offers the files of a
    folder to select (ipywidgets' upload control has no folder picker).

    ``type`` restricts the extensions offered and accepted ("csv" or [".png", "jpg"]).
    Raises NbappAPIError for a bad ``type``, or when the value was set in st.session_state.

    Examples
    --------
    >>> f = st.file_uploader("Training data", type="csv")
    >>> if f is not None:
    ...     df = pd.read_csv(f)
    """
    exts = _extensions(label, type)
    if max_upload_size is not None and (not isinstance(max_upload_size, int) or isinstance(max_upload_size, bool)
                                        or max_upload_size <= 0):
        raise fail("file_uploader", label, f"max_upload_size must be a positive int (megabytes) or None, "
                                           f"got {describe(max_upload_size)}.")
    if accept_multiple_files != "directory":
        check_bool("file_uploader", "accept_multiple_files", accept_multiple_files, label=label)
    multiple = bool(accept_multiple_files)
    default: Any = [] if multiple else None

    def deserialize(raw: Any) -> Any:
        if raw is not None and not isinstance(raw, (list, tuple)):
            warn_value_rejected("file_uploader", label, raw, "is not a list of uploaded files; kept the default")
            return default
        files = []
        for item in raw or ():
            if not isinstance(item, Mapping) or not isinstance(item.get("name"), str) \
                    or not isinstance(item.get("content"), (bytes, bytearray, memoryview)):
                warn_value_rejected("file_uploader", label, item, "is not an uploaded file; ignored it")
                continue
            name = item["name"]
            if max_upload_size is not None and len(item["content"]) > max_upload_size * 1024 * 1024:
                warn_value_rejected("file_uploader", label, name, f"is larger than max_upload_size={max_upload_size} "
                                                                  "MB; ignored it")
                continue
            if exts and not name.lower().endswith(tuple(exts)):
                warn_value_rejected("file_uploader", label, name, f"is not one of {', '.join(exts)}; ignored it")
                continue
            files.append(uploaded_file(name, bytes(item["content"]), item.get("type") or None))
        if multiple:
            return files
        if len(files) > 1:
            warn_value_rejected("file_uploader", label, [f.name for f in files], "has several files but the "
                                "widget takes one; kept the last")
        return files[-1] if files else None

    def serialize(value: Any) -> list[dict[str, Any]]:
        files = list(value) if isinstance(value, (list, tuple)) else [] if value is None else [value]
        if not all(isinstance(f, UploadedFile) for f in files):
            raise fail("file_uploader", label, "its value cannot be set with st.session_state (only the user "
                                               f"can upload files); got {describe(value)}.")
        return [{"name": f.name, "size": f.size, "file_id": f.file_id} for f in files]

    def to_wire(value: Any) -> list[dict[str, Any]]:
        files = [] if value is None else list(value) if isinstance(value, (list, tuple)) else [value]
        return [{"name": f.name, "type": f.type, "content": f.getvalue()} for f in files]

    value = dg._widget(
        "file_uploader", label, key=key, default=default,
        identity={"label": label, "type": exts, "multiple": multiple, "help": help},
        bounds={"type": exts, "multiple": multiple},
        props={"accept": ",".join(exts), "multiple": multiple},
        serialize=serialize, deserialize=deserialize, to_wire=to_wire, on_change=on_change, args=args,
        kwargs=kwargs, help=help, disabled=disabled, label_visibility=label_visibility,
    )
    # A fresh file object per run: a run that read the file to its end must not leave
    # the next run reading b"" (as Streamlit, which builds new objects on each run).
    if isinstance(value, list):
        return [f.reopen() for f in value]
    return value.reopen() if value is not None else None
