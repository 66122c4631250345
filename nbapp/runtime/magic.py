"""Streamlit's "magic": a bare expression on its own line is shown as ``st.write`` would show it.

``df`` alone on a line draws the frame, ``"## Title"`` draws a heading, ``x, y`` writes both;
the statement still evaluates to its value. As in Streamlit: calls are left alone (they are
commands or have effects), and so are docstrings (a module's or a function's first string),
``yield`` and ``await``; expressions inside functions, methods, ``with``, ``for``, ``while``,
``if``, ``try`` and ``match`` bodies count. Config: ``runner.magicEnabled`` turns it off,
``magic.displayRootDocString`` shows the script's docstring, ``magic.displayLastExprIfNoSemicolon``
shows a last top-level call's value unless the line ends with ``;``.
"""
from __future__ import annotations

import ast
from typing import Any

from nbapp import config

WRITER = "__nbapp_magic__"  # the name the rewritten code calls, bound by an import the rewrite adds
_BLOCKS = ("body", "orelse", "finalbody")
_DOCSTRING_PARENTS = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)


def add_magic(text: str, filename: str) -> ast.Module:
    """Return the syntax tree of ``text`` with its bare expressions written; raises SyntaxError for invalid code."""
    tree = ast.parse(text, filename, "exec")
    if not config.get_option("runner.magicEnabled"):
        return tree
    last_call = bool(config.get_option("magic.displayLastExprIfNoSemicolon")) and not _ends_in_semicolon(tree, text)
    _rewrite(tree, root=True, last_call=last_call, root_docstring=bool(config.get_option("magic.displayRootDocString")))
    tree.body.insert(_import_position(tree), ast.Import(names=[ast.alias(name="nbapp.magic_funcs", asname=WRITER)]))
    return ast.fix_missing_locations(tree)


def _rewrite(node: Any, *, root: bool = False, last_call: bool = False, root_docstring: bool = False) -> None:
    if isinstance(node, ast.ClassDef):  # a class body runs once, at definition: only its methods count
        for inner in node.body:
            if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                _rewrite(inner)
        return
    for attr in _BLOCKS:
        body = getattr(node, attr, None)
        if not isinstance(body, list):
            continue
        for i, stmt in enumerate(body):
            if isinstance(stmt, ast.Expr):
                last = root and attr == "body" and i == len(body) - 1
                if _shown(stmt.value, first=i == 0 and attr == "body" and isinstance(node, _DOCSTRING_PARENTS),
                          call_shown=last and last_call, docstring_shown=root and root_docstring):
                    args = stmt.value.elts if isinstance(stmt.value, ast.Tuple) else [stmt.value]
                    stmt.value = ast.Call(func=ast.Attribute(value=ast.Name(id=WRITER, ctx=ast.Load()),
                                                             attr="transparent_write", ctx=ast.Load()),
                                          args=args, keywords=[])
            else:
                _rewrite(stmt)
    for handler in getattr(node, "handlers", ()):  # try / except
        _rewrite(handler)
    for case in getattr(node, "cases", ()):  # match
        _rewrite(case)


def _shown(value: ast.expr, *, first: bool, call_shown: bool, docstring_shown: bool) -> bool:
    if isinstance(value, ast.Call):
        return call_shown
    if first and isinstance(value, ast.Constant) and isinstance(value.value, str):
        return docstring_shown
    return not isinstance(value, (ast.Yield, ast.YieldFrom, ast.Await))


def _import_position(tree: ast.Module) -> int:
    """After a leading docstring and ``from __future__`` imports (which must come first), else at the top."""
    body, i = tree.body, 0
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        i = 1
    while i < len(body) and isinstance(body[i], ast.ImportFrom) and body[i].module == "__future__":
        i += 1
    return i


def _ends_in_semicolon(tree: ast.Module, text: str) -> bool:
    if not tree.body:
        return False
    line = text.split("\n")[tree.body[-1].end_lineno - 1]
    return line.strip(" ").endswith(";")
