"""st.image, st.pyplot, st.logo, st.audio, st.video, st.pdf: what travels to the browser, and the errors."""
from __future__ import annotations

import io
import os
import textwrap
import wave

import numpy as np
import pytest
from PIL import Image

from nbapp.elements.images import media_static
from nbapp.elements.media import player_static
from nbapp.runtime.runner import App
from nbapp.testing import AppTest

PRELUDE = "import io\nfrom pathlib import Path\nimport nbapp as st\nimport numpy as np\nfrom PIL import Image\n"


def run(script: str, **values) -> AppTest:
    at = AppTest.from_string(PRELUDE + textwrap.dedent(script))
    for name, value in values.items():
        at.session_state[name] = value
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def error(script: str) -> str:
    at = AppTest.from_string(PRELUDE + textwrap.dedent(script)).run(timeout=60)
    assert len(at.exception) == 1 and at.exception[0].type == "NbappAPIError", at.exception
    return at.exception[0].value


def decoded(item) -> Image.Image:
    return Image.open(io.BytesIO(item["data"]))


def test_an_rgb_array_travels_as_jpeg_bytes_and_rgba_as_png():
    at = run('''
        st.image(np.full((4, 6, 3), 200, dtype=np.uint8), caption="grey")
        st.image(np.zeros((4, 6, 4), dtype=np.uint8))
    ''')
    rgb, rgba = (e.images[0] for e in at.image)
    assert rgb["mime"] == "image/jpeg" and decoded(rgb).size == (6, 4) and rgb["caption"] == "grey"
    assert isinstance(rgb["data"], bytes)  # a binary buffer, not a JSON list or base64 text
    assert rgba["mime"] == "image/png" and decoded(rgba).mode == "RGBA"


def test_floats_are_scaled_and_clamp_clips_them():
    at = run('''
        st.image(np.full((2, 2), 0.5), output_format="PNG")
        st.image(np.full((2, 2), 3.0), clamp=True, output_format="PNG")
        st.image(np.full((2, 2, 1), 300), clamp=True, output_format="PNG")
    ''')
    half, clipped, ints = (np.asarray(decoded(e.images[0])) for e in at.image)
    assert half.max() == 127 and clipped.max() == 255 and ints.shape == (2, 2) and ints.max() == 255


def test_bgr_channels_are_swapped():
    at = run('st.image(np.array([[[255, 0, 0]]], dtype=np.uint8), channels="BGR", output_format="PNG")')
    assert tuple(np.asarray(decoded(at.image[0].images[0]))[0, 0]) == (0, 0, 255)


def test_pil_images_bytes_paths_urls_and_svg(tmp_path):
    path = tmp_path / "dot.png"
    Image.new("RGB", (3, 3), "red").save(path)
    at = run(f'''
        st.image(Image.new("RGB", (5, 5), "blue"))
        st.image(open({str(path)!r}, "rb").read())
        st.image({str(path)!r})
        st.image("https://example.com/cat.png")
        st.image('<svg width="10" height="10"><circle r="4"/></svg>')
    ''')
    pil, raw, from_path, url, svg = (e.images[0] for e in at.image)
    assert pil["mime"] == "image/jpeg" and decoded(pil).size == (5, 5)
    assert raw["mime"] == from_path["mime"] == "image/png" and raw["data"] == path.read_bytes()
    assert url == {"url": "https://example.com/cat.png", "caption": None}
    assert svg["mime"] == "image/svg+xml" and b'xmlns="http://www.w3.org/2000/svg"' in svg["data"]


def test_a_list_of_images_with_captions_and_widths():
    at = run('''
        st.image([np.zeros((2, 2)), np.ones((2, 2))], caption=["a", "b"], width=100)
        st.image(np.zeros((2, 2)), use_container_width=True)
        st.image(np.zeros((2, 2)), use_column_width="always")
    ''')
    first, stretched, column = at.image
    assert [i["caption"] for i in first.images] == ["a", "b"] and first.width == 100
    assert stretched.width == "stretch"
    # Streamlit 1.67 ignores use_column_width and says so in the page (its e2e app st_image.py)
    assert column.width == "content"
    assert at.warning.values == ["`use_column_width` was removed and has no effect. "
                                 "Use `width='stretch'`, `width='content'`, or an integer pixel value instead."]


