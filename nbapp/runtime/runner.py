"""The run loop: apply widget changes, run callbacks, execute the script, build the tree."""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from nbapp.errors import DuplicateWidgetID, RerunException, StopException
from nbapp.runtime.context import reset_run_context, set_run_context
from nbapp.runtime.source import Source
from nbapp.runtime.state import SessionState, WidgetMeta
from nbapp.tree import Block, Element

FLUSH_INTERVAL = 0.05  # seconds between live updates of a long run's partial output


class RunContext:
    """Everything one run needs: its tree, its session, and the ``with`` cursor stack."""

    def __init__(
        self,
        app: "App",
        interrupt: Callable[[], bool] | None = None,
        flush: Callable[[Block], None] | None = None,
    ) -> None:
        self.app = app
        self.session_state = app.session_state
        self.main = Block("main")
        self.sidebar = Block("sidebar")
        self.root = Block("app", {"page_config": dict(app.page_config)}, [self.main, self.sidebar])
        self.stack: list[Any] = []  # Containers entered with `with`
        self.widget_ids: dict[str, str] = {}  # state key -> label, for duplicate detection
        self.forms: dict[str, bool] = {}  # form key -> clear_on_submit
        self.submitted_forms: set[str] = set()
        self.run_number = app.runs + 1
        self._interrupt = interrupt
        self._flush = flush
        self._last_flush = time.monotonic()

    def checkpoint(self) -> None:
        """Stop this run early when newer widget state is waiting (called by every element)."""
        if self._interrupt is not None and self._interrupt():
            raise RerunException(stale=True)

    def element_added(self, live: bool = False) -> None:
        """Show partial output of a long run; ``live`` elements (progress, spinner) show at once."""
        if self._flush is None:
            return
        now = time.monotonic()
        if live or now - self._last_flush > FLUSH_INTERVAL:
            self._last_flush = now
            self._flush(self.root)

    def register_widget(self, meta: WidgetMeta, label: str) -> Any:
        """Check the widget's identity is unique in this run, then return its current value.

        Unique by state key: a ``key=`` names one widget whatever its kind or bounds, since
        the widgets would share one value.
        """
        if meta.state_key in self.widget_ids:
            hint = "" if meta.key is None else f" with key={meta.key!r}"
            raise DuplicateWidgetID(
                f"There are multiple `st.{meta.kind}` widgets{hint} with the same identity "
                f"(label {label!r}). Give each one a unique `key=` argument, "
                f"e.g. st.{meta.kind}({label!r}, ..., key='{meta.kind}_2')."
            )
        self.widget_ids[meta.state_key] = label
        return self.session_state.register(meta)


class App:
    """One app: its source, its session state, and the last tree it produced.

    ``globals_fn`` returns the namespace a run starts from (the notebook's globals).
    """

    def __init__(self, text: str, *, filename: str, globals_fn: Callable[[], Mapping[str, Any]] | None = None):
        self.filename = filename
        self.session_state = SessionState()
        self.page_config: dict[str, Any] = {}
        self.globals_fn = globals_fn
        self.runs = 0  # script executions started, stale ones included
        self.tree: Block | None = None
        self.set_source(text)

    def set_source(self, text: str) -> None:
        """Recompile when the text changed; a SyntaxError is kept and shown by the next run."""
        if getattr(self, "_text", None) == text:
            return
        self._text = text
        try:
            self._source: Source | SyntaxError = Source.compile(text, self.filename)
        except SyntaxError as err:
            self._source = err

    def run(
        self,
        changes: dict[str, Any] | None = None,
        *,
        interrupt: Callable[[], bool] | None = None,
        flush: Callable[[Block], None] | None = None,
    ) -> Block | None:
        """Apply ``changes`` (state key -> value), run callbacks, then run the script.

        Returns the finished tree, or None when the run went stale (``interrupt()`` became
        true) and a newer request should be run instead. ``st.rerun()`` loops here.
        """
        state = self.session_state
        changed = state.apply_changes(changes or {})
        while True:
            ctx = RunContext(self, interrupt, flush)
            token = set_run_context(ctx)
            state.forget_drawn()
            completed = False
            self.runs += 1
            try:
                callbacks, changed = changed, []
                if state.run_callbacks(callbacks):
                    _warn_rerun_in_callback()
                if isinstance(self._source, SyntaxError):
                    raise self._source
                exec(self._source.code, self._source.namespace(self.globals_fn() if self.globals_fn else None))
                completed = True
            except RerunException as rerun:
                if rerun.stale:
                    state.reset_triggers(only_drawn=True)
                    return None
                state.reset_triggers()
                if interrupt is not None and interrupt():
                    return None  # newer state waits: an app that reruns itself yields to it too
                continue
            except StopException:
                pass
            except SystemExit as exc:  # a pasted script's sys.exit() / argparse must not end the worker
                if exc.code not in (None, 0):
                    _show_exception(ctx, exc)
            except Exception as exc:  # the app's own error: show it, keep the widgets live
                _show_exception(ctx, exc)
            finally:
                reset_run_context(token)
                ctx.root.props["page_config"] = dict(self.page_config)
            if completed:
                state.end_run()
            _clear_submitted_forms(ctx)
            state.forget_drawn()
            state.reset_triggers()
            self.tree = ctx.root
            return ctx.root


def _clear_submitted_forms(ctx: RunContext) -> None:
    """``clear_on_submit``: reset the form's widgets and show their defaults in this run's tree.

    The run itself saw the submitted values; ``pushed`` (the widget's push count) changes so
    the renderer pushes the default even though the previous tree drew it too (the browser
    shows what was typed).
    """
    state = ctx.session_state
    for form in ctx.submitted_forms:
        if not ctx.forms.get(form):
            continue
        reset = {meta.id: meta for meta in state.reset_form(form)}
        for node in ctx.root.walk():
            meta = reset.get(node.id)
            if meta is not None:
                node.props = {**node.props, "value": meta.serialize(meta.default),
                              "pushed": state.pushes(meta.state_key)}


def _warn_rerun_in_callback() -> None:
    from nbapp.container import current_container

    current_container().warning("st.rerun() in a callback does nothing: the app reruns after its callbacks anyway.")


def _show_exception(ctx: RunContext, exc: BaseException) -> None:
    from nbapp.elements.alerts import exception_element

    ctx.main.children.append(exception_element(exc))


def tree_text(node: Block | Element) -> str:
    """Return the tree as indented ``kind: props`` lines (for debugging and test failure messages)."""
    lines: list[str] = []

    def visit(n, depth):
        lines.append("  " * depth + f"{n.kind}: {n.props if isinstance(n, Element) else ''}")
        if isinstance(n, Block):
            for c in n.children:
                visit(c, depth + 1)

    visit(node, 0)
    return "\n".join(lines)
