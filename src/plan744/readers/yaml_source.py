"""A strict YAML reader that remembers where every value came from.

PyYAML's parser (C version when available) produces events, or, for most files, libyaml
composes nodes (`yaml_nodes`); we build plain Python values from them ourselves so that:
- every value and key keeps its line and column (`SourceMap`), for located errors;
- duplicate keys, anchors/aliases, explicit tags and extra documents are rejected
  (PyYAML would keep the last duplicate silently and expand alias bombs);
- plain scalars resolve to a small, predictable set of types (`yaml_scalars`);
- text is NFC-normalised and cleaned of control and invisible characters (`core.text`),
  with a warning where something was removed; input must be UTF-8 (a BOM is accepted);
- a file is bounded in size, depth, number of values and digits per number.

Nothing a user can type makes `load_yaml` raise: every problem is a `Finding`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from plan744.core.findings import Finding, SourceMap, Unlocated
from plan744.core.messages import make
from plan744.core.text import clean
from plan744.readers import yaml_nodes
from plan744.readers.yaml_scalars import resolve_plain

try:  # the C parser is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
"""A unit's report is a few kilobytes; the plan and organisation files have their own limit."""
MAX_DEPTH = 32
MAX_NODES = 50_000
"""Values and keys in one file: a report has a few hundred; a million-item list is refused
at once instead of being checked item by item."""

WALK_MAX_CHARS = 256 * 1024
"""Texts up to this size are composed into nodes and walked (`yaml_nodes`, faster); a larger one, an
organisation of thousands of units, is read event by event (`_Builder`): its node tree would
be held whole in memory, several times the size of the text, at the peak of the run."""

Path = tuple[str | int, ...]

_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")  # YAML breaks lines there; editors do not


