"""Positions on demand, for a text too large to keep the line and column of every value (an
organisation of tens of thousands of units): it is read without them (`core.findings.Unlocated`),
and the positions of the few paths its findings name are found afterwards by walking its events
(`positions_of`), without building its values again."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import yaml

from plan744.core.findings import SourceMap
from plan744.readers.yaml_source import _Loader, _nfc, readable

Path = tuple[str | int, ...]


def positions_of(raw: bytes, file: str, paths: Iterable[Path]) -> SourceMap:
    """The positions of `paths` and of their ancestors (where `SourceMap.locate` falls back to)
    in a text `load_yaml` read without error: its events walked with a stack of paths, keys
    NFC-normalised as the readers do, nothing built. Only what is wanted is kept."""
    wanted = frozenset(p[:i] for p in paths for i in range(len(p) + 1))
    source = SourceMap(file)
    text, _ = readable(raw, file)  # the very text load_yaml parsed (its findings said already)
    if text is None or not wanted:
        return source
    values, keys = source.values, source.keys
    scalar, mapping, sequence = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    stack: list[list[Any]] = []  # [path, is a mapping, the pending key (None: a key comes next) or next index]
    parser = _Loader(text)
    get_event: Callable[[], Any] = parser.get_event  # events typed loosely: their fields differ by kind
    try:
        while (event := get_event()) is not None:
            kind = event.__class__
            if kind in ends:
                stack.pop()
                continue
            if kind is not scalar and kind is not mapping and kind is not sequence:
                continue  # the stream's and the document's own events
            mark = event.start_mark
            if not stack:
                path: Path = ()
            else:
                frame = stack[-1]
                if frame[1] and frame[2] is None:  # a mapping's key
                    frame[2] = _nfc(event.value)
                    at = frame[0] + (frame[2],)
                    if at in wanted:
                        keys[at] = (mark.line + 1, mark.column + 1)
                    continue
                path = frame[0] + (frame[2],)
                frame[2] = None if frame[1] else frame[2] + 1
            if path in wanted:
                values[path] = (mark.line + 1, mark.column + 1)
            if kind is not scalar:
                stack.append([path, kind is mapping, None if kind is mapping else 0])
    finally:
        parser.dispose()
    return source
