"""Pictures: st.image, st.pyplot, st.logo.

Pixels travel as encoded bytes (PNG, JPEG, GIF...) in binary buffers and the browser shows
them through ``blob:`` URLs (``nbapp/frontend/media.js``): never JSON lists of numbers,
never base64 inside HTML. URLs stay URLs (``<img src>``). Encoding follows Streamlit 1.67:
numpy arrays and PIL images become JPEG (quality 100) unless they have alpha (PNG) or are
GIFs, ``output_format`` forces one.
"""
from __future__ import annotations

import base64
import gc
import html
import io
import mimetypes
import os
import re
import sys
from pathlib import Path
from typing import Any

from nbapp.elements.deprecation import deprecation_warning
from nbapp.elements.policies import check_choice, check_str, fail, got
from nbapp.elements.registry import Frontend, element
from nbapp.errors import describe
from nbapp.runtime.context import require_run_context

MEDIA_FRONTEND = Frontend("media.js", traits=("images",))
CHANNELS = ("RGB", "BGR")
FORMATS = ("AUTO", "JPEG", "PNG", "JPG")
_SVG = re.compile(r"^\s?(<\?xml[\s\S]*<svg\s|<svg\s|<svg>)")
_MAGIC = ((b"\x89PNG", "image/png"), (b"\xff\xd8", "image/jpeg"), (b"GIF8", "image/gif"), (b"RIFF", "image/webp"),
          (b"BM", "image/bmp"), (b"<svg", "image/svg+xml"), (b"<?xml", "image/svg+xml"))


# What Streamlit 1.67 shows in the page for arguments it keeps only so older scripts run.
USE_COLUMN_WIDTH_REMOVED = ("`use_column_width` was removed and has no effect. "
                            "Use `width='stretch'`, `width='content'`, or an integer pixel value instead.")
SAVEFIG_KWARGS_DEPRECATED = ("Passing Matplotlib `savefig` keyword arguments to `st.pyplot` is deprecated and will "
                             "be removed in a future version. To use other `savefig` options, save the figure to a "
                             "buffer yourself and show it with `st.image`.")
MAXIMUM_CONTENT_WIDTH = 2 * 730  # Streamlit's: wider pictures are shrunk to it and saved at JPEG quality 90


def _is_url(text: str) -> bool:
    return bool(re.match(r"^(https?://|data:)", text))


def _pil_bytes(image: Any, fmt: str, quality: int = 100) -> bytes:
    if fmt == "JPEG" and image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, quality=quality)
    return buffer.getvalue()


def _format(image: Any, output_format: str) -> str:
    """Streamlit's choice: the format asked for, else PNG with alpha, GIF for GIFs, JPEG otherwise."""
    fmt = output_format.upper()
    if fmt in ("JPEG", "JPG"):
        return "JPEG"
    if fmt == "PNG":
        return "PNG"
    if getattr(image, "format", None) == "GIF":
        return "GIF"
    return "PNG" if image.mode in ("RGBA", "LA", "P") else "JPEG"


def _array_image(fn: str, array: Any, clamp: bool, channels: str) -> Any:
    """Return a numpy image (HxW, HxWx1, HxWx3, HxWx4; uint8 0..255 or float 0..1) as a PIL image."""
    import numpy as np
    from PIL import Image

    shape = array.shape
    if len(shape) not in (2, 3) or (len(shape) == 3 and shape[-1] not in (1, 3, 4)):
        raise fail(fn, None, f"image must be an array of shape (H, W), (H, W, 1), (H, W, 3) or (H, W, 4), "
                             f"got shape {shape}.")
    if array.dtype.kind not in "uifb":
        raise fail(fn, None, f"image must hold numbers (uint8 0-255 or floats 0.0-1.0), got dtype {array.dtype}.")
    if len(shape) == 3 and shape[-1] == 1:
        array = array[:, :, 0]
    if array.dtype == np.uint8 and channels != "BGR":  # already pixels: no range to check, no copy to make
        return Image.fromarray(np.ascontiguousarray(array))
    if array.dtype.kind == "f":
        if clamp:
            array = np.clip(array, 0.0, 1.0)
        elif array.size and (np.nanmin(array) < 0.0 or np.nanmax(array) > 1.0):
            raise fail(fn, None, f"a float image must lie in [0.0, 1.0], got values from {np.nanmin(array):g} to "
                                 f"{np.nanmax(array):g}: pass clamp=True to clip them, or scale them.")
        array = array * 255
    elif array.dtype.kind != "b":
        if clamp:
            array = np.clip(array, 0, 255)
        elif array.size and (array.min() < 0 or array.max() > 255):
            raise fail(fn, None, f"an integer image must lie in [0, 255], got values from {array.min()} to "
                                 f"{array.max()}: pass clamp=True to clip them.")
    else:
        array = array * 255
    if channels == "BGR":
        if array.ndim != 3:
            raise fail(fn, None, 'channels="BGR" needs an image with 3 or 4 color channels, '
                                 f"got shape {shape}.")
        array = array[:, :, [2, 1, 0, 3][: array.shape[-1]]]
    return Image.fromarray(np.ascontiguousarray(array).astype(np.uint8))