@dataclass(slots=True)
class YamlDocument:
    data: Any
    source: SourceMap
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not any(f.is_error for f in self.findings)


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def decode(raw: bytes, file: str) -> tuple[str | None, list[Finding]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [make("yaml-encoding-utf16", file=file, line=1, column=1)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            make("yaml-encoding", file=file, line=line, column=column, byte=f"0x{raw[exc.start]:02X}")
        ]
    return text, []


def readable(raw: bytes, file: str) -> tuple[str | None, list[Finding]]:
    """The text the parser reads: decoded (`decode`), its YAML-only line breaks made spaces."""
    text, findings = decode(raw, file)
    # Three substring scans: a character-class search over a whole file costs a hundred times more.
    if text is not None and ("\x85" in text or "\u2028" in text or "\u2029" in text):
        text = _replace_line_separators(text, file, findings)
    return text, findings


def load_yaml(raw: bytes, file: str, limit: int = MAX_BYTES, too_large_code: str = "yaml-too-large",
              positions: bool = True) -> YamlDocument:
    """Parse one YAML file strictly (a unit's report by default; a plan passes its own limit).
    Never raises for any input.

    `positions=False` keeps none (the source is then `core.findings.Unlocated`; those a finding
    needs come from `yaml_positions.positions_of`). The findings of the reading itself are
    located either way: they take their place from the parser."""
    source = SourceMap(file) if positions else Unlocated(file)
    if len(raw) > limit:
        return YamlDocument(None, source, [make(too_large_code, file=file, line=1, column=1, size=len(raw), limit=limit)])
    text, findings = readable(raw, file)
    if text is None:
        return YamlDocument(None, source, findings)
    # A unit's report has a few hundred values; a plan's organisation may list tens of thousands of units.
    max_nodes = MAX_NODES if limit <= MAX_BYTES else limit // 8
    if yaml_nodes.AVAILABLE and len(text) <= WALK_MAX_CHARS and not yaml_nodes.may_have_properties(text):
        data = yaml_nodes.Walker(source, max_nodes, MAX_DEPTH).load(text)
        if data is not yaml_nodes.FALLBACK:
            return YamlDocument(data, source, findings)
        source.values.clear()
        source.keys.clear()
    builder = _Builder(source, max_nodes)
    builder.findings.extend(findings)
    parser = None
    try:
        parser = _Loader(text)
        builder.run(parser.get_event)
    except _Abort:
        return YamlDocument(None, source, builder.findings)
    except yaml.MarkedYAMLError as exc:
        builder.findings.append(_syntax_finding(exc, text, file))
        return YamlDocument(None, source, builder.findings)
    except yaml.YAMLError as exc:  # errors without a mark (rare: reader errors)
        builder.findings.append(make("yaml-syntax", file=file, line=1, column=1, detail=str(exc)))
        return YamlDocument(None, source, builder.findings)
    finally:
        if parser is not None:
            parser.dispose()
    if builder.documents == 0 and not builder.findings:
        builder.findings.append(make("yaml-empty", file=file, line=1, column=1))
    elif builder.result is None and not any(f.is_error for f in builder.findings):
        # "---", "~", "null": a document with nothing in it is not a report
        builder.findings.append(make("yaml-empty", file=file, line=1, column=1))
    data = None if any(f.is_error for f in builder.findings) else builder.result
    return YamlDocument(data, source, builder.findings)


def _replace_line_separators(text: str, file: str, findings: list[Finding]) -> str:
    """U+0085, U+2028, U+2029 become spaces before parsing: PyYAML counts them as line breaks
    that no editor shows, which would put every later finding on the wrong line."""
    line, col_start = 1, 0
    first: tuple[int, int] | None = None
    for i, ch in enumerate(text):
        if ch == "\n":
            line, col_start = line + 1, i + 1
        elif ch in "\x85\u2028\u2029" and first is None:
            first = (line, i - col_start + 1)
    assert first is not None
    found = sorted({f"U+{ord(ch):04X}" for ch in _LINE_SEPARATORS.findall(text)})
    findings.append(make("text-cleaned", file=file, line=first[0], column=first[1], chars=", ".join(found)))
    return _LINE_SEPARATORS.sub(" ", text)


class _Builder:
    """Turns the event stream into values, recording positions and rejecting what we forbid."""

    def __init__(self, source: SourceMap, max_nodes: int = MAX_NODES) -> None:
        self.max_nodes = max_nodes
        self.source = source
        self.file = source.file
        self.findings: list[Finding] = []
        self.documents = 0
        self.nodes = 0
        self.result: Any = None
        # Each frame: [container, path, pending_key (for mappings) or None, first-key lines]
        self.stack: list[list[Any]] = []

    def _error(self, code: str, event: Any, path: Path = (), **params: Any) -> None:
        mark = event.start_mark
        self.findings.append(make(code, file=self.file, line=mark.line + 1, column=mark.column + 1, path=path, **params))

    def _child_path(self) -> Path | None:
        """Path of the value about to be added, or None if the next scalar is a mapping key."""
        if not self.stack:
            return ()
        container, path, key, _ = self.stack[-1]
        if isinstance(container, list):
            return path + (len(container),)
        if key is _NO_KEY:
            return None
        return path + (key if key is not _DUPLICATE else "<duplicate>",)

    def _text(self, text: str, event: Any, path: Path) -> str:
        """A string value, cleaned; a warning where characters were taken out."""
        cleaned, removed = clean(text)
        if removed:
            self._error("text-cleaned", event, path, chars=", ".join(removed))
        return cleaned

    def _add(self, value: Any, event: Any, path: Path) -> None:
        mark = event.start_mark
        self.source.values[path] = (mark.line + 1, mark.column + 1)
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
        else:
            key = frame[2]
            if key is not _DUPLICATE:
                container[key] = value
            frame[2] = _NO_KEY

    def run(self, get_event: Callable[[], Any]) -> None:
        """Read the parser's events to the end (or to a second document). The common events (a
        plain scalar inside a mapping or a list, the end of a collection: nine in ten) are
        handled here with everything in local variables; the rest go through `feed`."""
        stack, values, keys = self.stack, self.source.values, self.source.keys
        max_nodes, text_of, normalize = self.max_nodes, self._text, unicodedata.normalize
        collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        while (event := get_event()) is not None:
            kind = event.__class__
            if kind is not _SCALAR or not stack or event.anchor is not None or event.tag is not None:
                if kind in collection_end:
                    stack.pop()
                elif self.feed(event):
                    return
                continue
            self.nodes += 1
            if self.nodes > max_nodes:
                self._error("yaml-too-many-nodes", event, limit=max_nodes)
                raise _Abort()
            frame = stack[-1]
            container, path, key = frame[0], frame[1], frame[2]
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            text = event.value
            if not text.isascii():
                text = normalize("NFC", text)
            if container.__class__ is dict:
                if key is _NO_KEY:  # this scalar is a key
                    first_lines = frame[3]
                    if text in first_lines:
                        self._error("yaml-duplicate-key", event, path + (text,), key=text, first_line=first_lines[text])
                        frame[2] = _DUPLICATE
                    else:
                        first_lines[text] = pos[0]
                        keys[path + (text,)] = pos
                        frame[2] = text
                    continue
                value = resolve_plain(text) if event.implicit[0] and not event.style else text
                vpath = path + (key if key is not _DUPLICATE else "<duplicate>",)
                if value.__class__ is str:
                    value = text_of(value, event, vpath)
                values[vpath] = pos
                if key is not _DUPLICATE:
                    container[key] = value
                frame[2] = _NO_KEY
                continue
            vpath = path + (len(container),)
            value = resolve_plain(text) if event.implicit[0] and not event.style else text
            if value.__class__ is str:
                value = text_of(value, event, vpath)
            values[vpath] = pos
            container.append(value)

    def feed(self, event: Any) -> bool:
        """Consume one event `run` leaves aside; True to stop reading (a second document)."""
        kind = type(event)
        if kind is _SCALAR or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self.nodes += 1
            if self.nodes > self.max_nodes:
                self._error("yaml-too-many-nodes", event, limit=self.max_nodes)
                raise _Abort()
        if kind is yaml.ScalarEvent:
            self._check_node(event)
            path = self._child_path()
            value = _nfc(event.value)
            if event.implicit[0] and not event.style:
                if path is None:
                    pass  # keys stay text: "2021" as a key is the string "2021"
                else:
                    value = resolve_plain(value)
            if path is None:
                self._set_key(value, event)
            else:
                if isinstance(value, str):
                    value = self._text(value, event, path)
                self._add(value, event, path)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._check_node(event)
            path = self._child_path()
            if path is None:
                self._error("yaml-complex-key", event, self.stack[-1][1])
                raise _Abort()
            if len(self.stack) >= MAX_DEPTH:
                self._error("yaml-too-deep", event, path, limit=MAX_DEPTH)
                raise _Abort()
            node: Any = {} if kind is yaml.MappingStartEvent else []
            self._add(node, event, path)
            self.stack.append([node, path, _NO_KEY, {}])
        elif kind is yaml.AliasEvent:
            path = self._child_path()
            self._error("yaml-alias", event, path or (), name=event.anchor)
            if path is None:
                self._set_key(f"*{event.anchor}", event)
            else:
                self._add(None, event, path)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self._error("yaml-multi-doc", event)
                return True
        return False

    def _check_node(self, event: Any) -> None:
        if event.anchor is not None:
            self._error("yaml-anchor", event, self._child_path() or (), name=event.anchor)
        if event.tag is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self._error("yaml-tag", event, self._child_path() or (), tag=tag)

    def _set_key(self, key: str, event: Any) -> None:
        frame = self.stack[-1]
        container, path, _, first_lines = frame
        key = str(key)
        line = event.start_mark.line + 1
        if key in container or key in first_lines:
            self._error("yaml-duplicate-key", event, path + (key,), key=key, first_line=first_lines.get(key, 0))
            frame[2] = _DUPLICATE
            return
        first_lines[key] = line
        self.source.keys[path + (key,)] = (line, event.start_mark.column + 1)
        frame[2] = key


class _Sentinel:
    __slots__ = ()


_NO_KEY = _Sentinel()
_SCALAR = yaml.ScalarEvent
_DUPLICATE = _Sentinel()


class _Abort(Exception):
    """Stops reading a file whose shape we refuse; its finding is already recorded."""


_SYNTAX_PROBLEMS = (
    ("found character '\\t' that cannot start any token", "yaml-tab"),
    ("found character that cannot start any token", "yaml-syntax-char"),
    ("mapping values are not allowed", "yaml-syntax-colon"),
    ("could not find expected ':'", "yaml-syntax-missing-colon"),
    ("did not find expected key", "yaml-syntax-indent"),
    ("did not find expected '-' indicator", "yaml-syntax-indent"),
    ("found unexpected end of stream", "yaml-syntax-unclosed"),
    ("found unknown escape character", "yaml-syntax-escape"),
    ("special characters are not allowed", "yaml-syntax-control"),
    ("control characters are not allowed", "yaml-syntax-control"),
    ("did not find expected node content", "yaml-syntax-node"),
    ("while parsing a flow sequence", "yaml-syntax-flow"),
    ("while parsing a flow mapping", "yaml-syntax-flow"),
    ("did not find expected <document start>", "yaml-syntax-document"),
    ("found undefined tag handle", "yaml-tag"),
)


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, file: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    problem = f"{exc.problem or ''} {exc.context or ''}"
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    code = "yaml-syntax"
    if "\t" in bad_line[: max(column, len(bad_line) - len(bad_line.lstrip()))] or "'\\t'" in problem:
        code = "yaml-tab"
        tab = bad_line.find("\t")
        column = tab + 1 if tab >= 0 else column
    else:
        for needle, c in _SYNTAX_PROBLEMS:
            if needle in problem:
                code = c
                break
    detail = " ".join(problem.split())
    return make(code, file=file, line=line, column=column, detail=detail, tag="")
