"""Reading a schema version 1 plan as the version 2 model: its inline units become an
organisation without dates, its report settings come from the plan's own document, its money
unit from the appendix's."""

from __future__ import annotations

from plan744.core.plan.content import MONEY_UNITS


def upgrade(data: object) -> object:
    """The plan's data as version 2 writes it (`Plan`'s validator before the fields)."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    if "registry" in data or "unit_kinds" in data:  # v1: units inline
        if "organisation" in data:
            raise ValueError("plan_two_organisations")
        registry = data.pop("registry", None)
        kinds = data.pop("unit_kinds", None)
        if isinstance(registry, dict) and isinstance(kinds, list):
            data["organisation"] = {
                "name": "Danh sách đơn vị của kế hoạch",
                "source": registry.get("source", ""),
                "expected_counts": registry.get("expected_counts", {}),
                "expected_counts_source": registry.get("expected_counts_source", ""),
                "kinds": kinds,
                "units": registry.get("units", []),
                "groups": registry.get("groups", []),
            }
    doc = data.get("document")
    if "report" not in data and isinstance(doc, dict):
        data["report"] = _report_from_document(doc)
    if "money" not in data:
        budget = data.get("budget")
        unit = budget.get("appendix_unit") if isinstance(budget, dict) else None
        unit = unit if isinstance(unit, str) else "triệu đồng"
        data["money"] = {"unit": unit[:1].lower() + unit[1:], "dong": MONEY_UNITS.get(unit.lower(), 10**6)}
    return data


def _report_from_document(doc: dict) -> dict:
    """Report settings of a schema v1 plan: the plan's own header, place and signature, and the
    symbol BC-<issuing body> taken from the plan's symbol ("744/KH-UBND" -> "BC-UBND")."""
    number = str(doc.get("number", ""))
    body = number.split("/", 1)[-1].split("-", 1)[-1] if "-" in number else ""
    issuer = str(doc.get("issuer", ""))
    # "Ủy ban nhân dân tỉnh Nghệ An" -> the kind of area it governs -> "Toàn tỉnh"
    words = issuer.split()
    area_kind = words[4] if issuer.lower().startswith("ủy ban nhân dân") and len(words) > 4 else ""
    raw_signer = doc.get("signer")
    signer: dict = raw_signer if isinstance(raw_signer, dict) else {}
    return {
        "issuer_parent": doc.get("header_parent", ""),
        "issuer": doc.get("header_issuer", []),
        "issuer_short": doc.get("issuer_short", ""),
        "symbol": f"BC-{body}" if body else "BC",
        "place": doc.get("place", ""),
        "area_name": f"Toàn {area_kind}" if area_kind else "Toàn bộ",
        "recipients": [r for r in doc.get("recipients", []) if isinstance(r, str)],
        "signer": {"capacity": signer.get("capacity", []), "title": signer.get("title", "")},
    }
