"""``st.secrets``: read-only values from ``secrets.toml`` files, never shown in the page or in errors.

Files, later ones overriding earlier keys (as Streamlit reads them): ``~/.streamlit/secrets.toml``,
then ``.streamlit/secrets.toml`` in the working directory, then in the app's own folder.
Files are read on first use and again when one of them changes. Top-level string and number
values are also set as environment variables, as Streamlit does.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from nbapp.errors import NbappAPIError
from nbapp.runtime.context import get_run_context

HINT = ("Add it to .streamlit/secrets.toml in the app's folder or working directory, or to "
        "~/.streamlit/secrets.toml.")


class SecretNotFoundError(NbappAPIError, FileNotFoundError):
    """No secrets file exists, or one cannot be parsed (Streamlit's StreamlitSecretNotFoundError)."""


class AttrDict(Mapping):
    """A read-only section of the secrets: key and attribute access; nested tables are AttrDicts too."""

    def __init__(self, values: Mapping[str, Any], where: str = "st.secrets") -> None:
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "_where", where)

    def _data(self) -> dict[str, Any]:
        return self.__dict__["_values"]

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._data()[key]
        except KeyError:
            raise KeyError(f'{self._where} has no key "{key}". {HINT}') from None
        return AttrDict(value, f"{self._where}.{key}") if isinstance(value, Mapping) else value

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'{self._where} has no attribute "{key}". {HINT}') from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def __setitem__(self, key: str, value: Any) -> None:
        raise TypeError("Secrets does not support item assignment.")

    def __setattr__(self, key: str, value: Any) -> None:
        raise TypeError("Secrets does not support attribute assignment.")

    def __delitem__(self, key: str) -> None:
        raise TypeError("Secrets does not support item deletion.")

    def __repr__(self) -> str:
        # Keys only: a secret printed by st.write or shown in a traceback would reach the page.
        return f"{{{', '.join(repr(k) + ': ***' for k in self._data())}}}"

    def has_key(self, key: str) -> bool:
        """Return True when ``key`` is set (same as ``key in st.secrets``)."""
        return key in self._data()

    def to_dict(self) -> dict[str, Any]:
        """Return a plain (nested) dict copy of the values."""
        return {k: v.to_dict() if isinstance(v, AttrDict) else v for k, v in ((k, self[k]) for k in self)}


class Secrets(AttrDict):
    """``st.secrets``: the merged ``secrets.toml`` files (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__({})
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_stamp", None)
        object.__setattr__(self, "_env", {})

    def _data(self) -> dict[str, Any]:
        return self._load()

    def paths(self) -> list[Path]:
        """Return the secrets files looked for, in the order they are merged."""
        folders = [Path.home(), Path.cwd()]
        ctx = get_run_context()
        app_file = getattr(ctx.app, "filename", "") if ctx is not None else ""
        if app_file and os.path.isabs(app_file):
            folders.append(Path(app_file).parent)
        paths: list[Path] = []
        for folder in folders:
            path = (folder / ".streamlit" / "secrets.toml").resolve()
            if path not in paths:
                paths.append(path)
        return paths

    def _load(self) -> dict[str, Any]:
        import tomllib

        paths = self.paths()
        stamp = tuple((str(p), _mtime(p)) for p in paths)
        with self._lock:
            if stamp == self._stamp:
                return self.__dict__["_values"]
            values: dict[str, Any] = {}
            found = False
            for path, mtime in zip(paths, (m for _, m in stamp)):
                if mtime is None:
                    continue
                found = True
                try:
                    values.update(tomllib.loads(path.read_text(encoding="utf-8")))
                except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
                    raise SecretNotFoundError(f"Error parsing secrets file at {path}: {err}. Fix the file "
                                              "(it must be TOML) and rerun the app.") from None
            if not found:
                raise SecretNotFoundError(
                    "No secrets found. Valid paths for a secrets.toml file are: "
                    f"{', '.join(map(str, paths))}. Create one with your secrets as TOML, e.g. "
                    'api_key = "..." or a [connections.sql] table.')
            self._export(values)
            self.__dict__["_values"] = values
            object.__setattr__(self, "_stamp", stamp)
            return values

    def _export(self, values: dict[str, Any]) -> None:
        for key, value in self._env.items():
            if os.environ.get(key) == value:
                del os.environ[key]
        exported = {k: str(v) for k, v in values.items() if type(v) in (str, int, float)}
        os.environ.update(exported)
        object.__setattr__(self, "_env", exported)

    def load_if_toml_exists(self) -> bool:
        """Return True when a secrets file exists (and load it); False instead of raising."""
        try:
            self._load()
        except SecretNotFoundError:
            return False
        return True


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


secrets = Secrets()
