"""The run loop: apply widget changes, run callbacks, execute the script, build the tree."""
from __future__ import annotations

import contextlib
import time
import uuid
from dataclasses import dataclass, field
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from nbapp.errors import DuplicateWidgetID, RerunException, StopException
from nbapp.runtime.binding import mirror, unbind_stale
from nbapp.runtime.context import reset_run_context, set_run_context
from nbapp.runtime.query_params import QueryParams
from nbapp.runtime.state import SessionState, WidgetMeta
from nbapp.runtime.source import Source, exception_element
from nbapp.tree import Block, Element, Node, copy_node, replace_block

FLUSH_INTERVAL = 0.05  # seconds between live updates of a long run's partial output
ROOTS = ("main", "sidebar")  # the roots every run has, in page order


class RunContext:
    """Everything one run needs: its tree, its session, its scope and the ``with`` cursor stack.

    The tree's roots are named: "main" and "sidebar" always exist; any other ("bottom", a
    dialog, a page) is added the first time something is drawn into it. ``scope`` is None
    for a run of the whole script, else the id of the fragment this run covers.
    """

    def __init__(
        self,
        app: "App",
        interrupt: Callable[[], bool] | None = None,
        flush: Callable[[Block], None] | None = None,
        scope: str | None = None,
    ) -> None:
        self.app = app
        self.session_state = app.session_state
        self.roots = {name: Block(name) for name in ROOTS}
        self.root = Block("app", {"page_config": dict(app.page_config)}, list(self.roots.values()))
        self.scope = scope  # the fragment drawing now (changes as a full run calls fragments)
        self.run_scope = scope  # the fragment this whole run covers (None: the app)
        self.fragments: dict[str, Scope] = {}  # fragments called in this run, by id
        self.scope_blocks: set[int] = set()  # ids of the blocks drawn inside the current fragment
        self.fragment_calls: dict[str, int] = {}  # calls so far of each fragment function, in the current scope
        self.stack: list[Any] = []  # DeltaGenerators entered with `with`
        self.widget_ids: dict[str, str] = {}  # state key -> label, for duplicate detection
        self.forms: dict[str, bool] = {}  # form key -> clear_on_submit
        self.submitted_forms: set[str] = set()
        self.current_page: dict[str, str] = {}  # st.navigation's page of this run: its title and icon
        self.in_callback = False  # a widget callback runs (st.rerun("key") is allowed there only)
        self.run_number = app.runs + 1
        self.session_id = app.session_id  # Streamlit's ScriptRunContext.session_id
        self._recorders: list[list[tuple[str | None, Node]]] = []
        self._interrupt = interrupt
        self._flush = flush
        self._last_flush = time.monotonic()

    @property
    def main(self) -> Block:
        return self.roots["main"]

    def root_block(self, name: str) -> Block:
        """Return the root block ``name``, adding it to the tree the first time."""
        block = self.roots.get(name)
        if block is None:
            block = self.roots[name] = Block(name)
            self.root.children.append(block)
        return block

    def checkpoint(self) -> None:
        """Stop this run early when newer widget state is waiting (called by every element)."""
        if self._interrupt is not None and self._interrupt():
            raise RerunException(stale=True)

    def element_added(self, node: Node, live: bool = False, root: str | None = None) -> None:
        """Note a node drawn (into the root ``root``, or a container); show partial output of a long run.

        ``live`` elements (progress, spinner) show at once. Active recordings (a cached
        function being computed) keep the node, to draw it again on a cache hit.
        """
        for recording in self._recorders:
            recording.append((root, node))
        if self._flush is None:
            return
        now = time.monotonic()
        if live or now - self._last_flush > FLUSH_INTERVAL:
            self._last_flush = now
            self._flush(self.root)

    def refresh(self) -> None:
        """Show the partial output now: an element already drawn changed (``st.status(...).update()``)."""
        if self._flush is not None:
            self._last_flush = time.monotonic()
            self._flush(self.root)

    @property
    def in_cached_function(self) -> bool:
        """True while a cached function is being computed (what it draws is being recorded)."""
        return bool(self._recorders)

    @contextlib.contextmanager
    def recording(self) -> Iterator[list[tuple[str | None, Node]]]:
        """Collect ``(root, node)`` for every element drawn inside the ``with`` block, in order.

        ``root`` names the root it went to, or is None for a container (the cursor). Nodes
        inside a block drawn in the ``with`` block come with it, not separately; widgets are
        left out (their state belongs to this run, not to a cached result).
        """
        nodes: list[tuple[str | None, Node]] = []
        self._recorders.append(nodes)
        try:
            yield nodes
        finally:
            self._recorders.remove(nodes)
            inner = {id(child) for _, node in nodes if isinstance(node, Block) for child in node.walk()}
            nodes[:] = [(root, node) for root, node in nodes if id(node) not in inner and node.id is None]

    def replay(self, drawn: list[tuple[str | None, Node]]) -> None:
        """Draw recorded elements again: into their root, or where ``st.*`` writes now (inside ``with`` too)."""
        for root, node in drawn:
            if root is None or root == "main":
                target = self.stack[-1]._target(self) if self.stack else self.main
            else:
                target = self.root_block(root)
            copied = copy_node(node)
            target.children.append(copied)
            self.element_added(copied, False, root)

    def register_widget(self, meta: WidgetMeta) -> Any:
        """Check the widget's identity is unique in this run, then return its current value.

        Unique by state key: a ``key=`` names one widget whatever its kind or bounds, since
        the widgets would share one value.
        """
        if meta.state_key in self.widget_ids:
            hint = "" if meta.key is None else f" with key={meta.key!r}"
            raise DuplicateWidgetID(
                f"There are multiple `st.{meta.kind}` widgets{hint} with the same identity "
                f"(label {meta.label!r}). Give each one a unique `key=` argument, "
                f"e.g. st.{meta.kind}({meta.label!r}, ..., key='{meta.kind}_2')."
            )
        self.widget_ids[meta.state_key] = meta.label
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
        self.session_id = str(uuid.uuid4())
        self.tree: Block | None = None
        self.fragments: dict[str, Scope] = {}  # the fragments the last tree holds, by id (see Scope)
        self.query_params = QueryParams()  # st.query_params: the page URL's, in a served page
        # A bound widget with on_change="ignore" puts its value in the URL at once, without a rerun (as Streamlit).
        self.session_state.when_stored(lambda meta, value: mirror(self.query_params, meta, value) if meta.url else None)
        self.page_info: dict[str, Any] = {}  # what the page reported of itself (st.context): url, locale...
        self.context_read = False  # a run read st.context: it reruns when the page reports
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
        scope: Scope | None = None,
    ) -> Block | None:
        """Apply ``changes`` (state key -> value), run callbacks, then run the script (or one scope).

        Returns the finished tree, or None when the run went stale (``interrupt()`` became
        true) and a newer request should be run instead. ``st.rerun()`` loops here, over the
        whole script. A scoped run redraws only its fragment's block into the last tree and
        prunes only the fragment's widgets.
        """
        state = self.session_state
        changed = state.apply_changes(changes or {})
        queued: list[Scope] = []  # fragments a callback's st.rerun("key") asked for, still to run
        while True:
            scope = scope if self.tree is not None else None  # nothing to splice into yet: run it all
            target = None if scope is None else Block(scope.kind, dict(scope.props), id=scope.id)
            ctx = RunContext(self, interrupt, _spliced(flush, self.tree, target), scope.id if scope else None)
            if target is None:
                target = ctx.main
            else:
                ctx.scope_blocks.add(id(target))
            token = set_run_context(ctx)
            state.forget_drawn()
            completed = False
            try:
                callbacks, changed = changed, []
                ctx.in_callback = True
                try:
                    targets, default = state.run_callbacks(callbacks)
                finally:
                    ctx.in_callback = False
                # Named fragments rerun instead of the interaction's own rerun, unless another
                # callback asked for that and it covers the whole app (Streamlit 1.67's votes).
                if targets and not (default and scope is None):
                    queued += [self.fragments[t] for t in targets if t in self.fragments]
                    if queued:
                        scope = queued.pop(0)
                        continue
                self.runs += 1  # the script (or a fragment) starts: a pass that only ran callbacks does not count
                if scope is not None:
                    scope.run(target)
                elif isinstance(self._source, SyntaxError):
                    raise self._source
                else:
                    exec(self._source.code, self._source.namespace(self.globals_fn() if self.globals_fn else None))
                completed = True
            except RerunException as rerun:
                if rerun.stale:
                    state.reset_triggers(only_drawn=True)
                    return None
                state.reset_triggers()
                if interrupt is not None and interrupt():
                    return None  # newer state waits: an app that reruns itself yields to it too
                scope = (ctx.fragments.get(rerun.fragment) or self.fragments.get(rerun.fragment)
                         if rerun.fragment else None)
                continue
            except StopException:
                pass
            except SystemExit as exc:  # a pasted script's sys.exit() / argparse must not end the worker
                if exc.code not in (None, 0):
                    target.children.append(exception_element(exc))
            except Exception as exc:  # the app's own error: show it, keep the widgets live
                target.children.append(exception_element(exc))
            finally:
                reset_run_context(token)
                # The page's title and icon name the browser tab unless set_page_config set them.
                ctx.root.props["page_config"] = {**self.page_config,
                                                 **({"current_page": ctx.current_page} if ctx.current_page else {})}
            if completed:
                unbind_stale(self.query_params, state, ctx.run_scope)
                state.end_run(ctx.run_scope)
            if scope is None:
                self.fragments = ctx.fragments
            else:
                self.fragments.update(ctx.fragments)
            tree = ctx.root if scope is None else _with_new_roots(replace_block(self.tree, target), ctx)
            _clear_submitted_forms(ctx, tree)
            state.forget_drawn()
            state.reset_triggers()
            self.tree = tree
            if queued:
                scope = queued.pop(0)
                continue
            return tree


