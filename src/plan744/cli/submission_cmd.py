"""`plan744 new-report` and `plan744 schema`: the tools a unit needs to write its report."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from plan744.cli.common import EXIT_INVALID, PLAN_HELP, choose_plan, fail_usage, say


def _plan_or_exit(plan: Optional[Path]):  # noqa: ANN202 - returns (Plan, PlanChoice)
    from plan744.readers.loading import load_plan
    from plan744.cli.reporters import emit

    choice = choose_plan(plan)
    loaded = load_plan(choice.path, checks=False)
    if loaded.plan is None:
        emit(loaded.findings, 1, "text", header=choice.describe())
        raise typer.Exit(EXIT_INVALID)
    return loaded.plan, choice


def new_report(
    unit: str = typer.Option(..., "--unit", "-u", help="Mã đơn vị, ví dụ STTTT (xem danh sách: plan744 plan show --format json)."),
    year: int = typer.Option(..., "--year", "-y", help="Năm báo cáo, ví dụ 2022."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Tệp sẽ ghi (mặc định: data/reports/<năm>/<mã đơn vị>.yaml)."),
    force: bool = typer.Option(False, "--force", help="Ghi đè nếu tệp đã có."),
    plan: Optional[Path] = typer.Option(None, "--plan", help=PLAN_HELP),
) -> None:
    """Tạo tệp báo cáo mẫu cho một đơn vị và một năm, có sẵn mọi mục cần điền và lời hướng dẫn."""
    from plan744.outputs import write_atomic
    from plan744.readers.project import find_checkout
    from plan744.forms.scaffold_yaml import scaffold

    p, choice = _plan_or_exit(plan)
    if unit not in p.units_by_code:
        import difflib

        close = difflib.get_close_matches(unit.upper(), list(p.units_by_code), n=3, cutoff=0.5)
        hint = f" Có phải ý là: {', '.join(close)}?" if close else ""
        raise fail_usage(f"không có đơn vị mã “{unit}” trong kế hoạch.{hint}")
    if year not in p.period.years:
        raise fail_usage(f"năm {year} nằm ngoài giai đoạn {p.period.start}–{p.period.end} của kế hoạch.")
    target = out or Path("data") / "reports" / str(year) / f"{unit}.yaml"
    if target.exists() and not force:
        raise fail_usage(f"tệp {target} đã có; dùng --force để ghi đè, hoặc --out để chọn tệp khác.")
    root = find_checkout()
    if root is not None and (root / "schema" / "submission.schema.json").is_file():
        schema_ref = Path(os.path.relpath(root / "schema" / "submission.schema.json", target.resolve().parent)).as_posix()
    else:
        schema_ref = "submission.schema.json"
    write_atomic(target, scaffold(p, unit, year, schema_ref).encode("utf-8"))
    say(choice.describe())
    typer.echo(f"Đã tạo {target}. Điền số liệu rồi kiểm tra: plan744 validate {target}")


def schema(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Ghi ra tệp thay vì in ra màn hình."),
    generic: bool = typer.Option(False, "--generic", help="Lược đồ chung, không giới hạn mã chỉ tiêu, nhiệm vụ theo kế hoạch."),
    plan: Optional[Path] = typer.Option(None, "--plan", help=PLAN_HELP),
) -> None:
    """In lược đồ JSON Schema của tệp báo cáo, để trình soạn thảo (VS Code…) gợi ý và kiểm tra khi gõ."""
    from plan744.outputs import write_atomic
    from plan744.schema import submission_schema

    p, choice = (None, None) if generic else _plan_or_exit(plan)
    if choice is not None:
        say(choice.describe())
    text = json.dumps(submission_schema(p), ensure_ascii=False, indent=2) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        write_atomic(out, text.encode("utf-8"))
        say(f"Đã ghi {out}")
