"""`plan744 notes new` and `plan744 notes check`: the department's notes for a report
(`core.notes.ReportNotes`), one YAML file per report in the notes folder."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from plan744.cli.console import EXIT_INVALID, EXIT_OK, say
from plan744.cli.options import parse_choice, parse_period, parse_year
from plan744.cli.vi import Command, Group, UsageProblem, show_help_if_no_command

app = typer.Typer(cls=Group, add_completion=False)

SCAFFOLD = """\
# Ghi chú của cơ quan soạn thảo cho {report} (plan744).
# Báo cáo dùng tệp này khi có: phần nào điền thì đưa vào báo cáo, phần nào để trống (hoặc xóa) thì báo cáo giữ
# dòng "[Cơ quan soạn thảo bổ sung: …]" để điền sau. Ngày viết dạng năm-tháng-ngày (2025-11-20). Lời văn dài
# viết sau dấu ">-" ở dòng dưới, thụt vào hai dấu cách; muốn tách đoạn thì để một dòng trống (dùng "|-").
# Kiểm tra: plan744 notes check {file}

# Đặt true nếu nội dung chỉ để minh họa (báo cáo sẽ ghi rõ là minh họa).
illustrative: false

# Văn bản yêu cầu báo cáo: câu mở đầu "Thực hiện Công văn số … ngày … của …".
# request:
#   kind: Công văn
#   number: …/BKHCN-CĐS
#   date: {year}-12-01
#   issuer: Bộ Khoa học và Công nghệ
#   subject: …

# Văn bản chỉ đạo, điều hành ban hành trong kỳ (mục "Công tác lãnh đạo, chỉ đạo, tổ chức triển khai"),
# mỗi văn bản một mục bắt đầu bằng "- ".
# directives:
#   - kind: Kế hoạch
#     number: …/KH-UBND
#     date: {year}-01-15
#     issuer: UBND tỉnh
#     subject: ứng dụng công nghệ thông tin, phát triển chính quyền số năm {year}

# Lời văn của cơ quan soạn thảo, mỗi mục một đoạn (bỏ dấu # ở đầu dòng rồi viết):
# direction: >-            # công tác lãnh đạo, chỉ đạo, kiểm tra, đôn đốc
#   …
# highlights: >-           # kết quả nổi bật
#   …
# shortcomings: >-         # tồn tại, hạn chế (bổ sung cho phần tính từ số liệu)
#   …
# causes_objective: >-     # nguyên nhân khách quan
#   …
# causes_subjective: >-    # nguyên nhân chủ quan
#   …
# lessons: >-              # bài học kinh nghiệm
#   …
# directions: >-           # phương hướng, nhiệm vụ kỳ tới
#   …
# proposals: >-            # đề xuất, kiến nghị
#   …

# Căn cứ của giai đoạn tới: các văn bản làm căn cứ và văn bản quy định cách đo hiện hành.
# next_period:
#   basis:
#     - kind: Nghị quyết
#       number: 57-NQ/TW
#       date: 2024-12-22
#       issuer: Bộ Chính trị
#       subject: đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia
#   measure:
#     kind: Nghị định
#     number: 42/2022/NĐ-CP
#     date: 2022-06-24
#     issuer: Chính phủ
"""


@app.callback()
def notes_group(ctx: typer.Context) -> None:
    """Ghi chú của cơ quan soạn thảo cho từng báo cáo: văn bản yêu cầu, văn bản chỉ đạo, lời văn đánh giá."""
    show_help_if_no_command(ctx)


@app.command("new", cls=Command)
def new(
    year: str | None = typer.Option(None, "--year", "-y", metavar="NĂM", help="Ghi chú cho báo cáo năm, ví dụ 2025."),
    period: str | None = typer.Option(None, "--period", "-p", metavar="NĂM-NĂM",
                                         help="Ghi chú cho báo cáo tổng kết, ví dụ 2021-2025."),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="TỆP",
                                       help="Tệp ghi (mặc định: tệp theo tên báo cáo trong thư mục ghi chú, data/notes)."),
) -> None:
    """Tạo tệp ghi chú mẫu (có hướng dẫn) cho một báo cáo; không ghi đè tệp đã có."""
    from plan744.readers.notes import notes_name
    from plan744.readers.project import defaults

    the_year, the_period = parse_year(year), parse_period(period)
    if (the_year is None) == (the_period is None):
        raise UsageProblem("cần đúng một trong hai tùy chọn: --year (báo cáo năm) hoặc --period (tổng kết nhiều năm).")
    if the_period is not None:
        start, end = the_period
    else:
        assert the_year is not None
        start = end = the_year
    target = out or defaults().notes / notes_name(start, end)
    if target.exists():
        say(f"Đã có tệp {target}: không ghi đè. Sửa tệp đó, hoặc chọn tệp khác bằng --out.")
        raise typer.Exit(EXIT_INVALID)
    report = f"Báo cáo năm {start}" if start == end else f"Báo cáo tổng kết giai đoạn {start} - {end}"
    text = SCAFFOLD.format(report=report, file=target, year=end)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    except FileExistsError:
        say(f"Đã có tệp {target}: không ghi đè.")
        raise typer.Exit(EXIT_INVALID) from None
    say(f"Đã tạo {target}. Điền các mục rồi kiểm tra: plan744 notes check {target}")
    raise typer.Exit(EXIT_OK)


@app.command("check", cls=Command)
def check(
    files: list[Path] | None = typer.Argument(None, metavar="[TỆP]...",
                                              help="Tệp ghi chú (mặc định: mọi tệp trong thư mục ghi chú, data/notes)."),
    fmt: str = typer.Option("auto", "--format", "-f", metavar="ĐỊNH_DẠNG", help="auto, text, json hoặc github."),
) -> None:
    """Kiểm tra tệp ghi chú: tên trường, ngày tháng, kiểu giá trị; lỗi nêu rõ tệp, dòng, cột."""
    from plan744.cli.reporters import FORMATS, emit, resolve_format
    from plan744.core.findings import has_errors
    from plan744.readers.notes import read_notes
    from plan744.readers.project import defaults

    fmt = resolve_format(parse_choice(fmt, FORMATS, "--format"), dict(os.environ))
    paths = list(files or [])
    if not paths:
        folder = defaults().notes
        paths = sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
        if not paths:
            raise UsageProblem(f"không có tệp ghi chú nào trong “{folder}”; tạo bằng: plan744 notes new --year NĂM.")
    findings = []
    for path in paths:
        findings += read_notes(path).findings
    emit(findings, len(paths), fmt)
    raise typer.Exit(EXIT_INVALID if has_errors(findings) else EXIT_OK)
