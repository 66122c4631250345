"""How `nbapp run` configures Voilà: template, sessions, culling, timeouts, ports."""
from __future__ import annotations

import socket
from pathlib import Path

import nbformat
import pytest

from nbapp.serve.errors import UsageError
from nbapp.serve.options import ServeOptions
from nbapp.serve.server import DEFAULT_PORT, TEMPLATE_DIR, bind_port, voila_config


def test_the_template_is_a_voila_template_folder_extending_lab():
    assert (TEMPLATE_DIR / "index.html.j2").read_text(encoding="utf-8").count("extends 'lab/index.html.j2'") == 1
    assert '"base_template": "lab"' in (TEMPLATE_DIR / "conf.json").read_text(encoding="utf-8")


def test_defaults_hide_code_preheat_a_kernel_and_cull_idle_ones():
    c = voila_config(ServeOptions(path=Path("app.py")), 8501)
    assert c.Voila.ip == "127.0.0.1" and c.Voila.port == 8501
    assert c.VoilaConfiguration.strip_sources is True
    assert c.VoilaConfiguration.preheat_kernel is True and c.VoilaConfiguration.default_pool_size == 1
    assert c.MappingKernelManager.cull_idle_timeout == 600


def test_only_app_cells_get_the_first_run_timeout():
    timeout_func = voila_config(ServeOptions(path=Path("app.py"), timeout=7), 8501).VoilaExecutor.timeout_func
    app = nbformat.v4.new_code_cell("%%app\n", metadata={"nbapp": {"role": "app"}})
    assert timeout_func(app) == 7
    assert timeout_func(nbformat.v4.new_code_cell("train_model()")) is None  # other cells may take long


def test_a_requested_port_in_use_is_an_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(UsageError, match=f"port {port} on 127.0.0.1 is in use"):
            bind_port("127.0.0.1", port)


@pytest.fixture
def bound():
    """``bound(port)``: the port ``bind_port("127.0.0.1", port)`` listens on; its sockets close after the test."""
    held: list[socket.socket] = []

    def bind(port: int | None) -> int:
        held.extend(bind_port("127.0.0.1", port))
        return held[-1].getsockname()[1]

    yield bind
    for sock in held:
        sock.close()


def test_no_port_means_the_first_free_one_from_8501(bound):
    assert DEFAULT_PORT <= bound(None) < DEFAULT_PORT + 100


def test_port_zero_holds_any_free_port_until_the_server_takes_it(bound):
    port = bound(0)
    with pytest.raises(UsageError, match=f"port {port} on 127.0.0.1 is in use"):  # nothing can take it meanwhile
        bind_port("127.0.0.1", port)
