"""camera_input and audio_input: an UploadedFile (or None), what a browser sends, bad input."""
from __future__ import annotations

import pytest

from nbapp.elements.widgets.upload import uploaded_file

APP = """
photo = st.camera_input("Pic")
voice = st.audio_input("Voice", sample_rate=22050)
st.write(repr(photo and (photo.name, photo.type, photo.read())))
st.write(repr(voice and (voice.name, voice.type, voice.read())))
"""


def test_none_until_the_user_takes_a_photo_or_records(run):
    at = run(APP)
    assert at.camera_input[0].value is None and at.audio_input[0].value is None
    assert at.audio_input[0].sample_rate == 22050
    at.camera_input[0].set_value(uploaded_file("image.jpg", b"\xff\xd8jpeg", "image/jpeg"))
    at.audio_input[0].set_value(uploaded_file("audio.wav", b"RIFFwav", "audio/wav")).run()
    assert at.markdown[0].value == "('image.jpg', 'image/jpeg', b'\\xff\\xd8jpeg')"
    assert at.markdown[1].value == "('audio.wav', 'audio/wav', b'RIFFwav')"
    at.run()  # still there on the next run, read from the start again
    assert at.markdown[1].value == "('audio.wav', 'audio/wav', b'RIFFwav')"
    at.camera_input[0].set_value(None).run()
    assert at.markdown[0].value == "None"


def test_what_the_browser_sends_becomes_an_uploaded_file(run):
    at = run("p = st.camera_input('Pic', key='p')\nst.write(repr(p and p.getvalue()))")
    state = at._app.session_state
    assert state.receive("p", {"name": "image.jpg", "type": "image/jpeg", "content": memoryview(b"abc")})["p"].read() \
        == b"abc"
    with pytest.warns(RuntimeWarning, match="is not image/"):
        assert state.receive("p", {"name": "x.wav", "type": "audio/wav", "content": b"abc"}) == {"p": None}


def test_bad_arguments(rejects):
    rejects("st.audio_input('a', sample_rate=10)", "sample_rate must be an int between 3000 and 384000")
    rejects("st.camera_input('c', resolution='huge')", "resolution must be '480p', '720p', '1080p' or None; got 'huge'")


def test_apptest_takes_a_file_tuple_or_upload_as_streamlits_does(run):
    at = run(APP)
    at.camera_input[0].set_value(("image.jpg", b"\xff\xd8x", "image/jpeg"))
    at.audio_input[0].upload("audio.wav", b"RIFFy", "audio/wav").run()
    assert at.markdown[0].value == "('image.jpg', 'image/jpeg', b'\\xff\\xd8x')"
    assert at.markdown[1].value == "('audio.wav', 'audio/wav', b'RIFFy')"
    at.audio_input[0].clear().run()
    assert at.markdown[1].value == "None"
