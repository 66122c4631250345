"""The URL `nbapp run` prints is where it serves, whatever Voilà configuration lies around."""
from __future__ import annotations

import json
import socket
import urllib.request

import pytest

APP = "import streamlit as st\nst.write('served here')\n"


def test_a_voila_json_next_to_the_app_does_not_move_the_server(serve):
    # Voilà reads voila.json from the working folder; its port and ip must not change where
    # nbapp listens, nor the URL it prints.
    server = serve(APP, files={"voila.json": json.dumps({"Voila": {"port": 9, "ip": "0.0.0.0"}})})
    assert server.url.startswith("http://127.0.0.1:") and not server.url.endswith(":9/")
    with urllib.request.urlopen(server.url, timeout=60) as response:
        page = response.read().decode()
    assert "served here" in page  # the app's first run, as a snapshot in the page


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _has_ipv6_loopback(), reason="this machine has no IPv6 loopback")
def test_an_ipv6_host_prints_a_url_that_opens(serve):
    server = serve(APP, "--host", "::1")
    assert server.url.startswith("http://[::1]:")
    with urllib.request.urlopen(server.url, timeout=60) as response:
        assert "served here" in response.read().decode()
