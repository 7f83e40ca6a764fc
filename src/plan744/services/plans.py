"""The plan, with its organisation, loaded from disk and checked: the one way every command,
the pre-commit hook and any future intake get a plan (`load_plan`), and its user cache."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from plan744.core.findings import Finding, SourceMap, Unlocated
from plan744.core.model_findings import validate_model
from plan744.core.plan import Plan
from plan744.intake.read import read_then
from plan744.readers.files import ReadRefused, display_path, read_bounded
from plan744.readers.yaml_positions import positions_of
from plan744.readers.yaml_source import YamlDocument, load_yaml
from plan744.services import finding_data

_T = TypeVar("_T")

PLAN_MAX_BYTES = 64 * 1024 * 1024
"""A plan or organisation file: tens of thousands of units fit; a unit's report limit does not."""
SMALL_ORGANISATION = 256 * 1024
"""An organisation file up to this size keeps the position of every value (`_OrgText`); the
bundled one, 171 units, is 110 KiB."""


@dataclass
class PlanLoad:
    path: Path
    plan: Plan | None
    source: SourceMap
    findings: list[Finding] = field(default_factory=list)
    key: str = ""  # the plan's cache key: what else is cached for this plan is keyed by it too

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def usable(self) -> bool:
        """The one policy every command and service follows: a plan with errors is refused (its
        warnings, about the source document, are for `plan check` to show)."""
        return self.plan is not None and not self.errors


def load_plan(path: Path, *, checks: bool = True) -> PlanLoad:
    """The plan, with its organisation: inline (schema v1 `registry`, or an `organisation`
    mapping) or in its own file (`organisation: organisation.yaml`, relative to the plan).

    A plan read before is taken from the user's cache (`usercache`) as JSON data, validated
    again by the models (a fraction of parsing and checking the YAML). The entry is keyed by the
    content of the plan and of plan744's code, and holds the content hash of each other file the
    parse read (the organisation file): one that changed since is a miss."""
    from plan744 import __version__, usercache

    try:
        raw = read_bounded(path, PLAN_MAX_BYTES, too_large_code="plan-too-large")
    except ReadRefused as refused:
        return PlanLoad(path, None, SourceMap(display_path(path)), [refused.finding])
    if not usercache.available("plans"):  # no key, no entry: nothing of the cache is done
        return _parse_plan(path, raw, checks)
    name = usercache.key(__version__, code_hash(), str(checks), display_path(path), raw)
    cached = _plan_from_entry(path, usercache.load("plans", name))
    if cached is not None:
        return replace(cached, key=name)
    read: list[tuple[str, str]] = []
    loaded = replace(_parse_plan(path, raw, checks, read), key=name)
    if loaded.plan is not None:
        usercache.store("plans", name, _plan_entry(loaded, read))
    return loaded


def _plan_entry(loaded: PlanLoad, deps: list[tuple[str, str]]) -> dict:
    assert loaded.plan is not None
    src = loaded.source
    return {
        "deps": deps,
        # exclude_unset: which fields the file wrote is part of the plan (`Indicator.state_at_end`
        # reads `model_fields_set`), so the entry holds what was written, not the defaults.
        "plan": loaded.plan.model_dump(mode="json", exclude_unset=True),
        "findings": [finding_data.to_data(f) for f in loaded.findings],
        "source": [src.file, [[list(k), *v] for k, v in src.values.items()], [[list(k), *v] for k, v in src.keys.items()]],
    }


def _plan_from_entry(path: Path, entry: object) -> PlanLoad | None:
    """The cached load, or None: no entry, a dependency whose content changed, or an entry that
    does not decode (damaged, foreign, or made by another version): then the plan is parsed."""
    if not isinstance(entry, dict):
        return None
    from plan744 import usercache

    try:
        for dep, hashed in entry["deps"]:
            if usercache.file_digest(dep) != hashed:
                return None
        plan = Plan.model_validate(entry["plan"], strict=False)  # JSON text for dates and decimals
        file, values, keys = entry["source"]
        source = SourceMap(str(file), {tuple(p): (int(ln), int(col)) for p, ln, col in values},
                           {tuple(p): (int(ln), int(col)) for p, ln, col in keys})
        findings = [finding_data.from_data(f) for f in entry["findings"]]
    except Exception:  # whatever an entry holds, a bad one is only a miss
        return None
    return PlanLoad(path, plan, source, findings)


