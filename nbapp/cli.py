"""The ``nbapp`` command: run, convert, export, hello, cache.

Every mistake the user can fix (a bad path, a broken notebook, a port in use) ends with
one line naming the thing and the fix on stderr, and exit status 2; never a traceback.

Examples
--------
::

    nbapp run app.py                 # serve a script (or a notebook) as an app
    nbapp convert analysis.ipynb --to script
    nbapp export app.py --to html    # a static snapshot that opens without a server
    nbapp hello                      # the gallery
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import nbapp
from nbapp.serve.errors import UsageError

CONVERSIONS = ("dashboard", "script", "notebook")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``nbapp`` command line with ``argv`` (default ``sys.argv[1:]``); returns the exit status.

    Examples
    --------
    >>> main(["--version"])  # doctest: +SKIP
    nbapp 0.1.0
    0
    """
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.command(args) or 0
    except UsageError as err:
        print(f"nbapp: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nbapp", description="Streamlit's programming model in Jupyter: serve, convert and export apps.")
    parser.add_argument("--version", action="version", version=f"nbapp {nbapp.__version__}")
    parser.set_defaults(command=lambda args: parser.print_help())
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    run = commands.add_parser("run", help="serve a script or notebook as an app through Voilà",
                              description="Serve PATH as an app in the browser. A .py script runs like "
                                          "`streamlit run`; a notebook shows its %%app cells and markdown.")
    run.add_argument("path", metavar="PATH", help="the app: a .py script or an .ipynb notebook")
    _serve_arguments(run)
    run.set_defaults(command=_run)

    hello = commands.add_parser("hello", help="serve the built-in gallery of example apps",
                                description="Serve nbapp's gallery: the hello tour (hello, plotting, dataframe, fractal, map) "
                                            "and the demos (cached pipeline, semantic search, offline chat, latent explorer).")
    _serve_arguments(hello)
    hello.set_defaults(command=_hello)

    convert = commands.add_parser(
        "convert", help="notebook -> dashboard notebook or app.py; app.py -> notebook",
        description="Convert between app formats. A notebook becomes a dashboard notebook (only the apps' "
                    "output visible) or a script (its %%app cells, in order); a script becomes a notebook.")
    convert.add_argument("path", metavar="PATH", help="the .ipynb notebook or .py script to convert")
    convert.add_argument("--to", choices=CONVERSIONS,
                         help="what to make (default: notebook for a script; for a notebook, required)")
    convert.add_argument("-o", "--output", metavar="OUT", help="where to write it (default: next to PATH)")
    convert.add_argument("--force", action="store_true", help="overwrite OUT when it exists")
    convert.set_defaults(command=_convert)

    export = commands.add_parser("export", help="a static HTML snapshot of one run of an app",
                                 description="Run the app once and write its page as static HTML, widgets "
                                             "frozen at their current values; it opens without a server.")
    export.add_argument("path", metavar="PATH", help="the app: a .py script or an .ipynb notebook")
    export.add_argument("--to", choices=("html",), default="html", help="the format (default: html)")
    export.add_argument("-o", "--output", metavar="OUT", help="where to write it (default: PATH with .html)")
    export.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="how long the run may take (default: 60)")
    export.set_defaults(command=_export)

    cache = commands.add_parser("cache", help="manage the cache of @st.cache_data / @st.cache_resource",
                                description="Manage nbapp's cache.")
    cache_commands = cache.add_subparsers(title="commands", metavar="COMMAND")
    cache.set_defaults(command=lambda args: cache.print_help())
    clear = cache_commands.add_parser("clear", help="delete everything cached, in memory and on disk",
                                      description="Delete every cached value, in memory and on disk.")
    clear.set_defaults(command=_cache_clear)
    return parser


