"""Players: st.audio, st.video, st.pdf.

The file travels once as a binary buffer (the ``data`` trait) and plays from a ``blob:`` URL
(``nbapp/frontend/media.js``); URLs stay URLs. numpy audio becomes a 16-bit WAV, as in
Streamlit 1.67.
"""
from __future__ import annotations

import base64
import datetime
import html
import io
import mimetypes
import os
import re
import wave
from pathlib import Path
from typing import Any

from nbapp.elements.policies import check_bool, check_str, fail, got
from nbapp.elements.registry import Frontend, element
from nbapp.errors import describe

PLAYER_FRONTEND = Frontend("media.js", traits=("data",))
_YOUTUBE = re.compile(r"^https?://(www\.)?(youtube\.com/watch\?v=|youtu\.be/|youtube\.com/embed/)([\w-]+)")


def _seconds(fn: str, arg: str, value: Any) -> int | None:
    """Streamlit's times: None, seconds (floats rounded down), a timedelta, or a pandas-style string ("1m14s")."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise fail(fn, None, f"{arg} must be seconds (int or float), a timedelta or a string like '1m14s', got {got(value)}.")
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, datetime.timedelta):
        return int(value.total_seconds())
    if isinstance(value, str):
        import pandas as pd

        try:
            return int(pd.Timedelta(value).total_seconds())
        except ValueError:
            pass
    raise fail(fn, None, f"{arg} must be seconds (int or float), a timedelta or a string like '1m14s', got {got(value)}.")


def wav_bytes(fn: str, data: Any, sample_rate: Any) -> bytes:
    """Return a 1-D (mono) or (channels, samples) numpy waveform as 16-bit WAV bytes, scaled to its peak.

    Raises NbappAPIError without a sample_rate or for an array of another shape.
    """
    import numpy as np

    if sample_rate is None or isinstance(sample_rate, bool) or not isinstance(sample_rate, int) or sample_rate <= 0:
        raise fail(fn, None, f"sample_rate must be a positive int (samples per second) for numpy audio, "
                             f"got {got(sample_rate)}.")
    array = np.asarray(data, dtype=float)
    if array.ndim not in (1, 2) or array.size == 0:
        raise fail(fn, None, f"numpy audio must be 1-D (mono) or 2-D (channels, samples), got shape {array.shape}.")
    peak = np.max(np.abs(array))
    scaled = np.zeros(array.shape, dtype=np.int16) if peak == 0 else np.int16(array / peak * 32767)
    channels = 1 if array.ndim == 1 else array.shape[0]
    frames = scaled if array.ndim == 1 else scaled.T.ravel()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(frames.astype("<i2").tobytes())
    return buffer.getvalue()


def media_source(fn: str, data: Any, mime: str) -> dict[str, Any]:
    """Return ``{"data": bytes, "mime": ...}`` or ``{"url": ...}`` for a file, path, URL, bytes or file-like.

    None gives ``{"mime": ...}`` alone: an empty player (Streamlit shows one for ``st.audio(None)``).

    Raises NbappAPIError for a missing file or an unsupported object.
    """
    if data is None and fn in ("audio", "video"):
        return {"mime": mime}  # an empty player, as Streamlit draws for st.audio(None)
    if isinstance(data, Path):
        data = str(data)
    if isinstance(data, str):
        if re.match(r"^(https?://|data:)", data) and not os.path.isfile(data):
            return {"url": data, "mime": mime}
        if not os.path.isfile(data):
            raise fail(fn, None, f"data is a str but neither a URL nor an existing file: {describe(data)}.")
        guessed = mimetypes.guess_type(data)[0]
        return {"data": Path(data).read_bytes(), "mime": guessed if guessed and mime in _DEFAULT_MIMES else mime}
    if isinstance(data, (bytes, bytearray, memoryview)):
        return {"data": bytes(data), "mime": mime}
    if callable(getattr(data, "read", None)):
        if callable(getattr(data, "seek", None)):
            data.seek(0)
        return {"data": data.read(), "mime": mime}
    raise fail(fn, None, f"data must be bytes, a file, a path or a URL, got {got(data)}.")


_DEFAULT_MIMES = ("audio/wav", "video/mp4")


def _width(fn: str, width: Any) -> int | str:
    if width in ("stretch", "content") or (isinstance(width, int) and not isinstance(width, bool) and width > 0):
        return width
    raise fail(fn, None, f'width must be "stretch" or a positive int (pixels), got {got(width)}.')


def _player_props(fn: str, source: dict[str, Any], start_time, end_time, loop, autoplay, width) -> dict[str, Any]:
    check_bool(fn, "loop", loop)
    check_bool(fn, "autoplay", autoplay)
    start = _seconds(fn, "start_time", start_time) or 0
    end = _seconds(fn, "end_time", end_time)
    if start < 0 or (end is not None and end <= start):
        raise fail(fn, None, f"start_time ({start} s) must be >= 0 and before end_time ({end} s).")
    return {"data": source.get("data"), "url": source.get("url"), "mime": source.get("mime"), "start_time": start,
            "end_time": end, "loop": bool(loop), "autoplay": bool(autoplay), "width": _width(fn, width)}


def player_static(props: dict[str, Any]) -> str:
    """Return a player's frozen HTML: the same player with its file inline (a data: URL) or its URL."""
    kind, src = props.get("kind", "audio"), props.get("url")
    if not src and props.get("data") is None and kind in ("audio", "video"):
        return f'<div class="nbapp-{kind}"><{kind} controls style="width:100%"></{kind}></div>'
    if not src:
        data = props.get("data") or b""
        encoded = data if isinstance(data, str) else base64.b64encode(bytes(data)).decode()
        src = f"data:{props.get('mime') or 'application/octet-stream'};base64,{encoded}"
    src = html.escape(src)
    if kind == "pdf":
        return f'<iframe class="nbapp-pdf" src="{src}" style="width:100%;height:{props.get("height", 500)}px;border:0"></iframe>'
    if props.get("youtube"):
        return f'<div class="nbapp-video"><a href="{src}">{src}</a></div>'
    return f'<div class="nbapp-{kind}"><{kind} controls src="{src}" style="width:100%"></{kind}></div>'