@dataclass(frozen=True)
class Scope:
    """What a partial run covers: one fragment, redrawn into a fresh block that replaces its old one.

    ``run(block)`` draws the fragment into ``block`` (a Block of ``kind`` with ``props``
    and ``id``); the block of the last tree whose id is ``id`` is replaced by it.
    """

    id: str
    run: Callable[[Block], None]
    kind: str = "fragment"
    props: dict[str, Any] = field(default_factory=dict)


def _with_new_roots(tree: Block, ctx: RunContext) -> Block:
    """A fragment's run may draw into another root (a dialog it opens): that root replaces the tree's."""
    added = [block for name, block in ctx.roots.items() if name not in ROOTS and block.children]
    if not added:
        return tree
    names = {block.kind for block in added}
    children = [child for child in tree.children if child.kind not in names] + added
    return Block(tree.kind, tree.props, children, tree.id, tree.form)


def _spliced(flush: Callable[[Block], None] | None, tree: Block | None,
             target: Block | None) -> Callable[[Block], None] | None:
    """A fragment's partial output is shown inside the last tree, not as a tree of its own."""
    if flush is None or target is None or tree is None:
        return flush
    return lambda _root: flush(replace_block(tree, target))


def _clear_submitted_forms(ctx: RunContext, tree: Block) -> None:
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
        for node in tree.walk():
            meta = reset.get(node.id)
            if meta is not None:
                node.props = {**node.props, "value": meta.serialize(meta.default),
                              "pushed": state.pushes(meta.state_key)}



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