def _parse_plan(path: Path, raw: bytes, checks: bool, read: list[tuple[str, str]] | None = None) -> PlanLoad:
    """`read` is given each other file the parse reads, with the hash of its bytes (for the
    cache to check it is unchanged)."""
    from plan744.core.organisation import Organisation
    from plan744.core.plan_checks import OrgPlace, check_plan

    doc = load_yaml(raw, display_path(path), PLAN_MAX_BYTES, "plan-too-large")
    if doc.data is None:
        return PlanLoad(path, None, doc.source, doc.findings)
    data, findings = doc.data, list(doc.findings)
    org_text: _OrgText | None = None
    if isinstance(data, dict) and isinstance(data.get("organisation"), str):
        org_path = path.parent / data["organisation"]

        def read_org(org_raw: bytes, shown: str) -> _OrgText:
            if read is not None:  # the hash of the very bytes parsed
                from plan744.usercache import digest

                read.append((os.fspath(org_path), digest(org_raw)))
            return _OrgText(org_raw, shown)

        got = read_then(org_path, PLAN_MAX_BYTES, "plan-too-large", read_org)
        if isinstance(got, YamlDocument):  # the file could not be read
            return PlanLoad(path, None, doc.source, findings + got.findings)
        org_text = got
        org_doc = org_text.load()
        findings += org_doc.findings
        if org_doc.data is None:
            return PlanLoad(path, None, doc.source, findings)
        if not org_text.small:
            _units_as_read(org_doc.data)
        org, org_findings = org_text.located(lambda source: validate_model(Organisation, org_doc.data, source))
        findings += org_findings
        if not isinstance(org, Organisation):
            return PlanLoad(path, None, doc.source, findings)
        # The organisation's parsed text is in the model now: let it go before the plan is
        # checked (for tens of thousands of units, the larger part of the run's peak memory).
        data = {**data, "organisation": org}
        del org_doc
    plan, more = validate_model(Plan, data, doc.source)
    findings += more
    if isinstance(plan, Plan) and checks:
        if org_text is None:
            findings += check_plan(plan, doc.source)
        else:
            findings += org_text.located(lambda source: check_plan(plan, doc.source, OrgPlace(source)))
    return PlanLoad(path, plan if isinstance(plan, Plan) else None, doc.source, findings)


def _units_as_read(data: Any) -> None:
    """Each unit of an organisation's text validated on its own and put in place of its mapping,
    which goes at once: the mappings and the models of tens of thousands of units are never all
    held together (most of a large plan's peak memory). A unit that does not validate stays a
    mapping, for the whole model's validation to say where it is wrong."""
    from pydantic import TypeAdapter, ValidationError

    from plan744.core.organisation import Unit

    units = data.get("units") if isinstance(data, dict) else None
    if not isinstance(units, list):
        return
    unit = TypeAdapter(Unit)
    for i, item in enumerate(units):
        if isinstance(item, dict):
            try:
                units[i] = unit.validate_python(item)
            except ValidationError:
                pass


@dataclass
class _OrgText:
    """The organisation file's bytes. A large one is read without positions, which for tens of
    thousands of units were most of a run's peak memory, and the few a finding names are found
    afterwards (`positions_of`); one of ordinary size (a province's, a few hundred units) keeps
    them all in its one read."""

    raw: bytes
    shown: str
    source: SourceMap | None = None  # of the read: every position, or none (`Unlocated`)

    @property
    def small(self) -> bool:
        return len(self.raw) <= SMALL_ORGANISATION

    def load(self) -> YamlDocument:
        doc = load_yaml(self.raw, self.shown, PLAN_MAX_BYTES, "plan-too-large", positions=self.small)
        self.source = doc.source
        return doc

    def located(self, work: Callable[[SourceMap], _T]) -> _T:
        """`work` against the text's source. Without positions: against one that notes the paths
        asked and, if it asked any (it found something to say), once more against their
        positions. `work` is pure and sees the same values twice, so it asks for the same paths."""
        if self.source is not None and not isinstance(self.source, Unlocated):
            return work(self.source)
        unlocated = Unlocated(self.shown)
        result = work(unlocated)
        if not unlocated.asked:
            return result
        return work(positions_of(self.raw, self.shown, unlocated.asked))


@functools.cache
def code_hash() -> str:
    """The hash of the code whose results are cached: the models, the checks, the messages,
    the readers, the intakes, these services and the cache itself. An upgrade or an edit of any
    of them is a miss, whatever the version number says."""
    from plan744 import usercache

    root = Path(__file__).resolve().parent.parent
    files = sorted([*(f for package in ("core", "readers", "intake", "services") for f in (root / package).rglob("*.py")),
                    root / "usercache.py"])
    return usercache.key(*(f"{f.relative_to(root)}".encode() + b"\0" + f.read_bytes() for f in files))


__all__ = ["PLAN_MAX_BYTES", "PlanLoad", "code_hash", "load_plan"]