def _sniff(data: bytes) -> str:
    for magic, mime in _MAGIC:
        if data[:len(magic)] == magic:
            return mime
    return "image/png"


def image_source(fn: str, image: Any, *, clamp: bool = False, channels: str = "RGB",
                 output_format: str = "auto") -> dict[str, Any]:
    """Return one image as ``{"data": bytes, "mime": ...}`` or ``{"url": ...}`` (what media.js shows).

    Accepts numpy arrays, PIL images, bytes, file-likes, paths (str or Path), URLs and SVG
    strings. Raises NbappAPIError naming ``st.fn`` for anything else, a missing file, or an
    array of impossible shape, dtype or range.
    """
    if isinstance(image, Path):
        image = str(image)
    if isinstance(image, str):
        if _is_url(image) and not os.path.isfile(image):
            return {"url": image}
        if image.endswith(".svg") and os.path.isfile(image):
            image = Path(image).read_text(encoding="utf-8")
        if _SVG.match(image):
            if "xmlns" not in image:  # an <img> ignores an SVG without its namespace
                image = image.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
            return {"data": image.encode("utf-8"), "mime": "image/svg+xml"}
        if not os.path.isfile(image):
            raise fail(fn, None, f"image is a str but neither a URL, an SVG nor an existing file: {describe(image)}.")
        data = Path(image).read_bytes()
        return {"data": data, "mime": mimetypes.guess_type(image)[0] or _sniff(data)}
    module = type(image).__module__ or ""
    if module.startswith("PIL"):
        fmt = _format(image, output_format)
        return {"data": _pil_bytes(image, fmt), "mime": f"image/{fmt.lower()}"}
    if module == "numpy" and type(image).__name__ == "ndarray":
        picture = _array_image(fn, image, clamp, channels)
        fmt = _format(picture, output_format)
        # Past Streamlit's widest column Streamlit re-encodes at quality 90 (after shrinking the picture);
        # nbapp keeps every pixel at that quality: a quarter of the bytes, in a fraction of the time.
        quality = 90 if picture.width > MAXIMUM_CONTENT_WIDTH else 100
        return {"data": _pil_bytes(picture, fmt, quality), "mime": f"image/{fmt.lower()}"}
    if isinstance(image, (bytes, bytearray, memoryview)):
        data = bytes(image)
    elif callable(getattr(image, "read", None)):
        if callable(getattr(image, "seek", None)):
            image.seek(0)
        data = image.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
    else:
        raise fail(fn, None, "image must be a numpy array, a PIL image, bytes, a file, a path, a URL or an SVG "
                             f"string (or a list of those), got {got(image)}.")
    fmt = output_format.upper()
    if fmt in ("PNG", "JPEG", "JPG") and _sniff(data) != f"image/{'jpeg' if fmt == 'JPG' else fmt.lower()}":
        from PIL import Image

        picture = Image.open(io.BytesIO(data))
        fmt = _format(picture, output_format)
        return {"data": _pil_bytes(picture, fmt), "mime": f"image/{fmt.lower()}"}
    return {"data": data, "mime": _sniff(data)}


