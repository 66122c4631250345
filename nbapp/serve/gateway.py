"""``nbapp run --gateway-url URL``: the pages' kernels start on a Jupyter Kernel Gateway or Enterprise Gateway.

Voilà runs on jupyter_server, whose gateway client (``GatewayClient``) sends every kernel
start, interrupt and shutdown to a gateway over HTTP and relays the kernel's messages over
one websocket per kernel. nbapp plugs its parts into Voilà's own configuration:

- ``VoilaConfiguration.multi_kernel_manager_class``: ``GatewayMappingKernelManager``
  (Voilà's preheat pool is a subclass of whatever class this names, so warm kernels work
  too: they are started on the gateway and have run the app before a page asks);
- ``VoilaConfiguration.kernel_spec_manager_class``: ``GatewayKernelSpecManager`` (the
  gateway's ``python3`` kernelspec);
- ``Voila.kernel_websocket_connection_class``: ``GatewayWebSocketConnection`` (a page's
  websocket is relayed to the gateway's, instead of to ZeroMQ sockets on this machine).

The kernel's machine need not have the app file: the served notebook carries the script's
text (see :func:`nbapp.serve.notebooks.served_notebook`). The environment a kernel gets is
the gateway's business; nbapp asks for ``NBAPP_CACHE_DIR`` to be passed on (the gateway must
allow it: Kernel Gateway's ``--JupyterWebsocketPersonality.env_whitelist``, Enterprise
Gateway's ``--EnterpriseGatewayApp.client_envs``).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from traitlets.config import Config

from nbapp.cachedir import ENV_VAR
from nbapp.serve.errors import UsageError

def check_gateway_url(url: str) -> str:
    """Return ``url`` without a trailing slash once it is an http(s) URL with a host.

    Raises UsageError naming the URL and the fix otherwise.

    Examples
    --------
    >>> check_gateway_url("http://127.0.0.1:8888/")
    'http://127.0.0.1:8888'
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"--gateway-url {url!r} is not an http(s) URL. Give the gateway's address, "
                         f"e.g. http://127.0.0.1:8888 (Kernel Gateway) or http://enterprise-gateway:8888.")
    return url.rstrip("/")


def configure_gateway(c: Config, url: str) -> Config:
    """Point the Voilà configuration ``c`` at the gateway ``url`` for every kernel; returns ``c``.

    Also sets up jupyter_server's ``GatewayClient`` singleton from ``c`` (it reads its
    configuration once, when first made). Raises UsageError for a bad ``url``.

    Examples
    --------
    >>> c = configure_gateway(Config(), "http://127.0.0.1:8888")
    >>> c.GatewayClient.url
    'http://127.0.0.1:8888'
    """
    from jupyter_server.gateway.gateway_client import GatewayClient

    c.GatewayClient.url = check_gateway_url(url)
    c.GatewayClient.allowed_envs = ENV_VAR
    c.VoilaConfiguration.multi_kernel_manager_class = "jupyter_server.gateway.managers.GatewayMappingKernelManager"
    c.VoilaConfiguration.kernel_spec_manager_class = "jupyter_server.gateway.managers.GatewayKernelSpecManager"
    c.Voila.kernel_websocket_connection_class = "jupyter_server.gateway.connections.GatewayWebSocketConnection"
    GatewayClient.clear_instance()
    GatewayClient.instance(config=c)
    return c
