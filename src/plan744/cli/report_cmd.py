"""`plan744 report --year YYYY`: the annual report of the plan, from the units' reports."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from plan744.cli.console import EXIT_INVALID, EXIT_OK, Progress, choose_plan, say
from plan744.cli.options import parse_date, parse_formats, parse_year, plan_option
from plan744.cli.vi import Command, UsageProblem

app = typer.Typer(add_completion=False)


@app.command(cls=Command)
def report(
    year: str = typer.Option(..., "--year", "-y", metavar="NĂM", help="Năm báo cáo, ví dụ 2022."),
    fmt: str = typer.Option("all", "--format", "-f", metavar="ĐỊNH_DẠNG",
                            help="html, pdf, docx (bản Word để chỉnh sửa), nhiều định dạng cách nhau bằng dấu phẩy, "
                                 "hoặc all (html, pdf và docx)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="THƯ_MỤC", help="Thư mục ghi báo cáo (mặc định: out)."),
    plan: Optional[Path] = plan_option(),
    data: Optional[Path] = typer.Option(None, "--data", metavar="THƯ_MỤC",
                                        help="Thư mục báo cáo của các đơn vị (mặc định: data/reports)."),
    templates: Optional[Path] = typer.Option(None, "--templates", metavar="THƯ_MỤC",
                                             help="Thư mục mẫu báo cáo (mặc định: templates/ của thư mục dữ liệu, hoặc bản đi kèm gói)."),
    so: Optional[str] = typer.Option(None, "--so", metavar="SỐ", help="Số văn bản, ví dụ 15 (để trống khi lập dự thảo)."),
    ngay: Optional[str] = typer.Option(None, "--ngay", metavar="NGÀY",
                                       help="Ngày ban hành, dạng năm-tháng-ngày (để trống khi lập dự thảo)."),
    nguoi_ky: Optional[str] = typer.Option(None, "--nguoi-ky", metavar="HỌ_TÊN", help="Họ tên người ký (để trống khi lập dự thảo)."),
) -> None:
    """Lập báo cáo kết quả thực hiện kế hoạch cho một năm, từ báo cáo của các đơn vị (HTML, PDF và bản Word)."""
    from plan744.cli.reporters import emit
    from plan744.outputs import OutputError, OutputSet, check_target_dir
    from plan744.readers.project import defaults
    from plan744.report.build import ALL_FORMATS, ReportError, ReportRequest, build
    from plan744.report.html import Issuance

    the_year = parse_year(year)
    assert the_year is not None
    formats = parse_formats(fmt, ALL_FORMATS, {"all": ALL_FORMATS})
    issue_date = parse_date(ngay, "--ngay")
    choice = choose_plan(plan)
    d = defaults()
    out_dir = out or d.out
    templates_dir = templates or d.templates
    if not (templates_dir / "report.html").is_file():
        raise UsageProblem(f"thư mục mẫu “{templates_dir}” không có report.html; bỏ --templates để dùng mẫu đi kèm.",
                           "plan744 report")
    stem = f"bao-cao-{the_year}"
    try:
        check_target_dir(out_dir, tuple(f"{stem}.{f}" for f in formats))
    except OutputError as exc:
        raise UsageProblem(str(exc), "plan744 report") from None
    req = ReportRequest(
        year=the_year,
        plan_path=choice.path,
        data_dir=data or d.reports,
        templates=templates_dir,
        out_dir=out_dir,
        formats=formats,
        issuance=Issuance(so, issue_date, nguoi_ky),
    )
    say(choice.describe())
    progress = Progress()
    progress.step(f"Đọc và kiểm tra số liệu trong {req.data_dir}…")
    try:
        outcome = build(req, progress=progress.step)
    except ReportError as exc:
        say(f"Chưa lập báo cáo: {exc} (không tệp nào được ghi).")
        raise typer.Exit(EXIT_INVALID) from None
    if not outcome.ok:
        emit(outcome.findings, outcome.files_checked, "text")
        say("Chưa lập báo cáo: cần sửa các lỗi trên trước (không tệp nào được ghi).")
        raise typer.Exit(EXIT_INVALID)
    if outcome.findings:
        emit(outcome.findings, outcome.files_checked, "text")
    try:
        with OutputSet(out_dir) as written:
            for name, content in outcome.outputs.items():
                written.add(name, content)
            paths = written.commit()
    except OutputError as exc:
        say(f"Chưa ghi báo cáo: {exc} Các tệp cũ trong thư mục vẫn giữ nguyên.")
        raise typer.Exit(EXIT_INVALID) from None
    _summary(outcome.report)
    for path in paths:
        typer.echo(f"Đã ghi {path}")
    raise typer.Exit(EXIT_OK)


def _summary(r) -> None:  # noqa: ANN001 - a YearReport
    from rich.console import Console
    from rich.table import Table

    from plan744.core.kpi import PATH_TEXT, STATUS_TEXT
    from plan744.core.vnformat import format_money_million, format_percent
    from plan744.report.html import indicator_percent

    console = Console(highlight=False, emoji=False)
    t = Table(title=f"Kết quả các chỉ tiêu năm {r.year}")
    for col in ("Chỉ tiêu", "Phạm vi", "Mục tiêu", "Kết quả", "Đánh giá", "Lộ trình"):
        t.add_column(col)
    for res in r.indicators:
        t.add_row(res.indicator.name, res.scope_name, res.target.wording, indicator_percent(res.percent, res.indicator),
                  STATUS_TEXT[res.status], PATH_TEXT[res.path_status] if res.path_expected is not None else "—")
    console.print(t, markup=False)
    c, b = r.completeness, r.budget
    console.print(f"Báo cáo của đơn vị: {c.submitted}/{c.expected} đã gửi ({len(c.late)} muộn), {len(c.missing)} chưa gửi"
                  + (": " + ", ".join(u.code for u in c.missing) if c.missing else "") + ".", markup=False)
    console.print(f"Phụ lục: bố trí {format_money_million(b.allocated)}, giải ngân {format_money_million(b.disbursed)} "
                  f"({format_percent(b.disbursement_rate)}), lũy kế {format_money_million(b.cumulative)} triệu đồng "
                  f"= {format_percent(b.cumulative_share)} kinh phí dự kiến.", markup=False)
