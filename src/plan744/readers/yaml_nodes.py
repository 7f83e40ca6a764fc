"""The common case of reading a YAML file, faster than the event stream: libyaml
composes the document into nodes (in C) and `Walker` turns them into the same values and
positions `yaml_source._Builder` gives. A text that may hold an anchor, an alias or a tag, or
that holds a duplicate key, a character to clean, or more than the limits allow, is left to
the builder (`FALLBACK`), which reads it again and says what is wrong."""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml

from plan744.core.findings import SourceMap
from plan744.core.text import clean
from plan744.readers.yaml_scalars import resolve_plain

try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _CParser = None  # type: ignore[misc,assignment]

AVAILABLE = _CParser is not None
"""Whether libyaml is there: without it every text goes to the builder."""

Path = tuple[str | int, ...]

_NODE_START = frozenset(" \t\r\n[]{},:?-")


def may_have_properties(text: str) -> bool:
    """Whether the text may hold an anchor, an alias or a tag: each begins a node with & * or !
    after a space, a line's start or a flow or block indicator. "KH&CN" or "(*)" in a value do
    not; a file without any of the three characters (most) is settled by three scans."""
    for mark in "&*!":
        at = text.find(mark)
        while at >= 0:
            if at == 0 or text[at - 1] in _NODE_START:
                return True
            at = text.find(mark, at + 1)
    return False


if _CParser is not None:
    class _NodeParser(_CParser):
        """libyaml's parser and composer, with no tag resolution: `Walker` types the scalars.
        The composer calls these three for every node and `Walker` reads none of their answers:
        C built-ins taking the same arguments cost no Python frame (a tenth of the walk)."""

        resolve = staticmethod(slice)  # (kind, value, implicit) -> a tag nobody reads
        descend_resolver = staticmethod(slice)  # (parent, index)
        ascend_resolver = staticmethod(tuple)  # ()


class Walker:
    """One text's values and positions (into `source`), or `FALLBACK`: a document that is not
    one mapping, or holds a duplicate key, a complex key, a character to clean, or goes past
    the limits of nodes or depth."""

    def __init__(self, source: SourceMap, max_nodes: int, max_depth: int) -> None:
        self.values, self.keys = source.values, source.keys
        self.nodes, self.max_nodes, self.max_depth = 0, max_nodes, max_depth

    def load(self, text: str) -> Any:
        parser = _NodeParser(text)
        try:
            root = parser.get_single_node()
            if root is None or root.__class__ is not yaml.MappingNode:
                return FALLBACK
            mark = root.start_mark
            self.values[()] = (mark.line + 1, mark.column + 1)
            self.nodes = 1
            return self._node(root, (), 0)
        except (yaml.YAMLError, _Fallback):
            return FALLBACK
        finally:
            parser.dispose()

    def _node(self, node: Any, path: Path, depth: int) -> Any:
        """A collection's value (its own position recorded by the caller); its scalars are read
        inline, the bulk of any file."""
        if depth >= self.max_depth:
            raise _Fallback
        values, scalar, nfc = self.values, yaml.ScalarNode, unicodedata.normalize
        pairs = node.value
        self.nodes += len(pairs) * 2 if node.__class__ is yaml.MappingNode else len(pairs)
        if self.nodes > self.max_nodes:
            raise _Fallback
        if node.__class__ is yaml.SequenceNode:
            items: list[Any] = []
            for i, item in enumerate(pairs):
                mark = item.start_mark
                at = path + (i,)
                values[at] = (mark.line + 1, mark.column + 1)
                items.append(self._scalar(item) if item.__class__ is scalar else self._node(item, at, depth + 1))
            return items
        out: dict[str, Any] = {}
        keys = self.keys
        for key_node, value_node in pairs:
            if key_node.__class__ is not scalar:
                raise _Fallback
            key = key_node.value
            if not key.isascii():
                key = nfc("NFC", key)
            if key in out:
                raise _Fallback
            mark = key_node.start_mark
            at = path + (key,)
            keys[at] = (mark.line + 1, mark.column + 1)
            mark = value_node.start_mark
            values[at] = (mark.line + 1, mark.column + 1)
            if value_node.__class__ is scalar:
                text = value_node.value
                if not text.isascii():
                    text = nfc("NFC", text)
                value = text if value_node.style else resolve_plain(text)
                if value.__class__ is str and not value.isprintable():
                    value, removed = clean(value)
                    if removed:
                        raise _Fallback
                out[key] = value
            else:
                out[key] = self._node(value_node, at, depth + 1)
        return out

    @staticmethod
    def _scalar(node: Any) -> Any:
        text = node.value
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        value = text if node.style else resolve_plain(text)
        if value.__class__ is str:
            value, removed = clean(value)
            if removed:
                raise _Fallback
        return value


class _Fallback(Exception):
    """The text needs `_Builder`: it raises the findings this walk does not."""


FALLBACK = object()
