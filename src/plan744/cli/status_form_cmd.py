"""`plan744 new-report --unit X --period 2026-Q3 --format xlsx`: a unit's task status report form
(issue 27) for one reporting period, written by the intake registry's status writers."""

from __future__ import annotations

from pathlib import Path

import typer

from plan744.cli.console import choose_plan, load_plan_or_exit, say
from plan744.cli.options import parse_choice
from plan744.cli.vi import UsageProblem

WHERE = "plan744 new-report"


def status_form(unit: str, period: str, out: Path | None, fmt: str, force: bool, plan: Path | None) -> None:
    from plan744 import clock
    from plan744.core.labels import word
    from plan744.core.status_report import parse_period
    from plan744.core.suggest import closest
    from plan744.intake.registry import STATUS_WRITERS, StatusForm
    from plan744.outputs import OutputError, write_atomic

    suffix, write = STATUS_WRITERS[parse_choice(fmt, tuple(STATUS_WRITERS), "--format")]
    key = parse_period(period)
    if key is None:
        raise UsageProblem(f"--period viết dạng 2026 (năm), 2026-Q3 (quý) hoặc 2026-09 (tháng); gặp “{period}”.", WHERE)
    choice = choose_plan(plan)
    p = load_plan_or_exit(choice)
    if unit not in p.units_by_code:
        guess = closest(unit, p.units_by_code)
        raise UsageProblem(f"không có đơn vị mã “{unit}” trong kế hoạch." + (f" Có phải ý là “{guess}”?" if guess else ""), WHERE)
    if not p.period.start <= key.start.year <= p.period.end:
        raise UsageProblem(f"kỳ {key.key} nằm ngoài giai đoạn {p.period.start}–{p.period.end} của kế hoạch.", WHERE)
    declared = [tp.every for tp in p.tracking.periods] if p.tracking else ["year"]
    if key.every not in declared:
        raise UsageProblem(f"kế hoạch không quy định kỳ báo cáo tiến độ theo {word(f'tasks.every.{key.every}')}; các kỳ "
                           f"được quy định: {', '.join(word(f'tasks.every.{e}') for e in declared)}.", WHERE)
    target = out or _tracking_folder() / str(key.start.year) / f"{unit}-{key.key}{suffix}"
    if target.suffix.lower() != suffix:
        raise UsageProblem(f"tệp {target} phải có đuôi {suffix} (đúng với --format).", WHERE)
    if target.exists() and not force:
        raise UsageProblem(f"tệp {target} đã có; dùng --force để ghi đè, hoặc --out để chọn tệp khác.", WHERE)
    try:
        write_atomic(target, write(StatusForm(p, unit, key.key, target, clock.now())))
    except OutputError as exc:
        raise UsageProblem(str(exc), WHERE) from None
    say(choice.describe())
    typer.echo(f"Đã tạo biểu mẫu báo cáo tiến độ {target}: gửi cho đơn vị điền vào các ô nền vàng; nhận lại rồi kiểm tra: "
               f"plan744 validate {target}")


def _tracking_folder() -> Path:
    """The units' status reports folder, beside the annual reports (as `plan744 tasks` reads it)."""
    from plan744.readers.project import SettingsError, defaults

    try:
        return defaults().reports.parent / "tracking"
    except SettingsError as exc:
        raise UsageProblem(f"tệp cài đặt: {exc}.", WHERE) from None
