"""``st.user``, ``st.login`` and ``st.logout`` as Streamlit 1.67 has them, without an identity provider.

Streamlit logs users in with OpenID Connect configured in ``.streamlit/secrets.toml``'s
``[auth]`` section. nbapp checks that configuration the way Streamlit does (so a missing
key gets Streamlit's message naming it), then says that the login itself is not supported
yet: there is no OIDC callback in a notebook or in nbapp's Voilà server. ``st.user``
behaves as Streamlit's does for a user who is not logged in: empty, with ``is_logged_in``
False once an ``[auth]`` section exists.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from typing import Any, NoReturn

from nbapp.errors import NbappAPIError, NotSupportedError
from nbapp.runtime.context import get_run_context
from nbapp.secrets import secrets

AUTH_HELP = ("Configure it in .streamlit/secrets.toml next to the app (or in ~/.streamlit/secrets.toml):\n"
             "[auth]\n"
             'redirect_uri = "http://localhost:8501/oauth2callback"\n'
             'cookie_secret = "a long random string"\n'
             'client_id = "..."\n'
             'client_secret = "..."\n'
             'server_metadata_url = "https://accounts.google.com/.well-known/openid-configuration"')
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


class StreamlitAuthError(NbappAPIError):
    """Authentication is used but not configured (Streamlit's ``streamlit.errors.StreamlitAuthError``)."""


def _auth_section() -> Mapping[str, Any] | None:
    if not secrets.load_if_toml_exists():
        return None
    section = secrets.get("auth")
    return section if isinstance(section, Mapping) else None


def _check_config(provider: str) -> Mapping[str, Any]:
    """Streamlit's ``validate_auth_credentials``: the same checks, in the same order; returns the provider's section."""
    auth = _auth_section()
    if auth is None:
        raise StreamlitAuthError("st.login(): to use authentication features you need to configure credentials "
                                 "for at least one authentication provider in `.streamlit/secrets.toml`.\n"
                                 + AUTH_HELP)
    for key in ("redirect_uri", "cookie_secret"):
        if key not in auth:
            raise StreamlitAuthError(f'st.login(): authentication credentials in `.streamlit/secrets.toml` are '
                                     f'missing the "{key}" key in [auth]. Please check your configuration.\n'
                                     + AUTH_HELP)
    if "_" in provider:
        raise StreamlitAuthError(f'st.login(): auth provider name "{provider}" contains an underscore. '
                                 "Please use a provider name without underscores.")
    section = auth.get(provider)
    if section is None and provider == "default" and all(k in auth for k in _PROVIDER_KEYS):
        section = {k: auth[k] for k in _PROVIDER_KEYS}
    if not isinstance(section, Mapping):
        where = "the default authentication provider" if provider == "default" else \
            f'the authentication provider "{provider}" ([auth.{provider}])'
        raise StreamlitAuthError(f"st.login(): authentication credentials in `.streamlit/secrets.toml` are missing "
                                 f"for {where}. Please check your configuration.\n" + AUTH_HELP)
    missing = [k for k in _PROVIDER_KEYS if k not in section]
    if missing:
        raise StreamlitAuthError(f'st.login(): authentication credentials for "{provider}" in '
                                 f"`.streamlit/secrets.toml` are missing {', '.join(map(repr, missing))}. "
                                 "Please check your configuration.")
    return section


def login(provider: str | None = None) -> None:
    """Start logging the user in with the OIDC ``provider`` configured in secrets.toml (Streamlit's ``st.login``).

    Raises StreamlitAuthError naming what is missing when ``[auth]`` is not configured (as
    Streamlit does), and NotSupportedError once it is: nbapp has no OIDC login yet.

    Examples
    --------
    >>> if not st.user.is_logged_in:
    ...     st.button("Log in with Google", on_click=st.login, args=["google"])
    """
    provider = "default" if provider is None else provider
    if not isinstance(provider, str):
        raise NbappAPIError(f"st.login(): provider must be a str naming an [auth.<provider>] section, got {provider!r}.")
    _check_config(provider)
    raise NotSupportedError(f"st.login({provider!r}): logging in through an OpenID Connect provider is not "
                            "supported by nbapp yet (the [auth] configuration was found and is complete). "
                            "st.user stays empty, with is_logged_in False.")


def logout() -> None:
    """Forget the logged-in user of this session (Streamlit's ``st.logout``); never raises.

    Example: ``st.button("Log out", on_click=st.logout)``.
    """
    ctx = get_run_context()
    if ctx is not None:
        getattr(ctx.app, "user_info", {}).clear()


def _info() -> dict[str, Any]:
    ctx = get_run_context()
    info = dict(getattr(ctx.app, "user_info", {}) or {}) if ctx is not None else {}
    if "is_logged_in" not in info and _auth_section() is not None:
        info["is_logged_in"] = False
    return info


class UserInfoProxy(Mapping):
    """``st.user``: the logged-in user's claims (read-only); ``is_logged_in`` exists once ``[auth]`` is configured."""

    def __getitem__(self, key: str) -> Any:
        try:
            return _info()[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}".') from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return _info()[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise NbappAPIError("st.user cannot be modified")

    def __setitem__(self, name: str, value: Any) -> NoReturn:
        raise NbappAPIError("st.user cannot be modified")

    def __iter__(self) -> Iterator[str]:
        return iter(_info())

    def __len__(self) -> int:
        return len(_info())

    def __repr__(self) -> str:
        return f"UserInfoProxy({_info()!r})"

    def to_dict(self) -> dict[str, Any]:
        """Return the user's claims as a plain dict (``{}`` when nobody is logged in)."""
        return _info()

    @property
    def tokens(self) -> dict[str, str]:
        """The provider's tokens exposed with ``expose_tokens`` (none without a login)."""
        return dict(_info().get("tokens") or {})


user = UserInfoProxy()


class _ExperimentalUser(UserInfoProxy):
    """``st.experimental_user``: Streamlit's old name for ``st.user`` (warns once per access)."""

    def __getattr__(self, key: str) -> Any:
        warnings.warn("st.experimental_user is deprecated; use st.user.", DeprecationWarning, stacklevel=2)
        return super().__getattr__(key)


experimental_user = _ExperimentalUser()
