"""`plan744 report --year YYYY`: the province's annual progress report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer

from plan744.cli.common import EXIT_INVALID, EXIT_OK, PLAN_HELP, choose_plan, fail_usage, say


def report(
    year: int = typer.Option(..., "--year", "-y", help="Năm báo cáo, ví dụ 2022."),
    fmt: str = typer.Option("all", "--format", "-f", help="html, pdf, docx (bản Word để chỉnh sửa) hoặc all (cả ba)."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Thư mục ghi báo cáo."),
    plan: Optional[Path] = typer.Option(None, "--plan", help=PLAN_HELP),
    data: Optional[Path] = typer.Option(None, "--data", help="Thư mục báo cáo của các đơn vị (mặc định: data/reports)."),
    templates: Optional[Path] = typer.Option(None, "--templates", help="Thư mục mẫu báo cáo (mặc định: templates/ của thư mục mã nguồn, hoặc bản đi kèm gói)."),
    so: Optional[str] = typer.Option(None, "--so", help="Số văn bản, ví dụ 15 (để trống khi lập dự thảo)."),
    ngay: Optional[str] = typer.Option(None, "--ngay", help="Ngày ban hành, dạng năm-tháng-ngày (để trống khi lập dự thảo)."),
    nguoi_ky: Optional[str] = typer.Option(None, "--nguoi-ky", help="Họ tên người ký (để trống khi lập dự thảo)."),
) -> None:
    """Lập báo cáo kết quả thực hiện kế hoạch của cả tỉnh cho một năm, từ báo cáo của các đơn vị (HTML, PDF và bản Word)."""
    from plan744.outputs import write_atomic
    from plan744.report.html import Issuance
    from plan744.report.build import ALL_FORMATS, FORMATS, ReportError, ReportRequest, build
    from plan744.cli.reporters import emit
    from plan744.readers.project import defaults

    if fmt not in FORMATS:
        raise fail_usage(f"định dạng “{fmt}” không hợp lệ; chọn một trong: {', '.join(FORMATS)}.")
    issue_date = None
    if ngay:
        try:
            issue_date = dt.date.fromisoformat(ngay)
        except ValueError:
            raise fail_usage(f"ngày “{ngay}” không hợp lệ; viết dạng năm-tháng-ngày, ví dụ 2023-01-05.") from None
    d = defaults()
    choice = choose_plan(plan)
    req = ReportRequest(
        year=year,
        plan_path=choice.path,
        data_dir=data or d.reports,
        templates=templates or d.templates,
        out_dir=out,
        formats=ALL_FORMATS if fmt == "all" else (fmt,),
        issuance=Issuance(so, issue_date, nguoi_ky),
    )
    say(choice.describe())
    say(f"Số liệu: {req.data_dir}")
    try:
        outcome = build(req)
    except ReportError as exc:
        say(f"Chưa lập báo cáo: {exc} (không tệp nào được ghi).")
        raise typer.Exit(EXIT_INVALID) from None
    if not outcome.ok:
        emit(outcome.findings, outcome.files_checked, "text")
        say("Chưa lập báo cáo: cần sửa các lỗi trên trước (không tệp nào được ghi).")
        raise typer.Exit(EXIT_INVALID)
    if outcome.findings:
        emit(outcome.findings, outcome.files_checked, "text")
    for name, content in outcome.outputs.items():
        write_atomic(out / name, content)
    _summary(outcome.report)
    for name in outcome.outputs:
        typer.echo(f"Đã ghi {out / name}")
    raise typer.Exit(EXIT_OK)


def _summary(r) -> None:  # noqa: ANN001 - a YearReport
    from rich.console import Console
    from rich.table import Table

    from plan744.core.kpi import PATH_TEXT, STATUS_TEXT
    from plan744.report.html import indicator_percent
    from plan744.core.vnformat import format_money_million, format_percent

    console = Console(highlight=False)
    t = Table(title=f"Kết quả các chỉ tiêu năm {r.year}")
    for col in ("Chỉ tiêu", "Phạm vi", "Mục tiêu", "Kết quả", "Đánh giá", "Lộ trình"):
        t.add_column(col)
    for res in r.indicators:
        t.add_row(res.indicator.name, res.scope_name, res.target.wording, indicator_percent(res.percent, res.indicator),
                  STATUS_TEXT[res.status], PATH_TEXT[res.path_status] if res.path_expected is not None else "—")
    console.print(t)
    c, b = r.completeness, r.budget
    console.print(f"Báo cáo của đơn vị: {c.submitted}/{c.expected} đã gửi ({len(c.late)} muộn), {len(c.missing)} chưa gửi"
                  + (": " + ", ".join(u.code for u in c.missing) if c.missing else "") + ".")
    console.print(f"Phụ lục: bố trí {format_money_million(b.allocated)}, giải ngân {format_money_million(b.disbursed)} "
                  f"({format_percent(b.disbursement_rate)}), lũy kế {format_money_million(b.cumulative)} triệu đồng "
                  f"= {format_percent(b.cumulative_share)} kinh phí dự kiến.")
