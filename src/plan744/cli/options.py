"""Options shared by the commands, and the parsers that turn their text into values.

Options are read as text and converted here, so every mistake gets a Vietnamese sentence that
says what was expected and what was typed (typer's own conversion would answer in English).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import typer

from plan744.cli.vi import UsageProblem

SETTINGS_RULE = ("tệp plan744.toml (hoặc bảng [tool.plan744] của pyproject.toml) gần nhất, tìm ở thư mục đang đứng "
                 "rồi lần lượt các thư mục cha")
PLAN_HELP = ("Tệp kế hoạch. Mặc định: biến môi trường PLAN744_PLAN; khóa plan của " + SETTINGS_RULE +
             "; data/plan.yaml của thư mục đang đứng (hoặc thư mục cha); hoặc bản đi kèm gói. "
             "Xem cài đặt đang dùng: plan744 --verbose.")


def plan_option() -> Path | None:
    return typer.Option(None, "--plan", metavar="TỆP", help=PLAN_HELP)


def parse_year(text: str | None, option: str = "--year") -> int | None:
    if text is None:
        return None
    value = text.strip()
    if not re.fullmatch(r"[0-9]{4}", value):
        raise UsageProblem(f"{option} cần một năm gồm 4 chữ số, ví dụ 2022; gặp “{text}”.")
    year = int(value)
    if not 1900 <= year <= 2100:
        raise UsageProblem(f"{option} cần một năm trong khoảng 1900–2100; gặp {year}.")
    return year


def parse_period(text: str | None) -> tuple[int, int] | None:
    """'2021-2025' (or 2021–2025, 2021..2025) -> (2021, 2025)."""
    if text is None:
        return None
    m = re.fullmatch(r"\s*([0-9]{4})\s*(?:-|–|\.\.)\s*([0-9]{4})\s*", text)
    if not m:
        raise UsageProblem(f"--period cần hai năm dạng 2021-2025; gặp “{text}”.")
    start, end = (parse_year(g, "--period") for g in m.groups())
    assert start is not None and end is not None
    if end < start:
        raise UsageProblem(f"--period: năm kết thúc {end} sớm hơn năm bắt đầu {start}.")
    return start, end


def parse_date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    value = text.strip()
    m = re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", value)
    try:
        if m:  # 05/01/2023, as a Vietnamese user writes it
            d, mo, y = (int(g) for g in m.groups())
            return dt.date(y, mo, d)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageProblem(f"{option}: “{text}” không phải một ngày; viết dạng năm-tháng-ngày, ví dụ 2023-01-05.") from None


def parse_choice(text: str, choices: tuple[str, ...], option: str) -> str:
    value = text.strip()
    if value not in choices:
        from plan744.core.suggest import closest

        guess = closest(value, choices)
        hint = f" Có phải ý là “{guess}”?" if guess else ""
        raise UsageProblem(f"{option}: “{text}” không hợp lệ; chọn một trong: {', '.join(choices)}.{hint}")
    return value


def parse_formats(text: str, choices: tuple[str, ...], groups: dict[str, tuple[str, ...]], option: str = "--format") -> tuple[str, ...]:
    """'html,pdf' -> ('html', 'pdf'); a group name ('all', 'data') stands for its members."""
    out: list[str] = []
    for part in [p.strip() for p in text.split(",") if p.strip()] or [text]:
        if part in groups:
            out.extend(groups[part])
        else:
            out.append(parse_choice(part, choices + tuple(groups), option))
    return tuple(dict.fromkeys(out))