@element(value="data", frontend=PLAYER_FRONTEND, static=player_static)
def audio(dg, data: Any, format: str = "audio/wav", start_time: Any = 0, *, sample_rate: int | None = None,
          end_time: Any = None, loop: bool = False, autoplay: bool = False, width: int | str = "stretch", alt: str | None = None):
    """Display an audio player for bytes, a file, a path, a URL or a numpy waveform (with ``sample_rate``).

    Returns the element's handle. Raises NbappAPIError for numpy audio without a
    sample_rate or of another shape, a missing file, or bad times.

    Examples
    --------
    >>> st.audio(np.sin(np.linspace(0, 440 * 2 * np.pi, 44100)), sample_rate=44100)
    """
    check_str("audio", "format", format, optional=False)
    if type(data).__module__ == "numpy" and type(data).__name__ == "ndarray":
        source = {"data": wav_bytes("audio", data, sample_rate), "mime": "audio/wav"}
    else:
        source = media_source("audio", data, format)
    props = _player_props("audio", source, start_time, end_time, loop, autoplay, width)
    return dg._enqueue("audio", {**props, "kind": "audio"})


@element(value="data", frontend=PLAYER_FRONTEND, static=player_static)
def video(dg, data: Any, format: str = "video/mp4", start_time: Any = 0, *, subtitles: Any = None,
          end_time: Any = None, loop: bool = False, autoplay: bool = False, muted: bool = False,
          width: int | str = "stretch", alt: str | None = None):
    """Display a video player for bytes, a file, a path or a URL (YouTube URLs are linked: they need the internet).

    ``subtitles``: a .vtt/.srt path or text, or ``{label: path or text}``. Returns the
    element's handle; raises NbappAPIError for a missing file or bad times.

    Examples
    --------
    >>> st.video("clip.mp4", start_time="1m14s", muted=True, autoplay=True)
    """
    check_str("video", "format", format, optional=False)
    check_bool("video", "muted", muted)
    if type(data).__module__ == "numpy" and type(data).__name__ == "ndarray":
        data = data.tobytes()  # raw file bytes held in an array, as Streamlit accepts
    source = media_source("video", data, format)
    props = _player_props("video", source, start_time, end_time, loop, autoplay, width)
    tracks = _subtitles(subtitles)
    youtube = bool(source.get("url") and _YOUTUBE.match(source["url"]))
    return dg._enqueue("video", {**props, "kind": "video", "muted": bool(muted), "subtitles": tracks,
                                 "youtube": youtube})


def _subtitles(subtitles: Any) -> list[dict[str, str]]:
    if subtitles is None:
        return []
    items = subtitles.items() if isinstance(subtitles, dict) else [("default", subtitles)]
    tracks = []
    for label, value in items:
        if isinstance(value, Path) or (isinstance(value, str) and os.path.isfile(value)):
            path = Path(value)
            if not path.is_file() or path.suffix.lower() not in (".vtt", ".srt"):
                raise fail("video", None, f"subtitles {label!r}: {str(path)!r} is not an existing .vtt or .srt file.")
            value = path.read_text(encoding="utf-8")
        elif isinstance(value, (bytes, bytearray)):
            value = bytes(value).decode("utf-8")
        elif callable(getattr(value, "read", None)):
            value = value.read()
            value = value.decode("utf-8") if isinstance(value, bytes) else value
        if not isinstance(value, str):
            raise fail("video", None, f"subtitles must be .vtt/.srt text, a path, bytes or a dict of those, got {got(value)}.")
        text = value.strip()
        if text and not text.startswith("WEBVTT") and not _SRT_TIME.search(text):
            raise fail("video", None, f"subtitles {label!r} must be a path of an existing .vtt or .srt file, or "
                                      f"WebVTT or SRT text; got {got(value)} (no such file, and not subtitles).")
        tracks.append({"label": str(label), "vtt": _to_vtt(value)})
    return tracks


_SRT_TIME = re.compile(r"\d\d:\d\d:\d\d,\d\d\d --> \d\d:\d\d:\d\d,\d\d\d")


def _to_vtt(text: str) -> str:
    """SRT to WebVTT (the only format a <track> plays): a header and '.' in the times."""
    if text.lstrip().startswith("WEBVTT"):
        return text
    return "WEBVTT\n\n" + re.sub(r"(\d\d:\d\d:\d\d),(\d\d\d)", r"\1.\2", text)


@element(value="data", frontend=PLAYER_FRONTEND, static=player_static)
def pdf(dg, data: Any, *, height: int = 500, key: str | None = None, alt: str | None = None):
    """Display a PDF (bytes, a file, a path or a URL) in the browser's PDF viewer, ``height`` pixels tall.

    Returns the element's handle; raises NbappAPIError for a missing file or a bad height.

    Examples
    --------
    >>> st.pdf("report.pdf", height=700)
    """
    if isinstance(height, bool) or not isinstance(height, int) or height <= 0:
        raise fail("pdf", None, f"height must be a positive int (pixels), got {got(height)}.")
    source = media_source("pdf", data, "application/pdf")
    return dg._enqueue("pdf", {"data": source.get("data"), "url": source.get("url"), "mime": "application/pdf",
                               "height": height, "kind": "pdf"})
