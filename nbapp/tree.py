"""The element tree of one run: plain data, no widgets, no rendering."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union


@dataclass(eq=False)
class Element:
    """One leaf of the tree: ``kind`` names the element (``"markdown"``, ``"slider"``...).

    ``props`` holds what the renderer needs; ``id`` is the widget id for input widgets
    (stable across runs while the widget's identity holds) and None otherwise.
    """

    kind: str
    props: dict[str, Any]
    id: str | None = None


@dataclass(eq=False)
class Block:
    """A container node: the main column, the sidebar, columns, tabs, an expander, a form..."""

    kind: str
    props: dict[str, Any] = field(default_factory=dict)
    children: list["Node"] = field(default_factory=list)
    id: str | None = None
    form: str | None = None  # the id of the enclosing st.form, inherited by nested blocks

    def walk(self):
        """Yield every node below this block, depth first, in document order."""
        for child in self.children:
            yield child
            if isinstance(child, Block):
                yield from child.walk()


Node = Union[Element, Block]


def node_keys(children: list[Node]) -> list[str]:
    """Return a reconcile key per child: the widget id, else ``kind#n`` (n-th child of that kind).

    Keys let a renderer reuse the widget it drew for the same node in the previous run.
    """
    seen: dict[str, int] = {}
    keys = []
    for child in children:
        if child.id is not None:
            keys.append(child.id)
            continue
        n = seen.get(child.kind, 0)
        seen[child.kind] = n + 1
        keys.append(f"{child.kind}#{n}")
    return keys


def replace_block(root: Block, new: Block) -> Block:
    """Return ``root`` with the block whose id is ``new.id`` replaced by ``new`` (``root`` is unchanged).

    Only the blocks on the way down are copied; a tree without such a block comes back as is.
    """
    for i, child in enumerate(root.children):
        if isinstance(child, Block):
            if child.id is not None and child.id == new.id:
                replaced = new
            else:
                replaced = replace_block(child, new)
                if replaced is child:
                    continue
            return Block(root.kind, root.props, [*root.children[:i], replaced, *root.children[i + 1:]], root.id,
                         root.form)
    return root


def copy_node(node: Node) -> Node:
    """Return a copy of ``node`` whose blocks are new (props are shared: trees never change them)."""
    if isinstance(node, Element):
        return Element(node.kind, node.props, node.id)
    return Block(node.kind, node.props, [copy_node(c) for c in node.children], node.id, node.form)
