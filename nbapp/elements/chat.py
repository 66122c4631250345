"""Chat: chat_message (a container with an avatar), chat_input (pinned to the bottom), write_stream.

The shape of an LLM chat app, as in Streamlit::

    if "messages" not in st.session_state:
        st.session_state.messages = []
    for m in st.session_state.messages:
        with st.chat_message(m["role"]):
            st.markdown(m["content"])
    if prompt := st.chat_input("Say something"):
        ...
"""
from __future__ import annotations

import asyncio
import base64
import inspect
import mimetypes
import os
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

from nbapp.elements.policies import check_bool, check_callback, check_icon, check_str, fail, got, is_int
from nbapp.elements.registry import Frontend, element
from nbapp.elements.widgets.upload import UploadedFile, _extensions, uploaded_file
from nbapp.errors import NbappAPIError, describe
from nbapp.runtime.context import require_run_context
from nbapp.runtime.state import warn_value_rejected

USER_NAMES = ("user", "human")
ASSISTANT_NAMES = ("assistant", "ai")
ACCEPT_FILE = (False, True, "multiple", "directory")
SUBMIT_MODES = ("submit", "disable", "stop")


# -- chat_message -----------------------------------------------------------------------------
@element(kind="chat_message")
def chat_message(dg, name: str, *, avatar: Any = None, width: int | str = "stretch"):
    """Insert a chat message container; returns it (use ``with`` or call elements on it).

    ``name`` is "user" / "human" or "assistant" / "ai" (each with its own icon) or any other
    name (shown by its first letter). ``avatar`` overrides the icon: "user" or "assistant",
    an emoji, ``:material/name:``, an image URL, a file path or image bytes. Raises
    NbappAPIError for an empty name or an avatar that is none of these.

    Examples
    --------
    >>> with st.chat_message("assistant", avatar="🦖"):
    ...     st.write("Hello 👋")
    """
    if not isinstance(name, str) or not name:
        raise fail("chat_message", None, f"name must be a non-empty str such as 'user' or 'assistant', "
                                         f"got {got(name)}.")
    avatar_type, avatar_value = _avatar(name, avatar)
    return dg._add_block("chat_message", {"name": name, "avatar": avatar_value, "avatar_type": avatar_type,
                                          "width": _width("chat_message", width)})


def _avatar(name: str, avatar: Any) -> tuple[str, str]:
    """Return (type, value) for the avatar: ("icon", "user"|"assistant"|":material/x:"), ("emoji", e), ("image", url)."""
    if avatar is None:
        lowered = name.lower()
        if lowered in USER_NAMES:
            return "icon", "user"
        if lowered in ASSISTANT_NAMES:
            return "icon", "assistant"
        return "letter", name[:1].upper()
    if isinstance(avatar, str):
        if avatar in USER_NAMES:
            return "icon", "user"
        if avatar in ASSISTANT_NAMES:
            return "icon", "assistant"
        if avatar.startswith(":material/") and avatar.endswith(":"):
            return "icon", avatar
        if avatar.startswith(("http://", "https://", "data:")):
            return "image", avatar
        if os.path.isfile(avatar):
            with open(avatar, "rb") as f:
                return "image", _data_url(f.read(), mimetypes.guess_type(avatar)[0])
        if len(avatar) <= 8:  # an emoji (possibly with modifiers) or a shortcode
            try:
                return "emoji", check_icon("chat_message", avatar)
            except NbappAPIError:
                pass
    elif isinstance(avatar, (bytes, bytearray, memoryview)):
        return "image", _data_url(bytes(avatar), None)
    elif type(avatar).__module__.startswith("PIL") and hasattr(avatar, "save"):
        import io

        buf = io.BytesIO()
        avatar.save(buf, format="PNG")
        return "image", _data_url(buf.getvalue(), "image/png")
    raise fail("chat_message", None, "avatar must be 'user', 'assistant', an emoji, ':material/name:', an image "
                                     f"URL, a file path or image bytes; got {got(avatar)}.")