def _serve_arguments(parser: argparse.ArgumentParser) -> None:
    from nbapp.serve.options import ServeOptions

    d = ServeOptions(path=Path("."))
    parser.add_argument("--host", default=d.host, help=f"the address to listen on (default: {d.host}, this machine only)")
    parser.add_argument("--port", type=int, help="the port (default: 8501, or the next free one; 0: any free port)")
    parser.add_argument("--no-browser", dest="open_browser", action="store_false", help="do not open a browser")
    parser.add_argument("--no-watch", dest="watch", action="store_false",
                        help="do not rerun open pages when the script is saved")
    parser.add_argument("--timeout", type=float, default=d.timeout, metavar="SECONDS",
                        help=f"how long the app's first run may take before the page reports it "
                             f"(default: {d.timeout:g}; 0: no limit)")
    parser.add_argument("--no-preheat", dest="preheat", action="store_false",
                        help="start each page's kernel on request instead of keeping warm ones ready")
    parser.add_argument("--no-fork", dest="fork", action="store_false",
                        help="start each page's kernel as a new process instead of forking it from a warm parent "
                             "that already imported the app and ran its cached loaders")
    parser.add_argument("--pool-size", type=int, default=d.pool_size, metavar="N",
                        help=f"how many warm kernels to keep ready (default: {d.pool_size})")
    parser.add_argument("--cull-idle", type=int, default=d.cull_idle, metavar="SECONDS",
                        help=f"shut down a session's kernel idle this long after its page closed "
                             f"(default: {d.cull_idle}; 0: never)")
    parser.add_argument("--theme", choices=("light", "dark"), default=None,
                        help="the page's theme (default: theme.base in .streamlit/config.toml, else light)")
    parser.add_argument("--debug", action="store_true", help="log everything and show server tracebacks in the page")
    parser.add_argument("--gateway-url", metavar="URL", help="start the pages' kernels on this Jupyter Kernel "
                        "Gateway or Enterprise Gateway (e.g. http://127.0.0.1:8888) instead of here")
    parser.add_argument("--cache-dir", metavar="DIR", help="the folder of st.cache_data's disk cache, e.g. on shared "
                        "storage (default: $NBAPP_CACHE_DIR, else ~/.cache/nbapp)")
    parser.add_argument("--jupyterhub", action="store_true", help="serve as a JupyterHub service: the hub's "
                        "address, URL prefix and login (run as a service's command in jupyterhub_config.py)")


def _serve(args: argparse.Namespace, path: Path) -> None:
    from nbapp.serve.options import ServeOptions

    if args.fork and not args.gateway_url and path.is_file():
        # The warm parent's warm-up (imports, the app's first run) overlaps the server's imports;
        # it caches where the pages' kernels will.
        if args.cache_dir:
            from nbapp.cachedir import use_cache_dir

            use_cache_dir(args.cache_dir)
        from nbapp.serve.warm import app_config, prestart

        prestart(**app_config(path.resolve(), args.timeout))
    from nbapp.serve.server import serve

    options = ServeOptions(path=path, host=args.host, port=args.port, open_browser=args.open_browser,
                           watch=args.watch, timeout=args.timeout, preheat=args.preheat, pool_size=args.pool_size,
                           fork=args.fork,
                           cull_idle=args.cull_idle, theme=args.theme or _config_theme(path) or d_theme(),
                           debug=args.debug, gateway_url=args.gateway_url, cache_dir=args.cache_dir,
                           jupyterhub=args.jupyterhub)
    if options.port is not None and not 0 <= options.port < 65536:
        raise UsageError(f"--port {options.port} is not a port number. Give one from 1 to 65535, or 0 for any free one.")
    serve(options)


def _config_theme(path: Path) -> str | None:
    """config.toml's ``theme.base`` ("light" or "dark") for the app at ``path``, if set."""
    from nbapp.config import file_options

    base = file_options(Path(path).resolve().parent).get("theme.base")
    return base if base in ("light", "dark") else None


def d_theme() -> str:
    from nbapp.serve.options import ServeOptions

    return ServeOptions.theme


def _run(args: argparse.Namespace) -> None:
    _serve(args, Path(args.path))


def _hello(args: argparse.Namespace) -> None:
    from nbapp.serve.gallery import GALLERY

    _serve(args, GALLERY)


def _convert(args: argparse.Namespace) -> None:
    from nbapp.serve.notebooks import convert

    target = convert(Path(args.path), to=args.to, output=Path(args.output) if args.output else None, force=args.force)
    print(f"Wrote {target}")


def _export(args: argparse.Namespace) -> None:
    from nbapp.serve.export import export_html

    output = Path(args.output) if args.output else None
    target = export_html(Path(args.path), output=output, timeout=args.timeout)
    print(f"Wrote {target}")


def _cache_clear(args: argparse.Namespace) -> None:
    from nbapp.caching import clear_all

    clear_all()
    print("Cleared nbapp's cache (memory and disk).")


if __name__ == "__main__":
    sys.exit(main())
