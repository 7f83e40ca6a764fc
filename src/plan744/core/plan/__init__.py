"""The plan as data: a five-year plan of the kind "ứng dụng CNTT, chuyển đổi số", its targets,
tasks, appendix, the organisation that reports on it, and how its report is issued.

Nothing here is specific to one province or one plan: levels, unit kinds, areas, targets,
wording, the report's issuer and symbol, the money unit all come from the plan file (Kế hoạch
744/KH-UBND of Nghệ An, Quyết định 2629/QĐ-TTg and a fictional test plan use the same model).
Checks that need more than one field (references, totals) live in `plan_checks`.

- `document`: the plan's own document and how the report on it is issued;
- `content`: what the plan sets (period, calendar, levels, areas, indicators and targets,
  baselines, tasks, appendix, budget, money, limits);
- `model`: `Plan`, the whole, with its look-ups;
- `v1`: reading a schema version 1 plan as the same model.

Import from here (`from plan744.core.plan import Plan`), not from the modules.
"""

from plan744.core.plan.content import (
    ALL_LEVELS,
    MONEY_UNITS,
    V1_ALL,
    AppendixTask,
    Area,
    Baseline,
    BaselineLink,
    BaselineSum,
    Budget,
    Comparison,
    DenominatorBound,
    Figure,
    Indicator,
    Level,
    Limits,
    Money,
    MonthDay,
    Period,
    ReportingCalendar,
    Target,
    Task,
    Timeframe,
)
from plan744.core.plan.document import (
    Appendix,
    CrossReference,
    Document,
    DocumentRef,
    Recipient,
    ReportSettings,
    ReportSigner,
    Signer,
)
from plan744.core.plan.model import Plan

__all__ = [
    "ALL_LEVELS",
    "MONEY_UNITS",
    "V1_ALL",
    "Appendix",
    "AppendixTask",
    "Area",
    "Baseline",
    "BaselineLink",
    "BaselineSum",
    "Budget",
    "Comparison",
    "CrossReference",
    "DenominatorBound",
    "Document",
    "DocumentRef",
    "Figure",
    "Indicator",
    "Level",
    "Limits",
    "Money",
    "MonthDay",
    "Period",
    "Plan",
    "Recipient",
    "ReportSettings",
    "ReportSigner",
    "ReportingCalendar",
    "Signer",
    "Target",
    "Task",
    "Timeframe",
]
