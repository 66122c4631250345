"""SQLConnection: SQLAlchemy behind ``st.connection("sql")``; queries cached through ``st.cache_data``."""
from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from nbapp.connections.base import BaseConnection
from nbapp.errors import NbappAPIError

URL_PARAMS = ("url", "driver", "dialect", "username", "password", "host", "port", "database", "query")
REQUIRED = ("dialect", "username", "host")
_LIVE: dict[str, "SQLConnection"] = {}  # instance id -> connection, for the cached query function


class SQLConnection(BaseConnection):
    """A connection to a SQL database through SQLAlchemy (any URL it knows: SQLite, Postgres, MySQL...).

    Configured by ``url=`` or ``dialect``/``driver``/``username``/``password``/``host``/``port``/
    ``database``/``query`` given to ``st.connection`` or under ``[connections.NAME]`` in secrets;
    other arguments (and a ``create_engine_kwargs`` table) go to ``sqlalchemy.create_engine``.
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._id = str(uuid.uuid4())
        super().__init__(connection_name, **kwargs)
        _LIVE[self._id] = self

    def _connect(self, autocommit: bool = False, **kwargs: Any) -> Any:
        sqlalchemy = _sqlalchemy(self._connection_name)
        from sqlalchemy.engine import URL, make_url

        given = {k: kwargs.pop(k) for k in URL_PARAMS if k in kwargs}
        params = {**self._secrets.to_dict(), **given}
        params.pop("type", None)
        engine_kwargs = {**params.pop("create_engine_kwargs", {}), **kwargs}
        name = self._connection_name
        if not any(k in params for k in URL_PARAMS):
            raise NbappAPIError(
                f"st.connection({name!r}): missing SQL DB connection configuration. Pass url=..., e.g. "
                f"st.connection({name!r}, type='sql', url='sqlite:///data.db'), or set url under "
                f"[connections.{name}] in .streamlit/secrets.toml.")
        try:
            if "url" in params:
                url = make_url(params["url"])
            else:
                missing = [p for p in REQUIRED if p not in params]
                if missing:
                    raise NbappAPIError(
                        f"st.connection({name!r}): missing {', '.join(missing)}. Set it under "
                        f"[connections.{name}] in .streamlit/secrets.toml or pass it to st.connection.")
                driver = params["dialect"] + (f"+{params['driver']}" if params.get("driver") else "")
                url = URL.create(driver, username=params["username"], password=params.get("password"),
                                 host=params["host"], port=int(params["port"]) if "port" in params else None,
                                 database=params.get("database"), query=params.get("query", {}))
            engine = sqlalchemy.create_engine(url, **engine_kwargs)
        except NbappAPIError:
            raise
        except Exception as err:  # a malformed URL, an unknown dialect or a driver that is not installed
            shown = params.get("url") if isinstance(params.get("url"), str) else None
            shown = _hide_password(shown) if shown else "the configured URL"
            raise NbappAPIError(f"st.connection({name!r}): cannot use {shown}: {type(err).__name__}: "
                                f"{_without(err, params.get('password'))}. Fix the url (a SQLAlchemy URL such as "
                                f"'sqlite:///data.db' or 'postgresql://user@host/db').") from None
        return engine.execution_options(isolation_level="AUTOCOMMIT") if autocommit else engine

    def query(self, sql: str, *, show_spinner: bool | str = "Running `sql.query(...)`.",
              ttl: float | int | timedelta | None = None, index_col: str | list[str] | None = None,
              chunksize: int | None = None, params: Any = None, **kwargs: Any):
        """Run a read query and return its rows as a pandas DataFrame, cached through ``st.cache_data``.

        ``ttl`` (seconds) bounds how long a result is reused (None: until the app's cache is
        cleared); ``params`` fills ``:name`` placeholders. Raises NbappAPIError naming the
        connection when the database cannot be reached or the SQL fails.

        Examples
        --------
        >>> conn.query("select name from pets where owner = :owner", params={"owner": "ann"}, ttl=60)
        """
        from nbapp.caching import cache_data

        qualname = f"SQLConnection.query_{self._connection_name}_{str(ttl).replace('.', '_')}"
        cached = cache_data(show_spinner=show_spinner, ttl=ttl)(_query_function(qualname))
        return cached(self._id, sql, index_col=index_col, chunksize=chunksize, params=params, **kwargs)

    def connect(self) -> Any:
        """Return a new SQLAlchemy Connection (close it, or use it in ``with``)."""
        return self._instance.connect()

    @property
    def engine(self) -> Any:
        """The SQLAlchemy Engine."""
        return self._instance

    @property
    def driver(self) -> str:
        """The name of the database driver, e.g. ``"pysqlite"``."""
        return self._instance.driver

    @property
    def session(self) -> Any:
        """A new SQLAlchemy Session bound to the engine (use it in ``with conn.session as s:``)."""
        from sqlalchemy.orm import Session

        return Session(self._instance)


def _query_function(qualname: str) -> Callable[..., Any]:
    def run_query(instance_id: str, sql: str, index_col=None, chunksize=None, params=None, **kwargs):
        import pandas as pd
        from sqlalchemy import exc, text

        connection = _LIVE[instance_id]
        try:
            with connection._instance.connect() as raw:
                return pd.read_sql(text(sql), raw, index_col=index_col, chunksize=chunksize, params=params, **kwargs)
        except exc.SQLAlchemyError as err:
            connection.reset()
            raise NbappAPIError(
                f"SQLConnection {connection._connection_name!r}: the query failed: "
                f"{_without(getattr(err, 'orig', None) or err, None)}. Check the SQL and that the database at "
                f"{_hide_password(str(connection._instance.url))} is reachable.") from None

    run_query.__qualname__ = qualname
    return run_query


def _sqlalchemy(name: str):
    try:
        import sqlalchemy
    except ImportError:
        raise NbappAPIError(f"st.connection({name!r}): SQL connections need SQLAlchemy. Install it with "
                            "`pip install sqlalchemy`.") from None
    return sqlalchemy


def _hide_password(url: str) -> str:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "the configured URL"


def _without(err: Any, password: Any) -> str:
    text = str(err).split("\n(Background on this error")[0].strip()
    return text.replace(str(password), "***") if password else text