def test_deprecation_warnings_follow_show_error_details(monkeypatch):
    from nbapp import config

    monkeypatch.setattr(config, "_set", {})  # the script's st.set_option stays in this test
    script = """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        {option}
        fig, ax = plt.subplots()
        st.pyplot(fig, transparent=True)
        st.image(np.zeros((2, 2)), use_column_width=True)
    """
    at = run(script.format(option=""))
    assert len(at.warning) == 2 and "`savefig` keyword arguments to `st.pyplot` is deprecated" in at.warning[0].value
    at = run(script.format(option='st.set_option("client.showErrorDetails", "type")'))
    assert len(at.warning) == 0 and len(at.image) == 2


@pytest.mark.parametrize(("call", "needles"), [
    ("st.image(np.zeros((2, 2, 5)))", ["shape (H, W)", "(2, 2, 5)"]),
    ("st.image(np.zeros((2, 2, 3, 1, 1)))", ["got shape (2, 2, 3, 1, 1)"]),
    ("st.image(np.array([['a']], dtype=object))", ["dtype object"]),
    ("st.image(np.full((2, 2), 2.0))", ["[0.0, 1.0]", "clamp=True"]),
    ("st.image(np.full((2, 2), 999))", ["[0, 255]", "999"]),
    ("st.image(np.zeros((2, 2)), channels='BGR')", ['channels="BGR"', "(2, 2)"]),
    ("st.image(np.zeros((2, 2)), channels='HSV')", ["channels must be one of", "'HSV'"]),
    ("st.image('no/such/file.png')", ["'no/such/file.png'"]),
    ("st.image(42)", ["image must be", "42 (int)"]),
    ("st.image([np.zeros((2, 2))] * 2, caption=['one'])", ["1 captions for 2 images"]),
    ("st.image(np.zeros((2, 2)), width=-1)", ["width must be", "-1"]),
    ("st.pyplot('figure')", ["fig must be a matplotlib Figure", "'figure'"]),
    ("st.audio(np.zeros(10))", ["sample_rate must be", "None"]),
    ("st.audio(np.zeros((2, 2, 2)), sample_rate=8000)", ["(2, 2, 2)"]),
    ("st.audio(b'x', start_time='soon')", ["start_time must be", "'soon'"]),
    ("st.video(3.5)", ["data must be bytes", "3.5"]),
    ("st.video(b'v', subtitles='subtitles.vtt')", ["subtitles 'default'", "'subtitles.vtt'", "no such file"]),
    ("st.video(b'v', subtitles={'en': Path('gone.srt')})", ["subtitles 'en'", "'gone.srt' is not an existing"]),
    ("st.pdf(b'%PDF', height=0)", ["height must be", "0"]),
])
def test_bad_media_arguments_show_an_error_naming_them(call, needles):
    message = error(call)
    assert message.startswith(call.split("(")[0] + "("), message
    for needle in needles:
        assert needle in message, message


def test_pyplot_sends_a_png_and_closes_the_figure():
    at = run('''
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.plot([1, 3, 2])
        st.pyplot(fig)
        st.text(str(plt.get_fignums()))
        plt.plot([1, 2])
        st.pyplot()
        st.text(str(plt.get_fignums()))
    ''')
    first, implicit = at.image
    assert first.images[0]["mime"] == "image/png" and first.images[0]["data"].startswith(b"\x89PNG")
    assert decoded(first.images[0]).size[0] > 600  # dpi 200, as Streamlit
    assert [t.value for t in at.text] == ["[]", "[]"]


def _rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def test_two_hundred_pyplot_reruns_do_not_grow_the_kernel():
    # Runs on one thread, as the kernel's app worker does (AppTest starts a thread per run,
    # and each new thread's malloc arena adds noise of its own). Without closing the
    # figures this grows by about 600 MB.
    app = App(PRELUDE + textwrap.dedent("""
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(np.random.rand(200))
        st.pyplot(fig)
    """), filename="<pyplot>")
    for _ in range(20):  # warm-up: imports, font caches, allocator pools
        app.run({})
    before = _rss_mb()
    for _ in range(200):
        app.run({})
    assert [n.kind for n in app.tree.walk()][:2] == ["main", "image"]
    grown = _rss_mb() - before
    assert grown <= 10, f"200 pyplot reruns grew the process by {grown:.1f} MB"


