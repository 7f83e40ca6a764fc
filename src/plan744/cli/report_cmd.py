"""`plan744 report --year YYYY`: the annual report of the plan, from the units' reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from plan744.cli.console import EXIT_INVALID, EXIT_OK, Progress, choose_plan, say
from plan744.cli.options import parse_date, parse_formats, parse_period, parse_year, plan_option
from plan744.cli.vi import Command, UsageProblem
from plan744.cli.writing import inside, write_outcome

app = typer.Typer(add_completion=False)


def _format_help() -> str:
    from plan744.report.formats import help_text

    return help_text()


class _ReportCommand(Command):
    """`report`, whose --format help (the registry's formats) is built only when the help is
    shown: the registry imports the figures and the composers, which `plan744 --help` and a
    `plan744 validate` never need."""

    def format_options(self, ctx: Any, formatter: Any) -> None:
        from typer.core import TyperOption

        for param in self.params:
            if isinstance(param, TyperOption) and param.name == "fmt" and not param.help:
                param.help = _format_help()
        super().format_options(ctx, formatter)


@app.command(cls=_ReportCommand)
def report(
    year: str | None = typer.Option(None, "--year", "-y", metavar="NĂM", help="Báo cáo năm, ví dụ 2022."),
    period: str | None = typer.Option(None, "--period", "-p", metavar="NĂM-NĂM",
                                         help="Báo cáo tổng kết (hoặc sơ kết) nhiều năm, ví dụ 2021-2025 hoặc 2021-2023."),
    fmt: str = typer.Option("all", "--format", "-f", metavar="ĐỊNH_DẠNG"),  # help: _ReportCommand
    short: bool = typer.Option(False, "--short", help="Bản rút gọn: không kèm các phụ lục toàn văn ý kiến của từng đơn vị."),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="THƯ_MỤC", help="Thư mục ghi báo cáo (mặc định: out)."),
    plan: Path | None = plan_option(),
    data: Path | None = typer.Option(None, "--data", metavar="THƯ_MỤC",
                                        help="Thư mục báo cáo của các đơn vị (mặc định: data/reports)."),
    templates: Path | None = typer.Option(None, "--templates", metavar="THƯ_MỤC",
                                             help="Thư mục mẫu báo cáo riêng (mặc định: templates/ của thư mục dữ liệu): "
                                                  "chỉ cần các tệp muốn thay, tệp nào không có thì dùng mẫu đi kèm gói."),
    so: str | None = typer.Option(None, "--so", metavar="SỐ", help="Số văn bản, ví dụ 15 (để trống khi lập dự thảo)."),
    ngay: str | None = typer.Option(None, "--ngay", metavar="NGÀY",
                                       help="Ngày ban hành, dạng năm-tháng-ngày (để trống khi lập dự thảo)."),
    nguoi_ky: str | None = typer.Option(None, "--nguoi-ky", metavar="HỌ_TÊN", help="Họ tên người ký (để trống khi lập dự thảo)."),
    quarter: str | None = typer.Option(None, "--quarter", metavar="QUÝ",
                                       help="Báo cáo tiến độ quý của kế hoạch có thời hạn nhiệm vụ, ví dụ 2026-Q3 (số liệu: "
                                            "báo cáo tiến độ của các đơn vị, --data mặc định data/tracking)."),
    as_of: str | None = typer.Option(None, "--as-of", metavar="NGÀY",
                                     help="Với --quarter: tính đến ngày này, dạng năm-tháng-ngày (mặc định: ngày cuối quý)."),
    reports: Path | None = typer.Option(None, "--reports", metavar="THƯ_MỤC",
                                        help="Với --quarter: thư mục báo cáo năm, để tính chỉ tiêu đạt (mặc định: thư mục số "
                                             "liệu trong cài đặt, khi đó là báo cáo của kế hoạch đang dùng)."),
    notes: Path | None = typer.Option(None, "--notes", metavar="TỆP_HOẶC_THƯ_MỤC",
                                         help="Ghi chú của cơ quan soạn thảo: một tệp, hoặc thư mục có tệp theo tên báo cáo "
                                              "(2025.yaml, 2021-2025.yaml; mặc định: data/notes, khóa notes của plan744.toml)."),
) -> None:
    """Lập báo cáo kết quả thực hiện kế hoạch: báo cáo năm (--year) hoặc tổng kết nhiều năm
    (--period), dạng văn bản (HTML, PDF, Word) hoặc số liệu (JSON, CSV, Excel)."""
    from plan744.outputs import OutputError, check_target_dir
    from plan744.readers.project import defaults
    from plan744.report.compose_common import Issuance
    from plan744.report.formats import FORMATS, GROUPS
    from plan744.services.report import ReportError, ReportRequest, build

    if notes is not None and not notes.exists():  # a mistyped path is never read as "no notes"
        raise UsageProblem(f"--notes: không có tệp hoặc thư mục “{notes}”. Tạo tệp ghi chú bằng: plan744 notes new "
                           "--year NĂM (hoặc --period NĂM-NĂM); bỏ --notes để dùng thư mục ghi chú trong cài đặt.")
    if quarter is not None:  # the quarterly progress report (issue 27)
        if year is not None or period is not None:
            raise UsageProblem("--quarter không dùng cùng --year hoặc --period.")
        if notes is not None:  # the quarterly report has no notes: never taken silently
            raise UsageProblem("--notes chỉ dùng với --year hoặc --period; báo cáo tiến độ quý không có ghi chú.")
        from plan744.cli.quarter_cmd import quarter_report

        return quarter_report(quarter, parse_date(as_of, "--as-of"), parse_formats(fmt, tuple(FORMATS), GROUPS), out, plan,
                              data, templates, Issuance(so, parse_date(ngay, "--ngay"), nguoi_ky), reports)
    if reports is not None:  # the annual reports of --year/--period are --data
        raise UsageProblem("--reports chỉ dùng với --quarter; báo cáo năm, tổng kết lấy số liệu từ --data.")
    the_year = parse_year(year)
    the_period = parse_period(period)
    if (the_year is None) == (the_period is None):
        raise UsageProblem("cần đúng một trong hai tùy chọn: --year (báo cáo năm) hoặc --period (tổng kết nhiều năm).")
    formats = parse_formats(fmt, tuple(FORMATS), GROUPS)
    issue_date = parse_date(ngay, "--ngay")
    choice = choose_plan(plan)
    d = defaults()
    out_dir = out or d.out
    templates_dir = templates or d.templates
    if not templates_dir.is_dir():  # the folder holds only the files it overrides; the others are bundled
        raise UsageProblem(f"không có thư mục mẫu “{templates_dir}”; bỏ --templates để dùng mẫu đi kèm.")
    if inside(out_dir, data or d.reports):
        raise UsageProblem(f"thư mục ghi báo cáo “{out_dir}” nằm trong thư mục số liệu “{data or d.reports}”: lần lập "
                           "báo cáo sau sẽ đọc các tệp đã ghi như báo cáo của đơn vị; hãy chọn --out ở ngoài thư mục số liệu.")
    req = ReportRequest(plan_path=choice.path, data_dir=data or d.reports, templates=templates_dir, formats=formats,
                        year=the_year, period=the_period, issuance=Issuance(so, issue_date, nguoi_ky), short=short,
                        notes=notes or d.notes, tracking=d.reports.parent / "tracking")
    try:
        check_target_dir(out_dir, tuple(f"{req.stem}{s}" for f in formats for s in FORMATS[f].suffixes))
    except OutputError as exc:
        raise UsageProblem(str(exc)) from None
    say(choice.describe())
    progress = Progress()
    progress.step(f"Đọc và kiểm tra số liệu trong {req.data_dir}…")
    try:
        outcome = build(req, progress=progress.step)
    except ReportError as exc:
        say(f"Chưa lập báo cáo: {exc} (không tệp nào được ghi).")
        raise typer.Exit(EXIT_INVALID) from None
    paths = write_outcome(outcome, out_dir)
    from plan744.cli.summary import print_summary

    print_summary(outcome.figures)
    for path in paths:
        typer.echo(f"Đã ghi {path}")
    raise typer.Exit(EXIT_OK)
