"""`plan744 site --out FOLDER`: a static dashboard of the plan (every target, unit, task and
year), opened from the folder or put on any static host."""

from __future__ import annotations

from pathlib import Path

import typer

from plan744 import clock
from plan744.cli.console import EXIT_INVALID, EXIT_OK, Progress, choose_plan, say
from plan744.cli.options import parse_date, plan_option
from plan744.cli.vi import Command, UsageProblem

app = typer.Typer(add_completion=False)


@app.command(cls=Command)
def site(
    out: Path = typer.Option(..., "--out", "-o", metavar="THƯ_MỤC", help="Thư mục ghi trang (tạo mới nếu chưa có)."),
    plan: Path | None = plan_option(),
    as_of: str | None = typer.Option(None, "--as-of", metavar="NGÀY",
                                        help="Tính đến ngày này, dạng năm-tháng-ngày (mặc định: hôm nay)."),
    data: Path | None = typer.Option(None, "--data", metavar="THƯ_MỤC",
                                        help="Thư mục báo cáo năm của các đơn vị (mặc định: data/reports)."),
    tracking: Path | None = typer.Option(None, "--tracking", metavar="THƯ_MỤC",
                                            help="Thư mục báo cáo tiến độ nhiệm vụ (mặc định: không dùng; "
                                                 "ví dụ data/tracking/qd-2629)."),
    templates: Path | None = typer.Option(None, "--templates", metavar="THƯ_MỤC",
                                             help="Thư mục mẫu riêng (mặc định: templates/ của thư mục dữ liệu); "
                                                  "các tệp trong site/ thay cho mẫu đi kèm gói."),
) -> None:
    """Lập trang tổng quan tĩnh (mở trực tiếp bằng trình duyệt, không cần máy chủ): tổng quan,
    từng chỉ tiêu, từng đơn vị, tình hình báo cáo, nhiệm vụ và tìm kiếm."""
    from plan744.cli.reporters import emit
    from plan744.outputs import OutputError, OutputSet, check_target_dir
    from plan744.readers.project import defaults
    from plan744.site.build import SiteRequest, build_site

    day = parse_date(as_of, "--as-of") or clock.today()
    choice = choose_plan(plan)
    d = defaults()
    templates_dir = templates or d.templates
    if not templates_dir.is_dir():
        raise UsageProblem(f"không có thư mục mẫu “{templates_dir}”; bỏ --templates để dùng mẫu đi kèm.")
    if tracking is not None and not tracking.exists():
        raise UsageProblem(f"không có thư mục báo cáo tiến độ “{tracking}”.")
    from plan744.cli.writing import inside

    if inside(out, data or d.reports):  # the next run would read the pages' folder as units' reports
        raise UsageProblem(f"thư mục ghi trang “{out}” nằm trong thư mục số liệu “{data or d.reports}”; hãy chọn --out ở ngoài.")
    try:
        check_target_dir(out, ("index.html",))
    except OutputError as exc:
        raise UsageProblem(str(exc)) from None
    say(choice.describe())
    progress = Progress()
    req = SiteRequest(choice.path, data or d.reports, templates_dir, day, tracking)
    progress.step(f"Đọc và kiểm tra số liệu trong {req.data_dir}…")
    outcome = build_site(req, progress=progress.step)
    if outcome.findings:
        emit(outcome.findings, outcome.files_checked, "text")
    if not outcome.ok:
        say("Chưa lập trang: cần sửa các lỗi trên trước (không tệp nào được ghi).")
        raise typer.Exit(EXIT_INVALID)
    try:
        with OutputSet(out) as written:
            for name, content in sorted(outcome.outputs.items()):
                written.add(name, content)
            written.commit()
    except OutputError as exc:
        say(f"Chưa ghi trang: {exc} Các tệp cũ trong thư mục vẫn giữ nguyên.")
        raise typer.Exit(EXIT_INVALID) from None
    years = ", ".join(str(y) for y in outcome.years) or "không có"
    typer.echo(f"Đã ghi {outcome.pages} trang ({len(outcome.outputs)} tệp) vào {out}; năm có số liệu: {years}. "
               f"Mở {out / 'index.html'} bằng trình duyệt.")
    raise typer.Exit(EXIT_OK)