def test_numpy_audio_becomes_a_16_bit_wav_at_its_sample_rate():
    at = run('''
        st.audio(np.sin(np.linspace(0, 2 * np.pi * 5, 800)), sample_rate=8000, loop=True, start_time="0m0s")
        st.audio(np.zeros((2, 100)), sample_rate=8000)
    ''')
    mono, stereo = at.audio
    with wave.open(io.BytesIO(mono.data)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate(), wav.getnframes()) == (1, 2, 8000, 800)
        frames = np.frombuffer(wav.readframes(800), dtype="<i2")
        assert frames.max() == 32767
    assert mono.mime == "audio/wav" and mono.loop is True and mono.start_time == 0
    with wave.open(io.BytesIO(stereo.data)) as wav:
        assert wav.getnchannels() == 2 and wav.getnframes() == 100


def test_audio_video_and_pdf_files_urls_and_times(tmp_path):
    clip = tmp_path / "clip.mp3"
    clip.write_bytes(b"ID3fake")
    at = run(f'''
        from datetime import timedelta
        st.audio({str(clip)!r}, start_time=1.9, end_time=timedelta(seconds=5))
        st.video("https://example.com/v.webm", format="video/webm", subtitles={{"English": "1\\n00:00:01,000 --> 00:00:02,000\\nHi"}}, muted=True)
        st.pdf(b"%PDF-1.4 fake", height=300)
    ''')
    audio, video, pdf = at.audio[0], at.video[0], at.pdf[0]
    assert audio.data == b"ID3fake" and audio.mime == "audio/mpeg" and (audio.start_time, audio.end_time) == (1, 5)
    assert video.url == "https://example.com/v.webm" and video.data is None and video.muted is True
    assert video.subtitles == [{"label": "English", "vtt": "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHi"}]
    assert pdf.data == b"%PDF-1.4 fake" and pdf.height == 300


def test_logo_shows_the_image_linked():
    at = run('st.logo(np.zeros((8, 8, 3), dtype=np.uint8), link="https://example.com", size="large")')
    logo = at.get("logo")[0]
    assert logo.link == "https://example.com" and logo.height == 32 and logo.images[0]["mime"] == "image/jpeg"


def test_static_html_holds_the_pictures_and_players_inline():
    at = run('''
        st.image(np.zeros((2, 2, 3), dtype=np.uint8), caption="tiny")
        st.audio(b"RIFFxxxx", format="audio/wav")
    ''')
    picture = media_static(at.image[0].props)
    assert '<img src="data:image/jpeg;base64,' in picture and "<figcaption>tiny</figcaption>" in picture
    assert 'src="data:audio/wav;base64,UklGRnh4eHg="' in player_static(at.audio[0].props)


def test_the_last_logo_sits_in_the_header_root_and_an_image_can_be_a_link():
    at = run('''
st.logo(np.zeros((8, 8, 3), dtype=np.uint8))
st.write("body")
st.logo(np.ones((8, 16, 3), dtype=np.uint8), link="https://example.com")
st.image(np.zeros((4, 4, 3), dtype=np.uint8), link="https://example.com/full")
''')
    (logo,) = at.get("logo")
    assert logo.link == "https://example.com"
    header = next(root for root in at._app.tree.children if root.kind == "app_header")
    assert [child.kind for child in header.children] == ["logo"]
    assert at.get("image")[0].link == "https://example.com/full"


def test_an_image_link_needs_a_single_image():
    at = AppTest.from_string(PRELUDE + 'st.image([np.zeros((4, 4, 3), dtype=np.uint8)] * 2, link="https://x.org")').run()
    assert at.exception[0].type == "NbappAPIError" and "link is only supported for a single image" in at.exception[0].value


def test_none_media_draws_an_empty_player_as_streamlit_does():
    # Streamlit's e2e app st_audio_input.py plays back st.audio_input's value: None until recorded.
    at = run("""
        recording = st.audio_input("Record")
        st.audio(recording)
        st.video(None)
    """)
    assert [a.data for a in at.audio] == [None] and at.audio[0].url is None
    assert at.video[0].data is None and at.video[0].url is None
    assert player_static(dict(at.audio[0].props, kind="audio")) == (
        '<div class="nbapp-audio"><audio controls style="width:100%"></audio></div>')
    assert "must be bytes" in error("st.pdf(None)")
