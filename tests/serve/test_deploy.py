"""Past one machine, without servers: --gateway-url's configuration and notebook, --jupyterhub's, --cache-dir's."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from nbclient import NotebookClient

from nbapp.cli import main
from nbapp.serve.errors import UsageError
from nbapp.serve.gateway import check_gateway_url
from nbapp.serve.notebooks import served_notebook
from nbapp.serve.options import ServeOptions
from nbapp.serve.server import voila_config

REPO = str(Path(__file__).resolve().parents[2])
APP = "import streamlit as st\nx = st.slider('x', 0, 100, 25)\nst.write(x, 'squared is', x * x)\n"


@pytest.mark.parametrize("url", ["127.0.0.1:8888", "ftp://gateway", "http://", ""])
def test_a_gateway_url_that_is_not_http_is_refused_with_the_fix(url):
    with pytest.raises(UsageError, match=r"--gateway-url .* is not an http\(s\) URL\. Give the gateway's address"):
        check_gateway_url(url)


def test_the_command_line_refuses_a_bad_gateway_url_before_serving(tmp_path, capsys):
    app = tmp_path / "app.py"
    app.write_text(APP)
    assert main(["run", str(app), "--no-browser", "--port", "0", "--gateway-url", "gateway:8888"]) == 2
    assert "nbapp: error: --gateway-url 'gateway:8888' is not an http(s) URL" in capsys.readouterr().err


def test_with_a_gateway_kernels_managers_and_websockets_go_through_jupyter_servers_gateway_client():
    from jupyter_server.gateway.gateway_client import GatewayClient

    c = voila_config(ServeOptions(path=Path("app.py"), gateway_url="http://127.0.0.1:8888/"), 8501)
    assert c.VoilaConfiguration.multi_kernel_manager_class.endswith("GatewayMappingKernelManager")
    assert c.VoilaConfiguration.kernel_spec_manager_class.endswith("GatewayKernelSpecManager")
    assert c.Voila.kernel_websocket_connection_class.endswith("GatewayWebSocketConnection")
    assert c.VoilaConfiguration.preheat_kernel is True  # Voilà's pool subclasses the gateway's manager
    client = GatewayClient.instance()
    assert client.gateway_enabled and client.url == "http://127.0.0.1:8888"
    assert "NBAPP_CACHE_DIR" in client.allowed_envs.split(",")
    GatewayClient.clear_instance()
    assert "GatewayClient" not in voila_config(ServeOptions(path=Path("app.py")), 8501)


def test_a_kernel_without_the_app_file_runs_the_script_the_notebook_carries(tmp_path, monkeypatch):
    # A gateway's kernel (a pod) has neither the app file nor the server's working folder.
    folder = tmp_path / "server"
    folder.mkdir()
    app = folder / "app.py"
    app.write_text(APP)
    nb = served_notebook(app, launch_dir=str(folder), watch=True, embed=True)
    assert "watch=False" in nb.cells[-1].source and "squared is" in nb.cells[-1].source
    shutil.rmtree(folder)
    elsewhere = tmp_path / "pod"
    elsewhere.mkdir()
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [REPO, os.environ.get("PYTHONPATH")])))
    NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(elsewhere)}}).execute()
    html = "".join(str(out.get("data", {}).get("text/html", "")) for out in nb.cells[-1].outputs)
    assert "squared is" in html and "625" in html, nb.cells[-1].outputs


def test_without_a_gateway_the_notebook_names_the_file_and_watches_it(tmp_path):
    app = tmp_path / "app.py"
    app.write_text(APP)
    source = served_notebook(app, launch_dir=str(tmp_path), watch=True).cells[-1].source
    assert "watch=True" in source and "squared is" not in source


def test_jupyterhub_mode_takes_address_prefix_and_login_from_the_hub(monkeypatch):
    pytest.importorskip("jupyterhub")
    from nbapp.serve.hub import HubIdentityProvider, hub_address

    for name in ("JUPYTERHUB_SERVICE_PREFIX", "JUPYTERHUB_API_TOKEN", "JUPYTERHUB_API_URL", "JUPYTERHUB_SERVICE_URL"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(UsageError, match=r"--jupyterhub: JUPYTERHUB_SERVICE_PREFIX, .* not set\. Run"):
        hub_address()
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/services/squares/")
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "secret")
    monkeypatch.setenv("JUPYTERHUB_API_URL", "http://127.0.0.1:8081/hub/api")
    monkeypatch.setenv("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101")
    assert hub_address() == ("127.0.0.1", 10101)
    c = voila_config(ServeOptions(path=Path("app.py"), jupyterhub=True), 10101)
    assert c.Voila.base_url == "/services/squares/"
    assert c.Voila.identity_provider_class is HubIdentityProvider
    routes = [route[0] for route in HubIdentityProvider().get_handlers()]
    assert routes == ["/services/squares/logout", "/services/squares/oauth_callback"]


def test_cache_dir_is_what_the_kernels_inherit(tmp_path, monkeypatch):
    import nbapp.serve.server as server

    monkeypatch.setenv("NBAPP_CACHE_DIR", str(tmp_path / "private"))
    app = tmp_path / "app.py"
    app.write_text(APP)
    served = []
    monkeypatch.setattr(server, "make_voila", lambda options, sockets: served.append(os.environ["NBAPP_CACHE_DIR"])
                        or _NotStarted(sockets))
    main(["run", str(app), "--no-browser", "--port", "0", "--cache-dir", str(tmp_path / "shared")])
    assert served == [str(tmp_path / "shared")]


class _NotStarted:
    def __init__(self, sockets):
        self.sockets = sockets

    def start(self):
        for sock in self.sockets:
            sock.close()
