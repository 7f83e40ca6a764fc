"""`plan744 schema`: the JSON Schema of a unit's report, for editors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from plan744.cli.console import choose_plan, load_plan_or_exit, say
from plan744.cli.options import plan_option
from plan744.cli.vi import Command

app = typer.Typer(add_completion=False)


@app.command(cls=Command)
def schema(
    out: Path | None = typer.Option(None, "--out", "-o", metavar="TỆP", help="Ghi ra tệp thay vì in ra màn hình."),
    generic: bool = typer.Option(False, "--generic", help="Lược đồ chung, không giới hạn mã chỉ tiêu, nhiệm vụ theo kế hoạch."),
    report_data: bool = typer.Option(False, "--report-data",
                                     help="Lược đồ của số liệu báo cáo tổng hợp (report --format json), "
                                          "không phải của tệp báo cáo đơn vị."),
    plan: Path | None = plan_option(),
) -> None:
    """In lược đồ JSON Schema của tệp báo cáo, để trình soạn thảo (VS Code…) gợi ý và kiểm tra khi gõ."""
    from plan744.outputs import OutputError, write_atomic

    if report_data:
        from plan744.report.data import json_schema

        document = json_schema()
    else:
        from plan744.schema import submission_schema

        the_plan = None
        if not generic:
            choice = choose_plan(plan)
            the_plan = load_plan_or_exit(choice)
            say(choice.describe())
        document = submission_schema(the_plan)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if out is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(out, text.encode("utf-8"))
    except OutputError as exc:
        from plan744.cli.vi import UsageProblem

        raise UsageProblem(str(exc), "plan744 schema") from None
    say(f"Đã ghi {out}")
