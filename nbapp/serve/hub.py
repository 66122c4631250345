"""``nbapp run --jupyterhub``: an app served as a JupyterHub service, behind the hub's proxy and login.

JupyterHub starts a managed service's command with its address and credentials in the
environment (``JUPYTERHUB_SERVICE_URL``, ``JUPYTERHUB_SERVICE_PREFIX``,
``JUPYTERHUB_API_TOKEN``, ``JUPYTERHUB_CLIENT_ID``...). With ``--jupyterhub``, ``nbapp run``
listens where ``JUPYTERHUB_SERVICE_URL`` says, serves under ``JUPYTERHUB_SERVICE_PREFIX``
(``/services/NAME/``) and lets in only users the hub has logged in and granted
``access:services!service=NAME``: Voilà runs on jupyter_server, whose identity provider and
authorizer are the ones ``jupyterhub-singleuser`` uses (OAuth with the hub). Requires the
``jupyterhub`` package where the app runs.
"""
from __future__ import annotations

import os
from urllib.parse import urlsplit

from jupyter_server.utils import url_path_join
from jupyterhub.singleuser.extension import JupyterHubAuthorizer, JupyterHubIdentityProvider
from traitlets.config import Config

from nbapp.serve.errors import UsageError

NEEDED = ("JUPYTERHUB_SERVICE_PREFIX", "JUPYTERHUB_API_TOKEN", "JUPYTERHUB_API_URL")


class HubIdentityProvider(JupyterHubIdentityProvider):
    """The hub's OAuth identity provider, made by Voilà (which passes a ``token`` it must ignore:
    with the hub, the token is the service's API token)."""

    def __init__(self, token: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)

    def get_handlers(self) -> list:
        """The OAuth callback and logout handlers, under the service's prefix (Voilà adds them as they are
        given, where jupyter_server would prefix them with its base URL)."""
        prefix = os.environ["JUPYTERHUB_SERVICE_PREFIX"]
        return [(url_path_join(prefix, path), *rest) for path, *rest in super().get_handlers()]


def hub_address() -> tuple[str, int | None]:
    """Return the ``(host, port)`` JupyterHub gave this service in ``JUPYTERHUB_SERVICE_URL``.

    Raises UsageError when ``nbapp run --jupyterhub`` does not run as a hub service.

    Examples
    --------
    >>> os.environ.update(JUPYTERHUB_SERVICE_URL="http://127.0.0.1:10101", JUPYTERHUB_SERVICE_PREFIX="/services/a/",
    ...                   JUPYTERHUB_API_TOKEN="t", JUPYTERHUB_API_URL="http://127.0.0.1:8081/hub/api")
    >>> hub_address()
    ('127.0.0.1', 10101)
    """
    missing = [name for name in NEEDED if not os.environ.get(name)]
    if missing:
        raise UsageError(f"--jupyterhub: {', '.join(missing)} not set. Run `nbapp run --jupyterhub` as the command "
                         f"of a service in jupyterhub_config.py (c.JupyterHub.services), which sets them.")
    url = urlsplit(os.environ.get("JUPYTERHUB_SERVICE_URL", ""))
    return url.hostname or "127.0.0.1", url.port


def configure_hub(c: Config) -> Config:
    """Make the Voilà configuration ``c`` serve under the hub service's prefix with the hub's login; returns ``c``.

    Examples
    --------
    >>> configure_hub(Config()).Voila.base_url  # with the environment of hub_address's example
    '/services/a/'
    """
    c.Voila.base_url = os.environ["JUPYTERHUB_SERVICE_PREFIX"]
    c.Voila.identity_provider_class = HubIdentityProvider
    c.Voila.authorizer_class = JupyterHubAuthorizer
    return c
