"""camera_input and audio_input: a photo or a recording from the browser, as an :class:`UploadedFile`.

The browser side (``media_input.js``) uses the camera or microphone when the page may
(``getUserMedia``), and offers a file picker when it may not (no device, no permission, a
page that is not a secure context).
"""
from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

from nbapp.elements.policies import fail, got, is_int
from nbapp.elements.registry import Frontend, element
from nbapp.elements.widgets.upload import UploadedFile, uploaded_file
from nbapp.runtime.state import warn_value_rejected

MEDIA = Frontend("media_input.js", css="media_input.css")
RESOLUTIONS = {"480p": 480, "720p": 720, "1080p": 1080}  # camera_input(resolution=): the height asked of the camera


def _static(props: dict[str, Any]) -> str:
    what = "Take Photo" if props.get("media") == "camera" else "Record"
    return (f'<div class="nbapp-label">{html.escape(props.get("label") or "")}</div>'
            f'<div class="nbapp-media-box"><button disabled>{what}</button></div>')


def _media(dg, kind: str, label: str, key: Any, help: Any, on_change: Any, args: Any, kwargs: Any, disabled: bool,
           label_visibility: str, props: dict[str, Any], accept: str) -> UploadedFile | None:
    def deserialize(raw: Any) -> UploadedFile | None:
        if raw is None:
            return None
        if not isinstance(raw, Mapping) or not isinstance(raw.get("content"), (bytes, bytearray, memoryview)):
            warn_value_rejected(kind, label, raw, "is not a recording or photo; ignored it")
            return None
        mime = str(raw.get("type") or "")
        if not mime.startswith(accept):
            warn_value_rejected(kind, label, mime, f"is not {accept}*; ignored it")
            return None
        return uploaded_file(str(raw.get("name") or "image.jpg" if kind == "camera_input" else "audio.wav"), bytes(raw["content"]), mime)

    def serialize(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, UploadedFile):
            raise fail(kind, label, f"its value cannot be set with st.session_state (only the user can take it); "
                                    f"got {got(value)}.")
        return {"name": value.name, "size": value.size, "file_id": value.file_id}

    def to_wire(value: Any) -> Any:
        return None if value is None else {"name": value.name, "type": value.type, "content": value.getvalue()}

    value = dg._widget(
        kind, label, key=key, default=None, identity={"label": label, "help": help, **props},
        props={**props, "accept": accept}, serialize=serialize, deserialize=deserialize, to_wire=to_wire,
        on_change=on_change, args=args, kwargs=kwargs, help=help,
        disabled=disabled, label_visibility=label_visibility,
    )
    return value.reopen() if value is not None else None


@element(frontend=MEDIA, static=_static)
def camera_input(dg, label: str, key: str | int | None = None, help: str | None = None,
                 on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None,
                 *, disabled: bool = False, label_visibility: str = "visible", resolution: Any = None,
                 width: int | str = "stretch") -> UploadedFile | None:
    """Display a camera preview with a button to take a photo; returns the photo (a JPEG
    :class:`UploadedFile`) on this and later runs, None before one is taken or after it is cleared.

    Without a camera (or the page's permission) the widget offers to upload an image instead.
    ``resolution`` ("480p", "720p", "1080p") is the height asked of the camera; the browser picks
    the closest one the camera has. Raises NbappAPIError for another ``resolution``.

    Examples
    --------
    >>> photo = st.camera_input("Take a picture")
    >>> if photo:
    ...     st.image(photo)
    """
    if resolution is not None and resolution not in RESOLUTIONS:
        raise fail("camera_input", label, f"resolution must be '480p', '720p', '1080p' or None; got {got(resolution)}.")
    return _media(dg, "camera_input", label, key, help, on_change, args, kwargs, disabled, label_visibility,
                  {"media": "camera", "width": width, "height": RESOLUTIONS.get(resolution)}, "image/")


@element(frontend=MEDIA, static=_static)
def audio_input(dg, label: str, *, sample_rate: int | None = 16000, key: str | int | None = None,
                help: str | None = None, on_change: Callable | str | None = "rerun", args: tuple | None = None,
                kwargs: dict | None = None, disabled: bool = False, label_visibility: str = "visible",
                width: int | str = "stretch") -> UploadedFile | None:
    """Display a microphone recorder; returns the recording (a WAV :class:`UploadedFile` at
    ``sample_rate`` Hz, mono) on this and later runs, None before one is made.

    ``sample_rate=None`` keeps the browser's rate. Without a microphone the widget offers to
    upload an audio file instead. Raises NbappAPIError for a rate that is not a positive int.

    Examples
    --------
    >>> voice = st.audio_input("Record a voice message")
    >>> if voice:
    ...     st.audio(voice)
    """
    if sample_rate is not None and (not is_int(sample_rate) or not 3000 <= sample_rate <= 384000):
        raise fail("audio_input", label, f"sample_rate must be an int between 3000 and 384000 (Hz) or None, "
                                         f"got {got(sample_rate)}.")
    return _media(dg, "audio_input", label, key, help, on_change, args, kwargs, disabled, label_visibility,
                  {"media": "audio", "sample_rate": sample_rate, "width": width}, "audio/")