def _width(fn: str, width: Any, use_container_width: Any) -> int | str:
    if use_container_width is not None:
        return "stretch" if use_container_width else ("content" if width in (None, "stretch") else width)
    if width is None or width == "content" or width == "stretch":
        return width or "content"
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return width
    raise fail(fn, None, f'width must be "content", "stretch" or a positive int (pixels), got {got(width)}.')


def _images_list(image: Any) -> list[Any]:
    module = type(image).__module__ or ""
    if isinstance(image, (list, tuple)):
        return list(image)
    if module == "numpy" and getattr(image, "ndim", 0) == 4:  # a batch of images
        return list(image)
    return [image]


def media_static(props: dict[str, Any]) -> str:
    """Return an image element's frozen HTML: ``<img>`` with data: URLs (fine in a saved page)."""
    figures = []
    width = props.get("width")
    style = "max-width:100%" if not isinstance(width, int) else f"width:{width}px;max-width:100%"
    if width == "stretch":
        style = "width:100%"
    for item in props.get("images") or ():
        if item.get("url"):
            src = item["url"]
        else:
            data = item.get("data") or b""
            encoded = data if isinstance(data, str) else base64.b64encode(bytes(data)).decode()
            src = f"data:{item.get('mime', 'image/png')};base64,{encoded}"
        caption = f"<figcaption>{html.escape(item['caption'])}</figcaption>" if item.get("caption") else ""
        figures.append(f'<figure class="nbapp-figure"><img src="{html.escape(src)}" style="{style}">{caption}</figure>')
    row = f'<div class="nbapp-images">{"".join(figures)}</div>'
    if props.get("link"):
        row = f'<a class="nbapp-logo-link" href="{html.escape(props["link"])}" target="_blank" rel="noopener">{row}</a>'
    return row


@element(value="images", frontend=MEDIA_FRONTEND, static=media_static)
def image(dg, image: Any, caption: str | list[str] | None = None, width: int | str = "content",
          clamp: bool = False, channels: str = "RGB", output_format: str = "auto",
          *, use_container_width: bool | None = None, link: str | None = None, use_column_width: Any = None,
          alt: str | list[str | None] | None = None):
    """Display an image or a list of images (a row that wraps), each with an optional caption.

    ``image``: numpy array (HxW, HxWx1, HxWx3, HxWx4; uint8 or float 0..1), PIL image,
    bytes, file, path, URL or SVG string, or a list of those. ``link`` makes a single
    image a hyperlink. Returns the element's handle.
    Raises NbappAPIError for an impossible shape, dtype or range (``clamp=True`` clips),
    a missing file, captions that do not match the images, or a bad width/channels/format.

    Examples
    --------
    >>> st.image(np.zeros((64, 64, 3), dtype=np.uint8), caption="black")
    """
    check_choice("image", "channels", channels, CHANNELS)
    if not isinstance(output_format, str) or output_format.upper() not in FORMATS:
        raise fail("image", None, f'output_format must be "JPEG", "PNG" or "auto", got {got(output_format)}.')
    images = _images_list(image)
    captions = list(caption) if isinstance(caption, (list, tuple)) else [caption] * (1 if caption is not None else 0)
    if caption is not None and len(captions) != len(images):
        if isinstance(caption, str):
            captions = [caption] + [None] * (len(images) - 1)
        else:
            raise fail("image", None, f"caption lists {len(captions)} captions for {len(images)} images: "
                                      "give one caption per image (or None).")
    captions += [None] * (len(images) - len(captions))
    items = []
    for picture, text in zip(images, captions):
        check_str("image", "caption", None if text is None else str(text))
        item = image_source("image", picture, clamp=clamp, channels=channels, output_format=output_format)
        items.append({**item, "caption": None if text is None else str(text)})
    check_str("image", "link", link)
    if link and len(items) > 1:
        raise fail("image", None, f"link is only supported for a single image, got {len(items)} images: "
                                  "call st.image once per linked image.")
    if use_column_width is not None:  # accepted so older scripts run; ignored, as in Streamlit 1.67
        deprecation_warning(dg, USE_COLUMN_WIDTH_REMOVED)
    props = {"images": items, "width": _width("image", width, use_container_width)}
    if link:
        props["link"] = link  # drawn as an <a> around the picture (media.js), as Streamlit's link
    return dg._enqueue("image", props)


