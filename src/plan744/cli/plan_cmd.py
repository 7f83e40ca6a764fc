"""`plan744 plan check` and `plan744 plan show`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import typer

from plan744.cli.console import EXIT_INVALID, EXIT_OK, choose_plan, load_plan_or_exit, say
from plan744.cli.options import parse_choice, plan_option
from plan744.cli.vi import Command, Group, show_help_if_no_command

app = typer.Typer(cls=Group, add_completion=False)


PLAN_REFERENCE = "docs/plan-file.md"  # the plan-file reference, generated from the models (scripts/plan_reference.py)


@app.callback()
def plan_group(ctx: typer.Context) -> None:
    """Kiểm tra và xem tệp kế hoạch."""
    show_help_if_no_command(ctx)


@app.command("check", cls=Command)
def check(
    plan: Path | None = plan_option(),
    strict: bool = typer.Option(False, "--strict", help="Coi cảnh báo như lỗi (mã thoát 1)."),
    fmt: str = typer.Option("auto", "--format", "-f", metavar="ĐỊNH_DẠNG", help="auto, text, json hoặc github."),
) -> None:
    """Kiểm tra tệp kế hoạch: cấu trúc, tham chiếu, tổng số, thời gian; nêu cả những chỗ chưa khớp trong văn bản gốc."""
    from plan744.cli.reporters import FORMATS, emit, resolve_format
    from plan744.core.findings import has_errors
    from plan744.services.plans import load_plan

    fmt = resolve_format(parse_choice(fmt, FORMATS, "--format"), dict(os.environ))
    choice = choose_plan(plan)
    loaded = load_plan(choice.path)
    emit(loaded.findings, 1, fmt, header=choice.describe(), plan=str(choice.path))
    if loaded.plan is not None and fmt == "text":
        p = loaded.plan
        say(f"{p.document.kind} {p.document.number}: {len(p.indicators)} chỉ tiêu, {len(p.tasks)} nhiệm vụ, "
            f"{len(p.appendix)} nhiệm vụ/dự án ở Phụ lục, {len(p.units)} đơn vị.")
    if fmt == "text":
        say(f"Ý nghĩa từng trường của tệp kế hoạch: {PLAN_REFERENCE}")
    raise typer.Exit(EXIT_INVALID if loaded.plan is None or has_errors(loaded.findings, strict) else EXIT_OK)


@app.command("show", cls=Command)
def show(
    plan: Path | None = plan_option(),
    fmt: str = typer.Option("text", "--format", "-f", metavar="ĐỊNH_DẠNG", help="text (bảng) hoặc json."),
) -> None:
    """Xem các chỉ tiêu và danh mục nhiệm vụ, dự án của kế hoạch."""
    fmt = parse_choice(fmt, ("text", "json"), "--format")
    choice = choose_plan(plan)
    the_plan = load_plan_or_exit(choice)
    if fmt == "json":
        sys.stdout.write(json.dumps(the_plan.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
        return
    say(choice.describe())
    _print_tables(the_plan)


def _print_tables(plan: Any) -> None:
    """The plan's targets and appendix as tables, in the plan's own words and money unit."""
    from rich.console import Console, JustifyMethod
    from rich.table import Table

    from plan744.core import display
    from plan744.core.display import scope_names
    from plan744.core.vnformat import format_day, format_number

    console = Console(highlight=False, emoji=False)
    doc = plan.document
    console.print(f"[bold]{doc.kind} số {doc.number} ngày {format_day(doc.date)} của {doc.issuer_short}[/bold]", markup=True)
    console.print(doc.title, markup=False)

    scopes = scope_names(plan)
    t = Table(title="Chỉ tiêu", show_lines=False)
    for col in ("Mã", "Chỉ tiêu", "Phạm vi", "Mục tiêu", "Đơn vị báo cáo"):
        t.add_column(col)
    for ind in plan.indicators:
        if ind.central:
            reporters = f"Theo dõi: {ind.monitor_text or ind.monitor or '—'}"
        elif ind.reporters:
            reporters = ", ".join(ind.reporters)
        else:
            reporters = "Các đơn vị ở " + ", ".join(plan.levels_by_code[lv].name for lv in ind.levels)
        for i, target in enumerate(ind.targets):
            t.add_row(ind.id if i == 0 else "", ind.name if i == 0 else "", scopes[target.scope],
                      display.target(target, ind, plan.money), reporters if i == 0 else "")
    console.print(t)

    if not plan.appendix:
        return
    title = plan.document.appendices[0].title if plan.document.appendices else "Phụ lục"
    funded = any(row.funded for row in plan.appendix)
    a = Table(title=f"{title} ({plan.money.unit})" if funded else title)
    columns: list[tuple[str, JustifyMethod]] = [("TT", "right"), ("Nhiệm vụ, dự án", "left"), ("Chủ trì", "left"),
                                                ("Thời gian", "left")]
    if funded:
        columns += [("Kinh phí", "right"), ("Nguồn vốn", "left")]
    for col, just in columns:
        a.add_column(col, justify=just)
    for row in plan.appendix:
        name = row.name if len(row.name) <= 70 else row.name[:67] + "…"
        cells = [str(row.tt), name, row.lead_text, row.timeframe_text]
        if funded:
            cells += [display.money(row.cost), row.funding_text]
        a.add_row(*cells)
    if funded:
        a.add_section()
        a.add_row("", "Cộng", "", "", display.money(plan.appendix_total), "")
    console.print(a)
    if plan.budget is not None:
        stated = plan.budget.stated_total_vnd
        console.print(f"Tổng kinh phí nêu tại {plan.budget.section}: {format_number(stated)} đồng "
                      f"({plan.budget.stated_total_words}).", markup=False)
