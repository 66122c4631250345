"""``st.get_option`` / ``st.set_option`` and ``.streamlit/config.toml`` (Streamlit's option names).

Files, later ones overriding earlier: ``~/.streamlit/config.toml``, ``.streamlit/config.toml``
in the working directory, then in the app's folder. The ``[theme]`` options colour the app
(:func:`theme_css`); ``theme.base`` picks the served page's light or dark theme.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from nbapp.errors import NbappAPIError

# Every option nbapp knows, with Streamlit's defaults. Options nbapp does not act on are
# accepted and returned so that scripts reading them keep working.
DEFAULTS: dict[str, Any] = {
    "client.showErrorDetails": "full", "client.toolbarMode": "auto", "client.showSidebarNavigation": True,
    "client.disableDataExport": False,
    "global.developmentMode": False, "global.disableWidgetStateDuplicationWarning": False,
    "logger.level": "info", "runner.magicEnabled": True, "magic.displayRootDocString": False,
    "magic.displayLastExprIfNoSemicolon": False, "runner.fastReruns": True,
    "runner.enforceSerializableSessionState": False,
    "server.port": 8501, "server.address": None, "server.headless": False, "server.runOnSave": False,
    "server.baseUrlPath": "", "server.maxUploadSize": 200, "server.enableXsrfProtection": True,
    "browser.gatherUsageStats": True, "browser.serverAddress": "localhost",
    "theme.base": None, "theme.primaryColor": None, "theme.backgroundColor": None,
    "theme.secondaryBackgroundColor": None, "theme.textColor": None, "theme.linkColor": None,
    "theme.borderColor": None, "theme.font": None, "theme.codeFont": None, "theme.headingFont": None,
    "theme.baseRadius": None, "theme.baseFontSize": None,
    # Read by scripts (st.get_option) but not acted on: nbapp's server has its own settings.
    "global.showWarningOnDirectExecution": True, "logger.messageFormat": None,
    "client.showErrorLinks": "auto", "runner.enumCoercion": "nameOnly", "runner.parallelMaxWorkers": None,
    "runner.cacheBackgroundRefreshTTLMultiplier": 2.0, "runner.connectionDefaultTTL": None,
    "runner.cacheHashSeed": 0, "server.folderWatchList": [], "server.folderWatchBlacklist": [],
    "server.fileWatcherType": "auto", "server.enableExpensiveMemoryStats": False,
    "server.maxCacheDataSize": None, "server.cookieSecret": None, "server.showEmailPrompt": True,
    "server.enableCORS": True, "server.corsAllowedOrigins": [], "server.allowedHosts": [],
    "server.xsrfCookieSameSite": "lax", "server.maxMessageSize": 200,
    "server.enableWebsocketCompression": False, "server.websocketPingInterval": None,
    "server.enableStaticServing": False, "server.disconnectedSessionTTL": 120,
    "server.sslCertFile": None, "server.sslKeyFile": None, "browser.serverPort": None,
    "server.enableAgentApi": False, "server.agentWaitTimeout": 30, "server.agentSessionTTL": 900,
    "server.agentMaxSessions": 100, "server.agentPreviewRows": 100, "secrets.files": None,
}
# Theme options Streamlit 1.67 also takes per section (theme.sidebar.X, theme.light.X, theme.dark.X,
# theme.light.sidebar.X ...): all default to None.
THEME_OPTIONS = frozenset((
    "primaryColor backgroundColor secondaryBackgroundColor textColor linkColor borderColor "
    "redColor orangeColor yellowColor blueColor greenColor violetColor grayColor "
    "redBackgroundColor orangeBackgroundColor yellowBackgroundColor blueBackgroundColor "
    "greenBackgroundColor violetBackgroundColor grayBackgroundColor redTextColor orangeTextColor "
    "yellowTextColor blueTextColor greenTextColor violetTextColor grayTextColor linkUnderline "
    "font fontFaces baseFontSize baseFontWeight metricValueFontSize metricValueFontWeight headingFont "
    "headingFontSizes headingFontWeights codeFont codeFontSize codeFontWeight codeBackgroundColor "
    "baseRadius buttonRadius paddingTop paddingBottom showWidgetBorder showSidebarBorder "
    "dataframeBorderColor dataframeHeaderBackgroundColor dataframeHeaderTextColor codeTextColor "
    "chartCategoricalColors "
    "chartSequentialColors chartDivergingColors").split())
SCRIPTABLE = ("client.showErrorDetails", "client.disableDataExport", "client.showSidebarNavigation",
              "client.toolbarMode")
_CSS_VARS = {"theme.primaryColor": "--nbapp-accent", "theme.backgroundColor": "--nbapp-bg",
             "theme.secondaryBackgroundColor": "--nbapp-bg2", "theme.textColor": "--nbapp-fg",
             "theme.borderColor": "--nbapp-border"}

_set: dict[str, Any] = {}  # st.set_option values, over the files
_lock = threading.Lock()
_cache: dict[tuple, dict[str, Any]] = {}


def config_paths(app_dir: str | os.PathLike | None = None) -> list[Path]:
    """Return the config.toml files read, in the order they are merged."""
    folders = [Path.home(), Path.cwd()] + ([Path(app_dir)] if app_dir else [])
    paths: list[Path] = []
    for folder in folders:
        path = (folder / ".streamlit" / "config.toml").resolve()
        if path not in paths:
            paths.append(path)
    return paths


def file_options(app_dir: str | os.PathLike | None = None) -> dict[str, Any]:
    """Return ``section.name -> value`` from the config files (re-read when one changes).

    Raises NbappAPIError naming the file for one that is not valid TOML.
    """
    import tomllib

    paths = config_paths(app_dir)
    stamp = tuple((str(p), _mtime(p)) for p in paths)
    with _lock:
        if stamp in _cache:
            return _cache[stamp]
    options: dict[str, Any] = {}
    for path, mtime in stamp:
        if mtime is None:
            continue
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise NbappAPIError(f"{path} is not valid TOML ({err}). Fix the config file.") from None
        for section, values in data.items():
            if isinstance(values, dict):
                options.update({f"{section}.{k}": v for k, v in values.items() if not isinstance(v, dict)})
    with _lock:
        _cache.clear()
        _cache[stamp] = options
    return options


def get_option(key: str) -> Any:
    """Return the value of the config option ``key`` ("section.name"): set_option, then config.toml, then the default.

    Raises RuntimeError for an unknown key, as Streamlit does.

    Examples
    --------
    >>> st.get_option("theme.primaryColor")
    """
    options = file_options(_app_dir())
    if key in _set:
        return _set[key]
    if key in options:
        return options[key]
    if key in DEFAULTS:
        return DEFAULTS[key]
    if _is_theme_option(key):
        return None
    raise RuntimeError(f'Config key "{key}" not defined.')


def set_option(key: str, value: Any) -> None:
    """Set the config option ``key`` for this process; only the ``client.*`` options Streamlit allows.

    Raises NbappAPIError for an unknown option or one that must be set in config.toml.

    Examples
    --------
    >>> st.set_option("client.showErrorDetails", "none")
    """
    if key not in DEFAULTS:
        raise NbappAPIError(f"st.set_option(): unrecognized config option: {key!r}.")
    if key not in SCRIPTABLE:
        raise NbappAPIError(f"st.set_option(): {key} cannot be set on the fly. Set it in .streamlit/config.toml "
                            f"instead (options a script may set: {', '.join(SCRIPTABLE)}).")
    _set[key] = value


def theme_css(app_dir: str | os.PathLike | None = None) -> str:
    """Return CSS that applies config.toml's ``[theme]`` colours and fonts to the app ('' when none are set)."""
    try:
        options = file_options(app_dir)
    except NbappAPIError:
        return ""
    rules = [f"{var}: {_css_value(options[key])};" for key, var in _CSS_VARS.items() if options.get(key)]
    if options.get("theme.linkColor"):
        rules.append(f"--nbapp-link: {_css_value(options['theme.linkColor'])};")
    css = f".nbapp-app {{ {' '.join(rules)} }}" if rules else ""
    if options.get("theme.font"):
        css += f" .nbapp-app {{ font-family: {_font(options['theme.font'])}; }}"
    if options.get("theme.backgroundColor"):
        css += f" body.nbapp-page {{ background: {_css_value(options['theme.backgroundColor'])}; }}"
    return css


def _font(name: Any) -> str:
    generic = {"sans serif": "sans-serif", "sans-serif": "sans-serif", "serif": "serif", "monospace": "monospace"}
    text = str(name)
    return generic.get(text.lower(), f'"{_css_value(text)}", sans-serif')


def _css_value(value: Any) -> str:
    return "".join(c for c in str(value) if c not in "{};<>\"'\\")  # a colour or a name, never markup


def _app_dir() -> str | None:
    from nbapp.runtime.context import get_run_context

    ctx = get_run_context()
    filename = getattr(ctx.app, "filename", "") if ctx is not None else ""
    return os.path.dirname(filename) if filename and os.path.isabs(filename) else None


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _is_theme_option(key: str) -> bool:
    """Return True for ``theme.[light.|dark.][sidebar.]name`` with a theme option name."""
    parts = key.split(".")
    if parts[0] != "theme" or len(parts) < 2:
        return False
    rest = parts[1:]
    if rest[0] in ("light", "dark"):
        rest = rest[1:]
    if rest and rest[0] == "sidebar":
        rest = rest[1:]
    return len(rest) == 1 and rest[0] in THEME_OPTIONS