@element(kind=False)
def pyplot(dg, fig: Any = None, clear_figure: bool | None = None, *, width: int | str = "stretch",
           use_container_width: bool | None = None, alt: str | None = None, **kwargs: Any):
    """Display a matplotlib figure as a PNG (``savefig`` keywords pass through; default dpi 200, tight box).

    With no ``fig`` the current pyplot figure is drawn and cleared. The figure is closed
    in pyplot's registry after drawing, so an app that makes a figure on every run does not
    grow. Returns the element's handle; raises NbappAPIError for an object that is not a
    matplotlib figure.

    Examples
    --------
    >>> fig, ax = plt.subplots(); ax.plot([1, 3, 2]); st.pyplot(fig)
    """
    if fig is None:
        import matplotlib.pyplot as plt

        fig = plt.gcf()
        clear_figure = True if clear_figure is None else clear_figure
    module = type(fig).__module__ or ""
    if not (module.startswith("matplotlib") and callable(getattr(fig, "savefig", None))):
        raise fail("pyplot", None, f"fig must be a matplotlib Figure (e.g. from plt.subplots()), got {got(fig)}.")
    if kwargs:
        deprecation_warning(dg, SAVEFIG_KWARGS_DEPRECATED)
    options = {"bbox_inches": "tight", "dpi": 200, "format": "png", **kwargs}
    buffer = io.BytesIO()
    fig.savefig(buffer, **options)
    if clear_figure:
        fig.clf()
    _close(fig)
    fmt = str(options.get("format", "png")).lower()
    mime = "image/svg+xml" if fmt == "svg" else f"image/{'jpeg' if fmt == 'jpg' else fmt}"
    size = "stretch" if use_container_width is None or use_container_width else "content"
    if use_container_width is None and width != "stretch":
        size = _width("pyplot", width, None)
    return dg._enqueue("image", {"images": [{"data": buffer.getvalue(), "mime": mime, "caption": None}],
                                 "width": size})


_COLLECT_EVERY = 8
_figures_since_collect = 0


def _close(fig: Any) -> None:
    """Drop the figure from pyplot's registry (where it would live until the kernel ends)."""
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close(fig)  # a figure pyplot does not manage is left alone
    # Figures are reference cycles that soon reach the oldest generation, whose collection is
    # rare: 200 reruns of `fig, ax = plt.subplots(); st.pyplot(fig)` grew a kernel by 20-30 MB.
    # A full collection every few figures bounds that (a young-generation one is not enough).
    global _figures_since_collect
    _figures_since_collect += 1
    if _figures_since_collect >= _COLLECT_EVERY:
        _figures_since_collect = 0
        gc.collect()


LOGO_SIZES = {"small": 20, "medium": 24, "large": 32}


@element(value="images", frontend=MEDIA_FRONTEND, static=media_static)
def logo(dg, image: Any, *, size: str = "medium", link: str | None = None, icon_image: Any = None):
    """Show a logo (any ``st.image`` source) at the top of the sidebar, or the app's top-left when there is no sidebar.

    Linked to ``link`` when given; a later call replaces an earlier one, as in Streamlit.

    ``icon_image`` is accepted (Streamlit shows it when the sidebar is collapsed; nbapp
    shows ``image`` there too). Returns None. Raises NbappAPIError for a bad size or image.

    Examples
    --------
    >>> st.logo("logo.png", link="https://example.com")
    """
    check_choice("logo", "size", size, tuple(LOGO_SIZES))
    check_str("logo", "link", link)
    item = image_source("logo", image)
    require_run_context("logo").root_block("app_header").children.clear()  # one logo: the last call's
    type(dg)(root="app_header")._enqueue("logo", {"images": [{**item, "caption": None}], "width": "content", "height": LOGO_SIZES[size],
                         "link": link})