def _data_url(data: bytes, mime: str | None) -> str:
    if mime is None:
        mime = ("image/png" if data.startswith(b"\x89PNG") else "image/jpeg" if data.startswith(b"\xff\xd8")
                else "image/gif" if data.startswith(b"GIF8") else "image/svg+xml" if data.lstrip().startswith(b"<")
                else "image/webp" if data[8:12] == b"WEBP" else "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _width(fn: str, width: Any) -> int | str:
    if width in ("stretch", "content") or (is_int(width) and width > 0):
        return width
    raise fail(fn, None, f"width must be 'stretch', 'content' or a positive int (pixels), got {got(width)}.")


# -- chat_input -------------------------------------------------------------------------------
class ChatInputValue(MutableMapping):
    """What ``st.chat_input(accept_file=..., accept_audio=...)`` returns on submit, also a dict.

    ``.text``; ``.files`` (a list of :class:`UploadedFile`) only with ``accept_file``;
    ``.audio`` (a WAV :class:`UploadedFile` or None) only with ``accept_audio``, as in
    Streamlit: the other attribute raises AttributeError. ``value["text"]``, ``to_dict()``.
    """

    def __init__(self, text: str, files: list[UploadedFile] | None = None, audio: UploadedFile | None = None, *,
                 include_files: bool = True, include_audio: bool = False) -> None:
        self.text = text
        self._files = list(files or [])
        self._audio = audio
        self._keys = ("text", *(("files",) if include_files else ()), *(("audio",) if include_audio else ()))

    @property
    def files(self) -> list[UploadedFile]:
        if "files" not in self._keys:
            raise AttributeError("'ChatInputValue' object has no attribute 'files' (accept_file=False)")
        return self._files

    @property
    def audio(self) -> UploadedFile | None:
        if "audio" not in self._keys:
            raise AttributeError("'ChatInputValue' object has no attribute 'audio' (accept_audio=False)")
        return self._audio

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"text": ..., "files": [...], "audio": ...}`` (the keys the widget accepts)."""
        return {key: getattr(self, key) for key in self._keys}

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys:
            raise KeyError(f"Invalid key: {key}")
        return getattr(self, key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._keys:
            raise KeyError(f"Invalid key: {key}")
        setattr(self, key if key == "text" else f"_{key}", value)

    def __delitem__(self, key: str) -> None:
        raise KeyError(f"Invalid key: {key}")

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChatInputValue):
            return self.to_dict() == other.to_dict()
        return isinstance(other, Mapping) and dict(other) == self.to_dict()

    def __repr__(self) -> str:
        return "ChatInputValue(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in self._keys) + ")"


def _chat_input_static(props: dict[str, Any]) -> str:
    import html

    return (f'<div class="nbapp-chat-input-box"><textarea class="nbapp-chat-text" rows="1" disabled '
            f'placeholder="{html.escape(props.get("placeholder") or "")}"></textarea>'
            f'<button class="nbapp-chat-send" disabled>➤</button></div>')


@element(frontend=Frontend("chat_input.js"), static=_chat_input_static)
def chat_input(dg, placeholder: str = "Your message", *, key: str | int | None = None, max_chars: int | None = None,
               max_upload_size: int | None = None, accept_file: bool | str = False,
               file_type: str | list[str] | None = None, accept_audio: bool = False,
               audio_sample_rate: int | None = 16000, disabled: bool = False, submit_mode: str = "submit",
               on_submit: Callable | None = None, args: tuple | None = None, kwargs: dict | None = None,
               width: int | str = "stretch", height: int | str = "content") -> str | ChatInputValue | None:
    """Display a chat input box; returns the submitted text on the run right after a submit, else None.

    With ``accept_file`` (True: one file, "multiple", "directory") or ``accept_audio`` the
    submit returns a :class:`ChatInputValue` with ``.text`` and ``.files`` / ``.audio`` instead. Called on ``st`` outside
    any container, the box is pinned to the bottom of a served app (at the end of the
    output in a notebook); inside a container it is drawn in place. A message longer than
    ``max_chars`` is cut with a warning. ``accept_audio`` adds a microphone button: the
    value's ``.audio`` is the recording (WAV at ``audio_sample_rate``). ``submit_mode="disable"``
    keeps the box disabled from a submit until the run it causes ends; "stop" does the same
    (nbapp has no stop button yet). Raises NbappAPIError for bad arguments or inside an st.form.

    Examples
    --------
    >>> if prompt := st.chat_input("Ask me anything"):
    ...     st.chat_message("user").write(prompt)
    """
    check_str("chat_input", "placeholder", placeholder, optional=False)
    if max_chars is not None and (not is_int(max_chars) or max_chars < 1):
        raise fail("chat_input", None, f"max_chars must be a positive int or None, got {got(max_chars)}.")
    if accept_file not in ACCEPT_FILE or (accept_file is not False and accept_file is not True
                                          and not isinstance(accept_file, str)):
        raise fail("chat_input", None, f"accept_file must be False, True, 'multiple' or 'directory'; "
                                       f"got {describe(accept_file)}.")
    if submit_mode not in SUBMIT_MODES:
        raise fail("chat_input", None, f"submit_mode must be one of {', '.join(map(repr, SUBMIT_MODES))}; "
                                       f"got {describe(submit_mode)}.")
    check_bool("chat_input", "disabled", disabled)
    check_bool("chat_input", "accept_audio", accept_audio)
    if audio_sample_rate is not None and (not is_int(audio_sample_rate) or not 3000 <= audio_sample_rate <= 384000):
        raise fail("chat_input", None, f"audio_sample_rate must be an int between 3000 and 384000 (Hz) or None, "
                                       f"got {got(audio_sample_rate)}.")
    check_callback("chat_input", "on_submit", on_submit)
    exts = _extensions("chat_input", file_type) if file_type is not None else []
    ctx = require_run_context("chat_input")
    if dg._target(ctx).form is not None:
        raise fail("chat_input", None, "it can't be used inside an st.form(); put it after the form.")
    # On `st` itself, outside any `with` block, the box goes to the bottom root (pinned in a served page).
    where = type(dg)(root="bottom") if dg._root == "main" and not ctx.stack else dg
    files_on = accept_file is not False

    def deserialize(raw: Any) -> Any:
        if raw is None or raw is False:
            return None
        if isinstance(raw, str):
            raw = {"text": raw}
        if not isinstance(raw, Mapping) or not isinstance(raw.get("text", ""), str):
            warn_value_rejected("chat_input", placeholder, raw, "is not a chat message; ignored it")
            return None
        text = raw.get("text", "")
        if max_chars is not None and len(text) > max_chars:
            warn_value_rejected("chat_input", placeholder, f"<{len(text)} characters>",
                                f"is longer than max_chars={max_chars}; kept the first {max_chars}")
            text = text[:max_chars]
        if not files_on and not accept_audio:
            return text
        files = _files(placeholder, raw.get("files") or [], exts, accept_file) if files_on else []
        return ChatInputValue(text, files, _audio(placeholder, raw.get("audio")) if accept_audio else None,
                              include_files=files_on, include_audio=bool(accept_audio))

    def to_wire(value: Any) -> Any:
        if isinstance(value, ChatInputValue):
            wire: dict[str, Any] = {"text": value.text, "files": [
                {"name": f.name, "type": f.type, "content": f.getvalue()} for f in value._files]}
            if value._audio is not None:
                wire["audio"] = {"name": value._audio.name, "type": value._audio.type,
                                 "content": value._audio.getvalue()}
            return wire
        return None if value is None else {"text": str(value)}

    value = where._widget(
        "chat_input", placeholder, key=key, default=None,
        identity={"placeholder": placeholder, "max_chars": max_chars, "accept_file": accept_file, "type": exts},
        bounds={"max_chars": max_chars, "accept_file": accept_file, "type": exts},
        props={"placeholder": placeholder, "max_chars": max_chars, "accept_file": accept_file,
               "accept_audio": bool(accept_audio), "audio_sample_rate": audio_sample_rate,
               "file_type": exts, "width": _width("chat_input", width), "submit_mode": submit_mode},
        serialize=lambda v: None, deserialize=deserialize, to_wire=to_wire, on_change=on_submit, args=args,
        kwargs=kwargs, disabled=disabled, label_visibility="collapsed", trigger=True,
    )
    return value if value not in (None, False) else None


def _audio(label: str, item: Any) -> UploadedFile | None:
    """The recording sent with a message (a WAV file), or None."""
    if item is None:
        return None
    if not isinstance(item, Mapping) or not isinstance(item.get("content"), (bytes, bytearray, memoryview)):
        warn_value_rejected("chat_input", label, item, "is not an audio recording; ignored it")
        return None
    return uploaded_file(str(item.get("name") or "audio.wav"), bytes(item["content"]), item.get("type") or "audio/wav")


def _files(label: str, items: list[Any], exts: list[str], accept_file: Any) -> list[UploadedFile]:
    files = []
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            warn_value_rejected("chat_input", label, item, "is not an uploaded file; ignored it")
            continue
        content = item.get("content")
        if isinstance(content, str):  # base64, from a front end that cannot send binary buffers
            content = base64.b64decode(content)
        if not isinstance(content, (bytes, bytearray, memoryview)):
            warn_value_rejected("chat_input", label, item.get("name"), "has no content; ignored it")
            continue
        if exts and not item["name"].lower().endswith(tuple(exts)):
            warn_value_rejected("chat_input", label, item["name"], f"is not one of {', '.join(exts)}; ignored it")
            continue
        files.append(uploaded_file(item["name"], bytes(content), item.get("type") or None))
    if accept_file is True and len(files) > 1:
        warn_value_rejected("chat_input", label, [f.name for f in files], "has several files but the widget "
                            "takes one; kept the last")
        files = files[-1:]
    return files


# -- write_stream -----------------------------------------------------------------------------
@element(kind=False)
def write_stream(dg, stream: Any, *, cursor: str | None = None) -> str | list[Any]:
    """Write a stream of chunks as it arrives (a typewriter effect); returns what was written.

    ``stream`` is a generator, an iterable, an async generator, or a function returning one
    (called first). String chunks join into one Markdown element updated live; OpenAI chat
    completion chunks (``chunk.choices[0].delta.content``) and LangChain message chunks
    count as their text; any other chunk is written with ``st.write``. Returns the full text
    when everything was text ("" when nothing was), else the list of what was written.
    ``cursor`` is shown after the text while it streams. Raises NbappAPIError when
    ``stream`` cannot be iterated.

    Examples
    --------
    >>> def reply():
    ...     for word in "Hello there, how can I help?".split():
    ...         yield word + " "
    ...         time.sleep(0.05)
    >>> text = st.write_stream(reply)
    """
    check_str("write_stream", "cursor", cursor)
    if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream) or (
            callable(stream) and not hasattr(stream, "__iter__") and not hasattr(stream, "__aiter__")):
        stream = stream()
    chunks = _sync_iter(stream) if hasattr(stream, "__aiter__") else stream
    try:
        chunks = iter(chunks)
    except TypeError:
        raise fail("write_stream", None, f"stream must be a generator, an iterable, an async generator or a "
                                         f"function returning one; got {got(stream)}.") from None
    written: list[Any] = []
    text, slot = "", None
    for chunk in chunks:
        chunk = _chunk_text(chunk)
        if isinstance(chunk, str):
            if not chunk:
                continue
            first = slot is None
            if first:
                slot = dg.empty()
            text += chunk
            slot._enqueue("markdown", {"body": text + ("" if first else cursor or ""),
                                       "unsafe_allow_html": False, "help": None}, live=True)
            continue
        if slot is not None:
            slot.markdown(text)
            written.append(text)
            text, slot = "", None
        if callable(chunk):
            chunk()
        else:
            dg.write(chunk)
            written.append(chunk)
    if slot is not None:
        slot.markdown(text)
        written.append(text)
    if not written:
        return ""
    return written[0] if len(written) == 1 and isinstance(written[0], str) else written


def _chunk_text(chunk: Any) -> Any:
    """The text of an LLM chunk (OpenAI chat completion, OpenAI Responses event, LangChain), else the chunk."""
    if isinstance(chunk, str):
        return chunk
    choices = getattr(chunk, "choices", None)
    if isinstance(choices, (list, tuple)) and (type(chunk).__name__ == "ChatCompletionChunk"
                                               or all(hasattr(c, "delta") for c in choices)):
        if not choices or choices[0].delta is None:
            return ""
        return getattr(choices[0].delta, "content", None) or ""
    module = type(chunk).__module__
    if module.startswith("openai") and isinstance(getattr(chunk, "type", None), str):
        return (getattr(chunk, "delta", None) or "") if chunk.type.endswith("output_text.delta") else ""
    if type(chunk).__name__ == "AIMessageChunk" and module.startswith("langchain"):
        return getattr(chunk, "content", None) or ""
    return chunk


def _sync_iter(agen: Any) -> Iterator[Any]:
    """Iterate an async generator from this (non-async) thread, one chunk at a time, on its own loop."""
    loop = asyncio.new_event_loop()
    it = agen.__aiter__()
    try:
        while True:
            try:
                yield loop.run_until_complete(it.__anext__())
            except StopAsyncIteration:
                return
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
