"""The JSON Schema of the submission format, for editors (yaml-language-server).

Derived from the Pydantic models, with two changes: exact decimals are written as YAML
numbers (Pydantic would also allow strings), and, when a plan is given, the indicator,
level and task keys are limited to the plan's own, so an editor completes them.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from plan744.core.plan import Plan
from plan744.core.submission import Submission

SCHEMA_ID = "https://plan744.invalid/submission.schema.json"


class _Generator(GenerateJsonSchema):
    def decimal_schema(self, schema: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "number"}
        if schema.get("ge") is not None:
            out["minimum"] = int(schema["ge"])
        return out


def _tidy(node: Any) -> Any:
    """Standard keywords only, and no English titles made up from field names."""
    if isinstance(node, dict):
        node = {k: _tidy(v) for k, v in node.items() if k != "title"}
        if "ge" in node:
            node["minimum"] = node.pop("ge")
        return node
    if isinstance(node, list):
        return [_tidy(v) for v in node]
    return node


def submission_schema(plan: Plan | None = None) -> dict[str, Any]:
    schema = _tidy(Submission.model_json_schema(schema_generator=_Generator))
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)  # class docstrings are for developers
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Báo cáo của đơn vị (plan744)"
    if plan is not None:
        props = schema["properties"]
        props["unit"]["enum"] = sorted(plan.units_by_code)
        props["year"]["minimum"], props["year"]["maximum"] = plan.period.start, plan.period.end
        props["indicators"]["propertyNames"] = {"enum": [i.id for i in plan.indicators]}
        props["indicators"]["additionalProperties"]["propertyNames"] = {"enum": [lv.code for lv in plan.levels]}
        props["tasks"]["propertyNames"] = {"enum": [t.id for t in plan.tasks]}
    return schema
