"""The strict loader: types, positions, and that no input makes it raise."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from plan744.core.findings import Finding
from plan744.readers.yaml_source import MAX_DEPTH, load_yaml


def codes(text: str | bytes) -> list[tuple[str, int, int]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return [(f.code, f.line, f.column) for f in load_yaml(raw, "t.yaml").findings]


def test_plain_scalars_resolve_to_exact_types_only() -> None:
    doc = load_yaml(
        b"a: 1500\nb: 12.5\nc: 1.500\nd: 92,5\ne: yes\nf: true\ng:\nh: 2022-12-10\ni: .nan\nj: 007\nk: '3'\n",
        "t.yaml",
    )
    assert doc.findings == []
    assert doc.data == {
        "a": 1500, "b": Decimal("12.5"), "c": "1.500", "d": "92,5", "e": "yes", "f": True, "g": None,
        "h": dt.date(2022, 12, 10), "i": ".nan", "j": "007", "k": "3",
    }
    assert isinstance(doc.data["b"], Decimal)  # never a float


def test_keys_stay_text_and_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nghệ An")
    doc = load_yaml(f"2021: {decomposed}\n".encode(), "t.yaml")
    assert doc.data == {"2021": "Nghệ An"}
    assert unicodedata.is_normalized("NFC", doc.data["2021"])


def test_positions_of_values_and_keys() -> None:
    doc = load_yaml(b"unit: X\nindicators:\n  a:\n    tinh: {numerator: 5, denominator: 7}\nlist:\n  - 1\n  - x\n", "t.yaml")
    src = doc.source
    assert src.values[("unit",)] == (1, 7)
    assert src.keys[("indicators", "a")] == (3, 3)
    assert src.values[("indicators", "a", "tinh", "denominator")] == (4, 39)
    assert src.values[("list", 1)] == (7, 5)
    # A missing key is located at its nearest ancestor.
    assert src.locate(("indicators", "a", "huyen")) == (4, 5)


def test_bom_is_accepted_and_utf16_is_not() -> None:
    assert load_yaml("\ufeffa: 1\n".encode("utf-8"), "t.yaml").data == {"a": 1}
    assert codes("a: 1\n".encode("utf-16")) == [("yaml-encoding-utf16", 1, 1)]


def test_rejections_are_located() -> None:
    assert codes("a: 1\na: 2\n") == [("yaml-duplicate-key", 2, 1)]
    assert codes("a:\n  b: 1\n  b: 2\n") == [("yaml-duplicate-key", 3, 3)]
    assert codes("a: &x 1\nb: *x\n") == [("yaml-anchor", 1, 4), ("yaml-alias", 2, 4)]
    assert codes("a: !!float 1\n") == [("yaml-tag", 1, 4)]
    assert codes("a: 1\n---\nb: 2\n") == [("yaml-multi-doc", 2, 1)]
    assert codes("") == [("yaml-empty", 1, 1)]
    assert codes("a:\n\tb: 1\n") == [("yaml-tab", 2, 1)]
    assert codes("? [a]\n: 1\n") == [("yaml-complex-key", 1, 3)]
    assert codes("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")[0][0] == "yaml-too-deep"


def test_size_is_bounded() -> None:
    big = b"a: " + b"x" * (3 * 1024 * 1024) + b"\n"
    assert codes(big) == [("yaml-too-large", 1, 1)]


def test_alias_bomb_is_refused_without_expanding() -> None:
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    doc = load_yaml(bomb.encode(), "t.yaml")
    assert doc.data is None
    assert {f.code for f in doc.findings} == {"yaml-anchor", "yaml-alias"}


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_no_text_makes_the_loader_raise(text: str) -> None:
    doc = load_yaml(text.encode("utf-8", "surrogatepass"), "t.yaml")
    assert all(isinstance(f, Finding) and f.line >= 0 for f in doc.findings)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_make_the_loader_raise(raw: bytes) -> None:
    doc = load_yaml(raw, "t.yaml")
    assert doc.data is None or doc.ok


YAMLISH = st.lists(
    st.sampled_from(["a", ":", " ", "\n", "  ", "- ", "[", "]", "{", "}", ",", "&x", "*x", "!!str", "---", "'", '"',
                     "1.500", "92,5", "\t", "#", "|", ">", "?", "%YAML 1.1", "\\", "é", "\x00", "2022-02-30"]),
    max_size=60,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(YAMLISH)
def test_no_yaml_like_text_makes_the_loader_raise(text: str) -> None:
    doc = load_yaml(text.encode("utf-8"), "t.yaml")
    assert doc.data is None or doc.ok


def test_windows_line_endings_and_bom_from_notepad() -> None:
    raw = "\ufeffunit: STTTT\r\nnarrative:\r\n  highlights: Kết quả\r\n".encode("utf-8")
    doc = load_yaml(raw, "t.yaml")
    assert doc.findings == []
    assert doc.data == {"unit": "STTTT", "narrative": {"highlights": "Kết quả"}}
    assert doc.source.values[("narrative", "highlights")] == (3, 15)


def test_flow_collections_left_open_get_their_own_message() -> None:
    assert codes("unit: [1, 2\nyear: 2022\n")[0][0] == "yaml-syntax-flow"
    assert codes("a: {b: 1 c: 2\n")[0][0] in ("yaml-syntax-flow", "yaml-syntax-colon")


# --- the node walk (the common case) gives what the event stream gives ---------------------------

def _both(raw: bytes, monkeypatch) -> tuple:
    """`load_yaml` as it runs (the node walk where it applies) and forced through the event
    stream (`_Builder`): data, positions of values and keys (in order) and findings."""
    from plan744.readers import yaml_nodes

    def seen(doc):
        return (doc.data, list(doc.source.values.items()), list(doc.source.keys.items()),
                [(f.code, f.line, f.column, f.path) for f in doc.findings])

    fast = seen(load_yaml(raw, "t.yaml", 64 * 1024 * 1024))
    with monkeypatch.context() as m:
        m.setattr(yaml_nodes, "may_have_properties", lambda text: True)
        slow = seen(load_yaml(raw, "t.yaml", 64 * 1024 * 1024))
    return fast, slow


def test_the_node_walk_reads_the_bundled_data_as_the_event_stream_does(monkeypatch) -> None:
    from pathlib import Path

    from plan744.readers import yaml_nodes

    root = Path(__file__).resolve().parent.parent / "data"
    files = sorted(root.rglob("*.yaml"))
    walked = 0
    for path in files:
        raw = path.read_bytes()
        fast, slow = _both(raw, monkeypatch)
        assert fast == slow, path
        walked += not yaml_nodes.may_have_properties(raw.decode("utf-8-sig"))
    assert len(files) > 300 and walked > len(files) * 0.9  # the walk is what most files take


def test_the_node_walk_leaves_every_unusual_text_to_the_event_stream(monkeypatch) -> None:
    texts = [
        "a: 1\na: 2\n",  # duplicate key
        "a: &x 1\nb: *x\n", "a: !!str 5\n", "? [1]\n: 2\n",  # anchor, alias, tag, complex key
        "a: \x1b[31mred\n", "a: 1\n---\nb: 2\n", "", "---\n", "- 1\n- 2\n", "just text\n",
        "a: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n",
        "name: Sở KH&CN (*)\nnote: 'x!'\n", "a: 1.500\nb: 92,5\nc: 2022-02-30\nd: yes\ne: .nan\nf: 1.50\n",
        "a:\n  - b: 'Hoà'\n    c: \"Hòa\"\n  - [1, {d: e}]\n",
    ]
    for text in texts:
        fast, slow = _both(text.encode("utf-8"), monkeypatch)
        assert fast == slow, text


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_the_node_walk_and_the_event_stream_agree_on_yaml_like_text(text: str) -> None:
    import pytest

    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, slow = _both(text.encode("utf-8"), monkeypatch)
    assert fast == slow


def test_positions_can_be_left_out_and_found_afterwards_for_some_paths() -> None:
    """An organisation too large to keep every position is read without them (services.plans),
    and the positions a finding asks for are found afterwards by walking its events: the same
    data either way, and each position found is the full read's, for every path of the real
    organisation and of texts with NFC keys, a BOM and line separators."""
    from pathlib import Path

    from plan744.core.findings import Unlocated
    from plan744.readers.yaml_positions import positions_of

    raw = (Path(__file__).resolve().parent.parent / "data" / "organisation.yaml").read_bytes()
    texts = [raw, "\ufeffa:\n  Hoà: [1, {b: c}]\n  'x y': \"z\"\nd:\n- - 1\n  - 2\n- {}\n".encode(),
             "a: tên\u2028dài\nb:\n  c: 1\n".encode(), b"- a\n- b: [x, y]\n"]
    for text in texts:
        full = load_yaml(text, "o.yaml", 64 * 1024 * 1024)
        bare = load_yaml(text, "o.yaml", 64 * 1024 * 1024, positions=False)
        assert bare.data == full.data and not bare.source.values and not bare.source.keys
        assert isinstance(bare.source, Unlocated)
        every = set(full.source.values) | set(full.source.keys)
        found = positions_of(text, "o.yaml", every)
        assert found.values == full.source.values and found.keys == full.source.keys, text[:40]
    bare = load_yaml(raw, "o.yaml", 64 * 1024 * 1024, positions=False)
    assert bare.source.locate(("units", 5, "name")) == (1, 1) and bare.source.asked == {("units", 5, "name")}
    full = load_yaml(raw, "o.yaml", 64 * 1024 * 1024)
    some = positions_of(raw, "o.yaml", [("units", 5, "name"), ("events", 2)])
    kept = {(), ("units",), ("units", 5), ("units", 5, "name"), ("events",), ("events", 2)}
    assert set(some.values) == kept
    assert some.locate(("units", 5, "name"), prefer_key=True) == full.source.keys[("units", 5, "name")]
    # a path not kept falls back to its nearest kept ancestor, as with every position kept
    assert some.locate(("events", 2, "date")) == full.source.values[("events", 2)]
